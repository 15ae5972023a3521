"""Time to open the largest demo plan in the editor, beside reading the same plan.

Usage: python bench/bench_open_plan.py [--runs 15]

Builds a store with the demo cases, finds the plan with most rows, then (offscreen) times
``MainWindow.open_plan`` from the request until the editor tab has been painted, closing the
tab between runs. Beside it, in the same run: ``services.plans.get_plan`` of the same plan (the
data part) and a bare QWidget with as many line edits as the editor has inputs (the widget part).
Prints medians in milliseconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def _largest_demo_plan(services) -> tuple[int, int]:
    sizes = {}
    for summary in services.plan_list.list_plans():
        plan = services.plans.get_plan(summary.id)
        sizes[plan.id] = len(plan.participants) + len(plan.goals) + len(plan.actions)
    plan_id = max(sizes, key=lambda k: sizes[k])
    return plan_id, sizes[plan_id]


def _time_open(window, plan_id: int, runs: int) -> tuple[list[float], int]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    samples: list[float] = []
    inputs = 0
    for _ in range(runs):
        start = time.perf_counter()
        window.open_plan(plan_id)
        editor = window.tabs.currentWidget()
        editor.repaint()
        samples.append(time.perf_counter() - start)
        inputs = len(editor.findChildren(QLineEdit))
        window.tabs.close_plan(plan_id)
        QTest.qWait(20)
    return samples, inputs


def _time_bare(inputs: int, runs: int) -> list[float]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    samples: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        widget = QWidget()
        layout = QVBoxLayout(widget)
        for _ in range(inputs):
            layout.addWidget(QLineEdit("text"))
        widget.show()
        widget.repaint()
        samples.append(time.perf_counter() - start)
        widget.deleteLater()
        QTest.qWait(5)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sip_desk.bootstrap import open_services
    from sip_desk.domain.audit import UserContext
    from sip_desk.ui.events import AppEvents
    from sip_desk.ui.main_window import MainWindow
    from sip_desk.ui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    store = str(Path(tempfile.mkdtemp()) / "bench_open.sqlite")
    services = open_services(store, user=UserContext(user="bench"))
    services.demo.load_cases()
    plan_id, size = _largest_demo_plan(services)
    qsettings = QSettings(str(Path(store).with_suffix(".ini")), QSettings.Format.IniFormat)
    window = MainWindow(AppEvents(), AppSettings(qsettings), lang="sv")
    window.resize(1400, 900)
    window.show()
    window.attach_services(services, store)
    QTest.qWait(50)

    opened, inputs = _time_open(window, plan_id, args.runs)
    read: list[float] = []
    for _ in range(args.runs):
        start = time.perf_counter()
        services.plans.get_plan(plan_id)
        read.append(time.perf_counter() - start)
    bare = _time_bare(inputs, args.runs)

    print(f"largest demo plan: id {plan_id}, {size} participants+goals+actions")
    print(f"open in the editor (request to painted tab): {_median_ms(opened):8.1f} ms")
    print(f"  of which reading the plan (get_plan):      {_median_ms(read):8.1f} ms")
    print(f"  bare widget with {inputs} line edits, painted: {_median_ms(bare):6.1f} ms")
    app.processEvents()


if __name__ == "__main__":
    main()
