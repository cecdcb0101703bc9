"""The socket guard: what a client sends is checked before any handler runs.

Installed once on the python-socketio server (``install``). It stands at the
two places python-socketio dispatches a client's packet:

1. the raw Engine.IO message, before it is decoded: too large, or nested
   deeper than any of our events needs, is refused without parsing it (a
   990-level JSON would otherwise reach the handlers, or the recursion limit);
2. the decoded event: a client can never trigger a handler for a reserved
   name (``connect``, ``disconnect``, … are the server's own, and a phone that
   sent ``disconnect`` used to be forgotten while its socket stayed open), nor
   an event nobody handles; arguments holding text that is not valid Unicode
   (lone surrogates) or integers SQLite cannot store are refused.

Every refused event that asked for an ack gets one, ``{"ok": false,
"error"}`` in the phone's language, so a phone never waits forever; nothing
reaches the log but one short line at debug level (no tracebacks a client
can cause).

A packet python-socketio cannot read gets the error ack when it carries an
ack id, else its connection is closed. Before any of this, live/fairness.py
has charged the packet to its connection's budget and closed frames that are
not Engine.IO at all.

This wraps two methods of python-socketio's Server (pinned in
requirements.txt); tests/live/test_guard.py drives it through real frames on
a real websocket, so an upgrade that moves them fails loudly.
"""

from __future__ import annotations

import logging
import re

from socketio import packet

from workshop.domain.errors import N_
from workshop.domain.parse import ID_MAX
from workshop.i18n import DEFAULT_LANGUAGE, translator

log = logging.getLogger(__name__)

# The server's own events, never a client's to send (python-socketio's
# reserved list plus its internal final-disconnect event).
RESERVED = frozenset({"connect", "connect_error", "disconnect", "__disconnect_final"})
# Our deepest event (an object holding a list) needs 3; leave room.
MAX_DEPTH = 16
# A 20,000-character note in any script, JSON-escaped, fits.
MAX_MESSAGE_CHARS = 200_000
INT_MIN = -ID_MAX - 1

# Socket.IO's binary event and binary ack: we send and accept no binary.
BINARY_PACKETS = frozenset("56")
# "2" (event) or "5" (binary event), optional "/namespace,", then the ack id.
_ACK_ID = re.compile(r"^[25](?:\d+-)?(?:/[^,]*,)?(\d+)")


class Refused(Exception):
    """Carries the msgid the client is told."""


# A JSON string (escapes included), and everything that is not a bracket.
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")
_AS_PARENS = str.maketrans("[]{}", "()()")


def _brackets(text: str) -> str:
    """The text's brackets outside strings, as "(" and ")"."""
    return _NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text)).translate(_AS_PARENS)


def _peel(brackets: str, passes: int) -> tuple[str, int]:
    """Remove the innermost pairs, one level a pass (each pass is one
    str.replace in C: a 200,000-character packet costs microseconds, where a
    loop over its characters in Python cost a millisecond a packet)."""
    done = 0
    while brackets and done < passes:
        peeled = brackets.replace("()", "")
        if peeled == brackets:
            break  # unbalanced: what is left never pairs
        brackets, done = peeled, done + 1
    return brackets, done


def nesting_depth(text: str) -> int:
    """How deep brackets nest in JSON text, strings skipped."""
    brackets = _brackets(text)
    return _peel(brackets, len(brackets))[1]


def deeper_than(text: str, limit: int) -> bool:
    """True when brackets nest deeper than `limit` (or never close)."""
    brackets, too_deep = _brackets(text), "(" * (limit + 1)
    for level in range(limit + 1):
        if too_deep[level:] in brackets:  # limit + 1 - level openers in a row, after `level` passes
            return True
        brackets, done = _peel(brackets, 1)
        if not done:
            return "(" in brackets
    return "(" in brackets


def check_raw(message: str) -> None:
    """Before decoding: size, and depth (counted only when it could matter)."""
    if len(message) > MAX_MESSAGE_CHARS:
        raise Refused(N_("The message is too large."))
    # Cheap first: fewer brackets than the limit cannot nest deeper than it.
    if message.count("[") + message.count("{") > MAX_DEPTH and deeper_than(message, MAX_DEPTH):
        raise Refused(N_("The message is nested too deeply."))


def check_value(value, depth: int = 0) -> None:
    """Decoded arguments: valid Unicode text, integers SQLite can store."""
    if depth > MAX_DEPTH:
        raise Refused(N_("The message is nested too deeply."))
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise Refused(N_("Text must be valid Unicode.")) from None
    elif isinstance(value, bool) or value is None or isinstance(value, float):
        return
    elif isinstance(value, int):
        if not INT_MIN <= value <= ID_MAX:
            raise Refused(N_("A number is out of range."))
    elif isinstance(value, dict):
        for key, item in value.items():
            check_value(key, depth + 1)
            check_value(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_value(item, depth + 1)


def check_event(data, known) -> None:
    if not isinstance(data, list) or not data or not isinstance(data[0], str):
        raise Refused(N_("Unknown event."))
    if data[0] in RESERVED or data[0] not in known:
        raise Refused(N_("Unknown event."))
    check_value(data[1:])


def ack_id_of(message) -> int | None:
    """The ack id of an encoded event, read without decoding it."""
    match = _ACK_ID.match(message) if isinstance(message, str) else None
    return int(match.group(1)) if match else None


class Guard:
    """The checks above, between Engine.IO and python-socketio's dispatch."""

    def __init__(self, server, hub):
        self.server, self.hub = server, hub
        self.handle_message = server._handle_eio_message
        self.handle_event = server._handle_event

    def refuse(self, eio_sid, namespace, ack_id, reason: Refused) -> None:
        server = self.server
        sid = server.manager.sid_from_eio_sid(eio_sid, namespace or "/")
        conn = self.hub.connections.get(sid) if sid else None
        log.debug("refused a client message from %s: %s", sid, reason.args[0])
        if ack_id is None:
            return
        text = translator(conn.lang if conn else DEFAULT_LANGUAGE)(reason.args[0])
        server._send_packet(
            eio_sid,
            server.packet_class(
                packet.ACK, namespace=namespace or "/", id=ack_id, data=[{"ok": False, "error": text}]
            ),
        )

    def unreadable(self, eio_sid, message) -> None:
        """A packet python-socketio cannot read: its error ack when it asked
        for one, else the connection is closed (as Socket.IO's own server
        does on a parse error)."""
        ack_id = ack_id_of(message)
        if ack_id is not None:
            self.refuse(eio_sid, "/", ack_id, Refused(N_("The message could not be read.")))
            return
        log.debug("closed %s: an unreadable packet", eio_sid)
        socket = self.server.eio.sockets.get(eio_sid)
        if socket is not None:
            socket.close(wait=False, reason=self.server.eio.reason.SERVER_DISCONNECT)

    def message(self, eio_sid, message):
        if not isinstance(message, str):  # binary: we send and accept none
            self.unreadable(eio_sid, message)
            return None
        try:
            check_raw(message)
        except Refused as reason:
            self.refuse(eio_sid, "/", ack_id_of(message), reason)
            return None
        if message[:1] in BINARY_PACKETS:
            self.refuse(eio_sid, "/", ack_id_of(message), Refused(N_("The message could not be read.")))
            return None
        try:
            return self.handle_message(eio_sid, message)
        except (ValueError, RecursionError):
            # python-socketio could not read it (bad JSON, a bad id, a packet
            # type it does not take from a client)
            self.unreadable(eio_sid, message)
            return None

    def event(self, eio_sid, namespace, ack_id, data):
        try:
            check_event(data, self.server.handlers.get(namespace or "/", {}))
        except Refused as reason:
            self.refuse(eio_sid, namespace, ack_id, reason)
            return None
        return self.handle_event(eio_sid, namespace, ack_id, data)


def install(server, hub) -> Guard:
    """Wrap the server's dispatch with the checks above.

    The message check is registered where Engine.IO delivers messages
    (``server.eio.on("message")``): python-socketio handed Engine.IO its own
    bound method when it was built, so replacing the attribute alone never
    reached a real connection (issue 17). The attribute is replaced too, for
    Flask-SocketIO's test client, which calls it directly. The event check
    replaces ``_handle_event``, which python-socketio looks up on each
    packet."""
    guard = Guard(server, hub)
    server.eio.on("message", guard.message)
    server._handle_eio_message = guard.message
    server._handle_event = guard.event
    return guard
