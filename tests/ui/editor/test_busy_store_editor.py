"""Another program holds the store while the user types: the window keeps answering, a calm
banner says the text is kept, and it is saved as soon as the store is free."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer

from sip_desk.bootstrap import open_services
from sip_desk.db.engine import Database
from sip_desk.domain.person import PersonData
from sip_desk.services.registry import Services
from sip_desk.ui.editor.plan_editor import PlanEditor
from sip_desk.ui.events import AppEvents
from tests.ui.editor.helpers import keys
from tests.ui.lock_holder import LockHolder


class Heartbeat:
    """A timer on the event loop; the longest gap between its beats is how long it froze."""

    def __init__(self) -> None:
        self.last = time.monotonic()
        self.longest = 0.0
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self.last)
        self.last = now


@pytest.fixture
def gui_services(sqlite_db: Database, user, clock) -> Iterator[Services]:
    """The services as the window opens them (writes from its thread wait briefly)."""
    assert sqlite_db.path is not None
    services = open_services(str(sqlite_db.path), user=user, clock=clock, interactive=True)
    yield services
    services.ctx.db.dispose()


def test_typing_goes_on_while_another_program_holds_the_store_and_is_saved_after(
    qtbot, sqlite_db: Database, sqlite_services: Services, gui_services: Services, swedish
) -> None:
    plan = sqlite_services.plans.create_plan(PersonData(first_name="Maria", last_name="Lind"))
    editor = PlanEditor(gui_services, AppEvents(), plan.id)
    qtbot.addWidget(editor)
    editor.resize(1400, 900)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=2000)
    reason = editor.person_section.reason
    reason.setFocus()
    keys(qtbot, reason, "Boende")
    qtbot.waitUntil(lambda: sqlite_services.plans.get_plan(plan.id).fields.reason == "Boende")

    assert sqlite_db.path is not None
    holder = LockHolder(sqlite_db.path)
    try:
        heartbeat = Heartbeat()
        for ch in " LOCK45 abc":  # typed at a steady pace while the store is held
            keys(qtbot, reason, ch)
            qtbot.wait(60)
        qtbot.waitUntil(editor.busy_banner.isVisible, timeout=2000)
        qtbot.wait(4500)  # the retries find the store still held
        assert heartbeat.longest < 1.0, f"the window froze for {heartbeat.longest:.1f} s"
        assert editor.busy_banner.text() == (
            "ℹ Databasen är upptagen av ett annat program. Det du skriver finns kvar och "
            "sparas så snart databasen är ledig."
        )
        assert reason.toPlainText() == "Boende LOCK45 abc"  # every key reached the field
        message = editor.person_section.bindings["plan.reason"].message
        assert message.startswith("Inte sparat än")
        assert sqlite_services.plans.get_plan(plan.id).fields.reason == "Boende"
    finally:
        holder.release()

    def stored() -> str:
        return sqlite_services.plans.get_plan(plan.id).fields.reason

    qtbot.waitUntil(lambda: stored() == "Boende LOCK45 abc", timeout=5000)
    qtbot.waitUntil(lambda: not editor.busy_banner.isVisible(), timeout=2000)
    assert editor.person_section.bindings["plan.reason"].message == ""
    assert reason.toPlainText() == "Boende LOCK45 abc"
    editor.close()
