"""The Flask class the app runs on: Flask, minus URL routing for Socket.IO events.

Flask-SocketIO runs every Socket.IO event inside a request context built
from the connection's WSGI environ (path ``/socket.io/``), and Flask matches
that path against every rule of the app each time, only to store a 404 that
nobody reads: Socket.IO requests never reach Flask's routing (the Socket.IO
middleware answers them). With 2,000 phones moving 1,000 times a second that
matching was about a tenth of the server's CPU (docs/performance.md). Events
still get their request context (``request.sid``, the session); ``url_for``
is not used by Socket.IO handlers.
"""

from __future__ import annotations

from flask import Flask

SOCKET_IO_PATH = "/socket.io/"


class WorkshopFlask(Flask):
    def create_url_adapter(self, request):
        if request is not None and request.environ.get("PATH_INFO", "").startswith(SOCKET_IO_PATH):
            return None
        return super().create_url_adapter(request)
