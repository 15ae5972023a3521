from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from sip_desk.db.models import AuditEntry, PlanVersion
from sip_desk.domain.enums import AuditAction, SignatureMethod, VersionState
from sip_desk.domain.errors import DomainError, StaleEditError, ValidationErrors
from sip_desk.domain.snapshot import canonical_snapshot, chain_hash
from sip_desk.domain.verification import KeyOrigin
from sip_desk.services.signing_service import IncompleteForSigningError
from tests.builders import PlanBuilder
from tests.services.signing_helpers import paper_signature, person_signature


def _sign(services: Any, plan: Any) -> Any:
    today = services.ctx.clock.today()
    return services.signing.sign_version(
        plan.id, plan.version, [paper_signature(today), person_signature(today)]
    )


def test_signing_freezes_the_draft_with_a_hash_and_signatures(services, make_plan) -> None:
    plan = make_plan.complete()

    signed = _sign(services, plan)

    (version,) = signed.versions
    assert version.state is VersionState.SIGNED and version.previous_hash is None
    stored = services.signing.get_version(plan.id, 1)
    assert stored.signed and stored.content_hash == version.content_hash
    assert stored.plan.goals == plan.goals and stored.plan.actions == plan.actions
    assert [s.signer_name for s in stored.signatures] == ["Testa Testsson", "Kim Handläggare"]
    assert stored.signatures[0].image_png and stored.signatures[1].image_png is None


def test_signing_hash_is_recomputable_from_the_stored_snapshot(services, make_plan) -> None:
    plan = make_plan.complete()
    _sign(services, plan)

    stored = services.signing.get_version(plan.id, 1)

    assert stored.content_hash == chain_hash(canonical_snapshot(stored.plan), None)


def test_signing_then_editing_starts_a_new_draft_and_chains_hashes(services, make_plan) -> None:
    plan = _sign(services, make_plan.complete())
    edited = services.plans.update_fields(
        plan.id, plan.version, dataclasses.replace(plan.fields, what_matters="Att få bo kvar")
    ).plan
    assert [v.state for v in edited.versions] == [VersionState.SIGNED, VersionState.DRAFT]

    resigned = _sign(services, edited)

    first, second = resigned.versions
    assert second.state is VersionState.SIGNED and second.previous_hash == first.content_hash
    assert services.signing.get_version(plan.id, 1).plan.fields.what_matters == ""
    assert services.signing.get_version(plan.id, 2).plan.fields.what_matters == "Att få bo kvar"


def test_signing_records_audit_entries(services, make_plan) -> None:
    plan = make_plan.complete()
    _sign(services, plan)

    with services.ctx.db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == AuditAction.SIGN)).all()
    assert {(e.entity, e.field) for e in entries} >= {
        ("plan_version", "content_hash"),
        ("signature", "signer_name"),
    }


def test_signing_refuses_stale_version(services, make_plan) -> None:
    plan = make_plan.complete()

    with pytest.raises(StaleEditError):
        services.signing.sign_version(
            plan.id, plan.version - 1, [person_signature(plan.created_at.date())]
        )


def test_signing_refuses_incomplete_plan_and_lists_what_is_missing(services, make_plan) -> None:
    plan = make_plan()

    with pytest.raises(IncompleteForSigningError) as info:
        _sign(services, plan)

    assert "saknas" in info.value.message("sv")
    assert "No follow-up is booked." in info.value.message("en")


def test_signing_refuses_when_nothing_changed_since_signed(services, make_plan) -> None:
    plan = _sign(services, make_plan.complete())

    with pytest.raises(DomainError) as info:
        _sign(services, plan)

    assert info.value.code == "signing.nothing_new"


def test_signing_refuses_drawn_signature_without_drawing(services, make_plan) -> None:
    plan = make_plan.complete()
    empty = dataclasses.replace(person_signature(services.ctx.clock.today()), image_png=None)

    with pytest.raises(ValidationErrors) as info:
        services.signing.sign_version(plan.id, plan.version, [empty])

    assert "Rita" in info.value.message("sv")


def _rgba_png(inked: set[tuple[int, int]], width: int = 300, height: int = 160) -> bytes:
    """A transparent RGBA PNG (what the signature pad exports) with ink at ``inked``."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(
        b"\x00"
        + b"".join(b"\x0b\x2a\x5b\xff" if (x, y) in inked else bytes(4) for x in range(width))
        for y in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    ihdr, idat = chunk(b"IHDR", header), chunk(b"IDAT", zlib.compress(rows))
    return b"\x89PNG\r\n\x1a\n" + ihdr + idat + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    "ink",
    [set(), {(150 + dx, 80 + dy) for dx in range(3) for dy in range(3)}],
    ids=["blank", "dot"],
)
def test_signing_refuses_a_blank_or_dot_drawing(services, make_plan, ink) -> None:
    plan = make_plan.complete()
    today = services.ctx.clock.today()
    blank = dataclasses.replace(person_signature(today), image_png=_rgba_png(ink))

    with pytest.raises(ValidationErrors) as info:
        services.signing.sign_version(plan.id, plan.version, [blank])

    assert "Rita" in info.value.message("sv")


def test_signing_takes_a_drawn_stroke(services, make_plan) -> None:
    plan = make_plan.complete()
    stroke = {(x, 80 + d) for x in range(40, 240) for d in range(3)}
    drawn = dataclasses.replace(
        person_signature(services.ctx.clock.today()), image_png=_rgba_png(stroke)
    )

    signed = services.signing.sign_version(plan.id, plan.version, [drawn])

    assert signed.versions[-1].state is VersionState.SIGNED


def test_signing_refuses_no_signatures(services, make_plan) -> None:
    plan = make_plan.complete()

    with pytest.raises(DomainError) as info:
        services.signing.sign_version(plan.id, plan.version, [])

    assert info.value.code == "signing.no_signatures"


def test_late_paper_signature_is_added_to_signed_version(services, make_plan, clock) -> None:
    plan = _sign(services, make_plan.complete())
    clock.set(clock.current + timedelta(days=2))

    version = services.signing.add_signature(
        plan.id, 1, paper_signature(clock.today(), name="Bo Läkare")
    )

    assert [s.signer_name for s in version.signatures][-1] == "Bo Läkare"
    assert version.content_hash == plan.versions[0].content_hash


def test_signing_seals_the_version_and_its_signatures_with_the_store_key(
    services, make_plan
) -> None:
    plan = _sign(services, make_plan.complete(address="Storgatan 5"))

    check = services.signing.get_version(plan.id, 1).check
    assert check is not None

    assert check.ok and check.origin is KeyOrigin.OWN and check.trusted
    assert check.key_id == services.keys.own().key_id
    assert len(check.accepted_chain) == 1  # the signatures as given at signing
    with services.ctx.db.read() as s:
        snapshot = s.scalar(select(PlanVersion.snapshot).where(PlanVersion.plan_id == plan.id))
    assert "Storgatan 5" not in snapshot  # contact data is not frozen into the plan


def test_late_signature_is_signed_by_the_store_key(services, make_plan, clock) -> None:
    plan = _sign(services, make_plan.complete())
    clock.set(clock.current + timedelta(days=2))

    version = services.signing.add_signature(plan.id, 1, paper_signature(clock.today(), "Bo"))

    assert version.check is not None and version.check.ok
    assert len(version.check.accepted_chain) == 2  # as sealed, then with the late signature


def test_late_signature_must_be_on_paper_and_not_twice(services, make_plan, clock) -> None:
    plan = _sign(services, make_plan.complete())

    with pytest.raises(DomainError) as drawn:
        services.signing.add_signature(plan.id, 1, person_signature(clock.today(), "Ny Person"))
    with pytest.raises(DomainError) as twice:
        services.signing.add_signature(plan.id, 1, paper_signature(clock.today()))

    assert drawn.value.code == "signing.late_needs_paper"
    assert twice.value.code == "signing.already_signed"


def test_changes_since_signed_gives_items_and_lines(services, make_plan) -> None:
    plan = _sign(services, make_plan.complete())
    assert services.signing.changes_since_signed(services.plans.get_plan(plan.id)).items == ()
    services.plans.update_fields(
        plan.id, plan.version, dataclasses.replace(plan.fields, what_matters="Att få bo kvar")
    )

    summary = services.signing.changes_since_signed(services.plans.get_plan(plan.id))

    assert summary.since_version == 1
    assert summary.lines("sv") == ("Ändrat: det som är viktigt för dig.",)
    assert summary.lines("en") == ("Changed: what matters to you.",)
    assert summary.items[0].fields == ("what_matters",)


def test_store_refuses_raw_update_of_signed_version(services, make_plan) -> None:
    plan = _sign(services, make_plan.complete())

    with pytest.raises(Exception, match="immutable"), services.ctx.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE plan_versions SET snapshot = '{}' WHERE plan_id = :p"), {"p": plan.id}
        )
    with pytest.raises(Exception, match="immutable"), services.ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM signatures"))

    assert services.signing.get_version(plan.id, 1).signatures[0].method is SignatureMethod.DRAWN


def test_store_still_edits_draft_versions(services, make_plan: PlanBuilder) -> None:
    plan = make_plan.complete()

    with services.ctx.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE plan_versions SET snapshot = NULL WHERE plan_id = :p"), {"p": plan.id}
        )

    assert services.plans.get_plan(plan.id).versions[0].state is VersionState.DRAFT
