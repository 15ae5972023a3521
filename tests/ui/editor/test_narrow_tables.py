"""In a narrow editor (a 955-px window with large text) a table leaves out its least essential
columns instead of squeezing what the row is; what it leaves out is typed in the row's form
(Ctrl+Enter), and comes back into the table when the window is wide again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.item_models.action_table_model import ActionTableModel as A
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from sip_desk.ui.text_scale import set_large_text
from tests.ui.editor.helpers import press
from tests.ui.editor.wide_plan import add_wide_plan

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().remove("editor")
    yield
    set_large_text(False)


def _shown_headers(table: ItemTable) -> list[str]:
    model = table.model()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if not table.isColumnHidden(c)
    ]


def test_a_narrow_table_leaves_out_columns_that_its_rows_form_then_shows(
    qtbot, sqlite_services, tmp_path, swedish
):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppEvents(), settings, "sv")
    qtbot.addWidget(window)
    window.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    window.resize(955, 700)
    window.show()
    qtbot.waitExposed(window)
    window.open_plan(add_wide_plan(sqlite_services))
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    part = editor.actions_section.action_part
    table = part.table
    table.setFocus()
    press(qtbot, K.Key_L, CTRL_SHIFT)  # large text
    qtbot.wait(50)
    header = table.horizontalHeader()

    shown = _shown_headers(table)
    assert "Huvudman" not in shown and "Vad som görs" in shown and "Status" in shown
    what = A.column_of("description")
    longest = max(
        table.fontMetrics().horizontalAdvance(w)
        for r in range(table.model().rowCount())
        for w in str(table.model().index(r, what).data() or "").split()
    )
    assert header.sectionSize(what) > longest  # no word of what is done is cut

    table.setFocus()
    table.setCurrentIndex(table.model().index(0, what))
    press(qtbot, K.Key_Return, CTRL)
    detail = part.detail
    assert detail is not None and detail.isVisible()
    principal = detail.fields["responsible_principal"].widget
    assert principal.isVisible()  # left out of the table: in the row's form
    assert not detail.fields["status"].widget.isVisible()  # in the table: not twice
    press(qtbot, K.Key_Escape)

    window.resize(1900, 1000)
    press(qtbot, K.Key_L, CTRL_SHIFT)  # normal text, a wide window: every column again
    qtbot.waitUntil(lambda: "Huvudman" in _shown_headers(table))
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, what))
    press(qtbot, K.Key_Return, CTRL)
    assert detail.isVisible() and not principal.isVisible()
