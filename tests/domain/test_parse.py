"""Ids, booleans and clock times from clients: for anything at all, a value
that keeps the rule, or Invalid, never another exception."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.properties import PROPERTIES, any_text, anything, outcome
from workshop.domain.errors import Invalid
from workshop.domain.parse import ID_MAX, optional_id, parse_bool, parse_clock, parse_id

CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


ids = anything | st.integers(min_value=ID_MAX - 3, max_value=ID_MAX + 3) | st.integers(-3, 3)


@PROPERTIES
@given(ids)
def test_parse_id_is_a_positive_int_below_2_to_the_63(value):
    got = outcome(parse_id, value, "topic")
    valid = type(value) is int and 1 <= value <= ID_MAX
    assert got == (value if valid else Invalid)


@PROPERTIES
@given(st.none() | ids)
def test_optional_id_is_none_or_an_id(value):
    got = outcome(optional_id, value, "space")
    assert got == (None if value is None else outcome(parse_id, value, "space"))


@PROPERTIES
@given(anything)
def test_parse_bool_takes_only_true_and_false(value):
    got = outcome(parse_bool, value, "hidden")
    assert got is value if isinstance(value, bool) else got is Invalid


@PROPERTIES
@given(anything | any_text | st.from_regex(CLOCK, fullmatch=True))
def test_parse_clock_is_hh_mm(value):
    got = outcome(parse_clock, value, "starts_at")
    if got is not Invalid:
        assert CLOCK.fullmatch(got) and got == value.strip()


@PROPERTIES
@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["", " ", "\t", "\n", " \u3000"]))
def test_every_time_of_day_is_read(hour, minute, space):
    assert parse_clock(f"{space}{hour:02d}:{minute:02d}{space}", "starts_at") == f"{hour:02d}:{minute:02d}"


@pytest.mark.parametrize(
    "value", ["9:00", "24:00", "12:60", "\u0661\u0662:00", "12:00:00", "12.00", 1200, None]
)
def test_clock_examples_refused(value):
    with pytest.raises(Invalid):
        parse_clock(value, "starts_at")
