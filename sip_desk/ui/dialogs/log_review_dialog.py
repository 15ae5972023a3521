"""Loggkontroll: review the access log (who read which person's data) and check both chains."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.access import (
    AccessEntryDto,
    AccessKind,
    AccessQuery,
    ChainReport,
    shown_unknown_kind,
)
from sip_desk.domain.errors import DomainError, ValidationError
from sip_desk.domain.identity import parse_identity
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.ui.background import BackgroundOp, error_text
from sip_desk.ui.views.sort_arrow import SortArrowHeader

if TYPE_CHECKING:
    from sip_desk.services.audit import AuditService

Review = tuple[list[AccessEntryDto], ChainReport, dict[str, str]]
W = TypeVar("W", bound=QWidget)


class LogReviewDialog(QDialog):
    """Filters (person, user, dates), the matching rows, and whether the logs are intact."""

    def __init__(self, audit: AuditService, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("logReviewDialog")
        self.setWindowTitle(self.tr("Access log review (loggkontroll)"))
        self._audit = audit
        self._today = today
        self.person = _named(QLineEdit(self), "logPerson")
        self.person.setPlaceholderText(self.tr("YYYYMMDD-NNNN"))
        self.user = _named(QLineEdit(self), "logUser")
        self.since = _named(QLineEdit(self), "logSince")
        self.until = _named(QLineEdit(self), "logUntil")
        for field in (self.since, self.until):
            field.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.show_button = _named(QPushButton(self.tr("&Show"), self), "logShow")
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.load)
        self.problem = _named(QLabel(self), "logProblem")
        self.problem.setWordWrap(True)
        self.chain = _named(QLabel(self), "logChain")
        self.chain.setWordWrap(True)
        self.table = self._make_table()
        self._layout()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 7, self)
        table.setObjectName("logTable")
        table.setHorizontalHeader(SortArrowHeader(table))
        table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("User"),
                self.tr("What"),
                self.tr("Person"),
                self.tr("Plan"),
                self.tr("Program"),
                self.tr("Detail"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSortIndicatorShown(True)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _layout(self) -> None:
        form = QFormLayout()
        self.labels: dict[QLineEdit, QLabel] = {}
        for label, field in (
            (self.tr("&Person (identity number):"), self.person),
            (self.tr("&User:"), self.user),
            (self.tr("&From date:"), self.since),
            (self.tr("&To date:"), self.until),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(field)
            self.labels[field] = caption
            form.addRow(caption, field)
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignBottom)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chain)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def query(self) -> AccessQuery:
        """The filters as typed. Raises ValidationError for a bad identity number or date."""
        person = self.person.text().strip()
        since, until = self._day(self.since.text()), self._day(self.until.text())
        if since and until and since > until:
            raise ValidationError("log.date", "cli.log.dates_reversed")
        return AccessQuery(
            identity_number=parse_identity(person, self._today).value if person else "",
            user=self.user.text().strip(),
            since=since,
            until=until,
        )

    @staticmethod
    def _day(value: str) -> date | None:
        value = value.strip()
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError("log.date", "cli.log.bad_date", value=value) from None

    def load(self) -> None:
        """Read the rows and check the chains on the background runner."""
        try:
            query = self.query()
        except DomainError as error:
            self.problem.setText(error_text(error, _lang()))
            return
        self.problem.clear()
        self.chain.setText(self.tr("Reading the log…"))
        audit = self._audit

        def work() -> Review:
            return audit.review_access(query), audit.check_chains(), audit.account_names()

        BackgroundOp(self, work, self._show).failure(self._failed).single(self).run()

    def _failed(self, error: Exception) -> None:
        self.chain.clear()
        self.problem.setText(error_text(error, _lang()))

    def _show(self, review: Review) -> None:
        entries, report, names = review
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            cells = (
                e.at.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S"),
                f"{e.user} ({names[e.user]})" if e.user in names else e.user,
                self._kind(e.kind),
                e.person or (str(e.person_id) if e.person_id else "–"),
                e.plan_id if e.plan_id else "–",
                f"{e.program} {e.command}".strip(),
                e.detail,
            )
            for c, value in enumerate(cells):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                table.setItem(r, c, item)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.resizeColumnsToContents()
        self.chain.setText(f"{self._chain_text(report, len(entries))}\n{self._tail_text(report)}")

    def _tail_text(self, report: ChainReport) -> str:
        """The newest hash and row count of each log: to be written down elsewhere."""
        (access, access_hash), (audit, audit_hash) = report.access_tail, report.audit_tail
        return (
            self.tr(
                "Newest hashes (write them down elsewhere): access log %1 rows, %2; "
                "audit trail %3 rows, %4."
            )
            .replace("%1", str(access))
            .replace("%2", access_hash)
            .replace("%3", str(audit))
            .replace("%4", audit_hash)
        )

    def _chain_text(self, report: ChainReport, shown: int) -> str:
        if report.intact:
            return (
                self.tr(
                    "Rows shown: %1. The logs are intact: no row changed or removed "
                    "(%2 rows in the access log, %3 in the audit trail)."
                )
                .replace("%1", str(shown))
                .replace("%2", str(report.access_rows))
                .replace("%3", str(report.audit_rows))
            )
        broken = [
            self.tr("BROKEN: %1, row %2: %3")
            .replace("%1", self._log_name(b.table))
            .replace("%2", str(b.row_id))
            .replace("%3", self._break(b.kind))
            for b in report.breaks
        ]
        return "\n".join(broken)

    def _log_name(self, table: str) -> str:
        return self.tr("the access log") if table == "access_log" else self.tr("the audit trail")

    def _break(self, kind: str) -> str:
        if kind == "altered":
            return self.tr("the row was changed after it was written")
        if kind == "missing":
            return self.tr("one or more rows before it have been removed")
        return self.tr("the row has no hash")

    def _kind(self, kind: AccessKind | str) -> str:
        if not isinstance(kind, AccessKind):
            return shown_unknown_kind(kind)
        names = {
            AccessKind.OPEN: self.tr("opened"),
            AccessKind.LIST: self.tr("listed"),
            AccessKind.SEARCH: self.tr("search hit"),
            AccessKind.EXPORT: self.tr("exported"),
            AccessKind.PRINT: self.tr("printed"),
            AccessKind.PREVIEW: self.tr("print preview"),
            AccessKind.CHECK: self.tr("completeness check"),
            AccessKind.WORKLIST: self.tr("worklist"),
            AccessKind.CALENDAR: self.tr("calendar file"),
            AccessKind.IMPORT: self.tr("import"),
            AccessKind.LOG_REVIEW: self.tr("log review"),
            AccessKind.RESTORE: self.tr("restored from a backup"),
            AccessKind.REVEAL: self.tr("protected data shown"),
        }
        return names[kind]

    @classmethod
    def show_for(cls, parent: QWidget | None, audit: AuditService, today: date) -> None:
        """Open the review and show the whole log at once."""
        dialog = cls(audit, today, parent)
        dialog.load()
        dialog.exec()


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _lang() -> str:
    from sip_desk.ui.editor.session import ui_lang

    return ui_lang()
