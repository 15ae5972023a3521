"""The A4 page template shared by the plan, the invitation and the follow-up record.

Headings are kept with the *start* of what follows them, not with all of it: reportlab's own
``keepWithNext`` moves a heading and the whole next flowable to a new page when they do not
fit together, which leaves most of a page blank before a long text (or fails outright when
the text is longer than a page).
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    SimpleDocTemplate,
)
from reportlab.platypus.doctemplate import FrameBreak

from sip_desk.pdf.fonts import BASE
from sip_desk.pdf.styles import (
    COLUMN_GAP,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PERSON_MARGIN_BOTTOM,
    PERSON_MARGIN_TOP,
)

# How much of the next flowable must fit below a heading: about three lines of body text.
KEEP_START = 42.0


class KeepWithStart(KeepTogether):
    """A heading (or several) and the flowable after it, split like any other content.

    The group moves to the next frame only when the headings and the start of the following
    flowable do not fit in the space left: ``KEEP_START`` points of text, or a table's header
    and first row (which :class:`~sip_desk.pdf.flowables.RowTable` keeps whole); otherwise
    the following flowable is split where the frame ends.
    """

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """The content, preceded by a frame break when not even its start fits."""
        content: list[Flowable] = list(getattr(self, "_content", []))
        canvas: Any = self.canv
        needed = 0.0
        for index, flowable in enumerate(content):
            _, height = flowable.wrapOn(canvas, avail_width, avail_height)
            if index == len(content) - 1:
                first_rows = getattr(flowable, "first_rows_height", None)
                height = min(height, KEEP_START if first_rows is None else first_rows())
            needed += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        frame: Any = getattr(self, "_frame", None)
        at_top = bool(getattr(frame, "_atTop", False))
        if needed <= avail_height or at_top:
            return content
        return [FrameBreak(), *content]


def embedded_canvas(*args: Any, **kwargs: Any) -> Canvas:
    """A canvas whose initial font is the shipped base font, not the unembedded Helvetica.

    PDF/A requires every font to be embedded; reportlab's default canvas names Helvetica on
    each page even when no text is set in it.
    """
    kwargs["initialFontName"] = BASE
    return Canvas(*args, **kwargs)


# What every document shares: A4, the margins, invariant (deterministic) output, the metadata.
_DOCUMENT: dict[str, Any] = {
    "pagesize": (PAGE_WIDTH, PAGE_HEIGHT),
    "leftMargin": MARGIN_X,
    "rightMargin": MARGIN_X,
    "topMargin": MARGIN_TOP,
    "bottomMargin": MARGIN_BOTTOM,
    "invariant": 1,
    "author": "SIP Desk",
    "creator": "SIP Desk",
    "keepTogetherClass": KeepWithStart,
}


def a4_template(buffer: BytesIO, language: str, title: str) -> SimpleDocTemplate:
    """An A4 document with the shared margins, in invariant (deterministic) mode."""
    return SimpleDocTemplate(buffer, lang=language, title=title, **_DOCUMENT)


def _frames(columns: int, rtl: bool, head: float = 0.0) -> list[Frame]:
    """The text frames of a page: one, or two columns filled from the start side.

    With ``head`` (points) the page starts with a full-width frame that high, the columns below.
    """
    top, bottom = (
        (PERSON_MARGIN_TOP, PERSON_MARGIN_BOTTOM) if columns > 1 else (MARGIN_TOP, MARGIN_BOTTOM)
    )
    height = PAGE_HEIGHT - top - bottom - head
    width = (PAGE_WIDTH - 2 * MARGIN_X - (columns - 1) * COLUMN_GAP) / columns
    lefts = [MARGIN_X + i * (width + COLUMN_GAP) for i in range(columns)]
    if rtl:
        lefts.reverse()
    frames = [Frame(MARGIN_X, bottom + height, PAGE_WIDTH - 2 * MARGIN_X, head, id="head")]
    frames = frames if head else []
    frames += [Frame(x, bottom, width, height, id=f"column{i}") for i, x in enumerate(lefts)]
    return frames


def plan_template(
    buffer: BytesIO,
    language: str,
    title: str,
    rtl: bool,
    head: float,
    person_only: bool = False,
) -> BaseDocTemplate:
    """The plan's A4 document: the person's part in two columns, the rest in one.

    Page 1 ("person_first") has a full-width head ``head`` points high (title, changes) over
    two columns; more pages of the person's part ("person") have two columns, the full plan
    ("normal") one. Two columns of about 40 characters hold more at 12 pt than lines of 85,
    and short lines are easier to read. With ``person_only`` there is no "normal" page (to
    measure the person's part).
    """
    templates = [
        PageTemplate(id="person_first", frames=_frames(2, rtl, head)),
        PageTemplate(id="person", frames=_frames(2, rtl)),
    ]
    if not person_only:
        templates.append(PageTemplate(id="normal", frames=_frames(1, rtl)))
    return BaseDocTemplate(buffer, pageTemplates=templates, lang=language, title=title, **_DOCUMENT)
