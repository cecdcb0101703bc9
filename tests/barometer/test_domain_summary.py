"""Verbal summaries and movement, table-driven.

The first seven rows are the seven statements of the Värmland minutes
(seed "Åsiktsbarometer"), with distributions built to look like the room
the facilitator described.
"""

from __future__ import annotations

import random

import pytest

from workshop.barometer.domain_summary import (
    MOVE_THRESHOLD,
    SETTLE_SECONDS,
    Movement,
    Summary,
    first_settled,
    movement,
    verbal_summary,
)
from workshop.barometer.record import PositionChange

SEED_STATEMENTS = [
    # "Min organisation har något att tillföra till Värmlands utveckling"
    ("all_agree", [75, 80, 85, 90, 95, 100, 88, 92, 70, 80], 0, "Alla håller med", "Everyone agrees", "all"),
    # "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet"
    (
        "samverkan",
        [5, 12, 18, 24, 30, 36, 42, 48, 54, 60],
        0,
        "Spridning mellan mitten och håller inte med",
        "Spread between the middle and disagree",
        "spread",
    ),
    # "Vi i Värmland bör fortsätta arbetet med att få till en överenskommelse"
    (
        "fortsatta",
        [20, 45, 50, 55, 60, 70, 75, 80, 85, 90, 95, 72],
        0,
        "Lätt övervikt åt håller med",
        "Slight lean towards agree",
        "lean",
    ),
    # "Överenskommelsearbetet kan göras utan att kosta pengar"
    (
        "kosta_pengar",
        [45, 50, 50, 55, 55, 60, 48, 52, 5, 8, 10, 12, 15],
        0,
        "Gruppering i mitten och en grupp som inte håller med",
        "A group in the middle and a group that disagrees",
        "two_groups",
    ),
    # "…bör vara avgränsad till att bara gälla det sociala området"
    (
        "sociala",
        [3, 9, 16, 24, 31, 37, 44, 51, 58, 64],
        0,
        "Spridning mellan mitten och håller inte med",
        "Spread between the middle and disagree",
        "spread",
    ),
    # "Integrationsarbetet ska vara utanför…" (minutes give only a comment)
    (
        "integration",
        [5, 15, 25, 40, 50, 60, 70, 80, 90, 100],
        0,
        "Spridning över hela skalan",
        "Spread over the whole scale",
        "whole_scale",
    ),
    # "Den kommande regionen i Värmland är viktig för överenskommelsearbetet"
    (
        "regionen",
        [55, 58, 60, 62, 65, 68, 70, 72, 75, 78],
        0,
        "Grupperat från mitten till håller med",
        "Grouped from the middle to agree",
        "grouped",
    ),
]

EDGE_CASES = [
    ("none", [], 0, "För få svar", "Too few answers", "too_few"),
    ("one", [50], 0, "För få svar", "Too few answers", "too_few"),
    ("two", [10, 90], 0, "För få svar", "Too few answers", "too_few"),
    # Two in one region: "båda" (both), as in the room, never "alla" (all).
    (
        "two_agree",
        [75, 100],
        1,
        "Båda håller med. Många pass (1 av 3).",
        "Both agree. Many passes (1 of 3).",
        "all",
    ),
    ("two_middle", [34, 66], 0, "Båda i mitten", "Both in the middle", "all"),
    ("two_disagree", [0, 33], 0, "Båda håller inte med", "Both disagree", "all"),
    ("two_across_a_boundary", [33, 34], 0, "För få svar", "Too few answers", "too_few"),
    (
        "all_passes",
        [],
        5,
        "För få svar. Många pass (5 av 5).",
        "Too few answers. Many passes (5 of 5).",
        "too_few",
    ),
    ("three_zero", [0, 0, 0], 0, "Alla håller inte med", "Everyone disagrees", "all"),
    ("boundary_33", [33, 33, 33], 0, "Alla håller inte med", "Everyone disagrees", "all"),
    ("boundary_34", [34, 34, 34], 0, "Alla i mitten", "Everyone in the middle", "all"),
    ("boundary_66", [66, 66, 66], 0, "Alla i mitten", "Everyone in the middle", "all"),
    ("boundary_67", [67, 67, 67], 0, "Alla håller med", "Everyone agrees", "all"),
    (
        "many_passes",
        [80] * 15,
        5,
        "Alla håller med. Många pass (5 av 20).",
        "Everyone agrees. Many passes (5 of 20).",
        "all",
    ),
    ("few_passes", [80] * 15, 3, "Alla håller med", "Everyone agrees", "all"),
    (
        "strong_lean",
        [40, 50, 60, 70, 75, 80, 85, 90, 95, 100],
        0,
        "Övervikt åt håller med",
        "Strong lean towards agree",
        "strong_lean",
    ),
    (
        "lean_disagree",
        [5, 10, 15, 20, 25, 30, 40, 50, 60, 75],
        0,
        "Lätt övervikt åt håller inte med",
        "Slight lean towards disagree",
        "lean",
    ),
    (
        "ends_tie",
        [0, 5, 10, 10, 90, 95, 100, 100],
        0,
        "Gruppering vid håller med och en grupp som inte håller med",
        "A group that agrees and a group that disagrees",
        "two_groups",
    ),
    (
        "single_outlier",
        [50, 52, 55, 58, 60, 100],
        0,
        "Övervikt åt mitten",
        "Strong lean towards the middle",
        "strong_lean",
    ),
    (
        "grouped_disagree",
        [20, 24, 28, 30, 32, 36, 38, 40, 42, 45],
        0,
        "Grupperat från mitten till håller inte med",
        "Grouped from the middle to disagree",
        "grouped",
    ),
    (
        "spread_agree",
        [40, 45, 50, 55, 60, 65, 70, 78, 86, 94, 100],
        0,
        "Spridning mellan mitten och håller med",
        "Spread between the middle and agree",
        "spread",
    ),
]


@pytest.mark.parametrize(
    "values, passes, sv, en, shape",
    [pytest.param(*row[1:], id=row[0]) for row in SEED_STATEMENTS + EDGE_CASES],
)
def test_verbal_summary(values, passes, sv, en, shape):
    summary = verbal_summary(values, passes)
    assert summary == Summary(sv=sv, en=en, shape=shape)
    assert summary.as_dict() == {"sv": sv, "en": en, "shape": shape}
    assert summary.text("en") == en and summary.text("sv") == sv


@pytest.mark.parametrize("row", SEED_STATEMENTS, ids=[r[0] for r in SEED_STATEMENTS])
def test_summary_does_not_depend_on_order(row):
    _, values, passes, *_ = row
    shuffled = list(values)
    random.Random(7).shuffle(shuffled)
    assert verbal_summary(shuffled, passes) == verbal_summary(values, passes)


def _history(*changes):
    return [
        PositionChange(participant=p, value=v, at=f"2026-11-20T10:{i:02d}:00Z")
        for i, (p, v) in enumerate(changes)
    ]


MOVEMENT_CASES = [
    ("empty", [], Movement(0, 0, 0, 0, 0.0, [])),
    ("only_passes", [(1, None), (2, None)], Movement(0, 0, 0, 0, 0.0, [])),
    ("single_position_is_no_move", [(1, 50)], Movement(1, 0, 0, 0, 0.0, [(50, 50)])),
    (
        "mixed",
        [
            (1, 20),
            (2, 80),
            (3, 50),
            (4, None),
            (1, 45),
            (4, 40),
            (5, 30),
            (2, 30),
            (3, 52),
            (1, 60),
            (4, 70),
            (5, None),
            (6, None),
        ],
        # P1 20->60, P2 80->30, P3 50->52 (settling), P4 pass,40->70,
        # P5 ended on pass (not counted), P6 only passed.
        Movement(4, 3, 2, 1, 5.5, [(20, 60), (80, 30), (50, 52), (40, 70)]),
    ),
    (
        "threshold",
        [
            (1, 50),
            (2, 50),
            (3, 50),
            (1, 50 + MOVE_THRESHOLD),
            (2, 50 - MOVE_THRESHOLD),
            (3, 50 + MOVE_THRESHOLD - 1),
        ],
        Movement(3, 2, 1, 1, round((MOVE_THRESHOLD - 1) / 3, 2), [(50, 55), (50, 45), (50, 54)]),
    ),
    ("pass_in_between", [(1, 10), (1, None), (1, 90)], Movement(1, 1, 1, 0, 80.0, [(10, 90)])),
]


@pytest.mark.parametrize("changes, expected", [pytest.param(c, e, id=i) for i, c, e in MOVEMENT_CASES])
def test_movement(changes, expected):
    assert movement(_history(*changes)) == expected


def _timed(*changes):
    """(participant, value, seconds after the start[, gesture end]) -> history."""

    def at(seconds: float) -> str:
        return f"2026-11-20T10:{int(seconds) // 60:02d}:{seconds % 60:06.3f}+00:00"

    return [PositionChange(p, v, at(s), bool(end and end[0])) for p, v, s, *end in changes]


# A drag from the middle to 80, sampled ten times (a send every 250 ms).
DRAG = [(1, v, i * 0.25) for i, v in enumerate((50, 54, 58, 62, 66, 68, 71, 74, 77, 80))]
DRAG_SETTLED = [*DRAG[:-1], (*DRAG[-1], True)]  # the phone marked the release

SETTLED_CASES = [
    # Only placing yourself is no change of mind, with or without the phone's mark.
    ("drag_marked", DRAG_SETTLED, Movement(1, 0, 0, 0, 0.0, [(80, 80)])),
    ("drag_unmarked", DRAG, Movement(1, 0, 0, 0, 0.0, [(80, 80)])),
    # ...and a real move later counts from where the drag ended, not from 50.
    ("drag_then_move", [*DRAG_SETTLED, (1, 30, 300, True)], Movement(1, 1, 0, 1, -50.0, [(80, 30)])),
    ("drag_then_move_unmarked", [*DRAG, (1, 30, 300)], Movement(1, 1, 0, 1, -50.0, [(80, 30)])),
    # The first gesture's end counts even if it was held for a moment only.
    ("marked_end_beats_time", [(1, 20, 0, True), (1, 60, 0.5, True)], Movement(1, 1, 1, 0, 40.0, [(20, 60)])),
    # Unmarked: the first value held SETTLE_SECONDS is where the person settled.
    (
        "held_two_seconds",
        [(1, 10, 0), (1, 40, 1), (1, 45, 1 + SETTLE_SECONDS), (1, 90, 60)],
        Movement(1, 1, 1, 0, 50.0, [(40, 90)]),
    ),
    (
        "held_just_under",
        [(1, 10, 0), (1, 40, 1), (1, 45, 2.9), (1, 90, 60)],
        Movement(1, 1, 1, 0, 45.0, [(45, 90)]),
    ),
    # A tap on pass settles too, but a pass is no position: the first settled number counts.
    (
        "pass_then_drag",
        [(1, None, 0, True), (1, 50, 10), (1, 70, 10.25, True), (1, 75, 90, True)],
        Movement(1, 1, 1, 0, 5.0, [(70, 75)]),
    ),
    ("ends_on_pass", [*DRAG_SETTLED, (1, None, 60, True)], Movement(0, 0, 0, 0, 0.0, [])),
    # Two people: each settles on their own.
    (
        "two_people",
        [
            (1, 50, 0),
            (2, 10, 0.1),
            (1, 60, 0.2, True),
            (2, 20, 0.3, True),
            (2, 80, 120, True),
            (1, 62, 130, True),
        ],
        Movement(2, 1, 1, 0, 31.0, [(60, 62), (20, 80)]),
    ),
]


@pytest.mark.parametrize("changes, expected", [pytest.param(c, e, id=i) for i, c, e in SETTLED_CASES])
def test_movement_counts_from_where_people_settled(changes, expected):
    assert movement(_timed(*changes)) == expected


def test_a_time_that_cannot_be_read_counts_as_held():
    history = [PositionChange(1, 20, "t"), PositionChange(1, 60, "t")]
    assert first_settled(history) == 20


def test_movement_as_dict_is_json_ready():
    d = movement(_history((1, 20), (1, 60))).as_dict()
    assert d == {
        "participants": 1,
        "moved": 1,
        "towards_agree": 1,
        "towards_disagree": 0,
        "mean_shift": 40.0,
        "pairs": [[20, 60]],
    }
