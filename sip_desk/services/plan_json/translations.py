"""The ``translations`` of an import file: checked, refs resolved to list positions, and stored."""

from __future__ import annotations

from typing import Any

from sip_desk.db.models import Action, Goal, Translation
from sip_desk.domain.errors import DomainError, ValidationError, ValidationErrors
from sip_desk.domain.translation import ACTION, GOAL, ROW_TEXTS, TranslationDto
from sip_desk.domain.translation_rules import check_translation
from sip_desk.services.plan_json.model import LocatedError


def read_translations(
    raw: list[dict[str, Any]], index: dict[str, dict[str, int]], errors: list[ValidationError]
) -> tuple[TranslationDto, ...]:
    """The schema-checked ``raw`` items as translations; located errors go to ``errors``.

    ``index`` maps each list (``goals``, ``actions``) to its refs' positions: a goal's or an
    action's translation gets its position as ``item_id`` (``.write`` makes it a database id).
    """
    out: dict[tuple[str, str, int], TranslationDto] = {}
    for i, item in enumerate(raw):
        where = f"$.plan.translations[{i}]"
        field, ref = item["field"], item.get("ref")
        position = None
        if field in ROW_TEXTS:
            position = index[f"{field}s"].get(ref or "")
            if position is None:
                errors.append(_at(f"{where}.ref", "validation.unknown_reference", value=ref))
                continue
        t = TranslationDto(
            language=item["language"], field=field, item_id=position, text=item["text"]
        )
        try:
            check_translation(t.language, t.field, t.item_id, t.text)
        except ValidationErrors as error:
            errors += [LocatedError(f"{where}.text", e) for e in error.errors]
            continue
        except DomainError as error:
            errors.append(_at(f"{where}.language", error.code, **error.params))
            continue
        if t.key in out:
            errors.append(_at(where, "import.duplicate_translation"))
        out[t.key] = t
    return tuple(out[k] for k in sorted(out) if out[k].text.strip())


def _at(where: str, code: str, **params: object) -> LocatedError:
    return LocatedError(where, ValidationError("translation", code, **params))


def translation_rows(
    plan_id: int, translations: tuple[TranslationDto, ...], goals: list[Goal], actions: list[Action]
) -> list[Translation]:
    """The rows to store for ``translations`` read by :func:`read_translations`."""
    rows: list[Translation] = []
    for t in translations:
        goal = goals[t.item_id].id if t.field == GOAL and t.item_id is not None else None
        action = actions[t.item_id].id if t.field == ACTION and t.item_id is not None else None
        rows.append(
            Translation(
                plan_id=plan_id,
                language=t.language,
                field=t.field,
                goal_id=goal,
                action_id=action,
                text=t.text,
            )
        )
    return rows
