"""Fixtures for the plan editor: a real store, real services, the Swedish UI translation."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from sip_desk.domain.person import PersonData
from sip_desk.paths import resource
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents


@pytest.fixture
def swedish(qapp) -> Iterator[None]:
    """The shipped Swedish translation installed (the UI default)."""
    translator = QTranslator()
    assert translator.load("sip_desk_sv", str(resource("i18n")))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def events() -> AppEvents:
    return AppEvents()


@pytest.fixture
def new_plan_id(sqlite_services: Services) -> int:
    """A brand-new plan with only the person's name, as the plan list creates it."""
    plan = sqlite_services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    return plan.id


@pytest.fixture
def open_editor(qtbot, sqlite_services: Services, events: AppEvents) -> Callable[[int], PlanEditor]:
    def _open(plan_id: int) -> PlanEditor:
        editor = PlanEditor(sqlite_services, events, plan_id)
        qtbot.addWidget(editor)
        editor.resize(1400, 900)
        editor.show()
        qtbot.waitExposed(editor)
        editor.activateWindow()
        qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
        return editor

    return _open


@pytest.fixture
def make_plan_for_editor(sqlite_services: Services) -> Callable[[], tuple[int, int]]:
    """A plan with one action that has no responsible person: (plan id, action id)."""

    def _make() -> tuple[int, int]:
        from sip_desk.domain.action import ActionData

        plan = sqlite_services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
        for text in ("Första", "Andra"):
            saved = sqlite_services.items.add(
                "action",
                plan.id,
                plan.version,
                ActionData(description=text, organisation="Kommunen"),
            )
            plan = saved.plan
        assert saved.item_id is not None
        return plan.id, saved.item_id

    return _make


@pytest.fixture
def make_complete_plan(sqlite_services: Services) -> Callable[[], int]:
    """A plan that passes the completeness check (tests/builders.py)."""
    from tests.builders import PlanBuilder

    return lambda: PlanBuilder(sqlite_services).complete().id
