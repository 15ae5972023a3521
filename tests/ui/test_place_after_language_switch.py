"""A language switch in Inställningar rebuilds the main window; the user keeps their place: the
same tabs, the same tab current, the editor at the same section, the keyboard in the same field
(typing goes there at once, and Alt+n works without a click)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit

from sip_desk.domain.person import PersonData
from sip_desk.ui.editor.plan_editor import PlanEditor
from tests.ui.test_settings_language import _choose_in_settings, swedish_app  # noqa: F401

SAVE = QDialogButtonBox.StandardButton.Save


def _type(window, text: str) -> None:
    """Keys as the window system delivers them: to whatever has the keyboard in ``window``."""
    for ch in text:
        # PySide6 takes a one-character string for the key (its stubs do not say so)
        QTest.keyClick(window.windowHandle(), ch)  # type: ignore[call-overload]


def _editor(app) -> PlanEditor:
    editor = app.window.tabs.currentWidget()
    assert isinstance(editor, PlanEditor)
    return editor


def test_the_field_with_the_keyboard_keeps_it_after_a_language_switch(
    qtbot,
    swedish_app,  # noqa: F811
) -> None:
    app = swedish_app
    plans = app.services.plans
    first = plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    second = plans.create_plan(PersonData(first_name="Olle", last_name="Berg"))
    app.window.open_plan(first.id)
    app.window.open_plan(second.id)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=2000)
    editor = _editor(app)
    field = editor.findChild(QPlainTextEdit, "plan_crisis_contacts")
    assert field is not None
    field.setFocus()  # a lower section, scrolled into view
    editor.crisis_section.focus_widget(field)
    qtbot.waitUntil(lambda: editor.scroll_area.verticalScrollBar().value() > 0, timeout=2000)
    _type(app.window, "Mamma ")

    _choose_in_settings(qtbot, app, "English", SAVE)

    assert app.window.menus.file_menu.title() == "&File"  # rebuilt in English
    assert app.window.open_plan_ids() == [first.id, second.id]
    editor = _editor(app)
    assert editor.plan.id == second.id
    qtbot.waitUntil(app.window.isActiveWindow, timeout=2000)
    focused = QApplication.focusWidget()
    assert focused is not None and focused.objectName() == "plan_crisis_contacts"
    assert editor.isAncestorOf(focused)
    assert app.window.isAncestorOf(editor)
    bar = editor.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)  # not back at section 1
    _type(app.window, "Eva")
    QTest.keyClick(app.window.windowHandle(), Qt.Key.Key_Tab)  # leaving the field saves it
    qtbot.waitUntil(lambda: "Eva" in plans.get_plan(second.id).fields.crisis_contacts, timeout=3000)
    assert plans.get_plan(second.id).fields.crisis_contacts.startswith("Mamma")

    QTest.keyClick(app.window.windowHandle(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(
        lambda: editor.person_section.isAncestorOf(QApplication.focusWidget() or editor)
    )


def test_the_plan_list_search_keeps_the_keyboard_after_a_language_switch(
    qtbot,
    swedish_app,  # noqa: F811
) -> None:
    app = swedish_app
    plan = app.services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    app.window.open_plan(plan.id)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=2000)
    QTest.keyClick(app.window.windowHandle(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert app.window.tabs.currentWidget() is app.window.plan_list

    _choose_in_settings(qtbot, app, "English", SAVE)

    assert app.window.tabs.currentWidget() is app.window.plan_list
    assert app.window.open_plan_ids() == [plan.id]
    qtbot.waitUntil(app.window.isActiveWindow, timeout=2000)
    _type(app.window, "Lind")
    assert app.window.plan_list.view.search.text() == "Lind"
