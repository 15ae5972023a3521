"""The sections of the person's part: own words, who does what, crisis, contacts, meeting, rights.

Each builder takes a :class:`~sip_desk.pdf.person_fit.Fit`, the shortening step in force (see
:mod:`sip_desk.pdf.person_fit`), and leaves out what is empty: a section without content has
no heading.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, TableStyle

from sip_desk.domain.enums import ActionStatus, ConsentGiver, RepresentativeKind
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.participant import ParticipantDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.principals import without_effort
from sip_desk.pdf.bidi_lines import isolate
from sip_desk.pdf.flowables import RowTable, TextBlock
from sip_desk.pdf.fonts import BASE
from sip_desk.pdf.kit import Kit, fmt_time
from sip_desk.pdf.person_fit import Cuts, Fit, cut_text
from sip_desk.pdf.styles import COLUMN_WIDTH, RULE, SOFT, Styles

_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")
_ENDS = (".", "!", "?", ":", "…", "؟", "።")


class WholeBlock(KeepTogether):
    """Lines kept on one page (an action); a heading before it moves with all of it."""

    def first_rows_height(self) -> float:
        """The height of the whole block, so a heading is never left behind without it."""
        content: list[Flowable] = getattr(self, "_content", [])
        return sum(
            f.wrap(self.width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in content
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Remember the width for :meth:`first_rows_height`."""
        self.width = avail_width
        result: tuple[float, float] = super().wrap(avail_width, avail_height)
        return result


def sentence(text: str) -> str:
    """``text`` ending with a full stop, unless it already ends with a sentence mark."""
    text = text.strip()
    return text if not text or text.endswith(_ENDS) else f"{text}."


def own_text(
    kit: Kit, styles: Styles, title: str, text: str, fit: Fit, cuts: Cuts
) -> list[Flowable]:
    """A heading and a text of the person's own (nothing when the text is empty)."""
    if not text.strip():
        return []
    shown = cut_text(kit, styles, title, text, fit, cuts)
    return [TextBlock(title, styles.easy_heading), kit.text(shown, styles.easy)]


def goals(plan: PlanDetail, kit: Kit, styles: Styles) -> list[Flowable]:
    """My goals, sub-goals indented under their goal."""
    if not plan.goals:
        return []
    story: list[Flowable] = [TextBlock(kit.labels("easy.goals"), styles.easy_heading)]
    sub_style = replace(styles.easy, indent=18)
    for goal in plan.goals:
        if goal.parent_id is None:
            story.append(kit.bullet(goal.text, styles.easy))
        else:
            story.append(kit.bullet(goal.text, sub_style, mark="–"))
    return story


def _status(action_status: ActionStatus, kit: Kit, end: str, start: str) -> str:
    labels = kit.labels
    state = sentence(labels(f"easy.state.{action_status.value}"))
    if action_status is ActionStatus.DONE:
        return state
    if end:
        return f"{state} {labels('easy.until', date=end)}"
    if start:
        return f"{state} {labels('easy.from', date=start)}"
    return state


def who_does_what(plan: PlanDetail, kit: Kit, styles: Styles, fit: Fit) -> list[Flowable]:
    """Each action: what, who, its status and "done by" while not done; kept on one page."""
    labels = kit.labels
    actions = [a for a in plan.actions if a.status is not ActionStatus.CANCELLED]
    idle = without_effort(plan)
    if not actions and not idle:
        return []
    story: list[Flowable] = [TextBlock(labels("easy.who_does"), styles.easy_heading)]
    detail = replace(styles.easy, indent=styles.easy.size * 1.3)
    listed = {p.id for p, _ in contacts(plan, fit.own_contacts)} if fit.short_who else set()
    for action in actions:
        lines: list[Flowable] = [kit.bullet(action.description, styles.easy_bold)]
        organisation = action.organisation
        if action.responsible_name and action.responsible_participant_id in listed:
            organisation = ""  # the contact list gives it
        who = ", ".join(x for x in (action.responsible_name, organisation) if x)
        status = _status(
            action.status, kit, labels.date(action.end_date), labels.date(action.start_date)
        )
        said = [sentence(labels("easy.who", who=who))] if who else []
        if fit.compact:
            lines.append(kit.text(" ".join([*said, status]), detail))
        else:
            lines += [kit.text(line, detail) for line in [*said, status]]
        story.append(WholeBlock(lines))
    for t in idle:  # a principal at the table that does nothing now, and why
        reason = t.reason.strip()
        name = t.organisation if fit.short_who else t.label  # units left out when short
        line = (
            labels("easy.no_effort", name=name, reason=reason)
            if reason
            else labels("easy.no_effort_none", name=name)
        )
        story.append(kit.bullet(line, styles.easy))
    return story


def crisis(plan: PlanDetail, kit: Kit, styles: Styles, fit: Fit, cuts: Cuts) -> list[Flowable]:
    """The crisis plan in the person's words: signs, what I do, who helps, 112."""
    labels, fields = kit.labels, plan.fields
    parts = [
        ("easy.crisis_signs", fields.crisis_warning_signs),
        ("easy.crisis_do", fields.crisis_actions),
        ("easy.crisis_help", fields.crisis_contacts),
    ]
    if not any(value.strip() for _, value in parts):
        return []
    heading = replace(styles.easy_heading, space_before=0)
    inner: list[Flowable] = [TextBlock(labels("easy.crisis"), heading)]
    for key, value in parts:
        if value.strip():
            # the crisis plan is never cut; a phone number typed in it ("070-174 06 42") is
            # kept on one line (a space between two digits does not break)
            shown = _DIGIT_SPACE.sub("\u00a0", value.strip())
            if fit.compact:
                inner.append(kit.text(labels.pair(key.removeprefix("pdf."), shown), styles.easy))
            else:
                inner += [TextBlock(labels(key), styles.easy_bold), kit.text(shown, styles.easy)]
    inner.append(TextBlock(labels("easy.crisis_112"), styles.easy_bold))
    box = RowTable([[inner]], colWidths=[COLUMN_WIDTH], splitInRow=round(2 * styles.easy.leading))
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BASE),
                ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    box.spaceBefore = styles.easy_heading.space_before
    return [box]


def contacts(plan: PlanDetail, own_only: bool) -> list[tuple[ParticipantDto, str]]:
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
    if not own_only:
        for action in plan.actions:
            responsible = plan.participant(action.responsible_participant_id)
            if responsible is not None and action.status is not ActionStatus.CANCELLED:
                add(responsible, responsible.role)
    return found


def whom_to_call(plan: PlanDetail, kit: Kit, styles: Styles, fit: Fit) -> list[Flowable]:
    """Whom I call: name, role, phone and e-mail of each."""
    labels = kit.labels
    rows: list[list[list[Flowable]]] = []
    for participant, what in contacts(plan, fit.own_contacts):
        role = labels("f.coordinator") if what == "coordinator" else what
        title = ", ".join(x for x in (role, participant.organisation) if x)
        # the number to call beside the name, in bold; no-break spaces keep it whole
        phone = participant.phone.replace(" ", "\u00a0")
        call = f"{participant.name}  {isolate(phone)}" if phone else participant.name
        cell: list[Flowable] = [kit.text(call, styles.easy_bold)]
        if not (fit.short_contacts and phone):
            cell += [kit.text(x, styles.easy) for x in (title, participant.email) if x]
        rows.append([cell])
    if not rows:
        return []
    table = RowTable(rows, colWidths=[COLUMN_WIDTH], splitInRow=round(2 * styles.easy.leading))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), BASE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return [TextBlock(labels("easy.call"), styles.easy_heading), table]


def meeting_when(kit: Kit, moment: Any) -> str:
    """A meeting's day in words and its time, e.g. "tisdag 28 december 2026 klockan 14:00"."""
    day = kit.labels.date(moment.astimezone(LOCAL_TZ).date())
    return kit.labels("easy.meeting_when", date=day, time=fmt_time(moment))


def consent(plan: PlanDetail, kit: Kit) -> str:
    """Who gave consent to the plan and who can take it back; empty when none was given."""
    fields, labels = plan.fields, kit.labels
    if not fields.plan_consent_given:
        return ""
    giver = fields.plan_consent_given_by or ConsentGiver.PERSON
    if giver is ConsentGiver.PERSON:
        return labels("easy.consent_person")
    guardian = giver is ConsentGiver.GUARDIAN
    # in a right-to-left document each name is isolated, so a list of Latin names joined by an
    # Arabic "and" reads in the document's order (no single left-to-right run of names)
    names = [
        isolate(r.name) if kit.rtl else r.name
        for r in plan.person.representatives
        if (r.kind is RepresentativeKind.GUARDIAN) == guardian
    ]
    joined = f" {labels('easy.and')} ".join(names)
    if guardian:
        key = "easy.consent_guardian" if len(names) == 1 else "easy.consent_guardians"
    else:
        key = "easy.consent_representative"
    return " ".join(labels(key, names=joined).split())
