"""Who reads which rows of the access log and the audit trail on PostgreSQL, and how they grow.

Row-level security on both logs (:data:`POLICIES`):

- ``access_log``: an ordinary user sees their own rows only (what they themselves read). Who
  else looked at a person is for the log reviewer, not for colleagues.
- ``audit_entries``: a row shows when its plan is visible to the user (the plans policy of
  :mod:`sip_desk.db.row_security`); a row of no plan when its person is; a row of neither
  plan nor person to its writer.
- A member of the store's ``<database>_log_review`` group (and the tables' owner) sees every
  row: the review HSLF-FS 2016:40 ch. 4 § 9 asks for. Managing memberships (``_admin``) does
  not by itself open the logs.

An ordinary user cannot read the hash columns (``prev_hash``, ``row_hash``: column grants in
:func:`log_grants`), nor insert into the logs. Rows are appended only by
:func:`sip_desk_log_append`, a ``SECURITY DEFINER`` function owned by the tables' owner that
takes the chain's lock, reads the previous row's hash and numbers and hashes the new rows inside
the database. :func:`sip_desk_log_check` walks a whole log for anyone allowed to call it and
returns a verdict only: rows read, the first broken row (id and kind), the row count, and the
newest hash for a log reviewer (empty for everyone else). The hash is the one of
:func:`sip_desk.db.chain.row_hash`, computed in SQL (:data:`_HASH`); rows written by either
side verify on the other.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sip_desk.db.chain import ACCESS_LOG, AUDIT_TRAIL, GENESIS, ChainedTable

LOG_TABLES = (ACCESS_LOG, AUDIT_TRAIL)
REVIEWER_SUFFIX = "_log_review"
APPEND = "sip_desk_log_append(text, jsonb)"
CHECK = "sip_desk_log_check(text)"
_HASH_SIGNATURE = "sip_desk_log_hash(text, timestamp with time zone, jsonb, text[])"
_PRIVATE = (APPEND, CHECK, _HASH_SIGNATURE)
"""Not callable by PUBLIC: EXECUTE on :data:`APPEND` and :data:`CHECK` goes to the users group."""


def _fields(spec: ChainedTable) -> str:
    return "ARRAY[" + ", ".join(f"'{f}'" for f in spec.fields) + "]"


def _spec_case() -> str:
    """plpgsql: set ``v_fields`` and ``v_key`` for ``p_table``, or refuse an unknown log."""
    branches = [
        f"{'IF' if i == 0 else 'ELSIF'} p_table = '{spec.name}' THEN "
        f"v_fields := {_fields(spec)}; v_key := {spec.lock_key};"
        for i, spec in enumerate(LOG_TABLES)
    ]
    return (
        "\n".join(branches)
        + "\nELSE RAISE EXCEPTION 'sip_desk: no log %', p_table "
        + "USING ERRCODE = 'invalid_parameter_value'; END IF;"
    )


# json.dumps([prev, *values], ensure_ascii=False, separators=(",", ":")): to_json escapes a
# text as Python's json does (\" \\ \b \f \n \r \t, other control characters as \u00xx).
_HASH = r"""
CREATE OR REPLACE FUNCTION sip_desk_log_hash(
    p_prev text, p_at timestamptz, p_row jsonb, p_fields text[]
) RETURNS text LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
    SELECT encode(sha256(convert_to(
        '[' || to_json(p_prev)::text || ',' || string_agg(
            CASE
                WHEN u.f = 'at' THEN '"' || to_char(p_at AT TIME ZONE 'UTC',
                                                    'YYYY-MM-DD"T"HH24:MI:SS.US') || '+00:00"'
                WHEN jsonb_typeof(p_row -> u.f) IS NULL
                     OR jsonb_typeof(p_row -> u.f) = 'null' THEN 'null'
                WHEN jsonb_typeof(p_row -> u.f) = 'number' THEN p_row ->> u.f
                ELSE to_json(p_row ->> u.f)::text
            END, ',' ORDER BY u.n) || ']', 'UTF8')), 'hex')
    FROM unnest(p_fields) WITH ORDINALITY AS u(f, n)
$$
"""

_IS_REVIEWER = f"""
CREATE OR REPLACE FUNCTION sip_desk_is_log_reviewer()
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT COALESCE(session_user = (SELECT tableowner FROM pg_catalog.pg_tables
                                    WHERE tablename = 'access_log' AND schemaname = 'public'),
                    false)
        OR COALESCE((SELECT pg_has_role(session_user, r.oid, 'MEMBER') FROM pg_roles r
                     WHERE r.rolname = left(current_database(), 50) || '{REVIEWER_SUFFIX}'),
                    false)
$$
"""

_PERSON_VISIBLE = """
CREATE OR REPLACE FUNCTION sip_desk_person_id_visible(p_id integer)
RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT COALESCE((SELECT sip_desk_person_visible(pe.id, pe.created_by)
                     FROM persons pe WHERE pe.id = p_id), false)
$$
"""

_APPEND = f"""
CREATE OR REPLACE FUNCTION sip_desk_log_append(p_table text, p_rows jsonb)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_fields text[];
    v_key bigint;
    v_id bigint;
    v_prev text;
    v_row jsonb;
    v_at timestamptz;
    v_hash text;
    v_owner boolean;
BEGIN
    {_spec_case()}
    PERFORM pg_advisory_xact_lock(v_key);
    EXECUTE format('SELECT id, row_hash FROM %I ORDER BY id DESC LIMIT 1', p_table)
        INTO v_id, v_prev;
    v_id := COALESCE(v_id, 0);
    v_prev := COALESCE(NULLIF(v_prev, ''), '{GENESIS}');
    -- 'public', not current_schema(): under the pinned search path that is pg_catalog
    v_owner := COALESCE(session_user = (SELECT tableowner FROM pg_catalog.pg_tables
                                        WHERE tablename = p_table AND schemaname = 'public'),
                        false);
    FOR v_row IN SELECT value FROM jsonb_array_elements(p_rows) LOOP
        v_id := v_id + 1;
        v_at := (v_row ->> 'at')::timestamptz;
        v_row := v_row || jsonb_build_object('id', v_id);
        IF NOT v_owner THEN  -- the writer is the database's word (as db.log_guard stamps it)
            v_row := v_row || jsonb_build_object('user', session_user);
        END IF;
        v_hash := sip_desk_log_hash(v_prev, v_at, v_row, v_fields);
        v_row := v_row || jsonb_build_object('prev_hash', v_prev, 'row_hash', v_hash);
        EXECUTE format('INSERT INTO %I SELECT (jsonb_populate_record(NULL::%I, $1)).*',
                       p_table, p_table) USING v_row;
        v_prev := v_hash;
    END LOOP;
    RETURN jsonb_array_length(p_rows);
END $$
"""

_CHECK = f"""
CREATE OR REPLACE FUNCTION sip_desk_log_check(p_table text)
RETURNS TABLE (rows_read bigint, break_id bigint, break_kind text, row_count bigint,
               tail_hash text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_fields text[];
    v_key bigint;
    v_prev text := '{GENESIS}';
    v_read bigint := 0;
    v_count bigint;
    v_tail text;
    r record;
BEGIN
    {_spec_case()}
    EXECUTE format('SELECT count(*) FROM %I', p_table) INTO v_count;
    EXECUTE format('SELECT row_hash FROM %I ORDER BY id DESC LIMIT 1', p_table) INTO v_tail;
    IF NOT COALESCE(sip_desk_is_log_reviewer(), false) THEN
        v_tail := NULL;
    ELSE
        v_tail := COALESCE(NULLIF(v_tail, ''), '{GENESIS}');
    END IF;
    FOR r IN EXECUTE format('SELECT * FROM %I ORDER BY id', p_table) LOOP
        v_read := v_read + 1;
        IF COALESCE(r.row_hash, '') = '' OR COALESCE(r.prev_hash, '') = '' THEN
            RETURN QUERY SELECT v_read, r.id::bigint, 'unchained'::text, v_count, v_tail;
            RETURN;
        END IF;
        IF sip_desk_log_hash(r.prev_hash, r.at, to_jsonb(r), v_fields) <> r.row_hash THEN
            RETURN QUERY SELECT v_read, r.id::bigint, 'altered'::text, v_count, v_tail;
            RETURN;
        END IF;
        IF r.prev_hash <> v_prev THEN
            RETURN QUERY SELECT v_read, r.id::bigint, 'missing'::text, v_count, v_tail;
            RETURN;
        END IF;
        v_prev := r.row_hash;
    END LOOP;
    RETURN QUERY SELECT v_read, NULL::bigint, NULL::text, v_count, v_tail;
END $$
"""

_REVIEWER = "(SELECT sip_desk_is_log_reviewer())"  # once per statement, not per row
POLICIES = (
    f'CREATE POLICY sip_desk_read ON access_log FOR SELECT USING ("user" = session_user '
    f"OR {_REVIEWER})",
    f"CREATE POLICY sip_desk_read ON audit_entries FOR SELECT USING ({_REVIEWER} "
    "OR (plan_id IS NOT NULL AND sip_desk_plan_visible(plan_id)) "
    "OR (plan_id IS NULL AND person_id IS NOT NULL AND sip_desk_person_id_visible(person_id)) "
    'OR (plan_id IS NULL AND person_id IS NULL AND "user" = session_user))',
)
_FUNCTIONS = (_HASH, _IS_REVIEWER, _PERSON_VISIBLE, _APPEND, _CHECK)
_DROPPED = (
    APPEND,
    CHECK,
    _HASH_SIGNATURE,
    "sip_desk_person_id_visible(integer)",
    "sip_desk_is_log_reviewer()",
)


def log_columns(spec: ChainedTable) -> str:
    """The columns of a log an ordinary user may read: every one but the hashes."""
    return ", ".join(f'"{f}"' for f in spec.fields)


def log_grants(users: str, reviewers: str | None) -> list[str]:
    """Rights on the logs (names quoted already).

    Users read their visible rows without the hashes and append through :data:`APPEND` only;
    reviewers (when the group exists) read every row and column.
    """
    out: list[str] = []
    for spec in LOG_TABLES:
        out += [
            f"REVOKE ALL ON {spec.name} FROM {users}",
            f"GRANT SELECT ({log_columns(spec)}) ON {spec.name} TO {users}",
        ]
        if reviewers is not None:
            out.append(f"GRANT SELECT ON {spec.name} TO {reviewers}")
    out.append(f"GRANT EXECUTE ON FUNCTION {APPEND}, {CHECK} TO {users}")
    return out


def _groups(conn: Connection) -> tuple[str | None, str | None]:
    """This store's users and reviewer group roles, where they exist (quoted)."""
    base = str(conn.execute(text("SELECT left(current_database(), 50)")).scalar_one())
    prep = conn.dialect.identifier_preparer
    found = []
    for name in (base + "_users", base + REVIEWER_SUFFIX):
        exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name})
        found.append(prep.quote_identifier(name) if exists.scalar() else None)
    return found[0], found[1]


def pin_search_paths(conn: Connection) -> int:
    """Give every ``sip_desk_*`` function of the schema the search path ``<schema>, pg_temp``.

    ``SET search_path FROM CURRENT`` leaves ``pg_temp`` out, and a schema left out is searched
    *first* for tables: a user's own temporary ``participants`` (granted to PUBLIC) would stand
    in for the store's inside a ``SECURITY DEFINER`` check and open any plan to them. Naming
    ``pg_temp`` last closes that. Returns how many functions were pinned.
    """
    schema = str(conn.execute(text("SELECT current_schema()")).scalar_one())
    path = conn.dialect.identifier_preparer.quote_identifier(schema)
    functions = conn.execute(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p "
            "JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = current_schema() AND p.proname LIKE 'sip\\_desk\\_%'"
        )
    ).scalars()
    pinned = 0
    for function in functions:
        conn.execute(text(f"ALTER FUNCTION {function} SET search_path = {path}, pg_temp"))
        pinned += 1
    return pinned


def install_log_security(conn: Connection) -> None:
    """Create the functions and policies; regrant an existing users group (PostgreSQL only).

    Also pins the search path of every function of the store (:func:`pin_search_paths`).
    """
    if conn.dialect.name != "postgresql":
        return
    for statement in _FUNCTIONS:
        conn.execute(text(statement))
    pin_search_paths(conn)
    for function in _PRIVATE:
        conn.execute(text(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
    for spec in LOG_TABLES:
        conn.execute(text(f"DROP POLICY IF EXISTS sip_desk_read ON {spec.name}"))
        conn.execute(text(f"ALTER TABLE {spec.name} ENABLE ROW LEVEL SECURITY"))
    for statement in POLICIES:
        conn.execute(text(statement))
    users, reviewers = _groups(conn)
    if users is not None:  # a store set up before this revision (``sip-desk admin setup``)
        for statement in log_grants(users, reviewers):
            conn.execute(text(statement))


def remove_log_security(conn: Connection) -> None:
    """Undo :func:`install_log_security` (the users group reads and inserts again)."""
    if conn.dialect.name != "postgresql":
        return
    for spec in LOG_TABLES:
        conn.execute(text(f"DROP POLICY IF EXISTS sip_desk_read ON {spec.name}"))
        conn.execute(text(f"ALTER TABLE {spec.name} DISABLE ROW LEVEL SECURITY"))
    users, _reviewers = _groups(conn)
    if users is not None:
        for spec in LOG_TABLES:
            conn.execute(text(f"REVOKE ALL ON {spec.name} FROM {users}"))
            conn.execute(text(f"GRANT SELECT, INSERT ON {spec.name} TO {users}"))
    for function in _DROPPED:
        conn.execute(text(f"DROP FUNCTION IF EXISTS {function}"))
