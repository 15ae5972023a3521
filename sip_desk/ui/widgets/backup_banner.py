"""A calm banner above the tabs when the day's automatic backup could not be made.

The reason comes from the service in the user's language (a folder that cannot be written to, a
full disk, a planted link, a damaged store) and says what to do. It is told once a day: later
starts on the same day leave the banner hidden (the log file has every failure).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sip_desk.domain.errors import DomainError
from sip_desk.ui.text_scale import on_font_change, px

TOLD_KEY = "backup/failure_told"  # the day the user was last told (ISO date)


class BackupBanner(QFrame):
    """Says why today's backup is missing, with a button to dismiss it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # The reminder banner's colours: dark text on pale yellow; the words carry the meaning.
        self.setStyleSheet(
            "#backupBanner { background: #fff4c2; border: 1px solid #b58900; }"
            " #backupBanner QLabel { color: #3d2e00; }"
        )
        self.problem: DomainError | None = None
        self.text = QLabel(self)
        self.text.setObjectName("backupText")
        self.text.setWordWrap(True)
        self.dismiss = QPushButton(self.tr("Dismiss"), self)
        self.dismiss.setObjectName("backupDismiss")
        layout = QHBoxLayout(self)
        self._fit_margins()
        on_font_change(self, self._fit_margins)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss)
        self.dismiss.clicked.connect(self.hide)
        self.hide()

    def _fit_margins(self) -> None:
        layout = self.layout()
        if layout is not None:
            layout.setContentsMargins(px(8), px(4), px(8), px(4))
            layout.setSpacing(px(6))

    def show_problem(self, problem: DomainError, lang: str) -> None:
        """Show why the backup could not be made, in ``lang`` (the window's language)."""
        self.problem = problem
        said = self.tr("Today's backup could not be made. %1").replace("%1", problem.message(lang))
        self.text.setText("⚠ " + said)
        self.text.setAccessibleName(said)
        self.show()


def tell_once_a_day(
    banner: BackupBanner, settings: QSettings, problem: DomainError, lang: str, today: date
) -> bool:
    """Show ``problem`` on ``banner`` unless the user was told already ``today``.

    Returns ``True`` when it was shown.
    """
    if settings.value(TOLD_KEY) == today.isoformat():
        return False
    settings.setValue(TOLD_KEY, today.isoformat())
    banner.show_problem(problem, lang)
    return True
