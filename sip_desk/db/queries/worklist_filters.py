"""How a worklist filter becomes WHERE clauses, the same for every branch of the worklist.

The filters a coordinator sets (plan status, lead principal, organisation, coordinator and
responsible person) narrow each branch of :mod:`sip_desk.db.queries.worklist_branches` in one
way: :func:`plan_filters` adds the plan-level ones, :func:`responsible_ids` finds the people a
typed name means, and :func:`name_matches` compares names ignoring case in all of Unicode
(``sip_fold`` on SQLite, ``lower`` elsewhere). :func:`status_is` keeps a status test from
steering SQLite onto the due-order index when a chosen person makes the rows few.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, String, select, type_coerce
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import aliased
from sqlalchemy.sql.functions import FunctionElement

from sip_desk.db.models import Organisation, Participant, Plan
from sip_desk.domain.enums import PlanStatus
from sip_desk.domain.worklist import WorklistFilter

# Built once: making an alias per query cost more than running the query on a small store.
_COORDINATOR_FILTER = aliased(Participant, name="coordinator_f")


def plan_filters(
    stmt: Select[Any], f: WorklistFilter, org_col: Any, plan_col: Any = Plan.id
) -> Select[Any]:
    """Filters every branch shares: plan status, lead principal, organisation, coordinator."""
    if f.plan_status is not None:
        stmt = stmt.where(Plan.status == f.plan_status)
    else:
        stmt = stmt.where(Plan.status != PlanStatus.CLOSED)
    if f.lead_principal is not None:
        stmt = stmt.where(Plan.lead_principal == f.lead_principal)
    if f.organisation.strip():
        ids = select(Organisation.id).where(Organisation.name == f.organisation.strip())
        stmt = stmt.where(org_col.in_(ids))
    if f.coordinator.strip():
        # IN on the row's own plan_id (not EXISTS): a coordinator has few plans, so the planner
        # starts from them and the row's plan_id index instead of walking every row in due order.
        c = _COORDINATOR_FILTER
        named = name_matches(c.name, f.coordinator)
        plans = select(c.plan_id).where(c.is_coordinator.is_(True), named)
        stmt = stmt.where(plan_col.in_(plans))
    return stmt


def status_is(col: Any, value: Any, few_rows: bool) -> Any:
    """``col == value``; unusable by an index when ``few_rows`` (a person is chosen).

    The status leads the due-order index; without statistics SQLite would walk that index
    through every row in the window, where a coordinator's plans or a responsible person's
    actions are a few rows reached through their own index.
    """
    if few_rows:
        return type_coerce(col, String()).concat("") == str(value.value)
    return col == value


class _Fold(FunctionElement[str]):
    """Unicode lower case: ``sip_fold`` on SQLite (its ``lower`` folds ASCII only)."""

    type = String()
    inherit_cache = True
    name = "fold"


@compiles(_Fold)
def _fold_default(element: _Fold, compiler: Any, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(_Fold, "sqlite")
def _fold_sqlite(element: _Fold, compiler: Any, **kw: Any) -> str:
    return f"sip_fold({compiler.process(element.clauses, **kw)})"


def name_matches(col: Any, text: str) -> Any:
    """``col`` holds ``text`` anywhere, ignoring case ("lind" finds "Ulla Lind")."""
    cleaned = text.strip().replace("%", "").replace("_", "").lower()
    return _Fold(col).like(f"%{cleaned}%")


def responsible_ids(f: WorklistFilter) -> Any:
    """The participants whose name holds the filter's responsible person."""
    return select(Participant.id).where(name_matches(Participant.name, f.responsible))
