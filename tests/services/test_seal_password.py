"""The seal certificate's password lives in the OS keyring, never in the store; an earlier
build's stored password leaves the store at start-up."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from sip_desk.bootstrap import open_services
from sip_desk.db.models import Setting
from sip_desk.domain.errors import DomainError
from sip_desk.services.context import ServiceContext
from sip_desk.services.export_service import DocumentSettings, move_stored_seal_password
from sip_desk.services.pdf_seal import SealPasswords
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder
from tests.keyring_memory import MemoryKeyring
from tests.services.seal_helpers import make_certificate

PASSWORD = "Hemligt-Sigill-42"


def _stored_values(services: Services) -> list[str]:
    with services.ctx.db.read() as s:
        return [row.value for row in s.scalars(select(Setting))]


def _again(services: Services) -> Services:
    """The same store opened anew (the next program run)."""
    return Services(ServiceContext(db=services.ctx.db, user=services.ctx.user))


def _seal_settings(services: Services, folder: Path) -> DocumentSettings:
    cert = make_certificate(folder, PASSWORD)
    return DocumentSettings(seal_pkcs12_path=str(cert.pkcs12_path), seal_pkcs12_password=PASSWORD)


def test_the_password_goes_to_the_keyring_and_seals_in_the_next_run(
    sqlite_services: Services, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    settings = _seal_settings(sqlite_services, tmp_path)

    assert sqlite_services.documents.save_settings(settings) is True

    assert PASSWORD not in _stored_values(sqlite_services)
    assert PASSWORD in memory_keyring.passwords.values()
    later = _again(sqlite_services)
    plan = PlanBuilder(later).complete()
    assert later.documents.settings().seal_pkcs12_password == PASSWORD
    assert later.documents.render(plan.id).sealed


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_the_password_lasts_this_run_and_is_asked_next_time(
    sqlite_services: Services, tmp_path: Path
) -> None:
    settings = _seal_settings(sqlite_services, tmp_path)
    plan = PlanBuilder(sqlite_services).complete()

    assert sqlite_services.documents.save_settings(settings) is False

    assert PASSWORD not in _stored_values(sqlite_services)
    assert sqlite_services.documents.render(plan.id).sealed  # this run still knows it
    later = _again(sqlite_services).documents
    assert later.settings().seal_password_known is False
    with pytest.raises(DomainError) as info:
        later.render(plan.id)
    assert info.value.code == "seal.password_needed"
    assert "sparas inte på den här datorn" in info.value.message("sv")
    assert "not kept on this computer" in info.value.message("en")
    assert later.render(plan.id, seal=False).sealed is False  # unsealed prints still work
    later.remember_seal_password(PASSWORD)
    assert later.render(plan.id).sealed


def _old_build_store(path: Path, pkcs12: str) -> None:
    """A store as an earlier build left it: the password in plain text in ``settings``."""
    open_services(str(path)).ctx.db.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO settings VALUES ('seal.pkcs12_path', ?)", (pkcs12,))
        conn.execute("INSERT INTO settings VALUES ('seal.pkcs12_password', ?)", (PASSWORD,))
    conn.close()


def test_opening_an_old_store_moves_its_password_to_the_keyring(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    cert = make_certificate(tmp_path, PASSWORD)
    path = tmp_path / "old.sqlite"
    _old_build_store(path, str(cert.pkcs12_path))
    assert PASSWORD.encode() in path.read_bytes()

    services = open_services(str(path))

    assert PASSWORD not in _stored_values(services)
    assert SealPasswords().get(str(cert.pkcs12_path)) == PASSWORD
    assert services.documents.settings().seal_pkcs12_password == PASSWORD
    services.ctx.db.dispose()
    assert PASSWORD.encode() not in path.read_bytes()  # overwritten, not only unlinked


@pytest.mark.usefixtures("no_keyring")
def test_without_a_keyring_an_old_stored_password_is_dropped(tmp_path: Path) -> None:
    cert = make_certificate(tmp_path, PASSWORD)
    path = tmp_path / "old.sqlite"
    _old_build_store(path, str(cert.pkcs12_path))

    services = open_services(str(path))

    assert PASSWORD not in _stored_values(services)
    assert services.documents.settings().seal_password_known is False
    assert move_stored_seal_password(services.ctx) is None  # nothing left to move
    services.ctx.db.dispose()
    assert PASSWORD.encode() not in path.read_bytes()


def test_saving_other_settings_keeps_the_password_out_of_the_store(
    sqlite_services: Services, tmp_path: Path
) -> None:
    documents = sqlite_services.documents
    documents.save_settings(_seal_settings(sqlite_services, tmp_path))
    documents.save_settings(replace(documents.settings(), confidentiality_marking="Sekretess"))
    assert PASSWORD not in _stored_values(sqlite_services)
    assert documents.settings().seal_pkcs12_password == PASSWORD
