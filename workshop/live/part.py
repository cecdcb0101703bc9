"""A method's share of the live path, declared as data.

Each method (or each feature of one) hands the core a ``LivePart`` of
module-level functions, each taking the hub first, so a reader can import
and jump to any handler (``barometer.live.position`` is a phone's move).
``register_part`` binds them to one app's hub and Socket.IO server; every
name goes through the core's claims (``Hub.flushers``,
``live.events.SocketIO.on``), so one owner per event name and flusher kind.

    phone_events  event -> fn(hub, conn, data) -> ack   wrapped by participant_event
    staff_events  event -> fn(hub, conn, data)          wrapped by staff_event (consoles, projectors)
    flushers      kind -> fn(hub, workshop_id)          a coalesced push (Hub.changed)
    on_connect    role -> (fn(hub, conn, workshop), …)  what a new client is sent first
    phone_state   fn(hub, workshop, only) -> fn(participant_id, reading) -> dict
                  (reading: the phone's language, domain/texts.py read_in)
    staff_state   fn(hub, workshop) -> dict             its parts of `state`
    refreshed_with_state  kinds flushed again after a state push
    each_process  kinds whose flusher sends to this process's own phones
    setup         fn(hub) -> what the part keeps per app (``hub.runtime[name]``)
    written       fn(hub) -> bool: everything it accepted is on disk (a part that
                  writes later than its handler returns, like a group commit);
                  a graceful shutdown waits for it
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from workshop.live.acks import participant_event, staff_event


@dataclass(frozen=True)
class LivePart:
    name: str  # the method's (or "<method>.<feature>"): the key of hub.runtime
    phone_events: Mapping[str, Callable] = field(default_factory=dict)
    staff_events: Mapping[str, Callable] = field(default_factory=dict)
    flushers: Mapping[str, Callable] = field(default_factory=dict)
    on_connect: Mapping[str, tuple[Callable, ...]] = field(default_factory=dict)
    phone_state: Callable | None = None
    staff_state: Callable | None = None
    refreshed_with_state: tuple[str, ...] = ()
    each_process: tuple[str, ...] = ()
    setup: Callable[[Any], Any] | None = None
    written: Callable[[Any], bool] | None = None


def register_part(socketio, hub, part: LivePart) -> None:
    if part.setup is not None:
        hub.runtime[part.name] = part.setup(hub)
    for kind, flush in part.flushers.items():
        hub.flushers[kind] = _bound(flush, hub)
    hub.refreshed_with_state.update(part.refreshed_with_state)
    hub.each_process.update(part.each_process)
    for role, sends in part.on_connect.items():
        hub.on_connect[role].extend(_bound(send, hub) for send in sends)
    if part.phone_state is not None:
        hub.phone_state.append(_bound(part.phone_state, hub))
    if part.written is not None:
        hub.written_checks.append(_bound(part.written, hub))
    if part.staff_state is not None:
        hub.staff_state.append(_bound(part.staff_state, hub))
    for event, handler in part.phone_events.items():
        socketio.on(event)(participant_event(hub)(_bound(handler, hub)))
    for event, handler in part.staff_events.items():
        socketio.on(event)(staff_event(hub)(_bound(handler, hub)))


def _bound(fn: Callable, hub) -> Callable:
    """``fn`` with the hub as its first argument, keeping its name (clash
    messages and tracebacks name the module-level function)."""
    return functools.wraps(fn)(functools.partial(fn, hub))
