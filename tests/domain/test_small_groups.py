"""Small groups protected: the pure rule and the setting's parser."""

import pytest

from workshop.domain.errors import Invalid
from workshop.domain.small_groups import MIN_GROUP_DEFAULT, is_protected, parse_min_group


@pytest.mark.parametrize(
    "count, min_group, protected",
    [
        (2, 3, True),  # min_group - 1: one label would point at two people
        (3, 3, False),  # min_group itself: labelled
        (0, 1, True),
        (1, 1, False),  # 1: every region labelled
        (9, 10, True),
        (10, 10, False),
    ],
)
def test_protected_below_min_group_only(count, min_group, protected):
    assert is_protected(count, min_group) is protected


def test_the_default_is_three():
    assert MIN_GROUP_DEFAULT == 3


@pytest.mark.parametrize("value", [1, 3, 10])
def test_min_group_from_one_to_ten(value):
    assert parse_min_group(value) == value


@pytest.mark.parametrize("value", [0, 11, -1, "3", 3.0, True, None, [3]])
def test_other_min_groups_are_refused(value):
    with pytest.raises(Invalid, match="min_group"):
        parse_min_group(value)
