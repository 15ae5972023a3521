"""The new-plan dialog, typed into as a caseworker does, never writes over a stored person."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
from sip_desk.ui.i18n import Translations
from tests.person_helpers import DemoPeople, load_demo, plans_of_person


@pytest.fixture
def people(sqlite_services: Services) -> DemoPeople:
    return load_demo(sqlite_services)


def _dialog(qtbot, services: Services, lang: str = "en") -> NewPlanDialog:
    dialog = NewPlanDialog(services.plans, lang)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    return dialog


def _type_person(qtbot, dialog: NewPlanDialog, identity: str) -> None:
    """Names first, as a caseworker types them, then the identity number key by key."""
    qtbot.keyClicks(dialog.first_name, "Fel")
    qtbot.keyClicks(dialog.last_name, "Namn")
    dialog.identity.setFocus()
    qtbot.keyClicks(dialog.identity, identity)


def test_new_plan_for_the_protected_person_is_started_for_the_stored_person(
    qtbot, sqlite_services, people
) -> None:
    linda = people.protected
    before = plans_of_person(sqlite_services, linda.person.id)
    dialog = _dialog(qtbot, sqlite_services)

    _type_person(qtbot, dialog, linda.person.identity_number or "")

    panel = dialog.known_panel
    assert panel.isVisible()
    assert panel.message.text() == "This person is already stored: 1 plan. Protected identity."
    assert panel.stored_name.text() == "Linda Sandberg" and panel.stored_name.isReadOnly()
    assert not dialog.first_name.isEnabled() and not dialog.protected.isEnabled()
    assert dialog.ok_button.text() == "Start plan for Linda Sandberg"

    qtbot.keyClick(dialog.identity, Qt.Key.Key_Return)

    assert dialog.created is not None and not dialog.isVisible()
    assert dialog.created.person == linda.person  # name, address, protection as stored
    assert plans_of_person(sqlite_services, linda.person.id) == {
        **before,
        dialog.created.id: dialog.created,
    }


def test_back_then_create_anyway_never_writes_over_the_signed_person(
    qtbot, sqlite_services, people, monkeypatch
) -> None:
    # Escape with typed text asks before dropping it; the user answers "discard".
    monkeypatch.setattr("sip_desk.ui.prompts.confirm_discard", lambda *a, **k: True)
    alva = people.signed
    before = plans_of_person(sqlite_services, alva.person.id)
    dialog = _dialog(qtbot, sqlite_services)
    _type_person(qtbot, dialog, (alva.person.identity_number or "").replace("-", ""))
    assert dialog.known_panel.isVisible()

    qtbot.mouseClick(dialog.known_panel.back, Qt.MouseButton.LeftButton)

    assert not dialog.known_panel.isVisible()
    assert dialog.identity.hasFocus() and dialog.identity.selectedText()
    assert dialog.first_name.isEnabled() and dialog.ok_button.text() == "Create plan"

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # the same number again

    assert dialog.created is None and dialog.isVisible()
    assert dialog.known_panel.stored_name.text() == "Alva Nordin"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.created is None
    assert plans_of_person(sqlite_services, alva.person.id) == before
    assert sqlite_services.plan_list.count_plans() == 4


def test_a_corrected_number_creates_a_new_person(qtbot, sqlite_services, people) -> None:
    dialog = _dialog(qtbot, sqlite_services)
    _type_person(qtbot, dialog, people.protected.person.identity_number or "")
    assert dialog.known_panel.isVisible()

    qtbot.mouseClick(dialog.known_panel.back, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.identity, "19840312-1232")  # replaces the selected number

    assert not dialog.known_panel.isVisible()
    qtbot.keyClick(dialog.identity, Qt.Key.Key_Return)
    assert dialog.created is not None
    assert dialog.created.person.full_name == "Fel Namn"
    assert dialog.created.person.id not in {p.person.id for p in people.plans.values()}


def test_new_plan_dialog_says_the_person_exists_in_swedish(qtbot, sqlite_services, people) -> None:
    translations = Translations()
    translations.install("sv")
    try:
        dialog = _dialog(qtbot, sqlite_services, "sv")
        _type_person(qtbot, dialog, people.protected.person.identity_number or "")
        message = dialog.known_panel.message.text()
        button = dialog.ok_button.text()
    finally:
        translations.install("en")

    assert message == "Personen finns redan: 1 plan. Skyddad identitet."
    assert button == "Starta plan för Linda Sandberg"
