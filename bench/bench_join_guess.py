"""How fast can one address guess join codes? (issue: hardening, join codes)

Starts the real server (app.py, gevent, a temporary data dir, loopback),
creates one workshop, then from one address for --seconds each:
  1. /j/<wrong code> as fast as one HTTP client can,
  2. Socket.IO connects with wrong codes as fast as one client can,
  3. right-code joins (/j/<right code>) from the same address, after 1 and 2,
and prints how many wrong codes the server actually looked up per second
(answered 404 / "no such code") against how many it refused unread (429 /
"too many"), and whether any right-code join was refused.

Usage: .venv/bin/python bench/bench_join_guess.py [--seconds 20]
Bounded: each phase stops after --seconds; only 127.0.0.1 is ever a target.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import requests
import socketio

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.live_server import LiveServer  # noqa: E402


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def http_guesses(server: LiveServer, code: str, seconds: float) -> dict:
    counts: dict[int, int] = {}
    session = requests.Session()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        status = session.get(f"{server.url}/j/{wrong(code)}", timeout=5).status_code
        counts[status] = counts.get(status, 0) + 1
    return counts


def socket_guesses(server: LiveServer, code: str, seconds: float) -> dict:
    counts = {"no such code": 0, "too many": 0, "other": 0}
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        client = socketio.Client(reconnection=False)
        said: list = []
        # The server's refusal text arrives in connect_error, not in the exception.
        client.on("connect_error", said.append)
        try:
            client.connect(server.url, auth={"code": wrong(code)}, transports=["websocket"], wait_timeout=5)
            counts["other"] += 1
            client.disconnect()
        except socketio.exceptions.ConnectionError:
            text = str(said[-1]) if said else ""
            counts["too many" if "För många" in text or "Too many" in text else "no such code"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    server = LiveServer(Path(tempfile.mkdtemp()) / "data").start()
    try:
        w = server.new_workshop("Gissa koden")
        s = args.seconds
        http = http_guesses(server, w["code"], s)
        looked = http.get(404, 0)
        print(
            f"HTTP /j/<wrong>: {sum(http.values()) / s:,.0f} requests/s; "
            f"codes looked up {looked / s:.2f}/s ({looked} in {s:.0f} s), refused unread {http.get(429, 0)}"
        )
        time.sleep(61)  # let the minute window empty, so the socket phase starts with a full budget
        sock = socket_guesses(server, w["code"], s)
        print(
            f"Socket.IO connects: {sum(sock.values()) / s:,.0f} attempts/s; codes looked up "
            f"{sock['no such code'] / s:.2f}/s ({sock['no such code']} in {s:.0f} s), refused unread "
            f"{sock['too many']}, other {sock['other']}"
        )
        time.sleep(61)
        right = [requests.get(f"{server.url}/j/{w['code']}", timeout=5).status_code for _ in range(500)]
        print(
            f"500 right-code joins from the same address: {right.count(200)} let in, "
            f"{len(right) - right.count(200)} refused"
        )
    finally:
        server.stop()


if __name__ == "__main__":
    main()
