"""Import-layer rules of STYLE.md 4.2, checked on the AST of every module (function-level too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "sip_desk"

# layer: (sip_desk packages it may import, third-party packages it must not import).
# The UI reaches the PDF layer only through services (export), so "pdf" is not in its list.
RULES: dict[str, tuple[set[str], set[str]]] = {
    "domain": ({"domain"}, {"sqlalchemy", "alembic", "reportlab", "PySide6", "pyhanko"}),
    "db": ({"domain", "db", "paths"}, {"PySide6", "reportlab", "pyhanko"}),
    "services": ({"domain", "db", "services", "pdf", "paths", "files"}, {"PySide6"}),
    "pdf": ({"domain", "pdf", "paths"}, {"sqlalchemy", "alembic", "PySide6"}),
    "ui": (
        {"", "domain", "services", "ui", "paths", "files"},
        {"sqlalchemy", "alembic", "reportlab"},
    ),
    "cli": (
        {"", "domain", "services", "cli", "bootstrap", "paths", "files", "logfile", "app"},
        {"PySide6"},
    ),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every imported module name in ``path`` (relative imports resolved), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.append((node.lineno, ".".join([*base, node.module or ""]).rstrip(".")))
            else:
                found.append((node.lineno, node.module or ""))
    return found


def _violation(layer: str, module: str) -> bool:
    allowed, banned = RULES[layer]
    top = module.split(".", maxsplit=1)[0]
    if top in banned:
        return True
    if top != "sip_desk":
        return False
    parts = module.split(".")
    inner = parts[1] if len(parts) > 1 else ""
    return inner not in allowed


@pytest.mark.parametrize("layer", sorted(RULES))
def test_architecture_layer_imports_only_what_it_may(layer: str) -> None:
    bad = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {module}"
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        for line, module in _imports(path)
        if _violation(layer, module)
    ]
    assert not bad, f"{layer} imports what it must not:\n" + "\n".join(bad)


def test_architecture_cli_does_not_touch_orm_classes() -> None:
    bad = [
        f"{path.name}:{line}: {module}"
        for path in sorted((PACKAGE / "cli").rglob("*.py"))
        for line, module in _imports(path)
        if module.startswith("sip_desk.db")
    ]
    assert not bad


def test_architecture_rules_catch_a_forbidden_import(tmp_path: Path) -> None:
    assert _violation("ui", "sip_desk.db.models")
    assert _violation("ui", "sqlalchemy.orm")
    assert _violation("ui", "sip_desk.pdf.kit")
    assert _violation("domain", "PySide6.QtCore")
    assert _violation("pdf", "sip_desk.db.engine")
    assert not _violation("ui", "sip_desk.services.registry")
    assert not _violation("db", "sip_desk.domain.errors")
