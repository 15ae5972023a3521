"""The undoable edit of the reason why a principal taking part has no effort."""

from __future__ import annotations

from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.principals import reason_anchor
from sip_desk.services.no_effort_reasons import stored_reason
from sip_desk.services.unit_of_work import Saved
from sip_desk.ui.editor.conflicts import FieldChange, FieldSave, Op
from sip_desk.ui.editor.edit_command import Edit
from sip_desk.ui.editor.edits import changing
from sip_desk.ui.editor.session import PlanSession


def set_no_effort_reason(
    session: PlanSession,
    principal: PrincipalType,
    organisation: str,
    label: str,
    request: FieldSave,
) -> Edit:
    """Store ``request.value`` as the reason why the principal has no effort.

    Undo and redo write the reason of the same principal, whether or not it still lacks an
    effort by then (a reason stays stored when the principal gets one).
    """
    service = session.services.no_effort_reasons
    key = reason_anchor(principal, organisation)

    def read(plan: PlanDetail) -> object:
        return stored_reason(plan, principal, organisation)

    def write(value: object) -> Op:
        def op(plan: PlanDetail) -> Saved:
            text = "" if value is None else str(value)
            return service.save(plan, principal, organisation, text)

        return op

    change = FieldChange(
        key,
        label,
        read,
        write,
        request.base,
        request.value,
        text=True,
        show=request.show,
        parse=request.parse,
    )
    return changing(change, (key,), key, (change.old, change.new))
