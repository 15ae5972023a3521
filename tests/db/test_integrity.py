"""The store's damage check: finds damage anywhere, stays within its time budget when opening."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.db import integrity
from sip_desk.db.engine import Database, make_engine, store_error_for
from sip_desk.db.integrity import Interrupt, check_integrity
from sip_desk.db.migrate import prepare_store
from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import DamagedStoreError, StoreError
from tests.db.damage import damage_middle_page, damage_schema_name, make_backups


def _store(path: Path, plans: int) -> Path:
    services = open_services(str(path), user=UserContext(user="t"))
    try:
        services.demo.load_cases()
        if plans:
            services.demo.generate(plans, seed=5)
    finally:
        services.ctx.db.dispose()
    return path


@pytest.fixture
def small_store(tmp_path: Path) -> Path:
    return _store(tmp_path / "small.sqlite", 40)


@pytest.fixture(scope="module")
def large_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,000 generated plans: too large to check whole within a tiny budget."""
    return _store(tmp_path_factory.mktemp("large") / "large.sqlite", 2_000)


def test_integrity_check_passes_an_intact_store_whole(small_store) -> None:
    db = Database(make_engine(str(small_store)))

    report = check_integrity(db, integrity.OPEN_BUDGET_S)

    db.dispose()
    assert report is not None
    assert (report.damaged, report.complete) == (False, True)


def test_integrity_check_finds_a_page_damaged_in_the_middle(small_store) -> None:
    damage_middle_page(small_store)
    db = Database(make_engine(str(small_store)))

    report = check_integrity(db)

    db.dispose()
    assert report is not None and report.damaged


def test_opening_a_damaged_store_names_the_newest_backup(small_store) -> None:
    newest = make_backups(small_store)
    damage_middle_page(small_store)

    with pytest.raises(DamagedStoreError) as info:
        open_services(str(small_store), user=UserContext(user="t"))

    assert info.value.code == "store.corrupt"
    assert f"Den senaste säkerhetskopian är {newest}." in info.value.message("sv")
    assert f"The newest backup is {newest}." in info.value.message("en")


def test_opening_a_store_with_a_damaged_schema_page_is_a_store_error(small_store) -> None:
    damage_schema_name(small_store)

    with pytest.raises(StoreError) as info:
        open_services(str(small_store), user=UserContext(user="t"))

    assert info.value.code == "store.corrupt"
    assert "There is no backup in" in info.value.message("en")


@pytest.mark.slow
def test_integrity_check_stops_at_its_budget_on_a_large_store(large_store) -> None:
    db = Database(make_engine(str(large_store)))
    whole = check_integrity(db)
    assert whole is not None and whole.complete

    bounded = check_integrity(db, whole.seconds / 20)

    db.dispose()
    assert bounded is not None
    assert not bounded.complete  # stopped before the end of the file


@pytest.mark.slow
def test_integrity_check_stops_when_interrupted_from_another_thread(large_store) -> None:
    db = Database(make_engine(str(large_store)))
    whole = check_integrity(db)
    assert whole is not None
    interrupt = Interrupt()
    threading.Timer(whole.seconds / 20, interrupt.fire).start()

    report = check_integrity(db, None, interrupt)

    db.dispose()
    # incomplete: it stopped before the end of the file (no timing: the machine may be busy)
    assert report is not None and not report.complete


def test_store_too_large_to_check_at_open_still_opens(small_store, monkeypatch) -> None:
    damage_middle_page(small_store)
    monkeypatch.setattr(integrity, "OPEN_BUDGET_S", 0.0)
    db = Database(make_engine(str(small_store)))

    prepare_store(db)  # a store too large to check at open opens; the app checks it later

    report = check_integrity(db, 0.0)
    db.dispose()
    assert report is not None and (report.complete, report.damaged) == (False, False)


def test_store_error_for_a_file_sqlite_cannot_open_names_the_file() -> None:
    import sqlite3

    error = store_error_for(sqlite3.OperationalError("unable to open database file"), Path("/x/s"))

    assert error.code == "store.cannot_open"
    assert "/x/s" in error.message("en")


@pytest.mark.parametrize(
    ("error", "sv", "en"),
    [
        (
            DamagedStoreError("/d/s.sqlite", "/d/backups/b.sqlite", "/d/backups"),
            "Den senaste säkerhetskopian är /d/backups/b.sqlite.",
            "The newest backup is /d/backups/b.sqlite.",
        ),
        (
            DamagedStoreError("/d/s.sqlite", None, "/d/backups"),
            "Det finns ingen säkerhetskopia i /d/backups.",
            "There is no backup in /d/backups.",
        ),
        (
            DamagedStoreError("postgresql://host/sip"),
            "Be databasens administratör att återställa en säkerhetskopia.",
            "Ask the database administrator to restore a backup.",
        ),
    ],
)
def test_damaged_store_message_says_what_to_do_in_both_languages(error, sv, en) -> None:
    assert sv in error.message("sv")
    assert en in error.message("en")
    assert "{" not in error.message("sv") + error.message("en")
