"""Socket.IO with one owner per event name.

Flask-SocketIO lets a second ``on("position")`` silently replace the first;
a method that picked a name the core or another method already uses would
take its events away. Here the second registration of a name in a namespace
raises ``Clash`` at start, naming both handlers.
"""

from __future__ import annotations

import flask_socketio

from workshop.domain.names import Claims


class SocketIO(flask_socketio.SocketIO):
    def __init__(self, *args, **kwargs):
        self.event_owners: dict[str, Claims] = {}  # namespace -> event name -> handler
        super().__init__(*args, **kwargs)

    def on(self, message, namespace=None):
        register = super().on(message, namespace=namespace)
        claims = self.event_owners.setdefault(namespace or "/", Claims("socket event"))

        def decorator(handler):
            claims[message] = handler  # raises Clash before anything is replaced
            return register(handler)

        return decorator
