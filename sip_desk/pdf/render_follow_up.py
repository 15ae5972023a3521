"""The record of a follow-up meeting as a PDF appendix to the plan.

Per action: done / not done / ongoing with the comment; per goal: the outcome with the person's
own view in their own words; new needs; the decision with its reason; the next booking; and the
plan version that now goes to signing.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.worklist import FollowUpDocument
from sip_desk.pdf.follow_up_labels import label
from sip_desk.pdf.kit import Cell, Kit, fmt_local_date, fmt_time
from sip_desk.pdf.outline import PartMark
from sip_desk.pdf.render_invitation import build_pdf, letter_facts, named_rows


def _action_table(doc: FollowUpDocument, kit: Kit) -> Flowable:
    actions = {a.id: a for a in doc.plan.actions}
    rows: list[list[Cell]] = [
        [
            kit.labels("col.action"),
            kit.labels("col.responsible"),
            kit.labels("col.status"),
            label(doc.language, "fu.comment"),
        ]
    ]
    for review in doc.meeting.action_reviews:
        action = actions.get(review.action_id)
        who = (
            ", ".join(x for x in (action.responsible_name, action.organisation) if x)
            if action
            else ""
        )
        rows.append(
            [
                action.description if action else str(review.action_id),
                who,
                kit.labels.enum(review.status),
                review.comment,
            ]
        )
    return kit.table(rows, (0.36, 0.24, 0.13, 0.27))


def _goal_table(doc: FollowUpDocument, kit: Kit) -> Flowable:
    goals = {g.id: g.text for g in doc.plan.goals}
    rows: list[list[Cell]] = [
        [kit.labels("f.goals"), label(doc.language, "fu.outcome"), kit.labels("f.person_view")]
    ]
    rows += [
        [goals.get(r.goal_id, str(r.goal_id)), kit.labels.enum(r.outcome), r.person_view]
        for r in doc.meeting.goal_reviews
    ]
    return kit.table(rows, (0.34, 0.18, 0.48))


def _when(meeting: MeetingDto, lang: str) -> str:
    return label(
        lang,
        "fu.meeting",
        date=fmt_local_date(meeting.starts_at),
        time=fmt_time(meeting.starts_at),
    )


def _decision(doc: FollowUpDocument, kit: Kit) -> list[Flowable]:
    lang, meeting = doc.language, doc.meeting
    rows = [
        (kit.labels("f.decision"), kit.labels.enum(meeting.decision) if meeting.decision else ""),
        (label(lang, "fu.reason"), meeting.decision_reason),
    ]
    story: list[Flowable] = [
        kit.text(label(lang, "fu.decision"), kit.styles.heading),
        named_rows(kit, rows),
    ]
    story.append(kit.text(label(lang, "fu.next"), kit.styles.heading))
    if doc.next_meeting is None:
        story.append(kit.text(label(lang, "fu.no_next")))
    else:
        nxt = doc.next_meeting
        when = f"{fmt_local_date(nxt.starts_at)} {fmt_time(nxt.starts_at)}"
        story.append(
            kit.fields(
                [
                    ("f.when", when),
                    ("f.place", nxt.place),
                    ("f.video", nxt.video_link),
                    ("f.convenor", nxt.convenor_name),
                ]
            )
        )
    if doc.version_number is not None:
        story.append(Spacer(1, 8))
        story.append(kit.text(label(lang, "fu.version", number=doc.version_number)))
    return story


def follow_up_story(doc: FollowUpDocument, kit: Kit) -> list[Flowable]:
    """The appendix's flowables in reading order."""
    lang, meeting = doc.language, doc.meeting
    story: list[Flowable] = [
        PartMark("follow_up", kit.labels("outline.follow_up")),
        kit.text(label(lang, "fu.title"), kit.styles.title),
        kit.text(doc.plan.person.full_name, kit.styles.subheading),
        kit.text(_when(meeting, lang)),
    ]
    if meeting.action_reviews:
        story += [kit.text(label(lang, "fu.actions"), kit.styles.heading), _action_table(doc, kit)]
    if meeting.goal_reviews:
        story += [kit.text(label(lang, "fu.goals"), kit.styles.heading), _goal_table(doc, kit)]
    if meeting.new_needs.strip():
        story += [kit.heading("f.new_needs"), kit.text(meeting.new_needs)]
    if meeting.notes.strip():
        story += [kit.heading("f.notes"), kit.text(meeting.notes)]
    story += _decision(doc, kit)
    story += [kit.text(line) for line in doc.extra_lines]
    return story


def render_follow_up(doc: FollowUpDocument) -> bytes:
    """The follow-up appendix as PDF bytes (identical for identical input)."""
    kit = Kit.for_language(doc.language)
    footer = label(doc.language, "fu.footer", plan_id=doc.plan.id, date=doc.printed_on.isoformat())
    title = label(doc.language, "fu.title")
    facts = letter_facts(doc.language, title, "follow-up", doc.plan, doc.printed_on)
    return build_pdf(follow_up_story(doc, kit), facts, footer)
