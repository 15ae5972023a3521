"""What a plan still lacks before it can be signed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.principals import without_effort
from sip_desk.domain.text import text


@dataclass(frozen=True, kw_only=True)
class MissingItem:
    """One thing the plan lacks.

    Attributes:
        code: message code (``completeness.*``).
        anchor: the editor field to jump to, e.g. ``actions.responsible_participant_id``.
        entity_id: the row concerned, if any.
    """

    code: str
    anchor: str
    entity_id: int | None = None
    params: dict[str, str] = field(default_factory=dict)

    def message(self, lang: str = "sv") -> str:
        """The item as a sentence in ``lang``."""
        return text(lang, self.code, **self.params)

    def __str__(self) -> str:
        return self.message("en")


def check_completeness(plan: PlanDetail, now: datetime) -> list[MissingItem]:
    """List what ``plan`` lacks before signing, in the order the meeting runs."""
    f = plan.fields

    def unless(done: object, code: str, anchor: str) -> list[MissingItem]:
        return [] if done else [MissingItem(code=f"completeness.{code}", anchor=anchor)]

    took_part = f.made_with_person or (
        f.made_with_person is False and f.not_with_person_reason.strip()
    )
    return [
        *unless(took_part, "participation", "plan.made_with_person"),
        *unless(f.plan_consent_given, "plan_consent", "plan.plan_consent_given"),
        *_consent_items(plan, now),
        *unless(plan.goals, "goal", "goals"),
        *_action_items(plan),
        *_principal_items(plan),
        *unless(f.lead_principal is not None, "lead_principal", "plan.lead_principal"),
        *unless(plan.coordinator, "coordinator", "plan.coordinator_participant_id"),
        *unless(plan.next_follow_up(now), "follow_up", "meetings"),
    ]


def _consent_items(plan: PlanDetail, now: datetime) -> list[MissingItem]:
    """Every participating organisation needs a valid information-sharing consent."""
    today = now.date()
    covered = {c.organisation.casefold() for c in plan.consents if c.is_valid_on(today)}
    organisations = {
        p.organisation.strip(): None
        for p in plan.participants
        if p.organisation.strip() and not p.is_relative
    }
    return [
        MissingItem(
            code="completeness.information_consent", anchor="consents", params={"name": name}
        )
        for name in organisations
        if name.casefold() not in covered
    ]


def _action_items(plan: PlanDetail) -> list[MissingItem]:
    if not plan.actions:
        return [MissingItem(code="completeness.actions", anchor="actions")]
    return [
        MissingItem(
            code=f"completeness.action_{what}",
            anchor=f"actions.{anchor}",
            entity_id=action.id,
            params={"name": action.description[:60]},
        )
        for action in plan.actions
        for what, anchor, missing in (
            ("organisation", "organisation", not action.organisation.strip()),
            (
                "responsible",
                "responsible_participant_id",
                action.responsible_participant_id is None,
            ),
        )
        if missing
    ]


def _principal_items(plan: PlanDetail) -> list[MissingItem]:
    """Every principal taking part needs an effort, or a recorded reason why it has none."""
    if not plan.actions:
        return []  # "no efforts are described" says it already
    return [
        MissingItem(
            code="completeness.principal_effort",
            anchor=t.anchor,
            params={"name": t.label},
        )
        for t in without_effort(plan)
        if not t.reason.strip()
    ]
