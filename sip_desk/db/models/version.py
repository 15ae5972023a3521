"""Plan versions (immutable once signed), their signatures and seals, and the signing keys."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sip_desk.db.base import Base, enum_column, owned, owner_id, utcnow
from sip_desk.domain.enums import SignatureMethod, VersionState

if TYPE_CHECKING:
    from sip_desk.db.models.plan import Plan


class PlanVersion(Base):
    """A numbered version of a plan.

    A signed version holds ``snapshot`` (canonical JSON of the plan as signed) and ``content_hash``
    (SHA-256 over the snapshot and ``previous_hash``), chaining the versions; its
    :class:`VersionSeal` covers the hash and the signatures with the store key's signature.
    """

    __tablename__ = "plan_versions"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = owner_id("plans")
    number: Mapped[int]
    state: Mapped[VersionState] = mapped_column(
        enum_column(VersionState), default=VersionState.DRAFT
    )
    snapshot: Mapped[str | None]
    content_hash: Mapped[str | None] = mapped_column(String(64))
    previous_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    signed_at: Mapped[datetime | None]

    plan: Mapped[Plan] = relationship(back_populates="versions")
    signatures: Mapped[list[Signature]] = owned("Signature.position", "version")
    seal: Mapped[VersionSeal | None] = owned(back_populates="version")


class Signature(Base):
    """A signature on a plan version: drawn in the app, or signed on paper.

    A signature added after the version was sealed (a late paper signature) carries its own key
    signature (``key_id``, ``key_signature``) over the signature chain up to and including it.
    """

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = owner_id("plan_versions")
    position: Mapped[int] = mapped_column(default=0)
    signer_name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(default="")
    role: Mapped[str] = mapped_column(default="")
    is_person: Mapped[bool] = mapped_column(default=False)
    method: Mapped[SignatureMethod] = mapped_column(enum_column(SignatureMethod))
    signed_on: Mapped[date]
    image_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_id: Mapped[str | None] = mapped_column(String(64))
    key_signature: Mapped[str | None] = mapped_column(String(100))

    version: Mapped[PlanVersion] = relationship(back_populates="signatures")


class VersionSeal(Base):
    """The store key's signature over a signed version (written once, never changed).

    ``signatures_hash`` chains the signatures made at signing to the version's content hash;
    ``key_signature`` (Ed25519, base64) signs the key id, the content hash, that chain and the
    digest of the address-free snapshot. ``on_upgrade`` marks versions signed before stores had
    keys, sealed when the key was made.
    """

    __tablename__ = "version_seals"

    version_id: Mapped[int] = mapped_column(
        ForeignKey("plan_versions.id", ondelete="CASCADE"), primary_key=True
    )
    signatures_hash: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(String(64))
    key_signature: Mapped[str] = mapped_column(String(100))
    sealed_at: Mapped[datetime]
    on_upgrade: Mapped[bool] = mapped_column(default=False)

    version: Mapped[PlanVersion] = relationship(back_populates="seal")


class SigningKey(Base):
    """A public signing key: the store's own, or another store's met in an import file.

    The own key's public half is recorded to notice a store opened with the wrong key file; it
    is never trusted from here (the key file is).
    """

    __tablename__ = "signing_keys"

    key_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(100))
    own: Mapped[bool] = mapped_column(default=False)
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
