"""Installing the UI translations: ours (``sip_desk_sv.qm``) and Qt's own ``qtbase_sv.qm``.

English is the source language: choosing English removes the translators.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sip_desk.paths import resource

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


class Translations:
    """Owns the installed translators so a language switch can replace them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> str:
        """Install the translators for ``language`` ("sv" or "en"); return the language used."""
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = language if language in LANGUAGE_NAMES else "sv"
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Swedish if self.language == "sv" else QLocale.Language.English,
                QLocale.Country.Sweden,
            )
        )
        if self.language == "en":
            return self.language
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (("qtbase_sv", qt_dir), ("sip_desk_sv", str(resource("i18n")))):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                self._installed.append(translator)
            else:
                log.warning("translation %s not found in %s", name, folder)
        return self.language
