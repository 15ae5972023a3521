"""The side panel (what is missing, what changed since signed) is wide enough to read whole
sentences, can be made wider with the splitter, and keeps its width."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSplitterHandle

from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.editor.side_splitter import DEFAULT_WIDTH, MIN_WIDTH
from sip_desk.ui.item_models.goal_table_model import GoalTableModel
from sip_desk.ui.text_scale import LARGE_TEXT_FACTOR, set_large_text
from tests.services.signing_helpers import paper_signature, person_signature
from tests.ui.editor.helpers import blank_row, type_cell, type_text

SETTINGS_FOLDER = "SIP_DESK_TEST_SIDE_SETTINGS"  # a parent test's settings, for its child run


@pytest.fixture(autouse=True)
def _own_settings(tmp_path) -> Iterator[None]:
    shared = os.environ.get(SETTINGS_FOLDER)
    folder = shared or str(tmp_path)
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, folder)
    if not shared:
        QSettings().remove("editor")
    yield
    set_large_text(False)


def _open(qtbot, services, events, plan_id: int, size=(1100, 700)) -> PlanEditor:
    editor = PlanEditor(services, events, plan_id)
    qtbot.addWidget(editor)
    editor.resize(*size)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def assert_lines_whole(qtbot, items: QListWidget) -> None:
    """Every line is wrapped inside the list's viewport, no line cut or hidden."""
    qtbot.wait(50)  # the list lays its rows out after a resize
    assert not items.horizontalScrollBar().isVisible()
    width = items.viewport().width()
    for row in range(items.count()):
        item = items.item(row)
        rect = items.visualItemRect(item)
        need = items.fontMetrics().boundingRect(
            QRect(0, 0, rect.width() - 8, 10_000), Qt.TextFlag.TextWordWrap, item.text()
        )
        assert rect.left() >= 0 and rect.right() < width, item.text()
        assert need.height() <= rect.height(), f"cut: {item.text()!r}"


def assert_label_whole(label: QLabel) -> None:
    """A wrapped label is as tall as its lines need at its width (none cut at the bottom)."""
    assert label.height() >= label.heightForWidth(label.width()), label.text()


def drag(qtbot, handle: QSplitterHandle, dx: int) -> None:
    start = QPoint(handle.width() // 2, handle.height() // 2)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, start + QPoint(dx, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=start + QPoint(dx, 0))


def test_missing_items_are_whole_sentences_at_the_default_window_size(
    qtbot, sqlite_services, events, new_plan_id
):
    editor = _open(qtbot, sqlite_services, events, new_plan_id)

    assert editor.side.width() >= 260
    assert_lines_whole(qtbot, editor.completeness.items)


def test_side_panel_width_follows_the_splitter_and_is_kept(
    qtbot, sqlite_services, events, new_plan_id
):
    editor = _open(qtbot, sqlite_services, events, new_plan_id)
    before = editor.side.width()

    drag(qtbot, editor.splitter.handle(1), -120)

    wider = editor.side.width()
    assert wider >= before + 100
    assert_lines_whole(qtbot, editor.completeness.items)
    editor.close()
    again = _open(qtbot, sqlite_services, events, new_plan_id)
    assert again.side.width() == wider


def test_changes_since_signed_are_whole_lines(
    qtbot, swedish, sqlite_services, events, make_complete_plan
):
    plan = sqlite_services.plans.get_plan(make_complete_plan())
    today = sqlite_services.ctx.clock.today()
    sqlite_services.signing.sign_version(
        plan.id, plan.version, [person_signature(today), paper_signature(today)]
    )
    editor = _open(qtbot, sqlite_services, events, plan.id)
    type_text(qtbot, editor.goals_section.strengths, "Jag är envis och vill klara mig själv.")
    editor.flush()
    table = editor.goals_section.goals.table
    goal = "Börja arbetsträna tre dagar i veckan på Kaffekoppen i centrum"
    type_cell(qtbot, table, blank_row(table), GoalTableModel.column_of("text"), goal)

    items = editor.changes.items
    assert items.count() == 2
    assert_lines_whole(qtbot, items)
    rows = sum(items.visualItemRect(items.item(i)).height() for i in range(items.count()))
    assert rows <= items.viewport().height()  # no line clipped at the bottom
    assert_lines_whole(qtbot, editor.completeness.items)


def _signed_and_changed(qtbot, services, events, plan_id: int, size=(1100, 700)) -> PlanEditor:
    plan = services.plans.get_plan(plan_id)
    today = services.ctx.clock.today()
    services.signing.sign_version(
        plan.id, plan.version, [person_signature(today), paper_signature(today)]
    )
    editor = _open(qtbot, services, events, plan.id, size)
    type_text(qtbot, editor.goals_section.strengths, "Jag är envis och vill klara mig själv.")
    editor.flush()
    return editor


def test_with_large_text_in_a_small_window_the_side_panel_cuts_no_line(
    qtbot, sqlite_services, events, make_complete_plan
):
    """A 1366×768 screen at 200 % is 683×384, less the menus and tabs: the panel scrolls rather
    than squeeze its wrapped lines."""
    editor = _signed_and_changed(qtbot, sqlite_services, events, make_complete_plan(), (683, 260))
    set_large_text(True)
    qtbot.wait(100)

    for label in (editor.changes.title, editor.changes.approval, editor.completeness.title):
        assert_label_whole(label)
    assert_lines_whole(qtbot, editor.changes.items)


def test_large_text_widens_the_side_panel_and_off_restores_it_exactly(
    qtbot, sqlite_services, events, new_plan_id
):
    editor = _open(qtbot, sqlite_services, events, new_plan_id, (1600, 900))  # room for both
    normal = editor.splitter.sizes()

    set_large_text(True)
    qtbot.waitUntil(lambda: editor.splitter.sizes() != normal)
    large = editor.splitter.sizes()
    set_large_text(False)
    qtbot.waitUntil(lambda: editor.splitter.sizes() != large)

    assert large[1] == pytest.approx(normal[1] * LARGE_TEXT_FACTOR, abs=2)
    assert editor.splitter.sizes() == normal
    assert_lines_whole(qtbot, editor.completeness.items)


def test_the_width_is_kept_per_screen_scale(
    qtbot, sqlite_services, events, new_plan_id, tmp_path: Path
):
    """Widened at 100 %; at 200 % (a child run with the same settings) the panel opens at its
    default width and is narrowed there; back at 100 % it is as the user left it here."""
    editor = _open(qtbot, sqlite_services, events, new_plan_id)
    drag(qtbot, editor.splitter.handle(1), -120)
    wider = editor.side.width()
    editor.close()
    QSettings().sync()

    env = {**os.environ, "QT_SCALE_FACTOR": "2", SETTINGS_FOLDER: str(tmp_path)}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", __file__, "-k", "child"],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    QSettings().sync()
    again = _open(qtbot, sqlite_services, events, new_plan_id)
    assert again.side.width() == wider


def test_child_at_another_scale_opens_at_the_default_width(
    qtbot, sqlite_services, events, new_plan_id
):
    if SETTINGS_FOLDER not in os.environ:
        pytest.skip("run by test_the_width_is_kept_per_screen_scale")
    editor = _open(qtbot, sqlite_services, events, new_plan_id)
    assert editor.splitter.sizes()[1] == DEFAULT_WIDTH
    drag(qtbot, editor.splitter.handle(1), 60)
    assert editor.splitter.sizes()[1] < DEFAULT_WIDTH - 40
    editor.close()
    QSettings().sync()


def test_whole_sentences_at_200_percent() -> None:
    """The same checks with the screen scaled to 200 %, as Qt reads the scale at start-up."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    env.pop(SETTINGS_FOLDER, None)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            __file__,
            "-k",
            "not 200 and not scale",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]


def test_a_complete_plan_shows_no_empty_list(qtbot, sqlite_services, events, make_complete_plan):
    editor = _open(qtbot, sqlite_services, events, make_complete_plan())

    assert editor.completeness.title.isVisible()
    assert not editor.completeness.items.isVisible()


def test_the_list_is_shown_when_something_is_missing(qtbot, sqlite_services, events, new_plan_id):
    editor = _open(qtbot, sqlite_services, events, new_plan_id)

    assert editor.completeness.items.isVisible()


def test_with_large_text_the_panel_gives_way_to_the_sections(
    qtbot, sqlite_services, events, make_complete_plan
):
    """In the default window with large text the sections keep the width they need (they
    scrolled sideways beside a panel opened at its full large width); the panel's lines wrap."""
    set_large_text(True)
    editor = _open(qtbot, sqlite_services, events, make_complete_plan())
    qtbot.wait(50)

    assert not editor.scroll_area.horizontalScrollBar().isVisible()
    assert editor.side.width() >= MIN_WIDTH
    assert_label_whole(editor.completeness.title)
