"""What the welcome asked is used: a new plan starts with the caseworker's own row, and the log
review names the account's user beside the account (the account stays the identity)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from sip_desk.domain.account import AccountDetails
from sip_desk.domain.enums import PrincipalType
from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.log_review_dialog import LogReviewDialog
from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
from tests.builders import person_data
from tests.ui.question_boxes import D, showing

ANNA = AccountDetails(
    name="Anna Lind",
    role="Socialsekreterare",
    unit="Barn och unga",
    organisation="Solby kommun",
    principal=PrincipalType.KOMMUN,
)


@pytest.fixture
def shown(qtbot) -> Iterator[Callable[[D], D]]:
    with showing(qtbot) as show:
        yield show


def test_a_new_plan_typed_by_keys_starts_with_the_caseworkers_own_row(
    qtbot, shown, sqlite_services: Services
) -> None:
    sqlite_services.accounts.save_details(ANNA)
    dialog = shown(NewPlanDialog(sqlite_services.plans, "sv"))

    qtbot.keyClicks(dialog.first_name, "Ella")
    qtbot.keyClick(dialog.first_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.last_name, "Berg")
    qtbot.keyClick(dialog.last_name, Qt.Key.Key_Return)

    assert dialog.created is not None
    (own,) = sqlite_services.plans.open_plan(dialog.created.id).participants
    assert (own.name, own.role, own.organisation, own.unit, own.principal) == (
        "Anna Lind",
        "Socialsekreterare",
        "Solby kommun",
        "Barn och unga",
        PrincipalType.KOMMUN,
    )
    assert not own.present and not own.is_relative


def test_the_log_review_shows_the_users_name_beside_the_account(
    qtbot, shown, sqlite_services: Services
) -> None:
    sqlite_services.accounts.save_details(ANNA)
    plan = sqlite_services.plans.create_plan(person_data(first_name="Ella"))
    sqlite_services.plans.open_plan(plan.id)  # logged as anna.test
    dialog = shown(LogReviewDialog(sqlite_services.audit, sqlite_services.clock.today()))

    dialog.load()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=10_000)

    users = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert users == {"anna.test (Anna Lind, Barn och unga, Solby kommun)"}
