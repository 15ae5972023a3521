"""Which OS keyring SIP Desk may keep a secret in (a store's passphrase, the seal password).

Only a real one: the Windows Credential Manager, the macOS Keychain, the Secret Service or KWallet
on Linux (``keyring`` priority 1 or more). A backend that keeps passwords in a file readable as
plain text or under a key beside it (``keyrings.alt``'s ``PlaintextKeyring``, its
``EncryptedKeyring``/``Windows`` file backends), the "no keyring" backends (``fail``, ``null``)
and a chain holding any of them are refused: SIP Desk then asks instead, and says why.
"""

from __future__ import annotations

from typing import Any

WEAK_MODULES = ("keyrings.alt", "keyring.backends.fail", "keyring.backends.null")


def backend_name(backend: object) -> str:
    """``module.Class`` of a keyring backend, as a user or IT support would look it up."""
    kind = type(backend)
    return f"{kind.__module__}.{kind.__qualname__}"


def weak_backend(backend: object) -> str | None:
    """The name of the backend in ``backend`` that may not keep a secret; ``None``: all good."""
    from keyring.backends import chainer

    if isinstance(backend, chainer.ChainerBackend):
        chained = list(backend.backends)
        if not chained:
            return backend_name(backend)
        return next((w for w in map(weak_backend, chained) if w is not None), None)
    if type(backend).__module__.startswith(WEAK_MODULES):
        return backend_name(backend)
    try:
        priority = float(backend.priority)  # type: ignore[attr-defined]
    except Exception:  # a backend that cannot say: not trusted
        return backend_name(backend)
    return backend_name(backend) if priority < 1 else None


def trusted_keyring() -> Any | None:
    """The ``keyring`` module when its backend may keep a secret (see the module), else ``None``."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend configuration: no keyring
        return None
    return keyring if weak_backend(backend) is None else None


def refused_backend() -> str | None:
    """The name of the keyring backend SIP Desk refuses to keep secrets in (``None``: none is)."""
    try:
        import keyring

        return weak_backend(keyring.get_keyring())
    except Exception:  # no keyring module, or a broken configuration
        return None
