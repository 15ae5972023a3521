"""Screenshots for the user guide (``docs/guide/<lang>/img``), taken of the real app with the
demo plans, never drawn by hand.

    python3 packaging/dev.py guide            # both languages, into docs/guide/sv|en/img
    python packaging/guide_shots.py [sv] [en] [--into FOLDER]   # FOLDER/<lang>/img instead

Each language runs in a child process: the app on one offscreen screen of 1366 × 768 (Qt's
offscreen platform with a configuration file), driven by the keys the guide names (Ctrl+N,
Alt+3, F11, Ctrl+Shift+G, Ctrl+P, Ctrl+R, Ctrl+2) through the ``Looker`` of
``tests/ui/layout_child.py``. The store is a temporary one holding the demo cases, and the
services' clock is fixed, so the dates in the shots are the same on every run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("sv", "en")
SCREEN = {"name": "one", "x": 0, "y": 0, "width": 1366, "height": 768}
# The clock the services read: the demo plans' dates are relative to it.
NOW = datetime(2026, 11, 17, 8, 0, tzinfo=UTC)
WINDOW = (1200, 720)  # the main window on the 1366 × 768 screen
# What the person says of the first goal at the follow-up (in Swedish, as the demo plans are).
FIRST_GOAL_VIEW = "Jag har fått en träningslägenhet. Nu vill jag ha ett eget kontrakt."


def take_all(langs: list[str], guide: Path) -> int:
    """Run one child per language, into ``guide/<lang>/img``; the first failing child's exit
    code, else 0."""
    for lang in langs:
        with tempfile.TemporaryDirectory(prefix="sip-guide-") as tmp:
            config = Path(tmp) / "screen.json"
            screen = dict(SCREEN, logicalDpi=96, logicalBaseDpi=96, dpr=1)
            config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
            env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
            env.update(QT_SCALE_FACTOR="1", PYTHONPATH=str(ROOT))
            for name in ("SHOTS", "SIP_DESK_DB", "QT_SCREEN_SCALE_FACTORS"):
                env.pop(name, None)
            out = guide / lang / "img"
            out.mkdir(parents=True, exist_ok=True)
            for old in out.glob("*.png"):
                old.unlink()
            print(f"Guide screenshots ({lang}) → {out}", flush=True)
            child = [sys.executable, str(Path(__file__).resolve()), "--child", lang, tmp, str(out)]
            code = subprocess.call(child, cwd=ROOT, env=env)
            if code != 0:
                return code
    return 0


# The child: the app, driven by keys ---------------------------------------------------------------


def run_child(lang: str, folder: Path, out: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QApplication.setApplicationName("SIP Desk")
    QApplication.setOrganizationName("SIP Desk")
    app = QApplication(sys.argv[:1])
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))

    from sip_desk.db.engine import Database, make_engine
    from sip_desk.db.migrate import prepare_store
    from sip_desk.domain.audit import UserContext
    from sip_desk.services.context import Clock, ServiceContext
    from sip_desk.services.registry import Services
    from sip_desk.ui.events import AppEvents
    from sip_desk.ui.i18n import Translations
    from sip_desk.ui.main_window import MainWindow
    from sip_desk.ui.script_fonts import register_script_fonts
    from sip_desk.ui.settings import AppSettings

    translations = Translations()
    translations.install(lang)
    register_script_fonts()
    store = str(folder / "sip_desk.sqlite")
    db = Database(make_engine(store))
    prepare_store(db)
    user = UserContext(user="anna.lind", unit="Socialtjänsten Björkvik")
    ctx = ServiceContext(db=db, user=user, clock=Clock(lambda: NOW), key_path=folder / "key")
    services = Services(ctx)
    services.demo.load_cases()
    window = MainWindow(AppEvents(), AppSettings(), lang)
    window.attach_services(services, store)
    # The status bar names the store: the usual place on Linux, not this run's temporary folder.
    window.store_label.setText("/home/anna.lind/.local/share/sip-desk/sip_desk.sqlite")
    window.setGeometry(0, 0, *WINDOW)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 3000)
    walk(_guide_looker()(app, window, str(out)))
    window.close()
    window.deleteLater()
    app.processEvents()
    db.dispose()
    from PIL import Image

    for png in sorted(out.glob("*.png")):
        small = Image.open(png).convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
        small.save(png, optimize=True)
    return 0


def _guide_looker() -> type[Any]:
    from tests.ui.layout_child import Looker

    class _GuideLooker(Looker):  # type: ignore[misc]
        """Looks as the layout tests do; ``before_look`` fills a dialog before its shot."""

        before_look: Callable[[Any], None] | None = None

        def look(self, name: str, widget: Any) -> None:
            if self.before_look is not None:
                self.before_look(widget)
                self.before_look = None
            super().look(name, widget)

        def press(self, key: Any, modifiers: Any = None) -> None:
            from PySide6.QtCore import Qt
            from PySide6.QtTest import QTest

            if not self.window.isActiveWindow():  # a dialog just closed: back to the window
                self.window.activateWindow()
                QTest.qWaitForWindowActive(self.window, 3000)
            ctrl = Qt.KeyboardModifier.ControlModifier
            super().press(key, ctrl if modifiers is None else modifiers)

    return _GuideLooker


def walk(looker: Any) -> None:
    """The shots of the guide, in its order, reached by the keys it names."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from sip_desk.domain.worklist import WorklistKind

    window, press = looker.window, looker.press
    alt = Qt.KeyboardModifier.AltModifier
    looker.look("plan-list", window)
    looker.before_look = _fill_new_plan
    looker.in_dialog("new-plan", partial(press, Qt.Key.Key_N))
    _open_plan(looker, "Ekstr")
    for name, key in (
        ("editor-person", Qt.Key.Key_1),
        ("editor-participants", Qt.Key.Key_2),
        ("editor-goals", Qt.Key.Key_3),
        ("editor-actions", Qt.Key.Key_4),
        ("editor-follow-up", Qt.Key.Key_7),
    ):
        press(key, alt)
        looker.look(name, window)
    press(Qt.Key.Key_3, alt)
    press(Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)
    QTest.qWait(200)
    editor = window.tabs.currentWidget()
    looker.look("meeting-mode", editor.meeting_mode.window)
    press(Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    looker.before_look = _sign_first
    looker.in_dialog("signing", partial(press, Qt.Key.Key_G, ctrl_shift))
    looker.before_look = _let_pages_render
    looker.in_dialog("print-preview", partial(press, Qt.Key.Key_P))
    press(Qt.Key.Key_R)  # the record starts on the first goal's evaluation
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Tab):  # partly achieved; their view
        QTest.keyClick(window.focusWidget(), key)
    _type(window.focusWidget(), FIRST_GOAL_VIEW)
    QTest.qWait(800)  # saved as typed
    looker.look("follow-up-record", window)
    press(Qt.Key.Key_2)
    QTest.qWait(300)
    panel = window.worklist.ensure_panel()
    QTest.keyClick(panel.view.range, Qt.Key.Key_Down)  # the next 30 days → the next 90 days
    _wait_until(
        lambda: (
            not panel._debounce.isActive()
            and panel.model.counts is not None
            and not panel.view.message.isVisible()
        )
    )
    table = panel.view.table
    table.setFocus()
    for _ in range(30):  # down to the first follow-up meeting: every button comes alive
        QTest.keyClick(table, Qt.Key.Key_Down)
        item = panel.selected_item()
        if item is not None and item.kind is WorklistKind.FOLLOW_UP_MEETING:
            break
    looker.look("worklist", window)
    looker.in_dialog("caseload", partial(press, Qt.Key.Key_K, ctrl_shift))
    _open_plan(looker, "Haddad")  # the family's plan, printed in Arabic for them
    looker.before_look = _let_pages_render
    looker.in_dialog("print-preview-arabic", partial(press, Qt.Key.Key_P))


def _open_plan(looker: Any, name: str) -> None:
    """Find a plan by the person's name in the plan list (Ctrl+1) and open it (Enter)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    looker.press(Qt.Key.Key_1)
    search = looker.window.plan_list.view.search
    search.setFocus()
    search.clear()
    QTest.keyClicks(search, name)
    QTest.keyClick(search, Qt.Key.Key_Return)  # search now
    model = looker.window.plan_list.view.table.model()
    _wait_until(lambda: model.rowCount() == 1 and name in str(model.index(0, 0).data()))
    QTest.keyClick(search, Qt.Key.Key_Down)
    QTest.keyClick(looker.window.focusWidget(), Qt.Key.Key_Return)
    QTest.qWait(300)


def _wait_until(done: Callable[[], bool], seconds: float = 20) -> None:
    """Let the app work (a query, a render) until ``done``; fail loudly if it never is."""
    from PySide6.QtTest import QTest

    for _ in range(int(seconds * 50)):
        if done():
            return
        QTest.qWait(20)
    raise RuntimeError("the app did not settle for a screenshot")


def _type(widget: Any, text: str) -> None:
    """Type ``text`` key by key (QTest.keyClicks knows no å, ä, ö)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
        )


def _let_pages_render(dialog: Any) -> None:
    """The preview's PDF is loaded; its pages are drawn a moment later."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtTest import QTest

    _wait_until(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    QTest.qWait(700)


def _sign_first(dialog: Any) -> None:
    """The person signs first: a stroke of the mouse across their signature pad."""
    import math

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    pad = dialog.rows[0].pad
    loops = [i / 5 for i in range(140)]  # a looped, handwriting-like line (a cycloid)
    points = [
        QPoint(int(50 + 10 * t - 16 * math.sin(t)), int(62 - 18 * math.cos(t))) for t in loops
    ]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def _fill_new_plan(dialog: Any) -> None:
    from PySide6.QtTest import QTest

    QTest.keyClicks(dialog.first_name, "Maria")
    QTest.keyClicks(dialog.last_name, "Lund")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        sys.path.insert(0, str(ROOT))
        return run_child(argv[1], Path(argv[2]), Path(argv[3]))
    guide = ROOT / "docs" / "guide"
    if "--into" in argv[:-1]:  # another folder, e.g. a test's
        at = argv.index("--into")
        guide, argv = Path(argv[at + 1]).resolve(), argv[:at] + argv[at + 2 :]
    unknown = [a for a in argv if a not in LANGUAGES]
    if unknown:
        print(f"Unknown argument(s): {' '.join(unknown)}; use [sv] [en] [--into FOLDER].")
        return 2
    return take_all([a for a in argv if a in LANGUAGES] or list(LANGUAGES), guide)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
