"""What a plan still lacks before it can be signed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sip_desk.domain.plan import PlanDetail
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
    missing: list[MissingItem] = []
    if f.made_with_person is None or (
        f.made_with_person is False and not f.not_with_person_reason.strip()
    ):
        missing.append(
            MissingItem(code="completeness.participation", anchor="plan.made_with_person")
        )
    if not f.plan_consent_given:
        missing.append(
            MissingItem(code="completeness.plan_consent", anchor="plan.plan_consent_given")
        )
    missing += _consent_items(plan, now)
    if not plan.goals:
        missing.append(MissingItem(code="completeness.goal", anchor="goals"))
    missing += _action_items(plan)
    if f.lead_principal is None:
        missing.append(
            MissingItem(code="completeness.lead_principal", anchor="plan.lead_principal")
        )
    if plan.coordinator is None:
        missing.append(
            MissingItem(code="completeness.coordinator", anchor="plan.coordinator_participant_id")
        )
    if plan.next_follow_up(now) is None:
        missing.append(MissingItem(code="completeness.follow_up", anchor="meetings"))
    return missing


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
            code="completeness.information_consent",
            anchor="consents",
            params={"name": name},
        )
        for name in organisations
        if name.casefold() not in covered
    ]


def _action_items(plan: PlanDetail) -> list[MissingItem]:
    if not plan.actions:
        return [MissingItem(code="completeness.actions", anchor="actions")]
    items: list[MissingItem] = []
    for action in plan.actions:
        name = action.description[:60]
        if not action.organisation.strip():
            items.append(
                MissingItem(
                    code="completeness.action_organisation",
                    anchor="actions.organisation",
                    entity_id=action.id,
                    params={"name": name},
                )
            )
        if action.responsible_participant_id is None:
            items.append(
                MissingItem(
                    code="completeness.action_responsible",
                    anchor="actions.responsible_participant_id",
                    entity_id=action.id,
                    params={"name": name},
                )
            )
    return items
