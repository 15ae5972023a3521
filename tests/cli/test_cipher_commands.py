"""``sip-desk store encrypt|decrypt|rekey`` and the passphrase of a script (a file), end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from sip_desk.cli import run


@pytest.fixture
def store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "Plans" / "sip_desk.sqlite"
    assert run(["--db", str(path), "demo", "--plans", "10"]) == 0
    capsys.readouterr()
    return path


def _key_file(folder: Path, name: str, passphrase: str) -> Path:
    path = folder / name
    path.write_text(passphrase + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


def _run(store: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(["--db", str(store), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_encrypted_store_is_used_with_the_passphrase_file_and_refused_with_a_wrong_one(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = _run(store, capsys, "list", "--json")
    before = json.loads(out)
    right = _key_file(tmp_path, "right", "blå kaffekopp i regnet")
    wrong = _key_file(tmp_path, "wrong", "röd kaffekopp i regnet")

    code, out, err = _run(
        store, capsys, "--lang", "en", "store", "encrypt", "--new-passphrase-file", str(right)
    )

    assert (code, err) == (0, "")
    assert out.startswith(f"The store {store} is encrypted (14 plans; 0 backups re-written).")
    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(right))
    code, out, _ = _run(store, capsys, "list", "--json")
    assert (code, json.loads(out)) == (0, before)

    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(wrong))
    assert _run(store, capsys, "list")[:2] == (2, "")
    assert _run(store, capsys, "--lang", "en", "list")[2] == (
        f"sip-desk: error: Wrong passphrase: it does not open the encrypted store {store}. "
        "Check it and try again.\n"
    )
    code, _, err = _run(store, capsys, "--lang", "sv", "list")
    assert err.endswith(
        f"Fel lösenfras: den öppnar inte den krypterade databasen {store}. "
        "Kontrollera den och försök igen.\n"
    )

    monkeypatch.delenv("SIP_DESK_PASSPHRASE_FILE")  # no file, no terminal (pytest's stdin)
    code, _, err = _run(store, capsys, "--lang", "en", "list")
    assert code == 2 and "there is no terminal to ask for its passphrase" in err


def test_backup_and_restore_of_an_encrypted_store_need_and_use_the_passphrase(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _key_file(tmp_path, "key", "sju sorters kakor")
    assert _run(store, capsys, "store", "encrypt", "--new-passphrase-file", str(key))[0] == 0
    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(key))
    copy = tmp_path / "copy.sqlite"
    assert _run(store, capsys, "backup", "-o", str(copy))[0] == 0
    assert not copy.read_bytes().startswith(b"SQLite format 3\x00")
    assert _run(store, capsys, "demo", "--plans", "3", "--seed", "5")[0] == 0

    code, out, err = _run(store, capsys, "--lang", "en", "restore", str(copy))

    assert (code, err) == (0, "")
    assert "14 plans" in out.splitlines()[0]
    code, out, _ = _run(store, capsys, "list", "--json")
    assert (code, len(json.loads(out))) == (0, 14)


def test_decrypt_and_rekey_from_the_command_line(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _key_file(tmp_path, "old", "gammal fras")
    new = _key_file(tmp_path, "new", "ny fras")
    assert _run(store, capsys, "store", "encrypt", "--new-passphrase-file", str(old))[0] == 0
    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(old))

    code, out, err = _run(
        store, capsys, "--lang", "en", "store", "rekey", "--new-passphrase-file", str(new)
    )
    assert (code, err) == (0, "")
    assert out.startswith(f"The store {store} has a new passphrase (14 plans;")
    assert _run(store, capsys, "list")[0] == 2  # the old passphrase no longer opens it

    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(new))
    code, out, err = _run(store, capsys, "--lang", "en", "store", "decrypt")
    assert (code, err) == (0, "")
    assert store.read_bytes().startswith(b"SQLite format 3\x00")
    monkeypatch.delenv("SIP_DESK_PASSPHRASE_FILE")
    code, out, _ = _run(store, capsys, "list", "--json")
    assert (code, len(json.loads(out))) == (0, 14)
    code, _, err = _run(store, capsys, "--lang", "en", "store", "decrypt")
    assert code == 2 and "is not encrypted" in err


def test_plain_text_left_by_a_killed_encrypt_is_removed_when_the_store_is_next_opened(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """kill -9 after the swap leaves the plain copy kept before and plain partial files."""
    names = [p["person"] for p in json.loads(_run(store, capsys, "list", "--json")[1])]
    plain = store.read_bytes()
    key = _key_file(tmp_path, "key", "blå kaffekopp i regnet")
    assert _run(store, capsys, "store", "encrypt", "--new-passphrase-file", str(key))[0] == 0
    folder = store.parent / "backups"
    kept = folder / "sip_desk_before_encrypt_20261201T120000000000.sqlite"
    partial = folder / ".sip_desk_daily_2026-11-30.sqlite.partial"
    older = folder / "sip_desk_daily_2026-11-30.sqlite"  # an older day: the only copy of it
    for path in (kept, partial, older):
        path.write_bytes(plain)
    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(key))

    code, out, _ = _run(store, capsys, "list", "--json")

    assert code == 0 and len(json.loads(out)) == len(names)
    assert not kept.exists() and not partial.exists()
    assert older.exists() and not older.read_bytes().startswith(b"SQLite format 3")
    for path in folder.iterdir():
        data = path.read_bytes()
        assert not any(name.split()[-1].encode() in data for name in names), path


def test_a_passphrase_file_others_can_read_is_refused_with_what_to_do(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _key_file(tmp_path, "key", "blå kaffekopp i regnet")
    assert _run(store, capsys, "store", "encrypt", "--new-passphrase-file", str(key))[0] == 0
    key.chmod(0o644)
    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(key))

    code, out, err = _run(store, capsys, "--lang", "sv", "list")
    en = _run(store, capsys, "--lang", "en", "list")[2]

    assert (code, out) == (2, "")
    assert f"Lösenfrasfilen {key} kan läsas av andra (läge 644)" in err
    assert f"chmod 600 {key}" in err and "Traceback" not in err
    assert f"The passphrase file {key} can be read by others (mode 644)" in en
    key.chmod(0o600)
    assert _run(store, capsys, "list")[0] == 0
