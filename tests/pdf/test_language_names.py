"""The PDF names the person's language and interpreter language, not their codes."""

from __future__ import annotations

from pathlib import Path

from sip_desk.pdf.render_plan import render_plan
from tests.pdf.pdf_text import needs_poppler, pdftotext
from tests.pdf.rich_plan import document


@needs_poppler
def test_pdf_prints_language_names(sqlite_services, tmp_path: Path) -> None:
    from tests.builders import PlanBuilder

    plan = PlanBuilder(sqlite_services)(
        preferred_language="ti", interpreter_needed=True, interpreter_language="so"
    )

    text = pdftotext(render_plan(document(plan, language="sv")), tmp_path)

    assert "ትግርኛ" in text
    assert "Soomaali" in text
