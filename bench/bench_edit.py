"""Cost of one autosaved field, the way the editor saves it, on a 10,000-plan store.

    cd bench && python bench_edit.py            # 10k plans, 50 saves per kind of field
    python bench_edit.py --size 1k --saves 20

Copies the cached store of ``bench_store.py`` (built on first use), opens a plan in a
:class:`PlanSession` (offscreen, no widgets) and saves one field ``--saves`` times through the
editor's own edit builders (``set_plan_field``, ``set_person_field``, ``update_item``), so the
service path, the version check and the editor taking the result are all in the figure. SQL
statements are counted with ``sqlite3.Connection.set_trace_callback`` on every DBAPI connection
the engine checks out (BEGIN and COMMIT included); time is wall time per save. Also counts
the statements and transactions of opening the print preview (reads and PDF render).
Prints medians; the last line names the figures and the targets.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_store import build_store, parse_size, services_for  # noqa: E402
from sqlalchemy import event  # noqa: E402

TARGET_STATEMENTS = 6
TARGET_MS = 10.0


class StatementCounter:
    """Counts SQL statements on every DBAPI connection the engine hands out."""

    def __init__(self, engine: Any) -> None:
        self.statements: list[str] = []
        self.transactions = 0
        event.listen(engine.pool, "checkout", self._checkout)
        event.listen(engine.pool, "connect", self._checkout_connect)

    def _trace(self, sql: str) -> None:
        self.statements.append(sql)
        if sql.lstrip().upper().startswith("BEGIN"):
            self.transactions += 1

    def _checkout(self, dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_trace_callback(self._trace)

    def _checkout_connect(self, dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(self._trace)

    def measure(self, fn: Callable[[], Any]) -> tuple[int, int, float]:
        """(statements, transactions, seconds) of one call of ``fn``."""
        self.statements.clear()
        self.transactions = 0
        started = time.perf_counter()
        fn()
        return len(self.statements), self.transactions, time.perf_counter() - started


def _median(values: list[float]) -> float:
    return float(statistics.median(values))


def bench(size: int, saves: int, show_sql: bool) -> None:
    import dataclasses

    from PySide6.QtWidgets import QApplication

    from sip_desk.domain.action import ActionData
    from sip_desk.ui.editor.edits import set_person_field, set_plan_field, to_data
    from sip_desk.ui.editor.row_edits import update_item
    from sip_desk.ui.editor.session import PlanSession

    _app = QApplication.instance() or QApplication([])
    source = build_store(size, rebuild=False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.sqlite"
        shutil.copy(source, path)
        # The signing key lies beside the store (bench_store names it after the build file).
        for key in (Path(f"{source}.key"), source.with_suffix(".building.key")):
            if key.exists():
                shutil.copy(key, f"{path}.key")
                break
        services = services_for(path)
        counter = StatementCounter(services.ctx.db.engine)
        session = PlanSession(services, size // 2)
        action_id = session.plan.actions[0].id

        def action_edit(i: int) -> Any:
            row = next(a for a in session.plan.actions if a.id == action_id)
            data = dataclasses.replace(to_data(row, ActionData), description=f"Insats {i}")
            return update_item(session, "action", row, data)

        kinds: dict[str, Callable[[int], Any]] = {
            "plan field (reason)": lambda i: set_plan_field(session, "reason", f"Orsak {i}"),
            "person field (phone)": lambda i: set_person_field(session, "phone", f"070-{i:07d}"),
            "item field (action)": action_edit,
        }
        print(f"{size:,} plans, plan {session.plan_id}, {saves} saves per field")
        print(f"{'field':<24} {'statements':>10} {'transactions':>12} {'ms':>8}")
        all_stmts: list[float] = []
        all_ms: list[float] = []
        for name, make in kinds.items():
            stmts, txs, secs = [], [], []
            for i in range(saves):
                edit = make(i)
                n, t, s = counter.measure(lambda e=edit: session.execute(e, ask=False))
                stmts.append(n)
                txs.append(t)
                secs.append(s * 1000)
            if show_sql:
                for sql in counter.statements:
                    print("    " + sql.strip().replace("\n", " ")[:150])
            print(f"{name:<24} {_median(stmts):>10.0f} {_median(txs):>12.0f} {_median(secs):>8.2f}")
            all_stmts += stmts
            all_ms += secs
        n, t, s = counter.measure(lambda: _preview_data(services, session))
        print(f"{'print preview (open)':<24} {n:>10} {t:>12} {s * 1000:>8.2f}")
        services.ctx.db.dispose()
    stm, ms = _median(all_stmts), _median(all_ms)
    verdict = "ok" if stm <= TARGET_STATEMENTS and ms <= TARGET_MS else "MISSED"
    print(
        f"saved field (median over all fields): {stm:.0f} SQL statements (target <= "
        f"{TARGET_STATEMENTS}), {ms:.2f} ms (target <= {TARGET_MS:.0f} ms): {verdict}"
    )


def _preview_data(services: Any, session: Any) -> None:
    """Open the print preview the way the editor opens it (reading, then rendering the PDF)."""
    import inspect

    from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog

    takes_plan = "plan" in inspect.signature(PrintPreviewDialog.__init__).parameters
    dialog = PrintPreviewDialog(services, session.plan if takes_plan else session.plan_id)
    dialog.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="10k", help="plans in the store, e.g. 10k")
    parser.add_argument("--saves", type=int, default=50, help="saves per kind of field")
    parser.add_argument("--sql", action="store_true", help="print the statements of a save")
    args = parser.parse_args()
    bench(parse_size(args.size), args.saves, args.sql)


if __name__ == "__main__":
    main()
