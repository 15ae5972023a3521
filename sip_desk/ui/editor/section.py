"""Base of every editor section: a titled form whose inputs save themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.errors import ValidationError
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.validation import TEXT_MAX
from sip_desk.services.context import Clock
from sip_desk.ui.editor import edits
from sip_desk.ui.editor.bindings import FieldBinding, Save
from sip_desk.ui.editor.conflicts import FieldSave, Outcome
from sip_desk.ui.editor.field_parts import ErrorLabel, UndoKeyFilter
from sip_desk.ui.editor.field_widgets import format_date
from sip_desk.ui.editor.length_counter import LengthCounter
from sip_desk.ui.editor.readability_badge import PERSON_PAGE_FIELDS, text_badge
from sip_desk.ui.editor.reveal import bring_near_top
from sip_desk.ui.editor.session import PlanSession, ui_lang
from sip_desk.ui.editor.table_part import TablePart
from sip_desk.ui.item_models.cell_values import parse_date
from sip_desk.ui.item_models.row_table_model import RowTableModel
from sip_desk.ui.text_scale import HEADING, on_font_change, relative_font

TEXT_LINES = 4


def object_name(key: str) -> str:
    """A stable Qt objectName from a field key: ``plan.reason`` → ``plan_reason``."""
    return key.replace(".", "_")


def _plain(label: str) -> str:
    """A label without its mnemonic marker, for accessible names and undo texts."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


class Section(QGroupBox):
    """A part of the meeting. Subclasses build their inputs in ``_build`` via the helpers."""

    def __init__(self, session: PlanSession, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clock: Clock = session.services.clock  # "now" and "today" for the section's rules
        self.setAccessibleName(title)
        self.bindings: dict[str, FieldBinding] = {}
        self.parts: list[TablePart] = []  # the section's tables, each found by anchor "<kind>s"
        self.undo_filter = UndoKeyFilter(self)
        self._layout = QVBoxLayout(self)
        self.heading = QLabel(title, self)
        relative_font(self.heading, HEADING, bold=True)  # larger than the labels at any scale
        self._layout.addWidget(self.heading)
        self.form = self.new_form()

    def new_form(self) -> QFormLayout:
        """Start a new block of labelled inputs below what the section holds so far."""
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._layout.addLayout(self.form)
        return self.form

    # Inputs ---------------------------------------------------------------------------------
    def _add(
        self,
        key: str,
        label: str,
        widget: QWidget,
        read: Callable[[PlanDetail], object],
        save: Callable[[object], bool],
        **kw: Any,
    ) -> FieldBinding:
        """An input saved through ``save(value)`` (True when saved)."""
        return self._bind(key, label, widget, read, lambda request: save(request.value), **kw)

    def _bind(
        self,
        key: str,
        label: str,
        widget: QWidget,
        read: Callable[[PlanDetail], object],
        save: Save,
        **kw: Any,
    ) -> FieldBinding:
        widget.setAccessibleName(_plain(label))
        box = self.bound_box(key, widget, read, save, self, **kw)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        caption.setWordWrap(True)
        self.form.addRow(caption, box)
        return self.bindings[key]

    def bound_box(
        self,
        key: str,
        widget: QWidget,
        read: Callable[[PlanDetail], object],
        save: Save,
        parent: QWidget,
        **kw: Any,
    ) -> QWidget:
        """``widget`` bound as input ``key``, in a box with its message (and counter) below it."""
        widget.setObjectName(object_name(key))
        widget.installEventFilter(self.undo_filter)
        error = ErrorLabel(object_name(key) + "_error", parent)
        box = QWidget(parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if isinstance(widget, QPlainTextEdit) and key in PERSON_PAGE_FIELDS:
            column.addWidget(text_badge(widget, box))
        if isinstance(widget, QPlainTextEdit):
            column.addWidget(LengthCounter(widget, TEXT_MAX, box))
        column.addWidget(error)
        self.bindings[key] = FieldBinding(
            key, widget, error, lambda: self.session.plan, read, save, **kw
        )
        return box

    def plan_field(self, name: str, label: str, widget: QWidget, **kw: Any) -> FieldBinding:
        """An input for one of the plan's own fields."""
        return self._stored_field(f"plan.{name}", label, widget, **kw)

    def person_field(self, name: str, label: str, widget: QWidget, **kw: Any) -> FieldBinding:
        """An input for one field of the person."""
        return self._stored_field(f"person.{name}", label, widget, **kw)

    def _stored_field(self, key: str, label: str, widget: QWidget, **kw: Any) -> FieldBinding:
        part, name = key.split(".")
        plan_own = part == "plan"
        edit = edits.set_plan_field if plan_own else edits.set_person_field

        def read(plan: PlanDetail) -> object:
            return getattr(plan.fields if plan_own else plan.person, name)

        def save(request: FieldSave) -> Outcome:
            change = edit(self.session, name, request.value, _plain(label), request)
            return self.session.apply(change, request.ask)

        return self._bind(key, label, widget, read, save, **kw)

    def set_choices(self, key: str, choices: list[tuple[object, str]]) -> None:
        """Offer ``choices`` (value, label) in the drop-down of ``key``, if they changed."""
        binding = self.bindings[key]
        combo = binding.widget
        assert isinstance(combo, QComboBox)
        if [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] == choices:
            return
        with binding.quiet():
            combo.clear()
            for value, label in choices:
                combo.addItem(label, value)

    def table_part(
        self, kind: str, model: RowTableModel, title: str, rows_of: Callable[[PlanDetail], Any]
    ) -> TablePart:
        """A table of ``kind`` rows (placed by the caller), refreshed and checked with the rest."""
        part = TablePart(self.session, kind, model, title, rows_of, self, self.bound_box)
        self.parts.append(part)
        return part

    @staticmethod
    def line() -> QLineEdit:
        return QLineEdit()

    @staticmethod
    def text(lines: int = TEXT_LINES) -> QPlainTextEdit:
        """A text box ``lines`` lines tall (in its font, so taller with large text)."""
        widget = QPlainTextEdit()
        widget.setTabChangesFocus(True)

        def fit() -> None:
            widget.setFixedHeight(widget.fontMetrics().lineSpacing() * lines + 12)

        fit()
        on_font_change(widget, fit)
        return widget

    @staticmethod
    def date_line() -> QLineEdit:
        widget = QLineEdit()
        widget.setPlaceholderText("ÅÅÅÅ-MM-DD")
        widget.setMaxLength(10)
        return widget

    @staticmethod
    def check(text: str) -> QCheckBox:
        return QCheckBox(text)

    @staticmethod
    def combo(choices: Iterable[tuple[object, str]]) -> QComboBox:
        widget = QComboBox()
        for value, label in choices:
            widget.addItem(label, value)
        return widget

    def date_kw(self) -> dict[str, Any]:
        return {"parse": parse_date, "show": format_date}

    @staticmethod
    def enum_kw(enum: type[StrEnum]) -> dict[str, Any]:
        return {
            "parse": lambda data: enum(data) if data else None,
            "show": lambda value: "" if value is None else str(value),
        }

    # Editor protocol ------------------------------------------------------------------------
    def refresh(self, plan: PlanDetail) -> None:
        """Show ``plan`` as stored (inputs with pending text keep it)."""
        for binding in self.bindings.values():
            binding.refresh(plan)
        for part in self.parts:
            part.refresh(plan)

    def flush(self, ask: bool = True) -> None:
        """Save every pending input now (``ask``: a conflict may be asked about now)."""
        for binding in self.bindings.values():
            binding.commit(ask)

    def show_errors(self, errors: list[ValidationError]) -> list[ValidationError]:
        """Show the errors this section owns beside their fields; return the others."""
        rest = []
        in_tables = {
            k for part in self.parts if part.detail is not None for k in part.detail.in_table
        }
        for error in errors:
            binding = self.bindings.get(error.field)
            if binding is None or error.field in in_tables:
                rest.append(error)
            else:
                binding.show_error(error.message(ui_lang()))
        for part in self.parts:
            rest = part.show_errors(rest)
        return rest

    def clear_errors(self, keys: tuple[str, ...]) -> None:
        """Hide the messages of fields whose edit has now been saved."""
        detail = self._detail_keys()
        for key, binding in self.bindings.items():
            if key in detail and binding.refused:
                continue  # another field of the row was saved: this one's text still is not
            if any(key == k or (k.endswith(".") and key.startswith(k)) for k in keys):
                binding.show_error("")
        for part in self.parts:
            part.clear_errors(keys)

    def focus_anchor(self, anchor: str, entity_id: int | None) -> bool:
        """Move the focus to the input for ``anchor``; False when it is not in this section.

        A table's anchor is its kind in plural, then optionally a column: "actions.organisation".
        """
        table, _dot, attr = anchor.partition(".")
        for part in self.parts:
            if table == f"{part.kind}s":
                self.focus_widget(part.table)
                part.focus(entity_id, attr)
                return True
        binding = self.bindings.get(anchor)
        if binding is None:
            return False
        self.focus_widget(binding.widget)
        return True

    def focus_widget(self, widget: QWidget) -> None:
        widget.setFocus()
        bring_near_top(widget)  # at the top of the view, not at its bottom edge

    def focus_chain(self) -> list[QWidget]:
        """The inputs in meeting order, for the editor's tab order (a table's detail form is
        chained after its table, see ``TablePart.focus_chain``)."""
        detail = self._detail_keys()
        return [b.widget for k, b in self.bindings.items() if k not in detail]

    def _detail_keys(self) -> set[str]:
        return {k for part in self.parts if part.detail is not None for k in part.detail.keys}


def chain_tabs(widgets: list[QWidget]) -> None:
    """Tab goes from each of ``widgets`` to the next."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)
