"""Child process for the crash-safety test: opens the editor, types, then waits to be killed.

Run as ``python -m tests.ui.editor.crash_child STORE PLAN_ID TEXT``.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sip_desk.bootstrap import open_services
    from sip_desk.ui.editor.plan_editor import PlanEditor
    from sip_desk.ui.events import AppEvents

    store, plan_id, text = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    app = QApplication([])
    services = open_services(store)
    editor = PlanEditor(services, AppEvents(), plan_id)
    editor.show()

    def type_it() -> None:
        reason = editor.person_section.reason
        reason.setFocus()
        for ch in text:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                reason,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )
        sys.stdout.write("typed\n")
        sys.stdout.flush()

    QTimer.singleShot(100, type_it)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
