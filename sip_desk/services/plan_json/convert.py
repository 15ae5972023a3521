"""A schema-checked plan object → domain data, checked by the domain rules and for references.

References (``participant-1`` …) are resolved to list positions: in the result every ``*_id``
field of the domain data holds the index of the referenced item in its list of the file, which
:mod:`.write` turns into database ids.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from sip_desk.domain.action import ActionData
from sip_desk.domain.enums import (
    GoalOutcome,
    PlanStatus,
    ReviewStatus,
)
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.follow_up import ActionReviewData, GoalReviewData, MeetingData
from sip_desk.domain.goal import GoalData, NeedData
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.domain.person import PersonData, RepresentativeData
from sip_desk.domain.plan import PlanFields
from sip_desk.domain.validation import (
    validate_action,
    validate_consent,
    validate_goal,
    validate_meeting,
    validate_need,
    validate_participant,
    validate_person,
    validate_plan_fields,
)
from sip_desk.services.plan_json.model import (
    LocatedError,
    PlanImport,
    decode,
    decode_value,
)
from sip_desk.services.plan_json.no_effort import read_no_effort_reasons
from sip_desk.services.plan_json.translations import read_translations
from sip_desk.services.plan_json.versions import convert_versions, read_keys

T = TypeVar("T")
V = TypeVar("V")

# Domain field name → the key that holds it in the file.
JSON_KEYS = {
    "parent_id": "parent_ref",
    "need_id": "need_ref",
    "responsible_participant_id": "responsible_participant_ref",
    "goal_ids": "goal_refs",
    "convenor_participant_id": "convenor_participant_ref",
    "coordinator_participant_id": "coordinator_participant_ref",
}
_REFERENCED = ("participants", "goals", "needs", "actions")
# A stand-in person, so each representative is checked on its own and errors name its index.
_HOLDER = PersonData(first_name="-", last_name="-")


def convert_plan(
    raw: dict[str, Any],
    today: date,
    now: datetime,
    signing_keys: list[dict[str, Any]] | None = None,
) -> PlanImport:
    """Read the ``plan`` object of a schema-checked document.

    ``signing_keys`` is the document's list of public keys (schema version 2; ``None`` for a
    version 1 file, whose signed versions carry no key signatures). The ``ValidationErrors``
    name every domain rule broken and every dangling or duplicate reference by JSON path.
    """
    return _Reader(raw, today, now, signing_keys).read()


class _Reader:
    """Converts one plan object, collecting located domain errors."""

    def __init__(
        self,
        raw: dict[str, Any],
        today: date,
        now: datetime,
        signing_keys: list[dict[str, Any]] | None,
    ) -> None:
        self.raw, self.today, self.now = raw, today, now
        self.errors: list[ValidationError] = []
        self.index = {kind: self._refs(kind) for kind in _REFERENCED}
        self.keys = read_keys(signing_keys, self.errors) if signing_keys is not None else None

    def read(self) -> PlanImport:
        raw = self.raw
        person = self._person(raw["person"])
        fields = self._fields(raw["fields"])
        status = PlanStatus(raw["status"])
        if status is PlanStatus.CLOSED and not raw["closed_reason"].strip():
            self._error("$.plan.closed_reason", "plan.closed_reason", "validation.required")
        plan = PlanImport(
            status=status,
            closed_reason=raw["closed_reason"],
            closed_on=decode_value(date | None, raw["closed_on"], "$.plan.closed_on"),
            created_at=decode_value(datetime, raw["created_at"], "$.plan.created_at"),
            updated_at=decode_value(datetime, raw["updated_at"], "$.plan.updated_at"),
            person=person,
            has_address="address" in raw["person"],
            fields=fields,
            participants=self._list("participants", ParticipantData, validate_participant),
            consents=self._list("consents", InformationConsentData, validate_consent),
            goals=self._goals(),
            needs=self._list("needs", NeedData, validate_need),
            actions=self._list("actions", ActionData, validate_action, self._action_refs),
            meetings=self._list(
                "meetings", MeetingData, self._validate_meeting, self._meeting_refs
            ),
            versions=convert_versions(
                self.raw["versions"], self.errors, self.keys, person.identity_number
            ),
            signing_keys=dict(self.keys or {}),
            translations=read_translations(raw.get("translations", []), self.index, self.errors),
            no_effort_reasons=read_no_effort_reasons(raw.get("no_effort_reasons", []), self.errors),
        )
        if self.errors:
            raise ValidationErrors(self.errors)
        return plan

    # Helpers
    def _error(self, where: str, field: str, code: str, **params: object) -> None:
        self.errors.append(LocatedError(where, ValidationError(field, code, **params)))

    def _check(self, where: str, check: Callable[[V], T], value: V) -> T | None:
        """Run a domain validator on ``value``; record its errors under ``where``."""
        try:
            return check(value)
        except ValidationErrors as error:
            found = list(error.errors)
        except ValidationError as error:
            found = [error]
        for e in found:
            key = e.field.rsplit(".", 1)[-1]
            self.errors.append(LocatedError(f"{where}.{JSON_KEYS.get(key, key)}", e))
        return None

    def _refs(self, kind: str) -> dict[str, int]:
        refs: dict[str, int] = {}
        for i, item in enumerate(self.raw[kind]):
            if item["ref"] in refs:
                where = f"$.plan.{kind}[{i}].ref"
                self._error(where, "import.ref", "import.duplicate_ref", value=item["ref"])
            refs.setdefault(item["ref"], i)
        return refs

    def _ref(self, kind: str, raw: dict[str, Any], key: str, where: str, field: str) -> int | None:
        """The list position of the ``kind`` item that ``raw[key]`` refers to."""
        return self._resolve(kind, raw[key], f"{where}.{key}", field)

    def _resolve(self, kind: str, ref: str | None, where: str, field: str) -> int | None:
        if ref is None:
            return None
        index = self.index[kind].get(ref)
        if index is None:
            self._error(where, field, "validation.unknown_reference", value=ref)
        return index

    def _list(
        self,
        kind: str,
        cls: type[T],
        validator: Callable[[T], object],
        refs: Callable[[dict[str, Any], str], dict[str, Any]] | None = None,
    ) -> tuple[T, ...]:
        items: list[T] = []
        for i, raw in enumerate(self.raw[kind]):
            where = f"$.plan.{kind}[{i}]"
            item = decode(cls, raw, where, **(refs(raw, where) if refs else {}))
            self._check(where, validator, item)
            items.append(item)
        return tuple(items)

    # Sections
    def _person(self, raw: dict[str, Any]) -> PersonData:
        reps = []
        for i, r in enumerate(raw["representatives"]):
            rep = decode(RepresentativeData, r, f"$.plan.person.representatives[{i}]")
            holder = dataclasses.replace(_HOLDER, representatives=(rep,))
            self._check(f"$.plan.person.representatives[{i}]", self._vp, holder)
            reps.append(rep)
        person = decode(PersonData, raw, "$.plan.person", representatives=())
        checked = self._check("$.plan.person", self._vp, person)
        return dataclasses.replace(checked or person, representatives=tuple(reps))

    def _vp(self, person: PersonData) -> PersonData:
        return validate_person(person, self.today)

    def _vf(self, fields: PlanFields) -> None:
        validate_plan_fields(fields, self.today)

    def _fields(self, raw: dict[str, Any]) -> PlanFields:
        key, field = "coordinator_participant_ref", "plan.coordinator_participant_id"
        coordinator = self._ref("participants", raw, key, "$.plan.fields", field)
        fields = decode(PlanFields, raw, "$.plan.fields", coordinator_participant_id=coordinator)
        self._check("$.plan.fields", self._vf, fields)
        return fields

    def _goals(self) -> tuple[GoalData, ...]:
        def refs(raw: dict[str, Any], where: str) -> dict[str, Any]:
            return {"parent_id": self._ref("goals", raw, "parent_ref", where, "goal.parent_id")}

        goals = self._list("goals", GoalData, validate_goal, refs)
        for i in range(len(goals)):
            seen, current = {i}, goals[i].parent_id
            while current is not None and current not in seen:
                seen.add(current)
                current = goals[current].parent_id
            if current is not None:
                where = f"$.plan.goals[{i}].parent_ref"
                self._error(where, "goal.parent_id", "validation.goal_parent_cycle")
        return goals

    def _action_refs(self, raw: dict[str, Any], where: str) -> dict[str, Any]:
        goal_ids = [
            self._resolve("goals", ref, f"{where}.goal_refs[{j}]", "action.goal_ids")
            for j, ref in enumerate(raw["goal_refs"])
        ]
        key, field = "responsible_participant_ref", "action.responsible_participant_id"
        return {
            "need_id": self._ref("needs", raw, "need_ref", where, "action.need_id"),
            "responsible_participant_id": self._ref("participants", raw, key, where, field),
            "goal_ids": tuple(g for g in goal_ids if g is not None),
        }

    def _meeting_refs(self, raw: dict[str, Any], where: str) -> dict[str, Any]:
        action_reviews = tuple(
            ActionReviewData(
                # 0 only stands in for a dangling reference, reported already
                action_id=self._ref(
                    "actions", r, "action_ref", f"{where}.action_reviews[{j}]", "review.action_id"
                )
                or 0,
                status=ReviewStatus(r["status"]),
                comment=r["comment"],
            )
            for j, r in enumerate(raw["action_reviews"])
        )
        goal_reviews = tuple(
            GoalReviewData(
                goal_id=self._ref(
                    "goals", r, "goal_ref", f"{where}.goal_reviews[{j}]", "review.goal_id"
                )
                or 0,  # as above
                outcome=GoalOutcome(r["outcome"]),
                person_view=r["person_view"],
            )
            for j, r in enumerate(raw["goal_reviews"])
        )
        key, field = "convenor_participant_ref", "meeting.convenor_participant_id"
        convenor = self._ref("participants", raw, key, where, field)
        return {
            "convenor_participant_id": convenor,
            "action_reviews": action_reviews,
            "goal_reviews": goal_reviews,
        }

    def _validate_meeting(self, meeting: MeetingData) -> None:
        # An import restores what was booked; a follow-up now in the past is not a new booking.
        validate_meeting(meeting, self.now, time_changed=False)
