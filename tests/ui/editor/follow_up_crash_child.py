"""Child process for the follow-up kill test: starts the record, types steadily, is killed.

Run as ``python -m tests.ui.editor.follow_up_crash_child STORE PLAN_ID TEXT INTERVAL_MS``.
Prints ``ready`` once the record is open, then the number of characters typed after each key.
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

    store, plan_id, text, interval = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    app = QApplication([])
    services = open_services(store)
    editor = PlanEditor(services, AppEvents(), plan_id)
    editor.show()
    assert editor.record_follow_up()
    goal = editor.plan.goals[0].id
    view = editor.follow_up_record_section.bindings[f"record.goal.{goal}.person_view"].widget
    view.setFocus()
    typed = 0

    def type_one() -> None:
        nonlocal typed
        if typed == len(text):
            return
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, view, Qt.Key.Key_unknown, text[typed],
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        typed += 1
        sys.stdout.write(f"{typed}\n")
        sys.stdout.flush()

    timer = QTimer(app, interval=interval)
    timer.timeout.connect(type_one)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    timer.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
