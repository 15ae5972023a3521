"""What only the administrator may change on PostgreSQL: signing keys and store-wide settings.

Every user of a shared store reads ``signing_keys`` and ``settings``; a changed public key makes
every unit's signed plans fail their check (or lets a key be swapped), and a setting applies to
everyone. Triggers (``SECURITY DEFINER``, pinned search path) let the tables' owner and members
of ``<database>_admin`` change anything, and an ordinary user only

- add a signing key whose id is the one its public key gives (first 16 hex digits of SHA-256
  over the raw key, as ``services.store_key.key_id_of``: no row under another key's id), and
  mark a key as the store's own (nothing else of a key, and never remove one);
- add the store's calendar id (:data:`USER_INSERTS`) when there is none, and remove the seal
  password an old build kept in the store (:data:`USER_DELETES`);
- "save" a setting to the value it already has.

Retention, printing, the seal certificate, calendar names and worklist limits are the
administrator's. Nothing on SQLite (the single-user store's user owns the file).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sip_desk.db.row_security import PINNED

USER_INSERTS = ("store.uuid",)
"""Settings keys an ordinary user may add (the calendar's store id, made on first export)."""
USER_DELETES = ("seal.pkcs12_password",)
"""Settings keys an ordinary user may remove (the old plain-text seal password, at start-up)."""
_OWN_ACCOUNT = """
    ARRAY['account:' || session_user,
          'account:#' || encode(sha256(convert_to(session_user, 'UTF8')), 'hex')]
"""
"""The keys of the user's own display details (services/account_settings.py): theirs to write."""

_PRIVILEGED = """
    session_user = (SELECT tableowner FROM pg_catalog.pg_tables
                    WHERE tablename = TG_TABLE_NAME AND schemaname = TG_TABLE_SCHEMA)
    OR public.sip_desk_is_admin()
"""


def _keys(keys: tuple[str, ...]) -> str:
    return ", ".join("'" + k.replace("'", "''") + "'" for k in keys)


_FUNCTIONS = (
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_guard_settings() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
    BEGIN
        IF {_PRIVILEGED}
           OR (TG_OP = 'INSERT' AND NEW.key IN ({_keys(USER_INSERTS)}))
           OR (TG_OP = 'DELETE' AND OLD.key IN ({_keys(USER_DELETES)}))
           OR (TG_OP = 'UPDATE' AND NEW.key = OLD.key AND NEW.value IS NOT DISTINCT FROM OLD.value)
           OR (TG_OP = 'INSERT' AND NEW.key = ANY({_OWN_ACCOUNT}))
           OR (TG_OP = 'UPDATE' AND NEW.key = OLD.key AND NEW.key = ANY({_OWN_ACCOUNT}))
        THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION 'sip_desk: only the administrator changes the setting %',
            CASE WHEN TG_OP = 'DELETE' THEN OLD.key ELSE NEW.key END
            USING ERRCODE = 'insufficient_privilege';
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION sip_desk_guard_signing_keys() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER {PINNED} AS $$
    BEGIN
        IF {_PRIVILEGED} THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'INSERT' AND NEW.key_id = left(encode(sha256(
                decode(NEW.public_key, 'base64')), 'hex'), 16) THEN
            RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.key_id = OLD.key_id AND NEW.public_key = OLD.public_key
           AND NEW.added_at = OLD.added_at AND (NEW.own = OLD.own OR NEW.own) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'sip_desk: only the administrator changes or removes signing keys'
            USING ERRCODE = 'insufficient_privilege';
    END $$
    """,
)

_GUARDED = {"settings": "sip_desk_guard_settings", "signing_keys": "sip_desk_guard_signing_keys"}


def install_admin_guard(conn: Connection) -> None:
    """Create the functions and triggers (PostgreSQL; nothing elsewhere)."""
    if conn.dialect.name != "postgresql":
        return
    for statement in _FUNCTIONS:
        conn.execute(text(statement))
    for table, function in _GUARDED.items():
        conn.execute(text(f"DROP TRIGGER IF EXISTS trg_{table}_admin_only ON {table}"))
        conn.execute(
            text(
                f"CREATE TRIGGER trg_{table}_admin_only BEFORE INSERT OR UPDATE OR DELETE "
                f"ON {table} FOR EACH ROW EXECUTE FUNCTION {function}()"
            )
        )


def remove_admin_guard(conn: Connection) -> None:
    """Undo :func:`install_admin_guard`."""
    if conn.dialect.name != "postgresql":
        return
    for table, function in _GUARDED.items():
        conn.execute(text(f"DROP TRIGGER IF EXISTS trg_{table}_admin_only ON {table}"))
        conn.execute(text(f"DROP FUNCTION IF EXISTS {function}()"))
