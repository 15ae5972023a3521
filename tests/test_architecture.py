"""Import-layer rules of STYLE.md 4.2 as an allowlist per layer, third-party packages included.

The checker (tests/architecture.py) is tested too: on a planted package with one violation of each
kind it must name that violation, and only that one.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.architecture import Rule, cycles, dynamic_imports, import_graph, violations

PACKAGE = Path(__file__).resolve().parent.parent / "sip_desk"


def _rule(own: set[str], third_party: set[str] | None = None) -> Rule:
    return Rule(frozenset(own), frozenset(third_party or ()))


# Besides these, every layer may import the standard library and its own modules.
# The UI reaches the PDF layer only through services (export), so "pdf" is not in its list,
# nor is "db": no Session, no ORM class, no select() in the UI or the CLI.
RULES: dict[str, Rule] = {
    "domain": _rule(set(), {"personnummer", "cattrs"}),  # cattrs: the one dataclass-JSON codec
    "db": _rule({"domain"}, {"sqlalchemy", "alembic", "sqlcipher3"}),
    "services": _rule(
        {"domain", "db", "pdf", "paths", "files"},
        {
            "sqlalchemy",
            "cryptography",
            "icalendar",
            "jsonschema",
            "keyring",  # the seal password (services/pdf_seal.py)
            "pyhanko",
            "pyhanko_certvalidator",
        },
    ),
    "pdf": _rule(
        {"domain", "paths"}, {"reportlab", "arabic_reshaper", "bidi", "pikepdf", "pyphen"}
    ),
    "ui": _rule({"domain", "services", "paths", "files"}, {"PySide6", "shiboken6"}),
    "cli": _rule(
        {
            "domain",
            "services",
            "bootstrap",
            "paths",
            "files",
            "logfile",
            "app",
            "passphrase",
            "self_test",
        }
    ),
    # ``--self-test`` checks the installation end to end, like the composition root: through
    # the services, plus the libraries that read back what they wrote (Qt PDF, iCalendar,
    # pikepdf) and the optional drivers it reports on.
    "self_test": _rule(
        {"bootstrap", "domain", "paths", "pdf", "services"},
        {"PySide6", "icalendar", "pikepdf", "reportlab", "psycopg", "sqlcipher3", "sqlalchemy"},
    ),
    # The composition root and its helpers.
    "app": _rule(
        {
            "bootstrap",
            "domain",
            "logfile",
            "paths",
            "services",
            "ui",
            "passphrase",
            "app_passphrase",
        },
        {"PySide6", "shiboken6"},
    ),
    "app_passphrase": _rule({"bootstrap", "domain", "passphrase", "ui"}, {"PySide6"}),
    "bootstrap": _rule({"db", "domain", "services"}, {"sqlalchemy"}),
    "__main__": _rule({"cli"}),
    # Small top-level modules every layer may use.
    "paths": _rule(set(), {"platformdirs"}),
    "files": _rule({"domain", "paths"}),  # paths: folders made 0700 whatever the umask
    "logfile": _rule({"paths"}),
    "passphrase": _rule(
        {"db", "domain", "services"}, {"keyring"}
    ),  # where an encrypted store's key comes from
    "sip_desk": _rule(set()),  # sip_desk/__init__.py: the version only
}


def test_architecture_every_layer_imports_only_what_its_allowlist_names() -> None:
    bad = violations(PACKAGE, RULES)
    assert not bad, "imports no rule allows:\n" + "\n".join(bad)


def test_architecture_no_string_imports() -> None:
    found = dynamic_imports(PACKAGE)
    assert not found, "importlib string imports hide dependencies:\n" + "\n".join(found)


def test_architecture_no_import_cycles() -> None:
    found = cycles(import_graph(PACKAGE))
    assert not found, "modules that import each other:\n" + "\n".join(map(" → ".join, found))


# -- the checker itself, on a planted package ------------------------------------------------

PLANT_RULES: dict[str, Rule] = {
    "domain": _rule(set()),
    "db": _rule({"domain"}, {"sqlalchemy"}),
    "ui": _rule({"domain"}, {"PySide6"}),
    "plant": _rule(set()),
}


def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    """A package ``plant`` under ``tmp_path`` with the clean layers and ``files`` added."""
    clean = {
        "__init__.py": "",
        "domain/__init__.py": "",
        "domain/model.py": "import json\n",
        "domain/rules.py": "from . import model\nfrom plant.domain import model as same\n",
        "db/__init__.py": "",
        "db/engine.py": "import sqlalchemy\nfrom ..domain import model\n",
        "ui/__init__.py": "",
        "ui/view.py": "from PySide6 import QtCore\nfrom plant import domain\n",
    }
    package = tmp_path / "plant"
    for name, text in {**clean, **files}.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return package


def test_architecture_checker_passes_the_clean_plant(tmp_path: Path) -> None:
    package = _plant(tmp_path, {})
    assert violations(package, PLANT_RULES) == []
    assert dynamic_imports(package) == []


@pytest.mark.parametrize(
    ("name", "text", "reported"),
    [
        ("domain/leak.py", "x = 1\nfrom .. import db\n", "plant/domain/leak.py:2: plant.db (from)"),
        (
            "domain/deep.py",
            "from ..db.engine import sqlalchemy\n",
            "plant/domain/deep.py:1: plant.db.engine (from)",
        ),
        ("ui/panel.py", "from plant import db\n", "plant/ui/panel.py:1: plant.db (from)"),
        (
            "ui/orm.py",
            "def f():\n    from sqlalchemy.orm import Session\n",
            "plant/ui/orm.py:2: sqlalchemy.orm (from)",
        ),
        (
            "domain/heavy.py",
            "import PySide6.QtCore\n",
            "plant/domain/heavy.py:1: PySide6.QtCore (import)",
        ),
        (
            "ui/lazy.py",
            "import importlib\n\ndef f():\n    return importlib.import_module('plant.db.engine')\n",
            "plant/ui/lazy.py:4: plant.db.engine (dynamic)",
        ),
        (
            "ui/hidden.py",
            "def f():\n    return __import__('sqlalchemy')\n",
            "plant/ui/hidden.py:2: sqlalchemy (dynamic)",
        ),
        ("cli/main.py", "import json\n", "plant/cli/main.py: no rule for layer 'cli'"),
    ],
    ids=[
        "relative",
        "relative-submodule",
        "from-package",
        "third-party-in-function",
        "third-party",
        "importlib",
        "dunder-import",
        "unknown-layer",
    ],
)
def test_architecture_checker_reports_a_planted_violation(
    tmp_path: Path, name: str, text: str, reported: str
) -> None:
    package = _plant(tmp_path, {name: text})
    assert violations(package, PLANT_RULES) == [reported]


def test_architecture_checker_reports_every_string_import_even_an_allowed_one(
    tmp_path: Path,
) -> None:
    package = _plant(
        tmp_path,
        {"ui/plugins.py": "import importlib\nNAME = 'json'\nimportlib.import_module(NAME)\n"},
    )
    assert violations(package, PLANT_RULES) == ["plant/ui/plugins.py:3: <computed> (dynamic)"]
    assert dynamic_imports(package) == ["plant/ui/plugins.py:3: <computed> (dynamic)"]


def test_architecture_checker_finds_a_cycle_through_a_lazy_import(tmp_path: Path) -> None:
    package = _plant(
        tmp_path,
        {
            "db/a.py": "from plant.db import b\n",
            "db/b.py": "def f():\n    from plant.db.c import g\n",
            "db/c.py": "from . import a\n",
        },
    )
    assert cycles(import_graph(package)) == [["plant.db.a", "plant.db.b", "plant.db.c"]]


def test_architecture_checker_ignores_type_only_imports_for_cycles(tmp_path: Path) -> None:
    package = _plant(
        tmp_path,
        {
            "db/a.py": "from plant.db import b\n",
            "db/b.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from plant.db import a\n"
            ),
        },
    )
    assert cycles(import_graph(package)) == []
