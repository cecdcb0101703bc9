"""gevent's WSGI server for `make run`, with a deadline for unfinished requests.

gevent waits for a request's line and headers for ever, so a client that
opens connections and sends a few bytes now and then (slowloris) holds each
one until the open-file limit is reached, and the venue's phones cannot
connect. Here:

- the request line and headers must all arrive within ``request_timeout``
  seconds, however slowly they trickle in; so must the next request on a
  kept-alive connection (an idle one is closed after that long);
- a body may take as long as it needs, but may not stall: each read waits at
  most ``request_timeout`` seconds, so a slow upload that keeps moving is not
  cut;
- once a websocket is agreed, the socket has no timeout: its idle time is
  Engine.IO's (ping every 10 s, gone after 10 s without a pong), and a long
  poll waits inside the app, not on a read.

A client cut off gets its connection closed, with no response and no
traceback. Flask-SocketIO's ``socketio.run`` names its own handler class,
so the server is built here (as ``socketio.run`` builds it otherwise).
"""

from __future__ import annotations

import socket

import gevent
from gevent import pywsgi
from geventwebsocket.handler import WebSocketHandler

DEFAULT_REQUEST_TIMEOUT = 15.0


class TooSlow(socket.timeout):
    """The request line and headers did not arrive in time."""


class DeadlineHandler(WebSocketHandler):
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT

    def handle_one_request(self):
        self.socket.settimeout(self.request_timeout)  # each read, body included
        self._head_deadline = gevent.Timeout.start_new(self.request_timeout, TooSlow())
        try:
            return super().handle_one_request()
        finally:
            self._head_deadline.close()

    def read_request(self, raw_requestline):
        headers_read = super().read_request(raw_requestline)
        self._head_deadline.cancel()
        if self._connection_upgrade_requested():
            self.socket.settimeout(None)  # a websocket may be quiet between messages
        return headers_read

    def _handle_client_error(self, ex):
        # A timeout while the headers trickle in (TooSlow, or a read that
        # waited too long): close quietly. gevent would print a traceback.
        if isinstance(ex, socket.timeout):
            return None
        return super()._handle_client_error(ex)


def gevent_server(app, host: str, port: int, request_timeout: float, backlog: int) -> pywsgi.WSGIServer:
    handler = type("WorkshopHandler", (DeadlineHandler,), {"request_timeout": request_timeout})
    return pywsgi.WSGIServer((host, port), app, handler_class=handler, log=None, backlog=backlog)
