from __future__ import annotations

import dataclasses

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest

from sip_desk.domain.enums import SignatureMethod, VersionState
from sip_desk.ui.dialogs.signing_dialog import LATER, PAPER, SigningDialog
from tests.builders import PlanBuilder


def _draw(pad) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 70))
    QTest.mouseMove(pad, QPoint(160, 30))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(260, 60))


def _dialog(qtbot, services, plan) -> SigningDialog:
    dialog = SigningDialog(services, plan)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_signing_dialog_lists_the_person_first(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()

    dialog = _dialog(qtbot, sqlite_services, plan)

    assert [r.signer.name for r in dialog.rows] == ["Testa Testsson", "Kim Handläggare"]
    assert dialog.rows[0].signer.is_person


def test_signing_dialog_signs_with_drawn_and_paper_signatures(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _dialog(qtbot, sqlite_services, plan)
    person, kim = dialog.rows
    _draw(person.pad)
    kim.method.setCurrentIndex(PAPER)
    kim.date.setDate(QDate(2026, 11, 20))

    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == SigningDialog.DialogCode.Accepted
    assert dialog.result_plan is not None
    assert dialog.result_plan.versions[-1].state is VersionState.SIGNED
    version = sqlite_services.signing.get_version(plan.id, 1)
    assert [s.method for s in version.signatures] == [SignatureMethod.DRAWN, SignatureMethod.PAPER]
    assert version.signatures[0].image_png.startswith(b"\x89PNG")
    assert version.signatures[1].signed_on.isoformat() == "2026-11-20"


def test_signing_dialog_shows_why_signing_fails(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _dialog(qtbot, sqlite_services, plan)
    dialog.rows[1].method.setCurrentIndex(LATER)  # the person's pad stays empty

    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.error.isVisible()
    assert "Testa Testsson" in dialog.error.text()
    assert sqlite_services.plans.get_plan(plan.id).versions[-1].state is VersionState.DRAFT


def test_signing_dialog_shows_changes_since_last_signed(qtbot, sqlite_services) -> None:
    services = sqlite_services
    plan = PlanBuilder(services).complete()
    first = _dialog(qtbot, services, plan)
    _draw(first.rows[0].pad)
    first.rows[1].method.setCurrentIndex(LATER)
    first.accept()
    signed = first.result_plan
    assert signed is not None
    edited = services.plans.update_fields(
        plan.id, signed.version, dataclasses.replace(signed.fields, strengths="Envis")
    ).plan

    dialog = _dialog(qtbot, services, edited)

    box = dialog.findChild(type(dialog.error), "changesSinceSigned")
    assert box is not None and "strengths" in box.text()
