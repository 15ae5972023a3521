"""The keys one service context works with: its own store key, and other stores' public keys.

The store's key is made the first time the store is opened without one (a new store, or a store
from before keys existed). Only at that moment are the signed versions already in the store
sealed (``on_upgrade``): an unsealed version found later was not signed here and stays unsealed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sip_desk.db.models import PlanVersion, SigningKey
from sip_desk.domain.enums import VersionState
from sip_desk.domain.errors import DomainError
from sip_desk.domain.verification import KeyOrigin, KeyVerdict, Problem
from sip_desk.services.context import ServiceContext
from sip_desk.services.store_key import (
    StoreKey,
    create_key,
    key_id_of,
    key_location,
    public_from_text,
    public_text,
    read_key,
    too_open,
    verify_signature,
)
from sip_desk.services.version_seal import intact, seal_version

log = logging.getLogger(__name__)


@dataclass
class KeyTable:
    """The keys a check may use, read once per unit of work (a :class:`KeyView`)."""

    own: Ed25519PublicKey | None
    own_recorded: str | None
    others: dict[str, Ed25519PublicKey]
    trusted: dict[str, Ed25519PublicKey] = field(default_factory=dict)

    def _key(self, key_id: str) -> tuple[Ed25519PublicKey | None, KeyVerdict]:
        if key_id in self.trusted:
            return self.trusted[key_id], KeyVerdict.VALID
        if self.own is not None and key_id == key_id_of(self.own):
            return self.own, KeyVerdict.VALID
        if key_id == self.own_recorded:
            return None, KeyVerdict.MISMATCH if self.own is not None else KeyVerdict.FILE_MISSING
        if key_id in self.others:
            return self.others[key_id], KeyVerdict.VALID
        return None, KeyVerdict.UNKNOWN

    def verify(self, key_id: str, message: bytes, signature: str) -> KeyVerdict:
        """What key ``key_id`` says about ``signature`` over ``message``."""
        public, verdict = self._key(key_id)
        if public is None:
            return verdict
        return (
            KeyVerdict.VALID if verify_signature(public, message, signature) else KeyVerdict.INVALID
        )

    def origin(self, key_id: str) -> tuple[KeyOrigin, bool]:
        """Whose key ``key_id`` is, and whether it is trusted."""
        file_id = key_id_of(self.own) if self.own is not None else None
        origin = KeyOrigin.OWN if key_id in {file_id, self.own_recorded} else KeyOrigin.OTHER
        return origin, key_id in self.trusted or key_id == file_id


class KeyRing:
    """This store's key (made on first need) and the public keys it knows."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._own: StoreKey | None = None
        self.notes: list[Problem] = []
        """Warnings about how the own key was found for checks (each once)."""

    def _note(self, problem: Problem) -> None:
        if all((p.code, p.params) != (problem.code, problem.params) for p in self.notes):
            self.notes.append(problem)

    @property
    def location(self) -> Path | None:
        """Where the store's key file is (or will be made)."""
        return key_location(self._ctx.db, self._ctx.key_path)

    def own(self) -> StoreKey:
        """The store's key, made (and the older signed versions sealed) when it has none.

        ``key.missing`` when the store has a key but its file is not here.
        """
        if self._own is None:
            self._own = self._load_or_create()
        return self._own

    def _load_or_create(self) -> StoreKey:
        ctx, path = self._ctx, self.location
        if path is None:
            raise DomainError("key.not_configured", store=str(ctx.db.engine.url))
        with ctx.db.read() as s:
            recorded = _own_row(s)
        if path.exists():
            key = read_key(path)
            if recorded is not None and recorded.key_id != key.key_id:
                raise DomainError(
                    "key.mismatch", path=str(path), found=key.key_id, key=recorded.key_id
                )
            if recorded is None:
                with ctx.db.write() as s:
                    _record(s, key, ctx.clock.now())
            return key
        if recorded is not None:
            raise DomainError("key.missing", path=str(path), key=recorded.key_id)
        return self._create(path)

    def _create(self, path: Path) -> StoreKey:
        ctx = self._ctx
        try:
            key = create_key(path)
        except FileExistsError:  # another program made it just now
            return read_key(path)
        try:
            with ctx.db.write() as s:
                if _own_row(s) is not None:
                    raise DomainError("key.mismatch", path=str(path), found=key.key_id, key="?")
                now = ctx.clock.now()
                _record(s, key, now)
                count = _seal_older_versions(s, key, now)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        log.info("made signing key %s at %s; sealed %d older versions", key.key_id, path, count)
        return key

    def table(
        self, session: Session, trusted: dict[str, Ed25519PublicKey] | None = None
    ) -> KeyTable:
        """The (public) keys for checks in ``session``: own and recorded ones.

        The own key comes from its key file when that is here (a file others may read is used,
        and noted in :attr:`notes`), else as recorded in the store (noted too: whoever can
        write the store can replace that record).
        """
        own: Ed25519PublicKey | None = self._own.public if self._own else None
        path = self.location
        recorded = _own_row(session)
        if own is None and path is not None and path.exists():
            own = read_key(path, any_mode=True).public
            if too_open(path):
                self._note(Problem("key.too_open_checked", path=str(path)))
        if own is None and recorded is not None:
            own = public_from_text(recorded.public_key)
            if own is not None and key_id_of(own) != recorded.key_id:
                own = None
            if own is not None:
                self._note(Problem("key.checked_with_recorded", key=recorded.key_id))
        others: dict[str, Ed25519PublicKey] = {}
        for row in session.scalars(select(SigningKey).where(SigningKey.own.is_(False))):
            public = public_from_text(row.public_key)
            if public is not None and key_id_of(public) == row.key_id:
                others[row.key_id] = public
        return KeyTable(
            own=own,
            own_recorded=recorded.key_id if recorded else None,
            others=others,
            trusted=dict(trusted or {}),
        )


def _own_row(session: Session) -> SigningKey | None:
    return session.scalars(select(SigningKey).where(SigningKey.own.is_(True))).first()


def _record(session: Session, key: StoreKey, now: datetime) -> None:
    row = session.get(SigningKey, key.key_id)
    if row is None:
        row = SigningKey(key_id=key.key_id, public_key=public_text(key.public), added_at=now)
        session.add(row)
    row.own = True


def _seal_older_versions(session: Session, key: StoreKey, now: datetime) -> int:
    """Seal every intact signed version that has no seal yet (versions from before keys)."""
    rows = session.scalars(
        select(PlanVersion)
        .where(PlanVersion.state == VersionState.SIGNED, ~PlanVersion.seal.has())
        .options(selectinload(PlanVersion.signatures))
        .order_by(PlanVersion.plan_id, PlanVersion.number)
    ).all()
    count = 0
    for row in rows:
        if intact(row):
            row.seal = seal_version(row, key, now, on_upgrade=True)
            count += 1
        else:
            log.warning("plan %s version %s is damaged and left unsealed", row.plan_id, row.number)
    return count
