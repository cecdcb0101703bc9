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

This wraps two methods of python-socketio's Server (pinned in
requirements.txt); tests/live/test_guard.py drives it through real packets,
so an upgrade that moves them fails loudly.
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

# "2" (event) or "5" (binary event), optional "/namespace,", then the ack id.
_ACK_ID = re.compile(r"^[25](?:\d+-)?(?:/[^,]*,)?(\d+)")


class Refused(Exception):
    """Carries the msgid the client is told."""


def nesting_depth(text: str) -> int:
    """How deep brackets nest in JSON text, strings skipped."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def check_raw(message) -> None:
    """Before decoding: size, and depth (counted only when it could matter)."""
    if not isinstance(message, str):
        return  # binary attachments: we send and accept none, python-socketio refuses them
    if len(message) > MAX_MESSAGE_CHARS:
        raise Refused(N_("The message is too large."))
    # Cheap first: fewer brackets than the limit cannot nest deeper than it.
    if message.count("[") + message.count("{") > MAX_DEPTH and nesting_depth(message) > MAX_DEPTH:
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


def install(server, hub) -> None:
    """Wrap the server's dispatch with the checks above."""
    handle_message = server._handle_eio_message
    handle_event = server._handle_event

    def refuse(eio_sid, namespace, ack_id, reason: Refused) -> None:
        sid = server.manager.sid_from_eio_sid(eio_sid, namespace or "/")
        conn = hub.connections.get(sid) if sid else None
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

    def guarded_message(eio_sid, message):
        try:
            check_raw(message)
        except Refused as reason:
            match = _ACK_ID.match(message) if isinstance(message, str) else None
            refuse(eio_sid, "/", int(match.group(1)) if match else None, reason)
            return
        try:
            return handle_message(eio_sid, message)
        except ValueError:  # a malformed packet: python-socketio could not read it
            log.debug("unreadable packet from %s", eio_sid)

    def guarded_event(eio_sid, namespace, ack_id, data):
        try:
            check_event(data, server.handlers.get(namespace or "/", {}))
        except Refused as reason:
            refuse(eio_sid, namespace, ack_id, reason)
            return
        return handle_event(eio_sid, namespace, ack_id, data)

    server._handle_eio_message = guarded_message
    server._handle_event = guarded_event
