"""A plan → the export document (format ``sip-desk-plan``, schema version 2).

Database ids never appear in the file. Signed snapshots are written without the person's
postal address (:func:`~sip_desk.domain.snapshot.public_snapshot`), with their seals and the
public keys those seals need. Lists keep the plan's order, and items that others refer
to carry a local key (``participant-1``, ``goal-2`` … by position), so an exported, imported and
again exported plan gives the same file apart from ``exported_at``.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sip_desk.db.models import PlanVersion, VersionSeal
from sip_desk.domain.action import ActionDto
from sip_desk.domain.codec import encode, record
from sip_desk.domain.errors import DomainError
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.seal import seal_message
from sip_desk.domain.snapshot import public_snapshot
from sip_desk.domain.translation import ACTION, GOAL
from sip_desk.services.plan_json.document import FORMAT, SCHEMA_VERSION
from sip_desk.services.store_key import StoreKey

_IDS = frozenset({"id", "position"})


def dumps(doc: Mapping[str, Any]) -> str:
    """The document as UTF-8-friendly, indented JSON text ending in a newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _keys(prefix: str, ids: Sequence[int]) -> dict[int, str]:
    return {item_id: f"{prefix}-{i}" for i, item_id in enumerate(ids, start=1)}


def _ref(keys: Mapping[int, str], item_id: int | None) -> str | None:
    return None if item_id is None else keys.get(item_id)


def _with_refs(values: dict[str, Any], refs: Mapping[str, tuple[str, object]]) -> dict[str, Any]:
    """``values`` with each id field named in ``refs`` replaced, in place, by (key, reference)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        key, new = refs.get(name, (name, value))
        out[key] = new
    return out


class _Exporter:
    """Builds the ``plan`` object of one document."""

    def __init__(self, plan: PlanDetail) -> None:
        self.plan = plan
        self.participants = _keys("participant", [p.id for p in plan.participants])
        self.goals = _keys("goal", [g.id for g in plan.goals])
        self.needs = _keys("need", [n.id for n in plan.needs])
        self.actions = _keys("action", [a.id for a in plan.actions])

    def plan_object(self, versions: Sequence[PlanVersion], redaction: Redaction) -> dict[str, Any]:
        p = self.plan
        return {
            "status": encode(p.status),
            "closed_reason": p.closed_reason,
            "closed_on": encode(p.closed_on),
            "created_at": encode(p.created_at),
            "updated_at": encode(p.updated_at),
            "person": self.person(),
            "fields": self.fields(),
            "participants": [
                {"ref": self.participants[x.id], **record(x, _IDS)} for x in p.participants
            ],
            "consents": [record(c, _IDS) for c in sorted(p.consents, key=lambda c: c.id)],
            "goals": [
                {
                    "ref": self.goals[g.id],
                    **_with_refs(
                        record(g, _IDS),
                        {"parent_id": ("parent_ref", _ref(self.goals, g.parent_id))},
                    ),
                }
                for g in p.goals
            ],
            "needs": [{"ref": self.needs[n.id], **record(n, _IDS)} for n in p.needs],
            "actions": [self.action(a) for a in p.actions],
            "meetings": [
                self.meeting(m) for m in sorted(p.meetings, key=lambda m: (m.starts_at, m.id))
            ],
            **self.translations(),
            **self.no_effort_reasons(),
            "versions": [_version(v, redaction) for v in sorted(versions, key=lambda v: v.number)],
        }

    def translations(self) -> dict[str, Any]:
        """The translations made at the meeting; no key at all when there are none."""
        refs = {GOAL: self.goals, ACTION: self.actions}
        items = [
            {
                "language": t.language,
                "field": t.field,
                "ref": _ref(refs[t.field], t.item_id) if t.field in refs else None,
                "text": t.text,
            }
            for t in sorted(self.plan.translations, key=lambda t: t.key)
        ]
        return {"translations": items} if items else {}

    def no_effort_reasons(self) -> dict[str, Any]:
        """Why a principal taking part has no effort; no key at all when there are none."""
        items = [encode(r) for r in sorted(self.plan.no_effort_reasons, key=lambda r: r.key)]
        return {"no_effort_reasons": items} if items else {}

    def person(self) -> dict[str, Any]:
        person = self.plan.person
        skip = {"id", "reserve_id", "representatives"}
        if person.protected_identity:
            # Protected identity: the address never leaves the store (DOMAIN.md).
            skip.add("address")
        out = record(person, frozenset(skip))
        out["representatives"] = [record(r) for r in person.representatives]
        return out

    def fields(self) -> dict[str, Any]:
        fields = self.plan.fields
        coordinator = _ref(self.participants, fields.coordinator_participant_id)
        return _with_refs(
            record(fields),
            {"coordinator_participant_id": ("coordinator_participant_ref", coordinator)},
        )

    def action(self, a: ActionDto) -> dict[str, Any]:
        order = list(self.goals)
        goal_ids = sorted((g for g in a.goal_ids if g in self.goals), key=order.index)
        refs: dict[str, tuple[str, object]] = {
            "need_id": ("need_ref", _ref(self.needs, a.need_id)),
            "responsible_participant_id": (
                "responsible_participant_ref",
                _ref(self.participants, a.responsible_participant_id),
            ),
            "goal_ids": ("goal_refs", [self.goals[g] for g in goal_ids]),
        }
        return {
            "ref": self.actions[a.id],
            **_with_refs(record(a, _IDS | {"responsible_name"}), refs),
        }

    def meeting(self, m: MeetingDto) -> dict[str, Any]:
        convenor = _ref(self.participants, m.convenor_participant_id)
        skip = _IDS | {"convenor_name", "action_reviews", "goal_reviews"}
        out = _with_refs(
            record(m, skip), {"convenor_participant_id": ("convenor_participant_ref", convenor)}
        )
        out["action_reviews"] = [
            {"action_ref": self.actions[r.action_id], **record(r, frozenset({"action_id"}))}
            for r in m.action_reviews
        ]
        out["goal_reviews"] = [
            {"goal_ref": self.goals[r.goal_id], **record(r, frozenset({"goal_id"}))}
            for r in m.goal_reviews
        ]
        return out


def _values(row: object, names: str) -> dict[str, Any]:
    """The attributes ``names`` (space-separated) of ``row`` as JSON values, in that order."""
    return {name: encode(getattr(row, name)) for name in names.split()}


def _seal(seal: VersionSeal | None) -> dict[str, Any] | None:
    names = "signatures_hash key_id key_signature sealed_at on_upgrade"
    return None if seal is None else _values(seal, names)


@dataclass(frozen=True)
class Redaction:
    """What a protected person's export must leave out of signed snapshots, and the key for it.

    Every snapshot leaves without the person's address (its seal covers that form). When the
    person has a protected identity, a meeting place naming their address is emptied too; that
    text is no longer the one the seal covers, so this store's ``key`` seals it afresh (over the
    same content hash and signatures).
    """

    hidden: tuple[str, ...] = ()
    key: StoreKey | None = None

    def version(self, v: PlanVersion) -> tuple[str | None, dict[str, Any] | None]:
        """The snapshot and the seal as they go into the file."""
        seal = _seal(v.seal)
        if v.snapshot is None:
            return None, seal
        out = public_snapshot(v.snapshot, self.hidden)
        if seal is None or v.content_hash is None or out == public_snapshot(v.snapshot):
            return out, seal
        if self.key is None:
            raise DomainError("key.not_configured", store="")
        key = self.key
        digest = hashlib.sha256(out.encode("utf-8")).hexdigest()
        message = seal_message(key.key_id, v.content_hash, seal["signatures_hash"], digest)
        return out, {**seal, "key_id": key.key_id, "key_signature": key.sign(message)}


def _version(v: PlanVersion, redaction: Redaction) -> dict[str, Any]:
    snapshot, seal = redaction.version(v)
    signatures = [
        {
            **_values(s, "signer_name organisation role is_person method signed_on"),
            "image_png": None if s.image_png is None else base64.b64encode(s.image_png).decode(),
            **_values(s, "key_id key_signature"),
        }
        for s in v.signatures
    ]
    return {
        **_values(v, "number state"),
        "snapshot": snapshot,
        **_values(v, "content_hash previous_hash created_at signed_at"),
        "signatures": signatures,
        "seal": seal,
    }


def plan_document(
    plan: PlanDetail,
    versions: Sequence[PlanVersion],
    exported_at: datetime,
    public_keys: Mapping[str, str],
    redaction: Redaction | None = None,
) -> dict[str, Any]:
    """The whole export document for ``plan`` and its ``versions`` (signatures, seals loaded).

    A protected person's ``plan`` comes already without the address. ``public_keys`` maps the
    id of every key the store knows to its public key (base64); those the versions use go in.
    """
    body = _Exporter(plan).plan_object(versions, redaction or Redaction())
    used = {v["seal"]["key_id"] for v in body["versions"] if v["seal"]} | {
        s["key_id"] for v in body["versions"] for s in v["signatures"] if s["key_id"]
    }
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": encode(exported_at),
        "signing_keys": [
            {"key_id": k, "public_key": public_keys[k]} for k in sorted(used) if k in public_keys
        ],
        "plan": body,
    }
