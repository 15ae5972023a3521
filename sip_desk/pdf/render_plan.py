"""Render a plan to PDF bytes: the person's part, the full plan and the signature page.

The output is deterministic: reportlab runs in invariant mode, every date comes from the
:class:`~sip_desk.domain.document.PlanDocument` (never the clock), and the same document gives
byte-identical output. Where the plan id, version and content hash are stored in the file is
described in :mod:`sip_desk.pdf.page_frame`.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from sip_desk.domain.document import PlanDocument
from sip_desk.pdf.doc_template import plan_template
from sip_desk.pdf.fonts import register_fonts
from sip_desk.pdf.kit import Kit
from sip_desk.pdf.outline import PartMark
from sip_desk.pdf.page_frame import DocumentFacts, canvas_class
from sip_desk.pdf.pdfa import ArchiveFacts, make_archival
from sip_desk.pdf.person_page import PersonPart, person_part
from sip_desk.pdf.plan_follow_up import follow_up_section, version_section
from sip_desk.pdf.plan_people import (
    consent_section,
    participants_section,
    person_section,
    reason_section,
)
from sip_desk.pdf.plan_work import (
    actions_section,
    crisis_section,
    goals_section,
    needs_section,
    own_actions_section,
    perspective_section,
    responsibility_section,
)
from sip_desk.pdf.signature_page import signature_page


def plan_story(doc: PlanDocument, kit: Kit, person: PersonPart | None = None) -> list[Flowable]:
    """Every flowable of the document, in reading order (``person``: the part laid out)."""
    plan = doc.plan
    story = list((person or person_part(doc, kit)).story)
    story += [
        NextPageTemplate("normal"),
        PageBreak(),
        PartMark("plan", kit.labels("outline.plan")),
        kit.text(kit.labels("doc.title"), kit.styles.title),
    ]
    story.append(kit.text(plan.person.full_name, kit.styles.subheading))
    for section in (
        person_section,
        reason_section,
        participants_section,
        consent_section,
        perspective_section,
        goals_section,
        needs_section,
        actions_section,
        own_actions_section,
        responsibility_section,
        crisis_section,
        follow_up_section,
    ):
        story += section(plan, kit)
    story += version_section(doc, kit)
    story += signature_page(doc, kit)
    return story


def render_plan(doc: PlanDocument) -> bytes:
    """The plan as A4 PDF/A-2b bytes in ``doc.language`` (identical for identical input)."""
    register_fonts()
    kit = Kit.for_language(doc.language)
    facts = DocumentFacts.of(doc, kit.labels)
    buffer = BytesIO()
    person = person_part(doc, kit)
    template = plan_template(buffer, doc.language, facts.title, kit.rtl, person.head)
    template.build(plan_story(doc, kit, person), canvasmaker=canvas_class(facts, kit.labels))
    archive = ArchiveFacts(
        title=facts.title,
        author=doc.plan.fields.lead_organisation or "SIP Desk",
        subject=facts.subject,
        keywords=facts.keywords,
        language=doc.language,
        created=doc.printed_on,
    )
    return make_archival(buffer.getvalue(), archive)
