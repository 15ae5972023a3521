"""Undoing a removal puts the row back exactly as it was: same id, place, links, translations.

The demo plan of Rania Haddad (the family case) is signed and has Arabic translations of its
goals and actions, a sub-goal, actions linked to goals and needs, and responsible participants.
"""

from __future__ import annotations

import dataclasses

import pytest

from sip_desk.domain.action import ActionData
from sip_desk.domain.errors import StaleEditError
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from tests.person_helpers import load_demo


def _family(services: Services) -> PlanDetail:
    plan = load_demo(services).plans["family"]
    assert services.signing.changes_since_signed(plan).since_version is not None
    assert not services.signing.changes_since_signed(plan).items
    return plan


def _content(plan: PlanDetail) -> tuple[object, ...]:
    """What the plan says, without its version counter."""
    return (
        plan.goals,
        plan.needs,
        plan.actions,
        plan.participants,
        plan.consents,
        plan.meetings,
        plan.translations,
    )


@pytest.mark.parametrize(
    ("kind", "index"),
    [("action", 3), ("goal", 1), ("need", 1), ("participant", 0), ("consent", 0)],
)
def test_undo_of_a_removal_restores_the_row_and_all_that_went_with_it(
    services: Services, kind: str, index: int
) -> None:
    plan = _family(services)
    item_id = getattr(plan, f"{kind}s")[index].id

    removed = services.items.remove(kind, plan.id, plan.version, item_id)
    assert removed.removal is not None
    assert services.signing.changes_since_signed(removed.plan).items  # the removal shows

    restored = services.items.restore(plan.id, removed.plan.version, removed.removal)

    assert restored.item_id == item_id
    assert _content(restored.plan) == _content(plan)
    assert services.signing.changes_since_signed(restored.plan).items == ()


def test_a_restored_goal_brings_back_its_sub_goal_links_and_translation(
    services: Services,
) -> None:
    plan = _family(services)
    goal = plan.goals[1]
    linked = [a.id for a in plan.actions if goal.id in a.goal_ids]
    assert linked and any(g.parent_id == goal.id for g in plan.goals)

    removed = services.items.remove("goal", plan.id, plan.version, goal.id)
    assert not any(g.parent_id == goal.id for g in removed.plan.goals)
    assert not any(t.item_id == goal.id for t in removed.plan.translations)
    assert removed.removal is not None
    restored = services.items.restore(plan.id, removed.plan.version, removed.removal)

    again = services.plans.get_plan(plan.id)
    assert [g.parent_id for g in again.goals] == [g.parent_id for g in plan.goals]
    assert [a.id for a in again.actions if goal.id in a.goal_ids] == linked
    assert any(t.field == "goal" and t.item_id == goal.id for t in again.translations)
    assert again.translations == plan.translations
    assert restored.plan.version == removed.plan.version + 1


def test_restore_checks_the_version_and_writes_one_audit_row(services: Services) -> None:
    plan = _family(services)
    action = plan.actions[3]
    removed = services.items.remove("action", plan.id, plan.version, action.id)
    assert removed.removal is not None

    with pytest.raises(StaleEditError):
        services.items.restore(plan.id, plan.version, removed.removal)
    assert len(services.plans.get_plan(plan.id).actions) == len(plan.actions) - 1

    before = {e.id for e in services.audit.entries(plan_id=plan.id)}
    services.items.restore(plan.id, removed.plan.version, removed.removal)

    new = [e for e in services.audit.entries(plan_id=plan.id) if e.id not in before]
    assert [(e.action.value, e.entity, e.entity_id) for e in new] == [
        ("create", "action", action.id)
    ]
    assert len(services.plans.get_plan(plan.id).actions) == len(plan.actions)


def test_restore_takes_a_new_id_when_the_old_one_was_given_to_a_new_row(
    services: Services,
) -> None:
    """SQLite hands the highest id out again; PostgreSQL never does. Either way both rows stay."""
    plan = _family(services)
    last = max(plan.actions, key=lambda a: a.id)
    removed = services.items.remove("action", plan.id, plan.version, last.id)
    assert removed.removal is not None
    added = services.items.add(
        "action", plan.id, removed.plan.version, ActionData(description="Simskola för Yusuf")
    )

    restored = services.items.restore(plan.id, added.plan.version, removed.removal)

    assert restored.item_id is not None
    reused = added.item_id == last.id  # SQLite without AUTOINCREMENT
    assert restored.item_id == (restored.item_id if reused else last.id) != added.item_id
    stored = {a.id: a for a in restored.plan.actions}
    assert stored[restored.item_id] == dataclasses.replace(last, id=restored.item_id)
    assert added.item_id in stored and stored[added.item_id].description == "Simskola för Yusuf"
    texts = {t.item_id: t.text for t in restored.plan.translations if t.field == "action"}
    old_text = next(
        t.text for t in plan.translations if t.field == "action" and t.item_id == last.id
    )
    assert texts[restored.item_id] == old_text
    assert added.item_id not in texts or added.item_id == restored.item_id
