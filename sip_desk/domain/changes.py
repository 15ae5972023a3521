"""What changed between two versions of a plan, for the editor and the person's page.

:func:`diff_plans` compares two :class:`PlanDetail` (typically the last signed version and the
current draft). Items are matched by id, so an edited goal shows as changed, not removed and
added. Each :class:`PlanChange` renders as one short plain-language line in Swedish, English or
Arabic; the editor uses ``area``, ``item_id`` and ``fields`` to mark what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sip_desk.domain.languages import language_name
from sip_desk.domain.local_time import local_text
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.text import known, text
from sip_desk.domain.translation import ACTION, GOAL, PLAN_TEXTS


class ChangeKind(StrEnum):
    """What happened to an item."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    REVOKED = "revoked"


@dataclass(frozen=True, kw_only=True)
class PlanChange:
    """One change between two plan versions.

    Attributes:
        area: "field", "person", "status", "participant", "consent", "goal", "need", "action",
            "meeting", "no_effort" (a principal's reason for having no effort; the subject is
            its organisation) or "translation" (the subject is then the language's name).
        kind: added, removed, changed (or revoked, for a consent).
        item_id: the id of the participant, goal, action… concerned (``None`` for plan fields).
        subject: the item as the person knows it (goal text, action, name, meeting time), or the
            field group key for ``area == "field"``/``"person"``, or the new status.
        fields: field group keys that changed on the item (text: ``change.group.<key>``).
    """

    area: str
    kind: ChangeKind
    item_id: int | None = None
    subject: str = ""
    fields: tuple[str, ...] = ()

    def line(self, lang: str = "sv") -> str:
        """One short sentence in ``lang`` (sv, en or ar)."""
        subject = self.subject
        if self.area in {"field", "person"}:
            subject = _join([_label(f, lang) for f in self.fields], lang)
        elif self.area == "status":
            subject = _text_or(lang, f"change.status.{subject}", subject)
        fields = _join([_label(f, lang) for f in self.fields], lang)
        return text(lang, f"change.{self.area}.{self.kind.value}", subject=subject, fields=fields)


@dataclass(frozen=True, kw_only=True)
class ChangeSummary:
    """Every change since signed version ``since_version`` (``None``: none signed yet).

    ``items`` are in the plan's reading order; empty when nothing changed or nothing was signed.
    """

    since_version: int | None
    items: tuple[PlanChange, ...] = ()

    def lines(self, lang: str = "sv") -> tuple[str, ...]:
        """The changes as plain-language lines in ``lang``."""
        return tuple(item.line(lang) for item in self.items)


def _text_or(lang: str, key: str, default: str) -> str:
    return text(lang, key) if known(lang, key) else default


def _label(key: str, lang: str) -> str:
    return _text_or(lang, f"change.group.{key}", key)


def _join(parts: Sequence[str], lang: str) -> str:
    return text(lang, "change.separator").join(parts)


# field group -> attribute names on PlanFields
_PLAN_GROUPS: dict[str, tuple[str, ...]] = {
    "reason": ("reason",),
    "meeting_question": ("meeting_question",),
    "requested": ("requested_by", "requested_on"),
    "lead": ("lead_principal", "lead_organisation"),
    "coordinator": ("coordinator_participant_id",),
    "made_with_person": ("made_with_person", "not_with_person_reason"),
    "plan_consent": (
        "plan_consent_given",
        "plan_consent_date",
        "plan_consent_form",
        "plan_consent_given_by",
    ),
    "what_matters": ("what_matters",),
    "strengths": ("strengths",),
    "person_own_actions": ("person_own_actions",),
    "relatives_own_actions": ("relatives_own_actions",),
    "crisis": ("crisis_warning_signs", "crisis_actions", "crisis_contacts"),
    "legal_reference": ("legal_reference",),
}
_PERSON_GROUPS: dict[str, tuple[str, ...]] = {
    "name": ("first_name", "last_name"),
    "identity": ("identity_number",),
    "contact": ("phone", "email"),  # the address is not plan content (not in snapshots)
    "language": ("preferred_language", "interpreter_needed", "interpreter_language"),
    "representatives": ("representatives",),
}
_PARTICIPANT_GROUPS: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "responsible": ("organisation", "principal", "unit", "role", "contact_role"),
    "contact": ("phone", "email"),
    "status": ("present", "invitation", "is_chair", "is_relative"),
}
_CONSENT_GROUPS: dict[str, tuple[str, ...]] = {
    "description": ("information_shared", "information_excluded"),
    "time": ("valid_from", "valid_until", "revoked_on"),
    "responsible": ("form", "given_by", "given_by_name", "principal"),
}
_ACTION_GROUPS: dict[str, tuple[str, ...]] = {
    "description": ("description",),
    "responsible": (
        "responsible_principal",
        "organisation",
        "unit",
        "responsible_participant_id",
        "is_other_actor",
    ),
    "time": ("start_date", "end_date"),
    "status": ("status",),
    "goals": ("goal_ids",),
    "need": ("need_id",),
    "cost": ("cost_responsibility",),
}
_MEETING_GROUPS: dict[str, tuple[str, ...]] = {
    "time": ("starts_at", "duration_minutes"),
    "place": ("place", "video_link"),
    "convenor": ("convenor_participant_id",),
    "status": ("status",),
    "result": (
        "notes",
        "new_needs",
        "decision",
        "decision_reason",
        "action_reviews",
        "goal_reviews",
    ),
}


def _changed_groups(old: Any, new: Any, groups: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(
        key
        for key, names in groups.items()
        if any(_norm(getattr(old, n)) != _norm(getattr(new, n)) for n in names)
    )


def _norm(value: Any) -> Any:
    if isinstance(value, tuple):
        return tuple(sorted(value, key=repr))
    return value


def _items(
    area: str,
    old: Sequence[Any],
    new: Sequence[Any],
    subject: Callable[[Any], str],
    groups: dict[str, tuple[str, ...]],
) -> list[PlanChange]:
    before = {x.id: x for x in old}
    after = {x.id: x for x in new}
    out: list[PlanChange] = []
    for item in new:
        if item.id not in before:
            out.append(
                PlanChange(area=area, kind=ChangeKind.ADDED, item_id=item.id, subject=subject(item))
            )
            continue
        fields = _changed_groups(before[item.id], item, groups)
        if fields:
            kind = ChangeKind.CHANGED
            if area == "consent" and item.revoked_on and not before[item.id].revoked_on:
                kind = ChangeKind.REVOKED
            out.append(
                PlanChange(
                    area=area, kind=kind, item_id=item.id, subject=subject(item), fields=fields
                )
            )
    out.extend(
        PlanChange(area=area, kind=ChangeKind.REMOVED, item_id=item.id, subject=subject(item))
        for item in old
        if item.id not in after
    )
    return out


# area, PlanDetail attribute, the item as the person knows it, field groups
_LISTS: tuple[tuple[str, str, Callable[[Any], str], dict[str, tuple[str, ...]]], ...] = (
    ("goal", "goals", lambda g: g.text, {"description": ("text",), "goals": ("term", "parent_id")}),
    ("need", "needs", lambda n: n.description, {"description": ("description",)}),
    ("action", "actions", lambda a: a.description, _ACTION_GROUPS),
    ("participant", "participants", lambda p: p.label, _PARTICIPANT_GROUPS),
    ("consent", "consents", lambda c: c.organisation, _CONSENT_GROUPS),
    ("meeting", "meetings", lambda m: local_text(m.starts_at), _MEETING_GROUPS),
)


def diff_plans(old: PlanDetail, new: PlanDetail) -> tuple[PlanChange, ...]:
    """Every change from ``old`` to ``new``, in the order the plan is read."""
    out: list[PlanChange] = []
    if old.status != new.status:
        out.append(PlanChange(area="status", kind=ChangeKind.CHANGED, subject=new.status.value))
    for area, before, after, groups in (
        ("person", old.person, new.person, _PERSON_GROUPS),
        ("field", old.fields, new.fields, _PLAN_GROUPS),
    ):
        if fields := _changed_groups(before, after, groups):
            out.append(PlanChange(area=area, kind=ChangeKind.CHANGED, fields=fields))
    for area, name, subject, groups in _LISTS:
        out += _items(area, getattr(old, name), getattr(new, name), subject, groups)
    return tuple(out + _no_effort_reasons(old, new) + _translations(old, new))


def _no_effort_reasons(old: PlanDetail, new: PlanDetail) -> list[PlanChange]:
    """One change per principal whose reason for having no effort was written or changed."""
    before = {r.key: r.reason for r in old.no_effort_reasons}
    after = {r.key: r for r in new.no_effort_reasons}
    names = {r.key: r.organisation for r in old.no_effort_reasons}
    names.update({k: r.organisation for k, r in after.items()})
    return [
        PlanChange(area="no_effort", kind=ChangeKind.CHANGED, subject=names[key])
        for key in sorted(before.keys() | after.keys())
        if before.get(key, "") != (after[key].reason if key in after else "")
    ]


# translated text -> field group, in the order the person's page prints them
_TRANSLATION_GROUPS = {
    **{name: "crisis" if name.startswith("crisis") else name for name in PLAN_TEXTS},
    GOAL: "goals",
    ACTION: "actions",
}
_GROUP_ORDER = ("what_matters", "strengths", "goals", "person_own_actions", "actions", "crisis")


def _translations(old: PlanDetail, new: PlanDetail) -> list[PlanChange]:
    """One change per language whose translations differ, naming the texts that changed."""
    before = {t.key: t.text for t in old.translations}
    after = {t.key: t.text for t in new.translations}
    changed = [k for k in before.keys() | after.keys() if before.get(k, "") != after.get(k, "")]
    out = []
    for language in sorted({k[0] for k in changed}):
        groups = {_TRANSLATION_GROUPS[k[1]] for k in changed if k[0] == language}
        fields = tuple(g for g in _GROUP_ORDER if g in groups)
        subject = language_name(language)
        out.append(
            PlanChange(area="translation", kind=ChangeKind.CHANGED, subject=subject, fields=fields)
        )
    return out


def summarise(old: PlanDetail | None, old_number: int | None, new: PlanDetail) -> ChangeSummary:
    """The :class:`ChangeSummary` from the signed version ``old`` (if any) to ``new``."""
    if old is None:
        return ChangeSummary(since_version=None)
    return ChangeSummary(since_version=old_number, items=diff_plans(old, new))
