"""What a security tester tried against an encrypted local store, done as they did it."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import time
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


_PAUSED_CONVERSION = """
import sys, time
from pathlib import Path
from sip_desk.db import cipher_convert
real = cipher_convert.export
def paused(*args, **kwargs):
    real(*args, **kwargs)  # the new store is written beside the old one; not yet swapped in
    Path(sys.argv[1]).write_text("exported", encoding="utf-8")
    time.sleep(300)
cipher_convert.export = paused
from sip_desk.cli import run
sys.exit(run(sys.argv[2:]))
"""


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
@pytest.mark.parametrize("kind", ["decrypt", "rekey"])
def test_the_new_store_a_killed_conversion_left_is_removed_at_the_next_open_and_logged(
    kind: str,
    store: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    names = _surnames(store, capsys)
    key = _key_file(tmp_path, "key", "sju sorters kakor")
    new = _key_file(tmp_path, "new", "åtta sorters kakor")
    assert _run(store, capsys, "store", "encrypt", "--new-passphrase-file", str(key))[0] == 0
    monkeypatch.setenv("SIP_DESK_PASSPHRASE_FILE", str(key))
    marker = tmp_path / "exported"
    argv = ["--db", str(store), "store", kind]
    if kind == "rekey":
        argv += ["--new-passphrase-file", str(new)]
    child = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_CONVERSION, str(marker), *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the conversion did not get that far"
            time.sleep(0.05)
        leftover = store.with_name(f".{store.name}.{kind}")
        assert leftover.exists()
        assert _run(store, capsys, "list")[0] == 0  # opened meanwhile: a running one is left
        assert leftover.exists()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)
        if child.stderr:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    data = leftover.read_bytes()
    assert (names[0].encode() in data) == (kind == "decrypt")  # the tester's find: plain text
    assert not store.read_bytes().startswith(b"SQLite format 3\x00")  # never swapped in

    with caplog.at_level(logging.WARNING, logger="sip_desk.db.cipher_convert"):
        code = _run(store, capsys, "list")[0]

    assert code == 0 and sorted(_surnames(store, capsys)) == sorted(names)
    assert not leftover.exists()
    logged = caplog.text
    plain = "plain-text " if kind == "decrypt" else ""
    assert f"{plain}leftover of a stopped store {kind} removed (unlinked): {leftover}" in logged


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_secret_files_others_can_read_are_refused_by_every_command_that_reads_one(
    store: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = tmp_path / "p1"
    secret.write_text("ett nytt lösenord\n", encoding="utf-8")
    secret.chmod(0o644)

    encrypt = _run(
        store, capsys, "--lang", "en", "store", "encrypt", "--new-passphrase-file", str(secret)
    )
    role = _run(
        store,
        capsys,
        "--lang",
        "sv",
        "admin",
        "role",
        "add",
        "eva",
        "--unit",
        "1",
        "--password-file",
        str(secret),
    )

    assert encrypt[0] == 2
    assert f"The passphrase file {secret} can be read by others (mode 644)" in encrypt[2]
    assert f"chmod 600 {secret}" in encrypt[2]
    assert store.read_bytes().startswith(b"SQLite format 3\x00")  # not encrypted with it
    assert role[0] == 2
    assert f"Lösenordsfilen {secret} kan läsas av andra (läge 644)" in role[2]
    secret.chmod(0o600)
    assert _run(store, capsys, "store", "encrypt", "--new-passphrase-file", str(secret))[0] == 0


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="chown needs root")
def test_a_passphrase_file_of_another_account_is_refused_even_when_private(
    store: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    secret = tmp_path / "p1"
    secret.write_text("mallory valde den här\n", encoding="utf-8")
    secret.chmod(0o600)
    os.chown(secret, 65534, 65534)  # mallory wrote it: mallory knows the passphrase

    code, _, err = _run(
        store, capsys, "--lang", "en", "store", "encrypt", "--new-passphrase-file", str(secret)
    )

    assert code == 2
    assert f"{secret} belongs to another account (" in err
    assert store.read_bytes().startswith(b"SQLite format 3\x00")
