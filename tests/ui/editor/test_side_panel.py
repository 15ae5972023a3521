"""The side panel (what is missing, what changed since signed) is wide enough to read whole
sentences, can be made wider with the splitter, and keeps its width."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QListWidget, QSplitterHandle

from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.goal_table_model import GoalTableModel
from tests.services.signing_helpers import paper_signature, person_signature
from tests.ui.editor.helpers import blank_row, type_cell, type_text


@pytest.fixture(autouse=True)
def _own_settings(tmp_path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().remove("editor")


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


def test_whole_sentences_at_200_percent() -> None:
    """The same checks with the screen scaled to 200 %, as Qt reads the scale at start-up."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", __file__, "-k", "not 200"],
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
