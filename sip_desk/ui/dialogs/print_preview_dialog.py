"""Print preview of the real plan PDF (QtPdf), with Print… and Save as PDF….

A signed version that fails its check is never shown as signed: a warning takes the preview's
place. Ctrl+P renders on the runner while the editor stays in use, then opens the dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sip_desk.domain.document import PRINT_LANGUAGES
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.languages import language_name
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.verification import DamagedVersionError
from sip_desk.services.export_service import RenderedPdf
from sip_desk.services.registry import Services
from sip_desk.ui.background import BackgroundOp, error_text
from sip_desk.ui.dialogs.pdf_page_keys import PdfPageKeys
from sip_desk.ui.dialogs.seal_password import ensure_seal_password
from sip_desk.ui.editor.session import ui_lang
from sip_desk.ui.text_scale import fit_window, relative_font

WARNING_TEXT = 1.4  # the warning over a damaged version, relative to the dialog's text
PREFERRED_WIDTH, PREFERRED_HEIGHT = 820, 960  # shrunk to the screen's available room
LANGUAGES = tuple((code, language_name(code)) for code in PRINT_LANGUAGES)


class PrintPreviewDialog(QDialog):
    """Shows the PDF exactly as it will be printed; prints or saves that same PDF."""

    def __init__(
        self,
        services: Services,
        plan: PlanDetail,
        number: int | None = None,
        language: str | None = None,
        parent: QWidget | None = None,
        pdf: RenderedPdf | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._plan = plan
        self._plan_id = plan.id
        self._number = number
        self.pdf: RenderedPdf | None = None
        self.setWindowTitle(self.tr("Print preview"))
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Preview of the printed plan"))
        self.page_keys = PdfPageKeys(self, self.view)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Print language"))
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.status = QLabel()
        self.status.setObjectName("previewStatus")
        self.warning = QLabel()
        self.warning.setObjectName("previewWarning")
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.warning.setStyleSheet(
            "QLabel#previewWarning { background: #fdecea; color: #7a1111; border: 2px solid "
            "#b71c1c; padding: 16px; }"
        )
        relative_font(self.warning, WARNING_TEXT)
        self.warning.hide()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("Save as P&DF…"))
        self.close_button = QPushButton(self.tr("&Close"))
        self._rendering = False
        self._render_again = False
        self._build()
        # An A4 page's width, as tall as the screen lets it be (a 768 px screen is not 960 px).
        fit_window(self, PREFERRED_WIDTH, PREFERRED_HEIGHT)
        language = language or (pdf.language if pdf is not None else None)
        index = self.language.findData(language or plan.fields.print_language)
        self.language.setCurrentIndex(max(0, index))
        self.language.currentIndexChanged.connect(lambda _index: self.reload())
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        # The main window's keys for printing and saving work here too.
        QShortcut(QKeySequence("Ctrl+P"), self, self._on_print_clicked)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self._on_save_clicked)
        self.close_button.clicked.connect(self.accept)
        if pdf is not None and pdf.language == self.language.currentData():
            self._show(pdf)
        else:
            self.reload()

    def _build(self) -> None:
        top = QHBoxLayout()
        label = QLabel(self.tr("&Language:"))
        label.setBuddy(self.language)
        top.addWidget(label)
        top.addWidget(self.language)
        top.addWidget(self.status, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning, 1)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def reload(self) -> None:
        """Render the PDF again (e.g. after the language changed) and show it when done."""
        if self._rendering:  # one render at a time; the newest choice is rendered next
            self._render_again = True
            return
        self._rendering = True
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Preparing the preview…"))
        documents, plan_id, number = self._services.documents, self._plan_id, self._number
        code = self.language.currentData()
        op = BackgroundOp(self, lambda: documents.preview(plan_id, number, code), self._on_rendered)
        op.failure(self._on_render_failed).run()

    def _rendered_again(self) -> bool:
        self._rendering = False
        if self._render_again:
            self._render_again = False
            self.reload()
            return True
        return False

    def _on_rendered(self, pdf: RenderedPdf) -> None:
        if not self._rendered_again():
            self._show(pdf)

    def _on_render_failed(self, error: Exception) -> None:
        if self._rendered_again():
            return
        text = error_text(error, ui_lang())
        if isinstance(error, DamagedVersionError):
            failed = self.tr("This signed version failed its check and is not shown as signed.")
            text = f"{failed}\n\n{text}"
        self._show(None, text)

    def _show(self, pdf: RenderedPdf | None, warning: str = "") -> None:
        """Show ``pdf``, or else ``warning`` where the preview was (nothing to print or save)."""
        self.pdf = pdf
        self.view.setDocument(None)  # type: ignore[arg-type]
        self.document.close()
        self._buffer.close()
        self.view.setVisible(pdf is not None)
        self.warning.setVisible(pdf is None)
        self.warning.setText(warning)
        self.print_button.setEnabled(pdf is not None)
        self.save_button.setEnabled(pdf is not None)
        if pdf is None:
            self.status.setText(self.tr("Not shown"))
            return
        self._buffer.setData(QByteArray(pdf.data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.view.setDocument(self.document)
        state = self.tr("signed") if pdf.signed else self.tr("draft, not signed")
        if pdf.other_store:
            state = self.tr("signed in another store (key %1)").replace("%1", pdf.key_id)
        self.status.setText(
            self.tr("Version %1 (%2), %3 pages")
            .replace("%1", str(pdf.version_number))
            .replace("%2", state)
            .replace("%3", str(self.document.pageCount()))
        )

    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Draw every page of the previewed PDF on ``printer``; returns the pages printed."""
        if self.pdf is None:
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be started."))
            return 0
        count = self.document.pageCount()
        for index in range(count):
            if index:
                printer.newPage()
            self._draw_page(painter, printer, index)
        painter.end()
        self._services.documents.record_output(self.pdf, AuditAction.PRINT)
        self.status.setText(self.tr("Sent %1 pages to the printer.").replace("%1", str(count)))
        return count

    def _draw_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        points = self.document.pagePointSize(index)
        scale = min(area.width() / points.width(), area.height() / points.height())
        size = QSize(round(points.width() * scale), round(points.height() * scale))
        image = self.document.render(index, size)
        painter.drawImage(QRect(0, 0, size.width(), size.height()), image)

    def _on_save_clicked(self) -> None:
        from sip_desk.ui import file_dialogs

        path = file_dialogs.ask_save_path(
            self, self.tr("Save as PDF"), f"plan-{self._plan_id}.pdf", self.tr("PDF files (*.pdf)")
        )
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        """Save the plan as a PDF (sealed when a certificate is configured), on the runner."""
        documents, plan_id, number = self._services.documents, self._plan_id, self._number
        if not ensure_seal_password(self, documents):
            return
        code = self.language.currentData()
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving to %1…").replace("%1", str(path)))

        def saved(pdf: RenderedPdf) -> None:
            self.save_button.setEnabled(self.pdf is not None)
            self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))
            self.pdf = pdf if pdf.data else self.pdf

        def failed(error: Exception) -> None:
            self.save_button.setEnabled(self.pdf is not None)
            self.status.setText(error_text(error, ui_lang()))

        op = BackgroundOp(self, lambda: documents.export_pdf(plan_id, path, number, code), saved)
        op.failure(failed).run()

    @classmethod
    def show_for(
        cls, parent: QWidget | None, services: Services, plan: PlanDetail, number: int | None = None
    ) -> bool:
        """Render ``plan`` (version ``number``, else the latest) on the runner, then open the
        preview; ``False`` when one of this plan is being prepared already."""
        documents, plan_id = services.documents, plan.id

        def show(pdf: RenderedPdf | None) -> None:
            dialog = cls(services, plan, number, parent=parent, pdf=pdf)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.exec()

        anchor = parent if parent is not None else QCoreApplication.instance()
        assert anchor is not None
        label = QCoreApplication.translate("PrintPreviewDialog", "Preparing the preview…")
        op = BackgroundOp(anchor, lambda: documents.preview(plan_id, number), show)
        op.single(("print-preview", plan_id)).with_progress(label)
        # A failed render opens the dialog anyway: it renders again and shows the warning.
        return op.failure(lambda _error: show(None)).run()
