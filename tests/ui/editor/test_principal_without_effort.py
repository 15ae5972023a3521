"""A kommun or region taking part without an effort: the completeness item, the reason table."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.participant import InformationConsentData, ParticipantData
from sip_desk.services.registry import Services
from sip_desk.ui.item_models.action_table_model import ActionTableModel
from tests.builders import PlanBuilder
from tests.pdf.pdf_text import pypdf_text
from tests.services.signing_helpers import paper_signature, person_signature
from tests.ui.editor.helpers import blank_row, focused, keys, pick_cell, press, type_cell

REGION = PrincipalType.REGION
ITEM = (
    "Region Skåne (Beroendemottagningen) har ingen insats i planen – lägg till en insats "
    "eller skriv varför."
)
ANCHOR = "no_effort.region.region skåne"
WHY = "Behandlingen avslutades i oktober"
SHIFT_CONTROL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def region_plan_id(sqlite_services: Services) -> int:
    """A complete plan (the kommun has an effort); the region's addiction clinic takes part."""
    s = sqlite_services
    plan = PlanBuilder(s).complete()
    bo = ParticipantData(
        name="Bo Läkare", organisation="Region Skåne", principal=REGION, unit="Beroendemottagningen"
    )
    plan = s.items.add("participant", plan.id, plan.version, bo).plan
    consent = InformationConsentData(
        organisation="Region Skåne", principal=REGION, valid_from=s.clock.today()
    )
    return s.items.add("consent", plan.id, plan.version, consent).plan.id


def _missing(editor) -> list[str]:
    items = editor.completeness.items
    shown = [items.item(i).text() for i in range(items.count())] if items.isVisible() else []
    return [text.removeprefix("→ ") for text in shown]


def test_a_reason_typed_at_the_item_completes_the_plan_and_is_kept_printed_and_exported(
    qtbot, swedish, open_editor, sqlite_services: Services, region_plan_id: int, tmp_path
) -> None:
    editor = open_editor(region_plan_id)
    part = editor.actions_section.no_effort
    assert _missing(editor) == [ITEM]
    assert "Komplett" not in editor.completeness.title.text()
    assert part.title.text() == "Huvudmän utan insats – skäl"
    assert [r.name.text() for r in part.rows.values()] == ["Region Skåne (Beroendemottagningen)"]

    items = editor.completeness.items
    items.setFocus()
    items.setCurrentRow(0)
    qtbot.keyClick(items, Qt.Key.Key_Return)
    reason = part.rows[ANCHOR].field
    assert isinstance(reason, QLineEdit)
    assert focused() is reason

    qtbot.keyClicks(reason, WHY)
    qtbot.keyClick(reason, Qt.Key.Key_Tab)  # leaving the field saves it
    assert focused() is editor.actions_section.person_own  # Tab goes on to "what I do myself"

    assert _missing(editor) == []
    assert "Komplett" in editor.completeness.title.text()
    stored = sqlite_services.plans.get_plan(region_plan_id)
    assert [r.reason for r in stored.no_effort_reasons] == [WHY]

    # Ctrl+Z takes the reason back (focus to its field), Ctrl+Shift+Z puts it back again
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert focused() is reason and reason.text() == ""
    assert _missing(editor) == [ITEM]
    assert sqlite_services.plans.get_plan(region_plan_id).no_effort_reasons == ()
    press(qtbot, Qt.Key.Key_Z, SHIFT_CONTROL)
    assert reason.text() == WHY and _missing(editor) == []

    editor.close()
    again = open_editor(region_plan_id)
    assert again.actions_section.no_effort.rows[ANCHOR].field.text() == WHY
    assert _missing(again) == []

    pdf = pypdf_text(sqlite_services.documents.render(region_plan_id).data)
    assert "Region Skåne (Beroendemottagningen)" in pdf and WHY in pdf

    exported = sqlite_services.transfer.export_plan(region_plan_id)
    assert json.loads(exported)["plan"]["no_effort_reasons"][0]["reason"] == WHY
    imported = sqlite_services.transfer.import_with_report(exported, as_new=True).plan
    assert [r.reason for r in imported.no_effort_reasons] == [WHY]


def test_an_action_of_that_principal_takes_the_item_and_the_row_away(
    qtbot, swedish, open_editor, region_plan_id: int
) -> None:
    editor = open_editor(region_plan_id)
    table = editor.actions_section.action_part.table
    row = blank_row(table)

    type_cell(qtbot, table, row, ActionTableModel.column_of("description"), "Samtalsbehandling")
    pick_cell(qtbot, table, row, ActionTableModel.column_of("responsible_principal"), "Region")
    assert ITEM in _missing(editor)  # no organisation named yet
    type_cell(qtbot, table, row, ActionTableModel.column_of("organisation"), "Region Skåne")
    QApplication.processEvents()

    assert ITEM not in _missing(editor)  # (the action still lacks its named person)
    assert editor.actions_section.no_effort.rows == {}
    assert not editor.actions_section.no_effort.head_reason.isVisible()


def test_a_reason_typed_after_signing_shows_changed_since_that_version(
    qtbot, swedish, open_editor, sqlite_services: Services, region_plan_id: int
) -> None:
    plan = sqlite_services.plans.get_plan(region_plan_id)
    plan = sqlite_services.no_effort_reasons.save(plan, REGION, "Region Skåne", "Inget behov").plan
    today = sqlite_services.clock.today()
    sqlite_services.signing.sign_version(
        plan.id, plan.version, [person_signature(today), paper_signature(today)]
    )
    editor = open_editor(region_plan_id)
    assert editor.signed_state.words.startswith("✓ Undertecknad version 1")

    reason = editor.actions_section.no_effort.rows[ANCHOR].field
    reason.setFocus()
    qtbot.keyClicks(reason, " just nu")
    editor.flush()

    assert editor.signed_state.words == "✎ Ändrad sedan version 1"
    assert sqlite_services.plans.get_plan(region_plan_id).no_effort_reasons[0].reason == (
        "Inget behov just nu"
    )


def test_a_pause_after_a_space_in_the_reason_keeps_the_space(
    qtbot, swedish, open_editor, sqlite_services: Services, region_plan_id: int
) -> None:
    editor = open_editor(region_plan_id)
    reason = editor.actions_section.no_effort.rows[ANCHOR].field
    reason.setFocus()

    def stored() -> list[str]:
        return [r.reason for r in sqlite_services.plans.get_plan(region_plan_id).no_effort_reasons]

    qtbot.keyClicks(reason, "Tar ")
    qtbot.waitUntil(lambda: stored() == ["Tar"], timeout=3000)  # the autosave at the pause
    qtbot.wait(300)
    assert reason.text() == "Tar "
    keys(qtbot, reason, "över")
    qtbot.keyClick(reason, Qt.Key.Key_Tab)

    assert stored() == ["Tar över"]
    assert reason.text() == "Tar över"


def test_enter_on_the_item_puts_the_field_near_the_top_of_the_view(
    qtbot, swedish, open_editor, region_plan_id: int
) -> None:
    editor = open_editor(region_plan_id)
    editor.resize(1100, 700)
    qtbot.wait(50)
    editor.scroll_area.verticalScrollBar().setValue(0)
    items = editor.completeness.items
    items.setFocus()
    items.setCurrentRow(0)

    qtbot.keyClick(items, Qt.Key.Key_Return)

    reason = editor.actions_section.no_effort.rows[ANCHOR].field
    viewport = editor.scroll_area.viewport()
    top = reason.mapTo(viewport, QPoint(0, 0)).y()
    assert focused() is reason
    assert 0 <= top <= viewport.height() // 3, top  # at the top, not at the bottom edge
