"""Dialogs opened with large text on: all their text is large, and they open with room for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.conflict_dialog import ConflictDialog
from sip_desk.ui.dialogs.new_plan_dialog import NewPlanDialog
from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from sip_desk.ui.dialogs.settings_dialog import SettingsDialog
from sip_desk.ui.dialogs.signing_dialog import SigningDialog
from sip_desk.ui.editor.conflicts import Conflict
from sip_desk.ui.follow_up.caseload_dialog import CaseloadDialog
from sip_desk.ui.text_scale import LARGE_TEXT_FACTOR, set_large_text
from tests.builders import PlanBuilder
from tests.ui.text_sizes import small_text


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[float]:
    """Large text on (as Ctrl+Shift+L sets it); the normal size of text."""
    normal = QApplication.font().pointSizeF()
    set_large_text(True)
    yield normal
    set_large_text(False)


def _dialogs(services: Services) -> dict[str, QDialog]:
    plan = PlanBuilder(services).complete()
    conflict = Conflict("Reason", "Their text", "My text", text=True, multiline=True)
    return {
        "settings": SettingsDialog(services.documents, services.follow_ups, "en"),
        "new plan": NewPlanDialog(services.plans, "en"),
        "signing": SigningDialog(services.signing, services.clock.today(), plan),
        "conflict": ConflictDialog(conflict),
        "caseload": CaseloadDialog(services.follow_ups.caseload()),
        "print preview": PrintPreviewDialog(services, plan),
    }


def test_every_dialog_shows_all_its_text_large(qtbot, sqlite_services, large_text) -> None:
    for name, dialog in _dialogs(sqlite_services).items():
        qtbot.addWidget(dialog)
        dialog.show()

        assert small_text(dialog) == [], name
        assert dialog.font().pointSizeF() == pytest.approx(large_text * LARGE_TEXT_FACTOR)


def test_the_damaged_version_warning_keeps_its_size_over_the_preview_text(
    qtbot, sqlite_services, large_text
) -> None:
    dialog = PrintPreviewDialog(sqlite_services, PlanBuilder(sqlite_services).complete())
    qtbot.addWidget(dialog)

    def larger() -> float:
        return dialog.warning.font().pointSizeF() / dialog.status.font().pointSizeF()

    in_large_text = larger()
    set_large_text(False)

    assert in_large_text > 1.2
    assert larger() == pytest.approx(in_large_text)


def test_settings_open_wide_enough_that_no_wrapped_text_is_cut(
    qtbot, sqlite_services, large_text
) -> None:
    dialog = SettingsDialog(sqlite_services.documents, sqlite_services.follow_ups, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    wrapped = [label for label in dialog.findChildren(QLabel) if label.wordWrap()]
    assert wrapped
    for label in wrapped:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
