"""Golden signed versions made by this release (tests/fixtures/signed_v1): every later build
must read, print and verify them, so a change that breaks old signed plans fails here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sip_desk.domain.seal_check import SealData, SealedRecord, SignedSignature, check_record
from sip_desk.domain.snapshot import chain_hash, parse_snapshot
from sip_desk.domain.verification import KeyOrigin, KeyVerdict
from sip_desk.services.store_key import key_id_of, read_public_pem, verify_signature
from tests.pdf.pdf_text import normalise, pypdf_text
from tests.services.signing_helpers import signature_from_json

GOLDEN = Path(__file__).parents[1] / "fixtures" / "signed_v1"
PUBLIC_KEY = GOLDEN / "public_key.pem"
CASES = ("adult", "youth", "family", "protected")


def _doc(case: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((GOLDEN / f"{case}.json").read_text(encoding="utf-8"))
    return doc


def _signed(doc: dict[str, Any]) -> dict[str, Any]:
    return next(v for v in doc["plan"]["versions"] if v["state"] == "signed")


@pytest.mark.parametrize("case", CASES)
def test_golden_snapshot_reads_and_every_hash_and_key_signature_checks(case: str) -> None:
    doc = _doc(case)
    version = _signed(doc)
    public = read_public_pem(PUBLIC_KEY)

    plan = parse_snapshot(version["snapshot"])
    record = SealedRecord(
        number=version["number"],
        snapshot=version["snapshot"],
        content_hash=version["content_hash"],
        previous_hash=version["previous_hash"],
        expected_previous=None,
        signatures=tuple(
            SignedSignature(
                signature=signature_from_json(s),
                key_id=s["key_id"],
                key_signature=s["key_signature"],
            )
            for s in version["signatures"]
        ),
        seal=SealData(
            **{k: version["seal"][k] for k in ("signatures_hash", "key_id", "key_signature")}
        ),
    )

    def verify(key_id: str, message: bytes, signature: str) -> KeyVerdict:
        assert key_id == key_id_of(public)
        return (
            KeyVerdict.VALID if verify_signature(public, message, signature) else KeyVerdict.INVALID
        )

    person = doc["plan"]["person"]
    assert plan.person.full_name == f"{person['first_name']} {person['last_name']}"
    assert chain_hash(version["snapshot"], version["previous_hash"]) == version["content_hash"]
    assert check_record(record, verify).problems == ()
    assert doc["signing_keys"][0]["key_id"] == key_id_of(public)


@pytest.mark.parametrize("case", CASES)
def test_golden_version_imports_prints_and_verifies(case: str, sqlite_services, tmp_path) -> None:
    doc = _doc(case)
    snapshot = parse_snapshot(_signed(doc)["snapshot"])
    plan = sqlite_services.transfer.import_with_report(
        (GOLDEN / f"{case}.json").read_text("utf-8")
    ).plan
    target = tmp_path / f"{case}.pdf"

    for language in ("en", "ar"):
        assert sqlite_services.documents.render(plan.id, 1, language, seal=False).signed
    pdf = sqlite_services.documents.export_pdf(plan.id, target, 1, "sv")

    text = normalise(pypdf_text(pdf.data))
    assert snapshot.person.full_name in text
    assert all(normalise(goal.text) in text for goal in snapshot.goals)
    assert pdf.content_hash == _signed(doc)["content_hash"]
    assert pdf.other_store and pdf.key_id == doc["signing_keys"][0]["key_id"]
    check = sqlite_services.signing.get_version(plan.id, 1).check
    assert check is not None
    assert check.ok and check.origin is KeyOrigin.OTHER and not check.trusted
    untrusted = sqlite_services.documents.verify_pdf(target)
    trusted = sqlite_services.documents.verify_pdf(target, trust_keys=[str(PUBLIC_KEY)])
    assert not untrusted.ok and trusted.ok


def test_golden_late_signature_stays_covered_by_its_own_key_signature(sqlite_services) -> None:
    plan = sqlite_services.transfer.import_with_report(
        (GOLDEN / "youth.json").read_text("utf-8")
    ).plan

    check = sqlite_services.signing.get_version(plan.id, 1).check
    assert check is not None

    assert check.ok and len(check.accepted_chain) == 2
