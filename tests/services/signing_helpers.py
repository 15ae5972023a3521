"""Helpers for signing tests: a tiny PNG and ready-made signatures."""

from __future__ import annotations

import base64
import struct
import zlib
from datetime import date
from typing import Any

from sip_desk.domain.document import SignatureDto
from sip_desk.domain.enums import SignatureMethod


def tiny_png() -> bytes:
    """A valid 2x1 black-and-white PNG, made without Qt."""
    raw = b"\x00\x00\xff"

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 2, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def person_signature(day: date, name: str = "Testa Testsson") -> SignatureDto:
    return SignatureDto(
        signer_name=name,
        is_person=True,
        method=SignatureMethod.DRAWN,
        signed_on=day,
        image_png=tiny_png(),
    )


def paper_signature(day: date, name: str = "Kim Handläggare") -> SignatureDto:
    return SignatureDto(
        signer_name=name,
        organisation="Socialtjänsten Testkommun",
        role="Socialsekreterare",
        method=SignatureMethod.PAPER,
        signed_on=day,
    )


def signature_from_json(raw: dict[str, Any]) -> SignatureDto:
    """A signature of an export file (``$.plan.versions[i].signatures[j]``) as a DTO."""
    return SignatureDto(
        signer_name=raw["signer_name"],
        organisation=raw["organisation"],
        role=raw["role"],
        is_person=raw["is_person"],
        method=SignatureMethod(raw["method"]),
        signed_on=date.fromisoformat(raw["signed_on"]),
        image_png=base64.b64decode(raw["image_png"]) if raw["image_png"] else None,
    )
