"""Efforts and actions (insatser/åtgärder): who does what, when, towards which goal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sip_desk.domain.enums import ActionStatus, PrincipalType


@dataclass(frozen=True, kw_only=True)
class ActionData:
    """An effort by a principal or an action by another actor.

    ``responsible_participant_id`` is the named person, picked among the plan's participants.
    ``is_other_actor`` marks actions taken by others than kommun and region (school,
    Försäkringskassan, relatives, …).
    """

    description: str
    need_id: int | None = None
    responsible_principal: PrincipalType = PrincipalType.KOMMUN
    organisation: str = ""
    unit: str = ""
    responsible_participant_id: int | None = None
    is_other_actor: bool = False
    start_date: date | None = None
    end_date: date | None = None
    status: ActionStatus = ActionStatus.PLANNED
    goal_ids: tuple[int, ...] = ()
    cost_responsibility: str = ""


@dataclass(frozen=True, kw_only=True)
class ActionDto(ActionData):
    """A stored action; ``responsible_name`` is the named person's name, for display."""

    id: int
    position: int = 0
    responsible_name: str = ""
