"""Shifting the later slots (issue 20, item 7): the pure rule."""

from __future__ import annotations

import pytest

from workshop.domain.errors import Conflict, Invalid, NotFound
from workshop.openspace import domain as rules

SLOTS = [
    {"id": 1, "label": "Pass 1", "starts_at": "13:00", "minutes": 45},
    {"id": 2, "label": "Fika", "starts_at": "13:45", "minutes": 20},
    {"id": 3, "label": "Pass 2", "starts_at": "14:05", "minutes": 45},
    {"id": 4, "label": "Pass 3", "starts_at": "15:00", "minutes": 45},
]


def test_a_slot_and_every_later_one_move_by_the_minutes():
    assert rules.shift_slots(SLOTS, 2, 15) == {2: "14:00", 3: "14:20", 4: "15:15"}
    assert rules.shift_slots(SLOTS, 1, 90) == {1: "14:30", 2: "15:15", 3: "15:35", 4: "16:30"}


def test_slots_at_the_same_time_move_together():
    twins = [*SLOTS, {"id": 5, "label": "Pass 2b", "starts_at": "14:05", "minutes": 30}]
    assert rules.shift_slots(twins, 5, 10) == {3: "14:15", 4: "15:10", 5: "14:15"}


def test_moving_earlier_is_allowed_until_it_meets_the_slot_before():
    assert rules.shift_slots(SLOTS, 4, -10) == {4: "14:50"}
    with pytest.raises(Conflict):
        rules.shift_slots(SLOTS, 4, -11)  # would start 14:49, Pass 2 ends 14:50
    assert rules.shift_slots(SLOTS, 1, -60) == {1: "12:00", 2: "12:45", 3: "13:05", 4: "14:00"}


def test_a_slot_never_leaves_the_day():
    with pytest.raises(Invalid):
        rules.shift_slots(SLOTS, 1, -781)  # 13:00 - 13 h 01 min
    with pytest.raises(Invalid):
        rules.shift_slots(SLOTS, 3, 8 * 60 + 16)  # Pass 3 would end 00:01
    assert rules.shift_slots(SLOTS, 4, 8 * 60 + 15) == {4: "23:15"}


def test_an_unknown_slot_is_not_found():
    with pytest.raises(NotFound):
        rules.shift_slots(SLOTS, 99, 5)


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"minutes": 0},
        {"minutes": "15"},
        {"minutes": 1.5},
        {"minutes": True},
        {"minutes": 601},
        {"minutes": -601},
    ],
)
def test_the_minutes_are_a_whole_number_within_ten_hours_and_not_zero(body):
    with pytest.raises(Invalid):
        rules.validate_shift(body)


def test_valid_minutes():
    assert rules.validate_shift({"minutes": -600}) == -600
    assert rules.validate_shift({"minutes": 15}) == 15
