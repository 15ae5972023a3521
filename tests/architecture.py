"""The import checker behind tests/test_architecture.py (STYLE.md 4.2), apart so it can be tested.

It reads every module's AST (imports inside functions too) and turns each import into the full name
of the module it loads:

- relative imports are resolved against the importing module's package;
- ``from sip_desk import db`` and ``from .. import db`` name the submodule ``sip_desk.db``;
- ``importlib.import_module("x")`` and ``__import__("x")`` with a string count as imports of ``x``,
  and every such call is reported as a dynamic import (it hides a dependency from tools).

A layer's rule is an allowlist: the ``sip_desk`` parts it may import and the third-party packages
it may import; the standard library is open to all. Cycles are found between modules of the
package (Tarjan's strongly connected components on the import graph).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DYNAMIC_CALLS = {"import_module", "__import__"}


@dataclass(frozen=True)
class Rule:
    """What one layer may import besides the standard library."""

    own: frozenset[str]
    """Parts of the package (first name below it: ``domain``, ``paths``…) it may import."""
    third_party: frozenset[str] = frozenset()
    """Top-level names of third-party packages it may import."""


@dataclass(frozen=True)
class Import:
    """One import: where it is, what it loads, and how (``import``, ``from``, ``dynamic``)."""

    path: Path
    line: int
    module: str
    how: str
    type_only: bool = False
    """Under ``if TYPE_CHECKING:``: never run, so it makes no cycle (it still counts for layers)."""

    def where(self, root: Path) -> str:
        return f"{self.path.relative_to(root)}:{self.line}: {self.module} ({self.how})"


def module_name(path: Path, root: Path) -> str:
    """``root/sip_desk/db/engine.py`` → ``sip_desk.db.engine`` (a package's ``__init__`` → it)."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str, root: Path) -> bool:
    base = root.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def _package_of(path: Path, root: Path) -> list[str]:
    name = module_name(path, root).split(".")
    return name if path.name == "__init__.py" else name[:-1]


def _dynamic_target(node: ast.Call) -> str | None:
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    if name not in DYNAMIC_CALLS:
        return None
    first = node.args[0] if node.args else None
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return "<computed>"


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every module ``path`` imports, resolved to full names, in source order."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    type_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [
                Import(path, node.lineno, a.name, "import", id(node) in type_only)
                for a in node.names
            ]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = _package_of(path, root)
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, *([base] if base else [])])
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                module = sub if alias.name != "*" and _is_module(sub, root) else base
                found.append(Import(path, node.lineno, module, "from", id(node) in type_only))
        elif isinstance(node, ast.Call) and (target := _dynamic_target(node)) is not None:
            found.append(Import(path, node.lineno, target, "dynamic"))
    return sorted(found, key=lambda i: i.line)


def modules(package: Path) -> Iterator[Path]:
    yield from sorted(package.rglob("*.py"))


def layer_of(path: Path, package: Path) -> str:
    """The first name below the package: ``ui`` for ``ui/editor/x.py``, ``paths`` for paths.py."""
    return path.relative_to(package).with_suffix("").parts[0]


def is_allowed(imported: str, layer: str, rules: dict[str, Rule], package_name: str) -> bool:
    """Whether a module of ``layer`` may import ``imported``."""
    rule = rules[layer]
    top, _, rest = imported.partition(".")
    if top == package_name:
        inner = rest.split(".")[0]
        return inner in ("", layer) or inner in rule.own
    if top in sys.stdlib_module_names or top == "__future__":
        return True
    return top in rule.third_party


def violations(package: Path, rules: dict[str, Rule]) -> list[str]:
    """Every import a layer's rule does not allow, and every module no rule covers."""
    root, name = package.parent, package.name
    bad: list[str] = []
    for path in modules(package):
        layer = layer_of(path, package)
        if layer == "__init__":
            layer = name  # the package's own __init__ is held to the rule of the package name
        if layer not in rules:
            bad.append(f"{path.relative_to(root)}: no rule for layer {layer!r}")
            continue
        bad += [
            i.where(root)
            for i in imports_of(path, root)
            if not is_allowed(i.module, layer, rules, name)
        ]
    return bad


def dynamic_imports(package: Path) -> list[str]:
    """Every ``importlib.import_module``/``__import__`` call: a dependency tools cannot see."""
    root = package.parent
    return [
        i.where(root)
        for path in modules(package)
        for i in imports_of(path, root)
        if i.how == "dynamic"
    ]


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module → the package's modules it imports when run (lazily in functions too)."""
    root, prefix = package.parent, package.name + "."
    graph: dict[str, set[str]] = {}
    for path in modules(package):
        targets = {
            i.module
            for i in imports_of(path, root)
            if i.module.startswith(prefix) and not i.type_only and _is_module(i.module, root)
        }
        graph[module_name(path, root)] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (sorted)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan; the graph is a few hundred modules deep at most
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)
