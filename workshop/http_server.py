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

A client too slow with its head gets its connection closed, with no
response and no traceback; a stalled body is answered 400 by the app (an
Engine.IO polling POST: "ok", nothing done), again without a traceback.
Flask-SocketIO's ``socketio.run`` names its own handler class,
so the server is built here (as ``socketio.run`` builds it otherwise).
"""

from __future__ import annotations

import logging

import gevent
from gevent import pywsgi
from geventwebsocket.handler import WebSocketHandler

from workshop.logs import redact

ACCESS = logging.getLogger("workshop.access")

DEFAULT_REQUEST_TIMEOUT = 15.0


class TooSlow(TimeoutError):
    """The request line and headers did not arrive in time."""


class StalledBody(TimeoutError):
    """A body that stopped arriving: the client's doing, not ours. werkzeug
    reads it as a disconnect (an OSError: 400, no traceback); Engine.IO's
    polling POST logs any error with its traceback, so that record is
    dropped (quiet_stalled_bodies)."""


def _not_a_stalled_body(record: logging.LogRecord) -> bool:
    return not (record.exc_info and isinstance(record.exc_info[1], StalledBody))


def quiet_stalled_bodies() -> None:
    """Engine.IO answers a polling POST whose body stalled with "ok" and
    nothing done, after logging it as "post request handler error" with a
    traceback: a client that stops sending should not fill the log."""
    logger = logging.getLogger("engineio.server")
    if _not_a_stalled_body not in logger.filters:
        logger.addFilter(_not_a_stalled_body)


class BodyReader:
    """The request's body stream (gevent's Input) as the app sees it: a read
    that waits longer than the timeout raises StalledBody."""

    def __init__(self, stream):
        self._stream = stream

    def _call(self, method, *args):
        try:
            return method(*args)
        except TimeoutError:
            raise StalledBody("the request body stalled") from None

    def read(self, length=None):
        return self._call(self._stream.read, length)

    def readline(self, size=None):
        return self._call(self._stream.readline, size)

    def readlines(self, hint=None):
        return self._call(self._stream.readlines, hint)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


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

    def get_environ(self):
        environ = super().get_environ()
        if environ["wsgi.input"] is self.wsgi_input:  # not for a websocket upgrade
            environ["wsgi.input"] = BodyReader(self.wsgi_input)
        return environ

    def log_request(self):
        """One access line per request (a websocket's when it closes),
        redacted: a download link's ?key= and a join link's code never reach
        the log (workshop/logs.py). Replaces gevent's and geventwebsocket's."""
        if not ACCESS.isEnabledFor(logging.INFO):
            return
        status = (getattr(self, "_orig_status", None) or self.status or "000").split()[0]
        ms = round((self.time_finish - self.time_start) * 1000, 1) if self.time_finish else None
        client = self.client_address[0] if isinstance(self.client_address, tuple) else self.client_address
        request_line = redact(self.requestline or "")
        ACCESS.info(
            '%s "%s" %s %s %s ms',
            client or "-",
            request_line,
            status,
            self.response_length or "-",
            ms if ms is not None else "-",
            extra={
                "method": self.command or "",
                "path": redact(self.path or ""),
                "status": int(status) if status.isdigit() else 0,
                "bytes": self.response_length or 0,
                "ms": ms,
                "client": client or "-",
            },
        )

    def _handle_client_error(self, ex):
        # A timeout while the headers trickle in (TooSlow, or a read that
        # waited too long): close quietly. gevent would print a traceback.
        if isinstance(ex, TimeoutError):
            return None
        return super()._handle_client_error(ex)


def gevent_server(app, host: str, port: int, request_timeout: float, backlog: int) -> pywsgi.WSGIServer:
    quiet_stalled_bodies()
    handler = type("WorkshopHandler", (DeadlineHandler,), {"request_timeout": request_timeout})
    return pywsgi.WSGIServer((host, port), app, handler_class=handler, log=None, backlog=backlog)
