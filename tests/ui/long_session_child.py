"""Child process for the quit test: the real app through a long session of empty reads, then quit.

Run as ``python -m tests.ui.long_session_child STORE [--unguarded]``. The app opens ``STORE``
as a user starts it; after start-up a timer does what hours of use do to the Qt bindings:
``READS`` reads of an item's tooltip and of a combo box's data that answer "nothing" (each one
a painted cell, a hover, a chosen entry), then closes the main window as the user quits.
``--unguarded`` starts without :func:`protect_singletons`, to show the crash it prevents.
Prints ``closed`` before the window closes; the exit code is the app's.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

READS = 60_000


def _long_session_then_quit() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication, QComboBox

    from sip_desk.ui.main_window import MainWindow

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    combo, action = QComboBox(), QAction()
    combo.addItem("Alla")
    for _ in range(READS):
        combo.currentData()
        action.data()
        combo.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    sys.stdout.write("closed\n")
    sys.stdout.flush()
    window.close()


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import sip_desk.ui.qt_application
    from sip_desk import cli
    from sip_desk.ui.qt_refcounts import protect_singletons

    make_app = sip_desk.ui.qt_application.qt_application

    def app_with_session() -> QApplication:
        app = make_app()
        QTimer.singleShot(1500, _long_session_then_quit)
        return app

    sip_desk.ui.qt_application.qt_application = app_with_session
    if "--unguarded" in sys.argv:
        protect_singletons.done = True  # type: ignore[attr-defined]  # as if it had run
    return cli.run(["--db", sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
