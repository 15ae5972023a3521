"""A store another account owns, or may write to, is refused before anything is written to it.

The attacks are made as a tester made them: a 0777 folder with a 0666 store planted where SIP Desk
looks, ``-wal``/``-shm`` files left writable, a store handed over to another account (``chown``,
as root in CI). What counts is what the app refuses and what it says; a store the user owns that
others may only read is made private and opens (the rule is in ``sip_desk/db/store_files.py``).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.cli import run
from sip_desk.domain.audit import UserContext
from sip_desk.domain.errors import StoreError

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes and owners are POSIX")
NOBODY = 65534


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def planted(folder: Path, folder_mode: int = 0o777, file_mode: int = 0o666) -> Path:
    """An empty store file another user left ready for the victim, as the tester planted it."""
    folder.mkdir()
    os.chmod(folder, folder_mode)
    store = folder / "sip_desk.sqlite"
    store.touch()
    os.chmod(store, file_mode)
    return store


def test_demo_into_a_planted_world_writable_store_is_refused_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = planted(tmp_path / "x", folder_mode=0o700)

    code = run(["--db", str(store), "--lang", "en", "demo"])

    err = capsys.readouterr().err
    assert code != 0
    assert f"{store} can be changed by other accounts (mode 666)" in err
    assert f"chmod 600 {store}" in err
    assert store.stat().st_size == 0  # not one plan (no name, no identity number) went in
    assert mode(store) == 0o666  # the app does not quietly take it over either


def test_a_world_writable_folder_is_refused_in_swedish_with_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = planted(tmp_path / "x", folder_mode=0o777, file_mode=0o600)

    code = run(["--db", str(store), "--lang", "sv", "demo"])

    err = capsys.readouterr().err
    assert code != 0
    assert f"{store.parent} kan ändras av andra konton (läge 777)" in err
    assert f"chmod 700 {store.parent}" in err
    assert store.stat().st_size == 0


@pytest.mark.parametrize("companion", ["-wal", "-shm", ".key"])
def test_a_writable_wal_or_shm_beside_the_own_store_is_refused(
    tmp_path: Path, companion: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "team.sqlite"
    open_services(str(store), user=UserContext(user="t")).ctx.db.dispose()
    side = Path(f"{store}{companion}")
    side.touch()
    os.chmod(side, 0o666)

    code = run(["--db", str(store), "--lang", "en", "list"])

    assert code != 0
    assert f"{side} can be changed by other accounts (mode 666)" in capsys.readouterr().err


def test_backup_and_encrypt_refuse_a_store_others_may_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "team.sqlite"
    open_services(str(store), user=UserContext(user="t")).ctx.db.dispose()
    os.chmod(store, 0o666)
    secret = tmp_path / "p1"
    secret.write_text("a long passphrase\n", encoding="utf-8")
    os.chmod(secret, 0o600)

    assert run(["--db", str(store), "--lang", "en", "backup"]) != 0
    assert (
        run(
            [
                "--db",
                str(store),
                "--lang",
                "en",
                "store",
                "encrypt",
                "--new-passphrase-file",
                str(secret),
            ]
        )
        != 0
    )

    err = capsys.readouterr().err
    assert err.count("can be changed by other accounts (mode 666)") == 2
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another account")
def test_a_store_file_of_another_account_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "team.sqlite"
    open_services(str(store), user=UserContext(user="t")).ctx.db.dispose()
    os.chown(store, NOBODY, NOBODY)  # private (0600), but someone else's

    with pytest.raises(StoreError) as refused:
        open_services(str(store), user=UserContext(user="t"))

    assert refused.value.code == "store.foreign_owner"
    message = refused.value.message("en")
    assert message.startswith(f"{store} belongs to another account (")
    assert "Move it away" in message
    assert "tillhör ett annat konto" in refused.value.message("sv")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another account")
def test_a_folder_of_another_account_is_refused_even_when_private(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    folder.mkdir(mode=0o700)
    os.chown(folder, NOBODY, NOBODY)  # mallory's folder: mallory can swap the files in it

    with pytest.raises(StoreError) as refused:
        open_services(str(folder / "team.sqlite"), user=UserContext(user="t"))

    assert refused.value.code == "store.foreign_owner"
    assert not (folder / "team.sqlite").exists()


def test_an_own_store_others_may_only_read_is_made_private_and_opens(tmp_path: Path) -> None:
    store = tmp_path / "team.sqlite"
    open_services(str(store), user=UserContext(user="t")).ctx.db.dispose()
    os.chmod(store, 0o644)

    open_services(str(store), user=UserContext(user="t")).ctx.db.dispose()

    assert mode(store) == 0o600


_FIRST_RUN = (
    "import os, sys; os.umask(0); from sip_desk.cli import run; sys.exit(run(sys.argv[1:]))"
)


def test_first_run_under_umask_000_makes_every_missing_folder_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "XDG_DATA_HOME": str(home / ".local" / "share")}
    env.pop("SIP_DESK_DB", None)

    done = subprocess.run(
        [sys.executable, "-c", _FIRST_RUN, "--lang", "en", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    made = [home / ".local", home / ".local" / "share", home / ".local" / "share" / "sip-desk"]
    assert [oct(mode(p)) for p in made] == ["0o700"] * 3
    assert oct(mode(made[-1] / "sip_desk.sqlite")) == "0o600"
