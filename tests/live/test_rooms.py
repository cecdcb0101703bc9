"""live/rooms.py: the indexed client manager does what python-socketio's own
does, step by step, without scanning every room on a disconnect."""

from __future__ import annotations

import random

import socketio

from workshop.live.rooms import Manager

NS = "/"


def snapshot(manager) -> tuple:
    rooms = {
        ns: {room: dict(members) for room, members in by_room.items()}
        for ns, by_room in manager.rooms.items()
    }
    pending = (
        {k: sorted(v) for k, v in manager.pending_connect.items()},
        {k: sorted(v) for k, v in manager.pending_disconnect.items()},
    )
    return rooms, sorted(manager.callbacks), pending


def test_same_rooms_as_python_socketio_after_random_steps():
    ours, theirs, rng = Manager(), socketio.Manager(), random.Random(20261123)
    connected: list[str] = []
    for step in range(3000):
        op = rng.random()
        if op < 0.25 or not connected:
            sid, waiting = f"s{step}", rng.random() < 0.3
            connected.append(sid)
            for m in (ours, theirs):
                m.basic_enter_room(sid, NS, None, eio_sid=f"e{step}")
                m.basic_enter_room(sid, NS, sid)
                if waiting:  # a connect still pending, an ack callback waiting
                    m.pending_connect.setdefault(NS, []).append(sid)
                    m.callbacks[sid] = {0: None}
        elif op < 0.55:
            sid, room = rng.choice(connected), f"w{rng.randint(1, 4)}:{rng.choice(['phones', 'staff'])}"
            for m in (ours, theirs):
                m.basic_enter_room(sid, NS, room)
        elif op < 0.7:
            sid, room = rng.choice(connected), f"w{rng.randint(1, 4)}:phones"
            for m in (ours, theirs):
                m.basic_leave_room(sid, NS, room)
        elif op < 0.75:
            room = f"w{rng.randint(1, 4)}:staff"
            for m in (ours, theirs):
                m.basic_close_room(room, NS)
        else:
            sid, leaving = connected.pop(rng.randrange(len(connected))), rng.random() < 0.2
            if leaving:
                for m in (ours, theirs):
                    m.pending_disconnect.setdefault(NS, []).append(sid)
            for m in (ours, theirs):
                m.basic_disconnect(sid, NS)
        assert snapshot(ours) == snapshot(theirs), f"step {step}"
        if connected:
            sid = rng.choice(connected)
            assert sorted(ours.get_rooms(sid, NS), key=str) == sorted(theirs.get_rooms(sid, NS), key=str)
    assert len(connected) > 10  # the run ended with people still in rooms


def test_a_disconnect_does_not_look_at_other_clients_rooms():
    manager = Manager()
    for i in range(200):
        manager.basic_enter_room(f"s{i}", NS, None, eio_sid=f"e{i}")
        manager.basic_enter_room(f"s{i}", NS, f"s{i}")
        manager.basic_enter_room(f"s{i}", NS, "w:phones")

    class Counting(dict):
        looked = 0

        def __contains__(self, key):
            Counting.looked += 1
            return super().__contains__(key)

    for room in list(manager.rooms[NS]):
        if room not in (None, "w:phones", "s0"):
            manager.rooms[NS][room] = Counting(manager.rooms[NS][room])
    manager.basic_disconnect("s0", NS)
    assert Counting.looked == 0 and "s0" not in manager.rooms[NS][None]
    assert len(manager.rooms[NS]["w:phones"]) == 199
