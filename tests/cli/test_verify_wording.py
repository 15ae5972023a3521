"""``verify`` and ``verify-store`` after the store was changed by hand (issue 9, F7): the
person's unchanged file is not called changed, a failed result does not stand next to
unqualified reassurances, and checking needs only the public key."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from sip_desk.cli import run
from sip_desk.domain.snapshot import chain_hash

FORGED_SIGNATURE = (
    "INSERT INTO signatures (version_id, position, signer_name, organisation, role, is_person, "
    "method, signed_on) VALUES (3, 9, 'Falsk Underskrift', '', '', 0, 'paper', '2026-11-23')"
)


@pytest.fixture
def printed(tmp_path, capsys) -> tuple[str, Path]:
    """A demo store and plan 3's signed version 1 printed from it."""
    store, pdf = str(tmp_path / "demo.sqlite"), tmp_path / "v1.pdf"
    assert run(["--db", store, "demo"]) == 0
    assert run(["--db", store, "pdf", "3", "--version", "1", "-o", str(pdf)]) == 0
    capsys.readouterr()
    return store, pdf


def _sql(store: str, *statements: str, params: tuple[object, ...] = ()) -> None:
    con = sqlite3.connect(store)
    try:
        for statement in statements:
            con.execute(statement, params if "?" in statement else ())
        con.commit()
    finally:
        con.close()


def test_a_forged_signature_in_the_store_fails_without_reassuring_lines(printed, capsys):
    store, pdf = printed
    _sql(store, FORGED_SIGNATURE)

    code = run(["--db", store, "--lang", "en", "verify", str(pdf)])

    out = capsys.readouterr().out
    assert code == 1 and "Result: VERIFICATION FAILED" in out
    key_line = next(line for line in out.splitlines() if line.startswith("Key signature:"))
    sigs_line = next(line for line in out.splitlines() if line.startswith("Signatures in"))
    assert "but the stored version failed its check" in key_line
    assert "but the stored version failed its check" in sigs_line
    assert "What failed: the stored version" in out
    assert "File compared with the stored version: unchanged" in out


def test_the_unchanged_file_is_not_called_changed_when_the_stored_version_was_edited(
    printed, capsys
):
    store, pdf = printed
    with sqlite3.connect(store) as con:
        snapshot, previous = con.execute(
            "SELECT snapshot, previous_hash FROM plan_versions WHERE id = 3"
        ).fetchone()
    con.close()
    forged = snapshot.replace('"signed_on"', '"signed_on" ', 1).replace('"status"', ' "status"')
    assert forged != snapshot
    _sql(
        store,
        "DROP TRIGGER trg_plan_versions_signed_no_update",
        "DROP TRIGGER trg_audit_entries_no_delete",
        "DELETE FROM audit_entries WHERE entity = 'pdf'",
        "UPDATE plan_versions SET snapshot = ?, content_hash = ? WHERE id = 3",
        params=(forged, chain_hash(forged, previous)),
    )

    code = run(["--db", store, "--lang", "en", "verify", str(pdf)])

    out = capsys.readouterr().out
    assert code == 1
    assert "CHANGED" not in out and "may have been changed" not in out
    assert "the version in the file is not in the store" in out
    assert "this does not say the file was changed" in out
    assert "What failed: the version is not in the store" in out


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_verify_store_with_a_key_file_others_can_read_verifies_and_warns(printed, capsys):
    store, _ = printed
    os.chmod(store + ".key", 0o644)

    code = run(["--db", store, "--lang", "en", "verify-store"])

    captured = capsys.readouterr()
    assert code == 0 and "Result: OK" in captured.out
    assert "can be read by others than its owner" in captured.err
    assert "chmod 600" in captured.err


def test_verify_without_the_key_file_uses_the_public_key_in_the_store(printed, capsys):
    store, pdf = printed
    Path(store + ".key").rename(Path(store).with_name("elsewhere.key"))

    file_code = run(["--db", store, "--lang", "en", "verify", str(pdf)])
    file_out = capsys.readouterr()
    _sql(store, FORGED_SIGNATURE)
    store_code = run(["--db", store, "--lang", "en", "verify-store"])
    store_out = capsys.readouterr()

    assert file_code == 0 and "Result: OK" in file_out.out
    assert "uses the public key" in file_out.err and "recorded in the store" in file_out.err
    assert store_code == 1 and "FAILED: plan 3, version 1:" in store_out.out
    assert "was added without the store's key" in store_out.out
