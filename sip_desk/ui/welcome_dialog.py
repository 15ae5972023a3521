"""The welcome: shown at the first start on a store for each account, and from Help › Welcome….

Four pages (:mod:`sip_desk.ui.welcome_pages`, :mod:`sip_desk.ui.welcome_seal`): demo plans or an
empty start, about you, the seal certificate, where the plans are kept. Finish saves the
details and the certificate and marks the welcome done for this account; Escape after typing
asks first, and a welcome cancelled at the first start is shown again at the next.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget, QWizard

from sip_desk.domain.errors import DomainError
from sip_desk.ui import prompts
from sip_desk.ui.text_scale import fit_window
from sip_desk.ui.welcome_pages import AboutYouPage, StartPage, StorePage
from sip_desk.ui.welcome_seal import SealPage

if TYPE_CHECKING:
    from sip_desk.services.registry import Services

WIDTH_PX = 640  # at normal text size; grows with large text, never wider than the screen
HEIGHT_PX = 420


class WelcomeDialog(QWizard):
    """The pages in order; :attr:`load_demo` tells the caller to load the demo plans."""

    def __init__(self, services: Services, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to SIP Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._services = services
        self._lang = lang
        self.load_demo = False
        accounts = services.accounts
        self.start_page = StartPage(self)
        self.about = AboutYouPage(accounts.account, accounts.details(), self)
        self.seal = SealPage(services.documents.settings(), lang, self)
        self.store = StorePage(accounts.store_place(), self)
        for page in (self.start_page, self.about, self.seal, self.store):
            self.addPage(page)
        self._shown = self._values()
        fit_window(self, WIDTH_PX, HEIGHT_PX)

    def _values(self) -> tuple[object, ...]:
        return (self.about.details(), self.seal.settings(), self.start_page.demo.isChecked())

    def has_input(self) -> bool:
        """True when anything differs from what the welcome showed when it opened."""
        return self._values() != self._shown

    def reject(self) -> None:
        """Escape, Cancel and the close button: ask before discarding what was entered."""
        if self.has_input() and not prompts.confirm_discard(
            self,
            self.tr("Discard what you entered?"),
            self.tr("Your details are not saved, and the welcome is shown again next time."),
            self.tr("Continue"),
            self.tr("Discard"),
        ):
            return
        super().reject()

    def accept(self) -> None:
        """Save the details and the certificate, mark the welcome done; stays open on an
        error (shown on the page it concerns)."""
        services = self._services
        try:
            services.accounts.save_details(self.about.details())
            in_keyring = True
            if self.seal.changed():
                in_keyring = services.documents.save_settings(self.seal.settings())
            services.accounts.mark_welcome_done()
        except DomainError as error:
            prompts.warn(self, self.windowTitle(), error.message(self._lang))
            return
        if not in_keyring:
            prompts.inform(self, self.windowTitle(), self._no_keyring_text())
        self.load_demo = self.start_page.demo.isChecked()
        super().accept()

    def _no_keyring_text(self) -> str:
        return self.tr(
            "This computer has no keyring: the certificate password is kept until SIP Desk"
            " closes, and asked for again after the next start."
        )
