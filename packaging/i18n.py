"""Translation workflow for the Qt UI (Swedish is the shipped default).

Usage (from the repository root):
    python packaging/i18n.py update    # pyside6-lupdate: sources -> resources/i18n/sip_desk_sv.ts
    python packaging/i18n.py missing       # print unfinished source strings, one a line
    python packaging/i18n.py set < FILE    # FILE: lines "source<TAB>Swedish translation"
    python packaging/i18n.py compile       # pyside6-lrelease: .ts -> .qm (committed)

``set`` fills every message whose source text matches, in any context, and marks it finished.
Newlines inside a source or translation are written as the two characters backslash-n.
A lock file keeps two concurrent runs from overwriting each other.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "sip_desk_sv.ts"
QM = TS.with_suffix(".qm")
LOCK = ROOT / "resources" / "i18n" / ".lock"


@contextmanager
def locked() -> Iterator[None]:
    LOCK.parent.mkdir(parents=True, exist_ok=True)
    with LOCK.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def sources() -> list[str]:
    files = sorted((ROOT / "sip_desk" / "ui").rglob("*.py"))
    files.append(ROOT / "sip_desk" / "app.py")
    return [str(f.relative_to(ROOT)) for f in files if f.exists()]


def qt_tool(name: str) -> str:
    """The Qt tool ``name`` beside this Python (the virtual environment), else on PATH."""
    here = Path(sys.executable).parent
    return shutil.which(name, path=str(here)) or shutil.which(name) or name


def update() -> None:
    subprocess.run(
        [
            qt_tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *sources(),
            "-ts",
            str(TS),
        ],
        cwd=ROOT,
        check=True,
    )


def compile_qm() -> None:
    subprocess.run([qt_tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT, check=True)


def _messages(tree: ET.ElementTree) -> Iterator[ET.Element]:
    yield from tree.getroot().iter("message")


def missing() -> None:
    tree = ET.parse(TS)
    seen: set[str] = set()
    for msg in _messages(tree):
        tr = msg.find("translation")
        src = msg.findtext("source") or ""
        if tr is not None and tr.get("type") == "unfinished" and src not in seen:
            seen.add(src)
            sys.stdout.write(src.replace("\n", "\\n") + "\n")


def set_translations(lines: list[str]) -> None:
    wanted: dict[str, str] = {}
    for line in lines:
        if "\t" in line:
            src, dst = line.rstrip("\n").split("\t", 1)
            wanted[src.replace("\\n", "\n")] = dst.replace("\\n", "\n")
    tree = ET.parse(TS)
    for msg in _messages(tree):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        if src in wanted and tr is not None and msg.get("numerus") != "yes":
            tr.text = wanted[src]
            tr.attrib.pop("type", None)
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    with TS.open("a", encoding="utf-8") as handle:
        handle.write("\n")


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    with locked():
        if command == "update":
            update()
        elif command == "missing":
            missing()
        elif command == "set":
            set_translations(sys.stdin.readlines())
        elif command == "compile":
            compile_qm()
        else:
            sys.stderr.write(__doc__ or "")
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
