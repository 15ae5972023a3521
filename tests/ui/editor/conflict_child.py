"""Child process for the kill-during-a-conflict test: the real editor, its text held back.

Run as ``python -m tests.ui.editor.conflict_child STORE PLAN_ID``. Opens the plan's editor and
goes into "Reason for the SIP"; another copy of SIP Desk (a second connection) then saves
``THEIRS`` there, and this editor types ``MINE`` key by key, so its save meets the other
change. It leaves the field with Tab, and answers the conflict dialog with Escape ("decide
later"). Then it writes ``held`` to standard output and waits to be killed.
"""

from __future__ import annotations

import dataclasses
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

THEIRS = "Annas text om boendet"
MINE = "Bos text om jobbet"
KEY_MS = 60


def _say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def main() -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from sip_desk.bootstrap import open_services
    from sip_desk.ui.dialogs.conflict_dialog import ConflictDialog
    from sip_desk.ui.editor.plan_editor import PlanEditor
    from sip_desk.ui.events import AppEvents

    store, plan_id = sys.argv[1], int(sys.argv[2])
    app = QApplication([])
    editor = PlanEditor(open_services(store), AppEvents(), plan_id)
    editor.resize(1200, 800)
    editor.show()
    editor.activateWindow()
    field = editor.person_section.reason
    typed = [0]

    def other_copy_saves() -> None:
        other = open_services(store)
        plan = other.plans.get_plan(plan_id)
        fields = dataclasses.replace(plan.fields, reason=THEIRS)
        other.plans.update_fields(plan_id, plan.version, fields)
        other.ctx.db.dispose()

    def type_next() -> None:
        if typed[0] == len(MINE):
            QTimer.singleShot(1500, leave)  # a pause: the save meets the other change
            return
        QTest.keyClicks(field, MINE[typed[0]])
        typed[0] += 1
        QTimer.singleShot(KEY_MS, type_next)

    def leave() -> None:
        QTimer.singleShot(100, decide_later)
        QTest.keyClick(field, Qt.Key.Key_Tab)  # leaving the field asks (a modal dialog)
        if editor.session.deferred:
            _say("held")
        else:
            _say("error", "nothing held back")

    def decide_later() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(50, decide_later)
            return
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    def start() -> None:
        editor.person_section.focus_widget(field)
        if QApplication.focusWidget() is not field:
            _say("error", "focus is on", QApplication.focusWidget())
            app.exit(3)
            return
        other_copy_saves()
        type_next()

    QTimer.singleShot(200, start)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
