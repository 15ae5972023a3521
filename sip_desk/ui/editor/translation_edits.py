"""The undoable edit of one translation made at the meeting (``domain.translation``)."""

from __future__ import annotations

import dataclasses

from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.translation import ROW_TEXTS, TranslationDto, translation_text
from sip_desk.services.unit_of_work import Saved
from sip_desk.ui.editor.conflicts import GONE, FieldChange, FieldSave, Op
from sip_desk.ui.editor.edit_command import Edit
from sip_desk.ui.editor.edits import changing
from sip_desk.ui.editor.session import PlanSession


def translation_key(language: str, field: str, item_id: int | None) -> str:
    """The input's key: ``translation.ar.what_matters``, ``translation.ar.goal.12``."""
    return ".".join(["translation", language, field, *([str(item_id)] if item_id else [])])


def set_translation(
    session: PlanSession,
    target: TranslationDto,
    label: str,
    request: FieldSave,
) -> Edit:
    """Store ``request.value`` as the translation ``target`` names (its text is ignored).

    Undo and redo write the same language and text, whatever the print language is by then.
    """
    service = session.services.translations
    key = translation_key(target.language, target.field, target.item_id)

    def read(plan: PlanDetail) -> object:
        if target.field in ROW_TEXTS:
            rows = plan.goals if target.field == "goal" else plan.actions
            if all(r.id != target.item_id for r in rows):
                return GONE
        return translation_text(plan, target.language, target.field, target.item_id)

    def write(value: object) -> Op:
        def op(plan: PlanDetail) -> Saved:
            text = "" if value is None else str(value)
            return service.save(plan, dataclasses.replace(target, text=text))

        return op

    change = FieldChange(
        key,
        label,
        read,
        write,
        request.base,
        request.value,
        text=True,
        multiline=True,
        show=request.show,
        parse=request.parse,
    )
    return changing(change, (key,), key, (change.old, change.new))
