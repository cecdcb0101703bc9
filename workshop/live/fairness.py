"""Fairness between connections, where Engine.IO's raw packets arrive.

A connection's events run in its own greenlet (``async_handlers=False``), and
gevent switches greenlets only when one waits. A websocket whose buffer always
holds another frame never waited: one client sending as fast as it could
stopped every other phone, projector and console (issue 17). So, before
Engine.IO decodes anything:

- **yield** after each packet, so every other connection runs between two
  packets of one;
- **a budget** per connection, packets and bytes per second (a token bucket:
  a burst, then a sustained rate), generous for a phone; past it the
  connection is closed;
- **the frame's shape**: Engine.IO decodes JSON itself for a text packet
  whose data is not a Socket.IO packet (``4[[[…`` recursed past the limit,
  ``x…`` and ``b<junk>`` raised in its read loop). A client only ever sends
  ``4<digit>…`` (a Socket.IO packet), a pong ``3``, the upgrade's ``2probe``
  and ``5``, a close ``1`` or a noop ``6``; anything else, and any binary
  frame (we accept no binary), closes the connection cleanly, as Socket.IO's
  own server does on a parse error.

And two costs on the way in, in gevent-websocket (pinned in requirements.txt):
it unmasks each frame byte by byte in Python and checks its UTF-8 the same
way (twice: the frame, then the message): ~0.8 ms for a 3 KB frame, ~60 ms
for a 256 KiB one, none of it yielding. The UTF-8 check is swapped per
connection for one that asks Python's codec in C (``CodecUtf8Validator``:
same answers, same incremental state), and the unmasking, once per process,
for one XOR of two integers (``unmask``: the same bytes).

Both transports: the websocket (the ``websocket`` class Engine.IO's async
driver supplies is wrapped, for gevent-websocket, simple-websocket and
eventlet alike) and long-polling (``handle_request`` is wrapped: a POST's
packets are charged and checked before Engine.IO reads them).
"""

from __future__ import annotations

import codecs
import io
import logging
import time
from dataclasses import dataclass
from urllib.parse import parse_qs

log = logging.getLogger(__name__)

RECORD_SEPARATOR = "\x1e"  # between packets in a long-polling payload
_CONTROL = frozenset({"1", "2probe", "3", "3probe", "5", "6"})


@dataclass(frozen=True)
class Limits:
    """One connection's budget (docs/protocol.md, WORKSHOP_SOCKET_*)."""

    packets_per_second: float = 50.0
    bytes_per_second: float = 256 * 1024
    burst_seconds: float = 4.0
    # Before its Socket.IO connect a client sends one "40{auth}" (and maybe a
    # pong or a retried connect): a socket that never joins gets no budget
    # to spend, or every reconnect of a flooder would bring a fresh burst.
    before_joining: int = 10


class Budget:
    """A token bucket for packets and one for bytes, refilled with time."""

    __slots__ = ("limits", "packets", "bytes", "at", "unjoined")

    def __init__(self, limits: Limits, clock=time.monotonic):
        self.limits = limits
        self.packets = limits.packets_per_second * limits.burst_seconds
        self.bytes = limits.bytes_per_second * limits.burst_seconds
        self.at = clock()
        self.unjoined = 0  # packets sent before the Socket.IO connect was accepted

    def spend_unjoined(self) -> bool:
        """Charge a packet sent while not joined; False past the allowance."""
        self.unjoined += 1
        return self.unjoined <= self.limits.before_joining

    def spend(self, size: int, now: float) -> bool:
        """Charge one packet of `size` bytes; False once over the budget."""
        limits, elapsed = self.limits, max(0.0, now - self.at)
        self.at = now
        self.packets = min(
            self.packets + elapsed * limits.packets_per_second,
            limits.packets_per_second * limits.burst_seconds,
        )
        self.bytes = min(
            self.bytes + elapsed * limits.bytes_per_second, limits.bytes_per_second * limits.burst_seconds
        )
        self.packets -= 1
        self.bytes -= size
        return self.packets >= 0 and self.bytes >= 0


def well_formed(data) -> bool:
    """Can Engine.IO and python-socketio read this packet without raising?"""
    if not isinstance(data, str) or not data:
        return False
    if data[0] == "4":
        return len(data) > 1 and data[1] in "0123456"
    return data in _CONTROL


class CodecUtf8Validator:
    """gevent-websocket's Utf8Validator interface (``reset``, ``validate``
    returning ``(valid, ends_on_codepoint, index, total_index)``), checked
    by the UTF-8 codec's incremental decoder in C."""

    __slots__ = ("_decoder",)

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")()

    def validate(self, data: bytes) -> tuple[bool, bool, int, int]:
        try:
            self._decoder.decode(data, final=False)
        except UnicodeDecodeError as error:
            return False, False, error.start, error.start
        ends_on_codepoint = not self._decoder.getstate()[0]
        return True, ends_on_codepoint, len(data), len(data)


def unmask(header, payload) -> bytearray:
    """gevent-websocket's Header.unmask_payload, in C: XOR with the 4-byte
    key repeated, as one integer operation."""
    n = len(payload)
    if not n:
        return bytearray()
    key = (bytes(header.mask) * (n // 4 + 1))[:n]
    return bytearray(
        (int.from_bytes(payload, "little") ^ int.from_bytes(key, "little")).to_bytes(n, "little")
    )


def speed_up_gevent_websocket() -> None:
    try:
        from geventwebsocket.websocket import Header
    except ImportError:  # eventlet or threading: their own websocket code
        return
    Header.unmask_payload = Header.mask_payload = unmask


class MeteredWebSocket:
    """The websocket Engine.IO reads from, with fairness and the budget."""

    def __init__(self, ws, server, budget: Budget, sid: str, joined):
        self._ws, self._server, self._budget, self._sid, self._joined = ws, server, budget, sid, joined
        gevent_websocket = getattr(ws, "_sock", None)
        if hasattr(gevent_websocket, "utf8validator"):
            gevent_websocket.utf8validator = CodecUtf8Validator()

    def __getattr__(self, name):  # _sock, socket, environ…: the real websocket's
        return getattr(self._ws, name)

    def wait(self):
        # Every other connection runs before this one's next packet.
        self._server.sleep(0)
        data = self._ws.wait()
        if data is None:
            return None
        if not charge(self._budget, self._joined, self._sid, data, time.monotonic()):
            log.info("closed %s: over its packet budget", self._sid)
            return None  # Engine.IO treats it as the client's close
        if not well_formed(data):
            log.info("closed %s: a frame that is not Engine.IO", self._sid)
            return None
        return data

    def send(self, message):
        return self._ws.send(message)

    def close(self):
        return self._ws.close()


def charge(budget: Budget, joined, sid: str, data, now: float) -> bool:
    """Charge one raw packet; False when the connection is over its budget."""
    if not budget.spend(len(data) if data else 0, now):
        return False
    return joined(sid) or budget.spend_unjoined()


def budget_of(socket, limits: Limits) -> Budget:
    """The Engine.IO socket's budget, made on its first packet."""
    budget = getattr(socket, "fairness_budget", None)
    if budget is None:
        budget = socket.fairness_budget = Budget(limits)
    return budget


def install(eio, limits: Limits, joined) -> None:
    """Meter every connection of this Engine.IO server (only this one: the
    async driver's table is shared by every server in the process).
    `joined(eio_sid)`: has this connection's Socket.IO connect been accepted?"""
    websocket_class = eio._async["websocket"]
    if eio.async_mode == "gevent":
        speed_up_gevent_websocket()

    def metered_websocket(handler, server):
        socket = handler.__self__  # Engine.IO passes its Socket's bound _websocket_handler

        def metered_handler(ws):
            budget = budget_of(socket, limits)
            return handler(MeteredWebSocket(ws, server, budget, socket.sid, joined))

        return websocket_class(metered_handler, server)

    if websocket_class is not None:
        eio._async = {**eio._async, "websocket": metered_websocket}

    handle_request = eio.handle_request

    def metered_request(environ, start_response):
        if environ.get("REQUEST_METHOD") == "POST" and _refuse_post(eio, environ, limits, joined):
            start_response("400 BAD REQUEST", [("Content-Type", "text/plain")])
            return [b"Bad request"]
        return handle_request(environ, start_response)

    eio.handle_request = metered_request


def _refuse_post(eio, environ, limits: Limits, joined) -> bool:
    """A long-polling POST: charge and check its packets before Engine.IO
    decodes them; True when refused (the connection is then closed)."""
    sid = (parse_qs(environ.get("QUERY_STRING", "")).get("sid") or [None])[0]
    socket = eio.sockets.get(sid) if sid else None
    if socket is None:
        return False  # Engine.IO answers an unknown sid itself
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False  # Engine.IO answers it
    if length > eio.max_http_buffer_size:
        return False  # Engine.IO refuses it unread
    try:
        body = environ["wsgi.input"].read(length)
    except (OSError, TimeoutError):  # the body stalled (http_server.StalledBody) or the client left:
        return True  # 400, nothing done, no traceback in the log (the socket stays as it was)
    environ["wsgi.input"] = io.BytesIO(body)
    budget, now = budget_of(socket, limits), time.monotonic()
    try:
        packets = body.decode("utf-8").split(RECORD_SEPARATOR)
    except UnicodeDecodeError:
        packets = [None]
    if all(charge(budget, joined, sid, p, now) and well_formed(p) for p in packets):
        return False
    log.info("closed %s: over its packet budget or not Engine.IO", sid)
    socket.close(wait=False, abort=True, reason=eio.reason.TRANSPORT_ERROR)
    return True
