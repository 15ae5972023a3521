"""Tamper trials: what someone with the store file but without its key can change, and that
every such change is caught by ``verify-store``, by printing (refused) and by ``verify``.

The changes are made as an outsider would make them, with SQL on the store file (the
immutability triggers dropped first where they stand in the way), or by editing an export file.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import sqlite3
from datetime import timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sip_desk.db.engine import Database, make_engine
from sip_desk.db.migrate import prepare_store
from sip_desk.domain.errors import DomainError
from sip_desk.domain.seal import public_digest, seal_message, signature_chain
from sip_desk.domain.snapshot import chain_hash
from sip_desk.domain.verification import DamagedVersionError
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from sip_desk.services.store_key import key_id_of, public_text
from tests.builders import PlanBuilder
from tests.services.signing_helpers import (
    paper_signature,
    person_signature,
    signature_from_json,
)

DROP_TRIGGERS = (
    "DROP TRIGGER IF EXISTS trg_plan_versions_signed_no_update",
    "DROP TRIGGER IF EXISTS trg_signatures_signed_no_update",
    "DROP TRIGGER IF EXISTS trg_signatures_signed_no_delete",
    "DROP TRIGGER IF EXISTS trg_version_seals_no_update",
    "DROP TRIGGER IF EXISTS trg_version_seals_no_delete",
)


@pytest.fixture
def signed(sqlite_services, clock) -> Any:
    """A plan signed by the person and a caseworker, with a late paper signature."""
    s = sqlite_services
    plan = PlanBuilder(s).complete(first_name="Mira", last_name="Lind")
    today = clock.today()
    s.signing.sign_version(plan.id, plan.version, [person_signature(today), paper_signature(today)])
    clock.set(clock.current + timedelta(days=2))
    late = dataclasses.replace(paper_signature(clock.today()), signer_name="Lotta Lärare")
    s.signing.add_signature(plan.id, 1, late)
    return plan


def _sql(services: Any, *statements: str, params: tuple[Any, ...] = ()) -> None:
    """Run SQL on the store file behind the program's back, as the sqlite3 shell would."""
    con = sqlite3.connect(services.ctx.db.path)
    try:
        for statement in statements:
            con.execute(statement, params if "?" in statement else ())
        con.commit()
    finally:
        con.close()


def _caught(services: Any, plan_id: int, tmp_path: Any) -> list[str]:
    """Every place the change shows up: verify-store, printing, and verify of an earlier file."""
    checks = [c for c in services.signing.check_store() if c.plan_id == plan_id]
    assert len(checks) == 1
    target = tmp_path / "again.pdf"
    with pytest.raises(DamagedVersionError):
        services.documents.export_pdf(plan_id, target, 1)
    assert not target.exists()
    report = services.documents.verify_pdf(tmp_path / "before.pdf")
    assert not report.ok
    return [p.code for p in checks[0].problems]


@pytest.fixture
def printed(sqlite_services, signed, tmp_path) -> Any:
    sqlite_services.documents.export_pdf(signed.id, tmp_path / "before.pdf", 1)
    assert sqlite_services.documents.verify_pdf(tmp_path / "before.pdf").ok
    return signed


def test_tamper_inserted_signature_is_caught(sqlite_services, printed, tmp_path) -> None:
    _sql(
        sqlite_services,
        "INSERT INTO signatures (version_id, position, signer_name, organisation, role, "
        "is_person, method, signed_on) SELECT id, 7, 'Falsk Underskrift', '', '', 0, 'paper', "
        "'2026-11-25' FROM plan_versions WHERE state = 'signed'",
    )

    assert _caught(sqlite_services, printed.id, tmp_path) == ["seal.late_unsealed"]


def test_tamper_deleted_signature_is_caught(sqlite_services, printed, tmp_path) -> None:
    _sql(sqlite_services, *DROP_TRIGGERS, "DELETE FROM signatures WHERE position = 0")

    assert "seal.signatures_changed" in _caught(sqlite_services, printed.id, tmp_path)


def test_tamper_changed_signature_is_caught(sqlite_services, printed, tmp_path) -> None:
    _sql(
        sqlite_services,
        *DROP_TRIGGERS,
        "UPDATE signatures SET signed_on = '2026-11-01' WHERE position = 1",
    )

    assert "seal.signatures_changed" in _caught(sqlite_services, printed.id, tmp_path)


def test_tamper_snapshot_edited_with_recomputed_hash_is_caught(
    sqlite_services, printed, tmp_path
) -> None:
    with sqlite3.connect(sqlite_services.ctx.db.path) as con:
        snapshot, previous = con.execute(
            "SELECT snapshot, previous_hash FROM plan_versions WHERE state = 'signed'"
        ).fetchone()
    con.close()
    forged = snapshot.replace("Ha ett eget boende", "Flytta till ett behandlingshem")
    assert forged != snapshot
    _sql(
        sqlite_services,
        *DROP_TRIGGERS,
        "UPDATE plan_versions SET snapshot = ?, content_hash = ? WHERE state = 'signed'",
        params=(forged, chain_hash(forged, previous)),
    )

    assert "seal.key_signature_bad" in _caught(sqlite_services, printed.id, tmp_path)


def test_tamper_removed_seal_is_caught(sqlite_services, printed, tmp_path) -> None:
    _sql(sqlite_services, *DROP_TRIGGERS, "DELETE FROM version_seals")

    assert _caught(sqlite_services, printed.id, tmp_path) == ["seal.not_sealed"]


def test_tamper_seal_signed_by_another_key_is_caught(sqlite_services, printed, tmp_path) -> None:
    other = Ed25519PrivateKey.generate()
    other_id = key_id_of(other.public_key())
    with sqlite3.connect(sqlite_services.ctx.db.path) as con:
        content_hash, snapshot, hashes = con.execute(
            "SELECT v.content_hash, v.snapshot, s.signatures_hash FROM plan_versions v "
            "JOIN version_seals s ON s.version_id = v.id"
        ).fetchone()
    con.close()
    message = seal_message(other_id, content_hash, hashes, public_digest(snapshot))
    signature = base64.b64encode(other.sign(message)).decode()
    _sql(
        sqlite_services,
        *DROP_TRIGGERS,
        "UPDATE version_seals SET key_id = ?, key_signature = ?",
        params=(other_id, signature),
    )

    assert _caught(sqlite_services, printed.id, tmp_path) == ["seal.key_unknown"]


def test_tamper_changed_key_file_is_caught(sqlite_services, printed, tmp_path) -> None:
    key_file = sqlite_services.keys.location
    assert key_file is not None
    key_file.unlink()
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT, 0o600)
    os.write(fd, pem)
    os.close(fd)
    fresh = type(sqlite_services)(sqlite_services.ctx)  # a new program run on the same store

    assert _caught(fresh, printed.id, tmp_path) == ["seal.key_file_other"]
    with pytest.raises(DomainError) as info:
        fresh.signing.add_signature(printed.id, 1, paper_signature(fresh.ctx.clock.today()))
    assert info.value.code == "key.mismatch"


def test_tamper_newest_late_signature_removed_is_caught_by_a_later_print(
    sqlite_services, signed, tmp_path
) -> None:
    # Removing the newest late signature together with nothing else rolls the version back to
    # a state the key did cover; a file printed after that signature no longer verifies.
    sqlite_services.documents.export_pdf(signed.id, tmp_path / "after.pdf", 1)
    _sql(sqlite_services, *DROP_TRIGGERS, "DELETE FROM signatures WHERE position = 2")

    check = sqlite_services.signing.get_version(signed.id, 1).check
    assert check is not None and check.ok  # the rollback itself
    report = sqlite_services.documents.verify_pdf(tmp_path / "after.pdf")
    assert report.version_found and not report.signatures_match and not report.ok


@pytest.fixture
def other_store(tmp_path, user, clock) -> Any:
    """A second store, elsewhere, with its own key."""
    (tmp_path / "other").mkdir()
    db = Database(make_engine(str(tmp_path / "other" / "sip_desk.sqlite")))
    prepare_store(db)
    yield Services(ServiceContext(db=db, user=user, clock=clock))
    db.dispose()


def _export(services: Any, plan_id: int) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(services.transfer.export_plan(plan_id))
    return doc


def _import_error(services: Any, doc: dict[str, Any]) -> str:
    with pytest.raises(DomainError) as info:
        services.transfer.import_with_report(json.dumps(doc))
    return info.value.message("en")


def test_tamper_import_file_with_edited_snapshot_and_recomputed_hash_is_refused(
    sqlite_services, signed
) -> None:
    doc = _export(sqlite_services, signed.id)
    version = doc["plan"]["versions"][0]
    version["snapshot"] = version["snapshot"].replace("Ha ett eget boende", "Flytta hemifrån")
    version["content_hash"] = chain_hash(version["snapshot"], version["previous_hash"])

    message = _import_error(sqlite_services, doc)

    assert "key signature that does not check" in message and "versions[0]" in message


def test_tamper_import_file_resealed_with_a_forged_key_is_not_trusted(
    sqlite_services, signed, other_store, tmp_path
) -> None:
    # A forger who recomputes every hash and seals with a key of their own gets the file in,
    # but only as "signed in another store" under their key, which verify does not trust.
    doc = _export(sqlite_services, signed.id)
    forger = Ed25519PrivateKey.generate()
    forger_id = key_id_of(forger.public_key())
    version = doc["plan"]["versions"][0]
    version["snapshot"] = version["snapshot"].replace("Ha ett eget boende", "Flytta hemifrån")
    version["content_hash"] = chain_hash(version["snapshot"], None)
    version["signatures"] = version["signatures"][:2]  # late signatures are dropped too
    signatures = [signature_from_json(s) for s in version["signatures"]]
    hashes = signature_chain(version["content_hash"], signatures)[-1]
    message = seal_message(
        forger_id, version["content_hash"], hashes, public_digest(version["snapshot"])
    )
    version["seal"].update(
        key_id=forger_id,
        signatures_hash=hashes,
        key_signature=base64.b64encode(forger.sign(message)).decode(),
    )
    doc["signing_keys"] = [{"key_id": forger_id, "public_key": public_text(forger.public_key())}]
    real_key = tmp_path / "real.pem"
    real_key.write_bytes(
        sqlite_services.keys.own().public.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )

    plan = other_store.transfer.import_with_report(json.dumps(doc)).plan
    pdf = other_store.documents.export_pdf(plan.id, tmp_path / "forged.pdf", 1)

    assert pdf.other_store and pdf.key_id == forger_id
    assert not other_store.documents.verify_pdf(tmp_path / "forged.pdf").ok
    trusted = other_store.documents.verify_pdf(tmp_path / "forged.pdf", trust_keys=[str(real_key)])
    assert not trusted.ok and not trusted.key_ok


def test_tamper_import_file_downgraded_to_format_1_is_never_printed_as_signed(
    sqlite_services, signed, other_store, tmp_path
) -> None:
    # Stripping the seals and calling the file version 1 gets it in, but unprovable.
    doc = _export(sqlite_services, signed.id)
    doc["schema_version"] = 1
    del doc["signing_keys"]
    for version in doc["plan"]["versions"]:
        del version["seal"]
        for signature in version["signatures"]:
            del signature["key_id"], signature["key_signature"]
    version = doc["plan"]["versions"][0]
    version["snapshot"] = version["snapshot"].replace("Ha ett eget boende", "Flytta hemifrån")
    version["content_hash"] = chain_hash(version["snapshot"], None)

    plan = other_store.transfer.import_with_report(json.dumps(doc)).plan

    with pytest.raises(DamagedVersionError) as info:
        other_store.documents.export_pdf(plan.id, tmp_path / "x.pdf", 1)
    assert "seal.not_sealed" in [p.code for p in info.value.check.problems]
    assert not (tmp_path / "x.pdf").exists()
