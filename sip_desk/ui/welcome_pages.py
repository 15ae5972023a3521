"""The pages of the welcome: how to start, about you, and where the plans are kept.

The seal certificate's page is :mod:`sip_desk.ui.welcome_seal`. Each page only builds its
widgets (public attributes) and reads its values; the welcome saves them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from sip_desk.domain.account import AccountDetails, StorePlace
from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.validation import NAME_MAX
from sip_desk.ui.labels import principal_label


def text_label(text: str, parent: QWidget, name: str = "") -> QLabel:
    """A wrapped paragraph whose text can be selected (a path to copy)."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def scrolled_body(page: QWizardPage) -> QWidget:
    """The page's content area, which scrolls when the page is taller than the room (at 200 %
    with large text on a 768-pixel screen the wizard's buttons stay in view)."""
    body = QWidget(page)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(body)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return body


class StartPage(QWizardPage):
    """What SIP Desk is for, and the choice: demo plans or an empty start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeStartPage")
        self.setTitle(self.tr("Welcome to SIP Desk"))
        self.setSubTitle(self.tr("A few questions, and you can start."))
        intro = text_label(
            self.tr(
                "SIP Desk is where you write a coordinated individual plan (SIP) together with"
                " the person and everyone taking part, by keyboard and with nothing lost:"
                " everything you type is saved at once."
            ),
            self,
        )
        self.demo = QRadioButton(self.tr("&Try it with the demo plans (fictional persons)"), self)
        self.demo.setObjectName("welcomeDemoRadio")
        self.empty = QRadioButton(self.tr("Start without the &demo plans"), self)
        self.empty.setObjectName("welcomeEmptyRadio")
        self.empty.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.demo)
        group.addButton(self.empty)
        hint = text_label(
            self.tr(
                "The demo plans can be loaded later too (File › Load demo data); loading them"
                " twice adds nothing."
            ),
            self,
        )
        column = QVBoxLayout(scrolled_body(self))
        column.addWidget(intro)
        column.addSpacing(self.fontMetrics().height())
        column.addWidget(self.demo)
        column.addWidget(self.empty)
        column.addWidget(hint)
        column.addStretch(1)


class AboutYouPage(QWizardPage):
    """Name, professional role, unit, organisation and principal of the user."""

    def __init__(
        self, account: str, details: AccountDetails, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeAboutYouPage")
        self.setTitle(self.tr("About you"))
        self.setSubTitle(
            self.tr(
                "The logs record what your account %1 does. Your name, unit and organisation"
                " are shown beside it, and a new plan starts with you as a participant."
            ).replace("%1", account)
        )
        self.name = self._line("welcomeNameEdit", details.name, self.tr("Your name"))
        self.role = self._line("welcomeRoleEdit", details.role, self.tr("Your professional role"))
        self.role.setPlaceholderText(self.tr("e.g. social worker, nurse, teacher"))
        self.unit = self._line("welcomeUnitEdit", details.unit, self.tr("Your unit"))
        self.organisation = self._line(
            "welcomeOrganisationEdit", details.organisation, self.tr("Your organisation")
        )
        self.principal = QComboBox(self)
        self.principal.setObjectName("welcomePrincipalCombo")
        self.principal.setAccessibleName(self.tr("Principal of your organisation"))
        for kind in PrincipalType:
            self.principal.addItem(principal_label(kind), kind.value)
        self.principal.setCurrentIndex(max(0, self.principal.findData(details.principal.value)))
        form = QFormLayout(scrolled_body(self))
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Na&me:"), self.name)
        form.addRow(self.tr("&Professional role:"), self.role)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("Princip&al:"), self.principal)

    def _line(self, name: str, text: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setMaxLength(NAME_MAX)
        return edit

    def details(self) -> AccountDetails:
        """The details as typed."""
        return AccountDetails(
            name=self.name.text(),
            role=self.role.text(),
            unit=self.unit.text(),
            organisation=self.organisation.text(),
            principal=PrincipalType(str(self.principal.currentData())),
        )


class StorePage(QWizardPage):
    """Where the plans are kept and how they are backed up, in plain words."""

    def __init__(self, place: StorePlace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeStorePage")
        self.setTitle(self.tr("Where your plans are kept"))
        self.setSubTitle(self.tr("Nothing to choose here: this is how it works."))
        column = QVBoxLayout(scrolled_body(self))
        for text, where in self.paragraphs(place):
            column.addWidget(text_label(text, self, "welcomeStoreText"))
            if where:
                path = text_label(where, self, "welcomeStorePath")
                path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                path.setIndent(self.fontMetrics().averageCharWidth() * 3)
                font = path.font()
                font.setBold(True)
                path.setFont(font)
                column.addWidget(path)
            column.addSpacing(self.fontMetrics().height() // 2)
        column.addStretch(1)

    def paragraphs(self, place: StorePlace) -> list[tuple[str, str]]:
        """The page's text, each paragraph with the place it names (a path, a server)."""
        if place.server:
            return [
                (
                    self.tr(
                        "The plans are kept in a shared database on a server (your password is"
                        " not shown here). Everyone in your team works in the same plans:"
                    ),
                    place.server,
                ),
                (
                    self.tr(
                        "The server is backed up by its administrator, not by SIP Desk. Ask"
                        " your IT department if a plan needs to be brought back."
                    ),
                    "",
                ),
            ]
        return [
            (self.tr("The plans are kept in a database file on this computer:"), place.path),
            (
                self.tr(
                    "SIP Desk backs it up by itself: the first time you start it each day, it"
                    " saves a copy in this folder:"
                ),
                place.backups,
            ),
            (
                self.tr(
                    "The copies of the last %1 days are kept, and one a week for %2 more weeks."
                    " Should the database ever be damaged, SIP Desk offers to put the newest"
                    " good copy back."
                )
                .replace("%1", str(place.keep_daily))
                .replace("%2", str(place.keep_weekly)),
                "",
            ),
            (
                self.tr(
                    "The copies hold the same personal data as the plans: keep them just as"
                    " safe, and never send them by e-mail."
                ),
                "",
            ),
        ]
