"""Which principals (huvudmän) take part in a plan, and whether each has an effort in it.

The law asks which efforts each principal answers for (SoL 2 kap. 7 §, HSL 16 kap. 4 §). A
principal *takes part* when a participant who is not a relative comes from an organisation of
the municipality or the region (``PrincipalType.KOMMUN`` / ``REGION``); the person, relatives and
other actors without a principal do not count. A principal *has an effort* when an action names
its organisation (same name, same kind of principal), or names no organisation and its
responsible person comes from it. A principal taking part with no effort needs a recorded
reason why (:class:`NoEffortReasonDto`), which is plan content and signed with the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sip_desk.domain.enums import PrincipalType

if TYPE_CHECKING:
    from sip_desk.domain.plan import PlanDetail

OBLIGED = (PrincipalType.KOMMUN, PrincipalType.REGION)
"""The kinds of principal the law obliges to a SIP."""
ANCHOR_PREFIX = "no_effort"


@dataclass(frozen=True, kw_only=True)
class NoEffortReasonDto:
    """Why a principal taking part has no effort in the plan.

    Attributes:
        organisation: the principal's organisation, as named by its participants.
        principal: kommun or region.
        reason: the reason, in plain words.
        recorded_at: when the reason was last written (UTC).
        recorded_by: who wrote it.
    """

    organisation: str
    principal: PrincipalType
    reason: str
    recorded_at: datetime
    recorded_by: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """A stable sort and lookup key: the kind of principal and the folded name."""
        return principal_key(self.principal, self.organisation)


@dataclass(frozen=True, kw_only=True)
class TakingPart:
    """A principal taking part in a plan.

    Attributes:
        organisation: its name as its first participant gives it.
        principal: kommun or region.
        units: the units its participants come from, in participant order.
        participant_ids: its participants, in participant order.
        reason: the recorded reason why it has no effort ("" when none).
    """

    organisation: str
    principal: PrincipalType
    units: tuple[str, ...] = ()
    participant_ids: tuple[int, ...] = ()
    reason: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """The key of :func:`principal_key`."""
        return principal_key(self.principal, self.organisation)

    @property
    def label(self) -> str:
        """The organisation with its units: "Region Skåne (Beroendemottagningen)"."""
        units = ", ".join(self.units)
        return f"{self.organisation} ({units})" if units else self.organisation

    @property
    def anchor(self) -> str:
        """The editor field of its reason: ``no_effort.region.region skåne``."""
        return reason_anchor(self.principal, self.organisation)


def principal_key(principal: PrincipalType, organisation: str) -> tuple[str, str]:
    """The key one principal is known by: its kind and its name, folded."""
    return (str(principal), organisation.strip().casefold())


def reason_anchor(principal: PrincipalType, organisation: str) -> str:
    """The editor field for the reason of a principal without effort."""
    return ".".join((ANCHOR_PREFIX, *principal_key(principal, organisation)))


def taking_part(plan: PlanDetail) -> list[TakingPart]:
    """The principals taking part in ``plan``, in the order their first participant comes."""
    found: dict[tuple[str, str], TakingPart] = {}
    for p in plan.participants:
        name = p.organisation.strip()
        if p.is_relative or not name or p.principal not in OBLIGED:
            continue
        key = principal_key(p.principal, name)
        seen = found.get(key) or TakingPart(organisation=name, principal=p.principal)
        unit = p.unit.strip()
        units = seen.units if not unit or unit in seen.units else (*seen.units, unit)
        found[key] = TakingPart(
            organisation=seen.organisation,
            principal=seen.principal,
            units=units,
            participant_ids=(*seen.participant_ids, p.id),
        )
    reasons = {r.key: r.reason for r in plan.no_effort_reasons}
    return [
        TakingPart(
            organisation=t.organisation,
            principal=t.principal,
            units=t.units,
            participant_ids=t.participant_ids,
            reason=reasons.get(key, ""),
        )
        for key, t in found.items()
    ]


def with_effort(plan: PlanDetail) -> set[tuple[str, str]]:
    """The keys of the principals that answer for at least one action of ``plan``."""
    keys = set()
    for action in plan.actions:
        if action.organisation.strip():
            keys.add(principal_key(action.responsible_principal, action.organisation))
            continue
        person = plan.participant(action.responsible_participant_id)
        if person is not None and person.principal is action.responsible_principal:
            keys.add(principal_key(person.principal, person.organisation))
    return keys


def without_effort(plan: PlanDetail) -> list[TakingPart]:
    """The principals taking part in ``plan`` that answer for none of its actions."""
    covered = with_effort(plan)
    return [t for t in taking_part(plan) if t.key not in covered]
