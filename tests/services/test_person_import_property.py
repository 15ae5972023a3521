"""Whatever person a file carries, an import never rewrites a stored person unasked.

Each example imports the plan of a demo person (protected, or of a signed plan) with a generated
person of the same identity number, with or without ``update_person``. Afterwards the stored
person is unchanged (unasked), protection is never off, a protected address never changes, and
the person's other plans are as they were. ``SIP_DESK_PERSON_FUZZ_EXAMPLES`` sets the number of
examples (default 40) for a longer run by hand.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sip_desk.domain.enums import RepresentativeKind
from sip_desk.domain.plan import PlanDetail
from sip_desk.services.registry import Services
from tests.person_helpers import DemoPeople, file_with_person, load_demo

EXAMPLES = int(os.environ.get("SIP_DESK_PERSON_FUZZ_EXAMPLES", "40"))

_names = st.text(alphabet="abcdefgåäöABCÅÄÖ -'", min_size=1, max_size=20).filter(str.strip)
_representative = st.fixed_dictionaries(
    {
        "kind": st.sampled_from([k.value for k in RepresentativeKind]),
        "name": _names,
        "phone": st.sampled_from(["", "070-123 45 67"]),
        "email": st.sampled_from(["", "foralder@example.invalid"]),
    }
)
_person = st.fixed_dictionaries(
    {
        "first_name": _names,
        "last_name": _names,
        "phone": st.sampled_from(["", "070-000 00 00", "08-123 456"]),
        "email": st.sampled_from(["", "person@example.invalid"]),
        "preferred_language": st.sampled_from(["sv", "en", "ar", "so"]),
        "interpreter_needed": st.booleans(),
        "interpreter_language": st.sampled_from(["", "ar", "ti"]),
        "protected_identity": st.booleans(),
        "representatives": st.lists(_representative, max_size=2),
    },
    optional={"address": st.sampled_from(["", "Falska vägen 13", "Lönnvägen 9"])},
)


@pytest.fixture
def people(sqlite_services: Services) -> DemoPeople:
    return load_demo(sqlite_services)


def _without_person(plan: PlanDetail) -> PlanDetail:
    return dataclasses.replace(plan, person=None)  # type: ignore[arg-type]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(person=_person, protected_case=st.booleans(), update=st.booleans())
def test_import_never_rewrites_a_stored_person_unasked(
    sqlite_services: Services,
    people: DemoPeople,
    person: dict[str, Any],
    protected_case: bool,
    update: bool,
) -> None:
    services = sqlite_services
    plan = people.protected if protected_case else people.signed
    before = services.plans.get_plan(plan.id)
    text = file_with_person(services, plan.id, **{"address": None, **person})

    result = services.transfer.import_with_report(text, update_person=update, as_new=True)

    after = services.plans.get_plan(plan.id)
    stored, was = after.person, before.person
    protected = was.protected_identity or person["protected_identity"]
    assert stored.protected_identity is protected  # never switched off; on when the file says
    assert result.plan.person == stored and result.person.known is not None
    if protected:
        assert stored.address == was.address
    if not update:
        assert stored == dataclasses.replace(was, protected_identity=protected)
    assert _without_person(after) == _without_person(before)  # the other plan itself
