"""``sip-desk backup`` and ``restore`` end to end: plans made, backed up, lost, and back again."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from sip_desk.cli import run
from tests.db.damage import damage_middle_page


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "Plans" / "sip_desk.sqlite"
    assert run(["--db", str(path), "demo", "--plans", "40"]) == 0
    capsys.readouterr()
    return path


def _plans(store: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert run(["--db", str(store), "list", "--json"]) == 0
    listed: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return listed


def _run(store: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(["--db", str(store), "--lang", "en", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_restore_brings_back_the_plans_after_a_change(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _plans(store, capsys)
    copy = tmp_path / "copy.sqlite"
    code, out, _ = _run(store, capsys, "backup", "-o", str(copy))
    assert code == 0
    assert out == f"Backup written: {copy} (44 plans, " + out.split(", ", 1)[1]
    assert run(["--db", str(store), "demo", "--plans", "5", "--seed", "9"]) == 0
    capsys.readouterr()
    assert len(_plans(store, capsys)) == 49

    code, out, err = _run(store, capsys, "restore", str(copy))

    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"Restored from {copy}: the database now holds 44 plans and was checked."
    kept = Path(lines[1].removeprefix("The database as it was before is kept at ").rstrip("."))
    assert kept.parent == store.parent / "backups"
    assert _plans(store, capsys) == before
    with sqlite3.connect(kept) as conn:  # what was replaced is not lost
        assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 49
    conn.close()


def test_a_damaged_store_is_restored_from_its_daily_backup(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _plans(store, capsys)
    code, out, _ = _run(store, capsys, "backup")
    assert code == 0
    daily = Path(out.removeprefix("Backup written: ").split(" (")[0])
    assert daily.parent == store.parent / "backups" and daily.name.startswith("sip_desk_daily_")
    damage_middle_page(store)
    code, _, err = _run(store, capsys, "list")
    assert code == 2 and "damaged" in err

    code, out, err = _run(store, capsys, "backup")  # checked before: a damaged store is no backup
    assert code == 2
    assert err.startswith(f"sip-desk: error: The database {store} is damaged (")
    assert "No backup was written, and the older backups are kept." in err

    code, out, err = _run(store, capsys, "restore", str(daily))

    assert (code, err) == (0, "")
    assert _plans(store, capsys) == before


def _refusal(store: Path, capsys: pytest.CaptureFixture[str], source: Path, lang: str) -> str:
    data = store.read_bytes()
    code = run(["--db", str(store), "--lang", lang, "restore", str(source)])
    err = capsys.readouterr().err
    assert code == 2
    assert store.read_bytes() == data  # nothing changed
    return err.strip()


def test_restore_refuses_what_is_not_an_intact_sip_desk_store(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("not a database", encoding="utf-8")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    damaged = tmp_path / "damaged.sqlite"
    assert run(["--db", str(store), "backup", "-o", str(damaged)]) == 0
    damage_middle_page(damaged)
    newer = tmp_path / "newer.sqlite"
    assert run(["--db", str(store), "backup", "-o", str(newer)]) == 0
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.close()
    capsys.readouterr()

    assert _refusal(store, capsys, text_file, "en") == (
        f"sip-desk: error: {text_file} is not a SIP Desk database. Nothing was changed."
    )
    assert _refusal(store, capsys, other, "sv") == (
        f"sip-desk: fel: {other} är inte en SIP Desk-databas. Ingenting ändrades."
    )
    assert _refusal(store, capsys, damaged, "en").startswith(
        f"sip-desk: error: {damaged} is damaged ("
    )
    assert "Ingenting ändrades; välj en annan säkerhetskopia." in _refusal(
        store, capsys, damaged, "sv"
    )
    assert _refusal(store, capsys, newer, "en") == (
        f"sip-desk: error: {newer} comes from a newer version of SIP Desk (schema 0999). "
        "Install that version to restore it. Nothing was changed."
    )
    assert _refusal(store, capsys, tmp_path / "gone.sqlite", "sv") == (
        f"sip-desk: fel: Filen {tmp_path / 'gone.sqlite'} finns inte."
    )


@pytest.mark.parametrize("command", [["backup"], ["restore", "copy.sqlite"]])
def test_a_database_server_is_backed_up_with_its_own_tools(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql+psycopg://sipdesk@db.example.invalid/sipdesk"

    code = run(["--db", url, "--lang", "sv", *command])

    assert code == 2
    assert capsys.readouterr().err.strip() == (
        "sip-desk: fel: Säkerhetskopiering och återställning gäller den lokala SQLite-databasen. "
        "En databasserver (PostgreSQL) säkerhetskopieras med serverns egna verktyg (pg_dump); "
        "fråga dess administratör."
    )


def test_backup_of_a_store_that_is_not_there_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite"

    code, _, err = _run(missing, capsys, "backup", "-o", str(tmp_path / "copy.sqlite"))

    assert code == 2
    assert (
        err.strip() == f"sip-desk: error: There is no database at {missing}: nothing was backed up."
    )
    assert not (tmp_path / "copy.sqlite").exists()


def test_restore_is_logged_with_the_tail_of_the_access_log_it_replaced(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A restore erases the reads logged since the backup: it must leave a trace of them."""
    copy = tmp_path / "copy.sqlite"
    assert _run(store, capsys, "backup", "-o", str(copy))[0] == 0
    assert _run(store, capsys, "export", "1", "-o", str(tmp_path / "plan.json"))[0] == 0
    with sqlite3.connect(store) as conn:
        count, newest = conn.execute(
            "SELECT count(*), (SELECT row_hash FROM access_log ORDER BY id DESC LIMIT 1)"
            " FROM access_log"
        ).fetchone()
    conn.close()

    assert _run(store, capsys, "restore", str(copy))[0] == 0
    code, out, _ = _run(store, capsys, "log", "--csv")

    (restored,) = [row for row in out.splitlines() if ",restored from a backup," in row]
    assert f"copy.sqlite; replaced log: {count} rows, newest {newest}" in restored
    assert ",cli restore," in restored
    assert not any(",exported," in row for row in out.splitlines())  # the read itself is gone
    assert code == 0  # the chain stays intact: the row went through the chain writer


def test_a_planted_backups_symlink_is_refused_and_nothing_is_written_through_it(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)  # a world-writable folder, as /tmp
    folder = store.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)
    folder.symlink_to(shared)

    code, out, err = _run(store, capsys, "backup")
    sv = run(["--db", str(store), "--lang", "sv", "backup"])

    assert (code, out, sv) == (2, "", 2)
    assert f"The backups folder {folder} is a symbolic link or belongs to another account" in err
    assert "Mappen för säkerhetskopior" in capsys.readouterr().err
    assert list(shared.iterdir()) == []


def test_a_file_where_the_backups_folder_should_be_fails_the_backup_and_says_what_to_do(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Also as root, where a read-only folder would not stop the copy: a file stops everyone."""
    folder = store.parent / "backups"
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("not a folder", encoding="utf-8")

    code, out, err = _run(store, capsys, "backup")
    sv = run(["--db", str(store), "--lang", "sv", "backup"])
    sv_err = capsys.readouterr().err
    listed = _run(store, capsys, "list", "--json")  # other commands go on as before

    assert (code, out, sv) == (2, "", 2)
    assert err.strip() == (
        f"sip-desk: error: {folder} should be the backups folder but is a file: no backup is "
        "written. Move the file away, or contact your IT support."
    )
    assert sv_err.strip() == (
        f"sip-desk: fel: {folder} ska vara mappen för säkerhetskopior men är en fil: ingen "
        "säkerhetskopia skrivs. Flytta bort filen eller kontakta er IT-support."
    )
    assert listed[0] == 0 and len(json.loads(listed[1])) == 44
    assert folder.read_text(encoding="utf-8") == "not a folder"
