"""A signature pad: draw a signature with a mouse, a pen (tablet) or a finger (touch)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#0b2a5b")
PNG_HEIGHT = 160  # pixels of the exported image; printed at about 4.5 cm wide
# A signature is a drawn stroke, not a click or a dot: the ink must run at least this far and
# span at least this much, both as a share of the pad's height (so it holds at any size/zoom).
MIN_INK_LENGTH = 0.5
MIN_INK_SPAN = 0.2


class SignaturePad(QWidget):
    """Collects strokes; :meth:`to_png` gives them as a transparent PNG.

    Mouse, tablet pens and touch screens all draw. Delete or Backspace clears the pad; Ctrl+Z
    takes back the last stroke or the last clearing, so a stray key never loses a signature.
    """

    signature_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        # What Ctrl+Z takes back, newest last: None for a stroke drawn, the strokes for a clear.
        self._history: list[list[list[QPointF]] | None] = []
        self._drawing = False
        self.setMinimumSize(QSize(320, 110))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature pad"))
        self.setAccessibleDescription(
            self.tr(
                "Draw the signature with the mouse, a pen or a finger. Delete clears it; "
                "Ctrl+Z takes back the last stroke or the clearing."
            )
        )
        self.setToolTip(self.tr("Sign here. Delete clears the signature; Ctrl+Z takes it back."))

    def is_empty(self) -> bool:
        """True unless a real stroke was drawn: a click, a dot or a twitch is no signature."""
        points = [p for stroke in self._strokes for p in stroke]
        if not points:
            return True
        size = max(1, self.height())
        length = sum(
            (b - a).manhattanLength()
            for stroke in self._strokes
            for a, b in zip(stroke, stroke[1:], strict=False)
        )
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        span = max(max(xs) - min(xs), max(ys) - min(ys))
        return length < MIN_INK_LENGTH * size or span < MIN_INK_SPAN * size

    def clear(self) -> None:
        """Remove the signature (:meth:`undo` brings it back)."""
        if self._strokes:
            self._history.append(self._strokes)
            self._strokes = []
            self.update()
            self.signature_changed.emit()

    def undo(self) -> None:
        """Take back the last stroke drawn, or the last clearing."""
        if self._drawing or not self._history:
            return
        last = self._history.pop()
        if last is None:
            self._strokes.pop()
        else:
            self._strokes = last
        self.update()
        self.signature_changed.emit()

    def to_png(self) -> bytes:
        """The signature as a PNG (transparent background, dark ink), or ``b""`` when empty."""
        if self.is_empty():
            return b""
        scale = PNG_HEIGHT / max(1, self.height())
        image = QImage(max(1, round(self.width() * scale)), PNG_HEIGHT, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        self._paint_strokes(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs say bytes; PySide wants str
        buffer.close()
        return bytes(data.data())

    def _begin(self, pos: QPointF) -> None:
        self._drawing = True
        self._strokes.append([pos])
        self._history.append(None)
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if self._drawing and self._strokes:
            self._strokes[-1].append(pos)
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.signature_changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position())
        self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:
        self._pointer(event.type(), event.position())
        event.accept()

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        if not isinstance(event, QTouchEvent):
            return super().event(event)
        if event.points():
            self._pointer(event.type(), event.points()[0].position())
            event.accept()
        return True

    def _pointer(self, kind: QTabletEvent.Type, pos: QPointF) -> None:
        """A pen or a finger went down, moved or lifted."""
        t = QTabletEvent.Type  # QEvent.Type: the touch types too
        if kind in (t.TabletPress, t.TouchBegin):
            self._begin(pos)
        elif kind in (t.TabletMove, t.TouchUpdate):
            self._extend(pos)
        elif kind in (t.TabletRelease, t.TouchEnd, t.TouchCancel):
            self._end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
            return
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        super().keyPressEvent(event)

    def _paint_strokes(self, painter: QPainter) -> None:
        pen = QPen(INK, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, QColor("white"))
        border = self.palette().highlight().color() if self.hasFocus() else QColor("#8a8f98")
        painter.setPen(QPen(border, 2 if self.hasFocus() else 1))
        painter.drawRoundedRect(rect, 4, 4)
        baseline = rect.bottom() - 26
        painter.setPen(QPen(QColor("#b8bcc4"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(rect.left() + 16, baseline), QPointF(rect.right() - 16, baseline))
        if self.is_empty():
            painter.setPen(QColor("#6b7280"))
            painter.drawText(
                rect.adjusted(16, 0, -16, -30),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                self.tr("Sign here"),
            )
        self._paint_strokes(painter)
        painter.end()
