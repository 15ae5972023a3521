"""Plan PDF benchmark: render_plan beside a minimal reportlab document of the same text.

Loads the demo cases into a throw-away store, takes the largest demo plan (most participants,
goals, actions and meetings), and times, in the same run (median of N):

- ``render_plan(doc)``: the full plan PDF (person's page, full plan, signature page);
- a minimal reportlab document: one ``Paragraph`` per text block of the same document, in the
  same embedded TrueType font, no tables, no bidi, no header or footer.

    python bench/bench_pdf.py                  # Swedish, 7 runs each
    python bench/bench_pdf.py --lang ar --repeat 11

Target (issue 4): the plan PDF within 3x the minimal document.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

from sip_desk.bootstrap import open_services
from sip_desk.domain.document import PlanDocument
from sip_desk.pdf.flowables import TextBlock
from sip_desk.pdf.fonts import BASE, register_fonts
from sip_desk.pdf.kit import Kit
from sip_desk.pdf.render_plan import plan_story, render_plan


def largest_demo_document(language: str) -> PlanDocument:
    """The demo plan with the most items, as printed in ``language``."""
    store = Path(tempfile.mkdtemp()) / "bench_pdf.sqlite"
    services = open_services(str(store))
    result = services.demo.load_cases()

    def size(plan_id: int) -> int:
        plan = services.plans.get_plan(plan_id)
        return sum(
            len(x) for x in (plan.participants, plan.goals, plan.actions, plan.meetings)
        ) + len(plan.consents)

    plan_id = max((plan_id for _, plan_id in result.created), key=size)
    return services.documents.build_document(plan_id, None, language)


def _texts(flowables: list[Any]) -> Iterator[str]:
    for flowable in flowables:
        if isinstance(flowable, TextBlock):
            yield flowable.text
        elif isinstance(flowable, Table):
            cells: list[list[Any]] = getattr(flowable, "_cellvalues", [])
            for row in cells:
                for cell in row:
                    yield from _texts(cell if isinstance(cell, list) else [cell])


def minimal_pdf(texts: list[str]) -> bytes:
    """The same text as plain paragraphs in the same embedded font."""
    style = ParagraphStyle("body", fontName=BASE, fontSize=10, leading=13)
    story: list[Flowable] = [
        Paragraph(escape(text).replace("\n", "<br/>"), style) for text in texts
    ]
    out = BytesIO()
    SimpleDocTemplate(out, invariant=1, initialFontName=BASE).build(story)
    return out.getvalue()


def median_ms(fn: Callable[[], bytes], repeat: int) -> tuple[float, bytes]:
    """Median wall time of ``fn`` in milliseconds, and its last output."""
    times: list[float] = []
    out = b""
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="sv", choices=["sv", "en", "ar"])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    register_fonts()
    doc = largest_demo_document(args.lang)
    texts = list(_texts(plan_story(doc, Kit.for_language(doc.language))))
    render_plan(doc)  # warm caches (font subsets, glyph widths) for both sides alike
    minimal_pdf(texts)

    plan_ms, plan_pdf = median_ms(lambda: render_plan(doc), args.repeat)
    raw_ms, raw_pdf = median_ms(lambda: minimal_pdf(texts), args.repeat)
    chars = sum(len(t) for t in texts)
    print(f"plan {doc.plan.id} ({doc.plan.person.full_name}), language {doc.language}")
    print(f"  text blocks: {len(texts)}, characters: {chars}, median of {args.repeat} runs")
    print(f"  render_plan          {plan_ms:8.1f} ms  {len(plan_pdf):7d} bytes")
    print(f"  minimal reportlab    {raw_ms:8.1f} ms  {len(raw_pdf):7d} bytes")
    ratio = plan_ms / raw_ms
    print(
        f"  ratio                {ratio:8.2f}x  (target <= 3x: {'ok' if ratio <= 3 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
