"""Switching the UI language rebuilds the editor; nothing typed is lost on the way."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from sip_desk.domain.person import PersonData
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.item_models.goal_table_model import GoalTableModel
from sip_desk.ui.settings import AppSettings
from tests.ui.editor.helpers import blank_row, keys


@pytest.fixture
def swedish_app(qtbot, tmp_path: Path):
    from sip_desk.app import DesktopApp

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    db = str(tmp_path / "switch.sqlite")
    app = DesktopApp(argparse.Namespace(db=db, lang="sv", user="anna.test", debug=False), settings)
    qtbot.addWidget(app.window)
    app.store = db
    app.open_store()
    yield app
    app.translations.install("en")
    if app.services is not None:
        app.services.ctx.db.dispose()


def _editor(app) -> PlanEditor:
    editors: list[PlanEditor] = app.window.findChildren(PlanEditor)
    assert len(editors) == 1
    return editors[0]


def test_language_switch_keeps_typed_text_and_shows_the_editor_in_english(qtbot, swedish_app):
    app = swedish_app
    plan = app.services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    app.window.open_plan(plan.id)
    app.window.show()
    qtbot.waitExposed(app.window)
    editor = _editor(app)
    assert editor.person_section.heading.text() == "1. Personen och anledningen"
    strengths = editor.goals_section.strengths
    strengths.setFocus()
    keys(qtbot, strengths, "Envis")  # waits for its save
    table = editor.goals_section.goals.table
    table.edit_cell(blank_row(table), GoalTableModel.column_of("text"))
    cell = table.indexWidget(
        table.model().index(blank_row(table), GoalTableModel.column_of("text"))
    )
    keys(qtbot, cell, "Eget boende")  # the cell editor is still open

    app.window.findChild(QAction, "language_en").trigger()

    stored = app.services.plans.get_plan(plan.id)
    assert stored.fields.strengths == "Envis"
    assert [g.text for g in stored.goals] == ["Eget boende"]
    english = _editor(app)
    assert english is not editor
    assert english.person_section.heading.text() == "1. The person and the reason"
    assert english.goals_section.strengths.toPlainText() == "Envis"
    assert english.goals_section.goals.table.model().index(0, 0).data() == "Eget boende"
    assert english.editor_actions.print.text() == "&Print…"
