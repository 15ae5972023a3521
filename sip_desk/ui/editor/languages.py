"""Languages a person may speak or need an interpreter for: stored as codes, shown as names.

A language is shown in its own name and script (the person recognises it on a shared screen)
with its name in the UI language beside it, e.g. "ትግርኛ (tigrinja)". Anything else a caseworker
types is kept as typed.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from sip_desk.domain.languages import OWN_NAMES

# code, own name, English name (translated to the UI language)
LANGUAGES: tuple[tuple[str, str, object], ...] = (
    ("sv", OWN_NAMES["sv"], QT_TRANSLATE_NOOP("Languages", "Swedish")),
    ("en", OWN_NAMES["en"], QT_TRANSLATE_NOOP("Languages", "English")),
    ("ar", OWN_NAMES["ar"], QT_TRANSLATE_NOOP("Languages", "Arabic")),
    ("so", OWN_NAMES["so"], QT_TRANSLATE_NOOP("Languages", "Somali")),
    ("ti", OWN_NAMES["ti"], QT_TRANSLATE_NOOP("Languages", "Tigrinya")),
    ("prs", OWN_NAMES["prs"], QT_TRANSLATE_NOOP("Languages", "Dari")),
    ("fa", OWN_NAMES["fa"], QT_TRANSLATE_NOOP("Languages", "Persian")),
    ("ps", OWN_NAMES["ps"], QT_TRANSLATE_NOOP("Languages", "Pashto")),
    ("ckb", OWN_NAMES["ckb"], QT_TRANSLATE_NOOP("Languages", "Kurdish, Sorani")),
    ("kmr", OWN_NAMES["kmr"], QT_TRANSLATE_NOOP("Languages", "Kurdish, Kurmanji")),
    ("am", OWN_NAMES["am"], QT_TRANSLATE_NOOP("Languages", "Amharic")),
    ("uk", OWN_NAMES["uk"], QT_TRANSLATE_NOOP("Languages", "Ukrainian")),
    ("ru", OWN_NAMES["ru"], QT_TRANSLATE_NOOP("Languages", "Russian")),
    ("pl", OWN_NAMES["pl"], QT_TRANSLATE_NOOP("Languages", "Polish")),
    ("bs", OWN_NAMES["bs"], QT_TRANSLATE_NOOP("Languages", "Bosnian/Croatian/Serbian")),
    ("sq", OWN_NAMES["sq"], QT_TRANSLATE_NOOP("Languages", "Albanian")),
    ("tr", OWN_NAMES["tr"], QT_TRANSLATE_NOOP("Languages", "Turkish")),
    ("ro", OWN_NAMES["ro"], QT_TRANSLATE_NOOP("Languages", "Romanian")),
    ("es", OWN_NAMES["es"], QT_TRANSLATE_NOOP("Languages", "Spanish")),
    ("fr", OWN_NAMES["fr"], QT_TRANSLATE_NOOP("Languages", "French")),
    ("de", OWN_NAMES["de"], QT_TRANSLATE_NOOP("Languages", "German")),
    ("th", OWN_NAMES["th"], QT_TRANSLATE_NOOP("Languages", "Thai")),
    ("fi", OWN_NAMES["fi"], QT_TRANSLATE_NOOP("Languages", "Finnish")),
    ("fit", OWN_NAMES["fit"], QT_TRANSLATE_NOOP("Languages", "Meänkieli")),
    ("se", OWN_NAMES["se"], QT_TRANSLATE_NOOP("Languages", "Northern Sami")),
    ("rom", OWN_NAMES["rom"], QT_TRANSLATE_NOOP("Languages", "Romani")),
    ("yi", OWN_NAMES["yi"], QT_TRANSLATE_NOOP("Languages", "Yiddish")),
    ("swl", OWN_NAMES["swl"], QT_TRANSLATE_NOOP("Languages", "Swedish Sign Language")),
)
_BY_CODE = {code: (own, str(english)) for code, own, english in LANGUAGES}


def _ui_name(english: str) -> str:
    return QCoreApplication.translate("Languages", english)


def language_label(code: str) -> str:
    """How a stored language is shown: own name, with the UI-language name when it differs."""
    known = _BY_CODE.get(code)
    if known is None:
        return code
    own, english = known
    ui = _ui_name(english)
    return own if ui.casefold() == own.casefold() else f"{own} ({ui})"


def language_code(text: str) -> str:
    """The code for a picked or typed language; text that names no known language is kept."""
    text = " ".join(text.split())
    folded = text.casefold()
    for code, (own, english) in _BY_CODE.items():
        names = {code, own, english, _ui_name(english), language_label(code)}
        if folded in {n.casefold() for n in names}:
            return code
    return text


class LanguageCombo(QComboBox):
    """Pick a language from the list, or type one that is not in it."""

    def __init__(self, allow_none: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.setToolTip(self.tr("Pick a language from the list, or type one that is not in it."))
        if allow_none:
            self.addItem("", "")
        for code, _own, _english in LANGUAGES:
            self.addItem(language_label(code), code)
        completer = self.completer()
        if completer is not None:
            # Suggestions in a list, never typed into the field: "arab" finds "العربية (Arabic)".
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
