"""Units and the database roles that are members of them (a shared PostgreSQL store)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sip_desk.domain.errors import DomainError

_ROLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


def checked_role(name: str) -> str:
    """``name`` if it is a usable database role name (letters, digits, ``_.@-``; ≤ 63)."""
    if not _ROLE.match(name):
        raise DomainError("admin.bad_role", role=name)
    return name


@dataclass(frozen=True, kw_only=True)
class UnitInfo:
    """A unit of an organisation taking part, with how many roles are its members."""

    id: int
    organisation: str
    name: str
    members: int
    plans: int


@dataclass(frozen=True, kw_only=True)
class MemberInfo:
    """A database role's membership of one unit."""

    role: str
    unit_id: int
    unit: str
    organisation: str


@dataclass(frozen=True, kw_only=True)
class Identity:
    """Who the store says the user is (``session_user``) and the units they belong to."""

    user: str
    units: tuple[str, ...]
    admin: bool = False
