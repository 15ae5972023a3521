"""Protected identity is switched off only in the person section, after a confirmation, logged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sip_desk.services.registry import Services
from sip_desk.ui import prompts
from sip_desk.ui.editor.plan_editor import PlanEditor
from tests.person_helpers import load_demo

CTRL = Qt.KeyboardModifier.ControlModifier


class Questions:
    """Stands in for ``prompts.confirm``: records each question, answers ``answer``."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.answer = False

    def confirm(self, parent: object, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def questions(monkeypatch) -> Questions:
    stub = Questions()
    monkeypatch.setattr(prompts, "confirm", stub.confirm)
    return stub


def _toggle(qtbot, editor: PlanEditor) -> None:
    box = editor.person_section.protected
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


def _protection_log(services: Services, plan_id: int) -> list[tuple[str | None, str | None]]:
    return [
        (e.old, e.new)
        for e in services.audit.entries(plan_id=plan_id)
        if e.field == "protected_identity"
    ]


def test_declining_the_question_keeps_protection(
    qtbot, open_editor, sqlite_services, questions
) -> None:
    plan = load_demo(sqlite_services).protected
    editor = open_editor(plan.id)

    _toggle(qtbot, editor)

    assert len(questions.asked) == 1 and "Linda Sandberg" in questions.asked[0]
    assert sqlite_services.plans.get_plan(plan.id).person == plan.person
    assert editor.person_section.protected.isChecked()
    assert editor.notice.text() == "ℹ Protected identity was kept."
    assert _protection_log(sqlite_services, plan.id) == []


def test_confirming_switches_protection_off_and_logs_it(
    qtbot, open_editor, sqlite_services, questions
) -> None:
    plan = load_demo(sqlite_services).protected
    editor = open_editor(plan.id)
    questions.answer = True

    _toggle(qtbot, editor)

    assert len(questions.asked) == 1
    stored = sqlite_services.plans.get_plan(plan.id).person
    assert not stored.protected_identity and stored.address == plan.person.address
    assert not editor.person_section.protected.isChecked()
    assert _protection_log(sqlite_services, plan.id) == [("true", "false")]


def test_undoing_protection_asks_too(
    qtbot, open_editor, sqlite_services, new_plan_id, questions
) -> None:
    editor = open_editor(new_plan_id)
    _toggle(qtbot, editor)  # switching on asks nothing
    assert questions.asked == []
    assert sqlite_services.plans.get_plan(new_plan_id).person.protected_identity

    qtbot.keyClick(editor.person_section.protected, Qt.Key.Key_Z, CTRL)

    assert len(questions.asked) == 1
    assert sqlite_services.plans.get_plan(new_plan_id).person.protected_identity
    assert editor.person_section.protected.isChecked()
