"""Units, memberships, signing keys and store-wide settings are the administrator's (PostgreSQL).

The outside tester (issue 13) added a unit as an ordinary user, and changed signing keys and
settings through their own connection. Replayed here; each change the administrator makes to
units and memberships leaves a chained audit row. Skipped when SIP_DESK_TEST_PG_URL is unset.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import exc, text

from sip_desk.db.admin_guard import USER_DELETES, USER_INSERTS
from sip_desk.db.chain import first_break
from sip_desk.db.roles import StoreAdmin
from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.errors import StoreError
from sip_desk.services.export_service import OLD_PASSWORD_SETTING
from sip_desk.services.store_identity import STORE_ID_SETTING
from sip_desk.services.store_key import key_id_of, public_text
from tests.db.pg_roles import Cast

pytestmark = pytest.mark.postgres


def _refused(cast: Cast, who: str, sql: str, params: Mapping[str, object] | None = None) -> str:
    with cast.engine(who).connect() as conn, pytest.raises(exc.DBAPIError) as caught:
        conn.execute(text(sql), params or {})
    return str(caught.value)


def test_an_ordinary_user_cannot_add_or_change_units_or_memberships(cast: Cast) -> None:
    with pytest.raises(StoreError) as refused:
        StoreAdmin(cast.db("a")).add_unit("Region Test", "Egen enhet", PrincipalType.REGION)
    assert refused.value.code == "store.denied"
    for sql in (  # adding one (the editor does, as a participant's place is typed) lets no one in
        "UPDATE units SET name = 'Omdöpt'",
        "DELETE FROM units",
        "UPDATE organisations SET name = 'Omdöpt'",
        "INSERT INTO memberships (role_name, unit_id, added_at) "
        "SELECT session_user, id, now() FROM units",
        "UPDATE memberships SET role_name = 'x'",
        "DELETE FROM memberships",
    ):
        assert "permission denied" in _refused(cast, "a", sql), sql


def test_the_administrators_unit_and_membership_changes_are_audited_in_the_chain(
    cast: Cast,
) -> None:
    admin = StoreAdmin(cast.db("admin"))
    unit = admin.add_unit("Socialtjänsten Testkommun", "Barn och unga", PrincipalType.KOMMUN)
    admin.add_member(cast.roles["b"], str(unit))
    admin.remove_member(cast.roles["b"], str(unit))
    with cast.owner.engine.connect() as conn:
        rows = conn.execute(
            text(
                'SELECT "user", action, entity, entity_id, old, new FROM audit_entries '
                "WHERE entity IN ('unit', 'membership') AND entity_id = :u ORDER BY id"
            ),
            {"u": unit},
        ).all()
        _, broken = first_break(conn, "audit_entries")
    who, b = cast.roles["admin"], cast.roles["b"]
    assert [tuple(r) for r in rows] == [
        (who, "create", "unit", unit, None, "Socialtjänsten Testkommun / Barn och unga"),
        (who, "create", "membership", unit, None, b),
        (who, "delete", "membership", unit, b, None),
    ]
    assert broken is None


def _key() -> tuple[str, str]:
    public = Ed25519PrivateKey.generate().public_key()
    return key_id_of(public), public_text(public)


def test_an_ordinary_user_cannot_swap_remove_or_plant_a_signing_key(cast: Cast) -> None:
    key_id, public = _key()
    _, other = _key()
    with cast.owner.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO signing_keys (key_id, public_key, own, added_at) "
                "VALUES (:k, :p, false, now())"
            ),
            {"k": key_id, "p": public},
        )
    planted, _ = _key()
    for sql, params in (
        ("UPDATE signing_keys SET public_key = :p WHERE key_id = :k", {"p": other, "k": key_id}),
        ("UPDATE signing_keys SET key_id = 'x' WHERE key_id = :k", {"k": key_id}),
        ("DELETE FROM signing_keys WHERE key_id = :k", {"k": key_id}),
        (  # a row under a key id its public key does not give (blocks that store's key)
            "INSERT INTO signing_keys (key_id, public_key, own, added_at) "
            "VALUES (:k, :p, false, now())",
            {"k": planted, "p": other},
        ),
    ):
        assert "only the administrator" in _refused(cast, "a", sql, params), sql
    with cast.owner.engine.connect() as conn:
        stored = conn.execute(
            text("SELECT public_key FROM signing_keys WHERE key_id = :k"), {"k": key_id}
        ).scalar_one()
    assert stored == public
    # what the application does: add a key under its own id, mark a key as the store's own
    new_id, new_public = _key()
    with cast.engine("a").connect() as conn:
        conn.execute(
            text(
                "INSERT INTO signing_keys (key_id, public_key, own, added_at) "
                "VALUES (:k, :p, false, now())"
            ),
            {"k": new_id, "p": new_public},
        )
        conn.execute(text("UPDATE signing_keys SET own = true WHERE key_id = :k"), {"k": key_id})
        conn.rollback()
    # and the administrator may change keys
    with cast.engine("admin").connect() as conn:
        conn.execute(text("DELETE FROM signing_keys WHERE key_id = :k"), {"k": key_id})
        conn.rollback()


def test_store_wide_settings_are_the_administrators(cast: Cast) -> None:
    assert (*USER_INSERTS, *USER_DELETES) == (STORE_ID_SETTING, OLD_PASSWORD_SETTING)
    with cast.owner.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO settings (key, value) VALUES ('retention.years', '5'), (:k, 'x')"),
            {"k": OLD_PASSWORD_SETTING},
        )
    for sql in (
        "UPDATE settings SET value = '1' WHERE key = 'retention.years'",
        "DELETE FROM settings WHERE key = 'retention.years'",
        "INSERT INTO settings (key, value) VALUES ('calendar.full_names', 'true')",
        "INSERT INTO settings (key, value) VALUES ('seal.pkcs12_path', '/tmp/mine.p12')",
        "INSERT INTO settings (key, value) VALUES ('print.confidentiality_marking', '')",
    ):
        assert "only the administrator" in _refused(cast, "a", sql), sql
    with pytest.raises(StoreError) as refused:
        cast.services("a").plans.set_retention_years(1)
    assert refused.value.code == "store.denied"
    # what an ordinary user's program does: the calendar's store id, the old password's removal
    with cast.engine("a").begin() as conn:
        conn.execute(
            text("INSERT INTO settings (key, value) VALUES (:k, 'abc')"), {"k": STORE_ID_SETTING}
        )
        conn.execute(text("UPDATE settings SET value = '5' WHERE key = 'retention.years'"))
        conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": OLD_PASSWORD_SETTING})
    cast.services("admin").plans.set_retention_years(7)
    assert cast.services("a").plans.retention_years() == 7


def test_a_user_writes_their_own_display_details_and_no_one_elses(cast: Cast) -> None:
    """The welcome keeps each account's name, unit and organisation in the settings table."""
    mine, theirs = f"account:{cast.roles['a']}", f"account:{cast.roles['b']}"
    with cast.engine("a").begin() as conn:
        conn.execute(
            text('INSERT INTO settings (key, value) VALUES (:k, \'{"name": "Anna"}\')'),
            {"k": mine},
        )
        conn.execute(text("UPDATE settings SET value = '{}' WHERE key = :k"), {"k": mine})
    refused = _refused(
        cast, "a", "INSERT INTO settings (key, value) VALUES (:k, '{}')", {"k": theirs}
    )
    assert "only the administrator" in refused
    assert "only the administrator" in _refused(
        cast, "a", "UPDATE settings SET key = :t WHERE key = :m", {"t": theirs, "m": mine}
    )
