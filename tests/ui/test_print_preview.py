from __future__ import annotations

import sqlite3

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from sip_desk.db.engine import Database, make_engine
from sip_desk.db.migrate import prepare_store
from sip_desk.domain.enums import AuditAction
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from tests.builders import PlanBuilder
from tests.services.signing_helpers import person_signature


def _preview(qtbot, services, plan_id, language=None) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(services, services.plans.get_plan(plan_id), language=language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: _shown(dialog))  # rendered on the background runner
    return dialog


def _shown(dialog: PrintPreviewDialog) -> bool:
    """The preview (or the warning in its place) is shown: no longer "Preparing the preview…"."""
    return not dialog.status.text().endswith("…")


def test_print_preview_shows_the_real_pdf(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()

    dialog = _preview(qtbot, sqlite_services, plan.id)

    assert dialog.document.pageCount() >= 3
    assert dialog.view.document() is dialog.document
    assert "Testa Testsson" in dialog.document.getAllText(0).text()
    assert "draft" in dialog.status.text()


def test_print_preview_switches_language(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)

    dialog.language.setCurrentIndex(dialog.language.findData("en"))

    qtbot.waitUntil(lambda: dialog.pdf is not None and dialog.pdf.language == "en")
    assert dialog.pdf is not None and dialog.pdf.language == "en"
    assert "My plan" in dialog.document.getAllText(0).text()


def test_print_preview_offers_eight_languages_by_their_own_names(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]

    assert names == [
        "Svenska",
        "English",
        "العربية",
        "Soomaali",
        "ትግርኛ",
        "دری",
        "فارسی",
        "Українська",
    ]
    dialog.language.setFocus()
    for _ in range(4):  # Svenska -> ትግርኛ
        qtbot.keyClick(dialog.language, Qt.Key.Key_Down)

    qtbot.waitUntil(lambda: dialog.pdf is not None and dialog.pdf.language == "ti")
    assert "ትልመይ" in dialog.document.getAllText(0).text()


def test_print_preview_prints_every_page_and_logs_it(qtbot, sqlite_services, tmp_path) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))

    pages = dialog.print_to(printer)

    assert pages == dialog.document.pageCount()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
    entries = sqlite_services.audit.entries(plan_id=plan.id)
    assert dialog.pdf is not None
    assert any(e.action is AuditAction.PRINT and e.new == dialog.pdf.sha256 for e in entries)


def test_print_preview_saves_the_pdf(qtbot, sqlite_services, tmp_path) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)

    dialog.save_to(tmp_path / "plan.pdf")

    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved to"))
    meta = PdfReader(tmp_path / "plan.pdf").metadata
    assert meta is not None and str(meta["/SIPDeskPlanId"]) == str(plan.id)
    assert str(tmp_path / "plan.pdf") in dialog.status.text()


def _signed(services) -> int:
    plan = PlanBuilder(services).complete()
    today = services.ctx.clock.today()
    services.signing.sign_version(plan.id, plan.version, [person_signature(today)])
    return plan.id


def test_print_preview_warns_instead_of_showing_a_damaged_signed_version(
    qtbot, sqlite_services
) -> None:
    plan_id = _signed(sqlite_services)
    with sqlite3.connect(sqlite_services.ctx.db.path) as con:  # someone adds a signature
        con.execute(
            "INSERT INTO signatures (version_id, position, signer_name, organisation, role, "
            "is_person, method, signed_on) SELECT id, 5, 'Falsk Underskrift', '', '', 0, "
            "'paper', '2026-11-23' FROM plan_versions WHERE state = 'signed'"
        )
    con.close()

    dialog = _preview(qtbot, sqlite_services, plan_id, language="en")
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # another language: still refused
    qtbot.waitUntil(lambda: _shown(dialog))

    assert dialog.warning.isVisible() and not dialog.view.isVisible()
    assert "Falsk Underskrift" in dialog.warning.text()
    assert dialog.view.document() is None and dialog.pdf is None
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_print_preview_names_the_store_an_imported_version_was_signed_in(
    qtbot, sqlite_services, tmp_path, user, clock
) -> None:
    text = sqlite_services.transfer.export_plan(_signed(sqlite_services))
    (tmp_path / "other").mkdir()
    db = Database(make_engine(str(tmp_path / "other" / "sip_desk.sqlite")))
    prepare_store(db)
    other = Services(ServiceContext(db=db, user=user, clock=clock))
    plan = other.transfer.import_with_report(text).plan
    key = sqlite_services.keys.own().key_id

    dialog = PrintPreviewDialog(other, plan, number=1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: _shown(dialog))

    assert dialog.warning.isHidden() and dialog.print_button.isEnabled()
    assert f"signed in another store (key {key})" in dialog.status.text()
    db.dispose()


def test_every_language_name_renders_with_glyphs_once_the_app_has_started(
    qtbot, sqlite_services, sqlite_db, tmp_path
) -> None:
    import argparse

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QTextLayout

    from sip_desk.app import DesktopApp
    from sip_desk.ui.settings import AppSettings

    plan = PlanBuilder(sqlite_services).complete()
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    args = argparse.Namespace(db=str(sqlite_db.path), lang="sv", user="anna.test", debug=False)
    app = DesktopApp(args, settings)
    qtbot.addWidget(app.window)
    app.start()  # shows the window; after its first paint the script fonts are registered
    qtbot.waitUntil(lambda: "Noto Sans Ethiopic" in QFontDatabase.families(), timeout=5000)
    try:
        dialog = _preview(qtbot, sqlite_services, plan.id, language="ti")
        combo = dialog.language
        dialog.grab().save(str(tmp_path / "preview-ti.png"))
        for index in range(combo.count()):
            name = combo.itemText(index)
            layout = QTextLayout(name, combo.font())
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            for run in layout.glyphRuns():
                family = run.rawFont().familyName()
                assert 0 not in run.glyphIndexes(), f"{name}: boxes in {family}"
                metrics = QFontMetrics(QFont(family))
                shown = [ch for ch in name if not ch.isspace()]
                assert any(metrics.inFontUcs4(ord(ch)) for ch in shown), (name, family)
        ti = combo.itemText(combo.findData("ti"))
        assert ti == "ትግርኛ"
        assert all(QFontMetrics(QFont("Noto Sans Ethiopic")).inFontUcs4(ord(ch)) for ch in ti)
    finally:
        app.translations.install("en")
        if app.services is not None:
            app.services.ctx.db.dispose()


def _press(dialog: PrintPreviewDialog, key: Qt.Key) -> int:
    """Presses ``key`` where the focus is; how far the view moved (pixels, down positive)."""
    bar = dialog.view.verticalScrollBar()
    before = bar.value()
    QTest.keyClick(dialog.focusWidget() or dialog, key)
    return bar.value() - before


def test_page_down_reads_a_tall_page_to_its_end_before_the_next_one(qtbot, sqlite_services) -> None:
    """At a large zoom a page is taller than the view: Page Down shows the rest of it, a view's
    height at a time with a little overlap, and only then the next page's top; Page Up the
    same backwards. (Before, each press jumped to the next page's top: the lower half of
    every page was never shown.)"""
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.language.setFocus()  # where the focus is after choosing a language
    dialog.resize(dialog.width(), 420)  # a short window: a page is two or three views tall
    qtbot.waitUntil(lambda: dialog.height() == 420)
    view, bar = dialog.view, dialog.view.verticalScrollBar()
    height = view.viewport().height()
    assert dialog.document.pageCount() >= 3 and bar.value() == 0

    steps = []
    while view.pageNavigator().currentPage() == 0:
        steps.append(_press(dialog, Qt.Key.Key_PageDown))
        assert len(steps) < 10
    assert len(steps) >= 3  # the first page took more than one press
    gap = view.pageSpacing()  # between pages: all that a press may pass over
    assert all(0 < step <= height + gap for step in steps)  # no line skipped
    assert all(step > height / 2 for step in steps[:2])  # nor crawling
    assert _page_starts_at_the_top(dialog)  # then the second page, from its top
    assert dialog.language.currentData() == plan.fields.print_language  # the list kept its choice

    back = [-_press(dialog, Qt.Key.Key_PageUp)]
    while back[-1]:
        back.append(-_press(dialog, Qt.Key.Key_PageUp))
        assert len(back) < 10
    assert bar.value() < 20  # at the first page's top: the document's margin above it
    assert len(back) - 1 == len(steps)  # the first page again, its end first, then its top
    assert all(0 < step <= height + gap for step in back[:-1])


def test_page_down_at_a_page_end_turns_to_the_next_page(qtbot, sqlite_services) -> None:
    """When a page's end is in view, Page Down shows the next page from its top, even when
    the user scrolled there by hand; Page Up from a page's top shows the previous page's end."""
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)
    view, bar = dialog.view, dialog.view.verticalScrollBar()
    while view.pageNavigator().currentPage() == 0:
        _press(dialog, Qt.Key.Key_PageDown)
    second = bar.value()
    bar.setValue(second - 20)  # by hand: the first page's end and the gap in view
    _press(dialog, Qt.Key.Key_PageDown)
    assert bar.value() == second and _page_starts_at_the_top(dialog)
    _press(dialog, Qt.Key.Key_PageUp)
    height, gap = view.viewport().height(), view.pageSpacing()
    assert bar.value() == second - gap - height  # the first page's end at the view's bottom


def test_the_preview_fits_on_the_screen(qtbot, sqlite_services) -> None:
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)

    room = dialog.screen().availableGeometry()
    assert room.height() < 960  # the test screen is smaller than the preview's preferred size
    assert room.contains(dialog.frameGeometry())
    assert not dialog.view.horizontalScrollBar().isVisible()  # fit to width: no sideways scrolling


def _page_starts_at_the_top(dialog: PrintPreviewDialog) -> bool:
    """What the user sees: a page's top edge is the view's first row (the gap above it is not)."""
    view, bar = dialog.view, dialog.view.verticalScrollBar()
    x = view.viewport().width() // 2
    shown = view.viewport().grab().toImage()
    gap, first_row = shown.pixel(1, 0), shown.pixel(x, 0)  # the margin beside the pages: the gap
    bar.setValue(bar.value() - 1)
    row_above = view.viewport().grab().toImage().pixel(x, 0)
    bar.setValue(bar.value() + 1)
    return first_row != gap and row_above == gap


def test_page_down_lands_on_each_page_top_at_any_width(qtbot, sqlite_services) -> None:
    """The pages' tops are worked out in whole pixels as the view lays them out, so a press
    lands exactly on the next page after the user narrowed or widened the preview."""
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)
    bar = dialog.view.verticalScrollBar()
    for width in (433, 555, 613, 700, 760):
        dialog.resize(width, dialog.height())
        qtbot.waitUntil(lambda w=width: dialog.width() == w)
        bar.setValue(0)
        for page in range(1, dialog.document.pageCount()):
            bar.setValue(bar.value() + 3)  # read a few lines of the page first
            while dialog.view.pageNavigator().currentPage() < page:  # to the page's end
                QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_PageDown)
                if bar.value() == bar.maximum():
                    break
            if bar.value() == bar.maximum():
                break  # the last page's top cannot reach the view's top
            assert dialog.view.pageNavigator().currentPage() == page
            assert _page_starts_at_the_top(dialog), (width, page)
            QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_PageUp)
            QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_PageDown)
            assert dialog.view.pageNavigator().currentPage() == page  # back and forth: same


def test_ctrl_shift_s_in_the_preview_saves_the_pdf_as_the_guide_says(
    qtbot, sqlite_services, tmp_path, monkeypatch
) -> None:
    from sip_desk.ui import file_dialogs

    target = tmp_path / "plan.pdf"
    monkeypatch.setattr(file_dialogs, "ask_save_path", lambda *args: target)
    plan = PlanBuilder(sqlite_services).complete()
    dialog = _preview(qtbot, sqlite_services, plan.id)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    QTest.keyClick(
        dialog.view,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )

    qtbot.waitUntil(lambda: dialog.status.text().startswith("Saved to"))
    assert PdfReader(target).pages
