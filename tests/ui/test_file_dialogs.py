"""Save dialogs open in Documents, then in the folder last used: never in the program's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit

from sip_desk.services.registry import Services
from sip_desk.ui.events import AppEvents
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.builders import person_data
from tests.ui.question_boxes import act_in_next_dialog


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A user's home with a Documents folder, and settings of the test's own."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "s"))
    yield home
    QSettings().remove("files")


def _close_file_dialogs() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible():
            widget.reject()


def _save_through_the_dialog(qtbot, window: MainWindow, target: Path) -> list[str]:
    """Export the open plan: note where the dialog opened, type ``target`` and press Enter."""
    opened_in: list[str] = []

    def type_name(dialog: QFileDialog) -> None:
        opened_in.append(dialog.directory().absolutePath())
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.selectAll()
        qtbot.keyClicks(name, target.name)
        if target.parent != Path(opened_in[-1]):  # another folder: its path typed before the name
            name.setText(str(target))  # (typed key by key, the folder completer takes the keys)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    act_in_next_dialog(QFileDialog, type_name)
    QTimer.singleShot(8000, _close_file_dialogs)  # a dialog left open must not hang the run
    window.menus.export_json_action.trigger()
    qtbot.waitUntil(target.exists, timeout=5000)
    return opened_in


def test_save_dialog_opens_in_documents_then_in_the_folder_last_used(
    qtbot, sqlite_services: Services, tmp_path: Path, home: Path, monkeypatch
) -> None:
    monkeypatch.chdir(Path(__file__).parent)  # started from the code folder, as the tester did
    settings = AppSettings(QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(window)
    window.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    plan = sqlite_services.plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    window.show()
    window.open_plan(plan.id)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    first = _save_through_the_dialog(qtbot, window, elsewhere / "first.json")
    second = _save_through_the_dialog(qtbot, window, elsewhere / "second.json")

    assert first == [str(home / "Documents")]
    assert second == [str(elsewhere)]
