"""Daily backups of the SQLite store: made with the backup API, checked, kept 7 daily + 4 weekly."""

from __future__ import annotations

import errno
import os
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.db.backups import (
    DAILY,
    backup_folder,
    daily_backup,
    file_problems,
    to_keep,
    write_error,
)
from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import DomainError
from tests.db.damage import damage_middle_page

START = date(2026, 9, 1)


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "sip_desk.sqlite"
    services = open_services(str(path), user=UserContext(user="t"))
    try:
        services.demo.load_cases()
        services.demo.generate(30, seed=4)
    finally:
        services.ctx.db.dispose()
    return path


def _daily_days(store: Path) -> list[date]:
    names = (DAILY.match(p.name) for p in backup_folder(store).iterdir())
    return sorted(date.fromisoformat(m.group(1)) for m in names if m)


def test_sixty_days_of_daily_backups_keep_seven_days_and_four_weeks(store: Path) -> None:
    upgrade_copy = backup_folder(store) / "sip_desk_0007_20260801T080000000000.sqlite"
    upgrade_copy.parent.mkdir()
    upgrade_copy.write_bytes(store.read_bytes())
    days = [START + timedelta(days=n) for n in range(60)]

    for today in days:  # the first start of each day, on a clock moved a day at a time
        assert daily_backup(store, today) is not None
        assert daily_backup(store, today) is None  # the second start of the day copies nothing
        assert len(_daily_days(store)) <= 11

    kept = _daily_days(store)
    assert kept[-7:] == days[-7:]  # the seven newest days
    weekly = kept[:-7]
    assert len(weekly) == 4
    weeks = [d.isocalendar()[:2] for d in weekly]
    assert len(set(weeks)) == 4 and all(d < days[-7] for d in weekly)
    # One a week going back about a month, each the newest copy of its week: the last day of
    # each full week, and the day before the seven daily copies for the week they cut into.
    assert [d.weekday() for d in weekly[:-1]] == [6, 6, 6] and weekly[-1] == days[-8]
    assert all(
        later - earlier <= timedelta(days=7)
        for earlier, later in zip(weekly, weekly[1:], strict=False)
    )
    assert days[-1] - weekly[0] <= timedelta(days=35)
    assert upgrade_copy.exists()  # copies before an upgrade are never rotated away
    newest = backup_folder(store) / f"sip_desk_daily_{days[-1].isoformat()}.sqlite"
    assert file_problems(newest) == []
    with sqlite3.connect(newest) as conn:
        assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 34
    conn.close()


def test_days_kept_when_the_program_was_not_started_every_day() -> None:
    days = [START + timedelta(days=n) for n in range(0, 60, 3)]  # every third day

    kept = sorted(to_keep(days))

    assert kept[-7:] == days[-7:]
    assert len(kept) == 11
    assert len({d.isocalendar()[:2] for d in kept[:-7]}) == 4


def test_a_damaged_store_writes_no_backup_and_keeps_the_older_ones(store: Path) -> None:
    for n in range(3):
        daily_backup(store, START + timedelta(days=n))
    before = sorted(p.name for p in backup_folder(store).iterdir())
    damage_middle_page(store)

    with pytest.raises(DomainError) as raised:
        daily_backup(store, START + timedelta(days=30))

    assert raised.value.code == "backup.damaged"
    assert "ingen säkerhetskopia skrevs" in raised.value.message("sv").lower()
    assert sorted(p.name for p in backup_folder(store).iterdir()) == before


def test_an_unfinished_copy_left_by_an_ended_program_is_removed_a_day_later(store: Path) -> None:
    daily_backup(store, START)
    left = backup_folder(store) / f".sip_desk_daily_{START.isoformat()}.sqlite.partial"
    left.write_bytes(b"SQLite format 3\x00")
    fresh = backup_folder(store) / ".restoring_20260902T000000.sqlite"
    fresh.write_bytes(b"")
    os.utime(left, (time.time() - 2 * 24 * 3600, time.time() - 2 * 24 * 3600))

    daily_backup(store, START + timedelta(days=2))

    assert not left.exists()
    assert fresh.exists()  # perhaps a restore running right now


@pytest.mark.parametrize(
    ("number", "code"),
    [
        (errno.ENOSPC, "backup.disk_full"),
        (errno.EDQUOT, "backup.disk_full"),
        (errno.EACCES, "backup.folder_not_writable"),
        (errno.EROFS, "backup.folder_not_writable"),
        (errno.EIO, "backup.failed"),
    ],
)
def test_an_os_error_writing_a_backup_is_said_in_the_user_s_words(number: int, code: str) -> None:
    target = Path("/data/backups/sip_desk_daily_2026-12-01.sqlite")
    said = write_error(OSError(number, os.strerror(number)), target)
    assert said.code == code
    assert str(target.parent) in said.message("sv") and str(target.parent) in said.message("en")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anyway")
def test_a_read_only_backups_folder_is_refused_with_what_to_do(store: Path) -> None:
    folder = backup_folder(store)
    folder.mkdir(mode=0o700, exist_ok=True)
    folder.chmod(0o500)
    try:
        with pytest.raises(DomainError) as refused:
            daily_backup(store, date(2026, 12, 1))
    finally:
        folder.chmod(0o700)
    assert refused.value.code == "backup.folder_not_writable"
    assert refused.value.message("sv").endswith("Kontakta er IT-support.")
