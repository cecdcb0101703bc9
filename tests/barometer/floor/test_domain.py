"""Ordet's rules, table-driven: queue order and fairness, ties, a withdrawn
hand, a speaker who moves."""

import pytest

from tests.barometer.conftest import check_rule
from workshop.barometer.floor.domain import (
    Floor,
    Hand,
    Turn,
    check_floor_open,
    check_hand,
    choose,
    duration_seconds,
    heard,
    heard_shown,
    parse_choice,
    parse_turn_seconds,
    queue_order,
    region_of_position,
    region_protected,
    seconds_heard,
    small_regions,
    spoken,
    suggest,
    turn_seconds,
)
from workshop.domain.errors import Conflict, Invalid


def hand(participant, order, value):
    return Hand(participant, order, f"t{order}", value)


def turn(participant, region, speaking=False):
    return Turn(participant, region, "t", speaking)


@pytest.mark.parametrize(
    "value, region",
    [
        (0, "disagree"),
        (33, "disagree"),
        (34, "middle"),
        (66, "middle"),
        (67, "agree"),
        (100, "agree"),
        (None, "pass"),
    ],
)
def test_regions_are_the_summary_regions_plus_pass(value, region):
    assert region_of_position(value) == region


SUGGESTIONS = [
    # (case, hands, turns so far, suggested participant)
    ("nobody asked", [], [], None),
    ("one hand", [hand(4, 1, 80)], [], 4),
    ("same region: who asked first", [hand(4, 2, 80), hand(9, 1, 90)], [], 9),
    ("order is the ask order, not the number", [hand(1, 5, 10), hand(2, 3, 12)], [], 2),
    ("the unheard region goes first", [hand(4, 1, 20), hand(9, 2, 80)], [turn(7, "disagree")], 9),
    (
        "least heard, even when asked last",
        [hand(1, 1, 90), hand(2, 2, 50), hand(3, 3, 10)],
        [turn(5, "agree"), turn(6, "agree"), turn(7, "middle")],
        3,
    ),
    (
        "a tie between regions: who asked first",
        [hand(2, 2, 90), hand(3, 1, 10)],
        [turn(5, "agree"), turn(6, "disagree")],
        3,
    ),
    ("a pass is a region of its own", [hand(2, 1, 50), hand(3, 2, None)], [turn(5, "middle")], 3),
    ("the same ask order: the lower number", [hand(8, 1, 10), hand(3, 1, 20)], [], 3),
    ("a withdrawn hand is not in the queue: the next one", [hand(9, 2, 80)], [turn(7, "disagree")], 9),
    (
        "a person in the queue who moved counts where they stand now",
        [hand(4, 2, 75), hand(9, 1, 20)],
        [turn(7, "disagree")],
        4,
    ),
    (
        "a speaker who moved afterwards still counts where they spoke from",
        # P4 spoke from disagree and now stands at 80 and asks again.
        [hand(4, 2, 80), hand(9, 1, 10)],
        [turn(4, "disagree")],
        4,
    ),
]


@pytest.mark.parametrize("case, hands, turns, expected", SUGGESTIONS, ids=[s[0] for s in SUGGESTIONS])
def test_suggestion(case, hands, turns, expected):
    suggestion = suggest(hands, turns)
    assert (suggestion.participant if suggestion else None) == expected


def test_queue_order_is_ask_order():
    assert [h.participant for h in queue_order([hand(3, 7, 1), hand(1, 2, 1), hand(2, 5, 1)])] == [1, 2, 3]


@pytest.mark.parametrize("pick, expected", [(None, 9), (4, 4), (9, 9)])
def test_choose_the_suggestion_or_anyone_in_the_queue(pick, expected):
    hands = [hand(4, 1, 20), hand(9, 2, 80)]
    assert choose(hands, [turn(7, "disagree")], pick).participant == expected


@pytest.mark.parametrize(
    "hands, pick, message",
    [
        ([], None, "Nobody has asked"),
        ([], 4, "Nobody has asked"),
        ([hand(4, 1, 20)], 5, "P%(number)d has not asked"),
    ],
)
def test_choose_refuses(hands, pick, message):
    with pytest.raises(Conflict) as err:
        choose(hands, [], pick)
    assert err.value.message.startswith(message)


@pytest.mark.parametrize(
    "on, has_position, speaking, refused",
    [
        (True, True, False, None),
        (True, False, False, "Place yourself on the line first"),
        (True, True, True, "You have the floor now"),
        (False, False, False, None),  # lowering is always allowed
        (False, True, True, None),
    ],
)
def test_check_hand(on, has_position, speaking, refused):
    check_rule(check_hand, on, has_position, speaking, refused=refused)


@pytest.mark.parametrize(
    "status, refused", [("open", False), ("closed", True), ("draft", True), (None, True)]
)
def test_floor_only_while_open(status, refused):
    check_rule(check_floor_open, status, refused=refused)


@pytest.mark.parametrize("value, expected", [(None, None), (1, 1), (12, 12)])
def test_parse_choice(value, expected):
    assert parse_choice(value) == expected


@pytest.mark.parametrize("value", [0, -1, "12", "P12", True, 1.5, 2**63, [1]])
def test_parse_choice_refuses(value):
    with pytest.raises(Invalid):
        parse_choice(value)


def test_heard_and_spoken_count_every_region_in_line_order():
    turns = [turn(1, "agree"), turn(2, "disagree"), turn(3, "agree"), turn(4, "pass")]
    assert heard(turns) == {"disagree": 1, "middle": 0, "agree": 2, "pass": 1}
    assert list(heard([])) == ["disagree", "middle", "agree", "pass"]
    assert spoken(turns) == (heard(turns), ["agree", "disagree", "agree", "pass"])


def test_each_audience_gets_its_own_view():
    floor = Floor(7, [hand(4, 1, 20), hand(9, 2, None)], [turn(2, "agree"), turn(5, "middle", speaking=True)])
    staff = floor.staff()
    assert staff["statement"] == 7
    assert staff["queue"] == [
        {"participant": 4, "pseudonym": "P4", "position": 20, "region": "disagree", "asked_at": "t1"},
        {"participant": 9, "pseudonym": "P9", "position": "pass", "region": "pass", "asked_at": "t2"},
    ]
    assert staff["speaker"] == {
        "participant": 5,
        "pseudonym": "P5",
        "region": "middle",
        "protected": False,
        "since": "t",
    }
    assert (staff["since"], staff["limit_seconds"]) == ("t", 0)
    assert staff["turns"] == [
        {"participant": 2, "region": "agree", "since": "t", "until": None, "seconds": None},
        {"participant": 5, "region": "middle", "since": "t", "until": None, "seconds": None},
    ]
    assert staff["suggestion"] == {"participant": 4, "pseudonym": "P4", "region": "disagree"}
    assert staff["heard"] == {"disagree": 0, "middle": 1, "agree": 1, "pass": 0}
    # The projector: the speaker's dot and region, no queue, no pseudonym.
    assert floor.projector() == {
        "statement": 7,
        "speaker": {"key": 5, "region": "middle", "since": "t", "limit_seconds": 0},
    }
    # A phone: only its own (since when it speaks, and the limit).
    assert floor.phone(4) == {"hand": True, "speaking": False, "since": None, "limit_seconds": None}
    assert floor.phone(5) == {"hand": False, "speaking": True, "since": "t", "limit_seconds": 0}
    assert floor.phone(2) == {"hand": False, "speaking": False, "since": None, "limit_seconds": None}
    assert Floor(None, [], []).projector() == {"statement": None, "speaker": None}


def test_while_the_dots_are_hidden_the_projector_learns_nothing_of_the_speaker():
    turns = [turn(5, "agree", speaking=True)]
    assert Floor(7, [hand(4, 1, 20)], turns, hidden=True).projector() == {
        "statement": 7,
        "speaker": None,
        "hidden": True,
    }
    # Staff still see it all.
    assert Floor(7, [], turns, hidden=True).staff()["speaker"]["region"] == "agree"


# -- speaking time and small groups protected -----------------------------------


@pytest.mark.parametrize(
    "since, until, seconds",
    [
        ("2026-05-04T09:00:00.000+00:00", "2026-05-04T09:04:10.000+00:00", 250),
        ("2026-05-04T09:00:00.000+00:00", "2026-05-04T09:00:00.400+00:00", 0),
        ("2026-05-04T09:00:00.000+00:00", "2026-05-04T09:00:00.600+00:00", 1),  # rounded
        ("2026-05-04T09:00:05.000+00:00", "2026-05-04T09:00:00.000+00:00", 0),  # a clock step back: never < 0
        ("2026-05-04T09:00:00.000+00:00", None, None),  # still speaking
    ],
)
def test_a_turn_lasts_from_since_to_until(since, until, seconds):
    assert duration_seconds(since, until) == seconds
    t = Turn(1, "agree", since, until is None, until=until)
    assert turn_seconds(t) == seconds
    assert t.as_dict() == {
        "participant": 1,
        "region": "agree",
        "since": since,
        "until": until,
        "seconds": seconds,
    }


@pytest.mark.parametrize(
    "value, ok",
    [
        (0, True),
        (1, True),
        (600, True),
        (601, False),
        (-1, False),
        ("60", False),
        (True, False),
        (None, False),
        (1.5, False),
    ],
)
def test_the_limit_per_turn_is_0_to_600_seconds(value, ok):
    if ok:
        assert parse_turn_seconds(value) == value
    else:
        with pytest.raises(Invalid, match="turn_seconds"):
            parse_turn_seconds(value)


T0 = "2026-05-04T09:00:00.000+00:00"


def timed(participant, region, seconds, protected=False):
    until = f"2026-05-04T09:{seconds // 60:02d}:{seconds % 60:02d}.000+00:00"
    return Turn(participant, region, T0, False, until=until, protected=protected)


def test_time_heard_per_region_folds_protected_turns_into_someone():
    turns = [
        timed(1, "agree", 130),
        timed(2, "agree", 120),
        timed(3, "middle", 50),
        timed(4, "disagree", 40, True),
    ]
    assert seconds_heard(turns) == {"disagree": 0, "middle": 50, "agree": 250, "pass": 0, "someone": 40}
    assert heard_shown(turns) == {"disagree": 0, "middle": 1, "agree": 2, "pass": 0, "someone": 1}
    assert spoken(turns)[1] == ["agree", "agree", "middle", "someone"]
    # The suggestion still weighs the true regions: disagree was heard once.
    assert heard(turns)["disagree"] == 1
    # No protected turn: no "someone" key (the shape stays as it was).
    assert "someone" not in seconds_heard(turns[:3])


def test_small_regions_now_at_the_boundary():
    # agree: 2 (min_group - 1), disagree: 3 (= min_group), middle: 0, pass: 1
    counts = {80: 1, 95: 1, 10: 2, 33: 1, None: 1}
    assert small_regions(counts, 3) == {"agree", "middle", "pass"}
    assert small_regions(counts, 1) == {"middle"}


def test_the_queue_names_no_side_where_too_few_stand():
    floor = Floor(7, [hand(4, 1, 90), hand(5, 2, 10)], [], small=frozenset({"agree"}))
    queue = floor.staff()["queue"]
    assert (queue[0]["position"], queue[0]["region"], queue[0]["protected"]) == (None, None, True)
    assert (queue[1]["position"], queue[1]["region"]) == (10, "disagree")
    assert floor.staff()["suggestion"]["region"] is None  # P4 asked first: suggested, no side named


@pytest.mark.parametrize("count, protected", [(2, True), (3, False)])
def test_a_region_is_protected_below_min_group(count, protected):
    values = [80] * count + [10, 10, 10, None]
    assert region_protected(values, "agree", 3) is protected


def test_a_protected_speaker_is_never_attached_to_a_region_or_a_dot():
    floor = Floor(
        7, [], [timed(2, "agree", 30), Turn(5, "middle", T0, True, protected=True)], limit_seconds=90
    )
    staff = floor.staff()
    assert staff["speaker"]["region"] is None and staff["speaker"]["protected"] is True
    assert (staff["since"], staff["limit_seconds"]) == (T0, 90)
    assert staff["turns"][1]["region"] is None
    assert staff["heard"] == {"disagree": 0, "middle": 0, "agree": 1, "pass": 0, "someone": 1}
    assert "middle" not in str({k: v for k, v in staff.items() if k != "heard"})
    assert floor.projector()["speaker"] == {"key": None, "region": None, "since": T0, "limit_seconds": 90}
    assert floor.phone(5) == {"hand": False, "speaking": True, "since": T0, "limit_seconds": 90}
