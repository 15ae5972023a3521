"""A store that cannot be used, as the command line reports it: one clear line, exit code 2.

Each case is made as it happens to a user: a damaged file, a folder that cannot be created, a
URL nobody can connect to, and a failure nobody planned for (the details go to the log file).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sip_desk.cli import run
from tests.db.damage import damage_middle_page, damage_schema_name, make_backups


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder (where the log file goes), inside the test's folder."""
    folder = tmp_path / "data"
    monkeypatch.setattr("sip_desk.paths.data_dir", lambda: folder)
    return folder


@pytest.fixture
def demo_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A store with the example cases and 40 generated plans (a few hundred pages)."""
    path = tmp_path / "store" / "sip_desk.sqlite"
    assert run(["--db", str(path), "demo", "--plans", "40"]) == 0
    capsys.readouterr()
    return path


def _one_line(err: str) -> str:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    return err.strip()


def test_store_with_a_damaged_schema_page_is_refused_in_one_line(demo_store, capsys) -> None:
    damage_schema_name(demo_store)

    code = run(["--db", str(demo_store), "list"])

    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith("sip-desk: fel: Databasfilen är skadad")
    assert str(demo_store) in line
    assert f"Det finns ingen säkerhetskopia i {demo_store.parent / 'backups'}" in line


@pytest.mark.parametrize(
    ("lang", "says"),
    [("sv", "Den senaste säkerhetskopian är {}"), ("en", "The newest backup is {}")],
)
def test_store_damaged_in_the_middle_names_the_newest_backup(
    demo_store, capsys, lang, says
) -> None:
    newest = make_backups(demo_store)
    damage_middle_page(demo_store)

    code = run(["--db", str(demo_store), "--lang", lang, "list"])

    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert says.format(newest) in line
    assert str(demo_store) in line


def test_store_damage_found_at_open_changes_nothing_in_the_file(demo_store, capsys) -> None:
    damage_middle_page(demo_store)
    before = demo_store.read_bytes()

    code = run(["--db", str(demo_store), "demo", "--plans", "3"])

    assert code == 2
    assert "skadad" in capsys.readouterr().err
    assert demo_store.read_bytes() == before
    assert not (demo_store.parent / "backups").exists()  # no upgrade, no copy of the damage


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_store_folder_below_a_file_is_reported_in_one_line(tmp_path, capsys, lang) -> None:
    (tmp_path / "notes.txt").write_text("not a folder", encoding="utf-8")
    target = tmp_path / "notes.txt" / "sub" / "store.sqlite"

    code = run(["--db", str(target), "--lang", lang, "list"])

    line = _one_line(capsys.readouterr().err)
    assert code == 2
    start = "Mappen för databasen kan inte skapas" if lang == "sv" else "The folder for the"
    assert start in line
    assert str(tmp_path / "notes.txt" / "sub") in line


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_store_folder_without_permission_is_reported_in_one_line(tmp_path, capsys) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)

    code = run(["--db", str(locked / "sub" / "store.sqlite"), "--lang", "en", "list"])

    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert "(Permission denied)" in line


def test_store_file_that_is_a_folder_is_reported_with_its_path(tmp_path, capsys) -> None:
    code = run(["--db", str(tmp_path), "--lang", "en", "list"])

    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert f"The database file cannot be opened or created: {tmp_path}." in line


@pytest.mark.parametrize("url", ["nosuchdriver://host/db", "mysql://host/db"])
def test_store_url_without_a_driver_is_reported_in_one_line(capsys, url) -> None:
    code = run(["--db", url, "--lang", "en", "list"])

    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith("sip-desk: error: Cannot connect to the database:")


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("sv", "sip-desk: fel: Något oväntat gick fel (RuntimeError). "),
        ("en", "sip-desk: error: Something unexpected went wrong (RuntimeError). "),
    ],
)
def test_cli_unexpected_failure_is_one_line_and_the_details_go_to_the_log(
    tmp_path, capsys, monkeypatch, data_dir, lang, says
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk controller said no")

    monkeypatch.setattr("sip_desk.services.plan_list_service.PlanListService.list_plans", broken)

    code = run(["--db", str(tmp_path / "s.sqlite"), "--lang", lang, "list"])

    line = _one_line(capsys.readouterr().err)
    log = data_dir / "logs" / "sip_desk.log"
    assert code == 2
    assert line.startswith(says)
    assert line.endswith(str(log))
    assert "disk controller said no" not in line
    text = log.read_text(encoding="utf-8")
    assert "unexpected error in list" in text
    assert "Traceback" in text and "RuntimeError: disk controller said no" in text


def test_cli_unexpected_failure_with_debug_prints_the_traceback(
    tmp_path, capsys, monkeypatch, data_dir
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("sip_desk.services.plan_list_service.PlanListService.list_plans", broken)

    code = run(["--db", str(tmp_path / "s.sqlite"), "--debug", "list"])

    err = capsys.readouterr().err
    assert code == 2
    assert "Traceback" in err and "RuntimeError: boom" in err


def test_cli_unexpected_failure_without_a_log_folder_says_how_to_see_details(
    tmp_path, capsys, monkeypatch
) -> None:
    (tmp_path / "data").write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setattr("sip_desk.paths.data_dir", lambda: tmp_path / "data")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("sip_desk.services.plan_list_service.PlanListService.list_plans", broken)

    code = run(["--db", str(tmp_path / "s.sqlite"), "--lang", "en", "list"])

    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.endswith("Run the command again with --debug to see the details.")


def test_cli_gui_that_cannot_start_is_one_line(tmp_path, capsys, monkeypatch, data_dir) -> None:
    def no_display(_args: object) -> int:
        raise RuntimeError("could not connect to display")

    monkeypatch.setattr("sip_desk.app.run", no_display)

    code = run(["--db", str(tmp_path / "s.sqlite"), "--lang", "en"])

    line = _one_line(capsys.readouterr().err)
    assert code == 2
    assert line.startswith("sip-desk: error: Something unexpected went wrong (RuntimeError).")
    assert "unexpected error in gui" in (data_dir / "logs" / "sip_desk.log").read_text("utf-8")


@pytest.mark.slow
def test_cli_store_errors_in_a_real_process(tmp_path, demo_store) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    damaged = {}
    for name, damage in (("schema", damage_schema_name), ("middle", damage_middle_page)):
        damaged[name] = demo_store.with_name(f"{name}.sqlite")
        damaged[name].write_bytes(demo_store.read_bytes())
        damage(damaged[name])
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    results = {}
    for name, db in {
        "folder": str(tmp_path / "notes.txt" / "sub" / "s.sqlite"),
        "schema": str(damaged["schema"]),
        "middle": str(damaged["middle"]),
        "driver": "nosuchdriver://host/db",
    }.items():
        results[name] = subprocess.run(
            [sys.executable, "-m", "sip_desk", "--db", db, "--lang", "en", "list", "--json"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=120,
        )

    assert {k: r.returncode for k, r in results.items()} == dict.fromkeys(results, 2)
    assert all(_one_line(r.stderr).startswith("sip-desk: error: ") for r in results.values())
    log = (tmp_path / "xdg" / "sip-desk" / "logs" / "sip_desk.log").read_text(encoding="utf-8")
    assert f"store {damaged['middle']} is damaged: " in log  # what quick_check found
    assert "unexpected error" not in log


@pytest.mark.slow
def test_cli_output_into_a_closed_pipe_ends_quietly(demo_store) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader went away (``sip-desk list | head`` after head is done)
    try:
        writer = subprocess.run(
            [sys.executable, "-m", "sip_desk", "--db", str(demo_store), "list", "--json"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        os.close(write_end)

    assert writer.stderr == ""
    assert writer.returncode == 2
