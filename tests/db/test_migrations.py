"""Schema migrations: new stores, upgrades of every released schema, and no model drift."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from sip_desk.db.base import Base
from sip_desk.db.engine import Database, make_engine
from sip_desk.db.migrate import alembic_config, current_revision, prepare_store, shipped_head

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMAS = sorted(p for p in FIXTURES.glob("schema_v*/sip_desk.sqlite"))


def test_migrate_creates_new_store_at_head(tmp_path: Path) -> None:
    db = Database(make_engine(str(tmp_path / "new.sqlite")))

    backup = prepare_store(db)

    assert backup is None
    assert current_revision(db) == shipped_head()
    assert "plans" in inspect(db.engine).get_table_names()
    db.dispose()


@pytest.mark.parametrize("fixture", SCHEMAS, ids=lambda p: p.parent.name)
def test_migrate_upgrades_each_released_schema_and_keeps_data(
    tmp_path: Path, fixture: Path
) -> None:
    # Given a store of an older release holding a plan
    path = tmp_path / "sip_desk.sqlite"
    shutil.copy(fixture, path)
    with sqlite3.connect(path) as con:
        con.execute(
            "INSERT INTO persons (id, first_name, last_name, phone, email, address, "
            "preferred_language, interpreter_needed, interpreter_language, protected_identity, "
            "created_at) VALUES (1, 'Åsa', 'Öberg', '', '', '', 'sv', 0, '', 0, '2026-01-01')"
        )
        con.execute(
            "INSERT INTO plans (id, version, person_id, status, closed_reason, reason, "
            "meeting_question, requested_by, not_with_person_reason, plan_consent_given, "
            "what_matters, strengths, person_own_actions, relatives_own_actions, "
            "crisis_warning_signs, crisis_actions, crisis_contacts, legal_reference, "
            "print_language, created_at, updated_at) VALUES (1, 1, 1, 'draft', '', "
            "'Samordning behövs', '', '', '', 0, '', '', '', '', '', '', '', '', 'sv', "
            "'2026-01-01', '2026-01-01')"
        )
    con.close()
    old_revision = _revision(path)
    db = Database(make_engine(str(path)))

    # When it is opened by this build
    backup = prepare_store(db)

    # Then it is at head, a backup of the old file exists, and the plan is intact
    assert current_revision(db) == shipped_head()
    if old_revision != shipped_head():
        assert backup is not None
        assert Path(backup).exists()
        assert _revision(Path(backup)) == old_revision
    with db.engine.connect() as conn:
        reason = conn.exec_driver_sql("SELECT reason FROM plans WHERE id = 1").scalar()
    assert reason == "Samordning behövs"
    db.dispose()


def test_migrations_match_the_models(tmp_path: Path) -> None:
    # Given a store built only by running every migration from empty
    engine = create_engine(f"sqlite:///{tmp_path / 'migrated.sqlite'}")
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")

    # Then autogenerate finds nothing to add: the models and the migrations agree
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as con:
        (rev,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    con.close()
    return str(rev)


def test_shipped_head_read_as_text_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    assert shipped_head() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_opening_a_current_store_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "current.sqlite"
    db = Database(make_engine(str(path)))
    prepare_store(db)
    db.dispose()
    code = (
        "import sys\n"
        "from sip_desk.db.engine import Database, make_engine\n"
        "from sip_desk.db.migrate import prepare_store\n"
        f"db = Database(make_engine({str(path)!r}))\n"
        "prepare_store(db)\n"
        "sys.exit(1 if 'alembic' in sys.modules else 0)\n"
    )

    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_fresh_program_creates_a_complete_new_store(tmp_path: Path) -> None:
    # A new interpreter, as when the app starts on a machine for the first time: nothing else
    # has imported the models before the store is created.
    import subprocess
    import sys

    path = tmp_path / "first.sqlite"
    code = (
        "from sip_desk.bootstrap import open_services\n"
        "from sip_desk.domain.audit import UserContext\n"
        f"s = open_services({str(path)!r}, user=UserContext(user='t'))\n"
        "print(s.plan_list.count_plans())\n"
    )

    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0"
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    assert {"plans", "plan_versions", "actions", "audit_entries"} <= tables
