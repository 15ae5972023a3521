"""The account's display details and first-run flag: kept per account, never the identity."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest

from sip_desk.domain.account import AccountDetails
from sip_desk.domain.enums import PrincipalType
from sip_desk.domain.errors import ValidationErrors
from sip_desk.services.context import ServiceContext
from sip_desk.services.registry import Services
from tests.builders import person_data
from tests.conftest import _truncate
from tests.db.pg_roles import Cast, make_cast, require_pg

ANNA = AccountDetails(
    name="Anna  Lind",
    role="Socialsekreterare",
    unit="Barn och unga",
    organisation="Solby kommun",
    principal=PrincipalType.KOMMUN,
)


def _as(services: Services, account: str) -> Services:
    user = dataclasses.replace(services.ctx.user, user=account)
    ctx = services.ctx
    return Services(ServiceContext(db=ctx.db, user=user, clock=ctx.clock, key_path=ctx.key_path))


def test_account_details_are_kept_for_the_acting_account_only(services: Services) -> None:
    other = _as(services, "bo.other")

    stored = services.accounts.save_details(ANNA)

    assert stored.name == "Anna Lind"  # spaces tidied
    assert services.accounts.details() == stored
    assert other.accounts.details() == AccountDetails()
    assert services.accounts.display_names() == {
        services.accounts.account: "Anna Lind, Barn och unga, Solby kommun"
    }


def test_welcome_done_is_per_account_and_keeps_the_details(services: Services) -> None:
    services.accounts.save_details(ANNA)
    other = _as(services, "bo.other")

    services.accounts.mark_welcome_done()

    assert services.accounts.welcome_done()
    assert not other.accounts.welcome_done()
    assert services.accounts.details().organisation == "Solby kommun"


def test_the_audit_user_stays_the_account_after_details_are_given(services: Services) -> None:
    services.accounts.save_details(ANNA)

    plan = services.plans.create_plan(person_data(first_name="Ella"))

    entries = services.audit.entries(plan_id=plan.id)
    assert {e.user for e in entries} == {services.ctx.user.user}


def test_a_new_plan_starts_with_the_caseworkers_own_row(services: Services) -> None:
    services.accounts.save_details(ANNA)

    plan = services.plans.create_plan(person_data(first_name="Ella"))

    (own,) = plan.participants
    assert (own.name, own.role, own.organisation, own.unit, own.principal) == (
        "Anna Lind",
        "Socialsekreterare",
        "Solby kommun",
        "Barn och unga",
        PrincipalType.KOMMUN,
    )


def test_a_new_plan_has_no_participant_when_no_name_was_given(services: Services) -> None:
    plan = services.plans.create_plan(person_data(first_name="Ella"))

    assert plan.participants == ()


def test_too_long_account_details_are_refused_with_the_field(services: Services) -> None:
    with pytest.raises(ValidationErrors) as raised:
        services.accounts.save_details(AccountDetails(name="A" * 201))

    assert [e.field for e in raised.value.errors] == ["participant.name"]
    assert "200" in raised.value.message("sv")
    assert services.accounts.details() == AccountDetails()


def test_a_very_long_account_name_still_gets_its_details(services: Services) -> None:
    long = _as(services, "x" * 120)

    long.accounts.save_details(ANNA)

    assert long.accounts.details().name == "Anna Lind"
    assert long.accounts.display_names() == {"x" * 120: "Anna Lind, Barn och unga, Solby kommun"}


def test_the_store_place_names_the_file_and_its_backups(sqlite_services: Services) -> None:
    place = sqlite_services.accounts.store_place()

    assert place.path.endswith(".sqlite")
    assert place.backups.endswith("backups")
    assert (place.keep_daily, place.keep_weekly) == (7, 4)
    assert place.server == ""


@pytest.fixture
def cast(_pg_database, tmp_path_factory) -> Iterator[Cast]:
    owner = require_pg(_pg_database)
    _truncate(owner)
    yield from make_cast(owner, tmp_path_factory.mktemp("roles"))


@pytest.mark.postgres
def test_on_postgresql_the_details_belong_to_the_database_role(cast: Cast) -> None:
    a, b = cast.services("a"), cast.services("b")

    a.accounts.save_details(ANNA)
    plan = a.plans.create_plan(person_data(first_name="Ella"))

    assert a.accounts.account == cast.roles["a"]
    assert b.accounts.details() == AccountDetails()
    assert b.accounts.display_names() == {cast.roles["a"]: "Anna Lind, Barn och unga, Solby kommun"}
    assert [p.name for p in a.plans.open_plan(plan.id).participants] == ["Anna Lind"]
    assert {e.user for e in a.audit.entries(plan_id=plan.id)} == {cast.roles["a"]}


def test_the_store_place_of_a_server_names_it_without_the_password(services: Services) -> None:
    if services.ctx.db.is_sqlite:
        pytest.skip("a database server only")
    url = services.ctx.db.engine.url

    place = services.accounts.store_place()

    assert (place.path, place.backups) == ("", "")
    assert url.password
    where = f"{url.username}@{url.host}:{url.port}/{url.database}"
    assert place.server == f"{url.drivername}://{where}"
