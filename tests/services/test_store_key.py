"""The store's signing key: made with the store, kept in a private file outside the database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from sip_desk.bootstrap import open_services
from sip_desk.db.engine import Database, make_engine
from sip_desk.db.models import SigningKey
from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import DomainError
from sip_desk.services.store_key import ENV_KEY, key_location
from tests.builders import PlanBuilder
from tests.services.signing_helpers import person_signature


def _open(path: Path):
    return open_services(str(path), user=UserContext(user="t"))


def test_store_key_is_made_with_the_store_beside_it_readable_by_the_owner_only(tmp_path) -> None:
    services = _open(tmp_path / "store.sqlite")

    key = tmp_path / "store.sqlite.key"
    assert key.read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    with services.ctx.db.read() as s:
        row = s.scalars(select(SigningKey)).one()
    assert row.own and row.key_id == services.keys.own().key_id
    assert b"PRIVATE" not in row.public_key.encode()  # only the public half is in the store
    services.ctx.db.dispose()


def test_store_key_from_the_environment_variable(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_KEY, str(tmp_path / "keys" / "team.key"))

    services = _open(tmp_path / "store.sqlite")

    assert (tmp_path / "keys" / "team.key").exists()
    assert not (tmp_path / "store.sqlite.key").exists()
    services.ctx.db.dispose()


def test_store_key_for_postgresql_defaults_to_the_data_folder(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(ENV_KEY, raising=False)
    monkeypatch.setattr("sip_desk.paths.data_dir", lambda: tmp_path)
    db = Database(make_engine("postgresql+psycopg://u:secret@db.example:5433/sip"))

    location = key_location(db)

    assert location == tmp_path / "keys" / "db.example-5433-sip.key"
    assert "secret" not in str(location)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_store_key_readable_by_others_is_refused_with_the_fix(sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    key = sqlite_services.keys.location
    sqlite_services.keys.own()
    key.chmod(0o644)
    fresh = type(sqlite_services)(sqlite_services.ctx)

    with pytest.raises(DomainError) as info:
        fresh.signing.sign_version(
            plan.id, plan.version, [person_signature(fresh.ctx.clock.today())]
        )

    assert info.value.code == "key.too_open"
    assert f"chmod 600 {key}" in info.value.message("en")


def test_store_whose_key_file_is_gone_still_opens_but_refuses_to_sign(tmp_path) -> None:
    services = _open(tmp_path / "store.sqlite")
    plan = PlanBuilder(services).complete()
    services.ctx.db.dispose()
    (tmp_path / "store.sqlite.key").unlink()

    again = _open(tmp_path / "store.sqlite")  # no new key is made for a store that had one
    with pytest.raises(DomainError) as info:
        again.signing.sign_version(
            plan.id, plan.version, [person_signature(again.ctx.clock.today())]
        )

    assert info.value.code == "key.missing"
    assert "SIP_DESK_SIGNING_KEY" in info.value.message("en")
    assert not (tmp_path / "store.sqlite.key").exists()
    again.ctx.db.dispose()


def test_store_key_of_another_store_is_refused_for_signing(tmp_path) -> None:
    first = _open(tmp_path / "a.sqlite")
    second = _open(tmp_path / "b.sqlite")
    plan = PlanBuilder(second).complete()
    first.ctx.db.dispose()
    second.ctx.db.dispose()
    os.replace(tmp_path / "a.sqlite.key", tmp_path / "b.sqlite.key")

    again = _open(tmp_path / "b.sqlite")
    with pytest.raises(DomainError) as info:
        again.signing.sign_version(
            plan.id, plan.version, [person_signature(again.ctx.clock.today())]
        )

    assert info.value.code == "key.mismatch"
    again.ctx.db.dispose()
