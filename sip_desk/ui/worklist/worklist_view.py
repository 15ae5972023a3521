"""Layout of the worklist: counts at the top, filters, the table and the row actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sip_desk.ui.views.plan_list_view import list_table

_COUNT_STYLE = (
    "QLabel {{ background: {bg}; border: 1px solid {border}; border-radius: 6px;"
    " padding: 6px 12px; font-size: 11pt; }}"
)


def _count_label(host: QWidget, name: str, bg: str, border: str) -> QLabel:
    label = QLabel(host)
    label.setObjectName(name)
    label.setStyleSheet(_COUNT_STYLE.format(bg=bg, border=border))
    return label


def _combo(host: QWidget, name: str, editable: bool = False) -> QComboBox:
    combo = QComboBox(host)
    combo.setObjectName(name)
    combo.setEditable(editable)
    combo.setMinimumContentsLength(14)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class WorklistView:
    """Builds the worklist's widgets on ``host``; the panel wires them."""

    def __init__(self, host: QWidget) -> None:
        self.overdue = _count_label(host, "countOverdue", "#fde2e1", "#e5a09c")
        self.today = _count_label(host, "countToday", "#fff1c2", "#e0c35c")
        self.this_week = _count_label(host, "countThisWeek", "#e3effd", "#9cbbe5")
        self.within_30 = _count_label(host, "countWithin30", "#eef0f2", "#c3c8cf")

        self.lead = _combo(host, "filterLead")
        self.organisation = _combo(host, "filterOrganisation", editable=True)
        self.coordinator = _combo(host, "filterCoordinator", editable=True)
        self.responsible = QLineEdit(host)
        self.responsible.setObjectName("filterResponsible")
        self.responsible.setClearButtonEnabled(True)
        self.status = _combo(host, "filterStatus")
        self.kind = _combo(host, "filterKind")

        self.table = list_table(QTableView(host), "worklistTable")
        self.table.horizontalHeader().setStretchLastSection(True)

        self.message = QLabel(host)
        self.message.setObjectName("worklistMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        self.open_plan = QPushButton(host)
        self.open_plan.setObjectName("openPlanButton")
        self.record = QPushButton(host)
        self.record.setObjectName("recordFollowUpButton")
        self.invitation = QPushButton(host)
        self.invitation.setObjectName("invitationButton")
        self.export_ics = QPushButton(host)
        self.export_ics.setObjectName("exportIcsButton")
        self.caseload = QPushButton(host)
        self.caseload.setObjectName("caseloadButton")
        self._layout(host)
        self.retranslate()

    def _layout(self, host: QWidget) -> None:
        counts = QHBoxLayout()
        for label in (self.overdue, self.today, self.this_week, self.within_30):
            counts.addWidget(label)
        counts.addStretch(1)
        left, right = QFormLayout(), QFormLayout()
        self.labels: dict[str, QLabel] = {}
        for form, pairs in (
            (left, (("lead", self.lead), ("organisation", self.organisation),
                    ("coordinator", self.coordinator))),
            (right, (("responsible", self.responsible), ("status", self.status),
                     ("kind", self.kind))),
        ):  # fmt: skip
            for key, widget in pairs:
                label = QLabel(host)
                label.setBuddy(widget)
                self.labels[key] = label
                form.addRow(label, widget)
        filter_row = QHBoxLayout()
        filter_row.addLayout(left, 1)
        filter_row.addLayout(right, 1)
        frame = QFrame(host)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setLayout(filter_row)
        buttons = QHBoxLayout()
        for button in (self.open_plan, self.record, self.invitation):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.caseload)
        buttons.addWidget(self.export_ics)
        outer = QVBoxLayout(host)
        outer.addLayout(counts)
        outer.addWidget(frame)
        outer.addWidget(self.message)
        outer.addWidget(self.table, 1)
        outer.addLayout(buttons)

    def retranslate(self) -> None:
        """Set every static text (again, after a language change)."""
        texts = {
            "lead": QCoreApplication.translate("WorklistView", "Lea&d principal:"),
            "organisation": QCoreApplication.translate("WorklistView", "Or&ganisation:"),
            "coordinator": QCoreApplication.translate("WorklistView", "&Coordinator:"),
            "responsible": QCoreApplication.translate("WorklistView", "Res&ponsible person:"),
            "status": QCoreApplication.translate("WorklistView", "Plan &status:"),
            "kind": QCoreApplication.translate("WorklistView", "S&how:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.responsible.setPlaceholderText(
            QCoreApplication.translate("WorklistView", "Name, exactly as in the plan")
        )
        self.open_plan.setText(QCoreApplication.translate("WorklistView", "Ope&n plan"))
        self.record.setText(QCoreApplication.translate("WorklistView", "&Record follow-up…"))
        self.invitation.setText(QCoreApplication.translate("WorklistView", "&Invitation (PDF)…"))
        self.export_ics.setText(QCoreApplication.translate("WorklistView", "E&xport to calendar…"))
        self.caseload.setText(QCoreApplication.translate("WorklistView", "C&aseload…"))
