"""The one place that sets how large text is; every other size is derived from it.

The application font is the normal font times the scale (1.0, or :data:`LARGE_TEXT_FACTOR` with
*Large text* on). Widgets take their size from that font, never from a fixed point size:

- text a little larger or bolder than the text around it (a heading) uses :func:`relative_font`,
  which keeps the widget at a multiple of the application font whenever the scale changes;
- a size measured from a font (a row's height, a text box of four lines) is measured again by
  :func:`on_font_change` when the widget's font changes;
- a style sheet sets colours, borders and padding, never ``font-size``: Qt keeps a styled
  widget's font as it was when it was polished, so :func:`set_scale` polishes them again.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

LARGE_TEXT_FACTOR = 1.4
HEADING = 1.35  # a section heading, relative to the text around it
SCREEN_SHARE = 0.9  # the largest part of the screen a window is sized to
_NORMAL = "sipDeskNormalFont"  # a property of the QApplication: the font at scale 1.0


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def normal_font() -> QFont:
    """The application font at scale 1.0 (the platform's font, kept once it was first asked)."""
    app = _app()
    stored = app.property(_NORMAL)
    if isinstance(stored, QFont):
        return QFont(stored)
    font = QFont(app.font())
    app.setProperty(_NORMAL, font)
    return font


def scaled(font: QFont, factor: float) -> QFont:
    """``font`` ``factor`` times as large (in points, or in pixels for a pixel-sized font)."""
    result = QFont(font)
    if factor == 1.0:
        return result
    if font.pointSizeF() > 0:
        result.setPointSizeF(font.pointSizeF() * factor)
    else:
        result.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return result


def set_scale(factor: float) -> None:
    """Make all text ``factor`` times its normal size; 1.0 restores the normal font exactly."""
    app = _app()
    font = scaled(normal_font(), factor)
    if font == app.font() and font.resolveMask() == app.font().resolveMask():
        return
    if factor != 1.0:
        _scale_indicators(app)
    app.setFont(font)
    # Qt posts the change to the windows; deliver it now, so that widgets made from here on
    # inherit the new font, and styled ones are polished (below) after their parents have it.
    QApplication.sendPostedEvents(None, QEvent.Type.ApplicationFontChange)
    # A styled widget keeps the font it had when polished: polish it again, in the windows on
    # screen (closed windows waiting to be deleted are left alone: polishing them crashed).
    windows = [w for w in app.topLevelWidgets() if w.isVisible()]
    styled = [
        child
        for window in windows
        for child in (window, *window.findChildren(QWidget))
        if child.testAttribute(Qt.WidgetAttribute.WA_StyleSheet)
    ]
    for widget in styled:
        if not shiboken6.isValid(widget):
            continue  # polishing one deleted it (a child going with its parent)
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


class _ScaledStyle(QProxyStyle):
    """The application's style, with check boxes' and radio buttons' boxes grown with the text
    (a style measures them in fixed pixels: beside large text they stayed small)."""

    _SCALED = (
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
    )

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        value = super().pixelMetric(metric, option, widget)
        return round(value * scale()) if metric in self._SCALED else value


def _scale_indicators(app: QApplication) -> None:
    """Install :class:`_ScaledStyle` once (first time the text is scaled; 1.0 changes nothing)."""
    if not isinstance(app.style(), _ScaledStyle):
        style = _ScaledStyle(app.style().name())
        app.setProperty("sipDeskStyle", style)  # kept referenced as long as the application
        app.setStyle(style)


def set_large_text(on: bool) -> None:
    """*Large text* on or off (View menu, Ctrl+Shift+L)."""
    set_scale(LARGE_TEXT_FACTOR if on else 1.0)


def scale() -> float:
    """The current scale: the application font's size over the normal font's."""
    normal, now = normal_font(), _app().font()
    if normal.pointSizeF() > 0 and now.pointSizeF() > 0:
        return now.pointSizeF() / normal.pointSizeF()
    return now.pixelSize() / max(1, normal.pixelSize())


def px(pixels: int) -> int:
    """``pixels`` chosen for text at normal size, at the current scale (a column's width)."""
    return round(pixels * scale())


def fit_window(window: QWidget, width: int, height: int | None = None) -> None:
    """Size ``window`` at ``width`` x ``height`` pixels chosen for text at normal size, grown
    with the scale; never smaller than its content needs, never larger than its screen.

    Without ``height``: as tall as the content at that width (wrapped labels included).
    """
    size = QSize(px(width), px(height) if height is not None else 0)
    size = size.expandedTo(window.minimumSizeHint())
    if height is None:
        fitted = window.heightForWidth(size.width())
        size.setHeight(max(fitted, window.sizeHint().height()))
    screen = window.screen()
    if screen is not None:  # room left for the window's frame
        size = size.boundedTo(screen.availableGeometry().size() * SCREEN_SHARE)
    window.resize(size)


def grow_to_content(window: QWidget) -> None:
    """Make a shown ``window`` as tall as its content needs at its width, within its screen:
    a window does not grow by itself when a label in it wraps onto more lines (a message)."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    need = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
    need = max(need, layout.totalSizeHint().height())
    screen = window.screen()
    if screen is not None:
        frame = window.frameGeometry().height() - window.height()
        need = min(need, screen.availableGeometry().height() - frame)
    if need > window.height():
        window.resize(width, need)


def place_on_screen(window: QWidget, rect: QRect) -> None:
    """Give ``window`` the place and size ``rect`` (saved on another screen, perhaps): moved
    onto its screen's available room, and shrunk only where it does not fit there."""
    screen = window.screen()
    if screen is None:
        window.setGeometry(rect)
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar and borders
    inner = room.size() - frame
    size = rect.size().boundedTo(inner).expandedTo(window.minimumSize().boundedTo(inner))
    outer = size + frame
    x = min(max(rect.x(), room.left()), room.left() + room.width() - outer.width())
    y = min(max(rect.y(), room.top()), room.top() + room.height() - outer.height())
    window.resize(size)
    window.move(x, y)  # a window's position is its frame's


class _RelativeFont(QObject):
    """Keeps its widget's font at ``size`` times the application font (bold if asked)."""

    def __init__(self, widget: QWidget, size: float, bold: bool | None) -> None:
        super().__init__(widget)  # goes with the widget, and so does the connection below
        self._widget, self._size, self._bold = widget, size, bold
        # A font set on the widget is its own: Qt does not change it with the application's.
        _app().fontChanged.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        font = scaled(_app().font(), self._size)
        if self._bold is not None:
            font.setBold(self._bold)
        self._widget.setFont(font)


def relative_font(widget: QWidget, size: float = 1.0, bold: bool | None = None) -> None:
    """Show ``widget``'s text at ``size`` times the application font, at every scale."""
    _RelativeFont(widget, size, bold)


class _FontWatch(QObject):
    """Calls back once after its widget's font changed (after the change has settled)."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(widget)
        self._widget, self._callback = widget, callback
        self._pending = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        changed = watched is self._widget and event.type() == QEvent.Type.FontChange
        if changed and not self._pending:
            self._pending = True
            # Its children get the new font in the same turn: measure after them.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self._pending = False
        self._callback()


def on_font_change(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` (soon, once) whenever ``widget``'s font changes, e.g. with the scale."""
    _FontWatch(widget, callback)
