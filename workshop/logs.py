"""The server's log: plain lines, or one JSON object a line
(WORKSHOP_LOG_FORMAT=json), with nothing secret in either.

Every record goes through ``redact`` as it is formatted, whoever logged it
(ours, gevent's access log, Engine.IO, a traceback): a key, token, invite
secret or join code in a URL (``?key=``, ``#token=``, ``/j/<code>``), a
``Bearer`` header or a Socket.IO auth payload is replaced by ``[hidden]``.
The access log (``workshop.access``, http_server.py) is redacted the same way.

JSON lines carry the workshop's id (``extra={"workshop": id}``, or read
from a /api/workshops/<id>/… path) and never a participant's text: an
exception is logged as its type and stack only, without its message (which
may quote what a phone sent).
"""

from __future__ import annotations

import json
import logging
import re
import sys
import traceback
from datetime import UTC, datetime

HIDDEN = "[hidden]"
FORMATS = ("plain", "json")

# name=value in a query string or fragment, for every name that opens something.
_PARAMS = re.compile(
    r"(?P<name>(?:[?&#;]|%3F|%26)(?:key|token|participant|code|secret|invite|admin_token)=)[^&#\s\"';]*",
    re.IGNORECASE,
)
_BEARER = re.compile(r"(?P<name>Bearer\s+)[^\s\"',}]+", re.IGNORECASE)
_JOIN_PATH = re.compile(r"(?P<name>/j/)[^/?#\s\"]+")
# A JSON or repr of a connect's auth: {"code": "123456", "participant": "..."}.
_AUTH_FIELDS = re.compile(
    r"(?P<name>[\"'](?:code|participant|token|key|facilitator_key|projector_key|admin_token)[\"']\s*:\s*)"
    r"[\"'][^\"']*[\"']",
    re.IGNORECASE,
)
_WORKSHOP_PATH = re.compile(
    r"/(?:api/workshops|console|projector)/(?P<id>[A-Za-z0-9_-]{6,32})(?=[/?#\s\"]|$)"
)


def redact(text: str) -> str:
    text = _PARAMS.sub(lambda m: m["name"] + HIDDEN, text)
    text = _BEARER.sub(lambda m: m["name"] + HIDDEN, text)
    text = _JOIN_PATH.sub(lambda m: m["name"] + HIDDEN, text)
    return _AUTH_FIELDS.sub(lambda m: m["name"] + f'"{HIDDEN}"', text)


def workshop_of(record: logging.LogRecord, message: str) -> str | None:
    given = getattr(record, "workshop", None)
    if given:
        return str(given)
    found = _WORKSHOP_PATH.search(message)
    return found["id"] if found else None


class PlainFormatter(logging.Formatter):
    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = redact(record.getMessage())
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": message,
            "workshop": workshop_of(record, message),
        }
        for field in ("method", "path", "status", "bytes", "ms", "client"):
            if hasattr(record, field):
                value = getattr(record, field)
                line[field] = redact(value) if isinstance(value, str) else value
        if record.exc_info and record.exc_info[0] is not None:
            kind, _, tb = record.exc_info
            # The type and where, not the message: it may quote a phone's text.
            line["error"] = kind.__name__
            line["stack"] = redact("".join(traceback.format_tb(tb)))
        return json.dumps(line, ensure_ascii=False)


def configure(log_format: str = "plain", level: int = logging.INFO, stream=None) -> logging.Handler:
    """One handler on the root logger, to stderr: every library's records
    (gevent, Engine.IO, ours) are formatted, and redacted, by it. Ours
    (``workshop.*``, the access log) from ``level``; libraries' from
    WARNING (fontTools alone says a dozen things per PDF)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else PlainFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    logging.getLogger("workshop").setLevel(level)
    return handler
