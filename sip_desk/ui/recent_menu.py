"""The recently opened plans in the File menu: the person and masked identity, keys 1–9."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

from sip_desk.domain.errors import DomainError, NotFoundError
from sip_desk.ui.settings import AppSettings

if TYPE_CHECKING:  # the services (and SQLAlchemy) load after the window is painted
    from sip_desk.services.registry import Services

log = logging.getLogger(__name__)


def fill_recent_menu(
    menu: QMenu, services: Services, settings: AppSettings, open_plan: Callable[[int], None]
) -> None:
    """Fill ``menu`` with the recent plans still in the store (a deleted one is forgotten)."""
    menu.clear()
    for plan_id in settings.recent_plans():
        number = len(menu.actions()) + 1  # "&1 …" to "&9 …": Alt-free keys in the open menu
        try:
            person = services.plans.get_plan(plan_id).person
        except NotFoundError:
            settings.forget_recent_plan(plan_id)
            continue
        except DomainError:
            log.warning("recent plan %s could not be read", plan_id)
            continue
        text = f"{person.full_name}  {person.masked_identity}".strip()
        shown = text.replace("&", "&&")
        action = menu.addAction(f"&{number} {shown}" if number < 10 else shown)
        action.triggered.connect(lambda _=False, p=plan_id: open_plan(p))
