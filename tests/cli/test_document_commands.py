from __future__ import annotations

import json

import pytest

from sip_desk.cli import run


@pytest.fixture
def demo_store(tmp_path, capsys) -> str:
    store = str(tmp_path / "demo.sqlite")
    assert run(["--db", store, "demo"]) == 0
    capsys.readouterr()
    return store


def test_pdf_and_verify_a_signed_demo_version(demo_store, tmp_path, capsys) -> None:
    target = tmp_path / "plan2.pdf"

    assert run(["--db", demo_store, "pdf", "2", "-o", str(target), "--lang", "en"]) == 0
    saved = capsys.readouterr().out
    code = run(["--db", demo_store, "verify", str(target)])

    out = capsys.readouterr().out
    assert "version 1 (undertecknad)" in saved
    assert code == 0
    assert "Undertecknad version i databasen: hittad" in out
    assert "Resultat: OK" in out
    assert saved.split("SHA-256): ")[1].split()[0] in out


def test_verify_exits_1_for_a_changed_file(demo_store, tmp_path, capsys) -> None:
    target = tmp_path / "plan2.pdf"
    run(["--db", demo_store, "pdf", "2", "-o", str(target)])
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x20
    target.write_bytes(bytes(data))
    capsys.readouterr()

    code = run(["--db", demo_store, "--lang", "en", "verify", str(target), "--json"])

    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert report["ok"] is False and report["file_matches"] is False


def test_revised_demo_plan_prints_a_draft_that_verify_refuses(demo_store, tmp_path, capsys):
    target = tmp_path / "plan1.pdf"

    run(["--db", demo_store, "pdf", "1", "-o", str(target)])
    saved = capsys.readouterr().out
    code = run(["--db", demo_store, "--lang", "en", "verify", str(target)])

    assert "version 2 (utkast" in saved
    assert code == 1
    assert "The file is a draft, not a signed version." in capsys.readouterr().out


def test_pdf_of_an_older_signed_version(demo_store, tmp_path, capsys) -> None:
    target = tmp_path / "plan1v1.pdf"

    code = run(["--db", demo_store, "pdf", "1", "--version", "1", "-o", str(target)])

    assert code == 0 and "version 1 (undertecknad)" in capsys.readouterr().out
    assert run(["--db", demo_store, "verify", str(target)]) == 0


def test_pdf_of_unknown_version_is_a_clear_error(demo_store, tmp_path, capsys) -> None:
    code = run(["--db", demo_store, "pdf", "1", "--version", "9", "-o", str(tmp_path / "x.pdf")])

    err = capsys.readouterr().err
    assert code == 2
    assert "fel:" in err and "Traceback" not in err


def test_verify_of_a_missing_file_is_a_clear_error(demo_store, tmp_path, capsys) -> None:
    code = run(["--db", demo_store, "verify", str(tmp_path / "nope.pdf")])

    assert code == 2
    assert "Kunde inte läsa filen" in capsys.readouterr().err


def test_verify_of_a_file_that_is_no_plan(demo_store, tmp_path, capsys) -> None:
    other = tmp_path / "other.pdf"
    other.write_bytes(b"not a pdf at all")

    code = run(["--db", demo_store, "verify", str(other)])

    assert code == 1
    assert "ingen plan-PDF" in capsys.readouterr().out
