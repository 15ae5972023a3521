"""The plan list model: lazy paging, masked identity numbers, protected-identity marker."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt

from sip_desk.domain.enums import PlanStatus, PrincipalType
from sip_desk.domain.errors import StoreError
from sip_desk.domain.identity import make_identity
from sip_desk.domain.plan import PlanSummary
from sip_desk.domain.plan_list import PlanCursor, PlanPage, PlanPageQuery
from sip_desk.services.registry import Services
from sip_desk.ui.item_models.plan_table_model import Column, PlanTableModel
from sip_desk.ui.item_models.row_table_model import RowRole, SortRole
from tests.builders import person_data

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def summary(plan_id: int, **overrides: object) -> PlanSummary:
    values: dict[str, object] = {
        "id": plan_id,
        "person_name": f"Testa Person{plan_id}",
        "identity_number": make_identity(date(1984, 3, 12), plan_id),
        "reserve_id": None,
        "protected_identity": False,
        "status": PlanStatus.DRAFT,
        "lead_principal": PrincipalType.KOMMUN,
        "lead_organisation": "Socialtjänsten Testkommun",
        "coordinator_name": "Kim Handläggare",
        "next_follow_up_at": None,
        "updated_at": NOW,
    }
    values.update(overrides)
    return PlanSummary(**values)  # type: ignore[arg-type]


class FakePlans:
    """A list-backed ``services.plan_list`` in list order: records the queries the model makes."""

    def __init__(self, rows: list[PlanSummary]) -> None:
        self.rows = rows
        self.queries: list[PlanPageQuery] = []
        self.fail: StoreError | None = None

    def _match(self, query: PlanPageQuery) -> list[PlanSummary]:
        if self.fail is not None:
            raise self.fail
        return [r for r in self.rows if query.text.lower() in r.person_name.lower()]

    def plan_page(self, query: PlanPageQuery) -> PlanPage:
        self.queries.append(query)
        rows = self._match(query)
        ids = [r.id for r in rows]
        if query.backwards:
            end = ids.index(query.after.plan_id) if query.after else len(rows)
            rows = rows[max(0, end - query.limit) : end]
        else:
            start = ids.index(query.after.plan_id) + 1 if query.after else 0
            rows = rows[start : start + query.limit]
        return PlanPage(rows, [PlanCursor(0, (), r.id) for r in rows])

    def count_plans(self, query: PlanPageQuery) -> int:
        return len(self._match(query))


def test_plan_table_model_passes_qt_model_tester(qtmodeltester, sqlite_services: Services) -> None:
    for name in ("Åsa", "Ђорђе", "محمد"):
        sqlite_services.plans.create_plan(person_data(first_name=name))
    model = PlanTableModel(page_size=2)
    model.set_source(sqlite_services.plan_list)

    qtmodeltester.check(model)

    # The tester itself fetches the remaining page.
    assert model.rowCount() == 3
    assert not model.canFetchMore(QModelIndex())


def test_plan_table_model_loads_one_page_then_fetches_more_on_demand() -> None:
    source = FakePlans([summary(i) for i in range(1, 451)])
    model = PlanTableModel(page_size=200)

    model.set_source(source)

    assert model.rowCount() == 200
    assert model.total == 450
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    # Each page is asked for after the last row shown, never by offset.
    assert [q.after.plan_id if q.after else None for q in source.queries] == [None, 200, 400]
    assert all(q.limit == 200 for q in source.queries)


def test_plan_table_model_stops_fetching_when_the_store_shrank() -> None:
    source = FakePlans([summary(i) for i in range(1, 11)])
    model = PlanTableModel(page_size=4)
    model.set_source(source)
    del source.rows[5:]

    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())

    assert model.rowCount() == 5
    assert not model.canFetchMore(QModelIndex())


def test_plan_table_model_masks_identity_numbers() -> None:
    model = PlanTableModel()
    model.set_source(FakePlans([summary(1, identity_number="19840312-1235")]))

    shown = model.index(0, Column.IDENTITY).data()

    assert shown == "19840312-****"


def test_plan_table_model_shows_reserve_id_when_there_is_no_identity_number() -> None:
    model = PlanTableModel()
    model.set_source(FakePlans([summary(1, identity_number=None, reserve_id="R2026-000001")]))

    assert model.index(0, Column.IDENTITY).data() == "R2026-000001"


def test_plan_table_model_marks_protected_identity_with_text_and_icon() -> None:
    model = PlanTableModel()
    model.set_source(FakePlans([summary(1, protected_identity=True), summary(2)]))
    protected, ordinary = model.index(0, Column.PERSON), model.index(1, Column.PERSON)

    assert "(protected)" in model.index(0, Column.IDENTITY).data()
    assert not protected.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "Protected identity" in protected.data(Qt.ItemDataRole.ToolTipRole)
    assert "Protected identity" in protected.data(Qt.ItemDataRole.AccessibleTextRole)
    assert ordinary.data(Qt.ItemDataRole.DecorationRole) is None
    assert "(protected)" not in model.index(1, Column.IDENTITY).data()


def test_plan_table_model_shows_next_follow_up_in_swedish_local_time() -> None:
    summer = datetime(2027, 6, 1, 7, 30, tzinfo=UTC)
    model = PlanTableModel()
    model.set_source(
        FakePlans([summary(1, next_follow_up_at=NOW), summary(2, next_follow_up_at=summer)])
    )

    assert model.index(0, Column.NEXT_FOLLOW_UP).data() == "2026-11-23 10:00"
    assert model.index(1, Column.NEXT_FOLLOW_UP).data() == "2027-06-01 09:30"


def test_plan_table_model_gives_the_row_dto_and_raw_sort_values() -> None:
    row = summary(7, person_name="Åsa Öberg", status=PlanStatus.ACTIVE)
    model = PlanTableModel()
    model.set_source(FakePlans([row]))

    assert model.index(0, Column.STATUS).data(RowRole) == row
    assert model.index(0, Column.PERSON).data(SortRole) == "åsa öberg"
    assert model.index(0, Column.STATUS).data(SortRole) == "active"


def test_plan_table_model_shows_lead_organisation_with_principal_type() -> None:
    model = PlanTableModel()
    model.set_source(
        FakePlans(
            [summary(1, lead_principal=PrincipalType.REGION, lead_organisation="Psykiatrin Norr")]
        )
    )

    assert model.index(0, Column.LEAD).data() == "Psykiatrin Norr (Region)"


def test_plan_table_model_keeps_running_when_the_store_fails() -> None:
    source = FakePlans([summary(i) for i in range(1, 6)])
    model = PlanTableModel(page_size=2)
    model.set_source(source)
    source.fail = StoreError("store.locked")

    model.fetchMore(QModelIndex())

    assert model.rowCount() == 2
    assert model.last_error is source.fail
    assert not model.canFetchMore(QModelIndex())


@pytest.mark.parametrize(
    ("text", "status", "expected"),
    [
        ("Öberg", None, ["Åsa Öberg"]),
        ("19900101", None, ["Bo Ek"]),
        ("", PlanStatus.ACTIVE, ["Bo Ek"]),
    ],
)
def test_plan_table_model_filters_in_the_store(
    sqlite_services: Services, text: str, status: PlanStatus | None, expected: list[str]
) -> None:
    plans = sqlite_services.plans
    plans.create_plan(person_data(first_name="Åsa", last_name="Öberg"))
    bo = plans.create_plan(
        person_data(
            first_name="Bo", last_name="Ek", identity_number=make_identity(date(1990, 1, 1), 123)
        )
    )
    plans.activate(bo.id, bo.version)
    model = PlanTableModel()
    model.set_source(sqlite_services.plan_list)

    model.set_filter(text, status)

    names = [model.index(r, Column.PERSON).data() for r in range(model.rowCount())]
    assert names == expected
    assert model.total == len(expected)


def test_plan_table_model_reload_keeps_the_rows_already_loaded() -> None:
    source = FakePlans([summary(i) for i in range(1, 11)])
    model = PlanTableModel(page_size=3)
    model.set_source(source)
    model.fetchMore(QModelIndex())
    source.rows[0] = replace(source.rows[0], person_name="Ändrad Person")

    model.reload(keep_loaded=True)

    assert model.rowCount() == 6
    assert model.index(0, Column.PERSON).data() == "Ändrad Person"


def test_plan_table_model_shows_the_last_page_then_prepends_the_ones_before() -> None:
    source = FakePlans([summary(i) for i in range(1, 11)])
    model = PlanTableModel(page_size=4)
    model.set_source(source)

    model.load_last()

    assert _ids(model) == [7, 8, 9, 10]
    assert model.more_before and not model.canFetchMore(QModelIndex())
    assert model.fetch_before() == 4
    assert model.fetch_before() == 2
    assert _ids(model) == list(range(1, 11))
    assert not model.more_before


def _ids(model: PlanTableModel) -> list[int]:
    return [row.id for r in range(model.rowCount()) if (row := model.row_at(r)) is not None]
