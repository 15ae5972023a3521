"""Another program holds the store longer than a save waits: a calm message, the text kept."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from sip_desk.db.engine import Database, make_engine
from sip_desk.db.retry import LockWait
from sip_desk.domain.person import PersonData
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from tests.ui.editor.helpers import keys


def test_a_store_busy_for_longer_than_the_wait_says_so_and_keeps_the_text(
    qtbot, sqlite_db: Database, sqlite_services: Services, user, clock, swedish
) -> None:
    plan = sqlite_services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    assert sqlite_db.path is not None
    impatient = Database(make_engine(str(sqlite_db.path), busy_timeout_ms=50), LockWait(0.5))
    services = Services(ServiceContext(db=impatient, user=user, clock=clock))
    editor = PlanEditor(services, AppEvents(), plan.id)
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    reason = editor.person_section.reason
    reason.setFocus()
    keys(qtbot, reason, "Behöver stöd med boende")

    holder = sqlite3.connect(sqlite_db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program keeps the store
    try:
        qtbot.keyClick(reason, Qt.Key.Key_Tab)  # leave the field: the save waits, then gives up
    finally:
        holder.execute("ROLLBACK")
        holder.close()

    assert editor.notice.isVisible()
    assert editor.notice.text() == (
        "ℹ Databasen är upptagen av ett annat program. Försök igen om en stund."
    )
    assert reason.toPlainText() == "Behöver stöd med boende"  # nothing typed is lost
    assert sqlite_services.plans.get_plan(plan.id).fields.reason == ""

    reason.setFocus()
    qtbot.keyClick(reason, Qt.Key.Key_Tab)  # the store is free again: leaving saves it

    assert sqlite_services.plans.get_plan(plan.id).fields.reason == "Behöver stöd med boende"
    editor.close()
    impatient.dispose()
