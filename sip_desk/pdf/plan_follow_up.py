"""Full plan, last part: follow-up (booked and held meetings) and version with legal reference."""

from __future__ import annotations

from reportlab.platypus import Flowable

from sip_desk.domain.document import PlanDocument
from sip_desk.domain.enums import MeetingStatus
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.pdf.bidi_lines import isolate
from sip_desk.pdf.kit import Cell, Kit, fmt_date, fmt_local_date, fmt_time


def _when(meeting: MeetingDto) -> str:
    return f"{fmt_local_date(meeting.starts_at)} {fmt_time(meeting.starts_at)}"


def _booked_table(meetings: list[MeetingDto], kit: Kit) -> Flowable:
    labels = kit.labels
    header = kit.header_row("f.when", "f.place", "f.convenor", "col.status")
    rows: list[list[Cell]] = [header]
    for meeting in meetings:
        where = "\n".join(x for x in (meeting.place, meeting.video_link) if x)
        rows.append(
            [
                f"{_when(meeting)}\n{labels.enum(meeting.kind)}",
                where,
                meeting.convenor_name,
                labels.enum(meeting.status),
            ]
        )
    return kit.table(rows, (0.24, 0.4, 0.22, 0.14))


def _held_meeting(meeting: MeetingDto, plan: PlanDetail, kit: Kit) -> list[Flowable]:
    labels = kit.labels
    title = f"{labels.enum(meeting.kind)}  {_when(meeting)}"
    decision = labels.enum(meeting.decision) if meeting.decision else ""
    if meeting.decision_reason:
        decision = f"{decision}: {isolate(meeting.decision_reason)}".strip(": ")
    rows = [
        ("f.place", meeting.place),
        ("f.convenor", meeting.convenor_name),
        ("f.notes", meeting.notes),
        ("f.new_needs", meeting.new_needs),
        ("f.decision", decision),
    ]
    story: list[Flowable] = [kit.text(title, kit.styles.subheading), kit.fields(rows)]
    actions = {a.id: a.description for a in plan.actions}
    if meeting.action_reviews:
        story.append(kit.text(labels("sub.action_reviews"), kit.styles.cell_bold))
        header = kit.header_row("col.action", "col.status", "f.notes")
        review_rows: list[list[Cell]] = [header]
        for review in meeting.action_reviews:
            description = actions.get(review.action_id, str(review.action_id))
            review_rows.append([description, labels.enum(review.status), review.comment])
        story.append(kit.table(review_rows, (0.45, 0.15, 0.4)))
    goals = {g.id: g.text for g in plan.goals}
    if meeting.goal_reviews:
        story.append(kit.text(labels("sub.goal_reviews"), kit.styles.cell_bold))
        header = kit.header_row("f.goals", "col.status", "f.person_view")
        goal_rows: list[list[Cell]] = [header]
        for goal_review in meeting.goal_reviews:
            text = goals.get(goal_review.goal_id, str(goal_review.goal_id))
            goal_rows.append([text, labels.enum(goal_review.outcome), goal_review.person_view])
        story.append(kit.table(goal_rows, (0.4, 0.18, 0.42)))
    return story


def follow_up_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """Booked meetings with their convenor, then held meetings with their reviews."""
    story: list[Flowable] = [kit.heading("sec.follow_up")]
    meetings = sorted(plan.meetings, key=lambda m: m.starts_at)
    booked = [m for m in meetings if m.status is not MeetingStatus.HELD]
    held = [m for m in meetings if m.status is MeetingStatus.HELD]
    if not meetings:
        return [*story, kit.text(kit.labels("none.meetings"))]
    if booked:
        story += [kit.subheading("sub.booked"), _booked_table(booked, kit)]
    if held:
        story.append(kit.subheading("sub.held"))
        for meeting in held:
            story += _held_meeting(meeting, plan, kit)
    return story


def version_section(doc: PlanDocument, kit: Kit) -> list[Flowable]:
    """Plan id, version and state, print date, content hash, plan status, legal reference."""
    labels, plan = kit.labels, doc.plan
    status = labels.enum(plan.status)
    if plan.closed_on:
        status = f"{status} {fmt_date(plan.closed_on)}: {isolate(plan.closed_reason)}".strip(": ")
    rows = [
        ("f.plan_id", str(plan.id)),
        ("f.version", f"{doc.version_number} ({labels.enum(doc.version_state)})"),
        ("f.printed_on", fmt_date(doc.printed_on)),
        ("f.hash", doc.content_hash or ""),
        ("f.key", labels("f.key_other", id=doc.key_id) if doc.other_store else doc.key_id),
        ("f.plan_status", status),
        ("f.legal", plan.fields.legal_reference),
    ]
    return [kit.heading("sec.version"), kit.fields(rows)]
