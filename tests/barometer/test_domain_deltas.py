"""The distribution's delta stream (domain_deltas.py, cut by aggregate.py):
a snapshot followed by the deltas equals the full distribution of each
window, after a lost delta (a gap), a reconnect, a hidden statement and
another writer (a reload)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.registry import open_store
from workshop.barometer.aggregate import LiveDistributions
from workshop.barometer.domain import Distribution, hidden_payload
from workshop.barometer.domain_deltas import (
    SNAPSHOT_EVERY,
    Follower,
    apply_delta,
    as_distribution,
    changed_numbers,
    delta_payload,
    snapshot_payload,
)

PEOPLE = 12


def test_a_delta_carries_the_changed_dots_and_exact_numbers():
    before = {1: 10, 2: 50, 3: None, 4: 70}
    after = {1: 10, 2: 55, 3: 20, 4: None, 5: 0}
    changed = changed_numbers(before, after)
    assert changed == {2, 3, 4, 5}
    placed = [v for v in after.values() if v is not None]
    delta = delta_payload(9, 4, after, changed, (len(placed), 1, sum(placed)))
    assert delta == {
        "statement": 9,
        "seq": 4,
        "count": 4,
        "passes": 1,
        "mean": 21.2,
        "dots": [[2, 55], [3, 20], [5, 0]],
        "gone": [4],
    }
    screen = apply_delta({n: v for n, v in before.items() if v is not None}, delta)
    assert as_distribution(9, screen, delta) == Distribution.of(9, after).as_dict()


def test_the_mean_rounds_as_the_full_distribution_does():
    for values in ([1, 2], [0, 0, 1], [33, 34, 34], [5]):
        tally = (len(values), 0, sum(values))
        delta = delta_payload(1, 1, dict(enumerate(values)), set(), tally)
        assert delta["mean"] == Distribution.of(1, dict(enumerate(values))).mean


def test_an_old_delta_is_ignored_and_a_gap_waits_for_a_snapshot():
    screen = Follower()
    screen.snapshot(snapshot_payload(Distribution.of(1, {1: 10}).as_dict(), 3))
    screen.delta(delta_payload(1, 3, {1: 99}, {1}, (1, 0, 99)))  # already in the snapshot
    assert screen.shown()["dots"] == [[1, 10]]
    screen.delta(delta_payload(1, 5, {1: 30}, {1}, (2, 0, 35)))  # 4 never came
    assert screen.wants_snapshot and screen.shown() is None
    screen.snapshot(snapshot_payload(Distribution.of(1, {1: 20, 2: 5}).as_dict(), 4))
    assert screen.shown() == Distribution.of(1, {1: 30, 2: 5}).as_dict()


moves = st.tuples(st.just("move"), st.integers(0, PEOPLE - 1), st.one_of(st.none(), st.integers(0, 100)))
steps = st.one_of(
    moves,
    moves,
    moves,
    st.tuples(st.just("window"), st.booleans()),  # True: this window's delta is lost
    st.tuples(st.just("serve")),  # the screen's snapshot request is answered now
    st.tuples(st.just("reconnect")),
    st.tuples(st.just("hide"), st.booleans()),
    st.tuples(st.just("other writer"), st.integers(0, PEOPLE - 1), st.integers(0, 100)),
)


class Room:
    """One open statement, its live aggregate, and two screens following it
    (a facilitator's and a projector's), routed as barometer/live.py does."""

    def __init__(self, path: Path):
        self.store = open_store(path / "w.db")
        self.other = open_store(path / "w.db")
        self.workshop = self.store.create_workshop("Delta", "sv")
        self.id = self.workshop["id"]
        self.statement = self.store.add_statements(self.id, ["Påstående"])[0]["id"]
        self.store.open_for_answers(self.id, self.statement)
        self.people = [self.store.add_participant(self.id) for _ in range(PEOPLE)]
        self.live = LiveDistributions(self.store)
        self.hidden = False
        self.staff, self.projector = Follower(), Follower()
        self.connect()

    def full(self) -> tuple[dict, dict]:
        full = self.live.payload(self.id, self.statement)
        public = hidden_payload(self.statement, full["count"], full["passes"]) if self.hidden else full
        return full, public

    def connect(self) -> None:
        seq, full = self.live.snapshot(self.id, self.statement)
        public = hidden_payload(self.statement, full["count"], full["passes"]) if self.hidden else full
        self.staff.snapshot(snapshot_payload(full, seq))
        self.projector.snapshot(snapshot_payload(public, seq))

    def move(self, who: int, value) -> None:
        p = self.people[who]
        move = (self.id, self.statement, p["id"], value, p["number"])
        assert self.live.commit_then_apply(self.store.record_positions, [move]) == [None]

    def window(self, lost: bool) -> None:
        seq, delta = self.live.window(self.id, self.statement, self.hidden)
        if delta is None:
            full, public = self.full()
            self.staff.snapshot(snapshot_payload(full, seq))
            self.projector.snapshot(snapshot_payload(public, seq))
        elif not lost:
            self.staff.delta(delta)
            if self.hidden:
                public = hidden_payload(self.statement, delta["count"], delta["passes"])
                self.projector.snapshot(snapshot_payload(public, seq))
            else:
                self.projector.delta(delta)

    def serve(self) -> None:
        for screen, audience in ((self.staff, 0), (self.projector, 1)):
            if screen.wants_snapshot:
                seq, full = self.live.snapshot(self.id, self.statement)
                public = (
                    hidden_payload(self.statement, full["count"], full["passes"]) if self.hidden else full
                )
                screen.snapshot(snapshot_payload((full, public)[audience], seq))

    def check(self) -> None:
        """Right after a window, each screen shows what a full `distribution` would."""
        full, public = self.full()
        assert full == self.store.distribution(self.statement).as_dict()
        for screen, expected in ((self.staff, full), (self.projector, public)):
            if not screen.wants_snapshot:
                assert screen.shown() == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(steps, max_size=60))
def test_snapshot_plus_deltas_equals_the_full_distribution(script):
    with tempfile.TemporaryDirectory() as tmp:
        room = Room(Path(tmp))
        for step in script:
            kind = step[0]
            if kind == "move":
                room.move(step[1], step[2])
            elif kind == "window":
                room.window(step[1])
                if not step[1]:  # a screen learns of a lost delta only from the next one
                    room.check()
            elif kind == "serve":
                room.serve()
            elif kind == "reconnect":
                room.staff, room.projector = Follower(), Follower()
                room.connect()
            elif kind == "hide":
                room.hidden = step[1]
            else:  # a script or another process writes: the aggregate reads again
                p = room.people[step[1]]
                room.other.record_positions([(room.id, room.statement, p["id"], step[2], p["number"])])
        # One more window shows a gap, if any; the request answered, the next is whole.
        room.window(False)
        room.serve()
        room.window(False)
        room.check()
        assert not room.staff.wants_snapshot and not room.projector.wants_snapshot


def test_a_snapshot_every_n_windows(tmp_path):
    room = Room(tmp_path)
    kinds = []
    for i in range(2 * SNAPSHOT_EVERY + 1):
        room.move(i % PEOPLE, i % 101)
        kinds.append(room.live.window(room.id, room.statement, False)[1] is None)
    assert kinds[0] is True  # the first window after a load
    assert sum(kinds) == 3 and kinds[SNAPSHOT_EVERY] and kinds[2 * SNAPSHOT_EVERY]
