"""Large text (View menu, Ctrl+Shift+L) scales every part of the window in proportion, headings
stay larger than labels, switching it off restores the normal sizes exactly, and the choice is
kept for the next start."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from sip_desk.domain.action import ActionData
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.text_scale import LARGE_TEXT_FACTOR, set_large_text
from tests.builders import PlanBuilder
from tests.ui.text_sizes import small_text

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _normal_text_after_the_test(qapp: QApplication) -> Iterator[None]:
    yield
    set_large_text(False)


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def plan_id(sqlite_services: Services) -> int:
    """A plan that still lacks things (the completeness list is filled) and has an action."""
    plan = PlanBuilder(sqlite_services)()
    sqlite_services.items.add(
        "action",
        plan.id,
        plan.version,
        ActionData(description="Söka bostad", organisation="Socialtjänsten"),
    )
    return plan.id


@pytest.fixture
def open_window(qtbot, sqlite_services: Services, settings: AppSettings, plan_id: int):
    def make() -> tuple[MainWindow, PlanEditor]:
        window = MainWindow(AppEvents(), settings, "en")
        qtbot.addWidget(window)
        window.attach_services(sqlite_services, "/tmp/store.sqlite")
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.open_plan(plan_id)
        editor = window.tabs.currentWidget()
        assert isinstance(editor, PlanEditor)
        QApplication.processEvents()
        return window, editor

    return make


@dataclass(frozen=True)
class Sizes:
    heading: float
    label: float
    cell: float
    row: int
    cell_line: int  # the height of a line of the cell's text
    completeness: float
    completeness_row: int


def _label_of(editor: PlanEditor, field: QWidget) -> QLabel:
    return next(label for label in editor.findChildren(QLabel) if label.buddy() is field)


def _sizes(editor: PlanEditor) -> Sizes:
    section = editor.person_section
    table = editor.actions_section.action_part.table
    index = table.model().index(0, 0)
    assert index.data() == "Söka bostad"
    cell_font = table.font()  # a stored row has no font of its own
    listed = editor.completeness.items
    assert listed.count() > 0
    return Sizes(
        heading=section.heading.font().pointSizeF(),
        label=_label_of(editor, section.first_name).font().pointSizeF(),
        cell=cell_font.pointSizeF(),
        row=table.rowHeight(0),
        cell_line=QFontMetrics(cell_font).height(),
        completeness=listed.font().pointSizeF(),
        completeness_row=listed.visualItemRect(listed.item(0)).height(),
    )


def _press_large_text(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_L, CTRL_SHIFT)
    QApplication.processEvents()  # rows are measured again once every widget has its font


def test_large_text_scales_headings_labels_cells_rows_and_the_side_panel(qtbot, open_window):
    window, editor = open_window()
    normal = _sizes(editor)

    _press_large_text(qtbot, window)
    large = _sizes(editor)

    assert window.menus.large_text_action.isChecked()
    for name in ("heading", "label", "cell", "completeness"):
        grown = getattr(large, name) / getattr(normal, name)
        assert grown == pytest.approx(LARGE_TEXT_FACTOR, rel=0.02), name
    assert large.cell_line > normal.cell_line
    # Rows grow with their text, so the text is never cut.
    assert large.row >= large.cell_line
    assert large.row - normal.row >= large.cell_line - normal.cell_line
    assert large.completeness_row > normal.completeness_row


def test_a_heading_stays_larger_than_a_label_in_both_sizes(qtbot, open_window):
    window, editor = open_window()
    normal = _sizes(editor)
    _press_large_text(qtbot, window)
    large = _sizes(editor)

    assert normal.heading > normal.label
    assert large.heading > large.label
    assert large.label > normal.label


def test_switching_large_text_off_restores_the_normal_sizes_exactly(qtbot, open_window):
    window, editor = open_window()
    normal = _sizes(editor)
    normal_app_font = QApplication.font()

    _press_large_text(qtbot, window)
    _press_large_text(qtbot, window)

    assert not window.menus.large_text_action.isChecked()
    assert _sizes(editor) == normal
    assert QApplication.font() == normal_app_font


def test_large_text_is_kept_for_the_next_start(qtbot, open_window, settings):
    window, editor = open_window()
    _press_large_text(qtbot, window)
    large = _sizes(editor)
    window.close()
    set_large_text(False)  # a new process starts with the platform's font

    again, editor_again = open_window()

    assert settings.large_text
    assert again.menus.large_text_action.isChecked()
    # The side panel opens wider with large text (until the user sets its width), so its
    # lines wrap less than in the panel that was opened at normal size.
    assert replace(_sizes(editor_again), completeness_row=0) == replace(large, completeness_row=0)


def test_meeting_mode_keeps_its_own_large_size_with_large_text(qtbot, open_window):
    window, editor = open_window()
    editor.show_meeting_mode()
    meeting = editor.meeting_window
    assert meeting is not None
    before = meeting.text.font().pointSizeF()

    _press_large_text(qtbot, window)

    assert meeting.text.font().pointSizeF() >= before
    assert meeting.text.font().pointSizeF() > QApplication.font().pointSizeF()


def test_no_part_of_the_window_keeps_small_text(qtbot, open_window):
    window, _editor = open_window()

    _press_large_text(qtbot, window)

    assert small_text(window) == []
    window.show_worklist()
    QApplication.processEvents()
    assert small_text(window) == []


def test_the_side_panel_opens_wider_with_large_text(qtbot, open_window, settings):
    _window, editor = open_window()
    normal = editor.side.width()
    settings.large_text = True  # chosen in an earlier run

    _again, editor_again = open_window()

    assert editor_again.side.width() == pytest.approx(normal * LARGE_TEXT_FACTOR, abs=2)
