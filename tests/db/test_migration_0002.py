from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import text

from sip_desk.db.migrate import alembic_config, current_revision
from tests.services.signing_helpers import person_signature


def _migrate(db, target: str, down: bool = False) -> None:
    with db.engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(config, target)


def _signed_plan(services: Any, make_plan: Any) -> Any:
    plan = make_plan.complete()
    today = services.ctx.clock.today()
    return services.signing.sign_version(plan.id, plan.version, [person_signature(today)])


def _tamper(db, plan_id: int) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE plan_versions SET content_hash = :h WHERE plan_id = :p"),
            {"h": "0" * 64, "p": plan_id},
        )


def test_migration_0002_adds_triggers_to_an_existing_store(services, make_plan) -> None:
    db = services.ctx.db
    plan = _signed_plan(services, make_plan)
    _migrate(db, "0001", down=True)
    try:
        assert current_revision(db) == "0001"
        _tamper(db, plan.id)  # without the triggers the row can be changed
        _migrate(db, "0002")
        assert current_revision(db) == "0002"

        with pytest.raises(Exception, match="immutable"):
            _tamper(db, plan.id)
        with pytest.raises(Exception, match="immutable"), db.engine.begin() as conn:
            conn.execute(text("DELETE FROM signatures"))
    finally:
        # The PostgreSQL store is shared by the whole session: leave it at head for the rest.
        _migrate(db, "head")


def test_migration_0002_keeps_drafts_editable_and_new_signatures_insertable(
    services, make_plan
) -> None:
    db = services.ctx.db
    plan = make_plan.complete()

    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE plan_versions SET snapshot = NULL WHERE plan_id = :p"), {"p": plan.id}
        )

    signed = services.signing.sign_version(
        plan.id, plan.version, [person_signature(services.ctx.clock.today())]
    )
    assert signed.versions[-1].content_hash


def test_whole_plan_deletion_by_database_cascade_still_works(services, make_plan) -> None:
    db = services.ctx.db
    plan = _signed_plan(services, make_plan)

    with db.engine.begin() as conn:
        conn.execute(text("DELETE FROM plans WHERE id = :p"), {"p": plan.id})

    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM plan_versions")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM signatures")).scalar() == 0
