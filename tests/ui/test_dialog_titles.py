"""Small dialogs are wide enough for their whole title ("Generera demoplaner", not "Gener…")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QLabel

from sip_desk.services.registry import Services
from sip_desk.ui.events import AppEvents
from sip_desk.ui.i18n import Translations
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.ui.question_boxes import act_in_next_dialog

# What a title bar needs besides the title: the window buttons and margins (Xvfb + a WM).
TITLE_BAR_PX = 150


def test_generate_demo_plans_dialog_shows_its_whole_title_and_question(
    qtbot, sqlite_services: Services, tmp_path: Path
) -> None:
    translations = Translations()
    translations.install("sv")
    seen: list[tuple[str, int, int, int, int]] = []

    def look_then_cancel(dialog: QInputDialog) -> None:
        title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        label = dialog.findChild(QLabel)
        assert label is not None
        dialog.grab().save(str(tmp_path / "generate-demo.png"))
        seen.append(
            (dialog.windowTitle(), dialog.width(), title, label.width(), label.sizeHint().width())
        )
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    try:
        settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(AppEvents(), settings, "sv")
        qtbot.addWidget(window)
        window.attach_services(sqlite_services, "store")
        window.show()
        opened = act_in_next_dialog(QInputDialog, look_then_cancel)
        window.menus.generate_demo_action.trigger()
    finally:
        translations.install("en")

    assert opened
    [(name, width, title, label, label_needs)] = seen
    assert name == "Generera demoplaner"
    assert width >= title + TITLE_BAR_PX
    assert label >= label_needs  # the question is not cut either
    assert sqlite_services.plan_list.count_plans() == 0  # Escape generated nothing
