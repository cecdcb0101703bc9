"""Fyra hörn's pure rules, table-driven."""

import pytest

from workshop.domain.errors import Conflict, Invalid
from workshop.fourcorners import domain as fc
from workshop.fourcorners.domain import CLOSED, DRAFT, OPEN, Tally

LABELS = ["Håller med", "Håller delvis med", "Håller inte med", "Vet inte"]


@pytest.mark.parametrize("value, expected", [(0, 0), (1, 1), (2, 2), (3, 3), ("pass", None)])
def test_parse_corner_accepts_the_four_corners_and_pass(value, expected):
    assert fc.parse_corner(value) == expected


@pytest.mark.parametrize("value", [-1, 4, 1.0, 2.5, "1", "A", True, False, None, [], {}, "PASS", "Pass"])
def test_parse_corner_refuses_everything_else(value):
    with pytest.raises(Invalid):
        fc.parse_corner(value)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Vart går du?", "Vart går du?"),
        ("  Vart   går\tdu?\n ", "Vart går du?"),
        ("a\x00b\x1b[31mc", "ab[31mc"),
        ("x" * 300, "x" * 300),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # stored verbatim, escaped when shown
    ],
)
def test_question_text_is_cleaned(value, expected):
    assert fc.validate_question_text(value) == expected


@pytest.mark.parametrize("value", ["", "   ", "\x00", "x" * 301, 5, None, ["text"]])
def test_question_text_refused(value):
    with pytest.raises(Invalid):
        fc.validate_question_text(value)


@pytest.mark.parametrize(
    "value, expected",
    [
        (LABELS, LABELS),
        ([" A ", "B\n", "x" * 80, "Ö"], ["A", "B", "x" * 80, "Ö"]),
    ],
)
def test_labels_are_four_clean_texts(value, expected):
    assert fc.validate_labels(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "A,B,C,D",
        LABELS[:3],
        LABELS + ["E"],
        [],
        ["A", "B", "C", ""],
        ["A", "B", "C", "  "],
        ["A", "B", "C", "x" * 81],
        ["A", "B", "C", 4],
        ["A", "B", "C", None],
        {"0": "A"},
        ("A", "B", "C", "D"),
    ],
)
def test_labels_refused(value):
    with pytest.raises(Invalid):
        fc.validate_labels(value)


@pytest.mark.parametrize("value", ["", "x" * 2001, None, 3])
def test_comment_refused(value):
    with pytest.raises(Invalid):
        fc.validate_comment(value)


def test_comment_keeps_lines():
    assert fc.validate_comment(" Kommentar:\nrad två ") == "Kommentar:\nrad två"


@pytest.mark.parametrize(
    "check, allowed",
    [
        (fc.check_open_for_choices, {OPEN}),
        (fc.check_editable, {DRAFT}),
        (fc.check_deletable, {DRAFT, CLOSED}),
    ],
)
@pytest.mark.parametrize("status", [DRAFT, OPEN, CLOSED])
def test_status_rules(check, allowed, status):
    if status in allowed:
        check(status)
    else:
        with pytest.raises(Conflict):
            check(status)


@pytest.mark.parametrize(
    "corner, has, expected",
    [
        (None, False, None),
        (None, True, "pass"),
        (0, True, 0),
        (3, True, 3),
    ],
)
def test_choice_for_phone(corner, has, expected):
    assert fc.choice_for_phone(corner, has) == expected


@pytest.mark.parametrize(
    "choices, counts, passes, dots",
    [
        ((), [0, 0, 0, 0], 0, []),
        (((1, 0), (2, 0), (3, 3)), [2, 0, 0, 1], 0, [[1, 0], [2, 0], [3, 3]]),
        (((1, None), (2, 1), (5, None), (7, 2)), [0, 1, 1, 0], 2, [[2, 1], [7, 2]]),
    ],
)
def test_tally(choices, counts, passes, dots):
    tally = Tally(question=9, choices=choices)
    view = tally.as_dict()
    assert view == {"question": 9, "counts": counts, "passes": passes, "count": sum(counts), "dots": dots}
    assert tally.public() == view  # corners are never hidden from the projector
