"""A plan-item table inside a section: the table, its row's detail form, its inline message and
its buttons."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.errors import ValidationError
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor import row_edits
from sip_desk.ui.editor.conflicts import Outcome, show_value
from sip_desk.ui.editor.field_parts import ErrorLabel
from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.reveal import reveal_soon
from sip_desk.ui.editor.row_detail import BoxMaker, RowDetail
from sip_desk.ui.editor.session import PlanSession, ui_lang
from sip_desk.ui.item_models.row_table_model import RowTableModel


class TablePart(QWidget):
    """Rows of one ``kind`` ("participant", "consent", "goal", "action") saved as they are typed."""

    def __init__(
        self,
        session: PlanSession,
        kind: str,
        model: RowTableModel,
        title: str,
        rows_of: Callable[[PlanDetail], Sequence[Any]],
        parent: QWidget | None = None,
        bind: BoxMaker | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.kind, self.model = session, kind, model
        self.rows_of = rows_of
        self.table = ItemTable(model, f"{kind}_table", title, self)
        self.detail = RowDetail(self, bind) if bind is not None else None
        self.error = ErrorLabel(f"{kind}_table_error", self)
        self._refused = False  # the message is about a value the table did not keep
        caption = QLabel(f"<b>{title}</b>", self)
        caption.setBuddy(self.table)
        self.add_button = QPushButton(self.tr("Add row (Enter on last row)"), self)
        self.add_button.setObjectName(f"{kind}_add")
        self.remove_button = QPushButton(self.tr("Remove row (Delete)"), self)
        self.remove_button.setObjectName(f"{kind}_remove")
        self.details_button = QPushButton(self.tr("Details… (Ctrl+Enter)"), self)
        self.details_button.setObjectName(f"{kind}_details")
        self.details_button.setToolTip(
            self.tr(
                "Show the other fields of the current row (Ctrl+Enter in the table). "
                "Escape saves them and returns to the table."
            )
        )
        self.details_button.setVisible(self.detail is not None and bool(self.detail.columns))
        for button in (self.add_button, self.remove_button, self.details_button):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.table)
        if self.detail is not None:
            layout.addWidget(self.detail)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.model.commit_update = self._on_update
        self.model.commit_add = self._on_add
        self.model.input_refused.connect(self._on_refused)
        self.model.refusal_withdrawn.connect(lambda: self.clear_errors((f"{self.kind}.",)))
        self.table.on_delete = self._on_delete
        self.add_button.clicked.connect(self.table.start_new_row)
        self.remove_button.clicked.connect(self.table.delete_current)
        self.table.on_details = self.open_detail
        self.details_button.clicked.connect(lambda _=False: self.open_detail())

    def open_detail(self, attr: str = "") -> bool:
        """Open the detail form of the current row (focus in ``attr``); False if none opens."""
        if self.detail is None:
            return False
        if self.detail.open(attr):
            return True
        current = self.table.currentIndex()
        if current.isValid() and self.model.is_blank(current.row()):
            required = self.model.column_of(self.model.REQUIRED)
            header = self.model.headerData(required, Qt.Orientation.Horizontal)
            self.error.show_message(
                self.tr("Type the new row's %1 first: the details belong to a stored row.").replace(
                    "%1", str(header).lower()
                )
            )
        return False

    def save_row(self, row: Any, data: Any, ask: bool) -> Outcome:
        """Save ``data`` over ``row`` as the table showed it: one undoable edit (cell or form)."""
        label = self.model.changed_label(row, data)
        edit = row_edits.update_item(
            self.session, self.kind, row, data, label, self._shows(row, data)
        )
        return self.session.apply(edit, ask=ask)

    def _on_update(self, row: Any, data: Any) -> bool:
        # a cell saved while typing never asks about a conflict: that waits until the cell is left
        outcome = self.save_row(row, data, ask=not self.table.saving_while_typing)
        self.model.last_save_invalid = outcome is Outcome.REFUSED  # held in its cell
        if outcome is Outcome.DEFERRED:
            self.error.show_message(
                self.tr(
                    "Not saved yet: someone else changed the same cell at the same time. "
                    "Use “Choose…” above the plan to decide which text to keep."
                )
            )
        return outcome is Outcome.SAVED

    def _shows(self, row: Any, data: Any) -> Callable[[object], str]:
        """How the conflict dialog shows values of the one column ``data`` changes."""
        model = self.model
        changed = [c for c in model.COLUMNS if getattr(row, c.attr) != getattr(data, c.attr)]
        if len(changed) != 1:
            return show_value
        column = changed[0]
        if column.kind == "bool":
            return model.yes_no
        return lambda value: model.display(column, value)

    def _on_add(self, data: Any) -> bool:
        edit = row_edits.add_item(self.session, self.kind, data, typed=self.model.REQUIRED)
        return self.session.execute(edit)

    def _on_delete(self, row: Any) -> bool:
        return self.session.execute(row_edits.remove_item(self.session, self.kind, row))

    def refresh(self, plan: PlanDetail) -> None:
        self.model.set_rows(self.rows_of(plan))
        if self.model.held:  # the row of a refused cell may have changed: try it again
            QTimer.singleShot(0, self, self.model.retry_held)
        if self.detail is not None and self.detail.row_id is not None:
            self.detail.refresh(plan)

    def _on_refused(self, text: str) -> None:
        if not self.table.saving_while_typing:  # half a date: no message while still typing
            self._show_error(text)

    def show_errors(self, errors: list[ValidationError]) -> list[ValidationError]:
        mine = [e for e in errors if e.field.startswith(f"{self.kind}.")]
        if mine and not self.table.saving_while_typing:
            self._show_error(" ".join(e.message(ui_lang()) for e in mine))
        return [e for e in errors if e not in mine]

    def _show_error(self, text: str) -> None:
        self.error.show_message(text)
        self._refused = bool(text)
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.table or self.isAncestorOf(focus)):
            reveal_soon(self.error)  # under the table the user is in: scrolled into sight

    def clear_errors(self, keys: tuple[str, ...]) -> None:
        # A refused value is gone from the table at once (the cell shows what is stored), so its
        # message lasts until the next saved edit, here or anywhere in the plan.
        if f"{self.kind}." in keys or (self._refused and keys):
            self.error.show_message("")
            self._refused = False

    def focus(self, entity_id: int | None, attr: str = "") -> None:
        self.table.focus_row(entity_id, attr)
        column = self.model.COLUMNS[self.model.column_of(attr)] if attr else None
        if column is not None and column.attr == attr and not column.table:
            self.open_detail(attr)  # a field the table does not show: in the row's form

    def focus_chain(self) -> list[QWidget]:
        """The table, then its detail form's inputs (skipped while the form is closed)."""
        return [self.table, *(self.detail.widgets if self.detail is not None else ())]
