"""The plan's signed state in words: signed and unchanged, or changed since a signed version."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from sip_desk.domain.changes import ChangeSummary
from sip_desk.domain.enums import VersionState
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.text import text
from sip_desk.ui.editor.session import ui_lang


def long_date(plan: PlanDetail, number: int, lang: str) -> str:
    """The local day version ``number`` was signed, e.g. "28 november 2026" ("" if unknown)."""
    version = next((v for v in plan.versions if v.number == number), None)
    if version is None or version.signed_at is None:
        return ""
    day = version.signed_at.astimezone(LOCAL_TZ).date()
    month = text(lang, "pdf.months").split()[day.month - 1]
    return f"{day.day} {month} {day.year}"


class SignedStateBar(QWidget):
    """One line under the toolbar; hidden for a plan never signed.

    Once something changed since the signed version, a link-styled button (reachable by Tab)
    emits ``show_changes_requested``.
    """

    show_changes_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signed_state")
        self.label = QLabel(self)
        self.label.setObjectName("signed_state_text")
        self.label.setWordWrap(True)
        self.link = QPushButton(self)
        self.link.setObjectName("signed_state_link")
        self.link.setFlat(True)
        self.link.setAutoDefault(True)  # Enter follows the link, as Space and a click do
        self.link.setStyleSheet("QPushButton { color: #0b4f8a; text-decoration: underline; }")
        self.link.clicked.connect(self.show_changes_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.link, 0, Qt.AlignmentFlag.AlignLeft)
        self.signed_unchanged = False
        self.hide()

    def show_state(self, plan: PlanDetail, summary: ChangeSummary) -> None:
        """Show the state of ``plan`` given what changed since its last signed version."""
        signed = next(
            (v.number for v in reversed(plan.versions) if v.state is VersionState.SIGNED), None
        )
        changed = bool(summary.items) and summary.since_version == signed
        self.signed_unchanged = signed is not None and not changed
        if signed is None:
            self.hide()
            return
        if changed:
            self.label.setText(
                "<b>✎ " + self.tr("Changed since version %1").replace("%1", str(signed)) + "</b>"
            )
            self.link.setText(self.tr("Show the changes"))
            self.link.show()
        else:
            day = long_date(plan, signed, ui_lang())
            words = self.tr("Signed version %1, %2") if day else self.tr("Signed version %1")
            self.label.setText(
                "<b>✓ " + words.replace("%1", str(signed)).replace("%2", day) + "</b>"
            )
            self.link.hide()
        self.show()

    @property
    def words(self) -> str:
        """The state as plain text (for tests and screen readers)."""
        return self.label.text().removeprefix("<b>").removesuffix("</b>")
