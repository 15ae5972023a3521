"""Keeping a protected person's address out of a printed plan.

A person with protected identity (sekretessmarkering, skyddad folkbokföring) never has their
address printed: not in the person section, and not as the place of a meeting held at home.
The rule is applied when printing, to drafts and signed versions alike, with the person's
protection as it is *now*: a version signed before the person was protected prints without
the address too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from sip_desk.domain.plan import PlanDetail


def without_address(plan: PlanDetail, addresses: Iterable[str]) -> PlanDetail:
    """``plan`` (a draft or a signed snapshot) for printing when the person is protected.

    No address, and no meeting place that names one of ``addresses`` (the person record's, and
    one an older snapshot held).
    """
    hidden = [a.strip().casefold() for a in addresses if a.strip()]

    def place(text: str) -> str:
        return "" if any(a in text.casefold() for a in hidden) else text

    meetings = tuple(dataclasses.replace(m, place=place(m.place)) for m in plan.meetings)
    person = dataclasses.replace(plan.person, address="", protected_identity=True)
    return dataclasses.replace(plan, person=person, meetings=meetings)
