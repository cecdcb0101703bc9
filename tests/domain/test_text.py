"""Free text (titles, statements, notes) and whole numbers: for anything a
client sends, clean text that keeps the rules, or Invalid."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.properties import PROPERTIES, any_text, anything, holds_text_rules, outcome
from workshop.domain.errors import Invalid
from workshop.domain.text import ELLIPSIS, clean_text, optional_text, require_int, shorten


@PROPERTIES
@given(anything | any_text, st.integers(1, 80), st.integers(0, 3), st.booleans())
def test_clean_text_keeps_the_rules_or_is_invalid(value, max_len, min_len, multiline):
    got = outcome(
        lambda v: clean_text(v, "text", max_len=max_len, min_len=min_len, multiline=multiline), value
    )
    if got is not Invalid:
        holds_text_rules(got, max_len=max_len, min_len=min_len, multiline=multiline)


@PROPERTIES
@given(any_text)
def test_clean_text_keeps_what_people_write(value):
    """Text without controls or surrogates is only trimmed (multi-line)."""
    plain = "".join(ch for ch in value if unicodedata.category(ch) not in ("Cc", "Cs") or ch in "\n\t")
    got = outcome(lambda v: clean_text(v, "text", max_len=1000, min_len=0), value)
    if got is not Invalid:
        assert got == plain.strip()


@PROPERTIES
@given(st.none() | anything | any_text, st.booleans())
def test_optional_text_is_none_or_clean_text(value, multiline):
    got = outcome(lambda v: optional_text(v, "convener", max_len=80, multiline=multiline), value)
    if value is None or (isinstance(value, str) and not value.strip()):
        assert got is None
    elif got is not Invalid:
        holds_text_rules(got, max_len=80, min_len=1, multiline=multiline)


@PROPERTIES
@given(anything, st.integers(-100, 100), st.integers(0, 10**6))
def test_require_int_is_a_whole_number_in_range(value, lo, span):
    hi = lo + span
    got = outcome(lambda v: require_int(v, "minutes", lo=lo, hi=hi), value)
    valid = type(value) is int and lo <= value <= hi
    assert got == (value if valid else Invalid) and type(got) is not bool


@pytest.mark.parametrize(
    "value, cleaned",
    [
        ("a\x00b\x1bc\x7fd\x85e\x9bf", "abcdef"),  # C0, DEL and C1 controls
        ("  Rum\tA \n", "Rum A"),
    ],
)
def test_controls_are_removed(value, cleaned):
    assert clean_text(value, "name", max_len=80, multiline=False) == cleaned


@pytest.mark.parametrize("value", ["\ud800", "a\udfffb"])
def test_lone_surrogates_are_invalid(value):
    with pytest.raises(Invalid):
        clean_text(value, "text", max_len=80)


# -- shorten: fields with a hard cap (Word's core properties) ------------------
def test_shorten_keeps_a_text_that_fits():
    assert shorten("Bilaga – Värmland", 17) == "Bilaga – Värmland"


def test_shorten_cuts_with_an_ellipsis_inside_the_limit():
    got = shorten("Inspirationsdag " * 20, 255)
    assert len(got) <= 255 and got.endswith(ELLIPSIS)
    assert got[-2] != " "  # no dangling space before "…"


def test_shorten_never_strips_an_accent_off_its_letter():
    decomposed = unicodedata.normalize("NFD", "å" * 10)  # a + combining ring, ten times
    assert shorten(decomposed, 6) == unicodedata.normalize("NFD", "åå") + ELLIPSIS


def test_shorten_never_splits_an_emoji_sequence():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one glyph, five code points
    got = shorten("ab" + family + "cd", 6)
    assert got == "ab" + ELLIPSIS


@PROPERTIES
@given(st.text(), st.integers(2, 300))
def test_shorten_is_never_longer_than_the_limit(text, limit):
    got = shorten(text, limit)
    assert len(got) <= limit
    assert got == text or got.endswith(ELLIPSIS)
