"""Labels of the invitation letter and the follow-up appendix (Swedish first, English).

Labels the plan PDF already has come from :mod:`sip_desk.pdf.labels`; these are the ones only
the letter and the appendix use. Other languages fall back to Swedish.
"""

from __future__ import annotations

_SV = {
    "inv.title": "Kallelse till SIP-möte",
    "inv.title_follow_up": "Kallelse till uppföljning av SIP",
    "inv.to": "Till {name}",
    "inv.intro": (
        "Du kallas till ett möte om din samordnade individuella plan (SIP). På mötet bestämmer "
        "vi tillsammans vem som gör vad. Du får gärna ta med en närstående."
    ),
    "inv.when": "Dag",
    "inv.time": "Tid",
    "inv.place_sent": "Platsen meddelas separat.",
    "inv.question": "Frågan mötet ska besvara",
    "inv.summoned": "Kallade (huvudmän med skyldighet att delta)",
    "inv.invited": "Inbjudna",
    "inv.interpreter": "Tolk på {tongue} finns på mötet.",
    "inv.contact": "Frågor eller förhinder? Kontakta {name}{contact}.",
    "inv.footer": "Kallelse · Plan {plan_id} · Utskriven {date}",
    "inv.none": "Ingen angiven.",
    "fu.title": "Uppföljning av SIP – bilaga",
    "fu.meeting": "Uppföljningsmöte {date} klockan {time}",
    "fu.actions": "Insatser",
    "fu.goals": "Mål och personens egen syn",
    "fu.decision": "Beslut",
    "fu.reason": "Skäl",
    "fu.next": "Nästa uppföljning",
    "fu.no_next": "Ingen ny uppföljning bokad.",
    "fu.version": (
        "Planen har gjorts om till version {number}, som ska godkännas och skrivas under."
    ),
    "fu.footer": "Bilaga uppföljning · Plan {plan_id} · Utskriven {date}",
    "fu.comment": "Kommentar",
    "fu.outcome": "Bedömning",
    "weekday": "måndag tisdag onsdag torsdag fredag lördag söndag",
}

_EN = {
    "inv.title": "Invitation to a SIP meeting",
    "inv.title_follow_up": "Invitation to a SIP follow-up",
    "inv.to": "To {name}",
    "inv.intro": (
        "You are invited to a meeting about your coordinated individual plan (SIP). At the "
        "meeting we agree together who does what. You are welcome to bring a relative."
    ),
    "inv.when": "Day",
    "inv.time": "Time",
    "inv.place_sent": "The place will be sent separately.",
    "inv.question": "The question the meeting should answer",
    "inv.summoned": "Summoned (principals obliged to take part)",
    "inv.invited": "Invited",
    "inv.interpreter": "An interpreter for {tongue} will be at the meeting.",
    "inv.contact": "Questions, or cannot come? Contact {name}{contact}.",
    "inv.footer": "Invitation · Plan {plan_id} · Printed {date}",
    "inv.none": "None given.",
    "fu.title": "SIP follow-up – appendix",
    "fu.meeting": "Follow-up meeting {date} at {time}",
    "fu.actions": "Actions",
    "fu.goals": "Goals and the person's own view",
    "fu.decision": "Decision",
    "fu.reason": "Reason",
    "fu.next": "Next follow-up",
    "fu.no_next": "No new follow-up booked.",
    "fu.version": "The plan has become version {number}, which is to be approved and signed.",
    "fu.footer": "Follow-up appendix · Plan {plan_id} · Printed {date}",
    "fu.comment": "Comment",
    "fu.outcome": "Outcome",
    "weekday": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
}

CATALOGUE = {"sv": _SV, "en": _EN}


def label(language: str, key: str, **values: object) -> str:
    """The label ``key`` in ``language`` (Swedish when missing) with placeholders filled."""
    text = CATALOGUE.get(language, _SV).get(key) or _SV[key]
    return text.format(**values) if values else text


def weekday(language: str, index: int) -> str:
    """The name of weekday ``index`` (0 = Monday)."""
    return label(language, "weekday").split()[index]
