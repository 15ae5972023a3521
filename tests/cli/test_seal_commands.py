"""``key export``, ``verify-store``, ``verify --trust-key``, refusals of damaged signed versions,
and ``pdf --lang`` as the document language."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from sip_desk.cli import _gui_args, run

FORGED_SIGNATURE = (
    "INSERT INTO signatures (version_id, position, signer_name, organisation, role, is_person, "
    "method, signed_on) SELECT id, 9, 'Falsk Underskrift', '', '', 0, 'paper', '2026-11-23' "
    "FROM plan_versions WHERE plan_id = 3 AND state = 'signed'"
)


@pytest.fixture
def demo_store(tmp_path, capsys) -> str:
    store = str(tmp_path / "demo.sqlite")
    assert run(["--db", store, "demo"]) == 0
    capsys.readouterr()
    return store


def _sql(store: str, statement: str) -> None:
    with sqlite3.connect(store) as con:
        con.execute(statement)
    con.close()


def test_pdf_lang_after_the_command_is_the_document_language(demo_store, tmp_path, capsys):
    target = tmp_path / "ar.pdf"

    code = run(["--db", demo_store, "--lang", "en", "pdf", "3", "-o", str(target), "--lang", "ar"])

    assert code == 0
    assert "Saved plan 3 version 1 (signed)" in capsys.readouterr().out  # messages: English
    meta = PdfReader(target).metadata
    assert meta is not None and "الخطة" in str(meta["/Title"])  # the document: Arabic


@pytest.mark.parametrize(
    "argv",
    [["pdf", "1", "-o", "x.pdf", "--lang", "ar"], ["--db", "x", "verify", "f", "--lang", "en"]],
)
def test_options_after_a_command_are_never_read_as_the_gui_ones(argv) -> None:
    assert _gui_args(argv) is None


def test_pdf_of_a_damaged_signed_version_exits_1_and_writes_no_file(demo_store, tmp_path, capsys):
    _sql(demo_store, FORGED_SIGNATURE)
    target = tmp_path / "plan3.pdf"

    code = run(["--db", demo_store, "pdf", "3", "--version", "1", "-o", str(target)])

    err = capsys.readouterr().err
    assert code == 1 and not target.exists()
    assert "skrivs inte ut" in err and "Falsk Underskrift" in err and "Traceback" not in err


def test_export_of_a_plan_with_a_damaged_signed_version_exits_1(demo_store, tmp_path, capsys):
    _sql(demo_store, FORGED_SIGNATURE)
    target = tmp_path / "plan3.json"

    code = run(["--db", demo_store, "--lang", "en", "export", "3", "-o", str(target)])

    assert code == 1 and not target.exists()
    assert "is not printed or exported as signed" in capsys.readouterr().err


def test_verify_store_passes_a_sound_store_and_lists_each_failure(demo_store, capsys):
    assert run(["--db", demo_store, "--lang", "en", "verify-store"]) == 0
    assert "Checked 3 signed versions." in capsys.readouterr().out
    _sql(demo_store, FORGED_SIGNATURE)

    code = run(["--db", demo_store, "--lang", "en", "verify-store", "--json"])

    report = json.loads(capsys.readouterr().out)
    assert code == 1 and report["ok"] is False
    failed = [v for v in report["versions"] if not v["ok"]]
    assert [(v["plan_id"], v["version"]) for v in failed] == [(3, 1)]
    assert failed[0]["problems"][0]["code"] == "seal.late_unsealed"


def test_key_export_and_trusting_it_in_another_store(demo_store, tmp_path, capsys):
    public, plan_file, other = tmp_path / "demo.pem", tmp_path / "p.json", tmp_path / "o.sqlite"
    assert run(["--db", demo_store, "key", "export", "-o", str(public)]) == 0
    assert run(["--db", demo_store, "export", "3", "-o", str(plan_file)]) == 0
    assert run(["--db", str(other), "import", str(plan_file)]) == 0
    capsys.readouterr()
    pdf = tmp_path / "imported.pdf"
    assert run(["--db", str(other), "pdf", "1", "--version", "1", "-o", str(pdf)]) == 0
    assert "annan databas" in capsys.readouterr().out

    untrusted = run(["--db", str(other), "--lang", "en", "verify", str(pdf)])
    out = capsys.readouterr().out
    trusted = run(["--db", str(other), "verify", str(pdf), "--trust-key", str(public)])

    assert public.read_text().startswith("-----BEGIN PUBLIC KEY-----")
    assert untrusted == 1 and "NOT TRUSTED" in out
    assert trusted == 0 and "Resultat: OK" in capsys.readouterr().out


def test_verify_store_of_a_store_without_its_key_file(demo_store, capsys) -> None:
    Path(demo_store + ".key").unlink()

    code = run(["--db", demo_store, "--lang", "en", "verify-store"])

    captured = capsys.readouterr()
    assert code == 0 and "Result: OK" in captured.out
    assert "the store's key file is not here" in captured.err
