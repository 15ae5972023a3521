"""Composition root of the GUI (placeholder until the main window lands)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("SIP Desk")
    label.show()
    return app.exec()
