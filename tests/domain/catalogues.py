"""Read the text catalogues' .po sources (what a translator edits) for the tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[2] / "sip_desk" / "locale"


def po_path(lang: str) -> Path:
    """The .po file of ``lang``."""
    return LOCALE / lang / "LC_MESSAGES" / "sip_desk.po"


@cache
def entries(lang: str) -> dict[str, str]:
    """Key -> text of every entry in the .po of ``lang`` (the header left out)."""
    with po_path(lang).open("rb") as fp:
        catalogue = read_po(fp)
    return {str(m.id): str(m.string) for m in catalogue if m.id}
