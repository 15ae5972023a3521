"""Child process for the layout tests: the app on one screen of a given size and scale (Qt's
offscreen platform with a configuration file, ``QT_SCALE_FACTOR``), driven by keys as a user
would, printing as JSON what fits. With ``SHOTS=folder`` it also saves screenshots.

Run as ``python -m tests.ui.layout_child FOLDER [large]``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Looker:
    """Measures (and photographs) what the user sees in ``window`` and its dialogs."""

    def __init__(self, app: QApplication, window: QWidget, shots: str) -> None:
        self.app, self.window, self.shots = app, window, shots
        room = window.screen().availableGeometry()
        self.room = room
        self.found: dict[str, object] = {"room": [room.width(), room.height()]}

    def look(self, name: str, widget: QWidget) -> None:
        self.app.processEvents()
        QTest.qWait(50)
        hint = widget.minimumSizeHint()
        sideways = self.window.plan_list.view.table.horizontalScrollBar()  # type: ignore[attr-defined]
        self.found[name] = {
            "min_width": max(hint.width(), widget.minimumWidth()),
            "min_height": max(hint.height(), widget.minimumHeight()),
            "inside": self.room.contains(widget.frameGeometry()),
            "plan_list_scrolls_sideways": sideways.isVisible(),
            "worklist_scrolls_sideways": self._worklist_scrolls(),
        }
        if self.shots:
            widget.grab().save(str(Path(self.shots) / f"{name}.png"))

    def _worklist_scrolls(self) -> bool:
        panel = self.window.worklist.panel  # type: ignore[attr-defined]
        return panel is not None and panel.view.table.horizontalScrollBar().isVisible()

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> None:
        QTest.keyClick(self.window.focusWidget() or self.window, key, modifiers)

    def in_dialog(self, name: str, open_it: Callable[[], None]) -> None:
        """Open a modal dialog by its key, look at it once it has settled, then close it."""
        seen: list[str] = []
        polls = 0

        def when_open() -> None:
            nonlocal polls
            dialog = QApplication.activeModalWidget()
            polls += 1
            if not isinstance(dialog, QDialog) or not dialog.isVisible():
                if polls < 1000:
                    QTimer.singleShot(10, when_open)
                return
            QTest.qWait(300)  # a preview renders its first pages
            self.look(name, dialog)
            seen.append(name)
            dialog.done(QDialog.DialogCode.Rejected)

        self.window.activateWindow()
        QTest.qWaitForWindowActive(self.window, 3000)
        QTimer.singleShot(0, when_open)
        open_it()
        for _ in range(1000):  # a preview opens once rendered, after the key returned
            if seen:
                break
            QTest.qWait(10)


def walk(looker: Looker) -> None:
    """Every tab and dialog, as a user reaches them."""
    window = looker.window
    looker.look("plan_list", window)
    looker.press(Qt.Key.Key_2)
    looker.look("worklist", window)
    panel = window.worklist.ensure_panel()  # type: ignore[attr-defined]
    if panel is not None:
        combo = panel.view.range
        combo.setFocus()
        QTest.keyClick(combo, Qt.Key.Key_End)  # the last choice: a range of dates
        looker.look("worklist_dates", window)
        area = panel.view.filters.viewport()
        looker.found["dates_in_sight"] = all(
            area.rect().contains(w.rect().translated(w.mapTo(area, w.rect().topLeft())))
            for w in (panel.view.first_day, panel.view.last_day)
        )
    looker.press(Qt.Key.Key_1)
    table = window.plan_list.view.table  # type: ignore[attr-defined]
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Return)
    looker.look("editor", window)
    from tests.ui.table_looks import table_looks

    looker.found["editor_tables"] = table_looks(window, looker.shots)
    for name, key in (
        ("print_preview", Qt.Key.Key_P),
        ("new_plan", Qt.Key.Key_N),
        ("settings", Qt.Key.Key_Comma),
    ):
        looker.in_dialog(name, partial(looker.press, key))


def main() -> int:
    app = QApplication([])
    folder = Path(sys.argv[1])
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))

    from sip_desk.db.engine import Database, make_engine
    from sip_desk.db.migrate import prepare_store
    from sip_desk.domain.audit import UserContext
    from sip_desk.services.context import ServiceContext
    from sip_desk.services.registry import Services
    from sip_desk.ui.events import AppEvents
    from sip_desk.ui.main_window import MainWindow
    from sip_desk.ui.settings import AppSettings

    db = Database(make_engine(str(folder / "store.sqlite")))
    prepare_store(db)
    services = Services(ServiceContext(db=db, user=UserContext(user="anna", unit="Enheten")))
    services.demo.load_cases()
    window = MainWindow(AppEvents(), AppSettings(), "en")
    window.attach_services(services, str(folder / "store.sqlite"))
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 3000)
    looker = Looker(app, window, os.environ.get("SHOTS", ""))
    if "large" in sys.argv[2:]:
        looker.press(Qt.Key.Key_L, CTRL_SHIFT)
    walk(looker)
    window.close()
    window.deleteLater()
    app.processEvents()
    services.ctx.db.dispose()
    sys.stdout.write(json.dumps(looker.found) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
