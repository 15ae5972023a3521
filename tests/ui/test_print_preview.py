from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from sip_desk.domain.enums import AuditAction
from sip_desk.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from tests.builders import PlanBuilder


def _preview(qtbot, services, plan_id, language=None) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(services, plan_id, language=language)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


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

    assert dialog.pdf is not None and dialog.pdf.language == "en"
    assert "My plan" in dialog.document.getAllText(0).text()


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

    meta = PdfReader(tmp_path / "plan.pdf").metadata
    assert meta is not None and str(meta["/SIPDeskPlanId"]) == str(plan.id)
    assert str(tmp_path / "plan.pdf") in dialog.status.text()
