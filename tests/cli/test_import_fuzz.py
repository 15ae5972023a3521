"""``sip-desk import`` of damaged files: exit 0 or 2, never a traceback; a refusal changes nothing.

The files are real exports of the demo plans, damaged by :mod:`tests.cli.import_mutations`. Each
case imports into a fresh copy of a store holding those plans, through the command line's own
entry point (in this process, output captured; a few through a real subprocess), and compares
every table of the store before and after a refused import. 200 cases run in the normal suite,
2,000 behind the ``soak`` marker (``pytest -m soak tests/cli/test_import_fuzz.py``).
"""

from __future__ import annotations

import collections
import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, note, settings

from sip_desk.cli import run
from tests.cli.import_mutations import DamagedFile, damaged_exports
from tests.cli.store_dump import dump

UNEXPECTED = "Something unexpected went wrong"
TALLY: collections.Counter[str] = collections.Counter()


@dataclass(frozen=True)
class Store:
    """A store with the demo plans, its full dump, and the plans exported from it."""

    folder: Path
    base: Path
    dump: dict[str, list[tuple[Any, ...]]]
    exports: list[dict[str, Any]]
    identities: list[str]


def cli(*argv: str) -> tuple[int, str, str]:
    """Run ``sip-desk ARGV`` in this process; (exit code, standard output, standard error)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("fuzz")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("sip_desk.paths.data_dir", lambda: folder / "data")  # the log file
        base = folder / "base.sqlite"
        code, _out, err = cli("--db", str(base), "demo", "--plans", "4", "--seed", "3")
        assert code == 0, err
        code, out, _err = cli("--db", str(base), "list", "--json")
        ids = [row["id"] for row in json.loads(out)]
        exports = []
        for plan_id in ids:
            code, out, err = cli("--db", str(base), "export", str(plan_id))
            assert code == 0, err
            exports.append(json.loads(out))
        identities = [e["plan"]["person"].get("identity_number") or "" for e in exports]
        yield Store(folder, base, dump(base), exports, [i for i in identities if i])


def copy_store(base: Path, work: Path) -> None:
    """A copy of the store with its signing key beside it, as a user's copied folder would have."""
    shutil.copyfile(base, work)
    key = base.with_name(base.name + ".key")
    if key.exists():
        shutil.copy2(key, work.with_name(work.name + ".key"))


def import_case(store: Store, data: bytes) -> tuple[int, str, str, Path]:
    """Import ``data`` into a fresh copy of the store; (code, stdout, stderr, store copy)."""
    work = store.folder / "work.sqlite"
    for leftover in (work, work.with_name("work.sqlite-wal"), work.with_name("work.sqlite-shm")):
        leftover.unlink(missing_ok=True)
    copy_store(store.base, work)
    file = store.folder / "plan.json"
    file.write_bytes(data)
    return (*cli("--db", str(work), "--lang", "en", "--user", "fuzz", "import", str(file)), work)


def check_case(store: Store, case: DamagedFile) -> None:
    note("\n".join(case.done))
    code, out, err, work = import_case(store, case.data)
    note(f"exit {code}\nstdout: {out[:500]}\nstderr: {err[:2000]}")
    assert code in (0, 2)
    assert "Traceback" not in out + err
    assert UNEXPECTED not in err  # caught by the last-resort guard: a bug all the same
    if code == 2:
        TALLY["refused"] += 1
        assert err.startswith("sip-desk: error: ")
        assert dump(work) == store.dump, "a refused import changed the store"
        return
    TALLY["imported"] += 1
    code, exported, err = cli("--db", str(work), "--lang", "en", "export", out.strip())
    assert code == 0, err  # what was imported can be exported again


def _fuzz_settings(cases: int) -> settings:
    return settings(
        max_examples=cases,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


def _strategy(store: Store) -> Any:
    return damaged_exports(store.exports, store.identities)


@pytest.fixture
def log_folder(store: Store, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("sip_desk.paths.data_dir", lambda: store.folder / "data")
    return store.folder / "data"


def _report(request: pytest.FixtureRequest, text: str) -> None:
    """Show the tally in the terminal summary (the soak run's figures)."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(text)


def test_import_fuzz_damaged_exports_exit_0_or_2_and_refusals_change_nothing(
    store: Store, log_folder: Path, request: pytest.FixtureRequest
) -> None:
    TALLY.clear()

    @_fuzz_settings(200)
    @given(case=_strategy(store))
    def run_cases(case: DamagedFile) -> None:
        check_case(store, case)

    run_cases()
    _report(request, f"import fuzz: {sum(TALLY.values())} cases, {dict(TALLY)}")
    assert TALLY["refused"] > 0 and TALLY["imported"] > 0
    assert not (log_folder / "logs").exists()  # nothing unexpected was logged


@pytest.mark.soak
@pytest.mark.timeout(7200)
def test_import_fuzz_soak_2000_cases(
    store: Store, log_folder: Path, request: pytest.FixtureRequest
) -> None:
    TALLY.clear()

    @_fuzz_settings(2000)
    @given(case=_strategy(store))
    def run_cases(case: DamagedFile) -> None:
        check_case(store, case)

    run_cases()
    _report(request, f"import fuzz soak: {sum(TALLY.values())} cases, {dict(TALLY)}")
    assert sum(TALLY.values()) >= 2000
    assert not (log_folder / "logs").exists()


@pytest.mark.slow
@pytest.mark.parametrize(
    "damage",
    [
        "moment_out_of_range",
        "nan_duration",
        "huge_version_number",
        "deep_nesting",
        "lone_surrogate_escaped",
    ],
)
def test_import_fuzz_through_a_real_process(store: Store, damage: str) -> None:
    with_meetings = next(e for e in store.exports if e["plan"]["meetings"])
    doc = json.loads(json.dumps(with_meetings))
    raw = None
    if damage == "moment_out_of_range":
        doc["plan"]["created_at"] = "9999-12-31T23:59:59-14:00"
    elif damage == "nan_duration":
        doc["plan"]["meetings"][0]["duration_minutes"] = float("nan")
    elif damage == "huge_version_number":
        doc["plan"]["versions"][0]["number"] = 10**30
    elif damage == "deep_nesting":
        raw = json.dumps(doc)[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    else:
        doc["plan"]["person"]["first_name"] = "\ud800"
    work = store.folder / "sub.sqlite"
    work.unlink(missing_ok=True)
    copy_store(store.base, work)
    file = store.folder / f"{damage}.json"
    text = raw if raw is not None else json.dumps(doc, allow_nan=True)
    file.write_bytes(text.encode("utf-8", "surrogatepass"))
    env = {**os.environ, "XDG_DATA_HOME": str(store.folder / "xdg")}

    result = subprocess.run(
        [sys.executable, "-m", "sip_desk", "--db", str(work), "--lang", "sv", "import", str(file)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("sip-desk: fel: ")
    assert result.stderr.count("\n") == 1
    assert "Något oväntat" not in result.stderr  # the last-resort guard caught nothing
    assert dump(work) == store.dump
