"""The summons (kallelse) to a SIP meeting as a one- or two-page A4 letter.

It names the person but never prints their address or identity number; a meeting place that
contains the person's own address is replaced by "sent separately".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from io import BytesIO
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from sip_desk.domain.enums import InvitationKind, MeetingKind
from sip_desk.domain.languages import language_name
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.participant import ParticipantDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.worklist import InvitationDocument
from sip_desk.pdf.doc_template import a4_template, embedded_canvas
from sip_desk.pdf.flowables import Rule, TextBlock
from sip_desk.pdf.follow_up_labels import label, weekday
from sip_desk.pdf.fonts import register_fonts
from sip_desk.pdf.kit import Cell, Kit, fmt_local_date, fmt_time
from sip_desk.pdf.pdfa import ArchiveFacts, make_archival
from sip_desk.pdf.styles import MARGIN_X, MUTED, PAGE_WIDTH, RULE
from sip_desk.pdf.text import draw_aligned, single_line

FOOTER_SIZE = 8.0


def footer(text: str, rtl: bool) -> Callable[[Canvas, Any], None]:
    """A page callback drawing ``text`` and the page number at the foot of each page."""

    def draw(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        bottom = 14 * 2.835
        canvas.line(MARGIN_X, bottom + 10, PAGE_WIDTH - MARGIN_X, bottom + 10)
        canvas.setFillColor(MUTED)
        x = PAGE_WIDTH - MARGIN_X if rtl else MARGIN_X
        line = single_line(f"{text} · {doc.page}", FOOTER_SIZE, rtl=rtl)
        draw_aligned(canvas, line, x, bottom, FOOTER_SIZE, "right" if rtl else "left")
        canvas.restoreState()

    return draw


def build_pdf(story: list[Flowable], facts: ArchiveFacts, footer_text: str) -> bytes:
    """Lay ``story`` out on A4 with the shared margins, fonts and a footer, as PDF/A-2b.

    The output is deterministic: the same story and facts give the same bytes.
    """
    register_fonts()
    buffer = BytesIO()
    template = a4_template(buffer, facts.language, facts.title)
    draw = footer(footer_text, Kit.for_language(facts.language).rtl)
    template.build(story, onFirstPage=draw, onLaterPages=draw, canvasmaker=embedded_canvas)
    return make_archival(buffer.getvalue(), facts)


def letter_facts(
    language: str, title: str, kind: str, plan: PlanDetail, printed_on: date
) -> ArchiveFacts:
    """Metadata of a letter about ``plan`` (``kind``: ``invitation`` or ``follow-up``)."""
    return ArchiveFacts(
        title=title,
        author=plan.fields.lead_organisation or "SIP Desk",
        subject=f"SIP {kind} plan {plan.id}",
        keywords=f"sip-desk plan-id={plan.id} {kind}",
        language=language,
        created=printed_on,
    )


def _place(doc: InvitationDocument) -> str:
    place = doc.meeting.place.strip()
    address = doc.plan.person.address.strip()
    if place and address and address.casefold() in place.casefold():
        return label(doc.language, "inv.place_sent")
    return place


def _when_table(doc: InvitationDocument, kit: Kit) -> Flowable:
    """Day, time, place, video link and convenor; empty rows are left out."""
    lang, meeting = doc.language, doc.meeting
    start = meeting.starts_at
    end = start + timedelta(minutes=meeting.duration_minutes)
    day = weekday(lang, start.astimezone(LOCAL_TZ).weekday())
    rows = [
        (label(lang, "inv.when"), f"{day} {fmt_local_date(start)}"),
        (label(lang, "inv.time"), f"{fmt_time(start)}–{fmt_time(end)}"),
        (kit.labels("f.place"), _place(doc)),
        (kit.labels("f.video"), meeting.video_link),
        (kit.labels("f.convenor"), meeting.convenor_name),
    ]
    return named_rows(kit, rows)


def named_rows(kit: Kit, rows: list[tuple[str, str]]) -> Flowable:
    """A two-column list of already translated ``(name, value)``; empty values left out.

    When every value is empty it says so ("none") instead of an empty table.
    """
    value_style = replace(kit.styles.body, space_after=0)
    name_style = replace(value_style, bold=True)
    data: list[list[Cell]] = [
        [TextBlock(name, name_style), TextBlock(value, value_style)]
        for name, value in rows
        if value.strip()
    ]
    if not data:
        return kit.text(kit.labels("none"))
    return kit.table(data, (0.25, 0.75), header=False)


def _people(people: list[ParticipantDto], kit: Kit) -> Flowable:
    if not people:
        return kit.text(label(kit.labels.language, "inv.none"))
    rows: list[list[Cell]] = [kit.header_row("col.name", "col.organisation", "col.role")]
    rows += [[p.name, p.organisation, p.role] for p in people]
    return kit.table(rows, (0.32, 0.4, 0.28))


def _contact(doc: InvitationDocument) -> str:
    convenor = doc.plan.participant(doc.meeting.convenor_participant_id) or doc.plan.coordinator
    if convenor is None:
        return ""
    details = ", ".join(x for x in (convenor.phone, convenor.email) if x)
    return label(
        doc.language, "inv.contact", name=convenor.name, contact=f" ({details})" if details else ""
    )


def invitation_story(doc: InvitationDocument, kit: Kit) -> list[Flowable]:
    """The letter's flowables in reading order."""
    lang, plan = doc.language, doc.plan
    follow_up = doc.meeting.kind is MeetingKind.FOLLOW_UP
    title = label(lang, "inv.title_follow_up" if follow_up else "inv.title")
    story: list[Flowable] = [
        kit.text(title, kit.styles.title),
        kit.text(label(lang, "inv.to", name=plan.person.full_name), kit.styles.subheading),
        kit.text(label(lang, "inv.intro")),
        Spacer(1, 4),
        _when_table(doc, kit),
    ]
    question = plan.fields.meeting_question.strip() or plan.fields.reason.strip()
    if question:
        story += [kit.text(label(lang, "inv.question"), kit.styles.heading), kit.text(question)]
    if plan.person.interpreter_needed and plan.person.interpreter_language:
        language = language_name(plan.person.interpreter_language)
        story.append(kit.text(label(lang, "inv.interpreter", tongue=language)))
    summoned = [p for p in plan.participants if p.invitation is InvitationKind.SUMMONED]
    invited = [p for p in plan.participants if p.invitation is InvitationKind.INVITED]
    story += [kit.text(label(lang, "inv.summoned"), kit.styles.heading), _people(summoned, kit)]
    story += [kit.text(label(lang, "inv.invited"), kit.styles.heading), _people(invited, kit)]
    contact = _contact(doc)
    if contact:
        story += [Spacer(1, 8), Rule(RULE), kit.text(contact)]
    if doc.sender:
        story.append(kit.text(doc.sender, kit.styles.small))
    return story


def render_invitation(doc: InvitationDocument) -> bytes:
    """The invitation letter as PDF bytes (identical for identical input)."""
    kit = Kit.for_language(doc.language)
    text = label(doc.language, "inv.footer", plan_id=doc.plan.id, date=doc.printed_on.isoformat())
    title = label(doc.language, "inv.title")
    facts = letter_facts(doc.language, title, "invitation", doc.plan, doc.printed_on)
    return build_pdf(invitation_story(doc, kit), facts, text)
