"""PostgreSQL hardening (issue 13's outside test): nothing a caller brings replaces a table.

A function's unqualified names are looked up in the caller's temporary schema first unless
``pg_temp`` is named in its search path. Every ``sip_desk_*`` function (``SECURITY DEFINER`` or
trigger) therefore gets ``search_path = pg_catalog, public, pg_temp``, ``pg_temp`` last, on top
of naming its tables with their schema. :func:`install_hardening` runs last when a store is made
or upgraded (migration ``0013``); functions added later by others are pinned by it too.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from sip_desk.db.admin_guard import install_admin_guard, remove_admin_guard
from sip_desk.db.identity_guard import install_identity_guard, remove_identity_guard
from sip_desk.db.log_chain_guard import install_log_chain_guard, remove_log_chain_guard
from sip_desk.db.row_security import PINNED

SCHEMA = "public"

_FUNCTIONS_OF_THE_APP = """
SELECT p.oid::regprocedure::text
FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = :schema AND (p.prosecdef OR p.proname LIKE 'sip\\_desk\\_%')
"""


def app_functions(conn: Connection) -> list[str]:
    """Every ``SECURITY DEFINER`` or ``sip_desk_*`` function of the store's schema."""
    rows = conn.execute(text(_FUNCTIONS_OF_THE_APP), {"schema": SCHEMA}).scalars()
    return sorted(str(r) for r in rows)


def pin_functions(conn: Connection) -> None:
    """Give every function of :func:`app_functions` the pinned search path."""
    if conn.dialect.name != "postgresql":
        return
    for signature in app_functions(conn):
        conn.execute(text(f"ALTER FUNCTION {signature} {PINNED}"))


def install_hardening(conn: Connection) -> None:
    """Install every guard of this module's siblings, then pin all functions (PostgreSQL)."""
    if conn.dialect.name != "postgresql":
        return
    install_log_chain_guard(conn)
    install_admin_guard(conn)
    install_identity_guard(conn)
    pin_functions(conn)


def remove_hardening(conn: Connection) -> None:
    """Undo :func:`install_hardening` (the search paths stay pinned: they only close holes)."""
    if conn.dialect.name != "postgresql":
        return
    remove_log_chain_guard(conn)
    remove_admin_guard(conn)
    remove_identity_guard(conn)
