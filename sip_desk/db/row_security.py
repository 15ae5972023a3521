"""Row-level security on PostgreSQL: who may see and change which plan.

Each person logs in with their own database role; ``session_user`` is who they are. A role is
a member of units (table ``memberships``). A user sees a plan when

- the plan belongs to one of their units (``plans.unit_id``), or a participant of the plan is
  from one of their units (``participants.unit_id``), unless the person has a protected
  identity; or
- they are named on it: they made it (``plans.created_by``) or a participant is their role
  (``participants.db_role``). This alone opens a protected person's plan.

Everything inside a plan (participants, goals, versions, signatures, …) follows its plan; a
person is seen through a visible plan, or by the role that registered them. A new plan gets
its maker's unit (the lowest-numbered one) when none is given, and must belong to one of the
maker's units. The checks are ``SECURITY DEFINER`` functions, so a policy never reads a table
through another policy. The tables' owner (who runs the migrations) is not bound by them.

The access log and the audit trail have policies of their own (:mod:`sip_desk.db.log_security`):
their rows can be neither changed nor deleted, and are appended through a function.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

MY_UNITS = "(SELECT m.unit_id FROM public.memberships m WHERE m.role_name = session_user)"

PINNED = "SET search_path = pg_catalog, public, pg_temp"
"""Every ``SECURITY DEFINER`` function's search path: a caller's temporary table (``pg_temp``,
searched first unless named) can never stand in for a table the function reads."""

_FUNCTIONS = (
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_plan_row_visible(
        p_id integer, p_unit integer, p_person integer, p_creator text
    ) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {PINNED} AS $$
        SELECT p_creator = session_user
            OR EXISTS (SELECT 1 FROM public.participants pa
                       WHERE pa.plan_id = p_id AND pa.db_role = session_user)
            OR (NOT COALESCE((SELECT pe.protected_identity FROM public.persons pe
                              WHERE pe.id = p_person), false)
                AND (p_unit IN {MY_UNITS}
                     OR EXISTS (SELECT 1 FROM public.participants pa
                                WHERE pa.plan_id = p_id AND pa.unit_id IN {MY_UNITS})))
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_plan_visible(p_id integer)
    RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {PINNED} AS $$
        SELECT COALESCE((SELECT public.sip_desk_plan_row_visible(p.id, p.unit_id, p.person_id,
                                                          p.created_by)
                         FROM public.plans p WHERE p.id = p_id), false)
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_person_visible(p_id integer, p_creator text)
    RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {PINNED} AS $$
        SELECT p_creator = session_user
            OR EXISTS (SELECT 1 FROM public.plans p WHERE p.person_id = p_id
                       AND public.sip_desk_plan_row_visible(p.id, p.unit_id, p.person_id,
                                                            p.created_by))
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_is_member(p_unit integer)
    RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {PINNED} AS $$
        SELECT p_unit IN {MY_UNITS}
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_admin_group()
    RETURNS text LANGUAGE sql STABLE {PINNED} AS $$
        SELECT left(current_database(), 50) || '_admin'
    $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_is_admin()
    RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER {PINNED} AS $$
        SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_roles
                                 WHERE rolname = public.sip_desk_admin_group())
                    THEN pg_has_role(session_user, public.sip_desk_admin_group(), 'MEMBER')
                    ELSE false END
    $$
    """,
    # Who made a plan or registered a person is the database's word, never the client's; a
    # plan's unit is the maker's when none is given, and moves only to one of the mover's units.
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_stamp_person() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            NEW.created_by := session_user;
        ELSE
            NEW.created_by := OLD.created_by;
        END IF;
        RETURN NEW;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_stamp_plan() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
    BEGIN
        IF TG_OP = 'INSERT' THEN
            NEW.created_by := session_user;
            IF NEW.unit_id IS NULL THEN
                NEW.unit_id := (SELECT min(u) FROM {MY_UNITS} AS mine(u));
            END IF;
            RETURN NEW;
        END IF;
        NEW.created_by := OLD.created_by;
        IF NEW.unit_id IS DISTINCT FROM OLD.unit_id
           AND NOT (COALESCE(NEW.unit_id IN {MY_UNITS}, false) OR public.sip_desk_is_admin()
                    OR session_user = (SELECT tableowner FROM pg_catalog.pg_tables
                                       WHERE tablename = TG_TABLE_NAME
                                       AND schemaname = TG_TABLE_SCHEMA)) THEN
            RAISE EXCEPTION 'sip_desk: a plan moves only to one of your units'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END $$
    """,
)

_STAMPED = {"plans": "sip_desk_stamp_plan", "persons": "sip_desk_stamp_person"}

PLAN_CHILDREN = (
    "participants",
    "information_consents",
    "goals",
    "needs",
    "actions",
    "meetings",
    "plan_versions",
    "follow_up_drafts",
    "no_effort_reasons",
    "translations",
)
"""Tables with a ``plan_id``: a row is visible when its plan is."""

GRANDCHILDREN = {
    "action_reviews": ("meetings", "meeting_id"),
    "goal_reviews": ("meetings", "meeting_id"),
    "draft_action_reviews": ("follow_up_drafts", "draft_id"),
    "draft_goal_reviews": ("follow_up_drafts", "draft_id"),
    "signatures": ("plan_versions", "version_id"),
    "version_seals": ("plan_versions", "version_id"),
    "action_goals": ("actions", "action_id"),
    "representatives": ("persons", "person_id"),
}
"""Tables seen through their parent row (itself under a policy): table → (parent, column)."""

PLAN_ROW = "sip_desk_plan_row_visible(id, unit_id, person_id, created_by)"


def _policies() -> list[str]:
    out = [
        f"CREATE POLICY sip_desk_read ON plans FOR SELECT USING ({PLAN_ROW})",
        f"CREATE POLICY sip_desk_add ON plans FOR INSERT WITH CHECK "
        f"(sip_desk_is_member(unit_id) AND {PLAN_ROW})",
        f"CREATE POLICY sip_desk_change ON plans FOR UPDATE USING ({PLAN_ROW}) "
        f"WITH CHECK ({PLAN_ROW})",
        f"CREATE POLICY sip_desk_remove ON plans FOR DELETE USING ({PLAN_ROW})",
        "CREATE POLICY sip_desk_rows ON persons USING "
        "(sip_desk_person_visible(id, created_by)) WITH CHECK (true)",
        "CREATE POLICY sip_desk_own ON memberships FOR SELECT USING "
        "(role_name = session_user OR sip_desk_is_admin())",
        "CREATE POLICY sip_desk_admin ON memberships USING (sip_desk_is_admin()) "
        "WITH CHECK (sip_desk_is_admin())",
    ]
    rule = "sip_desk_plan_visible(plan_id)"
    out += [
        f"CREATE POLICY sip_desk_rows ON {t} USING ({rule}) WITH CHECK ({rule})"
        for t in PLAN_CHILDREN
    ]
    for table, (parent, col) in GRANDCHILDREN.items():
        rule = f"EXISTS (SELECT 1 FROM {parent} x WHERE x.id = {table}.{col})"
        out.append(f"CREATE POLICY sip_desk_rows ON {table} USING ({rule}) WITH CHECK ({rule})")
    return out


def secured_tables() -> tuple[str, ...]:
    """Every table under row-level security."""
    return ("plans", "persons", "memberships", *PLAN_CHILDREN, *GRANDCHILDREN)


def install_functions(conn: Connection) -> None:
    """(Re)create the checks' functions only: policies and triggers keep pointing at them."""
    for statement in _FUNCTIONS:
        conn.execute(text(statement))


def install_row_security(conn: Connection) -> None:
    """Create the functions, triggers and policies (PostgreSQL; nothing elsewhere)."""
    if conn.dialect.name != "postgresql":
        return
    install_functions(conn)
    for table, function in _STAMPED.items():
        conn.execute(text(f"DROP TRIGGER IF EXISTS trg_{table}_stamp_maker ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER trg_{table}_stamp_maker BEFORE INSERT OR UPDATE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
        )
    for table in secured_tables():
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
    for statement in _policies():
        conn.execute(text(statement))


def remove_row_security(conn: Connection) -> None:
    """Undo :func:`install_row_security` (the migration's downgrade)."""
    if conn.dialect.name != "postgresql":
        return
    for table in secured_tables():
        for name in (
            "sip_desk_read",
            "sip_desk_add",
            "sip_desk_change",
            "sip_desk_remove",
            "sip_desk_rows",
            "sip_desk_own",
            "sip_desk_admin",
        ):
            conn.execute(text(f"DROP POLICY IF EXISTS {name} ON {table}"))
        conn.execute(text(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY"))
    for table in _STAMPED:
        conn.execute(text(f"DROP TRIGGER IF EXISTS trg_{table}_stamp_maker ON {table}"))
    for name in (
        "sip_desk_stamp_plan()",
        "sip_desk_stamp_person()",
        "sip_desk_person_visible(integer, text)",
        "sip_desk_plan_visible(integer)",
        "sip_desk_plan_row_visible(integer, integer, integer, text)",
        "sip_desk_is_member(integer)",
        "sip_desk_is_admin()",
        "sip_desk_admin_group()",
    ):
        conn.execute(text(f"DROP FUNCTION IF EXISTS {name}"))
