import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.properties import PROPERTIES, any_text, anything, holds_text_rules, outcome
from workshop.domain import workshops
from workshop.domain.errors import Invalid


def test_join_codes_are_six_digits():
    codes = {workshops.new_join_code() for _ in range(50)}
    assert all(len(c) == 6 and c.isdigit() for c in codes)
    assert len(codes) > 40  # random, not a counter


@pytest.mark.parametrize(
    "typed, code",
    [
        ("123456", "123456"),
        ("123 456", "123456"),
        (" 123-456 ", "123456"),
        ("12345", None),
        ("abcdef", None),
        (123456, None),
        (None, None),
        ("\u0661\u0662\u0663\u0664\u0665\u0666", None),
        ("12345\u00b2", None),
    ],
)
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
    for bad in (
        lambda: workshops.validate_title(""),
        lambda: workshops.validate_title("x" * 201),
        lambda: workshops.validate_language("de"),
        lambda: workshops.validate_phase("pause", methods),
        lambda: workshops.validate_phase("openspace", ("barometer",)),
    ):
        with pytest.raises(Invalid):
            bad()


# -- properties ---------------------------------------------------------


@PROPERTIES
@given(
    anything | any_text | st.text(st.sampled_from("0123456789\u0663\u00b2\uff11 -"), min_size=6, max_size=9)
)
def test_normalise_code_is_six_ascii_digits_or_none(value):
    code = workshops.normalise_code(value)
    assert code is None or (len(code) == 6 and code.isascii() and code.isdigit())


@PROPERTIES
@given(
    st.from_regex(r"[0-9]{6}", fullmatch=True),
    st.lists(st.sampled_from([" ", "-", "\t"]), max_size=4),
    st.randoms(use_true_random=False),
)
def test_normalise_code_reads_what_people_type(code, separators, random):
    typed = list(code)
    for separator in separators:
        typed.insert(random.randint(0, len(typed)), separator)
    assert workshops.normalise_code("".join(typed)) == code


@PROPERTIES
@given(anything | any_text)
def test_validate_title_is_one_line_of_1_to_200_or_invalid(value):
    title = outcome(workshops.validate_title, value)
    if title is not Invalid:
        holds_text_rules(title, max_len=200, min_len=1, multiline=False)


@PROPERTIES
@given(st.none() | anything | st.sampled_from(["sv", "en", "SV", " sv", "de"]))
def test_validate_language_is_sv_or_en(value):
    language = outcome(workshops.validate_language, value)
    assert language == ("sv" if value is None else value if value in ("sv", "en") else Invalid)


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
        "view": "statement",
        "views": ["lobby", "statement", "thanks"],
        "owners": {"lobby": None, "statement": "barometer", "thanks": None},
    }
    assert workshops.projector_state(None, offered)["view"] is None
    assert workshops.projector_state("wall", offered)["view"] is None  # a method since removed
