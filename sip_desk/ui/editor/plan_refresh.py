"""Show a saved plan in the editor's sections, redrawing only what can have changed."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sip_desk.domain.plan import PlanDetail
from sip_desk.ui.editor.section import Section

_BOOKKEEPING = frozenset({"version", "updated_at", "versions"})


def changed_parts(old: PlanDetail | None, new: PlanDetail) -> set[str] | None:
    """The parts of the plan (``fields``, ``person``, ``actions``…) that differ; ``None``: all."""
    if old is None or old.id != new.id:
        return None
    names = (f.name for f in dataclasses.fields(PlanDetail) if f.name not in _BOOKKEEPING)
    return {n for n in names if getattr(old, n) != getattr(new, n)}


def refresh_sections(
    sections: Sequence[Section],
    old: PlanDetail | None,
    new: PlanDetail,
    person: Section,
    translations: Section,
) -> None:
    """Show ``new`` (the plan was ``old``) in ``sections``; ``person`` and ``translations`` are
    the sections that show more than their own inputs."""
    changed = changed_parts(old, new)
    if changed is None or not changed <= {"fields", "person", "translations"}:
        for section in sections:
            section.refresh(new)
        return
    # A field was saved: only the inputs of the plan's and the person's fields (and the
    # representatives, when the person changed) and the translations can show something new.
    for section in sections:
        # the translations show the Swedish texts (and the print language) beside them
        if section is translations or ("person" in changed and section is person):
            section.refresh(new)
            continue
        for key, binding in section.bindings.items():
            if key.startswith(("plan.", "person.")):
                binding.refresh(new)
