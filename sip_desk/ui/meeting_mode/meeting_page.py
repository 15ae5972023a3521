"""The page meeting mode shows: the plan in parts (the person's name, their goals, who does
what…), one label each, so the screen can bring the part being talked about to the top."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

MARGIN = 24

_HTML_CSS = (
    "<style>h1 { color: #ffe066; font-size: 150%; } h2 { color: #ffe066; font-size: 125%; "
    "margin-top: 18px; } li { margin-bottom: 10px; } p { margin: 4px 0; }</style>"
)


class MeetingPage(QWidget):
    """The parts of the plan, top to bottom; :meth:`text` is the whole page as HTML."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meeting_mode_text")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._layout.setSpacing(_part_gap(self))
        self._layout.addStretch(1)
        self._labels: dict[str, QLabel] = {}
        self._html = ""

    def text(self) -> str:
        """The page as shown, as HTML."""
        return self._html

    def set_parts(self, parts: list[tuple[str, str]]) -> None:
        """Show ``parts`` ((key, HTML) in order), reusing the labels when the same parts stay."""
        self._html = "".join(html for _, html in parts)
        keys = [key for key, _ in parts]
        if keys != list(self._labels):
            for label in self._labels.values():
                self._layout.removeWidget(label)
                label.deleteLater()
            self._labels = {}
            for index, key in enumerate(keys):
                self._labels[key] = self._part_label(key)
                self._layout.insertWidget(index, self._labels[key])
        for key, html in parts:
            self._labels[key].setText(_HTML_CSS + html)

    def part_labels(self) -> list[QLabel]:
        return list(self._labels.values())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # styled labels do not inherit it
            for label in self._labels.values():
                label.setFont(self.font())
            self._layout.setSpacing(_part_gap(self))

    def part_top(self, key: str) -> int | None:
        """Where part ``key`` starts on the page (``None`` when the plan has nothing there)."""
        label = self._labels.get(key)
        return None if label is None else label.y()

    def part_scroll(self, key: str) -> int | None:
        """The scroll position that puts part ``key``'s heading at the top of the screen with
        only the empty space between the parts above it: not a sliver of the part before
        (``None`` when the plan has nothing there)."""
        labels = list(self._labels.values())
        label = self._labels.get(key)
        if label is None:
            return None
        at = labels.index(label)
        return 0 if at == 0 else labels[at - 1].geometry().bottom() + 1

    def _part_label(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"meeting_part_{key}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        label.setFont(self.font())
        return label


def _part_gap(page: QWidget) -> int:
    """Space above each heading: half a line of the page's text (a label ignores its first
    heading's top margin)."""
    return QFontMetrics(page.font()).height() // 2
