"""Text catalogues outside Qt (domain messages, PDF, CLI, calendar): .po -> .mo with Babel.

Usage (from the repository root, in the dev venv, which has Babel from the ``test`` extra):
    python packaging/text_catalogues.py compile   # every sip_desk/locale/*/LC_MESSAGES/*.po
    python packaging/text_catalogues.py check     # exit 1 when a .mo differs from its .po

The .mo files are committed beside their .po (like the Qt .qm), so a fresh clone, a wheel and a
PyInstaller build need no compile step. tests/domain/test_text_catalogues.py fails when they
are stale. Edit the .po (English first, msgid = stable key), then run ``compile``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "sip_desk" / "locale"


def sources() -> list[Path]:
    """Every .po file, one per language."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def compiled(po: Path) -> bytes:
    """The .mo bytes Babel compiles from ``po`` (fuzzy entries are left out)."""
    with po.open("rb") as fp:
        catalogue = read_po(fp)
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "compile":
        for po in sources():
            po.with_suffix(".mo").write_bytes(compiled(po))
            print(f"compiled {po.relative_to(ROOT)}")
        return 0
    if command == "check":
        stale = [po for po in sources() if po.with_suffix(".mo").read_bytes() != compiled(po)]
        for po in stale:
            print(f"stale: {po.with_suffix('.mo').relative_to(ROOT)}")
        return 1 if stale else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
