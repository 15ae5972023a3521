"""An OS keyring stand-in for tests: the real ``keyring`` API over a dict in memory.

Tests never touch the developer's own keyring; each test gets an empty one (tests/conftest.py).
``NoKeyring`` is the backend keyring picks on a machine without one.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.backends import fail


class MemoryKeyring(KeyringBackend):
    """Passwords by (service, user name), forgotten with the test."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


NoKeyring = fail.Keyring
