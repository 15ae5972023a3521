"""Every file SIP Desk writes is its owner's only (0600, in 0700 folders), whatever the umask.

The files are made the way a user makes them: through the command line's entry point and the
service calls the desktop application uses, with a permissive umask in force.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.cli import run
from sip_desk.domain.audit import UserContext

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def test_store_wal_backups_exports_pdfs_and_calendars_are_private(
    umask: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "Plans"
    store = folder / "sip_desk.sqlite"
    out = tmp_path / "out"
    out.mkdir()
    base = ["--db", str(store), "--lang", "en"]

    assert run([*base, "demo"]) == 0
    assert run([*base, "backup"]) == 0
    assert run([*base, "backup", "-o", str(tmp_path / "copies" / "copy.sqlite")]) == 0
    assert run([*base, "export", "2", "-o", str(out / "plan.json")]) == 0
    assert run([*base, "pdf", "2", "-o", str(out / "plan.pdf")]) == 0
    assert run([*base, "followups", "--due-within", "400", "--ics", str(out / "due.ics")]) == 0
    services = open_services(str(store), user=UserContext(user="t"))
    try:
        meeting = services.plans.get_plan(2).meetings[0]
        pdf, ics = services.follow_ups.meetings.write_invitation(2, meeting.id, out / "k.pdf")
        services.demo.generate(2, seed=3)  # a write: the -wal and -shm files are in use
        wal, shm = Path(f"{store}-wal"), Path(f"{store}-shm")
        assert wal.exists() and shm.exists()
        assert (mode(wal), mode(shm)) == (0o600, 0o600)
    finally:
        services.ctx.db.dispose()
    capsys.readouterr()

    files = [
        store,
        Path(f"{store}.key"),
        *sorted((folder / "backups").iterdir()),
        tmp_path / "copies" / "copy.sqlite",
        out / "plan.json",
        out / "plan.pdf",
        out / "due.ics",
        pdf,
        ics,
    ]
    assert {str(p): oct(mode(p)) for p in files} == {str(p): "0o600" for p in files}
    folders = [folder, folder / "backups", tmp_path / "copies"]
    assert {str(p): oct(mode(p)) for p in folders} == {str(p): "0o700" for p in folders}


_CLI_WITH_UMASK = (
    "import os, sys; os.umask(int(sys.argv[1], 8)); from sip_desk.cli import run; "
    "sys.exit(run(sys.argv[2:]))"
)


@pytest.mark.parametrize("umask_text", ["022", "000"])
def test_data_folder_and_log_file_are_private(umask_text: str, tmp_path: Path) -> None:
    store = tmp_path / "old.sqlite"
    with sqlite3.connect(store) as conn:  # not a SIP Desk store: the command fails and logs
        conn.execute("CREATE TABLE something (x)")
    conn.close()
    os.chmod(store, 0o644)
    home = tmp_path / "xdg"
    env = {**os.environ, "XDG_DATA_HOME": str(home)}

    done = subprocess.run(
        [sys.executable, "-c", _CLI_WITH_UMASK, umask_text, "--db", str(store), "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 2, done.stderr
    data = home / "sip-desk"
    log = data / "logs" / "sip_desk.log"
    assert f"made {store} private: mode 644 -> 600" in log.read_text(encoding="utf-8")
    modes = [oct(mode(p)) for p in (data, log.parent, log, store)]
    assert modes == ["0o700", "0o700", "0o600", "0o600"]


def test_an_existing_open_store_is_made_private_when_opened(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = tmp_path / "sip_desk.sqlite"
    open_services(str(store), user=UserContext(user="t")).ctx.db.dispose()
    with sqlite3.connect(store) as conn:  # an older build's store, with its write-ahead log
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("CREATE TABLE scratch (x)")
        for path in (store, Path(f"{store}-wal"), Path(f"{store}-shm")):
            os.chmod(path, 0o644)

        with caplog.at_level(logging.WARNING, logger="sip_desk.db.store_files"):
            services = open_services(str(store), user=UserContext(user="t"))
        services.ctx.db.dispose()
    conn.close()

    assert mode(store) == 0o600
    assert f"made {store} private: mode 644 -> 600" in caplog.text
    assert f"made {store}-wal private: mode 644 -> 600" in caplog.text


def test_a_store_file_that_cannot_be_changed_gets_a_warning_not_a_crash(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "sip_desk.sqlite"
    open_services(str(store), user=UserContext(user="t")).ctx.db.dispose()
    os.chmod(store, 0o644)
    real_chmod = os.chmod

    def not_ours(path: object, new_mode: int, **kwargs: object) -> None:
        if Path(str(path)) == store:  # as for a file another account owns
            raise PermissionError(1, "Operation not permitted", str(path))
        real_chmod(path, new_mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("sip_desk.db.store_files.os.chmod", not_ours)
    with caplog.at_level(logging.WARNING, logger="sip_desk.db.store_files"):
        services = open_services(str(store), user=UserContext(user="t"))
    try:
        assert services.plan_list is not None  # the store opened
    finally:
        services.ctx.db.dispose()

    assert mode(store) == 0o644
    assert f"{store} can be read by other users (mode 644) and cannot be changed" in caplog.text
    assert "chmod 600" in caplog.text


def test_the_default_store_and_an_older_open_data_folder_are_private(
    umask: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("SIP_DESK_DB", raising=False)
    data = tmp_path / "xdg" / "sip-desk"
    data.mkdir(parents=True)
    os.chmod(data, 0o755)  # as an older build made it

    assert run(["--lang", "en", "list"]) == 0

    capsys.readouterr()
    assert (oct(mode(data)), oct(mode(data / "sip_desk.sqlite"))) == ("0o700", "0o600")
