"""The participant detail form (Ctrl+Enter on a row) refuses a phone number that is none and an
e-mail address that is none, with a message beside the field; nothing bad is stored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from tests.ui.editor.helpers import _detail_field, keys


@pytest.mark.parametrize(
    ("attr", "typed", "said"),
    [
        ("phone", "abc", "inget telefonnummer"),
        ("email", "mikael@@bad", "ingen giltig e-postadress"),
    ],
)
@pytest.mark.parametrize("leave", [Qt.Key.Key_Tab, Qt.Key.Key_Escape])
def test_the_detail_form_refuses_a_bad_phone_or_email(
    qtbot, swedish, open_editor, make_complete_plan, sqlite_services, attr, typed, said, leave
) -> None:
    plan_id = make_complete_plan()
    part = open_editor(plan_id).participants_section.participants
    before = getattr(sqlite_services.plans.get_plan(plan_id).participants[0], attr)

    field = _detail_field(qtbot, part, 0, attr)
    assert isinstance(field, QLineEdit)
    field.selectAll()
    keys(qtbot, field, typed)
    qtbot.keyClick(field, leave)
    qtbot.wait(50)

    message = part.detail.fields[attr].error
    assert message.isVisible() and said in message.text() and typed in message.text()
    assert getattr(sqlite_services.plans.get_plan(plan_id).participants[0], attr) == before
