"""Encryption at rest: an SQLCipher store, its WAL and its backups hold no readable personal data.

The demo cases are loaded through the services, the store is encrypted in place, used (so the
write-ahead log holds new pages) and backed up; then the raw bytes are searched.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event

pytest.importorskip("sqlcipher3")

from sip_desk.bootstrap import open_services
from sip_desk.db import cipher, cipher_convert
from sip_desk.db.backups import backup_folder, file_problems
from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import DomainError, StoreError
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.context import Clock
from sip_desk.services.registry import Services
from sip_desk.services.store_checks import restore_from

PRAGMAS = ("journal_mode", "synchronous", "foreign_keys", "trusted_schema")
KEY = "korp fjäder lampa 'sju'"
NOW = datetime(2026, 12, 1, 9, 0)
USER, CLOCK = UserContext(user="t"), Clock(lambda: NOW)


def _open(store: Path, key: str | None = None) -> Services:
    return open_services(str(store), user=UserContext(user="t"), passphrase=key)


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, list[PlanDetail]]:
    """A plain store with the demo cases and 20 generated plans; the cases' plans read back."""
    path = tmp_path / "sip_desk.sqlite"
    services = _open(path)
    try:
        loaded = services.demo.load_cases()
        services.demo.generate(20, seed=3)
        plans = [services.plans.get_plan(plan_id) for _, plan_id in loaded.created]
    finally:
        services.ctx.db.dispose()
    return path, plans


def _secrets(plans: list[PlanDetail]) -> list[bytes]:
    """Names and identity numbers of the demo people, as bytes (with and without the hyphen)."""
    found: set[bytes] = set()
    for plan in plans:
        person = plan.person
        for word in person.full_name.split():
            if len(word) > 3:
                found.add(word.encode())
        if person.identity_number:
            found.add(person.identity_number.encode())
            found.add(person.identity_number.replace("-", "").encode())
    return sorted(found)


def _all_plans(services: Services, ids: list[int]) -> list[PlanDetail]:
    return [services.plans.get_plan(i) for i in ids]


def test_encrypted_store_its_wal_and_its_backup_hold_no_name_or_identity_number(
    store: tuple[Path, list[PlanDetail]],
) -> None:
    path, plans = store
    plain = path.read_bytes() + (wal.read_bytes() if (wal := Path(f"{path}-wal")).exists() else b"")
    secrets = [s for s in _secrets(plans) if s in plain]  # what the search finds in plain text
    assert len(secrets) >= 8

    cipher_convert.encrypt(path, KEY, NOW)
    services = _open(path, KEY)
    try:
        first = plans[0]
        services.plans.save_field(services.plans.get_plan(first.id), "what_matters", "Ny text")
        copied = services.store_health.daily_backup()
        wal = Path(f"{path}-wal")
        assert wal.stat().st_size > 0  # the write is in the log, not yet in the file
        files = {"store": path.read_bytes(), "wal": wal.read_bytes()}
    finally:
        services.ctx.db.dispose()
    assert copied is not None and copied.plans >= 24
    files["backup"] = copied.path.read_bytes()

    assert not files["store"].startswith(cipher.SQLITE_HEADER)
    assert {name: [s for s in secrets if s in data] for name, data in files.items()} == {
        "store": [],
        "wal": [],
        "backup": [],
    }
    assert file_problems(copied.path, KEY) == []
    assert file_problems(copied.path, "fel") != []


def test_an_encrypted_store_is_refused_without_its_passphrase_in_swedish_and_english(
    store: tuple[Path, list[PlanDetail]],
) -> None:
    path, _ = store
    cipher_convert.encrypt(path, KEY, NOW)

    with pytest.raises(StoreError) as wrong:
        _open(path, "korp fjäder lampa")
    with pytest.raises(StoreError) as none:
        _open(path)

    assert wrong.value.message("sv") == (
        f"Fel lösenfras: den öppnar inte den krypterade databasen {path}. "
        "Kontrollera den och försök igen."
    )
    assert wrong.value.message("en") == (
        f"Wrong passphrase: it does not open the encrypted store {path}. Check it and try again."
    )
    assert none.value.code == "cipher.passphrase_needed"
    assert "krypterad" in none.value.message("sv")


def test_encrypt_then_decrypt_keeps_every_plan_and_leaves_no_plain_copy_beside_it(
    store: tuple[Path, list[PlanDetail]],
) -> None:
    path, plans = store
    services = _open(path)
    before = _all_plans(services, list(range(1, 25)))
    services.store_health.daily_backup()  # a plain backup, made before encryption
    services.ctx.db.dispose()

    done = cipher_convert.encrypt(path, KEY, NOW)

    assert (done.plans, done.backups) == (24, 1)
    backups = sorted(backup_folder(path).iterdir())
    assert [cipher.is_encrypted(b) for b in backups] == [True]  # no plain copy left
    secrets = _secrets(plans)
    assert [s for s in secrets if s in backups[0].read_bytes()] == []
    services = _open(path, KEY)
    assert _all_plans(services, list(range(1, 25))) == before
    services.ctx.db.dispose()

    cipher_convert.decrypt(path, KEY, NOW)

    assert path.read_bytes().startswith(cipher.SQLITE_HEADER)
    services = _open(path)
    try:
        assert _all_plans(services, list(range(1, 25))) == before
    finally:
        services.ctx.db.dispose()


def test_rekey_opens_with_the_new_passphrase_only_and_rekeys_the_backups(
    store: tuple[Path, list[PlanDetail]],
) -> None:
    path, _ = store
    cipher_convert.encrypt(path, KEY, NOW)
    services = _open(path, KEY)
    copied = services.store_health.daily_backup()
    services.ctx.db.dispose()
    assert copied is not None

    with pytest.raises(DomainError) as wrong:
        cipher_convert.rekey(path, "gissning", "nytt lösen", NOW)
    assert wrong.value.code == "cipher.wrong_passphrase"
    done = cipher_convert.rekey(path, KEY, "nytt lösen", NOW)

    assert done.backups == 1
    assert not cipher.passphrase_opens(path, KEY)
    assert not cipher.passphrase_opens(copied.path, KEY)
    assert file_problems(copied.path, "nytt lösen") == []
    services = _open(path, "nytt lösen")
    try:
        assert services.plans.get_plan(1).id == 1
    finally:
        services.ctx.db.dispose()


def test_conversion_refuses_while_another_program_has_the_store_open(
    store: tuple[Path, list[PlanDetail]],
) -> None:
    path, _ = store
    services = _open(path)
    try:
        with services.ctx.db.read_connection() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM plans").scalar()
            with pytest.raises(DomainError) as busy:
                cipher_convert.encrypt(path, KEY, NOW)
    finally:
        services.ctx.db.dispose()

    assert busy.value.code == "store.locked"
    assert path.read_bytes().startswith(cipher.SQLITE_HEADER)  # left as it was


def test_window_demo_generation_child_gets_the_passphrase_on_its_stdin(
    store: tuple[Path, list[PlanDetail]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = store
    monkeypatch.delenv("SIP_DESK_PASSPHRASE_FILE", raising=False)
    cipher_convert.encrypt(path, KEY, NOW)
    services = _open(path, KEY)
    try:
        result = services.demo.generate_apart(3, seed=11)
        with services.ctx.db.read_connection() as conn:
            count = conn.exec_driver_sql("SELECT count(*) FROM plans").scalar()
    finally:
        services.ctx.db.dispose()

    assert result.plans == 3
    assert count == 27
    assert cipher.is_encrypted(path)


def test_the_newest_encrypted_backup_is_restored_with_the_passphrase(
    store: tuple[Path, list[PlanDetail]],
) -> None:
    path, _ = store
    cipher_convert.encrypt(path, KEY, NOW)
    services = _open(path, KEY)
    assert services.store_health.daily_backup() is not None
    services.plans.delete_plan(1)
    services.ctx.db.dispose()

    with pytest.raises(DomainError) as refused:
        restore_from(str(path), None, USER, CLOCK)  # no passphrase: no backup it can check
    done = restore_from(str(path), None, USER, CLOCK, KEY)

    assert refused.value.code == "restore.no_backup"
    assert done.plans == 24
    assert cipher.is_encrypted(path) and done.kept is not None and cipher.is_encrypted(done.kept)


def test_a_plain_store_opens_without_loading_sqlcipher(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    code = (
        "import sys; from sip_desk.bootstrap import open_services; "
        f"s = open_services({str(path)!r}); s.plan_list; s.ctx.db.dispose(); "
        "print('sqlcipher3' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert done.stdout.strip() == "False"


def test_without_sqlcipher_an_encrypted_store_says_what_to_install(
    store: tuple[Path, list[PlanDetail]], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = store
    cipher_convert.encrypt(path, KEY, NOW)
    for name in ("sqlcipher3", "sqlcipher3.dbapi2"):
        monkeypatch.setitem(sys.modules, name, None)  # as on a platform without the wheel

    with pytest.raises(StoreError) as missing:
        _open(path, KEY)

    assert missing.value.code == "cipher.missing"
    assert "sqlcipher3-binary" in missing.value.message("sv")


def test_an_encrypted_store_keeps_wal_full_sync_and_begin_immediate(
    store: tuple[Path, list[PlanDetail]],
) -> None:
    path, _ = store
    cipher_convert.encrypt(path, KEY, NOW)
    services = _open(path, KEY)
    statements: list[str] = []
    engine = services.ctx.db.engine
    event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    try:
        with services.ctx.db.read_connection() as conn:
            modes = [conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in PRAGMAS]
        plan = services.plans.get_plan(2)
        services.plans.save_field(plan, "what_matters", "Att få bo kvar")
    finally:
        services.ctx.db.dispose()

    assert engine.dialect.loaded_dbapi.__name__ == "sqlcipher3.dbapi2"
    assert modes == ["wal", 2, 1, 0]  # journal_mode, synchronous=FULL, foreign_keys, trusted_schema
    assert "BEGIN IMMEDIATE" in statements
