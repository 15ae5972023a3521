"""The access log and the audit trail: append-only, and a hash chain that shows tampering."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from sip_desk.db.access_log import chain_report
from sip_desk.db.append_only import append_only_statements, is_append_only_error
from sip_desk.db.engine import Database, make_engine
from sip_desk.db.migrate import prepare_store
from sip_desk.domain.access import AccessKind, ChainBreak, ChainReport
from sip_desk.services.audit import log_read
from sip_desk.services.registry import Services
from tests.builders import PlanBuilder

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1" / "sip_desk.sqlite"


def _logged(services: Services, make_plan: PlanBuilder) -> int:
    """A plan with a few audit rows and three access-log rows; returns the plan id."""
    plan = make_plan(first_name="Åsa", last_name="Öberg")
    for kind in (AccessKind.OPEN, AccessKind.PRINT, AccessKind.EXPORT):
        log_read(services.ctx, kind, plan.id, plan.person.id)
    return plan.id


def _as_attacker(db: Database, *statements: str) -> None:
    """Drop the triggers, as someone with the file or the owner's role can, then write."""
    with db.engine.begin() as conn:
        for statement in append_only_statements(conn.dialect.name, drop=True):
            conn.execute(text(statement))
        for statement in statements:
            conn.execute(text(statement))


def _report(db: Database) -> ChainReport:
    with db.engine.connect() as conn:
        return chain_report(conn)


@pytest.mark.parametrize("table", ["access_log", "audit_entries"])
@pytest.mark.parametrize("statement", ["UPDATE {t} SET \"user\" = 'mallory'", "DELETE FROM {t}"])
def test_log_tables_refuse_update_and_delete(
    services: Services, make_plan: PlanBuilder, table: str, statement: str
) -> None:
    _logged(services, make_plan)
    db = services.ctx.db

    with pytest.raises(DBAPIError) as raised, db.engine.begin() as conn:
        conn.execute(text(statement.format(t=table)))

    assert is_append_only_error(raised.value)
    assert _report(db).intact


def test_chain_is_intact_after_ordinary_work(services: Services, make_plan: PlanBuilder) -> None:
    _logged(services, make_plan)

    report = _report(services.ctx.db)

    assert report.intact
    assert report.access_rows == 3
    assert report.audit_rows >= 1


def test_chain_check_finds_an_altered_access_row(
    services: Services, make_plan: PlanBuilder
) -> None:
    _logged(services, make_plan)

    _as_attacker(services.ctx.db, "UPDATE access_log SET \"user\" = 'someone.else' WHERE id = 2")

    report = _report(services.ctx.db)
    assert not report.intact
    assert report.breaks == (ChainBreak(table="access_log", row_id=2, kind="altered"),)


def test_chain_check_finds_a_deleted_access_row(services: Services, make_plan: PlanBuilder) -> None:
    _logged(services, make_plan)

    _as_attacker(services.ctx.db, "DELETE FROM access_log WHERE id = 2")

    assert _report(services.ctx.db).breaks == (
        ChainBreak(table="access_log", row_id=3, kind="missing"),
    )


def test_chain_check_finds_an_altered_and_a_deleted_audit_row(
    services: Services, make_plan: PlanBuilder
) -> None:
    plan_id = _logged(services, make_plan)
    make_plan(first_name="Bo", last_name="Ek")  # more audit rows after the first plan's
    db = services.ctx.db
    with db.engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM audit_entries ORDER BY id"))]
    assert len(ids) >= 3

    _as_attacker(db, f"UPDATE audit_entries SET new = 'Anna' WHERE id = {ids[0]}")
    assert _report(db).breaks == (ChainBreak(table="audit_entries", row_id=ids[0], kind="altered"),)

    _as_attacker(
        db,
        f"DELETE FROM audit_entries WHERE id = {ids[0]}",
        f"DELETE FROM audit_entries WHERE id = {ids[1]}",
    )
    assert _report(db).breaks == (ChainBreak(table="audit_entries", row_id=ids[2], kind="missing"),)
    assert plan_id


def test_upgrade_chains_the_audit_rows_a_store_already_holds(tmp_path: Path) -> None:
    # Given a store of the first release with three audit rows (and one id skipped)
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURE, path)
    with sqlite3.connect(path) as con:
        for row_id, who in ((1, "anna"), (2, "bo"), (5, "cia")):
            con.execute(
                "INSERT INTO audit_entries (id, at, user, unit, action, plan_id, person_id, "
                "entity, entity_id, field, old, new) VALUES "
                f"({row_id}, '2026-01-0{row_id} 08:00:00.000000', '{who}', '', 'read', 1, 1, "
                "'plan', 1, '', NULL, NULL)"
            )
    con.close()
    db = Database(make_engine(str(path)))

    # When this build opens it
    prepare_store(db)

    # Then the rows are chained in id order, the check passes, and the tables are append-only
    report = _report(db)
    assert report.intact and report.audit_rows == 3 and report.access_rows == 0
    with pytest.raises(DBAPIError), db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries WHERE id = 5"))
    _as_attacker(db, "DELETE FROM audit_entries WHERE id = 2")
    assert _report(db).breaks == (ChainBreak(table="audit_entries", row_id=5, kind="missing"),)
    db.dispose()
