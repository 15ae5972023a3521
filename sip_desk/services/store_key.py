"""The store's Ed25519 signing key: where its file lives, making it, reading it, signing with it.

The private key never enters the database. For an SQLite store it is a PEM file beside the store
(``sip_desk.sqlite.key``), created readable by its owner only (mode 0600). The environment
variable ``SIP_DESK_SIGNING_KEY`` names the key file instead; a PostgreSQL store without it uses
``keys/<host>-<port>-<database>.key`` in the user's data folder. Every installation that signs
in a shared PostgreSQL store needs the same key file (see SECURITY.md).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sip_desk.db.engine import Database
from sip_desk.domain.errors import DomainError
from sip_desk.paths import make_folders

ENV_KEY = "SIP_DESK_SIGNING_KEY"
KEY_SUFFIX = ".key"  # db.store_files.KEY_BESIDE: checked with the store
KEY_ID_HEX = 16


def key_location(db: Database, configured: Path | None = None) -> Path | None:
    """Where the store's key file is: ``configured``, ``$SIP_DESK_SIGNING_KEY``, or the default."""
    if configured is not None:
        return configured.expanduser()
    env = os.environ.get(ENV_KEY)
    if env:
        return Path(env).expanduser()
    if db.path is not None:
        return db.path.with_name(db.path.name + KEY_SUFFIX)
    url = db.engine.url
    if url.drivername.startswith("sqlite"):
        return None  # an in-memory store has nowhere to keep a key
    from sip_desk.paths import data_dir

    name = f"{url.host or 'local'}-{url.port or 'default'}-{url.database or 'db'}"
    return data_dir() / "keys" / (name.replace("/", "_") + KEY_SUFFIX)


def key_id_of(public: Ed25519PublicKey) -> str:
    """The key id: the first 16 hex digits of SHA-256 over the raw public key."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:KEY_ID_HEX]


def public_text(public: Ed25519PublicKey) -> str:
    """The raw public key in base64 (as stored and exported)."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def public_from_text(text: str) -> Ed25519PublicKey | None:
    """A public key from :func:`public_text`, or ``None`` when the text is not one."""
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error):
        return None


def public_pem(public: Ed25519PublicKey) -> bytes:
    """The public key as a PEM file (what ``sip-desk key export`` writes)."""
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def read_file(path: Path) -> bytes:
    """The bytes of ``path``; ``export.read_failed`` when it cannot be read."""
    try:
        return path.expanduser().read_bytes()
    except OSError as error:
        raise DomainError("export.read_failed", path=str(path), detail=error.strerror) from error


def read_public_pem(path: Path) -> Ed25519PublicKey:
    """A public key file (PEM) given with ``--trust-key``."""
    data = read_file(path)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, UnsupportedAlgorithm) as error:
        raise DomainError("key.invalid", path=str(path), detail=str(error)) from error
    if not isinstance(key, Ed25519PublicKey):
        raise DomainError("key.invalid", path=str(path), detail=type(key).__name__)
    return key


def verify_signature(public: Ed25519PublicKey, message: bytes, signature: str) -> bool:
    """True when ``signature`` (base64) is ``public``'s signature over ``message``."""
    try:
        public.verify(base64.b64decode(signature, validate=True), message)
    except (InvalidSignature, ValueError, binascii.Error):
        return False
    return True


@dataclass(frozen=True)
class StoreKey:
    """The store's key pair, read from its key file."""

    private: Ed25519PrivateKey
    path: Path

    @property
    def public(self) -> Ed25519PublicKey:
        """The public half."""
        return self.private.public_key()

    @property
    def key_id(self) -> str:
        """The key id."""
        return key_id_of(self.public)

    def sign(self, message: bytes) -> str:
        """The Ed25519 signature over ``message``, base64."""
        return base64.b64encode(self.private.sign(message)).decode("ascii")


def too_open(path: Path) -> bool:
    """True when others than the owner may use the key file (POSIX only)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return os.name == "posix" and bool(mode & (stat.S_IRWXG | stat.S_IRWXO))


def read_key(path: Path, *, any_mode: bool = False) -> StoreKey:
    """Read the key file (``any_mode``: even one others may read, to verify with)."""
    data = read_file(path)
    if not any_mode and too_open(path):
        raise DomainError("key.too_open", path=str(path))
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as error:
        raise DomainError("key.invalid", path=str(path), detail=str(error)) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise DomainError("key.invalid", path=str(path), detail=type(key).__name__)
    return StoreKey(key, path)


def create_key(path: Path) -> StoreKey:
    """Make a new key and write it to ``path`` (mode 0600); FileExistsError if it exists."""
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    try:
        make_folders(path.parent)  # owner-only when made here, parents too
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise
    except OSError as error:
        raise DomainError("key.write_failed", path=str(path), detail=error.strerror) from error
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
        out.flush()
        os.fsync(out.fileno())
    return StoreKey(private, path)
