"""Every editor table fits the editor at 1366×768 without sideways scrolling; a row's other
fields are typed in its detail form (Ctrl+Enter opens it, Escape saves and goes back)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit

from sip_desk.services.registry import Services
from sip_desk.ui.editor.item_table import ItemTable
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.item_models.action_table_model import ActionTableModel as A
from sip_desk.ui.item_models.participant_table_model import ParticipantTableModel as P
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.ui.editor.helpers import focused, keys, press
from tests.ui.editor.wide_plan import add_wide_plan

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _own_settings(tmp_path) -> None:
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings().remove("editor")


def _editor_in_window(qtbot, services: Services, tmp_path: Path, size: tuple[int, int]):
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(AppEvents(), settings, "sv")
    qtbot.addWidget(window)
    window.attach_services(services, str(tmp_path / "store.sqlite"))
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.open_plan(add_wide_plan(services))
    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    qtbot.wait(50)  # the tables fit their columns once laid out
    return window, editor


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_editor_tables_need_no_sideways_scrolling(qtbot, sqlite_services, tmp_path, swedish, size):
    _window, editor = _editor_in_window(qtbot, sqlite_services, tmp_path, size)

    tables = editor.findChildren(ItemTable)
    assert {t.objectName() for t in tables} >= {
        "representative_table",
        "participant_table",
        "consent_table",
        "goal_table",
        "need_table",
        "action_table",
    }
    for table in tables:
        bar = table.horizontalScrollBar()
        assert bar.maximum() == 0 and not bar.isVisible(), table.objectName()
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(header.count()):
            if table.isColumnHidden(column):
                continue
            text = str(table.model().headerData(column, Qt.Orientation.Horizontal))
            longest = max(metrics.horizontalAdvance(word) for word in text.split())
            assert header.sectionSize(column) >= longest, (table.objectName(), text)
    assert editor.scroll_area.horizontalScrollBar().maximum() == 0


def test_action_name_stays_in_sight_while_its_dates_are_typed(
    qtbot, sqlite_services, tmp_path, swedish
):
    _window, editor = _editor_in_window(qtbot, sqlite_services, tmp_path, (1366, 768))
    table = editor.actions_section.action_part.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, A.column_of("start_date")))

    press(qtbot, K.Key_F2)
    _line().selectAll()
    keys(qtbot, focused(), "2026-12-07")
    press(qtbot, K.Key_Tab)  # saved, and on to the end date

    assert isinstance(focused(), QLineEdit)
    assert table.currentIndex().column() == A.column_of("end_date")
    name = table.visualRect(table.model().index(0, A.column_of("description")))
    assert table.viewport().rect().contains(name), "the action's name scrolled out of sight"
    assert sqlite_services.plans.get_plan(editor.plan.id).actions[0].start_date.day == 7


def _line() -> QLineEdit:
    """The line edit the keyboard types into now."""
    widget = focused()
    assert isinstance(widget, QLineEdit), widget
    return widget


def _participant_table(qtbot, sqlite_services, tmp_path) -> tuple[PlanEditor, ItemTable]:
    _window, editor = _editor_in_window(qtbot, sqlite_services, tmp_path, (1366, 768))
    table = editor.participants_section.participants.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(1, P.column_of("role")))
    return editor, table


def _stored_participant(services: Services, editor: PlanEditor, row: int):
    return services.plans.get_plan(editor.plan.id).participants[row]


def test_ctrl_enter_opens_the_rows_details_and_escape_saves_and_returns(
    qtbot, sqlite_services, tmp_path, swedish
):
    editor, table = _participant_table(qtbot, sqlite_services, tmp_path)
    detail = editor.participants_section.participants.detail
    assert detail is not None

    press(qtbot, K.Key_Return, CTRL)

    assert detail.isVisible()
    assert focused() is detail.fields["unit"].widget
    assert "Mohammed Al-Hassan Abdulrahman" in detail.heading.text()
    page = editor.scroll_area.viewport()
    qtbot.waitUntil(  # the form is scrolled into sight under the table
        lambda: page.rect().contains(
            detail.rect().translated(detail.mapTo(page, detail.rect().topLeft()))
        )
    )
    press(qtbot, K.Key_Tab)  # unit → phone
    assert focused() is detail.fields["phone"].widget
    _line().selectAll()
    keys(qtbot, focused(), "010-999 88 77")
    press(qtbot, K.Key_Escape)

    assert not detail.isVisible()
    assert focused() is table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, P.column_of("role"))
    assert _stored_participant(sqlite_services, editor, 1).phone == "010-999 88 77"


def test_a_detail_edit_is_undone_with_ctrl_z(qtbot, sqlite_services, tmp_path, swedish):
    editor, table = _participant_table(qtbot, sqlite_services, tmp_path)
    detail = editor.participants_section.participants.detail
    assert detail is not None
    before = _stored_participant(sqlite_services, editor, 1)
    press(qtbot, K.Key_Return, CTRL)
    for _ in range(4):  # unit, phone, e-mail, relative → chair
        press(qtbot, K.Key_Tab)
    assert isinstance(focused(), QCheckBox)
    press(qtbot, K.Key_Space)
    qtbot.waitUntil(lambda: _stored_participant(sqlite_services, editor, 1).is_chair)
    press(qtbot, K.Key_Escape)
    assert focused() is table

    press(qtbot, K.Key_Z, CTRL)

    assert _stored_participant(sqlite_services, editor, 1) == before
    assert sqlite_services.plans.get_plan(editor.plan.id).version == editor.plan.version


def test_a_detail_field_shows_why_its_text_is_not_saved(qtbot, sqlite_services, tmp_path, swedish):
    editor, table = _participant_table(qtbot, sqlite_services, tmp_path)
    detail = editor.participants_section.participants.detail
    assert detail is not None
    stored = _stored_participant(sqlite_services, editor, 1).email
    press(qtbot, K.Key_Return, CTRL)
    press(qtbot, K.Key_Tab)
    press(qtbot, K.Key_Tab)  # unit → phone → e-mail
    email = detail.fields["email"]
    assert focused() is email.widget
    _line().selectAll()
    keys(qtbot, focused(), "inte en adress")

    press(qtbot, K.Key_Escape)

    assert detail.isVisible(), "text the store refused keeps the form open"
    assert focused() is email.widget
    assert _line().text() == "inte en adress"
    assert email.error.isVisible()
    assert "ingen giltig e-postadress" in email.error.text()
    assert _stored_participant(sqlite_services, editor, 1).email == stored
    press(qtbot, K.Key_S, CTRL)  # "save now" names what is not saved, and where
    assert "Texten i Deltagare: E-post är inte sparad" in editor.notice.text()
    assert focused() is email.widget
    _line().selectAll()
    keys(qtbot, focused(), "mohammed@example.invalid")
    press(qtbot, K.Key_Escape)
    assert not detail.isVisible()
    assert not email.error.isVisible()
    assert _stored_participant(sqlite_services, editor, 1).email == "mohammed@example.invalid"


def test_ctrl_enter_in_a_new_rows_name_stores_it_and_opens_its_details(
    qtbot, sqlite_services, tmp_path, swedish
):
    editor, table = _participant_table(qtbot, sqlite_services, tmp_path)
    detail = editor.participants_section.participants.detail
    assert detail is not None
    button = editor.participants_section.participants.details_button
    assert "Ctrl+Enter" in button.text() and "Ctrl+Enter" in button.toolTip()
    table.start_new_row()
    keys(qtbot, focused(), "Nils Holm")

    press(qtbot, K.Key_Return, CTRL)

    assert detail.isVisible()
    assert "Nils Holm" in detail.heading.text()
    press(qtbot, K.Key_Tab)  # unit → phone
    keys(qtbot, focused(), "070-111 22 33")
    press(qtbot, K.Key_Escape)
    QApplication.processEvents()
    stored = sqlite_services.plans.get_plan(editor.plan.id).participants[-1]
    assert (stored.name, stored.phone) == ("Nils Holm", "070-111 22 33")
    assert focused() is table
    assert table.currentIndex().row() == len(editor.plan.participants) - 1


def test_ctrl_enter_on_the_plus_line_says_the_details_come_with_the_row(
    qtbot, sqlite_services, tmp_path, swedish
):
    editor, table = _participant_table(qtbot, sqlite_services, tmp_path)
    part = editor.participants_section.participants
    table.setCurrentIndex(table.model().index(table.model().rowCount() - 1, 0))

    press(qtbot, K.Key_Return, CTRL)

    assert part.detail is not None and not part.detail.isVisible()
    assert focused() is table
    assert "radens namn först" in part.error.text() and part.error.isVisible()
    press(qtbot, K.Key_Return)  # Enter types the new row's name: the hint goes once it is saved
    keys(qtbot, focused(), "Nils Holm")
    press(qtbot, K.Key_Return, CTRL)
    assert part.detail.isVisible() and not part.error.isVisible()


def test_going_to_a_field_the_table_does_not_show_opens_the_rows_details_there(
    qtbot, sqlite_services, tmp_path, swedish
):
    _window, editor = _editor_in_window(qtbot, sqlite_services, tmp_path, (1366, 768))
    part = editor.participants_section.participants
    sara = editor.plan.participants[7]

    assert editor.focus_anchor("participants.email", sara.id)

    assert part.detail is not None and part.detail.isVisible()
    assert "Sara Nyström" in part.detail.heading.text()
    assert focused() is part.detail.fields["email"].widget
    press(qtbot, K.Key_Escape)
    assert part.table.currentIndex().row() == 7
    assert focused() is part.table


def test_a_unit_typed_before_its_organisation_is_kept_with_a_message(
    qtbot, sqlite_services, tmp_path, swedish
):
    """A unit belongs to an organisation: typed without one it was once dropped unseen."""
    editor, table = _participant_table(qtbot, sqlite_services, tmp_path)
    detail = editor.participants_section.participants.detail
    assert detail is not None
    table.start_new_row()
    keys(qtbot, focused(), "Nils Holm")
    press(qtbot, K.Key_Return, CTRL)
    unit = detail.fields["unit"]
    assert focused() is unit.widget
    keys(qtbot, focused(), "Mottagning Syd")

    press(qtbot, K.Key_Escape)

    assert detail.isVisible(), "the refused unit keeps the form open"
    assert _line().text() == "Mottagning Syd"
    assert "Fyll i organisationen först" in unit.error.text() and unit.error.isVisible()
    assert sqlite_services.plans.get_plan(editor.plan.id).participants[-1].unit == ""
    _line().selectAll()  # the caseworker takes the unit back: nothing is left unsaved
    press(qtbot, K.Key_Backspace)
    press(qtbot, K.Key_Escape)
    assert not detail.isVisible()
