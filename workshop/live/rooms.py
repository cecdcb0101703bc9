"""Socket.IO's client manager, with each client's rooms indexed.

python-socketio keeps ``rooms[namespace][room] -> {sid: eio_sid}``, and each
client has a room of its own. To find the rooms a leaving client was in it
tests every room of the namespace, so one disconnect costs O(clients) and a
hall whose Wi-Fi drops costs O(clients²): 5,000 phones going at once took
seconds of CPU, just when they all come back (docs/performance.md). This
mixin also keeps ``sid -> rooms``, so a disconnect touches only the
client's own rooms; everything else is python-socketio's (pinned in
requirements.txt; tests/live/test_rooms.py checks the result is the same as
its own manager's, step by step).
"""

from __future__ import annotations

import socketio


class IndexedRooms:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rooms_of: dict[tuple[str, str], set] = {}  # (namespace, sid) -> its rooms (None = connected)

    def basic_enter_room(self, sid, namespace, room, eio_sid=None):
        super().basic_enter_room(sid, namespace, room, eio_sid=eio_sid)
        self.rooms_of.setdefault((namespace, sid), set()).add(room)

    def basic_leave_room(self, sid, namespace, room):
        super().basic_leave_room(sid, namespace, room)
        rooms = self.rooms_of.get((namespace, sid))
        if rooms is not None:
            rooms.discard(room)
            if not rooms:
                del self.rooms_of[(namespace, sid)]

    def get_rooms(self, sid, namespace):
        return [r for r in self.rooms_of.get((namespace, sid), ()) if r is not None]

    def basic_disconnect(self, sid, namespace, **kwargs):
        # python-socketio's own steps, with its scan of every room replaced by the index.
        if namespace not in self.rooms:
            return
        for room in list(self.rooms_of.get((namespace, sid), ())):
            self.basic_leave_room(sid, namespace, room)
        self.callbacks.pop(sid, None)
        for pending in (self.pending_connect, self.pending_disconnect):
            sids = pending.get(namespace)
            if sids is not None and sid in sids:
                sids.remove(sid)
                if not sids:
                    del pending[namespace]


class Manager(IndexedRooms, socketio.Manager):
    """The one-process client manager."""
