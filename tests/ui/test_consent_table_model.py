"""ConsentTableModel: one organisation a line, dates typed as text."""

from __future__ import annotations

from datetime import date
from typing import Any

from sip_desk.domain.participant import InformationConsentDto
from sip_desk.ui.item_models.consent_table_model import ConsentTableModel

TODAY = date(2026, 11, 23)
CONSENT = InformationConsentDto(id=4, organisation="Beroendemottagningen", valid_from=TODAY)


def test_consent_table_model_passes_qtmodeltester(qtmodeltester):
    model = ConsentTableModel(TODAY)
    model.set_rows([CONSENT])

    qtmodeltester.check(model)


def test_consent_table_model_parses_typed_dates():
    model = ConsentTableModel(TODAY)
    model.set_rows([CONSENT])
    seen: list[Any] = []
    model.commit_update = lambda row, data: _record(seen, data)

    model.setData(model.index(0, ConsentTableModel.column_of("valid_until")), "20271123")

    assert seen[0].valid_until == date(2027, 11, 23)


def test_consent_table_model_refuses_a_bad_date_with_a_message():
    model = ConsentTableModel(TODAY)
    model.set_rows([CONSENT])
    messages: list[str] = []
    model.input_refused.connect(messages.append)

    assert not model.setData(model.index(0, ConsentTableModel.column_of("revoked_on")), "i morgon")

    assert messages and "YYYY-MM-DD" in messages[0]


def test_consent_table_model_new_consent_starts_today():
    model = ConsentTableModel(TODAY)
    added: list[Any] = []
    model.commit_add = lambda data: _record(added, data)

    model.setData(model.index(0, ConsentTableModel.column_of("organisation")), "Försäkringskassan")

    assert added[0].valid_from == TODAY


def _record(seen: list[Any], item: Any) -> bool:
    seen.append(item)
    return True
