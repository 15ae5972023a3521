"""PDF bookmarks (the outline): one entry per part of a document, where the part starts.

The plan has four parts a reader (or a checker) jumps to: the person's part, the full plan,
the signature page, and, in the follow-up record, the follow-up appendix. A :class:`PartMark`
stands at the start of each; it takes no room. The plan's canvas holds its pages back until
the page count is known (:mod:`sip_desk.pdf.page_frame`), so a mark is recorded with the page
it stands on and written when that page is (``mark_part``); any other canvas writes it at once.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable


def write_mark(canvas: Canvas, key: str, title: str) -> None:
    """Bookmark the current page as ``key`` with a top-level outline entry ``title``."""
    canvas.bookmarkPage(key, fit="XYZ", top=None, left=None, zoom=None)
    canvas.addOutlineEntry(title, key, level=0)
    canvas.showOutline()


class PartMark(Flowable):
    """The start of one part of the document: an outline entry pointing at this page."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key = key
        self.title = title

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """No room taken."""
        return 0.0, 0.0

    def draw(self) -> None:
        """Record (or write) the outline entry for the page being drawn."""
        canvas: Any = self.canv
        mark = getattr(canvas, "mark_part", None)
        if mark is not None:
            mark(self.key, self.title)
        else:
            write_mark(canvas, self.key, self.title)
