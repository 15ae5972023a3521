"""One signer's row of the signing dialog: how they sign, the date, the pad, their message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import SignatureMethod
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.widgets.signature_pad import SignaturePad

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
        self.error = ErrorLabel("signerError")  # what stops this signer's signature
        self._layout(signer)
        self.method.currentIndexChanged.connect(self._on_method_changed)
        self.clear.clicked.connect(self.pad.clear)
        self.method.setCurrentIndex(DRAW if present or signer.is_person else LATER)
        self._on_method_changed(self.method.currentIndex())

    def _layout(self, signer: Signer) -> None:
        # One column, wrapped lines: the row is as narrow as its pad, at any text size, so the
        # list of signers never scrolls sideways.
        title = QLabel(f"<b>{escape(signer.name)}</b>")
        detail = QLabel(", ".join(x for x in (signer.organisation, self._role_text(signer)) if x))
        for label in (title, detail):
            label.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(self.method)
        controls.addWidget(self.date)
        controls.addWidget(self.clear)
        controls.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addWidget(detail)
        column.addLayout(controls)
        column.addWidget(self.pad)
        column.addWidget(self.error)

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
