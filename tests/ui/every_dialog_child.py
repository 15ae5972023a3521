"""Child process for the quit test: the real app, every window and dialog opened and closed, quit.

Run as ``python -m tests.ui.every_dialog_child STORE [--rounds N] [--unguarded]`` with ``HOME``
(holding a ``Documents`` folder), ``XDG_CONFIG_HOME`` and ``XDG_DATA_HOME`` of the test's own.
The app starts as a user starts it (``cli.run``) on an empty ``STORE``; a script then loads the
demo data and, by key presses (a menu action only where there is no shortcut), opens and closes:
new plan, settings, caseload, worklist, "generate demo plans", the delete question, the save
file dialogs (export is saved for real), import with the import-person dialog, import of a
broken file (its warning), the store error dialog (the store held by another connection), a
plan's editor, meeting mode, the print preview of the Arabic-speaking person's plan with its
print dialog, the conflict dialog (another copy saves the same field), the signing dialog (a
drawn signature, a stray Escape's question, signed), the File and recent plans menus, the
other UI language; that ``N`` times (default once), then Ctrl+Q. Each window closed is named on
standard output ("closed NewPlanDialog"), then ``quit`` before the last key; the exit code is
the app's.
``--unguarded`` starts without :func:`protect_singletons`, to see whether the crash returns.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QFileDialog,
    QInputDialog,
    QMessageBox,
)

from tests.ui.app_steps import (
    closed,
    closes,
    dialog_by_key,
    find_plan,
    main_window,
    mnemonic,
    open_editor,
    tabs,
    type_file_name,
)
from tests.ui.script_driver import (
    Script,
    ScriptDriver,
    active_window,
    for_a_while,
    gone,
    keys,
    later,
    modal,
    say,
    top_level,
    until,
)

ARABIC_PLAN = "Rania Haddad"  # demo plan 3: print language Arabic
OTHER_PLAN = "Jonas Ekström"
THEIRS = "Annas text om boendet"
MINE = " och Bos om jobbet"
DEMO_PLANS = 4


def _list_dialogs() -> Script:
    from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
    from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
    from sip_desk.ui.follow_up.caseload_dialog import CaseloadDialog

    window = main_window()
    yield from dialog_by_key("Ctrl+N", NewPlanDialog)
    yield from dialog_by_key("Ctrl+,", SettingsDialog)
    yield from dialog_by_key("Ctrl+Shift+K", CaseloadDialog)
    yield from keys("Ctrl+2")
    yield until("worklist", lambda: window.worklist.panel and window.worklist.panel.isVisible())
    yield from keys("Ctrl+1")
    yield from closed("WorklistPanel", window.worklist.panel)
    yield later(window.menus.generate_demo_action.trigger)  # no shortcut
    yield from closes(QInputDialog, name="generateDemoDialog")
    yield from find_plan(OTHER_PLAN)
    yield from dialog_by_key("Ctrl+Shift+Del", QMessageBox)  # Escape: not deleted


def _file_dialogs(home: Path, number: int) -> Script:
    from sip_desk.ui.dialogs.import_person_dialog import ImportPersonDialog

    yield from find_plan(ARABIC_PLAN)
    yield from keys("Ctrl+Shift+S")
    yield from closes(QFileDialog)  # cancelled
    yield from keys("Ctrl+Shift+E")
    yield from type_file_name(f"plan-{number}.json")
    exported = home / "Documents" / f"plan-{number}.json"
    yield until("export written", exported.exists)
    doc = json.loads(exported.read_text(encoding="utf-8"))
    doc["plan"]["person"]["phone"] = "070-000 00 00"
    changed = home / "Documents" / f"changed-{number}.json"
    changed.write_text(json.dumps(doc), encoding="utf-8")
    yield from keys("Ctrl+Shift+I")
    yield from type_file_name(changed.name)
    yield from closes(ImportPersonDialog)  # Escape: nothing imported
    broken = home / "Documents" / f"broken-{number}.json"
    broken.write_text('{"format": ', encoding="utf-8")
    yield from keys("Ctrl+Shift+I")
    yield from type_file_name(broken.name)
    yield from closes(QMessageBox, name="warningBox")  # "The plan was not imported"


def _store_error(store: str) -> Script:
    from sip_desk.ui.dialogs.store_error_dialog import StoreErrorDialog

    yield from find_plan(OTHER_PLAN)
    other = sqlite3.connect(store, isolation_level=None)  # another program holds the store
    other.execute("BEGIN EXCLUSIVE")
    yield from keys(Qt.Key.Key_Return)
    dialog = yield until("store error", lambda: modal(StoreErrorDialog))
    other.execute("COMMIT")
    other.close()
    yield from keys(Qt.Key.Key_Escape)
    yield from closed("StoreErrorDialog", dialog)


def _meeting_mode(editor: Any) -> Script:
    from sip_desk.ui.meeting_mode.meeting_mode_window import MeetingModeWindow

    yield from keys(Qt.Key.Key_F11)
    meeting = yield until("meeting mode", lambda: top_level(MeetingModeWindow))
    yield for_a_while("meeting mode active", meeting.isActiveWindow, 2.0)
    for _ in range(4):  # Escape where it has the keys (its own window), else F11 in the editor
        if not gone(meeting):
            yield from keys(Qt.Key.Key_Escape if meeting.isActiveWindow() else Qt.Key.Key_F11)
            yield for_a_while("meeting mode left", lambda: gone(meeting), 2.0)
    yield from closed("MeetingModeWindow", meeting)
    yield until("a window active", active_window)


def _print_preview() -> Script:
    from PySide6.QtPrintSupport import QPrintDialog

    from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog

    yield from keys("Ctrl+P")
    preview = yield until("print preview", lambda: modal(PrintPreviewDialog))
    yield until("preview rendered", preview.print_button.isEnabled, timeout=60)
    if preview.language.currentData() != "ar":
        raise AssertionError(f"preview in {preview.language.currentData()}, not Arabic")
    for _ in range(3):
        yield from keys(Qt.Key.Key_PageDown)
    yield later(lambda: QTest.mouseClick(preview.print_button, Qt.MouseButton.LeftButton))
    yield from closes(QPrintDialog)
    yield from keys(Qt.Key.Key_Escape)
    yield from closed("PrintPreviewDialog ar", preview)


def _conflict(editor: Any, store: str) -> Script:
    from sip_desk.bootstrap import open_services
    from sip_desk.ui.dialogs.conflict_dialog import ConflictDialog

    field = editor.person_section.reason
    yield until("a window active", active_window)
    yield later(lambda: editor.person_section.focus_widget(field))
    yield until("reason field", field.hasFocus)
    other = open_services(store)  # another copy of SIP Desk saves the same field
    plan = other.plans.get_plan(editor.plan.id)
    theirs = dataclasses.replace(plan.fields, reason=THEIRS)
    other.plans.update_fields(plan.id, plan.version, theirs)
    other.ctx.db.dispose()
    yield from keys("Ctrl+End", field)
    yield later(lambda: QTest.keyClicks(field, MINE))
    yield from keys(Qt.Key.Key_Tab, field)  # leaving the field asks
    dialog = yield until("conflict dialog", lambda: modal(ConflictDialog))
    yield later(lambda: QTest.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton))
    yield from closed("ConflictDialog", dialog)


def _sign(editor: Any) -> Script:
    from sip_desk.ui.dialogs.signing_dialog import DRAW, SigningDialog

    yield from keys("Ctrl+Shift+G")
    dialog = yield until("signing dialog", lambda: modal(SigningDialog))
    for row in dialog.rows:
        if row.method.currentIndex() == DRAW:
            pad = row.pad
            QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 70))
            QTest.mouseMove(pad, QPoint(160, 30))
            QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(260, 60))
    yield from keys(Qt.Key.Key_Escape)  # a stray Escape asks; Escape again keeps signing
    yield from closes(QMessageBox, name="discardBox")
    if gone(dialog):
        raise AssertionError("Escape closed the signing dialog with signatures drawn")
    yield later(lambda: QTest.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton))
    yield until("signed", lambda: gone(dialog) or (dialog.error.isVisible() and dialog.error))
    if not gone(dialog):
        raise AssertionError(f"signing refused: {dialog.error.text()}")
    say("closed", "SigningDialog signed")
    yield until("a window active", active_window)


def _editor_windows(store: str) -> Script:
    from sip_desk.ui.editor.plan_editor import PlanEditor

    editor = yield from open_editor(ARABIC_PLAN)
    yield from _meeting_mode(editor)
    yield from _print_preview()
    yield from _conflict(editor, store)
    yield from _sign(editor)
    yield from keys("Ctrl+W")
    yield until("plan closed", lambda: not any(isinstance(w, PlanEditor) for w in tabs()))
    say("closed", "PlanEditor")


def _menus() -> Script:
    """Alt + the File menu's letter, then the recent plans' letter; Escape closes each."""
    window = main_window()
    file_menu, recent = window.menus.file_menu, window.menus.recent_menu
    yield from keys(f"Alt+{mnemonic(file_menu.title())}")
    yield until("File menu", lambda: QApplication.activePopupWidget() is file_menu)
    yield from keys(mnemonic(recent.title()), file_menu)
    yield until("recent plans", lambda: QApplication.activePopupWidget() is recent)
    if not any(a.isEnabled() for a in recent.actions()):
        raise AssertionError("no recent plan listed")
    yield from keys(Qt.Key.Key_Escape, recent)
    yield from closed("QMenu recentPlansMenu", recent)
    yield from keys(Qt.Key.Key_Escape, file_menu)
    yield from closed("QMenu fileMenu", file_menu)


def _other_language() -> Script:
    """Language → the other one (no shortcut): the window is built anew."""
    window = main_window()
    other = next(a for a in window.menus.language_group.actions() if not a.isChecked())
    yield later(other.trigger)
    rebuilt = yield until("window rebuilt", lambda: (w := main_window()) is not window and w)
    yield from closed(f"MainWindow {window.lang}", window)
    yield until("new window active", lambda: active_window() is rebuilt)


def script(store: str, home: Path, rounds: int) -> Script:
    """Demo data, then ``rounds`` rounds of every window and dialog, then Ctrl+Q."""
    window = yield until("main window", main_window)
    yield until("store open", lambda: window.services is not None and window.isActiveWindow())
    yield later(window.menus.demo_action.trigger)  # Arkiv → Ladda demodata (no shortcut)
    yield until("demo plans", lambda: window.plan_list.model.rowCount() == DEMO_PLANS)
    for number in range(1, rounds + 1):
        yield from _list_dialogs()
        yield from _file_dialogs(home, number)
        yield from _store_error(store)
        yield from _editor_windows(store)
        yield from _menus()
        yield from _other_language()
    say("quit")
    yield from keys("Ctrl+Q")


def main() -> int:
    from PySide6.QtCore import QTimer

    import sip_desk.ui.qt_application
    from sip_desk import cli
    from sip_desk.ui.qt_refcounts import protect_singletons

    store, home = sys.argv[1], Path(os.environ["HOME"])
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 1
    make_app = sip_desk.ui.qt_application.qt_application
    drivers: list[ScriptDriver] = []

    def app_with_script() -> QApplication:
        app = make_app()
        QTimer.singleShot(0, lambda: drivers.append(ScriptDriver(script(store, home, rounds), app)))
        return app

    sip_desk.ui.qt_application.qt_application = app_with_script
    if "--unguarded" in sys.argv:
        protect_singletons.done = True  # type: ignore[attr-defined]  # as if it had run
    return cli.run(["--db", store])


if __name__ == "__main__":
    sys.exit(main())
