import pytest

from workshop.domain.errors import Conflict, Invalid
from workshop.domain.minutes import MAX_MINUTES, StaleMinutes, check_version, prefilled, validate_minutes


def test_valid_body():
    assert validate_minutes({"text": "  Övervikt åt håller med.  ", "version": 3}) == (
        "Övervikt åt håller med.",
        3,
    )
    assert validate_minutes({"text": "", "version": 1}) == ("", 1)  # cleared minutes are minutes too


@pytest.mark.parametrize(
    "body",
    [{}, {"text": "x"}, {"version": 0}, {"text": 1, "version": 0}, {"text": "x", "version": None},
     {"text": "x", "version": False}, {"text": "x", "version": -1}, {"text": "x" * (MAX_MINUTES + 1), "version": 0},
     {"text": "\ud800", "version": 0}],
)  # fmt: skip
def test_bad_bodies(body):
    with pytest.raises(Invalid):
        validate_minutes(body)


def test_the_version_seen_must_be_the_current_one():
    current = {"text": "Mitt", "version": 2, "updated_at": "t"}
    assert check_version(current, 2) == 3
    with pytest.raises(StaleMinutes) as stale:
        check_version(current, 1)
    assert isinstance(stale.value, Conflict) and stale.value.status == 409
    assert stale.value.details() == {"conflict": True, "current": current}


def test_prefilled_is_version_zero():
    assert prefilled("Lätt övervikt åt håller med") == {
        "text": "Lätt övervikt åt håller med", "version": 0, "updated_at": None, "versions": 0, "prefilled": True,
    }  # fmt: skip
