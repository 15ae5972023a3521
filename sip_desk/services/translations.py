"""Saving the translation of one of the person's own texts, made at the meeting."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from sip_desk.db.translation_write import write_translation
from sip_desk.domain.enums import AuditAction
from sip_desk.domain.plan import PlanDetail
from sip_desk.domain.translation import TranslationDto, translation_text
from sip_desk.domain.translation_rules import check_translation
from sip_desk.services.audit import AuditLog
from sip_desk.services.context import ServiceContext
from sip_desk.services.unit_of_work import Saved, touched


class TranslationService:
    """Translations of the person's page. Every method is one transaction."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def save(self, plan: PlanDetail, translation: TranslationDto) -> Saved:
        """Store ``translation`` for ``plan`` as the caller holds it (its version is checked).

        An empty (or blank) text removes the translation: the Swedish text is printed again.
        Returns the caller's plan brought up to date, without reading the plan again.
        """
        blank = not translation.text.strip()
        t = dataclasses.replace(translation, text="") if blank else translation
        check_translation(t.language, t.field, t.item_id, t.text)
        old = translation_text(plan, t.language, t.field, t.item_id)
        if old == t.text:
            return Saved(plan)
        ctx = self._ctx

        def work(session: Session) -> Saved:
            now = ctx.clock.now()
            log = AuditLog(session, ctx.user, now, plan.id, plan.person.id)
            name = f"{t.language}.{t.field}"
            entity_id = plan.id if t.item_id is None else t.item_id
            row = log.row(AuditAction.UPDATE, "translation", entity_id, name, old, t.text)
            written = write_translation(
                session.connection(),
                plan_id=plan.id,
                expected_version=plan.version,
                now=now,
                translation=t,
                audit_row=row,
            )
            kept = tuple(x for x in plan.translations if x.key != t.key)
            stored = tuple(sorted((*kept, t) if t.text else kept, key=lambda x: x.key))
            return Saved(touched(dataclasses.replace(plan, translations=stored), written))

        return ctx.db.transaction(work)
