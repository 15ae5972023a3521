"""A plan may only be made for (or moved to) a person its maker could already see (PostgreSQL).

Without this a user could insert a plan pointing at any ``person_id`` and then read that
person through their own new plan. A person may be given a plan when

- they show through another plan the user may see (for a protected person: one the user is
  named on), or
- the user registered them and they have no other plan.

The plan being written never counts. The tables' owner (migrations, imports) is not bound.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sip_desk.db.row_security import PINNED

_FUNCTION = f"""
CREATE OR REPLACE FUNCTION sip_desk_guard_plan_person() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.person_id IS NOT DISTINCT FROM OLD.person_id THEN
        RETURN NEW;
    END IF;
    IF session_user = (SELECT tableowner FROM pg_catalog.pg_tables
                       WHERE tablename = TG_TABLE_NAME AND schemaname = TG_TABLE_SCHEMA) THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM public.plans p
               WHERE p.person_id = NEW.person_id AND p.id <> NEW.id
               AND public.sip_desk_plan_row_visible(p.id, p.unit_id, p.person_id, p.created_by))
       OR (EXISTS (SELECT 1 FROM public.persons pe
                   WHERE pe.id = NEW.person_id AND pe.created_by = session_user)
           AND NOT EXISTS (SELECT 1 FROM public.plans p
                           WHERE p.person_id = NEW.person_id AND p.id <> NEW.id)) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'sip_desk: a plan only for a person you may already see'
        USING ERRCODE = 'insufficient_privilege';
END $$
"""


def install_plan_person_guard(conn: Connection) -> None:
    """Create the guard's function and trigger on ``plans`` (PostgreSQL; nothing elsewhere)."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text(_FUNCTION))
    conn.execute(text("DROP TRIGGER IF EXISTS trg_plans_person_guard ON plans"))
    conn.execute(
        text(
            "CREATE TRIGGER trg_plans_person_guard BEFORE INSERT OR UPDATE OF person_id "
            "ON plans FOR EACH ROW EXECUTE FUNCTION sip_desk_guard_plan_person()"
        )
    )


def remove_plan_person_guard(conn: Connection) -> None:
    """Undo :func:`install_plan_person_guard`."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(text("DROP TRIGGER IF EXISTS trg_plans_person_guard ON plans"))
    conn.execute(text("DROP FUNCTION IF EXISTS sip_desk_guard_plan_person()"))
