"""Columns of the plan-item tables and the values typed into their cells."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt


@dataclass(frozen=True)
class Column:
    """One column: the data attribute it edits and how its values are typed."""

    attr: str
    header: object  # a QT_TRANSLATE_NOOP source text
    kind: str = "text"  # text | date | bool | choice
    enum: type[StrEnum] | None = None
    table: bool = True  # shown in the table; False: only in the row's detail form
    # When the table is too narrow for its columns, the highest ``drop`` leaves it first (then
    # only in the row's detail form); 0: never (what the row is).
    drop: int = 0


def default_value(data_type: type[Any], attr: str) -> Any:
    """The default of field ``attr`` of ``data_type`` ("" when it has none)."""
    field = next((f for f in dataclasses.fields(data_type) if f.name == attr), None)
    if field is None or field.default is dataclasses.MISSING:
        return ""
    return field.default


def parse_cell(column: Column, value: Any, role: int) -> Any:
    """The value to store for ``value`` typed (or ticked) into a cell; ``ValueError`` if bad."""
    if column.kind == "bool":
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState(value) == Qt.CheckState.Checked
        return bool(value)
    if column.kind == "date":
        return parse_date(str(value or ""))
    if column.kind == "choice":
        if value in ("", None):
            return None
        return column.enum(value) if column.enum else value
    return str(value)


class ParseError(ValueError):
    """What the user typed cannot be read; ``args[0]`` is the message to show."""


def parse_date(text: str) -> date | None:
    """A date typed as ``ÅÅÅÅ-MM-DD`` or ``ÅÅÅÅMMDD``; empty is none; ``ParseError`` if bad."""
    text = text.strip()
    if not text:
        return None
    digits = text.replace("-", "")
    try:
        if len(digits) != 8 or not digits.isdigit():
            raise ValueError(text)
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        raise ParseError(
            QCoreApplication.translate(
                "RowTableModel", "Write the date as YYYY-MM-DD, e.g. 2026-11-23."
            )
        ) from None
