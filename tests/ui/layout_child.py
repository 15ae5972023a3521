"""Child process for the layout tests: the app on one screen of a given size and scale (Qt's
offscreen platform with a configuration file, ``QT_SCALE_FACTOR``), driven by keys as a user
would, printing as JSON what fits. With ``SHOTS=folder`` it also saves screenshots.

Run as ``python -m tests.ui.layout_child FOLDER [large]``.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path


def main() -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    folder = Path(sys.argv[1])
    large = "large" in sys.argv[2:]
    shots = os.environ.get("SHOTS", "")
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
    if large:
        ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(window, Qt.Key.Key_L, ctrl_shift)
    room = window.screen().availableGeometry()
    found: dict[str, object] = {"room": [room.width(), room.height()]}

    sideways = window.plan_list.view.table.horizontalScrollBar()

    def look(name: str, widget: QWidget) -> None:
        app.processEvents()
        QTest.qWait(50)
        hint = widget.minimumSizeHint()
        found[name] = {
            "min_width": max(hint.width(), widget.minimumWidth()),
            "min_height": max(hint.height(), widget.minimumHeight()),
            "inside": room.contains(widget.frameGeometry()),
            "plan_list_scrolls_sideways": sideways.isVisible(),
        }
        if shots:
            widget.grab().save(str(Path(shots) / f"{name}.png"))

    look("plan_list", window)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    look("worklist", window)
    panel = window.worklist.ensure_panel()
    if panel is not None:
        combo = panel.view.range
        combo.setFocus()
        QTest.keyClick(combo, Qt.Key.Key_End)  # the last choice: a range of dates
        look("worklist_dates", window)
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.plan_list.view.table.setFocus()
    QTest.keyClick(window.plan_list.view.table, Qt.Key.Key_Return)
    look("editor", window)
    window.close()
    window.deleteLater()
    app.processEvents()
    services.ctx.db.dispose()
    sys.stdout.write(json.dumps(found) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
