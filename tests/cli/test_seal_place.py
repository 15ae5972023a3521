"""A sealed version copied by hand into another person's plan (issue 9, F1): the seal binds
a version to its plan and number, so every check refuses the copy."""

from __future__ import annotations

import json
import sqlite3

import pytest
from pypdf import PdfReader

from sip_desk.cli import run

COPY_INTO_PLAN_4 = (
    "INSERT INTO plan_versions (id, plan_id, number, state, snapshot, content_hash, "
    "previous_hash, created_at, signed_at) SELECT 50, 4, 2, 'signed', snapshot, content_hash, "
    "previous_hash, created_at, signed_at FROM plan_versions WHERE id = 2",
    "INSERT INTO version_seals SELECT 50, signatures_hash, key_id, key_signature, sealed_at, "
    "on_upgrade FROM version_seals WHERE version_id = 2",
    "INSERT INTO signatures (version_id, position, signer_name, organisation, role, is_person, "
    "method, signed_on) SELECT 50, position, signer_name, organisation, role, is_person, method, "
    "signed_on FROM signatures WHERE version_id = 2",
)


@pytest.fixture
def demo_store(tmp_path, capsys) -> str:
    store = str(tmp_path / "demo.sqlite")
    assert run(["--db", store, "demo"]) == 0
    capsys.readouterr()
    return store


def sql(store: str, *statements: str) -> None:
    """Run statements as the sqlite3 shell would, behind the program's back."""
    con = sqlite3.connect(store)
    try:
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def test_a_sealed_version_copied_into_another_plan_fails_every_check(
    demo_store, tmp_path, capsys
) -> None:
    before = tmp_path / "alva.pdf"
    assert run(["--db", demo_store, "pdf", "2", "--version", "1", "-o", str(before)]) == 0
    sql(demo_store, *COPY_INTO_PLAN_4)
    capsys.readouterr()

    store_code = run(["--db", demo_store, "--lang", "en", "verify-store"])
    store_out = capsys.readouterr().out
    target = tmp_path / "copy.pdf"
    pdf_code = run(["--db", demo_store, "pdf", "4", "--version", "2", "-o", str(target)])
    pdf_out = capsys.readouterr()
    export_code = run(["--db", demo_store, "export", "4", "-o", str(tmp_path / "p4.json")])
    capsys.readouterr()
    original_code = run(["--db", demo_store, "verify", str(before)])

    assert store_code == 1
    assert "FAILED: plan 4, version 2:" in store_out
    assert "is about another person than plan 4" in store_out
    assert "plan 2" not in store_out.split("FAILED")[0]  # Alva's own version still checks out
    assert pdf_code == 1 and not target.exists()
    assert "undertecknad" not in pdf_out.out and "gäller en annan person" in pdf_out.err
    assert export_code == 1 and not (tmp_path / "p4.json").exists()
    assert original_code == 0  # Alva's own printed copy is still good
    assert "Alva" in PdfReader(before).pages[0].extract_text()


DROP_TRIGGERS = (
    "DROP TRIGGER trg_plan_versions_signed_no_update",
    "DROP TRIGGER trg_plan_versions_signed_no_delete",
    "DROP TRIGGER trg_signatures_signed_no_delete",
    "DROP TRIGGER trg_version_seals_no_delete",
)


def test_a_signed_version_demoted_to_draft_is_reported(demo_store, capsys) -> None:
    sql(demo_store, *DROP_TRIGGERS, "UPDATE plan_versions SET state = 'draft' WHERE id = 3")

    code = run(["--db", demo_store, "--lang", "en", "verify-store"])

    out = capsys.readouterr().out
    assert code == 1
    assert "FAILED: plan 3, version 1:" in out
    assert "is not signed but has a seal or signatures" in out
    assert "Checked 2 signed versions." in out


def test_a_deleted_signed_version_is_reported(demo_store, capsys) -> None:
    # Plan 1: version 1 signed, version 2 a draft. The whole signed version goes.
    sql(
        demo_store,
        *DROP_TRIGGERS,
        "DELETE FROM version_seals WHERE version_id = 1",
        "DELETE FROM signatures WHERE version_id = 1",
        "DELETE FROM plan_versions WHERE id = 1",
    )

    code = run(["--db", demo_store, "--lang", "en", "verify-store", "--json"])

    report = json.loads(capsys.readouterr().out)
    assert code == 1
    failed = [v for v in report["versions"] if not v["ok"]]
    assert [(v["plan_id"], v["version"], v["signed"]) for v in failed] == [(1, 2, False)]
    assert [p["code"] for p in failed[0]["problems"]] == ["store.version_missing"]


def test_a_draft_below_a_signed_version_is_reported(demo_store, capsys) -> None:
    # Plan 1's draft is renumbered below its signed version (the signed one moved up).
    sql(
        demo_store,
        *DROP_TRIGGERS,
        "UPDATE plan_versions SET number = 3 WHERE id = 1",
        "UPDATE plan_versions SET number = 1 WHERE id = 5",
    )

    code = run(["--db", demo_store, "--lang", "en", "verify-store"])

    out = capsys.readouterr().out
    assert code == 1
    assert "Version 1 is a draft but version 3 is signed" in out
    assert "Before version 3, version 2 is missing" in out


def test_an_imported_version_copied_into_another_persons_plan_fails(
    demo_store, tmp_path, capsys
) -> None:
    other = str(tmp_path / "other.sqlite")
    for plan in ("2", "3"):
        exported = tmp_path / f"p{plan}.json"
        assert run(["--db", demo_store, "export", plan, "-o", str(exported)]) == 0
        assert run(["--db", other, "import", str(exported)]) == 0
    assert run(["--db", other, "verify-store"]) == 0
    sql(
        other,
        "INSERT INTO plan_versions (id, plan_id, number, state, snapshot, content_hash, "
        "previous_hash, created_at, signed_at) SELECT 60, 1, 9, 'signed', snapshot, "
        "content_hash, previous_hash, created_at, signed_at FROM plan_versions "
        "WHERE plan_id = 2 AND number = 1",
        "INSERT INTO version_seals SELECT 60, signatures_hash, key_id, key_signature, "
        "sealed_at, on_upgrade FROM version_seals WHERE version_id = "
        "(SELECT id FROM plan_versions WHERE plan_id = 2 AND number = 1)",
        "INSERT INTO signatures (version_id, position, signer_name, organisation, role, "
        "is_person, method, signed_on) SELECT 60, position, signer_name, organisation, role, "
        "is_person, method, signed_on FROM signatures WHERE version_id = "
        "(SELECT id FROM plan_versions WHERE plan_id = 2 AND number = 1)",
    )
    capsys.readouterr()

    code = run(["--db", other, "--lang", "en", "verify-store", "--json"])

    report = json.loads(capsys.readouterr().out)
    assert code == 1
    failed = {(v["plan_id"], v["version"]): v for v in report["versions"] if not v["ok"]}
    # The copy, and the draft now numbered below it.
    assert list(failed) == [(1, 2), (1, 9)]
    codes = [p["code"] for p in failed[(1, 9)]["problems"]]
    assert "seal.wrong_person" in codes and "seal.wrong_plan" in codes


def test_an_export_whose_person_was_swapped_is_refused(demo_store, tmp_path, capsys) -> None:
    exported, other = tmp_path / "p3.json", str(tmp_path / "other.sqlite")
    assert run(["--db", demo_store, "export", "3", "-o", str(exported)]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["plan"]["person"]["identity_number"] = "20000101-0016"
    exported.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()

    code = run(["--db", other, "--lang", "en", "import", str(exported)])

    assert code == 2
    assert "is about another person than the file's person" in capsys.readouterr().err
