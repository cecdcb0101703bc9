"""The replay: the history as tracks, the three still frames, the scrubber."""

import pytest

from tests.barometer.conftest import check_rule
from workshop.barometer.domain_summary import movement
from workshop.barometer.record import PositionChange
from workshop.barometer.replay.domain import (
    Frame,
    Scrubber,
    check_replayable,
    frames,
    parse_at,
    parse_speed,
    replay_of,
    scrub,
    start,
)
from workshop.domain.errors import Invalid


def at(seconds: float) -> str:
    whole, frac = divmod(seconds, 1)
    return f"2026-11-23T10:{int(whole) // 60:02d}:{int(whole) % 60:02d}.{round(frac * 1000):03d}+00:00"


HISTORY = [
    PositionChange(1, 20, at(0)),
    PositionChange(2, 80, at(1)),
    PositionChange(1, 40, at(2.5)),
    PositionChange(3, None, at(5)),  # a pass
    PositionChange(2, 70, at(9)),
    PositionChange(1, 60, at(10)),
]


def test_tracks_are_offsets_from_the_first_change():
    replay = replay_of(HISTORY)
    assert replay.duration_ms == 10_000
    assert replay.tracks == [
        (1, [(0, 20), (2500, 40), (10_000, 60)]),
        (2, [(1000, 80), (9000, 70)]),
        (3, [(5000, None)]),
    ]
    assert replay.changes == 6
    assert replay.as_dict() == {
        "duration_ms": 10_000,
        "changes": 6,
        "tracks": [
            [1, [[0, 20], [2500, 40], [10_000, 60]]],
            [2, [[1000, 80], [9000, 70]]],
            [3, [[5000, None]]],
        ],
    }
    assert replay_of([]).as_dict() == {"duration_ms": 0, "changes": 0, "tracks": []}


def test_a_clock_step_never_reorders_a_persons_moves():
    history = [PositionChange(1, 10, at(5), True), PositionChange(1, 20, at(3)), PositionChange(1, 30, at(6))]
    assert replay_of(history).tracks == [(1, [(0, 10), (0, 20), (1000, 30)])]


def test_an_unreadable_time_never_fails_a_replay():
    history = [PositionChange(1, 10, "t"), PositionChange(2, 20, "t")]
    assert replay_of(history).tracks == [(1, [(0, 10)]), (2, [(0, 20)])]
    assert replay_of(
        [PositionChange(1, 10, at(0)), PositionChange(1, 30, "?"), PositionChange(1, 40, at(2))]
    ).tracks == [(1, [(0, 10), (0, 30), (2000, 40)])]


def test_three_frames_first_midway_final():
    f = frames(HISTORY)
    assert f.first == Frame([20, 80], 1)  # everyone's first answer; P3 passed
    assert f.middle == Frame([40, 80], 1)  # at 5 s: P1 at 40, P2 at 80, P3 passed
    assert f.final == Frame([60, 70], 1)
    assert frames([]) == frames([]) and frames([]).final == Frame([], 0)


# The Värmland walk (issue 20): two people touched the slider's middle (50)
# and dragged straight on; the others tapped where they meant to stand.
DRAGGED = [
    PositionChange(1, 50, at(0)),  # the finger lands on the slider's middle...
    PositionChange(1, 70, at(0.2)),
    PositionChange(1, 85, at(0.4), True),  # ...and is lifted at 85
    PositionChange(2, 92, at(1), True),
    PositionChange(3, 54, at(1.5)),  # an older phone: no marks; 54 held only 1 s
    PositionChange(3, 75, at(2.5)),
    PositionChange(4, 70, at(3), True),
    PositionChange(5, 50, at(4)),
    PositionChange(5, 40, at(4.3), True),
    PositionChange(1, 60, at(30), True),
    PositionChange(5, 20, at(40), True),
]


def test_the_first_frame_is_where_people_first_settled():
    f = frames(DRAGGED)
    firsts = [first for first, _ in movement(DRAGGED).pairs]
    assert firsts == [85, 92, 75, 70, 40]
    assert f.first == Frame(firsts, 0)
    assert f.final == Frame([60, 92, 75, 70, 20], 0)


def test_the_replay_never_shows_where_a_finger_first_touched():
    replay = replay_of(DRAGGED)
    firsts = {key: steps[0][1] for key, steps in replay.tracks}
    assert firsts == {1: 85, 2: 92, 3: 75, 4: 70, 5: 40}
    assert 50 not in [v for _, steps in replay.tracks for _, v in steps]
    # offsets start at the first settled change (P1 lifted at 0.4 s)
    assert replay.tracks[0] == (1, [(0, 85), (29_600, 60)])
    assert replay.duration_ms == 39_600


def test_a_pass_before_settling_is_dropped_and_a_pass_alone_kept():
    history = [
        PositionChange(1, None, at(0), True),
        PositionChange(1, 30, at(1), True),
        PositionChange(2, None, at(2), True),
    ]
    assert replay_of(history).tracks == [(1, [(0, 30)]), (2, [(1000, None)])]
    assert frames(history).first == Frame([30], 1)


def scrubber(**kw):
    base = dict(statement=7, duration_ms=10_000, speed=10.0, at_ms=0, playing=True, updated_at=at(0))
    return Scrubber(**{**base, **kw})


@pytest.mark.parametrize(
    "state, now, expected_at, expected_playing",
    [
        (dict(), at(0.5), 5000, True),  # 0.5 s at 10x
        (dict(), at(1), 10_000, False),  # reaches the end and stops there
        (dict(), at(30), 10_000, False),
        (dict(playing=False, at_ms=1234), at(30), 1234, False),  # paused: stays
        (dict(speed=1.0, at_ms=2000), at(3), 5000, True),
    ],
)
def test_scrubber_moves_on_while_playing(state, now, expected_at, expected_playing):
    s = scrubber(**state).at(now)
    assert (s.at_ms, s.playing, s.updated_at) == (expected_at, expected_playing, now)


@pytest.mark.parametrize(
    "changes, expected",
    [
        (dict(playing=False), dict(at_ms=2000, playing=False)),  # pause where it is
        (dict(at=7000), dict(at_ms=7000, playing=True)),  # seek while playing
        (dict(speed=20.0), dict(at_ms=2000, speed=20.0)),
        (dict(playing=False, at=0), dict(at_ms=0, playing=False)),
    ],
)
def test_scrub(changes, expected):
    s = scrub(scrubber(), at(0.2), **changes)
    assert {k: getattr(s, k) for k in expected} == expected


def test_play_at_the_end_starts_over():
    ended = scrubber().at(at(5))
    assert (ended.at_ms, ended.playing) == (10_000, False)
    again = scrub(ended, at(6), playing=True)
    assert (again.at_ms, again.playing) == (0, True)


def test_start():
    assert start(7, 10_000, 20.0, at(0)).as_dict() == {
        "statement": 7,
        "duration_ms": 10_000,
        "speed": 20.0,
        "at_ms": 0,
        "playing": True,
        "round": 1,
    }
    assert start(7, 0, 20.0, at(0)).playing is False  # one instant: nothing to play


@pytest.mark.parametrize(
    "status, changes, another_open, refused",
    [
        ("closed", 3, False, None),
        ("open", 3, False, "Close the statement"),
        ("draft", 0, False, "Close the statement"),
        ("closed", 0, False, "Nothing to replay"),
        ("closed", 3, True, "Close the open statement"),
    ],
)
def test_replayable(status, changes, another_open, refused):
    check_rule(check_replayable, status, changes, another_open, refused=refused)


def test_a_statement_with_hidden_dots_is_not_replayed():
    check_rule(check_replayable, "closed", 3, False, True, refused="Reveal the dots")


@pytest.mark.parametrize(
    "value, ok",
    [
        (1, True),
        (20, True),
        (2.5, True),
        (0, False),
        (21, False),
        (True, False),
        ("10", False),
        (None, False),
    ],
)
def test_parse_speed(value, ok):
    check_rule(parse_speed, value, refused=not ok, error=Invalid)
    if ok:
        assert parse_speed(value) == float(value)


@pytest.mark.parametrize(
    "value, ok",
    [(0, True), (10_000, True), (-1, False), (10_001, False), (1.5, False), (True, False), ("0", False)],
)
def test_parse_at(value, ok):
    check_rule(parse_at, value, 10_000, refused=not ok, error=Invalid)
    if ok:
        assert parse_at(value, 10_000) == value
