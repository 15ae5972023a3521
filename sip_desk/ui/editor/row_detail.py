"""The detail form of a table's current row: the fields the table does not show.

A table shows a row's essential columns only (``Column.table``), so it fits the editor's width;
the row's other fields are typed here. Ctrl+Enter on a row (or the "Details…" button) opens the
form under the table with the focus in its first field; Escape saves what is typed and puts the
focus back on the cell it came from. Each field is an ordinary editor field (bindings.py): saved
while typed and on leaving it, through the table's own save (``TablePart.save_row``: one write
per edit, one undo step per field), with its message beside it. Text the store refused keeps
the form open on its row, as it keeps a cell's editor open. While the form is open it follows
the table's current row.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QFrame, QGridLayout, QLabel, QLineEdit, QWidget

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.bindings import FieldBinding, Save
from sip_desk.ui.editor.conflicts import FieldSave, Outcome
from sip_desk.ui.editor.field_widgets import format_date
from sip_desk.ui.editor.reveal import reveal_soon
from sip_desk.ui.item_models.cell_values import Column, default_value, parse_date

if TYPE_CHECKING:
    from sip_desk.ui.editor.table_part import TablePart

PAIRS_PER_LINE = 2


class BoxMaker(Protocol):
    """``Section.bound_box``: binds ``widget`` as input ``key`` and returns its box."""

    def __call__(
        self,
        key: str,
        widget: QWidget,
        read: Callable[[PlanDetail], object],
        save: Save,
        parent: QWidget,
        **kw: Any,
    ) -> QWidget: ...


class RowDetail(QFrame):
    """The detail form of ``part``'s table (see the module docstring)."""

    def __init__(self, part: TablePart, bind: BoxMaker) -> None:
        super().__init__(part)
        self.part = part
        self.setObjectName(f"{part.kind}_detail")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.row_id: int | None = None
        self._back = QPersistentModelIndex()  # the cell Escape returns to
        self.heading = QLabel(self)
        self.heading.setObjectName(f"{part.kind}_detail_heading")
        self.heading.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0, 1, 2 * PAIRS_PER_LINE)
        self.fields: dict[str, FieldBinding] = {}
        # The fields the table does not show; then those it leaves out when it is narrow.
        columns = [c for c in part.model.COLUMNS if c.kind != "goals"]
        self.columns = [c for c in columns if not c.table] + [c for c in columns if c.drop]
        self._droppable: dict[str, list[QWidget]] = {}  # attr -> caption and input
        for at, column in enumerate(self.columns):
            self._add_field(grid, bind, column, at)
        for pair in range(PAIRS_PER_LINE):
            grid.setColumnStretch(2 * pair + 1, 1)
        part.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.hide()

    # Building -------------------------------------------------------------------------------
    def _add_field(self, grid: QGridLayout, bind: BoxMaker, column: Column, at: int) -> None:
        model, attr = self.part.model, column.attr
        header = QCoreApplication.translate(model.CONTEXT, str(column.header))
        widget, kw = _input(column, header, model.choices_for(column))
        key = f"{self.part.kind}.{attr}"
        widget.setAccessibleName(header)
        box = bind(key, widget, self._reader(attr), self._saver(attr), self, **kw)
        binding = widget.findChild(FieldBinding)
        assert binding is not None
        self.fields[attr] = binding
        widget.installEventFilter(self)
        caption = QLabel(header if column.kind != "bool" else "", self)
        caption.setBuddy(widget)
        # level with the input's text; at the top, so a message under the input never moves it
        pad = max(0, (widget.sizeHint().height() - caption.sizeHint().height()) // 2)
        caption.setContentsMargins(0, pad, 0, 0)
        line, pair = divmod(at, PAIRS_PER_LINE)
        grid.addWidget(caption, 1 + line, 2 * pair, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(box, 1 + line, 2 * pair + 1)
        if column.table:
            self._droppable[attr] = [caption, box]

    def _reader(self, attr: str) -> Callable[[PlanDetail], object]:
        def read(plan: PlanDetail) -> object:
            row = self._row(plan)
            return (
                default_value(self.part.model.DATA_TYPE, attr)
                if row is None
                else getattr(row, attr)
            )

        return read

    def _saver(self, attr: str) -> Save:
        def save(request: FieldSave) -> Outcome:
            row = self._row(self.part.session.plan)
            if row is None:
                return Outcome.FAILED
            # The row as the form showed it: a change someone else made since is a conflict.
            shown = dataclasses.replace(row, **{attr: request.base})
            data = dataclasses.replace(self.part.model.row_data(row), **{attr: request.value})
            return self.part.save_row(shown, data, ask=request.ask)

        return save

    def _row(self, plan: PlanDetail) -> Any:
        if self.row_id is None:
            return None
        item_id = self.part.session.resolve(self.part.kind, self.row_id)
        return next((r for r in self.part.rows_of(plan) if r.id == item_id), None)

    # Showing --------------------------------------------------------------------------------
    @property
    def keys(self) -> set[str]:
        return {b.key for b in self.fields.values()}

    @property
    def in_table(self) -> set[str]:
        """The keys of fields the table shows now (their messages are shown under it)."""
        model, table = self.part.model, self.part.table
        return {
            self.fields[a].key
            for a in self._droppable
            if not table.isColumnHidden(model.column_of(a))
        }

    @property
    def widgets(self) -> list[QWidget]:
        return [b.widget for b in self.fields.values()]

    def open(self, attr: str = "") -> bool:
        """Show the form for the table's current row, the focus in ``attr`` (or the first
        field); False on the "+" line, which has no stored row yet."""
        table = self.part.table
        table.commit_open_editor()
        index = table.currentIndex()
        if not self.columns or not index.isValid() or self.part.model.is_blank(index.row()):
            return False
        if not self._show_row(self.part.model.rows[index.row()].id):
            return False
        self._back = QPersistentModelIndex(index)
        model = self.part.model
        for name, widgets in self._droppable.items():
            for widget in widgets:  # in the form when the table left it out
                widget.setVisible(table.isColumnHidden(model.column_of(name)))
        shown = [
            b
            for a, b in self.fields.items()
            if a not in self._droppable or b.widget.isVisibleTo(self)
        ]
        if not shown:
            return False
        self.show()
        binding = next((b for b in shown if self.fields.get(attr) is b), shown[0])
        binding.widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        reveal_soon(self)
        return True

    def close_form(self) -> bool:
        """Save what is typed and go back to the table's cell; False (the form stays open, the
        focus on the field) when some text could not be stored."""
        for binding in self.fields.values():
            binding.commit()
        refused = next((b for b in self.fields.values() if b.refused), None)
        if refused is not None:
            refused.widget.setFocus()
            reveal_soon(refused.error)
            return False
        self.hide()
        table = self.part.table
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self._back.isValid():
            table.setCurrentIndex(table.model().index(self._back.row(), self._back.column()))
        return True

    def _show_row(self, row_id: int) -> bool:
        if row_id != self.row_id and any(b.refused for b in self.fields.values()):
            return False  # refused text stays with the row it was typed for
        self.row_id = row_id
        self.refresh(self.part.session.plan)
        return True

    def refresh(self, plan: PlanDetail) -> None:
        """Show the row as stored (fields with pending or refused text keep it)."""
        row = self._row(plan)
        if row is None:
            self.row_id = None
            self.hide()
            return
        self._set_choices()
        model = self.part.model
        name = model.display(
            model.COLUMNS[model.column_of(model.REQUIRED)], getattr(row, model.REQUIRED)
        )
        self.heading.setText(
            "<b>"
            + self.tr("Details: %1").replace("%1", _escape(name))
            + "</b> "
            + self.tr("(Escape saves and returns to the table)")
        )
        for binding in self.fields.values():
            binding.refresh(plan)

    def _set_choices(self) -> None:
        model = self.part.model
        for column in self.columns:
            combo = self.fields[column.attr].widget
            if not isinstance(combo, QComboBox) or column.enum is not None:
                continue
            choices = model.choices_for(column)
            if [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] == choices:
                continue
            with self.fields[column.attr].quiet():
                combo.clear()
                for value, label in choices:
                    combo.addItem(label, value)

    def _on_current_row_changed(self, current: Any, _previous: Any) -> None:
        model = self.part.model
        if self.isVisible() and current.isValid() and not model.is_blank(current.row()):
            self._show_row(model.rows[current.row()].id)
            self._back = QPersistentModelIndex(current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.close_form()
            return True
        return super().eventFilter(watched, event)


def _input(
    column: Column, header: str, choices: list[tuple[object, str]]
) -> tuple[QWidget, dict[str, Any]]:
    """The input a detail field of ``column`` needs, and how its value is read and shown."""
    if column.kind == "bool":
        return QCheckBox(header), {}
    if column.kind == "choice":
        combo = QComboBox()
        for value, label in choices:
            combo.addItem(label, value)
        if column.enum is None:
            return combo, {}
        enum = column.enum
        return combo, {
            "parse": lambda data: enum(data) if data else None,
            "show": lambda value: "" if value is None else str(value),
        }
    line = QLineEdit()
    if column.kind == "date":
        line.setPlaceholderText("ÅÅÅÅ-MM-DD")
        line.setMaxLength(10)
        return line, {"parse": parse_date, "show": format_date}
    return line, {}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
