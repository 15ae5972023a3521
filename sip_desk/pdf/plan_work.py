"""Full plan, second part: own view, goals, needs, actions, own actions, responsibility, crisis."""

from __future__ import annotations

from dataclasses import replace

from reportlab.platypus import Flowable

from sip_desk.domain.action import ActionDto
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.principals import without_effort
from sip_desk.pdf.bidi_lines import isolate
from sip_desk.pdf.kit import Cell, Kit, span


def _filled(rows: list[tuple[str, str]]) -> bool:
    return any(value.strip() for _, value in rows)


def perspective_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """What matters to the person and their strengths (left out when both are empty)."""
    rows = [("f.what_matters", plan.fields.what_matters), ("f.strengths", plan.fields.strengths)]
    return [kit.heading("sec.perspective"), kit.fields(rows)] if _filled(rows) else []


def goals_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """Goals in the person's own words; sub-goals follow their goal, indented."""
    labels = kit.labels
    story: list[Flowable] = [kit.heading("sec.goals")]
    if not plan.goals:
        return [*story, kit.text(labels("none.goals"))]
    goals = {g.id: g for g in plan.goals}
    for goal_id, number in _goal_numbers(plan).items():  # in printed order
        goal, sub = goals[goal_id], "." in number
        text = f"{goal.text}  –  {labels.enum(goal.term)}"
        style = replace(kit.styles.body, indent=18) if sub else None
        story.append(kit.bullet(text, style, mark=number if sub else f"{number}."))
    return story


def needs_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """The needs the actions answer (left out when none is recorded)."""
    items = [need.description for need in plan.needs if need.description.strip()]
    return [kit.heading("sec.needs"), *kit.bullets(items)] if items else []


def _goal_numbers(plan: PlanDetail) -> dict[int, str]:
    """Goal id → its number (``2`` or ``2.1``), in printed order: sub-goals follow their goal."""
    numbers: dict[int, str] = {}
    top = [g for g in plan.goals if g.parent_id is None]
    known = {g.id for g in top}
    top += [g for g in plan.goals if g.parent_id is not None and g.parent_id not in known]
    for number, goal in enumerate(top, start=1):
        numbers[goal.id] = str(number)
        subs = (g for g in plan.goals if g.parent_id == goal.id)
        for sub_number, sub in enumerate(subs, start=1):
            numbers[sub.id] = f"{number}.{sub_number}"
    return numbers


def _action_row(action: ActionDto, plan: PlanDetail, kit: Kit) -> list[Cell]:
    labels = kit.labels
    needs = {n.id: n.description for n in plan.needs}
    goals = {g.id: g.text for g in plan.goals}
    numbers = _goal_numbers(plan)
    what = [action.description]
    if action.need_id in needs:
        what.append(labels.pair("f.need", needs[action.need_id]))
    # a goal's own full stop is dropped before the "; " between goals
    linked = [
        f"{numbers.get(i, '')} {isolate(goals[i].strip().rstrip('.;,'))}".strip()
        for i in action.goal_ids
        if i in goals
    ]
    if linked:
        what.append(f"{labels('f.goals')}: " + "; ".join(linked))
    if action.cost_responsibility:
        what.append(labels.pair("f.cost", action.cost_responsibility))
    responsible = [labels.enum(action.responsible_principal), action.organisation, action.unit]
    responsible.append(action.responsible_name)
    return [
        "\n".join(what),
        "\n".join(x for x in responsible if x),
        span(action.start_date, action.end_date),
        labels.enum(action.status),
    ]


def _actions_table(actions: list[ActionDto], plan: PlanDetail, kit: Kit) -> list[Flowable]:
    header = kit.header_row("col.action", "col.responsible", "col.time", "col.status")
    rows = [header] + [_action_row(a, plan, kit) for a in actions]
    return [kit.table(rows, (0.44, 0.26, 0.18, 0.12))]


def actions_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """Efforts of the principals, then actions taken by others (school, FK, relatives, …).

    The principals' efforts always have their heading ("none yet" when there are none: the law
    asks for them); the others' actions only when there are some.
    """
    own = [a for a in plan.actions if not a.is_other_actor]
    others = [a for a in plan.actions if a.is_other_actor]
    story: list[Flowable] = [kit.heading("sec.actions")]
    story += _actions_table(own, plan, kit) if own else [kit.text(kit.labels("none.actions"))]
    story += _without_effort(plan, kit)
    if others:
        story += [kit.heading("sec.others"), *_actions_table(others, plan, kit)]
    return story


def _without_effort(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """The principals taking part with no effort, each with its reason (or "none written").

    Nothing when every principal taking part has an effort.
    """
    missing = without_effort(plan)
    if not missing:
        return []
    lines = [
        kit.bullet(
            kit.labels("no_effort.reason", name=t.label, reason=t.reason.strip())
            if t.reason.strip()
            else kit.labels("no_effort.none", name=t.label)
        )
        for t in missing
    ]
    return [kit.subheading("sec.no_effort"), *lines]


def own_actions_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """What the person and the relatives do themselves (left out when both are empty)."""
    rows = [
        ("f.person_own", plan.fields.person_own_actions),
        ("f.relatives_own", plan.fields.relatives_own_actions),
    ]
    return [kit.heading("sec.own"), kit.fields(rows)] if _filled(rows) else []


def responsibility_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """The lead principal with overall responsibility and the coordinator."""
    labels, fields = kit.labels, plan.fields
    lead = ", ".join(
        x
        for x in (
            labels.enum(fields.lead_principal) if fields.lead_principal else "",
            fields.lead_organisation,
        )
        if x
    )
    coordinator = plan.coordinator
    who = ""
    if coordinator is not None:
        phone = coordinator.phone.replace(" ", "\u00a0")  # a number is never broken
        parts = (coordinator.name, coordinator.organisation, phone, coordinator.email)
        who = ", ".join(x for x in parts if x)
    rows = [("f.lead", lead), ("f.coordinator", who)]
    return [kit.heading("sec.responsibility"), kit.fields(rows)]


def crisis_section(plan: PlanDetail, kit: Kit) -> list[Flowable]:
    """Warning signs, what to do and whom to contact (left out when the plan has no crisis plan)."""
    fields = plan.fields
    rows = [
        ("f.warning_signs", fields.crisis_warning_signs),
        ("f.crisis_actions", fields.crisis_actions),
        ("f.crisis_contacts", fields.crisis_contacts),
    ]
    return [kit.heading("sec.crisis"), kit.fields(rows)] if _filled(rows) else []
