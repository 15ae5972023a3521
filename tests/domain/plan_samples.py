"""A hand-built PlanDetail for pure domain tests (fictional person, invented number)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sip_desk.domain.action import ActionDto
from sip_desk.domain.enums import MeetingKind, PlanStatus, PrincipalType, VersionState
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.goal import GoalDto, NeedDto
from sip_desk.domain.identity import make_identity
from sip_desk.domain.participant import InformationConsentDto, ParticipantDto
from sip_desk.domain.person import PersonDto
from sip_desk.domain.plan import PlanDetail, PlanFields, VersionSummary

CREATED = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)


def sample_plan(**overrides: object) -> PlanDetail:
    values: dict[str, object] = {
        "id": 7,
        "version": 12,
        "status": PlanStatus.ACTIVE,
        "closed_reason": "",
        "closed_on": None,
        "created_at": CREATED,
        "updated_at": datetime(2026, 11, 20, 14, 0, tzinfo=UTC),
        "person": PersonDto(
            id=3,
            first_name="Александра",
            last_name="نور Testsson",
            identity_number=make_identity(date(1984, 3, 12), 345),
            phone="070-000 00 01",
        ),
        "fields": PlanFields(
            what_matters="Att ha ett eget hem",
            lead_principal=PrincipalType.KOMMUN,
            lead_organisation="Socialtjänsten Testkommun",
            coordinator_participant_id=21,
        ),
        "participants": (
            ParticipantDto(id=22, position=1, name="Bo Läkare", organisation="Beroende"),
            ParticipantDto(id=21, position=0, name="Kim Handläggare", organisation="Soc"),
        ),
        "consents": (
            InformationConsentDto(
                id=5, organisation="Beroendemottagningen", valid_from=date(2026, 11, 2)
            ),
        ),
        "goals": (
            GoalDto(id=31, position=0, text="Ha ett eget boende"),
            GoalDto(id=32, position=1, text="Vara drogfri ett år"),
        ),
        "needs": (NeedDto(id=41, description="Boende"),),
        "actions": (
            ActionDto(
                id=51,
                description="Boendestöd två gånger i veckan",
                goal_ids=(32, 31),
                responsible_participant_id=21,
                responsible_name="Kim Handläggare",
                start_date=date(2026, 11, 23),
            ),
        ),
        "meetings": (
            MeetingDto(
                id=61,
                kind=MeetingKind.FOLLOW_UP,
                starts_at=datetime(2027, 1, 18, 9, 0, tzinfo=UTC),
                place="Storgatan 1",
            ),
        ),
        "versions": (
            VersionSummary(
                number=1,
                state=VersionState.DRAFT,
                content_hash=None,
                previous_hash=None,
                created_at=CREATED,
                signed_at=None,
            ),
        ),
    }
    values.update(overrides)
    return PlanDetail(**values)  # type: ignore[arg-type]
