"""Per-account settings kept in the store: the user's display details and the first-run flag.

The acting account (``ServiceContext.user``: the operating-system account on SQLite, the
database's ``session_user`` on PostgreSQL) stays the identity in the audit trail and the access
log. What the user says about themselves (name, role, unit, organisation) is kept beside it in
the ``settings`` table, one JSON row per account, and only ever written for the acting account.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from sip_desk.db.backups import KEEP_DAILY, KEEP_WEEKLY, backup_folder
from sip_desk.db.models import Setting
from sip_desk.domain.account import AccountDetails, StorePlace
from sip_desk.domain.enums import AuditAction, PrincipalType
from sip_desk.domain.errors import ValidationError, ValidationErrors
from sip_desk.domain.validation import NAME_MAX
from sip_desk.services.context import ServiceContext

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sip_desk.db.models import Plan
    from sip_desk.services.audit import AuditLog

PREFIX = "account:"
KEY_MAX = 100  # the settings table's key column
_FIELDS = ("name", "role", "unit", "organisation")


def account_key(account: str) -> str:
    """The settings key of ``account`` (a digest for a name too long for the key column)."""
    key = PREFIX + account
    if len(key) <= KEY_MAX:
        return key
    return PREFIX + "#" + hashlib.sha256(account.encode("utf-8")).hexdigest()


def _stored(conn: Connection, account: str) -> dict[str, Any]:
    value = conn.execute(
        select(Setting.value).where(Setting.key == account_key(account))
    ).scalar_one_or_none()
    return _parsed(value)


def _parsed(value: str | None) -> dict[str, Any]:
    try:
        found = json.loads(value) if value else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _details(stored: dict[str, Any]) -> AccountDetails:
    texts = {f: str(stored.get(f) or "") for f in _FIELDS}
    try:
        principal = PrincipalType(str(stored.get("principal") or PrincipalType.KOMMUN.value))
    except ValueError:
        principal = PrincipalType.KOMMUN
    return AccountDetails(**texts, principal=principal)


def details_of(conn: Connection, account: str) -> AccountDetails:
    """The display details ``account`` gave (empty when none), read in ``conn``."""
    return _details(_stored(conn, account))


def _checked(details: AccountDetails) -> AccountDetails:
    cleaned = {f: " ".join(getattr(details, f).split()) for f in _FIELDS}
    errors = [
        ValidationError(f"participant.{f}", "validation.too_long", max=NAME_MAX)
        for f, value in cleaned.items()
        if len(value) > NAME_MAX
    ]
    if errors:
        raise ValidationErrors(errors)
    return AccountDetails(**cleaned, principal=PrincipalType(details.principal))


class AccountSettingsService:
    """The acting account's display details and whether it has seen the welcome."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    @property
    def account(self) -> str:
        """The acting account: the identity the logs record."""
        return self._ctx.user.user

    def details(self) -> AccountDetails:
        """The acting account's display details (empty fields when none were given)."""
        with self._ctx.db.read_connection() as conn:
            return details_of(conn, self.account)

    def save_details(self, details: AccountDetails) -> AccountDetails:
        """Store the acting account's display details (spaces tidied); returns what is stored.

        Raises:
            ValidationErrors: a text longer than 200 characters.
        """
        checked = _checked(details)
        self._update({**{f: getattr(checked, f) for f in _FIELDS}, "principal": checked.principal})
        return checked

    def welcome_done(self) -> bool:
        """True once the acting account has completed the welcome in this store."""
        with self._ctx.db.read_connection() as conn:
            return bool(_stored(conn, self.account).get("welcome_done"))

    def mark_welcome_done(self) -> None:
        """Remember that the acting account completed the welcome (it is not shown again)."""
        self._update({"welcome_done": True})

    def display_names(self) -> dict[str, str]:
        """Every account that gave details → its label (name, unit, organisation)."""
        like = PREFIX.replace("_", r"\_") + "%"
        with self._ctx.db.read_connection() as conn:
            rows = conn.execute(
                select(Setting.value).where(Setting.key.like(like, escape="\\"))
            ).scalars()
            found = [_parsed(value) for value in rows]
        names = {str(s.get("account", "")): _details(s).label for s in found}
        return {account: label for account, label in names.items() if account and label}

    def store_place(self) -> StorePlace:
        """Where the store lives and where its daily backups go."""
        db = self._ctx.db
        if db.path is not None:
            path = db.path.expanduser().absolute()
            return StorePlace(
                path=str(path),
                backups=str(backup_folder(path)),
                keep_daily=KEEP_DAILY,
                keep_weekly=KEEP_WEEKLY,
            )
        url = db.engine.url.render_as_string(hide_password=True)
        return StorePlace(server=re.sub(r":\*\*\*@", "@", url))

    def _update(self, values: dict[str, Any]) -> None:
        key = account_key(self.account)
        with self._ctx.db.write() as s:
            row = s.get(Setting, key)
            stored = _parsed(row.value if row is not None else None)
            stored.update(values, account=self.account)
            s.merge(Setting(key=key, value=json.dumps(stored, ensure_ascii=False, sort_keys=True)))


def add_own_row(s: Session, plan: Plan, log: AuditLog) -> None:
    """Start a new plan's participants with the caseworker's own row, from their details.

    Nothing is added when the acting account gave no name.
    """
    from sip_desk.db import repositories as repo
    from sip_desk.db.models import Participant

    details = details_of(s.connection(), log.user.user)
    if not details.name:
        return
    org = repo.organisation(s, details.organisation, details.principal)
    unit = repo.unit(s, org, details.unit)
    row = Participant(name=details.name, role=details.role, organisation=org, unit=unit, position=0)
    plan.participants.append(row)
    s.flush()
    log.record(AuditAction.CREATE, "participant", row.id, new=details.name)
