"""The self-test's Qt side: read a PDF with Qt PDF (as the print preview does), load ``.qm``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLibraryInfo, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument

from sip_desk.self_test.base import CheckFailed

# A source text of our UI and its context: loaded translations must translate it.
_PROBE = ("ActionTableModel", "What is done")


def ensure_application() -> None:
    """A QApplication for Qt PDF (the running one when there is one).

    A full QApplication, not a QGuiApplication: the process may go on to open windows (the
    test suite does), and Qt allows one application object per process, of one kind.
    """
    if QGuiApplication.instance() is None:
        from PySide6.QtWidgets import QApplication

        # Kept on the function: the application must outlive every document it reads.
        ensure_application.app = QApplication(["sip-desk", "--self-test"])  # type: ignore[attr-defined]


def platform_name() -> str:
    """The platform plugin Qt runs on (``offscreen``, ``xcb``, ``wayland``, ``windows`` …)."""
    ensure_application()
    return QGuiApplication.platformName()


def pdf_pages_text(data: bytes) -> list[str]:
    """The text of each page of the PDF ``data``, as Qt PDF reads it.

    Raises:
        CheckFailed: Qt PDF cannot open the file.
    """
    ensure_application()
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            raise CheckFailed(f"Qt PDF cannot open it ({document.error().name})")
        return [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()
        buffer.close()


def translation_loads(name: str, folder: Path | None = None) -> Path:
    """Load the Qt translation ``name`` (our folder, or Qt's own when ``None``); return its file.

    Raises:
        CheckFailed: the file is missing, empty, or does not translate.
    """
    where = str(folder) if folder else QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load(name, where) or translator.isEmpty():
        raise CheckFailed(f"{name}.qm not found or empty in {where}")
    if folder is not None and not translator.translate(*_PROBE):
        raise CheckFailed(f"{name}.qm does not translate {_PROBE[1]!r}")
    return Path(translator.filePath())
