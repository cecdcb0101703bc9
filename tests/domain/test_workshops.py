import pytest

from workshop.domain import workshops
from workshop.domain.errors import Invalid


def test_join_codes_are_six_digits():
    codes = {workshops.new_join_code() for _ in range(50)}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(codes) > 40  # random, not a counter


@pytest.mark.parametrize("typed, code", [("123456", "123456"), ("123 456", "123456"), (" 123-456 ", "123456"),
                                         ("12345", None), ("abcdef", None), (123456, None), (None, None)])
def test_normalise_code(typed, code):
    assert workshops.normalise_code(typed) == code


def test_title_language_phase():
    assert workshops.validate_title("  Inspirationsdag\nVärmland ") == "Inspirationsdag Värmland"
    assert workshops.validate_language(None) == "sv"
    assert workshops.validate_language("en") == "en"
    methods = ("barometer", "openspace")
    assert workshops.phases(methods) == ("lobby", "barometer", "openspace", "ended")
    assert workshops.validate_phase("openspace", methods) == "openspace"
    assert workshops.validate_phase("ended", methods) == "ended"
    for bad in (lambda: workshops.validate_title(""), lambda: workshops.validate_title("x" * 201),
                lambda: workshops.validate_language("de"), lambda: workshops.validate_phase("pause", methods),
                lambda: workshops.validate_phase("openspace", ("barometer",))):
        with pytest.raises(Invalid):
            bad()
