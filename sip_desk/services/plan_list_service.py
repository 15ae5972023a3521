"""The plan list alone: plain SQL on a plain connection, so no ORM is needed to show it.

At start-up the window shows this list before the rest of the services (and SQLAlchemy's ORM
with the models, ~0.15 s of imports) are loaded.
"""

from __future__ import annotations

from sip_desk.db.queries import plan_list, plan_page
from sip_desk.domain.access import AccessKind, AccessRead
from sip_desk.domain.plan import PlanQuery, PlanSummary
from sip_desk.domain.plan_list import PlanPage, PlanPageQuery
from sip_desk.services.audit import log_reads
from sip_desk.services.context import ServiceContext


class PlanListService:
    """Pages of the plan list and their count. Read-only."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def list_plans(self, query: PlanQuery | None = None) -> list[PlanSummary]:
        """One page of the plan list, most recently changed first."""
        query = query or PlanQuery()
        with self._ctx.db.read_connection() as conn:
            rows = plan_list.list_plans(conn, query, self._ctx.clock.now())
        self._log_shown(rows, query.text)
        return rows

    def plan_page(self, query: PlanPageQuery) -> PlanPage:
        """One page in the query's order, after (or before) the row its cursor names."""
        with self._ctx.db.read_connection() as conn:
            page = plan_page.plan_page(conn, query, self._ctx.clock.now())
        self._log_shown(page.rows, query.text)
        return page

    def count_plans(self, query: PlanQuery | PlanPageQuery | None = None) -> int:
        """How many plans match ``query`` (paging ignored)."""
        with self._ctx.db.read_connection() as conn:
            return plan_list.count_plans(conn, query or PlanQuery())

    def _log_shown(self, rows: list[PlanSummary], search: str) -> None:
        """Log each person on the page (a search's hits as such; see ``services.audit``)."""
        kind = AccessKind.SEARCH if search.strip() else AccessKind.LIST
        log_reads(self._ctx, [AccessRead(kind=kind, plan_id=r.id, person_id=None) for r in rows])
