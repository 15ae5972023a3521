"""GUI stalls: the longest gap between heartbeats while the main window runs long work.

A 10 ms ``QTimer`` on the GUI thread records the longest time between two of its ticks while
each operation runs through the real main window (its menu actions; file dialogs answered with
a path). Operations, on a throw-away store holding the demo cases (plus 2,000 generated plans
for the last one):

- baseline: nothing running (the timer's own jitter);
- save as PDF of the biggest demo plan (File → Save as PDF…);
- print preview of the biggest demo plan (Ctrl+P in its editor), until the pages show;
- export of that plan as JSON, and import of that file (until the imported plan's tab is open);
- loading the demo cases (File → Load demo data);
- generating 2,000 plans (``PlanCommands.generate_demo`` when the window has it, else the
  service called from the GUI thread, as a menu entry without a runner would).

    QT_QPA_PLATFORM=offscreen python bench/bench_stall.py
    QT_QPA_PLATFORM=offscreen python bench/bench_stall.py --plans 5000 --repeat 3

Target (issue 10, item 5): no gap above 50 ms during any of them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sip_desk.bootstrap import open_services  # noqa: E402
from sip_desk.services.registry import Services  # noqa: E402
from sip_desk.ui import file_dialogs  # noqa: E402
from sip_desk.ui.events import AppEvents  # noqa: E402
from sip_desk.ui.main_window import MainWindow  # noqa: E402
from sip_desk.ui.settings import AppSettings  # noqa: E402

TARGET_MS = 50.0
TICK_MS = 10
TIMEOUT_S = 600.0


class Heartbeat:
    """Ticks every ``TICK_MS`` on the GUI thread; remembers the longest gap between ticks."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.longest_ms = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest_ms


def run_until(start: Callable[[], None], done: Callable[[], bool]) -> float:
    """Start ``start`` from the event loop, spin until ``done()``; the longest gap in ms."""
    heart = Heartbeat()
    loop = QEventLoop()
    deadline = time.monotonic() + TIMEOUT_S

    def poll() -> None:
        if done() or time.monotonic() > deadline:
            loop.quit()
        else:
            QTimer.singleShot(2, poll)

    heart.start()
    QTimer.singleShot(0, start)
    QTimer.singleShot(1, poll)
    loop.exec()
    if not done():
        raise SystemExit("an operation did not finish in time")
    return heart.stop()


def biggest_demo_plan(services: Services) -> int:
    def size(plan_id: int) -> int:
        plan = services.plans.get_plan(plan_id)
        parts = (plan.participants, plan.goals, plan.actions, plan.meetings, plan.consents)
        return sum(len(x) for x in parts)

    ids = [row.id for row in services.plans.list_plans()]
    return max(ids, key=size)


class Bench:
    def __init__(self, folder: Path, plans: int) -> None:
        self.folder = folder
        self.plans = plans
        self.services = open_services(str(folder / "stall.sqlite"))
        settings = AppSettings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
        self.window = MainWindow(AppEvents(), settings, "en")
        self.window.show()
        self.window.attach_services(self.services, str(folder / "stall.sqlite"))
        self.status_seen: list[str] = []
        self.window.statusBar().messageChanged.connect(self.status_seen.append)

    def _status(self, prefix: str) -> Callable[[], bool]:
        self.status_seen.clear()
        return lambda: any(text.startswith(prefix) for text in self.status_seen)

    def baseline(self) -> float:
        until = time.monotonic() + 1.0
        return run_until(lambda: None, lambda: time.monotonic() > until)

    def load_demo(self) -> float:
        done = self._status("Demo data:")
        return run_until(self.window.menus.demo_action.trigger, done)

    def save_pdf(self, plan_id: int) -> float:
        path = self.folder / "plan.pdf"
        file_dialogs.ask_save_path = lambda *args: path  # type: ignore[assignment]
        self.window.plan_list.model.reload()
        self.window.show_plan_list()
        self.window.plan_list.select_plan(plan_id)
        done = self._status("Saved the plan as PDF")
        return run_until(self.window.menus.save_pdf_action.trigger, done)

    def preview(self, plan_id: int) -> float:
        from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog

        self.window.open_plan(plan_id)
        editor = self.window.tabs.currentWidget()
        action = editor.editor_actions.print  # type: ignore[attr-defined]
        shown: list[int] = []

        def done() -> bool:
            for dialog in QApplication.topLevelWidgets():
                if isinstance(dialog, PrintPreviewDialog) and dialog.isVisible():
                    if dialog.pdf is not None and dialog.document.pageCount() > 0:
                        shown.append(dialog.document.pageCount())
                        dialog.reject()
            return bool(shown)

        gap = run_until(action.trigger, done)
        self.window.tabs.close_plan(plan_id, ask=False)
        return gap

    def export(self, plan_id: int) -> float:
        path = self.folder / "plan.json"
        file_dialogs.ask_save_path = lambda *args: path  # type: ignore[assignment]
        self.window.show_plan_list()
        self.window.plan_list.select_plan(plan_id)
        done = self._status("Exported the plan")
        return run_until(self.window.menus.export_json_action.trigger, done)

    def import_(self) -> float:
        path = self.folder / "plan.json"
        file_dialogs.ask_open_path = lambda *args: path  # type: ignore[assignment]
        opened = len(self.window.open_plan_ids())
        imported = self._status("Imported the plan")

        def done() -> bool:
            return imported() and len(self.window.open_plan_ids()) > opened

        return run_until(self.window.menus.import_json_action.trigger, done)

    def generate(self) -> float:
        commands = self.window.commands
        if hasattr(commands, "generate_demo"):
            done = self._status("Generated")
            return run_until(lambda: commands.generate_demo(self.plans), done)
        finished: list[bool] = []

        def start() -> None:
            self.services.demo.generate(self.plans)
            finished.append(True)

        return run_until(start, lambda: bool(finished))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=2000, help="plans to generate")
    parser.add_argument("--repeat", type=int, default=1, help="runs per operation (worst kept)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    bench = Bench(Path(tempfile.mkdtemp(prefix="bench_stall_")), args.plans)
    results: dict[str, float] = {}

    def measure(name: str, run: Callable[[], float]) -> None:
        results[name] = max(results.get(name, 0.0), run())

    measure("baseline (nothing running)", bench.baseline)
    measure("load demo cases", bench.load_demo)
    plan_id = biggest_demo_plan(bench.services)
    for _ in range(args.repeat):
        measure("save as PDF (biggest demo plan)", lambda: bench.save_pdf(plan_id))
        measure("print preview (biggest demo plan)", lambda: bench.preview(plan_id))
        measure("export as JSON", lambda: bench.export(plan_id))
        measure("import JSON (until its tab is open)", bench.import_)
    measure(f"generate {args.plans} demo plans", bench.generate)
    width = max(len(name) for name in results)
    for name, gap in results.items():
        verdict = "ok" if gap <= TARGET_MS else "OVER"
        print(f"{name:<{width}}  longest gap {gap:8.1f} ms  (target {TARGET_MS:.0f} ms) {verdict}")  # noqa: T201
    worst = max(gap for name, gap in results.items() if not name.startswith("baseline"))
    print(f"longest GUI stall: {worst:.1f} ms; target {TARGET_MS:.0f} ms")  # noqa: T201
    bench.window.close()
    bench.services.ctx.db.dispose()
    del app


if __name__ == "__main__":
    main()
