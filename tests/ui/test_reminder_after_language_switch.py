"""The follow-up reminder in the window's banner survives a language switch in Inställningar:
the rebuilt window shows it again, in the new language; a dismissed one stays dismissed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.builders import PlanBuilder
from tests.services.follow_up_builders import FollowUpPlans
from tests.ui.test_settings_language import _choose_in_settings, swedish_app  # noqa: F401

SAVE = QDialogButtonBox.StandardButton.Save


@pytest.fixture
def reminded(swedish_app):  # noqa: F811
    app = swedish_app
    plans = FollowUpPlans(app.services, PlanBuilder(app.services))
    plans.action(plans.active(first_name="Alva"), -2, "Ansöka om boende")
    app.start_reminders(use_tray=False)
    assert app.window.banner.text.text() == "ℹ Att följa upp: 1 försenade."
    return app


def test_the_reminder_is_shown_again_in_the_new_language(qtbot, reminded) -> None:
    _choose_in_settings(qtbot, reminded, "English", SAVE)

    banner = reminded.window.banner
    assert reminded.window.menus.file_menu.title() == "&File"  # the window was rebuilt
    assert banner.isVisibleTo(reminded.window)
    assert banner.text.text() == "ℹ Follow-up: 1 overdue."
    assert banner.show_worklist.text() == "Show follow-ups"


def test_a_dismissed_reminder_stays_dismissed(qtbot, reminded) -> None:
    banner = reminded.window.banner
    qtbot.mouseClick(banner.dismiss, Qt.MouseButton.LeftButton)

    _choose_in_settings(qtbot, reminded, "English", SAVE)

    assert not reminded.window.banner.isVisibleTo(reminded.window)
