"""What a security tester tried against an encrypted local store, done as they did it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from tests.cli.test_cipher_commands import _key_file, _run, store  # noqa: F401 (a fixture)


def _surnames(store: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:  # noqa: F811
    return [p["person"].split()[-1] for p in json.loads(_run(store, capsys, "list", "--json")[1])]


def test_restoring_a_plain_backup_keeps_the_encrypted_store_encrypted_and_says_so(
    store: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    names = _surnames(store, capsys)
    plain = tmp_path / "plain.sqlite"
    assert _run(store, capsys, "backup", "-o", str(plain))[0] == 0  # before encryption
    key = _key_file(tmp_path, "key", "sju sorters kakor")
    assert _run(store, capsys, "store", "encrypt", "--new-passphrase-file", str(key))[0] == 0
    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(key))
    assert _run(store, capsys, "demo", "--plans", "3", "--seed", "5")[0] == 0

    code, out, err = _run(store, capsys, "--lang", "en", "restore", str(plain))

    assert (code, err) == (0, "")
    assert "The backup was plain text: it was encrypted with the database's passphrase" in out
    data = store.read_bytes()
    assert not data.startswith(b"SQLite format 3\x00")
    assert not any(name.encode() in data for name in names)
    assert sorted(_surnames(store, capsys)) == sorted(
        names
    )  # the backup's plans, opened with the key
    leftovers = [p.name for p in (store.parent / "backups").iterdir() if p.name.startswith(".")]
    assert leftovers == []
    sv = _run(store, capsys, "--lang", "sv", "restore", str(plain))[1]
    assert "Säkerhetskopian var okrypterad" in sv and "förblir krypterad" in sv
