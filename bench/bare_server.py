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


def create(code: str, workshop_id: str, key: str, statement_id: int, window: float = WINDOW):
    app = Flask(__name__)
    socketio = SocketIO(
        app, async_mode="gevent", max_http_buffer_size=256 * 1024, ping_interval=10, ping_timeout=10
    )
    workshop = {"id": workshop_id, "code": code, "title": "Bare", "language": "en", "phase": "barometer"}
    statement = {"id": statement_id, "text": "Bare"}
    by_token: dict[str, int] = {}  # token -> participant number
    positions: dict[int, object] = {}  # number -> 0..100 or "pass"
    phones: dict[str, int] = {}  # sid -> number
    dirty = threading.Event()
    lock = threading.Lock()

    def distribution() -> dict:
        with lock:
            items = sorted(positions.items())
        dots = [[k, v] for k, v in items if v != "pass"]
        values = [v for _, v in dots]
        return {
            "statement": statement_id,
            "count": len(values),
            "passes": len(items) - len(values),
            "values": values,
            "mean": round(sum(values) / len(values), 1) if values else None,
            "dots": dots,
        }

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    @socketio.on("connect")
    def connect(auth=None):
        auth = auth if isinstance(auth, dict) else {}
        if "code" in auth:
            if auth.get("code") != code:
                raise ConnectionRefusedError("No workshop has that code.")
            token = auth.get("participant")
            with lock:
                number = by_token.get(token) if isinstance(token, str) else None
                if number is None:
                    token = secrets.token_urlsafe(24)
                    number = by_token[token] = len(by_token) + 1
                phones[request.sid] = number
                position = positions.get(number)
            socketio.emit("welcome", {"participant": token, "workshop": workshop}, to=request.sid)
            socketio.emit(
                "state", {"phase": "barometer", "statement": statement, "position": position}, to=request.sid
            )
        elif "workshop" in auth:
            if auth.get("workshop") != workshop_id or auth.get("key") != key:
                raise ConnectionRefusedError("Wrong or missing key for this workshop.")
            join_room("projector")
            socketio.emit(
                "state",
                {
                    "phase": "barometer",
                    "statement": {**statement, "hidden": False, "status": "open"},
                    "position": None,
                    "title": workshop["title"],
                    "code": code,
                },
                to=request.sid,
            )
            socketio.emit("distribution", distribution(), to=request.sid)
        else:
            raise ConnectionRefusedError("Join with a workshop code.")

    @socketio.on("disconnect")
    def disconnect(*_reason):
        with lock:
            phones.pop(request.sid, None)

    @socketio.on("position")
    def position(data=None):
        number = phones.get(request.sid)
        if number is None:
            return {"ok": False, "error": "Only participants' phones send this."}
        if not isinstance(data, dict) or data.get("statement") != statement_id:
            return {"ok": False, "error": "statement must be the id of the open statement."}
        value = data.get("value")
        if value != "pass" and (
            isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100
        ):
            return {"ok": False, "error": 'value must be an integer from 0 to 100, or "pass".'}
        with lock:
            positions[number] = value
        dirty.set()
        return {"ok": True, "statement": statement_id, "value": value}

    def flusher():
        while True:
            socketio.sleep(window)
            if dirty.is_set():
                dirty.clear()
                socketio.emit("distribution", distribution(), to="projector")

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
