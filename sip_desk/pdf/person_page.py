"""The person's part: one A4 page in plain language, short sentences, two columns.

What goes on it, in this order (a section with nothing in it is left out): under a full-width
head (my plan, for whom, what it is, what changed since signing), in two columns of about 40
characters: what matters to me, what I am good at, my goals, what I do myself, who does what
for me (each action kept whole, with its status, and "done by" only while it is not done), the
crisis plan with 112, whom I call, the next meeting, who gave the consent and who can take it
back, and my rights.

**Shortening rule** (also in the README). The part is printed at the first of these steps
whose page 1 holds it all:

1. everything at 12 pt, ordinary spacing;
2. tighter spacing; an action's who and status on one line, the crisis plan's labels in line;
3. the contact list only the person's own contacts (the coordinator and the named contacts; the
   persons responsible for each action are still named under "who does what");
4. without the two fixed sentences that say what a plan is, and without the next meeting's
   convenor when they are in the contact list;
5. body text 11 pt; 6. body text 10.5 pt (never smaller);
7. each action's "who" names only the person responsible, without the organisation, when the
   contact list has them (it gives their organisation);
8. each contact with a phone number as name and number only (role and e-mail left out);
9. each long text of the person's own (what matters, strengths, what I do myself; never the
   crisis plan) cut after three lines with "… (fortsättning på sidan N)", N the page where
   its own rest starts (found by laying the part out again), its rest printed
   after page 1 under the same heading with "(fortsättning)".

A plan still longer (very many goals or actions) goes on to a second page; page 1 is never left
empty, since nothing on it is kept whole but one action. Whether a step fits is found by laying
the part out (:func:`count_pages`), not by estimate.

The person's own texts (what matters, strengths, goals, what I do myself, each action, the crisis
plan) are printed in their translation into the document's language where one was made.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from io import BytesIO

from reportlab.platypus import Flowable, FrameBreak, NextPageTemplate, PageBreak

from sip_desk.domain.document import PlanDocument
from sip_desk.domain.enums import MeetingStatus
from sip_desk.domain.follow_up import MeetingDto
from sip_desk.domain.translation import translated
from sip_desk.pdf.doc_template import plan_template
from sip_desk.pdf.flowables import PageMark, TextBlock
from sip_desk.pdf.kit import Kit, fmt_local_date
from sip_desk.pdf.outline import PartMark
from sip_desk.pdf.person_fit import Cuts, Fit, fit_styles
from sip_desk.pdf.person_head import changes_box, head, head_height
from sip_desk.pdf.person_parts import (
    consent,
    contacts,
    crisis,
    goals,
    meeting_when,
    own_text,
    sentence,
    who_does_what,
    whom_to_call,
)
from sip_desk.pdf.styles import COLUMN_WIDTH, FRAME_WIDTH, PAGE_HEIGHT, Styles

CUT_LINES = 3
_SHORT = Fit(compact=True, own_contacts=True, intro=False)
STEPS = (
    Fit(),
    Fit(compact=True),
    Fit(compact=True, own_contacts=True),
    _SHORT,
    replace(_SHORT, size=11),
    replace(_SHORT, size=10.5),
    replace(_SHORT, size=10.5, short_who=True),
    replace(_SHORT, size=10.5, short_who=True, short_contacts=True),
    replace(_SHORT, size=10.5, short_who=True, short_contacts=True, cut_lines=CUT_LINES),
)


@dataclass(frozen=True)
class PersonPart:
    """The person's part as laid out: its flowables and the height of its head frame."""

    story: list[Flowable]
    head: float
    fit: Fit


def person_part(doc: PlanDocument, kit: Kit) -> PersonPart:
    """The person's part, shortened by the rule above, with its bookmark.

    The person's own texts are printed in the document's language where the plan holds a
    translation made at the meeting (``domain.translation``); the full plan keeps the Swedish.
    """
    doc = replace(doc, plan=translated(doc.plan, doc.language))
    for fit in STEPS:
        pages = count_pages(_build(doc, kit, fit, Cuts(), continued=False), kit)
        if pages == 1:
            break
    # built again (laying out a story uses up its flowables), each cut text naming the page its
    # own continuation starts on: laid out until those pages no longer change
    pages_of: dict[str, int] = {}
    for _ in range(3):
        cuts = Cuts(page=pages + 1, pages=pages_of)
        part = _build(doc, kit, fit, cuts)
        if not cuts.rest:
            return part
        count_pages(part, kit)
        if cuts.found == pages_of:
            break
        pages_of = dict(cuts.found)
    return _build(doc, kit, fit, Cuts(page=pages + 1, pages=pages_of))


def count_pages(part: PersonPart, kit: Kit) -> int:
    """How many pages the person's part fills."""
    template = plan_template(BytesIO(), kit.labels.language, "", kit.rtl, part.head, True)
    template.build(list(part.story))
    return int(template.page)


def _build(doc: PlanDocument, kit: Kit, fit: Fit, cuts: Cuts, continued: bool = True) -> PersonPart:
    styles = fit_styles(kit.styles, fit)
    top = head(doc, kit, styles, fit)
    body = _columns(doc, kit, styles, fit, cuts)
    if doc.changes_since_signed:
        wide = changes_box(doc, kit, styles, FRAME_WIDTH)
        if head_height([*top, wide]) <= PAGE_HEIGHT / 4:
            top.append(wide)
        else:
            body.insert(0, changes_box(doc, kit, styles, COLUMN_WIDTH))
    height = head_height(top)
    story: list[Flowable] = [
        NextPageTemplate("person"),
        PartMark("person", kit.labels("outline.person")),
        *top,
        FrameBreak(),
        *body,
        *(_continued(kit, styles, cuts) if continued else []),
    ]
    return PersonPart(story=story, head=height, fit=fit)


def _columns(doc: PlanDocument, kit: Kit, styles: Styles, fit: Fit, cuts: Cuts) -> list[Flowable]:
    plan, labels, fields = doc.plan, kit.labels, doc.plan.fields
    story: list[Flowable] = []
    for key, value in (
        ("easy.matters", fields.what_matters),
        ("easy.strengths", fields.strengths),
    ):
        story += own_text(kit, styles, labels(key), value, fit, cuts)
    story += goals(plan, kit, styles)
    story += own_text(kit, styles, labels("easy.own"), fields.person_own_actions, fit, cuts)
    story += who_does_what(plan, kit, styles, fit)
    story += crisis(plan, kit, styles, fit, cuts)
    story += whom_to_call(plan, kit, styles, fit)
    story += _next_meeting(doc, kit, styles, fit)
    coordinator = plan.coordinator
    who = ""
    if coordinator is not None:
        # the phone number only when the contact list does not give it; kept on one line
        listed = any(p.id == coordinator.id for p, _ in contacts(plan, fit.own_contacts))
        phone = "" if listed else coordinator.phone.replace(" ", chr(0xA0))
        who = f"{coordinator.name} {phone}".strip()
    rights = labels("easy.rights_text", who=who or labels("easy.rights_nobody"))
    story += [
        TextBlock(labels("easy.rights"), styles.easy_heading),
        kit.text(" ".join(x for x in (consent(plan, kit), rights) if x), styles.easy),
    ]
    if story:  # the first heading starts at the top of its column
        story[0] = _at_top(story[0])
    return story


def _at_top(flowable: Flowable) -> Flowable:
    flowable.spaceBefore = 0
    return flowable


def _continued(kit: Kit, styles: Styles, cuts: Cuts) -> list[Flowable]:
    """The rest of each text cut on page 1, on the page after it."""
    if not cuts.rest:
        return []
    story: list[Flowable] = [PageBreak()]
    for title, rest in cuts.rest:
        heading = kit.labels("easy.continued", title=title)
        story += [
            PageMark(title, cuts.found),
            TextBlock(heading, styles.easy_heading),
            kit.text(rest, styles.easy),
        ]
    return story


def next_meeting(doc: PlanDocument) -> MeetingDto | None:
    """The first booked meeting on or after the print date."""
    booked = [
        m
        for m in doc.plan.meetings
        if m.status is MeetingStatus.BOOKED and fmt_local_date(m.starts_at) >= str(doc.printed_on)
    ]
    return min(booked, key=lambda m: m.starts_at, default=None)


def _next_meeting(doc: PlanDocument, kit: Kit, styles: Styles, fit: Fit) -> list[Flowable]:
    labels = kit.labels
    story: list[Flowable] = [TextBlock(labels("easy.next_meeting"), styles.easy_heading)]
    meeting = next_meeting(doc)
    if meeting is None:
        return [*story, kit.text(labels("easy.no_meeting"), styles.easy)]
    story.append(kit.text(meeting_when(kit, meeting.starts_at), styles.easy_bold))
    said = [
        sentence(labels.pair(key, value))
        for key, value in (
            ("f.place", meeting.place),
            ("f.video", meeting.video_link),
            (
                "f.convenor",
                "" if _listed(doc, meeting.convenor_name, fit) else meeting.convenor_name,
            ),
        )
        if value
    ]
    if fit.compact:  # one paragraph
        said = [" ".join(said)] if said else []
    return story + [kit.text(line, styles.easy) for line in said]


def _listed(doc: PlanDocument, name: str, fit: Fit) -> bool:
    """True when ``name`` is in the contact list and the part is shortened (step 4 on)."""
    if fit.intro:
        return False
    return any(p.name == name for p, _ in contacts(doc.plan, fit.own_contacts))
