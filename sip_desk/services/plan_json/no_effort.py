"""The ``no_effort_reasons`` of an import file: read, checked and stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from sip_desk.db import repositories as repo
from sip_desk.db.models import NoEffortReason
from sip_desk.domain.errors import ValidationError
from sip_desk.domain.principals import NoEffortReasonDto
from sip_desk.services.plan_json.model import LocatedError, decode


def read_no_effort_reasons(
    raw: list[dict[str, Any]], errors: list[ValidationError]
) -> tuple[NoEffortReasonDto, ...]:
    """The schema-checked ``raw`` items; a principal named twice is an error in ``errors``.

    An item with a blank reason is dropped (it says nothing).
    """
    out: dict[tuple[str, str], NoEffortReasonDto] = {}
    for i, item in enumerate(raw):
        where = f"$.plan.no_effort_reasons[{i}]"
        reason = decode(NoEffortReasonDto, item, where)
        if not reason.organisation.strip():
            errors.append(
                LocatedError(
                    f"{where}.organisation",
                    ValidationError("no_effort.organisation", "validation.required"),
                )
            )
            continue
        if reason.key in out:
            errors.append(
                LocatedError(where, ValidationError("no_effort", "import.duplicate_no_effort"))
            )
        out[reason.key] = reason
    return tuple(out[k] for k in sorted(out) if out[k].reason.strip())


def no_effort_rows(
    session: Session, plan_id: int, reasons: tuple[NoEffortReasonDto, ...]
) -> list[NoEffortReason]:
    """The rows to store for ``reasons`` read by :func:`read_no_effort_reasons`."""
    rows = []
    for r in reasons:
        org = repo.organisation(session, r.organisation, r.principal)
        assert org is not None  # blank names are refused on reading
        rows.append(
            NoEffortReason(
                plan_id=plan_id,
                organisation_id=org.id,
                reason=r.reason,
                recorded_at=r.recorded_at,
                recorded_by=r.recorded_by,
            )
        )
    return rows
