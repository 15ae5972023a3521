"""The head of the person's part, across the page above its two columns: title and changes.

The changes since the last signed version stand in the head when they take no more than a
quarter of the page; a longer list starts the first column instead.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, TableStyle

from sip_desk.domain.document import PlanDocument
from sip_desk.domain.enums import VersionState
from sip_desk.pdf.flowables import RowTable, TextBlock
from sip_desk.pdf.fonts import BASE
from sip_desk.pdf.kit import Kit
from sip_desk.pdf.person_fit import Fit
from sip_desk.pdf.styles import CHANGE, FRAME_PADDING, FRAME_WIDTH, Styles

# below the head, before the columns start
HEAD_GAP = 2.0


def head(doc: PlanDocument, kit: Kit, styles: Styles, fit: Fit) -> list[Flowable]:
    """My plan, for whom, and what it is (unless shortened away)."""
    labels = kit.labels
    story: list[Flowable] = [
        TextBlock(labels("easy.title"), styles.title),
        kit.text(labels("easy.for", name=doc.plan.person.full_name), styles.easy_bold),
    ]
    if fit.intro:
        story.append(kit.text(labels("easy.intro"), styles.easy))
    return story


def head_height(story: list[Flowable]) -> float:
    """The height of a frame that holds ``story`` across the page (its padding included)."""
    canvas = Canvas(BytesIO())
    total = 2 * FRAME_PADDING + HEAD_GAP
    for index, flowable in enumerate(story):
        _, height = flowable.wrapOn(canvas, FRAME_WIDTH, 10_000)
        total += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0)
    return total


def changes_box(doc: PlanDocument, kit: Kit, styles: Styles, width: float) -> Flowable:
    """What changed since the last signed version, in a tinted box ``width`` wide."""
    labels = kit.labels
    signed = doc.version_state is VersionState.SIGNED
    title = labels("easy.changes_title_signed" if signed else "easy.changes")
    inner: list[Flowable] = [TextBlock(title, styles.easy_bold)]
    inner += kit.bullets(doc.changes_since_signed, styles.easy)
    inner.append(
        kit.text(labels("easy.changes_note_signed" if signed else "easy.changes_note"), styles.easy)
    )
    box = RowTable([[inner]], colWidths=[width], splitInRow=round(2 * styles.easy.leading))
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BASE),
                ("BACKGROUND", (0, 0), (-1, -1), CHANGE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    box.spaceBefore = 3
    return box
