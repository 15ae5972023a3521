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
    """Tell the user something; one OK button."""
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Show a calm warning; ``details`` (e.g. a log path) goes into the expandable part."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("warningBox")
    if details:
        box.setDetailedText(details)
    box.exec()


def choose(parent: QWidget | None, title: str, text: str, accept: str, reject: str) -> bool:
    """Ask with two named buttons; ``True`` for ``accept``.

    ``reject`` is the safe choice: the default button, and what Escape or closing the box means.
    """
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("choiceBox")
    yes = box.addButton(accept, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(reject, QMessageBox.ButtonRole.RejectRole)
    yes.setObjectName("choiceAccept")
    no.setObjectName("choiceReject")
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes
