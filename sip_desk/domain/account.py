"""Who the user is, in their own words: the display details of an account.

The account (the operating-system account on SQLite, the database role on PostgreSQL) is the
identity the logs record. These details are only shown beside it, and fill in the caseworker's
own row of a new plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from sip_desk.domain.enums import PrincipalType

MAX_DETAIL = 200


@dataclass(frozen=True, kw_only=True)
class AccountDetails:
    """The name, professional role, unit and organisation an account's user gave."""

    name: str = ""
    role: str = ""
    unit: str = ""
    organisation: str = ""
    principal: PrincipalType = PrincipalType.KOMMUN

    @property
    def label(self) -> str:
        """The name, then unit and organisation, comma-separated ("" when none is given)."""
        return ", ".join(part for part in (self.name, self.unit, self.organisation) if part)


@dataclass(frozen=True, kw_only=True)
class StorePlace:
    """Where the store lives, and where its automatic backups go.

    ``path`` and ``backups`` are set for an SQLite file; ``server`` (the URL without the
    password) for a database server, whose administrator backs it up.
    """

    path: str = ""
    backups: str = ""
    server: str = ""
    keep_daily: int = 0
    keep_weekly: int = 0
