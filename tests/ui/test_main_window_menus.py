"""Main window menus: the worklist tab, follow-ups, caseload, settings, and the editor's actions
(print, sign, undo, redo) reached from File and Edit while a plan tab is current."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox, QMenu

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.dialogs.signing_dialog import SigningDialog, signers_of
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from sip_desk.ui.follow_up.caseload_dialog import CaseloadDialog
from sip_desk.ui.main_window import MainWindow
from sip_desk.ui.settings import AppSettings
from tests.builders import PlanBuilder, person_data
from tests.pdf.pdf_text import pypdf_text
from tests.services.follow_up_builders import FollowUpPlans
from tests.ui.editor.helpers import type_line
from tests.ui.question_boxes import act_in_next_dialog


@pytest.fixture
def window(qtbot, sqlite_services: Services, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(AppEvents(), settings, "en")
    qtbot.addWidget(win)
    win.attach_services(sqlite_services, str(tmp_path / "store.sqlite"))
    win.resize(1200, 700)
    return win


@pytest.fixture
def meeting_plan(sqlite_services: Services):
    plans = FollowUpPlans(sqlite_services, PlanBuilder(sqlite_services))
    return plans.meeting(plans.active(first_name="Alva", last_name="Nordin"), 3)


def _worklist_ready(qtbot, window: MainWindow):
    panel = window.worklist.ensure_panel()
    assert panel is not None
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    return panel


def _select_meeting(panel) -> None:
    from sip_desk.domain.worklist import WorklistKind

    for row in range(panel.model.rowCount()):
        item = panel.model.row_at(row)  # None for a group heading
        if item is not None and item.kind is WorklistKind.FOLLOW_UP_MEETING:
            panel.view.table.selectRow(row)
            return
    raise AssertionError("no follow-up meeting in the worklist")


def test_worklist_tab_is_built_on_first_show_and_reached_by_ctrl_2(
    qtbot, window, meeting_plan
) -> None:
    assert window.worklist.panel is None  # nothing heavy until it is wanted
    assert QKeySequence("Ctrl+2") in window.menus.worklist_action.shortcuts()
    window.show()
    qtbot.waitExposed(window)

    window.menus.worklist_action.trigger()

    assert window.tabs.currentWidget() is window.worklist
    panel = _worklist_ready(qtbot, window)
    assert panel.objectName() == "worklistPanel"
    window.menus.list_action.trigger()
    assert window.tabs.currentWidget() is window.plan_list
    panel.model.wait_until_idle(5000)


def test_worklist_row_opens_its_plan_in_an_editor_tab(qtbot, window, meeting_plan) -> None:
    window.show()
    window.show_worklist()
    panel = _worklist_ready(qtbot, window)

    panel.view.table.doubleClicked.emit(panel.model.index(1, 0))  # the row under a heading

    assert window.tabs.current_plan_id() == meeting_plan.id
    assert isinstance(window.tabs.currentWidget(), PlanEditor)
    panel.model.wait_until_idle(5000)


def test_record_follow_up_menu_opens_the_selected_meetings_record_in_the_editor(
    qtbot, window, meeting_plan, sqlite_services
) -> None:
    window.show()
    window.show_worklist()
    panel = _worklist_ready(qtbot, window)
    _select_meeting(panel)
    meeting_id = panel.selected_item().item_id

    window.menus.record_action.trigger()

    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    assert window.tabs.current_plan_id() == meeting_plan.id
    draft = sqlite_services.plans.get_plan(meeting_plan.id).follow_up_draft
    assert draft is not None and draft.meeting_id == meeting_id
    assert editor.follow_up_record_section.body.isVisibleTo(editor)
    panel.model.wait_until_idle(5000)


def test_record_follow_up_with_nothing_open_or_selected_explains(qtbot, window) -> None:
    window.show()

    window.menus.record_action.trigger()

    assert window.statusBar().currentMessage() == (
        "Open a plan, or select a follow-up meeting in the worklist, first."
    )
    assert window.tabs.currentWidget() is window.plan_list


def test_caseload_menu_shows_each_coordinators_caseload(qtbot, window, meeting_plan) -> None:
    coordinator = window.services.plans.get_plan(meeting_plan.id).coordinator
    assert coordinator is not None
    rows: list[list[object]] = []

    def read_and_close(dialog: CaseloadDialog) -> None:
        table = dialog.table
        rows.extend(
            [table.model().index(r, c).data() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        )
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    seen = act_in_next_dialog(CaseloadDialog, read_and_close)
    window.menus.caseload_action.trigger()

    assert seen and not seen[0].isVisible()
    assert [coordinator.name, 1, 1, 0] in rows


def test_file_and_edit_menus_carry_the_current_editors_actions(qtbot, window) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa"))
    m = window.menus
    assert m.print_placeholder in m.file_menu.actions()  # the plan list is current
    assert not m.print_placeholder.isEnabled()

    window.open_plan(plan.id)

    editor = window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    actions = editor.editor_actions
    assert actions.print in m.file_menu.actions() and actions.sign in m.file_menu.actions()
    assert m.print_placeholder not in m.file_menu.actions()
    assert actions.undo in m.edit_menu.actions()
    assert actions.redo in m.edit_menu.actions()
    window.show_plan_list()
    assert m.undo_placeholder in m.edit_menu.actions()
    assert actions.undo not in m.edit_menu.actions()


def test_print_from_the_file_menu_previews_this_plans_pdf(qtbot, window) -> None:
    plan = PlanBuilder(window.services).complete()
    window.open_plan(plan.id)
    pages: list[int] = []

    def read_and_close(dialog: PrintPreviewDialog) -> None:
        qtbot.waitUntil(lambda: dialog.document.pageCount() > 0, timeout=10_000)
        pages.append(dialog.document.pageCount())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    seen = act_in_next_dialog(PrintPreviewDialog, read_and_close)
    _menu_action(window.menus.file_menu, "print_plan").trigger()

    qtbot.waitUntil(lambda: bool(pages), timeout=20_000)  # rendered on the runner, then shown
    assert seen, "no print preview opened"
    assert pages and pages[0] >= 2
    assert seen[0].pdf is not None
    assert plan.person.last_name in pypdf_text(seen[0].pdf.data)


def test_sign_from_the_file_menu_asks_this_plans_signers(qtbot, window) -> None:
    plan = PlanBuilder(window.services).complete()
    window.open_plan(plan.id)
    shown: list[tuple[str, int]] = []

    def read_and_close(dialog: SigningDialog) -> None:
        shown.append((dialog.windowTitle(), len(dialog.rows)))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing signed yet: closes without asking

    seen = act_in_next_dialog(SigningDialog, read_and_close)
    _menu_action(window.menus.file_menu, "sign_plan").trigger()

    assert seen, "no signing dialog opened"
    assert shown == [("Sign version 1", len(signers_of(plan)))]
    assert len(signers_of(plan)) >= 2
    assert window.services.plans.get_plan(plan.id).versions == plan.versions  # nothing signed


def test_undo_and_redo_from_the_edit_menu(qtbot, window) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa"))
    window.open_plan(plan.id)
    window.show()
    editor = window.tabs.currentWidget()
    type_line(qtbot, editor.person_section.phone, "070-111 11 11")
    assert window.services.plans.get_plan(plan.id).person.phone == "070-111 11 11"

    _menu_action(window.menus.edit_menu, "undo").trigger()
    assert window.services.plans.get_plan(plan.id).person.phone == plan.person.phone

    _menu_action(window.menus.edit_menu, "redo").trigger()
    assert window.services.plans.get_plan(plan.id).person.phone == "070-111 11 11"

    # The editor's own Ctrl+Z still works inside the main window (no ambiguous shortcut).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor.person_section.phone.setFocus()
    qtbot.keyClick(editor.person_section.phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.services.plans.get_plan(plan.id).person.phone == plan.person.phone


def test_closing_the_editor_tab_leaves_the_placeholders(window) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa"))
    window.open_plan(plan.id)

    window.menus.close_tab_action.trigger()

    names = [a.objectName() for a in window.menus.file_menu.actions()]
    assert "printPlanAction" in names
    assert "print_plan" not in names


def test_window_shortcuts_never_clash_with_the_editors(window) -> None:
    plan = window.services.plans.create_plan(person_data(first_name="Åsa"))
    window.open_plan(plan.id)
    editor = window.tabs.currentWidget()
    editor_keys = {k.toString() for a in editor.actions() for k in a.shortcuts()}
    window_actions = [a for a in window.findChildren(QAction) if a.parent() is window]

    window_keys = [k.toString() for a in window_actions for k in a.shortcuts()]

    assert len(window_keys) == len(set(window_keys))
    assert not editor_keys & set(window_keys)


def test_settings_menu_changes_the_first_meeting_limit(qtbot, window) -> None:
    def type_and_save(dialog: SettingsDialog) -> None:
        spin = dialog.first_meeting
        spin.setFocus()
        qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(spin, "21")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    seen = act_in_next_dialog(SettingsDialog, type_and_save)
    window.menus.settings_action.trigger()

    assert seen and seen[0].result() == SettingsDialog.DialogCode.Accepted
    assert window.services.follow_ups.first_meeting_days() == 21


def test_settings_dialog_stores_marking_and_first_meeting_limit(qtbot, sqlite_services) -> None:
    dialog = SettingsDialog(sqlite_services.documents, sqlite_services.follow_ups, "en")
    qtbot.addWidget(dialog)
    dialog.marking.setText("Sekretess – Björkviks kommun")
    dialog.first_meeting.setValue(10)

    dialog.accept()

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert sqlite_services.documents.settings().confidentiality_marking == (
        "Sekretess – Björkviks kommun"
    )
    assert sqlite_services.follow_ups.first_meeting_days() == 10


def test_settings_dialog_refuses_a_missing_certificate_beside_the_field(
    qtbot, sqlite_services, tmp_path
) -> None:
    dialog = SettingsDialog(sqlite_services.documents, sqlite_services.follow_ups, "en")
    qtbot.addWidget(dialog)
    dialog.seal_file.setText(str(tmp_path / "nosuch.p12"))
    dialog.first_meeting.setValue(20)

    dialog.accept()

    assert dialog.seal_error.isVisibleTo(dialog)
    assert "certificate" in dialog.seal_error.text().lower()
    assert sqlite_services.documents.settings().seal_pkcs12_path == ""
    assert sqlite_services.follow_ups.first_meeting_days() == 15  # nothing saved


def test_menus_are_reachable_by_keyboard_mnemonics(window) -> None:
    for menu in (window.menus.file_menu, window.menus.edit_menu, window.menus.follow_up_menu):
        texts = [a.text() for a in menu.actions() if a.text() and a.parent() is window]
        letters = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
        assert len(letters) == len(set(letters)), texts


def _menu_action(menu: QMenu, name: str) -> QAction:
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, [a.objectName() for a in menu.actions()]
    return found[0]


def test_keyboard_ctrl_1_and_ctrl_2_switch_tabs(qtbot, window) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.worklist
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is window.plan_list
    window.worklist.panel.model.wait_until_idle(5000)
