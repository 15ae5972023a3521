"""Signing a plan version at the meeting: one row per signer, the person or guardian first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import SignatureMethod
from sip_desk.domain.errors import DomainError
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui import prompts
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.editor.session import ui_lang
from sip_desk.ui.text_scale import fit_window
from sip_desk.ui.widgets.signature_pad import SignaturePad

if TYPE_CHECKING:
    from sip_desk.services.registry import Services
    from sip_desk.services.signing_service import SigningService

DRAW, PAPER, LATER = 0, 1, 2


@dataclass(frozen=True)
class Signer:
    """Someone who may sign: the person, a guardian, or a participant."""

    name: str
    organisation: str = ""
    role: str = ""
    is_person: bool = False


def signers_of(plan: PlanDetail) -> list[Signer]:
    """The person (or the guardians) first, then every other participant, relatives included."""
    reps = plan.person.representatives
    first = [Signer(r.name, role="guardian", is_person=True) for r in reps] or [
        Signer(plan.person.full_name, is_person=True)
    ]
    names = {s.name for s in first}
    others = [
        Signer(p.name, p.organisation, p.role) for p in plan.participants if p.name not in names
    ]
    return first + others


class _WheelPassesBy:
    """A wheel turned over an input the user has not chosen scrolls the list, not the input.

    Scrolling the signers must never switch someone to "Signed on paper" or change a date.
    """

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()  # goes on to the scroll area


class MethodBox(_WheelPassesBy, QComboBox):
    """How a signer signs."""


class DateBox(_WheelPassesBy, QDateEdit):
    """The date a signer signed on paper."""


class SignerRow(QFrame):
    """One signer: how they sign (here, on paper, not now), the date, and the pad."""

    def __init__(
        self, signer: Signer, today: QDate, present: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.signer = signer
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.method = MethodBox()
        self.method.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.method.addItems(
            [self.tr("Signs here"), self.tr("Signed on paper"), self.tr("Does not sign now")]
        )
        self.method.setAccessibleName(self.tr("How %1 signs").replace("%1", signer.name))
        self.date = DateBox(today)
        self.date.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMaximumDate(today)
        self.date.setAccessibleName(self.tr("Date signed by %1").replace("%1", signer.name))
        self.pad = SignaturePad()
        self.pad.setAccessibleName(self.tr("Signature of %1").replace("%1", signer.name))
        self.clear = QPushButton(self.tr("Clear"))
        self.clear.setAccessibleName(
            self.tr("Clear the signature of %1").replace("%1", signer.name)
        )
        self._layout(signer)
        self.method.currentIndexChanged.connect(self._on_method_changed)
        self.clear.clicked.connect(self.pad.clear)
        self.method.setCurrentIndex(DRAW if present or signer.is_person else LATER)
        self._on_method_changed(self.method.currentIndex())

    def _layout(self, signer: Signer) -> None:
        title = QLabel(f"<b>{escape(signer.name)}</b>")
        detail = ", ".join(x for x in (signer.organisation, self._role_text(signer)) if x)
        grid = QGridLayout(self)
        grid.addWidget(title, 0, 0)
        grid.addWidget(QLabel(detail), 1, 0)
        controls = QHBoxLayout()
        controls.addWidget(self.method)
        controls.addWidget(self.date)
        controls.addWidget(self.clear)
        grid.addLayout(controls, 0, 1, 2, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.pad, 2, 0, 1, 2)

    def _role_text(self, signer: Signer) -> str:
        if signer.role == "guardian":
            return self.tr("Guardian")
        if signer.is_person:
            return self.tr("The person the plan is about")
        return signer.role

    def _on_method_changed(self, index: int) -> None:
        self.pad.setVisible(index == DRAW)
        self.clear.setVisible(index == DRAW)
        self.date.setEnabled(index == PAPER)

    def has_signature(self) -> bool:
        """True when something was drawn on the pad or a paper signature is recorded."""
        return not self.pad.is_empty() or self.method.currentIndex() == PAPER

    def signature(self) -> SignatureDto | None:
        """The signature given, ``None`` when this person does not sign now."""
        index, signed = self.method.currentIndex(), self.date.date()
        if index == LATER:
            return None
        return SignatureDto(
            signer_name=self.signer.name,
            organisation=self.signer.organisation,
            role=self._role_text(self.signer) if self.signer.is_person else self.signer.role,
            is_person=self.signer.is_person,
            method=SignatureMethod.DRAWN if index == DRAW else SignatureMethod.PAPER,
            signed_on=date(signed.year(), signed.month(), signed.day()),
            image_png=(self.pad.to_png() or None) if index == DRAW else None,
        )


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
        for row in self.rows:  # a message about the signers is gone once they change
            row.method.currentIndexChanged.connect(self.error.hide)
            row.pad.signature_changed.connect(self.error.hide)
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
        scroll.setWidget(body)
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
        except DomainError as error:
            self.error.show_message(error.message(ui_lang()))
            return
        super().accept()

    @classmethod
    def sign(
        cls, parent: QWidget | None, services: Services, plan: PlanDetail
    ) -> PlanDetail | None:
        """Show the dialog; the plan as stored after signing, or ``None`` when cancelled."""
        dialog = cls(services.signing, services.clock.today(), plan, parent)
        dialog.exec()
        return dialog.result_plan
