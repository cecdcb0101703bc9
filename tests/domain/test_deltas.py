"""The core's delta stream (workshop/domain/deltas.py) and its windows
(workshop/live/deltas.py): a snapshot then the deltas equal the whole
aggregate of every window, after a gap, a reconnect and a new subject, and
an entry that changed and changed back between two windows is not missed."""

from __future__ import annotations

import random

from workshop.domain.deltas import Follower, apply_delta, keyed_changes
from workshop.live.deltas import DeltaWindows


class Tally(Follower):
    subject = "question"

    def rebuild(self, about, dots, last):
        return {"question": about, "dots": sorted(dots.items()), "count": last["count"]}


def whole(question: int, entries: dict, seq: int | None = None) -> dict:
    shown = {n: c for n, c in entries.items() if c is not None}
    out = {"question": question, "dots": sorted(shown.items()), "count": len(shown)}
    return out if seq is None else {**out, "seq": seq}


def cut(windows: DeltaWindows, question: int, entries: dict) -> dict:
    """What the server sends for one window: a snapshot or a delta."""
    seq, changes = windows.window("w", question, entries)
    if changes is None:
        return whole(question, entries, seq)
    dots, gone = changes
    return {**whole(question, entries), "seq": seq, "dots": dots, "gone": gone}


def feed(follower: Tally, payload: dict) -> None:
    (follower.delta if "gone" in payload else follower.snapshot)(payload)


def test_keyed_changes_name_what_moved_and_who_left():
    assert keyed_changes({1: 0, 2: 3, 3: None}, {1: 0, 2: 1, 4: 2, 3: None}) == ([[2, 1], [4, 2]], [])
    assert keyed_changes({1: 0, 2: 3}, {1: None}) == ([], [1, 2])
    assert apply_delta({1: 0, 2: 3}, {"dots": [[2, 1]], "gone": [1]}) == {2: 1}


def test_a_random_stream_with_gaps_reconnects_and_a_new_question_equals_the_whole():
    rng = random.Random(24)
    windows = DeltaWindows()
    screen, late = Tally(), None
    question, entries = 1, {}
    for window in range(400):
        if window == 150:  # another question: new entries, the seq keeps rising
            question, entries = 2, {}
        for _ in range(rng.randint(0, 12)):
            entries[rng.randint(1, 60)] = rng.choice([0, 1, 2, 3, None])
        payload = cut(windows, question, entries)
        if rng.random() < 0.08:
            continue  # lost on the way: the next delta is a gap
        for follower in (screen, late) if late is not None else (screen,):
            feed(follower, payload)
            if follower.wants_snapshot:  # asked: the server answers with the last cut
                seq, held = windows.snapshot("w", question, entries)
                follower.snapshot(whole(question, held, seq))
        if window == 250:  # a screen connecting late
            late = Tally()
            seq, held = windows.snapshot("w", question, entries)
            late.snapshot(whole(question, held, seq))
        assert screen.shown() == whole(question, entries), window
        if late is not None:
            assert late.shown() == whole(question, entries), window


def test_a_snapshot_between_windows_is_the_last_cut_so_a_change_back_is_not_missed():
    windows = DeltaWindows()
    entries = {1: 0, 2: 1}
    feed_to = Tally()
    cut(windows, 7, entries)  # window 1: a snapshot
    entries[1] = 3  # changed after the cut…
    seq, held = windows.snapshot("w", 7, entries)
    feed_to.snapshot(whole(7, held, seq))  # …a screen connects now…
    entries[1] = 0  # …and it changes back before the next window
    feed(feed_to, cut(windows, 7, entries))
    assert feed_to.shown() == whole(7, entries)


def test_every_fiftieth_window_is_a_snapshot():
    windows = DeltaWindows()
    kinds = ["gone" in cut(windows, 1, {1: n % 4}) for n in range(101)]
    assert [i for i, delta in enumerate(kinds) if not delta] == [0, 50, 100]
