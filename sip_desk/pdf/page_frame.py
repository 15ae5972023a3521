"""Header, footer ("page n of m") and document metadata of the plan PDF.

Metadata read by ``sip-desk verify`` (pypdf: ``PdfReader(f).metadata``), all in the document
information dictionary (the trailer's ``/Info``):

* ``/SIPDeskPlanId``: the plan id, e.g. ``"12"``;
* ``/SIPDeskVersion``: the version number printed, e.g. ``"3"``;
* ``/SIPDeskState``: ``"signed"`` or ``"draft"``;
* ``/SIPDeskHash``: the full SHA-256 content hash (64 hex digits) of the signed version, or an
  empty string for a draft;
* ``/SIPDeskSignaturesHash``: the hash chained over the content hash and the signatures printed
  (empty for a draft);
* ``/SIPDeskKeyId``: the id of the store key that sealed the signed version (empty for a draft);
* ``/Subject``: ``"SIP plan 12 version 3 signed"``;
* ``/Keywords``: ``"sip-desk plan-id=12 version=3 state=signed sha256=<hash>"`` (the same facts
  for readers that only show the standard keys; ``sha256=`` is left out for a draft).

``/CreationDate`` and ``/ModDate`` are the print date from the DTO (never the clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString
from reportlab.pdfgen.canvas import Canvas

from sip_desk.domain.document import PlanDocument
from sip_desk.domain.enums import VersionState
from sip_desk.pdf.fonts import BASE
from sip_desk.pdf.labels import Labels
from sip_desk.pdf.outline import write_mark
from sip_desk.pdf.styles import MARGIN_X, MUTED, PAGE_HEIGHT, PAGE_WIDTH, RULE
from sip_desk.pdf.text import draw_aligned, single_line

HEADER_SIZE = 8.0
MARKING_SIZE = 8.5


@dataclass(frozen=True)
class DocumentFacts:
    """What the header, footer and metadata say about the printed version."""

    plan_id: int
    version: int
    state: VersionState
    content_hash: str
    signatures_hash: str
    key_id: str
    printed_on: str
    marking: str
    title: str

    @classmethod
    def of(cls, doc: PlanDocument, labels: Labels) -> DocumentFacts:
        """The facts of ``doc``; a draft never carries a hash."""
        signed = doc.version_state is VersionState.SIGNED
        return cls(
            plan_id=doc.plan.id,
            version=doc.version_number,
            state=doc.version_state,
            content_hash=(doc.content_hash or "") if signed else "",
            signatures_hash=(doc.signatures_hash or "") if signed else "",
            key_id=doc.key_id if signed else "",
            printed_on=doc.printed_on.isoformat(),
            marking=doc.confidentiality_marking,
            title=f"{labels('doc.title')} – {labels('header.plan', plan_id=doc.plan.id)}",
        )

    @property
    def subject(self) -> str:
        """The ``/Subject`` string."""
        return f"SIP plan {self.plan_id} version {self.version} {self.state.value}"

    @property
    def keywords(self) -> str:
        """The ``/Keywords`` string."""
        words = f"sip-desk plan-id={self.plan_id} version={self.version} state={self.state.value}"
        return f"{words} sha256={self.content_hash}" if self.content_hash else words


class PlanInfo(PDFInfo):
    """The information dictionary with SIP Desk's own keys, from ``facts`` only.

    The standard keys (title, author, dates…) are written afterwards with the XMP packet, from
    the same values (:mod:`sip_desk.pdf.pdfa`).
    """

    def __init__(self, facts: DocumentFacts) -> None:
        super().__init__()
        self.facts = facts

    def format(self, document: Any) -> bytes:
        """Serialise the dictionary (``/Producer`` and the ``/SIPDesk*`` keys)."""
        facts = self.facts
        entries: dict[str, Any] = {
            "Producer": PDFString(self.producer),
            "SIPDeskPlanId": PDFString(str(facts.plan_id)),
            "SIPDeskVersion": PDFString(str(facts.version)),
            "SIPDeskState": PDFString(facts.state.value),
            "SIPDeskHash": PDFString(facts.content_hash),
            "SIPDeskSignaturesHash": PDFString(facts.signatures_hash),
            "SIPDeskKeyId": PDFString(facts.key_id),
        }
        result: bytes = PDFDictionary(entries).format(document)
        return result


def canvas_class(facts: DocumentFacts, labels: Labels) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each footer can say "page n of m"."""

    class PlanCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["initialFontName"] = BASE
            super().__init__(*args, **kwargs)
            self._doc.info = PlanInfo(facts)  # type: ignore[attr-defined]
            self._held: list[dict[str, Any]] = []
            self._marks: list[tuple[str, str]] = []

        def mark_part(self, key: str, title: str) -> None:
            """Remember an outline entry for the page being drawn (see :mod:`outline`)."""
            self._marks.append((key, title))

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._marks = []
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                draw_frame(self, facts, labels, number, total)
                for key, title in self._marks:
                    write_mark(self, key, title)
                Canvas.showPage(self)
            Canvas.save(self)

    return PlanCanvas


def draw_frame(canvas: Canvas, facts: DocumentFacts, labels: Labels, page: int, pages: int) -> None:
    """Header (plan, version, hash; confidentiality marking) and footer (print date, page)."""
    rtl = labels.rtl
    start, end = (PAGE_WIDTH - MARGIN_X, MARGIN_X) if rtl else (MARGIN_X, PAGE_WIDTH - MARGIN_X)
    align_start, align_end = ("right", "left") if rtl else ("left", "right")
    parts = [
        labels("header.plan", plan_id=facts.plan_id),
        f"{labels('header.version', number=facts.version)} ({labels.enum(facts.state)})",
    ]
    if facts.content_hash:
        parts.append(labels("footer.hash", hash=facts.content_hash[:12]))
    canvas.saveState()
    canvas.setFillColor(MUTED)
    top = PAGE_HEIGHT - 13 * 2.835
    draw_aligned(
        canvas, single_line(" · ".join(parts), HEADER_SIZE, rtl=rtl), start, top, 8, align_start
    )
    if facts.marking:
        canvas.setFillColor("#a00000")
        marking = single_line(facts.marking, MARKING_SIZE, bold=True, rtl=rtl)
        draw_aligned(canvas, marking, end, top, MARKING_SIZE, align_end)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, top - 4, PAGE_WIDTH - MARGIN_X, top - 4)
    canvas.line(MARGIN_X, 14 * 2.835 + 10, PAGE_WIDTH - MARGIN_X, 14 * 2.835 + 10)
    canvas.setFillColor(MUTED)
    bottom = 14 * 2.835
    printed = single_line(labels("footer.printed", date=facts.printed_on), HEADER_SIZE, rtl=rtl)
    draw_aligned(canvas, printed, start, bottom, HEADER_SIZE, align_start)
    page_line = single_line(labels("footer.page", page=page, pages=pages), HEADER_SIZE, rtl=rtl)
    draw_aligned(canvas, page_line, end, bottom, HEADER_SIZE, align_end)
    canvas.restoreState()
