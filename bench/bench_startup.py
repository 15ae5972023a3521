"""Start-up benchmark: first painted main window and first plan list, each beside a floor.

Usage: python bench/bench_startup.py [--runs 7] [--plans 10000] [--work DIR]

Every measurement is a fresh subprocess (this script with ``--child MODE``); the parent notes the
wall-clock time just before starting it and the child prints the seconds elapsed when its event
happens, so interpreter start-up and imports count. Runs are interleaved and the median is shown.

- ``bare``: a bare PySide6 window (QApplication + QMainWindow + QLabel), first paint.
- ``app``: SIP Desk's main window via ``sip_desk.app`` (what ``run(args)`` does), first paint,
  then the time until the first page of the plan list is in the view.
- ``entry``: the same, but importing ``sip_desk.cli`` first, as the ``sip-desk`` entry point does.
- ``floor``: bare window, then ``import sqlalchemy``, an engine and one list query (first page).

Targets (issue 3): first paint <= 1.3x bare; list shown <= 1.3x floor.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLOOR_QUERY = (
    "SELECT plans.id, persons.first_name, persons.last_name, persons.identity_number, "
    "plans.status, plans.updated_at FROM plans JOIN persons ON persons.id = plans.person_id "
    "ORDER BY plans.updated_at DESC, plans.id DESC LIMIT 200"
)


# -- children ----------------------------------------------------------------------------------


def _elapsed(t0: float) -> float:
    return time.time() - t0


def _bare_window(on_paint: Any) -> tuple[Any, object]:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("SIP Desk", window))
    window.resize(1100, 700)

    class PaintWatch(QObject):
        done = False

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                on_paint()
            return False

    watch = PaintWatch()
    window.installEventFilter(watch)
    window.show()
    return app, (window, watch)


def child_bare(t0: float, db: str) -> None:
    from PySide6.QtCore import QTimer

    def painted() -> None:
        # After the paint event the frame is finished once control returns to the loop.
        QTimer.singleShot(0, lambda: (print(f"paint {_elapsed(t0):.4f}"), app.quit()))

    app, _keep = _bare_window(painted)
    app.exec()


def child_floor(t0: float, db: str) -> None:
    from PySide6.QtCore import QTimer

    def query() -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(f"sqlite:///{db}")
        with engine.connect() as conn:
            rows = conn.execute(text(FLOOR_QUERY)).fetchall()
        assert rows
        QTimer.singleShot(0, lambda: (print(f"list {_elapsed(t0):.4f}"), app.quit()))

    def frame_done() -> None:
        print(f"paint {_elapsed(t0):.4f}")
        query()

    def painted() -> None:
        QTimer.singleShot(0, frame_done)

    app, _keep = _bare_window(painted)
    app.exec()


def _timed(label: str, fn: Any) -> Any:
    """Wrap ``fn`` so each call prints its duration as ``label``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            print(f"{label} {time.perf_counter() - started:.4f}")

    return wrapper


def child_app(t0: float, db: str, entry: bool = False) -> None:
    if entry:
        import sip_desk.cli  # noqa: F401  (what the sip-desk entry point imports first)
    from PySide6.QtCore import QSettings, QTimer

    from sip_desk import app as app_module
    from sip_desk.ui.item_models.plan_table_model import PlanTableModel
    from sip_desk.ui.settings import AppSettings

    ini = Path(tempfile.mkdtemp()) / "settings.ini"
    args = argparse.Namespace(db=db, lang="sv", user="bench", debug=False)
    settings = AppSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    desktop = app_module.DesktopApp(args, settings)
    desktop.window.resize(1100, 700)

    # Phases after the paint: importing the store layers, opening the store, the first page.
    open_store = desktop.open_store

    def phased_open_store() -> None:
        started = time.perf_counter()
        from sip_desk import bootstrap

        print(f"phase_imports {time.perf_counter() - started:.4f}")
        bootstrap.open_services = _timed("phase_open", bootstrap.open_services)
        PlanTableModel.reload = _timed("phase_first_page", PlanTableModel.reload)  # type: ignore[method-assign]
        open_store()

    desktop.open_store = phased_open_store  # type: ignore[method-assign]

    def listed() -> None:
        QTimer.singleShot(0, lambda: (print(f"list {_elapsed(t0):.4f}"), desktop.qapp.quit()))

    desktop.window.first_painted.connect(
        lambda: QTimer.singleShot(0, lambda: print(f"paint {_elapsed(t0):.4f}"))
    )
    desktop.window.plan_list.model.loaded.connect(listed)
    desktop.start()
    desktop.exec()


# -- parent ------------------------------------------------------------------------------------


def build_store(path: Path, plans: int) -> str:
    """A store with ``plans`` generated plans (reused if it already has them)."""
    from sip_desk.bootstrap import open_services
    from sip_desk.domain.audit import UserContext

    services = open_services(str(path), user=UserContext(user="bench"))
    try:
        have = services.plan_list.count_plans()
        if have < plans:
            try:
                from sip_desk.services.demo_generator import generate_plans
            except ImportError:
                sys.exit("pending: sip_desk.services.demo_generator.generate_plans is missing")
            generate_plans(services, plans - have)
    finally:
        services.ctx.db.dispose()
    return str(path)


def child_env(work: Path) -> dict[str, str]:
    """Offscreen Qt, and byte-code caching on (as in an installed app) in a private folder."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


def measure(mode: str, db: str, env: dict[str, str]) -> dict[str, float]:
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--t0", repr(t0), "--db", db],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    ).stdout
    return {k: float(v) for k, v in (line.split() for line in out.splitlines() if " " in line)}


def report(runs: int, db: str, work: Path) -> None:
    env = child_env(work)
    results: dict[str, list[dict[str, float]]] = {m: [] for m in ("bare", "app", "entry", "floor")}
    for mode in results:  # warm-up: byte-code cache and OS file cache
        measure(mode, db, env)
    for _ in range(runs):
        for mode, found in results.items():
            found.append(measure(mode, db, env))

    def median(mode: str, key: str) -> float:
        return statistics.median(r[key] for r in results[mode])

    bare, floor = median("bare", "paint"), median("floor", "list")
    print(f"runs: {runs} each (median), store: {db}")
    print(f"{'measure':44} {'seconds':>8} {'ratio':>7}  target")
    rows = [
        ("bare PySide6 window, first paint", bare, None, ""),
        ("SIP Desk main window, first paint (app.run)", median("app", "paint"), bare, "<= 1.3x"),
        ("  same via sip-desk entry (imports cli)", median("entry", "paint"), bare, "<= 1.3x"),
        ("floor: bare + sqlalchemy + one query", floor, None, ""),
        ("SIP Desk plan list shown (app.run)", median("app", "list"), floor, "<= 1.3x"),
        ("  same via sip-desk entry (imports cli)", median("entry", "list"), floor, "<= 1.3x"),
    ]
    for name, value, base, target in rows:
        ratio = f"{value / base:6.2f}x" if base else ""
        print(f"{name:44} {value:8.3f} {ratio:>7}  {target}")
    print("where the app's time after the first paint goes (app.run, medians):")
    for key, name in (
        ("phase_imports", "import store layers (sqlalchemy, alembic, services)"),
        ("phase_open", "open_services (engine, migration check)"),
        ("phase_first_page", "count + first page of 200 plans"),
    ):
        print(f"  {name:54} {median('app', key):8.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plans", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "sip_bench")
    parser.add_argument("--child", choices=["bare", "app", "entry", "floor"])
    parser.add_argument("--t0", type=float, default=0.0)
    parser.add_argument("--db", default="")
    args = parser.parse_args()
    if args.child:
        children = {"bare": child_bare, "floor": child_floor, "app": child_app}
        if args.child == "entry":
            child_app(args.t0, args.db, entry=True)
        else:
            children[args.child](args.t0, args.db)
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    db = args.db or build_store(args.work / f"store_{args.plans}.sqlite", args.plans)
    report(args.runs, db, args.work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
