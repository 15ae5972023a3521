"""Plain-language help while typing: the LIX of each text the person's page prints, live.

A caseworker types into the real editor; the badge under the field follows, a hard text is
flagged (and still saved) with its longest sentence marked, and the flag goes when the text is
said plainly. Tables (goals, actions) show the same under the table for the row typed in.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from sip_desk.services.registry import Services
from sip_desk.ui.editor.readability_badge import DEBOUNCE_MS, TextReadability
from sip_desk.ui.item_models.action_table_model import ActionTableModel
from sip_desk.ui.item_models.goal_table_model import GoalTableModel
from tests.domain.test_plain_language import OFFICIAL, PLAIN
from tests.ui.editor.helpers import keys, type_text

LONGEST = OFFICIAL[len("Jag vill gå i skolan. ") :]


def badge(editor, name: str) -> QLabel:
    found = editor.findChild(QLabel, name)
    assert isinstance(found, QLabel), name
    return found


def settle(qtbot, shown: QLabel, start: str) -> None:
    """Wait until the badge, worked out once the keys pause, starts with ``start``."""
    qtbot.waitUntil(lambda: shown.text().startswith(start), timeout=DEBOUNCE_MS + 2000)


def test_the_badge_follows_the_text_and_flags_a_hard_one_calmly(
    qtbot, swedish, open_editor, new_plan_id, sqlite_services: Services
) -> None:
    editor = open_editor(new_plan_id)
    field = editor.goals_section.what_matters
    shown = badge(editor, "plan_what_matters_readability")
    assert shown.isHidden()  # nothing typed: nothing to measure

    type_text(qtbot, field, PLAIN)
    settle(qtbot, shown, "LIX 10")
    assert shown.isVisible()
    assert shown.text() == "LIX 10 · mycket lätt att läsa"
    assert field.extraSelections() == []

    type_text(qtbot, field, OFFICIAL)
    settle(qtbot, shown, "LIX 58")
    assert shown.text().startswith("LIX 58 · mycket svår text: långa meningar och ord.")
    assert "Den längsta meningen är markerad" in shown.text()
    marks = field.extraSelections()
    assert len(marks) == 1 and marks[0].cursor.selectedText() == LONGEST
    # a flag, not an error: no message, and the text is saved as typed
    assert editor.findChild(QLabel, "plan_what_matters_error").isHidden()
    editor.flush()
    assert sqlite_services.plans.get_plan(new_plan_id).fields.what_matters == OFFICIAL

    type_text(qtbot, field, PLAIN)
    settle(qtbot, shown, "LIX 10")
    assert shown.text() == "LIX 10 · mycket lätt att läsa"
    assert field.extraSelections() == []


def test_every_prose_text_of_the_persons_page_has_a_badge_and_others_have_none(
    qtbot, open_editor, new_plan_id
) -> None:
    editor = open_editor(new_plan_id)
    for name in (
        "what_matters",
        "strengths",
        "person_own_actions",
        "crisis_warning_signs",
        "crisis_actions",
    ):
        badge(editor, f"plan_{name}_readability")
    # names and phone numbers: no sentences to judge
    assert editor.findChild(QLabel, "plan_crisis_contacts_readability") is None
    for name in ("goal", "action"):
        badge(editor, f"{name}_readability")
    # the reason and relatives' actions are not on the person's page
    assert editor.findChild(QLabel, "plan_reason_readability") is None
    assert editor.findChild(QLabel, "plan_relatives_own_actions_readability") is None


def test_a_goal_typed_into_its_cell_is_judged_under_the_table_while_typed(
    qtbot, swedish, open_editor, new_plan_id
) -> None:
    editor = open_editor(new_plan_id)
    table = editor.goals_section.goals.table
    shown = badge(editor, "goal_readability")
    table.setFocus()
    table.edit_cell(0, GoalTableModel.column_of("text"))
    cell = table.indexWidget(table.model().index(0, GoalTableModel.column_of("text")))
    assert isinstance(cell, QLineEdit)

    keys(qtbot, cell, LONGEST)
    qtbot.waitUntil(lambda: "svår text" in shown.text(), timeout=DEBOUNCE_MS + 2000)
    assert cell.isVisible()  # still typing in the cell
    assert shown.isVisible() and shown.text().startswith("Rad 1: LIX ")
    assert "svår text" in shown.text()
    assert "Längsta meningen: ”Den enskilde har behov av samordnade" in shown.text()
    assert "Den enskilde har behov" in cell.toolTip()

    cell.selectAll()
    keys(qtbot, cell, "Jag vill gå i skolan varje dag och träffa mina kompisar efter skolan.")
    qtbot.waitUntil(lambda: "lätt att läsa" in shown.text(), timeout=DEBOUNCE_MS + 2000)
    assert "svår text" not in shown.text() and cell.isVisible()
    assert cell.toolTip() == ""
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "lätt att läsa" in shown.text() and not cell.isVisible())


def test_a_long_text_is_judged_in_a_blink_and_only_once_the_keys_pause(
    qtbot, swedish, open_editor, new_plan_id
) -> None:
    editor = open_editor(new_plan_id)
    field = editor.goals_section.what_matters
    helper = field.parent().findChild(TextReadability)
    shown = badge(editor, "plan_what_matters_readability")
    assert helper is not None
    field.setPlainText(" ".join([OFFICIAL] * 80))  # about 20 000 characters, the field's limit
    started = time.perf_counter()
    helper.update()
    assert time.perf_counter() - started < 0.1
    assert shown.text().startswith("LIX 58")

    type_text(qtbot, field, PLAIN)
    assert shown.text().startswith("LIX 58")  # no figure worked out between the keys
    settle(qtbot, shown, "LIX 10")


def test_an_actions_short_description_is_judged_for_the_row_typed_in(
    qtbot, swedish, open_editor, make_plan_for_editor
) -> None:
    plan_id, _action_id = make_plan_for_editor()
    editor = open_editor(plan_id)
    table = editor.actions_section.action_part.table
    shown = badge(editor, "action_readability")
    table.setFocus()
    table.edit_cell(1, ActionTableModel.column_of("description"))
    cell = table.indexWidget(table.model().index(1, ActionTableModel.column_of("description")))
    assert isinstance(cell, QLineEdit)

    cell.selectAll()
    keys(qtbot, cell, LONGEST)
    qtbot.waitUntil(lambda: "svår text" in shown.text(), timeout=DEBOUNCE_MS + 2000)
    assert shown.text().startswith("Rad 2: LIX ")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not cell.isVisible())
    table.setCurrentIndex(table.model().index(0, ActionTableModel.column_of("description")))
    qtbot.waitUntil(shown.isHidden, timeout=DEBOUNCE_MS + 2000)  # "Första": too short to measure


OFFICIALESE = (
    "Handläggningsansvarig myndighetsutövare tillhandahåller verksamhetsövergripande "
    "samordningsinsatser enligt gällande överenskommelse."
)


def test_a_goal_of_eight_official_words_is_flagged_and_a_plain_one_is_not(
    qtbot, swedish, open_editor, new_plan_id
) -> None:
    editor = open_editor(new_plan_id)
    table = editor.goals_section.goals.table
    shown = badge(editor, "goal_readability")
    table.setFocus()
    table.edit_cell(0, GoalTableModel.column_of("text"))
    cell = table.indexWidget(table.model().index(0, GoalTableModel.column_of("text")))
    assert isinstance(cell, QLineEdit)

    keys(qtbot, cell, OFFICIALESE)
    qtbot.waitUntil(lambda: "svår text" in shown.text(), timeout=DEBOUNCE_MS + 2000)
    assert shown.text().startswith("Rad 1: LIX 96 · mycket svår text: långa ord.")

    cell.selectAll()
    keys(qtbot, cell, "Jag vill ha ett eget boende till sommaren.")
    qtbot.waitUntil(shown.isHidden, timeout=DEBOUNCE_MS + 2000)  # 8 plain words: not judged
    assert cell.toolTip() == ""


def test_the_badge_names_lix_on_the_usual_scale(qtbot, swedish, open_editor, new_plan_id) -> None:
    editor = open_editor(new_plan_id)
    field = editor.goals_section.strengths
    shown = badge(editor, "plan_strengths_readability")

    # 20 words in 2 sentences, 3 longer than six letters: LIX 10 + 15 = 25
    easy = (
        "Jag är envis och jag ger inte upp så lätt. Jag tycker om musik, "
        "matlagning, fotboll och långpromenader med hunden."
    )
    type_text(qtbot, field, easy)
    settle(qtbot, shown, "LIX 25")
    assert shown.text() == "LIX 25 · lätt att läsa"

    # one sentence of 21 words, 3 of them long: LIX 21 + 14 = 35
    type_text(qtbot, field, easy.replace("lätt. Jag", "lätt och jag"))
    settle(qtbot, shown, "LIX 35")
    assert shown.text() == "LIX 35 · medelsvår text"
    assert shown.autoFillBackground() is False  # not flagged: 40 or less
