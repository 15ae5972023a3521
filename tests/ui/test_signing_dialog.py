from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QScrollArea

from sip_desk.domain.enums import PrincipalType, SignatureMethod, VersionState
from sip_desk.domain.participant import ParticipantData
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.dialogs.signing_dialog import LATER, PAPER, SigningDialog
from sip_desk.ui.i18n import Translations
from sip_desk.ui.text_scale import set_large_text
from tests.builders import PlanBuilder
from tests.ui.question_boxes import Questions, answer_next_question, click, press, showing


def _draw(pad) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 70))
    QTest.mouseMove(pad, QPoint(160, 30))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(260, 60))


def _dialog(qtbot, services, plan) -> SigningDialog:
    dialog = SigningDialog(services.signing, services.clock.today(), plan)
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

    box = dialog.findChild(QLabel, "changesSinceSigned")
    assert box is not None and "strengths" in box.text()


# --- nothing collected is lost by a stray key ---------------------------------------------------


@pytest.fixture
def signing(qtbot, sqlite_services) -> Iterator[Callable[[PlanDetail], SigningDialog]]:
    """Opens the signing dialog for a plan, as the editor does."""
    with showing(qtbot) as show:
        today = sqlite_services.clock.today()
        yield lambda plan: show(SigningDialog(sqlite_services.signing, today, plan))


def test_escape_after_drawing_asks_and_keeps_the_signature_unless_discarded(
    qtbot, signing, sqlite_services
) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = signing(plan)
    pad = dialog.rows[0].pad
    _draw(pad)
    pad.setFocus()
    drawn = pad.to_png()
    questions = Questions()

    answer_next_question(questions, press(Qt.Key.Key_Escape))  # a second stray Escape
    QTest.keyClick(pad, Qt.Key.Key_Escape)
    answer_next_question(questions, press(Qt.Key.Key_Return))  # Enter takes the default
    QTest.keyClick(pad, Qt.Key.Key_Escape)

    assert questions.asked == ["Discard the signatures?"] * 2
    assert dialog.isVisible() and pad.to_png() == drawn
    answer_next_question(questions, click("discardButton"))
    QTest.keyClick(pad, Qt.Key.Key_Escape)
    assert len(questions.asked) == 3
    assert not dialog.isVisible() and dialog.result() == SigningDialog.DialogCode.Rejected
    assert dialog.result_plan is None
    assert sqlite_services.plans.get_plan(plan.id).versions[-1].state is VersionState.DRAFT


def test_cancel_and_the_close_button_ask_when_a_paper_signature_is_recorded(
    qtbot, signing, sqlite_services
) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = signing(plan)
    kim = dialog.rows[1]
    kim.method.setFocus()
    QTest.keyClick(kim.method, Qt.Key.Key_Down)  # "Signs here" -> "Signed on paper"
    assert kim.method.currentIndex() == PAPER
    questions = Questions()
    cancel = dialog.buttons.button(dialog.buttons.StandardButton.Cancel)

    answer_next_question(questions, press(Qt.Key.Key_Escape))
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    answer_next_question(questions, press(Qt.Key.Key_Escape))
    dialog.close()  # the window's close button

    assert questions.asked == ["Discard the signatures?"] * 2
    assert dialog.isVisible() and kim.method.currentIndex() == PAPER


def test_escape_with_nothing_collected_closes_at_once(qtbot, signing, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = signing(plan)
    questions = Questions()
    answer_next_question(questions, press(Qt.Key.Key_Escape))  # would answer an unwanted one

    QTest.keyClick(dialog.rows[0].pad, Qt.Key.Key_Escape)

    assert not dialog.isVisible() and questions.asked == []


def test_the_question_is_in_swedish_with_keep_signing_as_default(
    qtbot, signing, sqlite_services
) -> None:
    translations = Translations()
    translations.install("sv")
    try:
        plan = PlanBuilder(sqlite_services).complete()
        dialog = signing(plan)
        _draw(dialog.rows[0].pad)
        seen: dict[str, str] = {}

        def look(box) -> None:
            seen["default"] = box.defaultButton().text()
            seen["escape"] = box.escapeButton().text()
            press(Qt.Key.Key_Escape)(box)

        questions = Questions()
        answer_next_question(questions, look)
        QTest.keyClick(dialog.rows[0].pad, Qt.Key.Key_Escape)
    finally:
        translations.install("en")

    assert questions.asked == ["Kasta underskrifterna?"]
    assert seen == {"default": "Fortsätt skriva under", "escape": "Fortsätt skriva under"}
    assert dialog.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_in_a_signer_row_does_not_sign(qtbot, sqlite_services, key) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _dialog(qtbot, sqlite_services, plan)
    person, kim = dialog.rows
    _draw(person.pad)
    kim.method.setCurrentIndex(PAPER)
    kim.date.setFocus()
    qtbot.waitUntil(kim.date.hasFocus)

    QTest.keyClick(kim.date, key)
    QTest.keyClick(kim.method, key)

    assert dialog.isVisible()
    assert sqlite_services.plans.get_plan(plan.id).versions[-1].state is VersionState.DRAFT
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.result_plan is not None
    assert dialog.result_plan.versions[-1].state is VersionState.SIGNED


def _wheel(widget, steps: int = -1) -> None:
    """Turn the mouse wheel over ``widget`` (without clicking it)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_scrolling_over_the_signers_changes_no_ones_way_of_signing(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _dialog(qtbot, sqlite_services, plan)
    person, kim = dialog.rows
    before = [(row.method.currentIndex(), row.date.date()) for row in dialog.rows]

    for row in dialog.rows:
        _wheel(row.method, -3)
        _wheel(row.date, -3)

    assert [(row.method.currentIndex(), row.date.date()) for row in dialog.rows] == before
    kim.method.setFocus()  # chosen with the keyboard or a click, the wheel may change it
    qtbot.waitUntil(kim.method.hasFocus)
    _wheel(kim.method, -1)
    assert kim.method.currentIndex() != before[1][0]


def test_a_message_about_the_signers_goes_when_they_change(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _dialog(qtbot, sqlite_services, plan)
    person, kim = dialog.rows
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)  # nobody has signed
    assert dialog.error.isVisible()

    _draw(person.pad)
    assert "Testa Testsson" not in dialog.error.text() and not person.error.isVisible()
    assert "Kim Handläggare" in dialog.error.text() and kim.error.isVisible()

    _draw(kim.pad)
    assert not dialog.error.isVisible() and not kim.error.isVisible()


def _six_signers(services) -> PlanDetail:
    plan = PlanBuilder(services).complete()
    people = [
        (
            "Alexandra Johansson-Lindqvist",
            "Region Västra Götaland, Beroendemottagningen Sahlgrenska",
        ),
        ("Muhammed Al-Hassan", "Arbetsförmedlingen Göteborg Centrum, rehabiliteringsenheten"),
        ("Eva Berg", "Försäkringskassan"),
        ("Lisa Ström", "Skolan Nordstan"),
    ]
    for name, organisation in people:
        data = ParticipantData(
            name=name,
            organisation=organisation,
            role="Sjuksköterska med specialistansvar för samordning",
            principal=PrincipalType.REGION,
            present=True,
        )
        plan = services.items.add("participant", plan.id, plan.version, data).plan
    return plan


def test_drawing_one_signature_clears_only_that_signers_message(qtbot, sqlite_services) -> None:
    dialog = _dialog(qtbot, sqlite_services, _six_signers(sqlite_services))
    assert len(dialog.rows) == 6
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)  # nobody has signed
    assert all(row.error.isVisible() for row in dialog.rows)
    eva = next(row for row in dialog.rows if row.signer.name == "Eva Berg")

    _draw(eva.pad)

    assert not eva.error.isVisible() and "Eva Berg" not in dialog.error.text()
    others = [row for row in dialog.rows if row is not eva]
    assert all(row.error.isVisible() for row in others)
    assert all(row.signer.name in dialog.error.text() for row in others)


@pytest.mark.parametrize("large", [False, True])
def test_the_signers_fit_without_sideways_scrolling(qtbot, sqlite_services, large) -> None:
    set_large_text(large)
    try:
        dialog = _dialog(qtbot, sqlite_services, _six_signers(sqlite_services))
        qtbot.waitExposed(dialog)
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)  # messages, too
        scroll = dialog.findChild(QScrollArea)
        assert scroll is not None
        body = scroll.widget()
        assert body is not None and body.width() <= scroll.viewport().width()
        assert scroll.horizontalScrollBar().maximum() == 0
        screen = dialog.screen().availableGeometry()
        assert dialog.width() <= screen.width()
    finally:
        set_large_text(False)


def test_a_click_in_the_signature_box_leaves_the_person_missing(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _dialog(qtbot, sqlite_services, plan)
    person, kim = dialog.rows
    kim.method.setCurrentIndex(PAPER)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert "Testa Testsson" in dialog.error.text()

    qtbot.mouseClick(person.pad, Qt.MouseButton.LeftButton, pos=QPoint(150, 50))
    qtbot.mouseClick(person.pad, Qt.MouseButton.LeftButton, pos=QPoint(150, 0))

    assert "Testa Testsson" in dialog.error.text() and person.error.text()
    assert not person.has_signature()
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert sqlite_services.plans.get_plan(plan.id).versions[-1].state is VersionState.DRAFT
