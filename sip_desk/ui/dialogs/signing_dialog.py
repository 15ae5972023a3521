"""Signing a plan version at the meeting: one row per signer, the person or guardian first."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.errors import DomainError, ValidationError, ValidationErrors
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui import prompts
from sip_desk.ui.dialogs.signer_row import DRAW, LATER, PAPER, SignerRow, signers_of
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.editor.session import ui_lang
from sip_desk.ui.text_scale import fit_window

if TYPE_CHECKING:
    from sip_desk.services.registry import Services
    from sip_desk.services.signing_service import SigningService

__all__ = ["DRAW", "LATER", "PAPER", "SignerRow", "SigningDialog", "signers_of"]


class SigningDialog(QDialog):
    """Freeze the current draft into a signed version with everyone's signatures.

    Signatures are saved together by "Sign version"; closing with any collected asks first, and
    the default answer keeps the dialog open. (A discarded signature is not kept as a draft: it
    belongs to the exact text shown, and the next edit of the plan would void it anyway.)
    """

    def __init__(
        self, signing: SigningService, today: date, plan: PlanDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._signing = signing
        self._plan = plan
        self.result_plan: PlanDetail | None = None
        number = plan.versions[-1].number if plan.versions else 1
        self.setWindowTitle(self.tr("Sign version %1").replace("%1", str(number)))
        fit_window(self, 760, 680)
        present = {p.name for p in plan.participants if p.present}
        self.rows = [SignerRow(s, QDate(today), s.name in present) for s in signers_of(plan)]
        self.error = ErrorLabel("signingError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = self.buttons.addButton(
            self.tr("Sign version"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self._build(number)
        # Messages about the signers: each signer's own goes once that signer changes.
        self._messages: list[tuple[SignerRow | None, str]] = []
        for row in self.rows:
            row.method.currentIndexChanged.connect(self._on_signer_changed)
            row.pad.signature_changed.connect(self._on_signer_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _build(self, number: int) -> None:
        intro = QLabel(
            self.tr(
                "Version %1 of the plan for %2 is locked when it is signed. "
                "Later changes make a new version."
            )
            .replace("%1", str(number))
            .replace("%2", self._plan.person.full_name)
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        changes = self._signing.changes_since_signed(self._plan)
        if changes.items:
            box = QLabel(
                "<b>"
                + self.tr("Changed since the last signed version:")
                + "</b><br>"
                + "<br>".join("• " + escape(x) for x in changes.lines(ui_lang()))
            )
            box.setObjectName("changesSinceSigned")
            box.setWordWrap(True)
            layout.addWidget(box)
        body = QWidget()
        rows = QVBoxLayout(body)
        for row in self.rows:
            rows.addWidget(row)
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        # As wide as the signers need (the dialog grows to it): rows wrap, never scroll sideways.
        bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        need = body.minimumSizeHint().width() + bar + 2 * scroll.frameWidth()
        scroll.setMinimumWidth(need)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter in a date or a list never signs (the dialog's default button would)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            isinstance(self.focusWidget(), QPushButton)
        ):
            event.accept()
            return
        super().keyPressEvent(event)

    def signatures(self) -> list[SignatureDto]:
        return [s for s in (row.signature() for row in self.rows) if s is not None]

    def collected(self) -> int:
        """How many signers have drawn or have a paper signature recorded (not yet saved)."""
        return sum(row.has_signature() for row in self.rows)

    def reject(self) -> None:
        """Escape, Cancel and the window's close button: ask before discarding signatures."""
        count = self.collected()
        if count and not prompts.confirm_discard(
            self,
            self.tr("Discard the signatures?"),
            self.tr(
                "Signatures collected and not yet saved: %1. They are saved when you choose "
                "“Sign version”."
            ).replace("%1", str(count)),
            self.tr("Continue signing"),
            self.tr("Discard the signatures"),
        ):
            return
        super().reject()

    def accept(self) -> None:
        try:
            self.result_plan = self._signing.sign_version(
                self._plan.id, self._plan.version, self.signatures()
            )
        except ValidationErrors as errors:
            self._show([(self._row_of(e), e.message(ui_lang())) for e in errors.errors])
            return
        except DomainError as error:
            self._show([(None, error.message(ui_lang()))])
            return
        super().accept()

    def _row_of(self, error: ValidationError) -> SignerRow | None:
        """The row of the signer ``error`` is about (None: about the signing as a whole)."""
        name = error.params.get("name")
        return next((r for r in self.rows if name is not None and r.signer.name == name), None)

    def _show(self, messages: list[tuple[SignerRow | None, str]]) -> None:
        """Each signer's message in their row; above the buttons the others, and the names of
        the signers who have one (one short line, so the list keeps its room at any size)."""
        self._messages = messages
        lines = [text for row, text in messages if row is None]
        names = [r.signer.name for r in self.rows if any(row is r for row, _t in messages)]
        if names:
            lines.append(
                self.tr("Signature missing for: %1. Each of them is marked in the list.").replace(
                    "%1", ", ".join(names)
                )
            )
        self.error.show_message("\n".join(lines))
        for row in self.rows:
            row.error.show_message(" ".join(t for r, t in messages if r is row))

    def _on_signer_changed(self, *_args: object) -> None:
        """A signer changed: their messages go (and those about the signing as a whole, which a
        change of any signer may answer); the other signers' stay."""
        sender = self.sender()
        row = next((r for r in self.rows if sender in (r.method, r.pad)), None)
        if row is not None and sender is row.pad and row.pad.is_empty():
            return  # a click or a dot is no signature: the person is still missing
        if self._messages:
            self._show([(r, t) for r, t in self._messages if r is not None and r is not row])

    @classmethod
    def sign(
        cls, parent: QWidget | None, services: Services, plan: PlanDetail
    ) -> PlanDetail | None:
        """Show the dialog; the plan as stored after signing, or ``None`` when cancelled."""
        dialog = cls(services.signing, services.clock.today(), plan, parent)
        dialog.exec()
        return dialog.result_plan
