"""Every command line in the README runs as documented.

The README's command table (and any code line starting with ``sip-desk``) is parsed; each
command is run once as written and once more for every optional part, and for every choice of
a part such as ``[--lang sv|en|ar]``. Placeholders get real values from a demo store.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from sip_desk.cli import run
from sip_desk.db.engine import Database, make_engine
from sip_desk.domain.audit import UserContext
from sip_desk.services.context import ServiceContext
from sip_desk.services.export_service import DocumentSettings
from sip_desk.services.registry import Services
from tests.services.seal_helpers import make_certificate

README = Path(__file__).parents[2] / "README.md"
# The app itself (no command) is covered by test_readme_gui_line_opens_the_app.
_ROW = re.compile(r"^\| `(sip-desk[^`]*)` \|", re.MULTILINE)
_CODE = re.compile(r"^(?: {4}|\t)(sip-desk .*)$", re.MULTILINE)


def readme_commands() -> list[str]:
    """The command syntaxes of the README, ``\\|`` unescaped."""
    text = README.read_text(encoding="utf-8")
    found = [m.replace("\\|", "|") for m in _ROW.findall(text) + _CODE.findall(text)]
    return list(dict.fromkeys(found))


def _groups(syntax: str) -> tuple[list[str], list[list[str]]]:
    """The fixed words and, per ``[…]`` group, its alternatives (each a word list)."""
    base: list[str] = []
    groups: list[list[str]] = []
    for fixed, optional in re.findall(r"([^\[\]]+)|\[([^\]]+)\]", syntax):
        if fixed:
            base += fixed.split()
            continue
        words = optional.split()
        if len(words) == 2 and "|" in words[1]:  # --lang sv|en|ar: one option, several values
            groups.append([f"{words[0]} {value}" for value in words[1].split("|")])
        else:  # --seal|--no-seal, or a single option
            groups.append([alt.strip() for alt in optional.split("|")])
    return base, groups


def expand(syntax: str) -> list[str]:
    """The syntax as written, then with each optional part (each choice) once."""
    base, groups = _groups(syntax)
    lines = [" ".join(base)]
    for group in groups:
        lines += [" ".join([*base, alternative]) for alternative in group]
    return lines


def test_readme_table_is_parsed() -> None:
    commands = readme_commands()

    assert len(commands) >= 10
    assert any(c.startswith("sip-desk pdf PLAN_ID -o FILE") for c in commands)
    assert expand("sip-desk pdf PLAN_ID [--lang sv|en|ar] [--seal|--no-seal]") == [
        "sip-desk pdf PLAN_ID",
        "sip-desk pdf PLAN_ID --lang sv",
        "sip-desk pdf PLAN_ID --lang en",
        "sip-desk pdf PLAN_ID --lang ar",
        "sip-desk pdf PLAN_ID --seal",
        "sip-desk pdf PLAN_ID --no-seal",
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> dict[str, str]:
    """A demo store with a seal certificate, a printed PDF, an export and the public key."""
    folder = tmp_path_factory.mktemp("readme")
    db_path = str(folder / "store.sqlite")
    assert run(["--db", db_path, "demo"]) == 0
    cert = make_certificate(folder)
    db = Database(make_engine(db_path))
    Services(ServiceContext(db=db, user=UserContext(user="t"))).documents.save_settings(
        DocumentSettings(seal_pkcs12_path=str(cert.pkcs12_path), seal_pkcs12_password=cert.password)
    )
    db.dispose()
    files = {"pdf": folder / "printed.pdf", "json": folder / "plan.json", "key": folder / "k.pem"}
    # Plan 4 has no signed version: importing its export is not refused as already stored.
    files["unsigned"] = folder / "unsigned.json"
    assert run(["--db", db_path, "export", "4", "-o", str(files["unsigned"])]) == 0
    assert run(["--db", db_path, "pdf", "2", "-o", str(files["pdf"])]) == 0
    assert run(["--db", db_path, "export", "2", "-o", str(files["json"])]) == 0
    assert run(["--db", db_path, "key", "export", "-o", str(files["key"])]) == 0
    files["backup"] = folder / "backup.sqlite"
    assert run(["--db", db_path, "backup", "-o", str(files["backup"])]) == 0
    return {"db": db_path, "folder": str(folder), "cert": str(cert.pem_path)} | {
        name: str(path) for name, path in files.items()
    }


def _values(line: str, store: dict[str, str], index: int) -> list[str]:
    """``line`` with each placeholder replaced by a value that makes sense where it stands."""
    words = shlex.split(line)[1:]
    command = words[0]
    out: list[str] = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        out.append(_value(command, before, word, store, index) if word.isupper() else word)
    return out


def _value(command: str, before: str, word: str, store: dict[str, str], index: int) -> str:
    folder = store["folder"]
    if word == "FILE":
        if before in {"-o", "--ics"}:
            ext = {
                "pdf": "pdf",
                "export": "json",
                "key": "pem",
                "followups": "ics",
                "backup": "sqlite",
            }[command]
            return f"{folder}/out-{index}.{ext}"
        if before == "--trust-key":
            return store["key"]
        if command == "restore":
            return store["backup"]
        return store["unsigned"] if command == "import" else store["pdf"]
    fixed = {
        "PLAN_ID": "2",
        "CERT": store["cert"],
        "S": "active" if before == "--status" else "7",
        "N": "1",
        "TEXT": "Nordin",
        "DAYS": "30",
        "NAME": "Sara Holm",
        "PNR": "19840314-2386",  # a demo person (fictional)
        "U": "t",
        "DATE": "2026-01-01",
    }
    return fixed[word]


def _cases() -> list[str]:
    return [line for syntax in readme_commands() if syntax != "sip-desk" for line in expand(syntax)]


@pytest.mark.parametrize("line", _cases())
def test_readme_command_line_runs(line: str, store: dict[str, str], capsys) -> None:
    argv = _values(line, store, _cases().index(line))

    code = run(["--db", store["db"], *argv])

    captured = capsys.readouterr()
    assert code == 0, f"{line!r} → {argv}: exit {code}\n{captured.out}\n{captured.err}"


def test_readme_gui_line_opens_the_app(monkeypatch) -> None:
    assert "sip-desk" in readme_commands()
    opened: list[object] = []

    def fake_run(args: object) -> int:
        opened.append(args)
        return 0

    monkeypatch.setattr("sip_desk.app.run", fake_run)

    assert run([]) == 0 and len(opened) == 1
