"""The plan as the person reads it, as HTML for the meeting-mode screen."""

from __future__ import annotations

from datetime import date, datetime
from html import escape

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from sip_desk.domain.enums import GoalTerm
from sip_desk.domain.local_time import LOCAL_TZ
from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.languages import language_label


def _day(value: date) -> str:
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def _when(value: datetime) -> str:
    local = value.astimezone(LOCAL_TZ)
    day = QLocale().toString(QDate(local.year, local.month, local.day), "dddd d MMMM yyyy")
    return f"{day}, {local:%H:%M}"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def goals_html(plan: PlanDetail) -> str:
    """Long-term goals with their sub-goals below them, in the person's own words."""
    items = []
    for goal in plan.goals:
        if goal.parent_id is not None:
            continue
        subs = [g for g in plan.goals if g.parent_id == goal.id]
        sub_html = "".join(f"<li>{escape(s.text)}</li>" for s in subs)
        short = QCoreApplication.translate("MeetingText", "short-term")
        term = "" if goal.term is GoalTerm.LONG else f" ({escape(short)})"
        items.append(
            f"<li><b>{escape(goal.text)}</b>{term}"
            + (f"<ul>{sub_html}</ul>" if sub_html else "")
            + "</li>"
        )
    return f"<ul>{''.join(items)}</ul>" if items else ""


def actions_html(plan: PlanDetail) -> str:
    """Who does what, by when."""
    rows = []
    who_label = escape(QCoreApplication.translate("MeetingText", "Who:"))
    when_label = escape(QCoreApplication.translate("MeetingText", "When:"))
    for action in plan.actions:
        who = action.responsible_name or action.organisation or "—"
        if action.responsible_name and action.organisation:
            who = f"{action.responsible_name}, {action.organisation}"
        when = ""
        if action.end_date:
            when = QCoreApplication.translate("MeetingText", "by %1").replace(
                "%1", _day(action.end_date)
            )
        elif action.start_date:
            when = QCoreApplication.translate("MeetingText", "from %1").replace(
                "%1", _day(action.start_date)
            )
        rows.append(
            f"<li><b>{escape(action.description)}</b><br>"
            f"{who_label} {escape(who)}"
            + (f"<br>{when_label} {escape(when)}" if when else "")
            + "</li>"
        )
    return f"<ul>{''.join(rows)}</ul>" if rows else ""


def contacts_html(plan: PlanDetail) -> str:
    """The coordinator and named contacts with their phone numbers, then crisis contacts."""
    coordinator = plan.coordinator
    people = [(p.contact_role, p) for p in plan.participants if p.contact_role]
    people = [(role, p) for role, p in people if p is not coordinator]
    if coordinator is not None:
        people.insert(0, (QCoreApplication.translate("MeetingText", "Coordinator"), coordinator))
    html = "".join(
        f"<li><b>{escape(role)}:</b> {escape(p.name)}"
        + (f", {escape(p.organisation)}" if p.organisation else "")
        + (f"<br>☎ {escape(p.phone)}" if p.phone else "")
        + "</li>"
        for role, p in people
    )
    return f"<ul>{html}</ul>" if html else ""


def language_html(plan: PlanDetail) -> str:
    """The person's language and interpreter, by name (nothing for Swedish without one)."""
    person = plan.person
    parts = []
    if person.preferred_language and person.preferred_language != "sv":
        label = QCoreApplication.translate("MeetingText", "My language:")
        parts.append(f"{escape(label)} {escape(language_label(person.preferred_language))}")
    if person.interpreter_needed:
        label = QCoreApplication.translate("MeetingText", "Interpreter:")
        language = (
            language_label(person.interpreter_language) if person.interpreter_language else ""
        )
        parts.append(f"{escape(label)} {escape(language or '✓')}")
    return f"<p>{' · '.join(parts)}</p>" if parts else ""


def _next_html(plan: PlanDetail, now: datetime) -> str:
    meeting = plan.next_follow_up(now)
    if meeting is None:
        return "<p>" + escape(QCoreApplication.translate("MeetingText", "Not booked yet.")) + "</p>"
    where = f"<br>{escape(meeting.place)}" if meeting.place else ""
    return f"<p><b>{escape(_when(meeting.starts_at))}</b>{where}</p>"


def meeting_html(plan: PlanDetail, now: datetime) -> str:
    """The whole shared-screen page: goals first, then who does what, whom to call, next meeting."""
    return "".join(html for _, html in meeting_parts(plan, now))


def meeting_parts(plan: PlanDetail, now: datetime) -> list[tuple[str, str]]:
    """The page in parts, each with its key ("top", "goals", "what_matters", "strengths",
    "actions", "own", "relatives", "contacts", "crisis", "next"); empty parts are left out."""
    f = plan.fields
    title = QCoreApplication.translate("MeetingText", "My plan")
    crisis = "".join(
        _paragraphs(t) for t in (f.crisis_warning_signs, f.crisis_actions, f.crisis_contacts)
    )
    sections = (
        ("goals", QCoreApplication.translate("MeetingText", "My goals"), goals_html(plan)),
        (
            "what_matters",
            QCoreApplication.translate("MeetingText", "What matters to me"),
            _paragraphs(f.what_matters),
        ),
        (
            "strengths",
            QCoreApplication.translate("MeetingText", "My strengths"),
            _paragraphs(f.strengths),
        ),
        (
            "actions",
            QCoreApplication.translate("MeetingText", "Who does what, and when"),
            actions_html(plan),
        ),
        (
            "own",
            QCoreApplication.translate("MeetingText", "What I do myself"),
            _paragraphs(f.person_own_actions),
        ),
        (
            "relatives",
            QCoreApplication.translate("MeetingText", "What my relatives do"),
            _paragraphs(f.relatives_own_actions),
        ),
        (
            "contacts",
            QCoreApplication.translate("MeetingText", "Whom to call"),
            contacts_html(plan),
        ),
        ("crisis", QCoreApplication.translate("MeetingText", "If things get difficult"), crisis),
        ("next", QCoreApplication.translate("MeetingText", "Next meeting"), _next_html(plan, now)),
    )
    head = f"<h1>{escape(title)}: {escape(plan.person.full_name)}</h1>" + language_html(plan)
    return [("top", head)] + [
        (key, f"<h2>{escape(t)}</h2>{body}") for key, t, body in sections if body
    ]
