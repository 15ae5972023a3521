"""``sip-desk export PLAN_ID --format fhir``: standard output, a private file, clear errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.cli import run
from sip_desk.domain.audit import UserContext
from tests.builders import PlanBuilder
from tests.services.fhir_checks import parse, resources, unresolved


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, int]:
    """An SQLite store file holding one complete plan; returns (path, plan id)."""
    path = str(tmp_path / "store.sqlite")
    services = open_services(path, user=UserContext(user="anna.test"))
    try:
        plan = PlanBuilder(services).complete(first_name="Åsa", last_name="Öberg")
    finally:
        services.ctx.db.dispose()
    return path, plan.id


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would let everyone read new files."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_fhir_export_command_prints_a_valid_bundle(
    store: tuple[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    db, plan_id = store

    code = run(["--db", db, "export", str(plan_id), "--format", "fhir"])

    out = capsys.readouterr().out
    assert code == 0
    bundle = json.loads(out)
    assert parse(bundle).type == "collection"
    assert unresolved(bundle) == set()
    assert resources(bundle, "Patient")[0]["name"][0]["family"] == "Öberg"
    assert '"Öberg"' in out


def test_fhir_export_command_writes_a_file_only_its_owner_can_read(
    store: tuple[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str], open_umask: None
) -> None:
    db, plan_id = store
    target = tmp_path / "plan.fhir.json"

    code = run(["--db", db, "export", str(plan_id), "--format", "fhir", "-o", str(target)])

    assert code == 0
    assert f"Plan {plan_id} exporterades till {target}" in capsys.readouterr().out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    bundle = json.loads(target.read_text(encoding="utf-8"))
    assert parse(bundle).type == "collection"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("plan")] == [target.name]


@pytest.mark.parametrize(
    ("lang", "message"),
    [("sv", "Hittar inte plan 999"), ("en", "Cannot find plan 999")],
)
def test_fhir_export_command_for_unknown_plan_says_so_and_writes_nothing(
    store: tuple[str, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    message: str,
) -> None:
    db, _plan_id = store
    target = tmp_path / "none.json"

    code = run(["--db", db, "--lang", lang, "export", "999", "--format", "fhir", "-o", str(target)])

    captured = capsys.readouterr()
    assert code == 2
    assert message in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""
    assert not target.exists()


def test_fhir_export_command_refuses_an_unknown_format(
    store: tuple[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    db, plan_id = store

    with pytest.raises(SystemExit) as exit_info:
        run(["--db", db, "export", str(plan_id), "--format", "hl7v2"])

    assert exit_info.value.code == 2
    assert "fhir" in capsys.readouterr().err


def test_fhir_export_works_as_a_program_of_its_own(store: tuple[str, int], tmp_path: Path) -> None:
    """As an IT department runs it: a fresh process, nothing imported beforehand (the FHIR
    path once read the table definitions before any module had loaded them: KeyError)."""
    path, plan_id = store
    out = tmp_path / "plan.json"
    command = [sys.executable, "-m", "sip_desk", "--db", path, "export", str(plan_id)]
    result = subprocess.run(
        [*command, "--format", "fhir", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )

    assert result.returncode == 0, result.stdout + result.stderr
    bundle = json.loads(out.read_text("utf-8"))
    parse(bundle)  # valid R4
    assert resources(bundle, "CarePlan") and resources(bundle, "Patient")
