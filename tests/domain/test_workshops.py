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


def test_projector_views_belong_to_one_owner():
    offered = workshops.projector_views({"barometer": ("statement", "result"), "openspace": ("wall",)})
    assert list(offered) == ["lobby", "statement", "result", "wall", "thanks"]
    assert offered["lobby"] is None and offered["thanks"] is None and offered["wall"] == "openspace"
    for clash in ({"a": ("x",), "b": ("x",)}, {"a": ("lobby",)}, {"a": ("thanks",)}):
        with pytest.raises(ValueError):
            workshops.projector_views(clash)


def test_validate_projector_view():
    offered = workshops.projector_views({"barometer": ("statement", "result")})
    assert workshops.validate_projector_view("result", offered) == "result"
    assert workshops.validate_projector_view(None, offered) is None
    for bad in ("wall", "", "Lobby", 1, True, ["lobby"], {"view": "lobby"}):
        with pytest.raises(Invalid):
            workshops.validate_projector_view(bad, offered)


def test_projector_state_forgets_views_no_one_offers():
    offered = workshops.projector_views({"barometer": ("statement",)})
    assert workshops.projector_state("statement", offered) == {
        "view": "statement", "views": ["lobby", "statement", "thanks"]}
    assert workshops.projector_state(None, offered)["view"] is None
    assert workshops.projector_state("wall", offered)["view"] is None  # a method since removed
