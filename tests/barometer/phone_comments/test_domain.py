"""Comments from phones: length, when a phone may write, the rate, moderation."""

from dataclasses import dataclass

import pytest

from tests.barometer.conftest import check_rule
from workshop.barometer.phone_comments import domain as rules
from workshop.barometer.phone_comments.domain import (
    RATE_COUNT,
    by_region,
    check_can_comment,
    check_editable,
    check_rate,
    check_showable,
    parse_moderation,
    rate_window_start,
    validate_phone_comment,
    validate_settings,
)
from workshop.domain.errors import Invalid


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Använd resurser gemensamt", "Använd resurser gemensamt"),
        ("  två\nrader  ", "två rader"),
        ("x" * 280, "x" * 280),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # kept as text; escaped where shown
    ],
)
def test_valid_comments(text, expected):
    assert validate_phone_comment(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "x" * 281, None, 5, ["a"]])
def test_invalid_comments(text):
    with pytest.raises(Invalid):
        validate_phone_comment(text)


@pytest.mark.parametrize(
    "allowed, status, has_position, refused",
    [
        (True, "open", True, None),
        (False, "open", True, "has not opened"),
        (True, "closed", True, "closed"),
        (True, "draft", True, "closed"),
        (True, "open", False, "Place yourself"),
    ],
)
def test_who_may_comment(allowed, status, has_position, refused):
    check_rule(check_can_comment, allowed, status, has_position, refused=refused)


@pytest.mark.parametrize(
    "recent, refused", [(0, False), (RATE_COUNT - 1, False), (RATE_COUNT, True), (9, True)]
)
def test_rate(recent, refused):
    check_rule(check_rate, recent, refused=refused)


def test_rate_window_sorts_with_stored_times():
    assert rate_window_start("2026-11-23T10:00:30.000+00:00") == "2026-11-23T09:59:30.000+00:00"


@pytest.mark.parametrize(
    "body, expected",
    [
        ({"status": "approved"}, {"status": "approved"}),
        ({"status": "rejected"}, {"status": "rejected"}),
        ({"text": " kortare "}, {"text": "kortare"}),
        ({"status": "approved", "text": "ny"}, {"status": "approved", "text": "ny"}),
    ],
)
def test_moderation(body, expected):
    assert parse_moderation(body) == expected


@pytest.mark.parametrize(
    "body",
    [{}, {"status": "pending"}, {"status": "APPROVED"}, {"status": True}, {"text": ""}, {"text": "x" * 281}],
)
def test_moderation_refused(body):
    with pytest.raises(Invalid):
        parse_moderation(body)


@pytest.mark.parametrize("status, refused", [("pending", False), ("approved", False), ("rejected", True)])
def test_editable(status, refused):
    check_rule(check_editable, status, refused=refused)


@pytest.mark.parametrize(
    "status, statement, refused",
    [
        ("approved", "open", None),
        ("pending", "open", "Only approved"),
        ("rejected", "open", "Only approved"),
        ("approved", "closed", "while their statement is open"),
    ],
)
def test_showable(status, statement, refused):
    check_rule(check_showable, status, statement, refused=refused)


def test_settings():
    assert validate_settings({"phone_comments": True}) == {"phone_comments": True}
    assert validate_settings({}) == {}
    with pytest.raises(Invalid):
        validate_settings({"phone_comments": "yes"})


@dataclass
class C:
    text: str
    region: str


def test_by_region_in_line_order_without_empty_regions():
    comments = [C("a", "agree"), C("b", "pass"), C("c", "disagree"), C("d", "agree")]
    assert [(r, [c.text for c in cs]) for r, cs in by_region(comments)] == [
        ("disagree", ["c"]),
        ("agree", ["a", "d"]),
        ("pass", ["b"]),
    ]
    assert by_region([]) == []


def test_the_projector_is_told_a_comments_side_only_while_the_dots_show():
    row = {"statement": 3, "text": "Bli starka", "region": "agree", "hidden": False}
    staff, projector = rules.shown_views(row)
    assert staff == projector == {"statement": 3, "text": "Bli starka", "region": "agree"}
    staff, projector = rules.shown_views({**row, "hidden": True})
    assert staff["region"] == "agree"
    assert projector == {"statement": 3, "text": "Bli starka", "region": None}
    assert rules.shown_views(None) == ({"statement": None}, {"statement": None})
