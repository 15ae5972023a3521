"""The person's own texts translated at the meeting, for the person's part of the printed plan.

An interpreter (or a caseworker) may write each text the person's page prints in the plan's
print language: the plan fields in :data:`PLAN_TEXTS`, each goal's text and each action's
description. The person's part prints the translation where there is one and the Swedish text
where there is none; the full plan always keeps the Swedish original. Translations are plan
content: they are part of the signed snapshot.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sip_desk.domain.languages import PRINT_LANGUAGES

if TYPE_CHECKING:
    from sip_desk.domain.plan import PlanDetail

ORIGINAL = PRINT_LANGUAGES[0]
"""The language the plan is written in (Swedish): the one nobody translates into."""
PLAN_TEXTS = (
    "what_matters",
    "strengths",
    "person_own_actions",
    "crisis_warning_signs",
    "crisis_actions",
    "crisis_contacts",
)
"""The plan fields the person's page prints, in the order it prints them."""
GOAL, ACTION = "goal", "action"
ROW_TEXTS = {GOAL: "text", ACTION: "description"}
"""A row kind, and the attribute of its row that is translated."""


@dataclass(frozen=True, kw_only=True)
class TranslationDto:
    """One of the person's texts in one language.

    ``field`` is a plan field of :data:`PLAN_TEXTS` (``item_id`` ``None``), or ``"goal"`` /
    ``"action"`` with the row's id in ``item_id``.
    """

    language: str
    field: str
    item_id: int | None = None
    text: str

    @property
    def key(self) -> tuple[str, str, int]:
        """A stable sort and lookup key."""
        return (self.language, self.field, self.item_id or 0)


def is_translatable(field: str, item_id: int | None) -> bool:
    """True when (``field``, ``item_id``) names a text a translation may be stored for."""
    if field in PLAN_TEXTS:
        return item_id is None
    return field in ROW_TEXTS and item_id is not None


def translation_text(plan: PlanDetail, language: str, field: str, item_id: int | None) -> str:
    """The stored translation of one text ("" when there is none)."""
    return next(
        (
            t.text
            for t in plan.translations
            if t.language == language and t.field == field and t.item_id == item_id
        ),
        "",
    )


def translated(plan: PlanDetail, language: str) -> PlanDetail:
    """``plan`` with each text translated to ``language`` replaced by its translation.

    Only texts with a non-blank translation change, and only where the Swedish text is not blank
    (a translation of a text the plan no longer has is not printed); the rest is kept as it is.
    """
    found = {(t.field, t.item_id): t.text for t in plan.translations if t.language == language}
    found = {key: value for key, value in found.items() if value.strip()}
    if not found:
        return plan

    def of(key: tuple[str, int | None], original: str) -> str:
        return found.get(key, original) if original.strip() else original

    texts: dict[str, Any] = {n: of((n, None), getattr(plan.fields, n)) for n in PLAN_TEXTS}
    fields = dataclasses.replace(plan.fields, **texts)
    goals = tuple(dataclasses.replace(g, text=of((GOAL, g.id), g.text)) for g in plan.goals)
    actions = tuple(
        dataclasses.replace(a, description=of((ACTION, a.id), a.description)) for a in plan.actions
    )
    return dataclasses.replace(plan, fields=fields, goals=goals, actions=actions)
