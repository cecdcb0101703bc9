"""The bare baseline for bench_scale.py: Flask-SocketIO on gevent doing only
the live path, with no database, no rooms per role, no translations.

- Phones connect with auth {"code": <the code given here>, "participant"?:
  <token>}; a wrong code is refused. A known token gets its participant back
  (same number, same position), as in ours.
- `welcome {"participant", "workshop"}` then `state {"phase", "statement",
  "position"}` on connect, the same shapes as ours.
- `position {"statement", "value"}` is acked with {"ok": true, "statement",
  "value"} after it is stored in a dict (or {"ok": false, "error"}).
- The projector connects with {"workshop": <id>, "key": <key>} and joins one
  room; every 100 ms, if anything changed, it gets a `distribution`
  {"statement", "count", "passes", "values", "mean", "dots": [[key, value]…]}
  with the participant number as the dot key.

Same server stack and settings as ours: gevent + gevent-websocket via
socketio.run, ping interval/timeout 10 s, 256 KiB message cap.

Usage: python bench/bare_server.py --port P --code 123456 --workshop W --key K --statement 1
Binds 127.0.0.1 only. GET /healthz answers {"ok": true}.
"""

from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import resource  # noqa: E402
import secrets  # noqa: E402
import threading  # noqa: E402

from flask import Flask, request  # noqa: E402
from flask_socketio import ConnectionRefusedError, SocketIO, join_room  # noqa: E402

WINDOW = 0.1  # seconds between distribution flushes (10 Hz)


def raise_nofile() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class BareWorkshop:
    """One workshop's live state in dicts, behind a lock (the handlers run in greenlets)."""

    def __init__(self, code: str, workshop_id: str, key: str, statement_id: int):
        self.code, self.key, self.statement_id = code, key, statement_id
        self.workshop = {
            "id": workshop_id,
            "code": code,
            "title": "Bare",
            "language": "en",
            "phase": "barometer",
        }
        self.statement = {"id": statement_id, "text": "Bare"}
        self.by_token: dict[str, int] = {}  # token -> participant number
        self.positions: dict[int, object] = {}  # number -> 0..100 or "pass"
        self.phones: dict[str, int] = {}  # sid -> number
        self.dirty = threading.Event()
        self.lock = threading.Lock()

    def distribution(self) -> dict:
        with self.lock:
            items = sorted(self.positions.items())
        dots = [[k, v] for k, v in items if v != "pass"]
        values = [v for _, v in dots]
        return {
            "statement": self.statement_id,
            "count": len(values),
            "passes": len(items) - len(values),
            "values": values,
            "mean": round(sum(values) / len(values), 1) if values else None,
            "dots": dots,
        }

    def join_phone(self, sid: str, auth: dict) -> tuple[str, object]:
        """A phone joins by code, with its token if it has one: (token, its position)."""
        if auth.get("code") != self.code:
            raise ConnectionRefusedError("No workshop has that code.")
        token = auth.get("participant")
        with self.lock:
            number = self.by_token.get(token) if isinstance(token, str) else None
            if number is None:
                token = secrets.token_urlsafe(24)
                number = self.by_token[token] = len(self.by_token) + 1
            self.phones[sid] = number
            return token, self.positions.get(number)

    def check_projector(self, auth: dict) -> None:
        if auth.get("workshop") != self.workshop["id"] or auth.get("key") != self.key:
            raise ConnectionRefusedError("Wrong or missing key for this workshop.")

    def leave(self, sid: str) -> None:
        with self.lock:
            self.phones.pop(sid, None)

    def place(self, sid: str, data) -> dict:
        """A phone's move, stored; the ack."""
        number = self.phones.get(sid)
        if number is None:
            return {"ok": False, "error": "Only participants' phones send this."}
        if not isinstance(data, dict) or data.get("statement") != self.statement_id:
            return {"ok": False, "error": "statement must be the id of the open statement."}
        value = data.get("value")
        if value != "pass" and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100
        ):
            return {"ok": False, "error": 'value must be an integer from 0 to 100, or "pass".'}
        with self.lock:
            self.positions[number] = value
        self.dirty.set()
        return {"ok": True, "statement": self.statement_id, "value": value}


def create(code: str, workshop_id: str, key: str, statement_id: int, window: float = WINDOW):
    app = Flask(__name__)
    socketio = SocketIO(
        app, async_mode="gevent", max_http_buffer_size=256 * 1024, ping_interval=10, ping_timeout=10
    )
    bare = BareWorkshop(code, workshop_id, key, statement_id)

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    @socketio.on("connect")
    def connect(auth=None):
        auth = auth if isinstance(auth, dict) else {}
        if "code" in auth:
            token, position = bare.join_phone(request.sid, auth)
            socketio.emit("welcome", {"participant": token, "workshop": bare.workshop}, to=request.sid)
            socketio.emit(
                "state",
                {"phase": "barometer", "statement": bare.statement, "position": position},
                to=request.sid,
            )
        elif "workshop" in auth:
            bare.check_projector(auth)
            join_room("projector")
            socketio.emit(
                "state",
                {
                    "phase": "barometer",
                    "statement": {**bare.statement, "hidden": False, "status": "open"},
                    "position": None,
                    "title": bare.workshop["title"],
                    "code": code,
                },
                to=request.sid,
            )
            socketio.emit("distribution", bare.distribution(), to=request.sid)
        else:
            raise ConnectionRefusedError("Join with a workshop code.")

    @socketio.on("disconnect")
    def disconnect(*_reason):
        bare.leave(request.sid)

    @socketio.on("position")
    def position(data=None):
        return bare.place(request.sid, data)

    def flusher():
        while True:
            socketio.sleep(window)
            if bare.dirty.is_set():
                bare.dirty.clear()
                socketio.emit("distribution", bare.distribution(), to="projector")

    socketio.start_background_task(flusher)
    return app, socketio


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--workshop", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--statement", type=int, default=1)
    args = parser.parse_args()
    raise_nofile()
    app, socketio = create(args.code, args.workshop, args.key, args.statement)
    print(f"bare server on 127.0.0.1:{args.port}", flush=True)
    socketio.run(app, host="127.0.0.1", port=args.port, log_output=False)


if __name__ == "__main__":
    main()
