"""Settings for printed documents, kept in the store's ``settings`` table.

The organisation's PKCS#12 file and its password are stored here when the optional PDF seal is
used. The password sits in the store like the plans themselves; protect the store (and use a
certificate meant only for sealing plans).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from sip_desk.db.models import Setting

KEY_MARKING = "print.confidentiality_marking"
KEY_SEAL_FILE = "seal.pkcs12_path"
KEY_SEAL_PASSWORD = "seal.pkcs12_password"  # noqa: S105 - a settings key, not a secret
DEFAULT_MARKING = "Sekretess enligt offentlighets- och sekretesslagen (OSL)"


@dataclass(frozen=True, kw_only=True)
class DocumentSettings:
    """How plans are printed and sealed.

    Attributes:
        confidentiality_marking: the header text on every page.
        seal_pkcs12_path: the organisation's PKCS#12 file; empty for no digital seal.
        seal_pkcs12_password: its password (may be empty).
    """

    confidentiality_marking: str = DEFAULT_MARKING
    seal_pkcs12_path: str = ""
    seal_pkcs12_password: str = ""

    @property
    def seal_configured(self) -> bool:
        """True when a PKCS#12 file is set."""
        return bool(self.seal_pkcs12_path.strip())


def read_settings(session: Session) -> DocumentSettings:
    """The stored document settings (defaults where nothing is stored)."""
    values = {
        s.key: s.value
        for s in session.query(Setting).filter(
            Setting.key.in_([KEY_MARKING, KEY_SEAL_FILE, KEY_SEAL_PASSWORD])
        )
    }
    return DocumentSettings(
        confidentiality_marking=values.get(KEY_MARKING, DEFAULT_MARKING),
        seal_pkcs12_path=values.get(KEY_SEAL_FILE, ""),
        seal_pkcs12_password=values.get(KEY_SEAL_PASSWORD, ""),
    )


def write_settings(session: Session, settings: DocumentSettings) -> None:
    """Store ``settings`` (insert or replace each key)."""
    for key, value in (
        (KEY_MARKING, settings.confidentiality_marking),
        (KEY_SEAL_FILE, settings.seal_pkcs12_path),
        (KEY_SEAL_PASSWORD, settings.seal_pkcs12_password),
    ):
        session.merge(Setting(key=key, value=value))
