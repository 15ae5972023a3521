"""Small message boxes in one place, so tests monkeypatch a single module."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; ``True`` for yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Show a calm warning; ``details`` (e.g. a log path) goes into the expandable part."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("warningBox")
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm_discard(
    parent: QWidget | None, question: str, detail: str, keep: str, discard: str
) -> bool:
    """Ask before throwing away what the user entered; ``True`` only when they choose ``discard``.

    ``keep`` is the default button and answers Escape too, so a stray Enter or Escape (or two)
    never loses anything.
    """
    box = QMessageBox(parent)
    box.setObjectName("discardBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(question)
    box.setText(question)
    box.setInformativeText(detail)
    keep_button = box.addButton(keep, QMessageBox.ButtonRole.RejectRole)
    keep_button.setObjectName("keepEditingButton")
    discard_button = box.addButton(discard, QMessageBox.ButtonRole.DestructiveRole)
    discard_button.setObjectName("discardButton")
    box.setDefaultButton(keep_button)
    box.setEscapeButton(keep_button)
    box.exec()
    return box.clickedButton() is discard_button
