"""Layout of the worklist: counts at the top, filters, the table and the row actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sip_desk.ui.text_scale import relative_font
from sip_desk.ui.views.plan_list_view import list_table
from sip_desk.ui.views.sort_chooser import SortChooser
from sip_desk.ui.views.wrap_row import WrapRow

CHIP_TEXT = 1.2  # a count's text, relative to the list's
_COUNT_STYLE = (
    "QToolButton {{ background: {bg}; border: 1px solid {border}; border-radius: 6px;"
    " padding: 5px 12px; color: #1d232a; }}"
    " QToolButton:checked {{ border: 3px solid #1d4f91; padding: 3px 10px; font-weight: bold; }}"
    " QToolButton:focus {{ border: 2px dashed #1d4f91; padding: 4px 11px; }}"
)


SHORT_SCREEN_PX = 560
"""Below this height (logical pixels) the filters start hidden, so the list has room."""
FILTERS_SHOWN_KEY = "worklist/filtersShown"


def _count_chip(host: QWidget, name: str, bg: str, border: str) -> QToolButton:
    """A count that filters the list to its rows when pressed (and back when pressed again)."""
    chip = QToolButton(host)
    chip.setObjectName(name)
    chip.setCheckable(True)
    chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    chip.setStyleSheet(_COUNT_STYLE.format(bg=bg, border=border))
    relative_font(chip, CHIP_TEXT)
    return chip


def _filter_toggle(host: QWidget) -> QToolButton:
    """The button that hides the filters, so the list gets the room."""
    toggle = QToolButton(host)
    toggle.setObjectName("filterToggle")
    toggle.setCheckable(True)
    toggle.setChecked(True)
    toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return toggle


def show_filters(view: WorklistView, settings: QSettings) -> None:
    """Filters shown as last time; on a short screen (a laptop at 200 %) hidden at first."""
    toggle = view.filter_toggle
    short = toggle.screen().availableGeometry().height() < SHORT_SCREEN_PX
    shown = settings.value(FILTERS_SHOWN_KEY, not short)
    toggle.setChecked(shown in (True, "true"))
    view.filters.setVisible(toggle.isChecked())
    toggle.toggled.connect(lambda on: settings.setValue(FILTERS_SHOWN_KEY, on))


def _date_edit(host: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(host)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setVisible(False)
    return edit


def _combo(host: QWidget, name: str, editable: bool = False) -> QComboBox:
    combo = QComboBox(host)
    combo.setObjectName(name)
    combo.setEditable(editable)
    combo.setMinimumContentsLength(14)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class FilterArea(QScrollArea):
    """The filters, as tall as they are (the dates' line too, once shown) up to a third of the
    screen's height; beyond that (200 % with large text on a 768 px screen) they scroll
    within their box instead of the window growing off the screen."""

    def __init__(self, frame: QFrame) -> None:
        super().__init__(frame.parentWidget())
        self.setObjectName("worklistFilters")
        self.setWidget(frame)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # they wrap
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        frame.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a line shown or hidden: the box follows
        return super().eventFilter(watched, event)

    def _tall(self) -> int:
        frame, screen = self.widget(), self.screen()
        most = screen.availableGeometry().height() // 3 if screen is not None else 200
        tall = frame.sizeHint().height() if frame is not None else most
        return min(tall, max(most, 1))

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._tall())


class WorklistView:
    """Builds the worklist's widgets on ``host``; the panel wires them."""

    def __init__(self, host: QWidget) -> None:
        self.overdue = _count_chip(host, "countOverdue", "#fde2e1", "#e5a09c")
        self.today = _count_chip(host, "countToday", "#fff1c2", "#e0c35c")
        self.this_week = _count_chip(host, "countThisWeek", "#e3effd", "#9cbbe5")
        self.within_30 = _count_chip(host, "countLater", "#eef0f2", "#c3c8cf")
        self.range = _combo(host, "worklistRange")
        self.range_label = QLabel(host)
        self.range_label.setBuddy(self.range)
        self.first_day = _date_edit(host, "worklistFirstDay")
        self.last_day = _date_edit(host, "worklistLastDay")
        self.until_label = QLabel("–", host)
        self.until_label.setVisible(False)

        self.lead = _combo(host, "filterLead")
        self.organisation = _combo(host, "filterOrganisation", editable=True)
        self.coordinator = _combo(host, "filterCoordinator", editable=True)
        self.responsible = QLineEdit(host)
        self.responsible.setObjectName("filterResponsible")
        self.responsible.setClearButtonEnabled(True)
        self.status = _combo(host, "filterStatus")
        self.kind = _combo(host, "filterKind")

        self.table = list_table(QTableView(host), "worklistTable")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)  # a third click: back to due order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.sort = SortChooser(header, host)
        self.sort.setObjectName("worklistSort")
        self.sort.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sort.setMinimumContentsLength(14)  # a long order is cut short, not the window widened
        self.sort_label = QLabel(host)
        self.sort_label.setBuddy(self.sort)

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
        self.filter_toggle = _filter_toggle(host)
        self._layout(host)
        self.retranslate()

    def _layout(self, host: QWidget) -> None:
        counts, toggle = QHBoxLayout(), QHBoxLayout()  # on two lines when narrow
        for chip in (self.overdue, self.today, self.this_week, self.within_30):
            counts.addWidget(chip)
        counts.addStretch(1)
        toggle.addStretch(1)
        toggle.addWidget(self.filter_toggle)
        span = QHBoxLayout()  # the dates under the span: one line was wider than a screen
        for part in (self.first_day, self.until_label, self.last_day):
            span.addWidget(part)
        span.addStretch(1)
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
        left.addRow(self.sort_label, self.sort)
        right.addRow(self.range_label, self.range)
        right.addRow("", span)
        frame = QFrame(host)
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        filter_row = QHBoxLayout(frame)  # the two forms side by side, or stacked when narrow
        filter_row.addWidget(WrapRow(frame, left, right, stretches=(1, 1)))
        row_actions, list_actions = QHBoxLayout(), QHBoxLayout()
        for button in (self.open_plan, self.record, self.invitation):
            row_actions.addWidget(button)
        row_actions.addStretch(1)
        list_actions.addStretch(1)
        list_actions.addWidget(self.caseload)
        list_actions.addWidget(self.export_ics)
        buttons = WrapRow(host, row_actions, list_actions, stretches=(1, 0))
        outer = QVBoxLayout(host)
        outer.addWidget(WrapRow(host, counts, toggle, stretches=(1, 0)))
        self.filters = FilterArea(frame)
        self.filter_toggle.toggled.connect(self.filters.setVisible)
        self.filter_toggle.toggled.connect(lambda _on: self._name_filter_toggle())
        outer.addWidget(self.filters)
        outer.addWidget(self.message)
        outer.addWidget(self.table, 1)
        outer.addWidget(buttons)

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
            QCoreApplication.translate("WorklistView", "Part of a name")
        )
        self.range_label.setText(QCoreApplication.translate("WorklistView", "Ti&me span:"))
        self.sort_label.setText(QCoreApplication.translate("WorklistView", "Sort &by:"))
        self.first_day.setAccessibleName(QCoreApplication.translate("WorklistView", "From"))
        self.last_day.setAccessibleName(QCoreApplication.translate("WorklistView", "To"))
        self.open_plan.setText(QCoreApplication.translate("WorklistView", "Ope&n plan"))
        self.record.setText(QCoreApplication.translate("WorklistView", "&Record follow-up…"))
        self.invitation.setText(QCoreApplication.translate("WorklistView", "&Invitation (PDF)…"))
        self.export_ics.setText(QCoreApplication.translate("WorklistView", "E&xport to calendar…"))
        self.caseload.setText(QCoreApplication.translate("WorklistView", "C&aseload…"))
        self._name_filter_toggle()

    def _name_filter_toggle(self) -> None:
        text = QCoreApplication.translate("WorklistView", "Fil&ter")
        self.filter_toggle.setText(("▾ " if self.filter_toggle.isChecked() else "▸ ") + text)
