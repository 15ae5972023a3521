"""Page 1: the person's own page, in plain language, short sentences and at least 12 pt text."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.platypus import Flowable, TableStyle

from sip_desk.domain.document import PlanDocument
from sip_desk.domain.enums import ActionStatus, MeetingStatus, VersionState
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.participant import ParticipantDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.pdf.flowables import RowTable, TextBlock
from sip_desk.pdf.fonts import BASE
from sip_desk.pdf.kit import Kit, fmt_date, fmt_local_date, fmt_time
from sip_desk.pdf.styles import CHANGE, FRAME_WIDTH, RULE


def person_page(doc: PlanDocument, kit: Kit) -> list[Flowable]:
    """The flowables of the person's page (it may run onto a second page)."""
    plan, labels, styles = doc.plan, kit.labels, kit.styles
    story: list[Flowable] = [
        TextBlock(labels("easy.title"), styles.title),
        kit.text(labels("easy.for", name=plan.person.full_name), styles.easy_bold),
        kit.text(labels("easy.intro"), styles.easy),
    ]
    if doc.changes_since_signed:
        story.append(_changes_box(doc, kit))
    story += _own_words(plan, kit)
    story += _who_does_what(plan, kit)
    story += _whom_to_call(plan, kit)
    story += _next_meeting(doc, kit)
    coordinator = plan.coordinator
    # no-break spaces keep the phone number on one line
    who = f"{coordinator.name} {coordinator.phone.replace(' ', chr(0xA0))}" if coordinator else ""
    story += [
        TextBlock(labels("easy.rights"), styles.easy_heading),
        kit.text(labels("easy.rights_text", who=who or labels("easy.rights_nobody")), styles.easy),
    ]
    return story


def _changes_box(doc: PlanDocument, kit: Kit) -> Flowable:
    labels, styles = kit.labels, kit.styles
    signed = doc.version_state is VersionState.SIGNED
    title = labels("easy.changes_title_signed" if signed else "easy.changes")
    inner: list[Flowable] = [TextBlock(title, styles.easy_bold)]
    inner += kit.bullets(doc.changes_since_signed, styles.easy)
    inner.append(
        kit.text(labels("easy.changes_note_signed" if signed else "easy.changes_note"), styles.easy)
    )
    box = RowTable([[inner]], colWidths=[FRAME_WIDTH], splitInRow=round(2 * styles.easy.leading))
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BASE),
                ("BACKGROUND", (0, 0), (-1, -1), CHANGE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    box.spaceBefore = 8
    return box


def _own_words(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    labels, styles, fields = kit.labels, kit.styles, plan.fields
    story: list[Flowable] = []
    if fields.what_matters.strip():
        story += [TextBlock(labels("easy.matters"), styles.easy_heading)]
        story.append(kit.text(fields.what_matters, styles.easy))
    if plan.goals:
        story.append(TextBlock(labels("easy.goals"), styles.easy_heading))
        sub_style = replace(styles.easy, indent=18)
        for goal in plan.goals:
            if goal.parent_id is None:
                story.append(kit.bullet(goal.text, styles.easy))
            else:
                story.append(kit.bullet(goal.text, sub_style, mark="–"))
    if fields.person_own_actions.strip():
        story.append(TextBlock(labels("easy.own"), styles.easy_heading))
        story.append(kit.text(fields.person_own_actions, styles.easy))
    return story


def _who_does_what(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    labels, styles = kit.labels, kit.styles
    actions = [a for a in plan.actions if a.status is not ActionStatus.CANCELLED]
    if not actions:
        return []
    story: list[Flowable] = [TextBlock(labels("easy.who_does"), styles.easy_heading)]
    detail = replace(styles.easy, indent=styles.easy.size * 1.3)
    for action in actions:
        story.append(kit.bullet(action.description, styles.easy_bold))
        who = ", ".join(x for x in (action.responsible_name, action.organisation) if x)
        if who:
            story.append(kit.text(labels("easy.who", who=who), detail))
        if action.end_date:
            story.append(kit.text(labels("easy.until", date=fmt_date(action.end_date)), detail))
        elif action.start_date:
            story.append(kit.text(labels("easy.from", date=fmt_date(action.start_date)), detail))
    return story


def _contacts(plan: PlanDetail) -> list[tuple[ParticipantDto, str]]:
    """Whom the person calls: the coordinator, named contacts, then responsible persons."""
    seen: set[int] = set()
    found: list[tuple[ParticipantDto, str]] = []

    def add(participant: ParticipantDto | None, what: str) -> None:
        if participant is not None and participant.id not in seen:
            seen.add(participant.id)
            found.append((participant, what))

    add(plan.coordinator, "coordinator")
    for participant in plan.participants:
        if participant.contact_role:
            add(participant, participant.contact_role)
    for action in plan.actions:
        responsible = plan.participant(action.responsible_participant_id)
        if responsible is not None and action.status is not ActionStatus.CANCELLED:
            add(responsible, responsible.role)
    return found


def _whom_to_call(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    labels, styles = kit.labels, kit.styles
    contacts = _contacts(plan)
    story: list[Flowable] = []
    if contacts:
        story.append(TextBlock(labels("easy.call"), styles.easy_heading))
    rows = []
    for participant, what in contacts:
        role = labels("f.coordinator") if what == "coordinator" else what
        title = ", ".join(x for x in (role, participant.organisation) if x)
        reach = "\n".join(x for x in (participant.phone, participant.email) if x)
        who = [kit.text(participant.name, styles.easy_bold), kit.text(title, styles.easy)]
        rows.append([who, [kit.text(reach, styles.easy)]])
    if rows:
        story.append(_contact_table(rows, kit))
    if plan.fields.crisis_contacts.strip():
        story.append(TextBlock(labels("easy.crisis"), styles.easy_heading))
        story.append(kit.text(plan.fields.crisis_contacts, styles.easy))
    return story


def _contact_table(rows: list[list[Any]], kit: Kit) -> Flowable:
    widths = [FRAME_WIDTH * 0.55, FRAME_WIDTH * 0.45]
    if kit.rtl:
        rows = [list(reversed(row)) for row in rows]
        widths.reverse()
    table = RowTable(rows, colWidths=widths, splitInRow=round(2 * kit.styles.easy.leading))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BASE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def next_meeting(doc: PlanDocument) -> MeetingDto | None:
    """The first booked meeting on or after the print date."""
    booked = [
        m
        for m in doc.plan.meetings
        if m.status is MeetingStatus.BOOKED and fmt_local_date(m.starts_at) >= str(doc.printed_on)
    ]
    return min(booked, key=lambda m: m.starts_at, default=None)


def _next_meeting(doc: PlanDocument, kit: Kit) -> list[Flowable]:
    labels, styles = kit.labels, kit.styles
    story: list[Flowable] = [TextBlock(labels("easy.next_meeting"), styles.easy_heading)]
    meeting = next_meeting(doc)
    if meeting is None:
        return [*story, kit.text(labels("easy.no_meeting"), styles.easy)]
    when = labels(
        "easy.meeting_when",
        date=fmt_local_date(meeting.starts_at),
        time=fmt_time(meeting.starts_at),
    )
    story.append(kit.text(when, styles.easy_bold))
    for key, value in (("f.place", meeting.place), ("f.video", meeting.video_link)):
        if value:
            story.append(kit.text(labels.pair(key, value), styles.easy))
    if meeting.convenor_name:
        story.append(kit.text(labels.pair("f.convenor", meeting.convenor_name), styles.easy))
    return story
