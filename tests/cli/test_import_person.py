"""``sip-desk import`` on a real store and a real file: the stored person is the truth."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sip_desk.bootstrap import open_services
from sip_desk.cli import run
from sip_desk.domain.audit import UserContext
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from tests.person_helpers import FOREIGN_PERSON, DemoPeople, file_with_person, plans_of_person

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store file with the demo cases, loaded through the command line."""
    path = str(tmp_path / "store.sqlite")
    assert run(["--db", path, "--user", "anna.test", "demo"]) == 0
    return path


@pytest.fixture
def store(db: str) -> Iterator[Services]:
    """The same store opened by the test, to read what the commands left."""
    services = open_services(db, user=UserContext(user="test.reader"))
    yield services
    services.ctx.db.dispose()


def _people(services: Services) -> DemoPeople:
    plans = [services.plans.get_plan(p.id) for p in services.plan_list.list_plans()]
    keys = {"Linda Sandberg": "protected", "Alva Nordin": "youth"}
    return DemoPeople({keys[p.person.full_name]: p for p in plans if p.person.full_name in keys})


def _write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "plan.json"
    file.write_text(text, encoding="utf-8")
    return file


def _unchanged_except(
    services: Services, before: dict[int, PlanDetail], person_id: int, new_id: int
) -> None:
    after = plans_of_person(services, person_id)
    assert set(after) == {*before, new_id}
    assert {pid: after[pid] for pid in before} == before
    assert after[new_id].person == next(iter(before.values())).person


def test_import_of_a_protected_persons_plan_lists_differences_and_keeps_the_person(
    db, store, tmp_path, capsys
) -> None:
    linda = _people(store).protected
    before = plans_of_person(store, linda.person.id)
    file = _write(tmp_path, file_with_person(store, linda.id, **FOREIGN_PERSON))
    capsys.readouterr()

    code = run(["--db", db, "--lang", "en", "import", str(file)])

    out, err = capsys.readouterr()
    assert code == 0
    new_id = int(out.strip())
    _unchanged_except(store, before, linda.person.id, new_id)
    lines = err.splitlines()
    assert lines[0] == (
        "The person is already stored: Linda Sandberg, 1 plan. "
        "The imported plan was attached to the stored person."
    )
    assert "  First name – stored: Linda; in the file: Fel" in lines
    assert (
        "  Address – The address is not shown and never taken from a file when the identity "
        "is protected."
    ) in lines
    assert (
        "  Protected identity – stored: yes; in the file: no. "
        "Protected identity is kept: an import never switches it off."
    ) in lines
    assert lines[-1].startswith("The stored details were not changed. Import with --update-person")
    assert "Lönnvägen" not in err and "Falska" not in err


def test_import_of_a_signed_plans_person_keeps_the_person_in_swedish(
    db, store, tmp_path, capsys
) -> None:
    alva = _people(store).signed
    assert alva.versions[0].signed_at is not None
    before = plans_of_person(store, alva.person.id)
    file = _write(tmp_path, file_with_person(store, alva.id, **FOREIGN_PERSON))
    capsys.readouterr()

    code = run(["--db", db, "import", str(file), "--as-new"])  # Alva's plan is stored already

    out, err = capsys.readouterr()
    assert code == 0
    _unchanged_except(store, before, alva.person.id, int(out.strip()))
    assert "Personen finns redan: Alva Nordin, 1 plan." in err
    assert "  Förnamn – sparat: Alva; i filen: Fel" in err
    assert "Vårdnadshavare och företrädare – sparat:" in err
    assert "Importera med --update-person för att föra in skillnaderna." in err


def test_import_of_a_stored_signed_plan_is_refused_then_as_new_says_exactly_what_changed(
    db, store, tmp_path, capsys
) -> None:
    alva = _people(store).signed
    before = plans_of_person(store, alva.person.id)
    file = _write(
        tmp_path, file_with_person(store, alva.id, first_name="Annan", protected_identity=True)
    )
    capsys.readouterr()

    refused = run(["--db", db, "import", str(file)])  # the export of a plan in the store

    out, err = capsys.readouterr()
    assert (refused, out) == (2, "")
    assert err == (
        f"sip-desk: fel: Planen finns redan i databasen (plan {alva.id}). Inget importerades. "
        "Använd --as-new för att ändå importera den som en ny plan.\n"
    )
    assert plans_of_person(store, alva.person.id) == before

    code = run(["--db", db, "import", str(file), "--as-new"])

    out, err = capsys.readouterr()
    assert code == 0
    lines = err.splitlines()
    assert lines[-3:] == [
        "  Förnamn – sparat: Alva; i filen: Annan",
        "  Skyddad identitet – sparat: nej; i filen: ja. "
        "Filen anger skyddad identitet, så skyddet slås på.",
        "Övriga skillnader fördes inte in i de sparade uppgifterna. "
        "Importera med --update-person för att föra in dem.",
    ]
    assert "De sparade uppgifterna ändrades inte" not in err
    stored = store.plans.get_plan(alva.id).person
    assert (stored.first_name, stored.protected_identity) == ("Alva", True)


def test_import_update_person_applies_differences_never_protection_and_is_audited(
    db, store, tmp_path, capsys
) -> None:
    linda = _people(store).protected
    file = _write(tmp_path, file_with_person(store, linda.id, **FOREIGN_PERSON))

    code = run(["--db", db, "--user", "eva.import", "import", str(file), "--update-person"])

    assert code == 0
    assert "Skillnaderna fördes in i de sparade uppgifterna om personen." in capsys.readouterr().err
    stored = store.plans.get_plan(linda.id).person
    assert (stored.first_name, stored.last_name, stored.phone) == (
        "Fel",
        "Filnamn",
        "070-999 99 99",
    )
    assert stored.protected_identity
    assert stored.address == "Lönnvägen 9, 123 48 Björkvik"
    updates = [
        (e.field, e.old, e.new, e.user)
        for e in store.audit.entries(person_id=linda.person.id)
        if e.entity == "person" and e.action.value == "update"
    ]
    assert ("first_name", "Linda", "Fel", "eva.import") in updates
    assert {f for f, *_ in updates}.isdisjoint({"protected_identity", "address"})


def test_import_command_as_a_program_on_a_real_store_and_file(db, store, tmp_path) -> None:
    alva = _people(store).signed
    before = plans_of_person(store, alva.person.id)
    doc = json.loads(file_with_person(store, alva.id, first_name="Annan"))
    file = tmp_path / "from-elsewhere.json"
    file.write_text(json.dumps(doc), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sip_desk",
            "--db",
            db,
            "--lang",
            "en",
            "import",
            str(file),
            "--as-new",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "First name – stored: Alva; in the file: Annan" in result.stderr
    _unchanged_except(store, before, alva.person.id, int(result.stdout.strip()))
