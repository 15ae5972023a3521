from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sip_desk.domain.errors import ValidationError
from sip_desk.domain.identity import make_identity, mask_identity, parse_identity

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    "typed", ["19840312-1232", "198403121232", "840312-1232", "8403121232", " 19840312 1232 "]
)
def test_identity_accepts_the_usual_ways_of_writing_it(typed: str) -> None:
    assert parse_identity(typed, TODAY).value == "19840312-1232"


def test_identity_accepts_a_coordination_number() -> None:
    number = make_identity(date(1990, 5, 4), 123, coordination=True)

    parsed = parse_identity(number, TODAY)

    assert parsed.is_coordination_number
    assert parsed.birth_date == date(1990, 5, 4)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("19840312-1233", "validation.identity_checksum"),
        ("19841332-1234", "validation.identity_date"),
        ("abc", "validation.identity_format"),
        ("1984-03-12", "validation.identity_format"),
        ("20990101-0000", "validation.identity_format"),
    ],
)
def test_identity_rejects_bad_numbers_with_a_specific_message(typed: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_identity(typed, TODAY)

    assert info.value.code == code
    assert info.value.field == "person.identity_number"


def test_identity_rejects_a_birth_date_in_the_future() -> None:
    number = make_identity(date(2027, 1, 5), 456)

    with pytest.raises(ValidationError) as info:
        parse_identity(number, TODAY)

    assert info.value.code == "validation.identity_future"


@given(
    born=st.dates(min_value=date(1910, 1, 1), max_value=TODAY),
    serial=st.integers(min_value=1, max_value=999),
    coordination=st.booleans(),
)
def test_identity_made_numbers_are_always_valid(
    born: date, serial: int, coordination: bool
) -> None:
    number = make_identity(born, serial, coordination)

    assert parse_identity(number, TODAY).birth_date == born


@given(serial=st.integers(min_value=1, max_value=999), position=st.sampled_from([9, 10, 11, 12]))
def test_identity_catches_any_single_changed_digit(serial: int, position: int) -> None:
    number = make_identity(date(1984, 3, 12), serial)
    digit = int(number[position])
    changed = number[:position] + str((digit + 1) % 10) + number[position + 1 :]

    with pytest.raises(ValidationError):
        parse_identity(changed, TODAY)


def test_identity_mask_hides_the_last_four_digits() -> None:
    assert mask_identity("19840312-1232") == "19840312-****"
    assert mask_identity(None) == ""
