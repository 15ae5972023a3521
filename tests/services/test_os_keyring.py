"""Secrets are never remembered in a keyring that keeps them in a file anyone reading it decodes.

The weak backend here behaves as ``keyrings.alt.file.PlaintextKeyring`` does (priority 0.5,
base64 in ``keyring_pass.cfg``); keyrings.alt itself is not installed in the test environment,
where it would become every child process's default keyring.
"""

from __future__ import annotations

import base64
import configparser
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from sip_desk import passphrase
from sip_desk.cli import run
from sip_desk.services.os_keyring import weak_backend
from sip_desk.services.pdf_seal import SealPasswords
from tests.keyring_memory import MemoryKeyring, NoKeyring


class PlainFileKeyring(KeyringBackend):
    """Like keyrings.alt's PlaintextKeyring: base64 in a config file, priority 0.5."""

    priority = 0.5

    def __init__(self, file: Path) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.file = file

    def _config(self) -> configparser.RawConfigParser:
        config = configparser.RawConfigParser()
        config.read(self.file)
        return config

    def get_password(self, service: str, username: str) -> str | None:
        config = self._config()
        if not config.has_option(service, username):
            return None
        return base64.b64decode(config.get(service, username)).decode()

    def set_password(self, service: str, username: str, password: str) -> None:
        config = self._config()
        if not config.has_section(service):
            config.add_section(service)
        config.set(service, username, base64.b64encode(password.encode()).decode())
        with self.file.open("w", encoding="utf-8") as out:
            config.write(out)

    def delete_password(self, service: str, username: str) -> None:
        config = self._config()
        config.remove_option(service, username)
        with self.file.open("w", encoding="utf-8") as out:
            config.write(out)


@pytest.fixture
def plain_file_keyring(tmp_path: Path, memory_keyring: MemoryKeyring) -> Iterator[PlainFileKeyring]:
    ring = PlainFileKeyring(tmp_path / "keyring_pass.cfg")
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(memory_keyring)


def test_store_encrypt_remember_refuses_a_plain_file_keyring_and_says_so(
    plain_file_keyring: PlainFileKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlcipher3")
    store = tmp_path / "sip_desk.sqlite"
    assert run(["--db", str(store), "demo", "--plans", "2"]) == 0
    secret = tmp_path / "p1"
    secret.write_text("blå kaffekopp i regnet\n", encoding="utf-8")
    secret.chmod(0o600)
    capsys.readouterr()

    argv = ["store", "encrypt", "--new-passphrase-file", str(secret), "--remember"]
    code = run(["--db", str(store), "--lang", "en", *argv])

    out = capsys.readouterr().out
    assert code == 0  # encrypted; only the remembering is refused
    assert "The passphrase is remembered in this computer's keyring." not in out
    assert "The passphrase is NOT remembered: this computer's keyring" in out
    assert "PlainFileKeyring" in out
    assert not plain_file_keyring.file.exists()  # nothing written, base64 or otherwise
    assert not passphrase.keyring_available()
    assert passphrase.remembered(str(store)) is None


def test_a_secret_planted_in_a_plain_file_keyring_is_not_used(
    plain_file_keyring: PlainFileKeyring, tmp_path: Path
) -> None:
    store = str(tmp_path / "sip_desk.sqlite")
    plain_file_keyring.set_password(passphrase.KEYRING_SERVICE, passphrase.store_id(store), "x")
    certificate = str(tmp_path / "seal.p12")
    plain_file_keyring.set_password(SealPasswords.SERVICE, certificate, "planted")

    assert passphrase.remembered(store) is None
    assert passphrase.remember(store, "new") is False
    seal = SealPasswords()
    assert seal.get(certificate) is None
    assert seal.put(certificate, "hemligt") is False  # kept for this run only
    assert seal.get(certificate) == "hemligt"
    assert "hemligt" not in plain_file_keyring.file.read_text(encoding="utf-8")
    assert base64.b64encode(b"hemligt").decode() not in plain_file_keyring.file.read_text("utf-8")


def test_which_backends_are_refused(tmp_path: Path) -> None:
    assert weak_backend(MemoryKeyring()) is None  # priority 1: as a real OS keyring
    assert weak_backend(NoKeyring()) == "keyring.backends.fail.Keyring"  # type: ignore[no-untyped-call]
    weak = weak_backend(PlainFileKeyring(tmp_path / "k.cfg"))
    assert weak is not None and weak.endswith("PlainFileKeyring")


def test_a_chain_is_trusted_only_when_every_backend_in_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import chainer

    plain = PlainFileKeyring(tmp_path / "k.cfg")
    chain = chainer.ChainerBackend()  # type: ignore[no-untyped-call]
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring(), plain])
    weak = weak_backend(chain)
    assert weak is not None and weak.endswith("PlainFileKeyring")  # it may hand out a plant
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [MemoryKeyring()])
    assert weak_backend(chain) is None
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])  # nothing to chain: no keyring
    assert weak_backend(chain) == "keyring.backends.chainer.ChainerBackend"
