"""Child process for the two-screen meeting-mode test: Qt's offscreen platform given two screens
(``QT_QPA_PLATFORM=offscreen:configfile=screens.json``), the main window on the first, a plan
open, the screen ``REMEMBERED`` chosen in the settings ("" for the default).

Run as ``python -m tests.ui.meeting_screens_child FOLDER REMEMBERED``. Presses F11 in the
editor, types a sentence, and prints as JSON where meeting mode went and where the keyboard is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main() -> int:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    folder = Path(sys.argv[1])
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))

    from sip_desk.db.engine import Database, make_engine
    from sip_desk.db.migrate import prepare_store
    from sip_desk.domain.audit import UserContext
    from sip_desk.services.context import ServiceContext
    from sip_desk.services.registry import Services
    from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
    from sip_desk.ui.editor.plan_editor import PlanEditor
    from sip_desk.ui.events import AppEvents
    from sip_desk.ui.main_window import MainWindow
    from sip_desk.ui.settings import AppSettings
    from tests.builders import PlanBuilder

    db = Database(make_engine(str(folder / "store.sqlite")))
    prepare_store(db)
    services = Services(ServiceContext(db=db, user=UserContext(user="anna", unit="Enheten")))
    settings = AppSettings()
    settings.meeting_screen = sys.argv[2]
    laptop = QGuiApplication.screens()[0]
    window = MainWindow(AppEvents(), settings, "en")
    window.setScreen(laptop)
    window.setGeometry(laptop.availableGeometry().adjusted(20, 20, -20, -20))
    window.attach_services(services, str(folder / "store.sqlite"))
    window.show()
    window.activateWindow()
    app.processEvents()
    window.open_plan(PlanBuilder(services).complete().id)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    field = editor.goals_section.what_matters
    field.setFocus()
    app.processEvents()

    QTest.keyClick(field, Qt.Key.Key_F11)
    app.processEvents()
    QTest.keyClicks(field, " Ha en katt.")
    meeting = editor.meeting_window
    assert meeting is not None
    typed_shown = False
    for _ in range(100):  # the field saves within a second of the last key
        QTest.qWait(50)
        if "Ha en katt." in meeting.text.text():
            typed_shown = True
            break
    g = meeting.geometry()
    dialog = SettingsDialog(services.documents, services.follow_ups, "en", window, settings)
    combo = dialog.meeting_screen
    found = {
        "editor_screen": editor.screen().name(),
        "screen": meeting.screen().name(),
        "geometry": [g.x(), g.y(), g.width(), g.height()],
        "full_screen": bool(meeting.windowState() & Qt.WindowState.WindowFullScreen),
        "focus_in_editor": QApplication.focusWidget() is field,
        "typed_shown": typed_shown,
        "point_sizes": sorted({label.font().pointSize() for label in meeting.text.part_labels()}),
        "choices": [combo.itemText(i) for i in range(combo.count())],
    }
    dialog.deleteLater()
    window.close()
    app.processEvents()
    sys.stdout.write(json.dumps(found) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
