"""Helpers for the tests that a stored person is never silently overwritten (issue 8, item 1)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services

# A file's person that differs from every demo person in every field an import could write.
FOREIGN_PERSON: dict[str, Any] = {
    "first_name": "Fel",
    "last_name": "Filnamn",
    "phone": "070-999 99 99",
    "email": "fel@example.invalid",
    "address": "Falska vägen 13, 999 99 Ingenstans",
    "preferred_language": "en",
    "interpreter_needed": True,
    "interpreter_language": "so",
    "protected_identity": False,
    "representatives": [],
}


@dataclass(frozen=True)
class DemoPeople:
    """The demo cases as stored: each case's plan, by case key."""

    plans: dict[str, PlanDetail]

    @property
    def protected(self) -> PlanDetail:
        """The draft plan of Linda Sandberg, who has protected identity."""
        return self.plans["protected"]

    @property
    def signed(self) -> PlanDetail:
        """The youth case: signed, with two guardians."""
        return self.plans["youth"]


def load_demo(services: Services) -> DemoPeople:
    """Load the demo cases and read each plan back."""
    result = services.demo.load_cases()
    return DemoPeople({key: services.plans.get_plan(pid) for key, pid in result.created})


def plans_of_person(services: Services, person_id: int) -> dict[int, PlanDetail]:
    """Every plan of the person, whole, by id."""
    ids = [p.id for p in services.plan_list.list_plans()]
    plans = {pid: services.plans.get_plan(pid) for pid in ids}
    return {pid: plan for pid, plan in plans.items() if plan.person.id == person_id}


def file_with_person(services: Services, plan_id: int, **person: Any) -> str:
    """The plan's export with its person's fields replaced (``address=None`` drops it).

    The plan itself is in the store: a signed one is imported again only ``as_new``.
    """
    doc = json.loads(services.transfer.export_plan(plan_id))
    target = doc["plan"]["person"]
    for name, value in person.items():
        if value is None:
            target.pop(name, None)
        else:
            target[name] = value
    return json.dumps(doc, ensure_ascii=False, indent=2)
