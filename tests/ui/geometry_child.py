"""Child process for the window-geometry test: the main window opens with the settings in
``INI``, optionally is resized to ``W`` × ``H`` by the user, then closes (saving its geometry).

Run as ``python -m tests.ui.geometry_child INI [W H [X Y]]`` with ``QT_SCALE_FACTOR`` set as the
screen is scaled. Prints whether the window opened inside the screen's available room ("inside" or
"outside"), the size it opened with and the size it closed with, in logical pixels.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from sip_desk.ui.events import AppEvents
    from sip_desk.ui.main_window import MainWindow
    from sip_desk.ui.settings import AppSettings

    app = QApplication([])
    settings = AppSettings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
    window = MainWindow(AppEvents(), settings, "en")
    window.show()
    app.processEvents()
    opened = window.size()
    inside = window.screen().availableGeometry().contains(window.frameGeometry())
    if len(sys.argv) >= 4:
        window.resize(int(sys.argv[2]), int(sys.argv[3]))
    if len(sys.argv) == 6:
        window.move(int(sys.argv[4]), int(sys.argv[5]))
        app.processEvents()
    closed = window.size()
    window.close()
    app.processEvents()
    sys.stdout.write("inside " if inside else "outside ")
    sys.stdout.write(f"{opened.width()}x{opened.height()} {closed.width()}x{closed.height()}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
