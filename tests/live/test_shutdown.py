"""live/shutdown.py: drain in order, with the app's own hub (threading mode)."""

import time

from tests.conftest import events
from workshop.live.shutdown import drain


def test_drain_stops_listening_tells_clients_and_waits_for_the_writes(app, phone, projector):
    hub = app.extensions["workshop.hub"]
    p = phone()
    steps = []
    written_at = time.monotonic() + 0.2
    hub.written_checks.append(lambda: time.monotonic() > written_at)

    assert drain(hub, lambda: steps.append(("listening stopped", hub.draining)), deadline=5)
    assert time.monotonic() > written_at  # it waited for the pending write
    assert steps == [("listening stopped", True)]  # not ready before it stops listening
    assert events(p, "restarting") == [{}]
    assert events(projector, "restarting") == [{}]


def test_drain_gives_up_after_its_deadline(app):
    hub = app.extensions["workshop.hub"]
    hub.written_checks.append(lambda: False)
    started = time.monotonic()
    assert drain(hub, lambda: None, deadline=0.2) is False
    assert 0.2 <= time.monotonic() - started < 2


def test_the_barometer_says_when_its_moves_are_written(app):
    hub = app.extensions["workshop.hub"]
    assert hub.all_written()
    commit = hub.runtime["barometer"].commit
    commit._queue.append(object())  # a move waiting for its batch
    assert not hub.all_written()
    commit._queue.clear()
    assert hub.all_written()
