"""Unfinished requests against the real server (issue 17, hole 5): a client
that trickles a request's headers in (slowloris) is cut off after
WORKSHOP_REQUEST_TIMEOUT; a websocket, a long poll and a slow upload that
keeps moving are not. The server here allows 2 s."""

from __future__ import annotations

import json
import socket
import time

import pytest
import requests
import socketio as socketio_client

from bench.live_server import LiveServer

TIMEOUT = 2.0


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    server = LiveServer(
        tmp_path_factory.mktemp("slow") / "data", env={"WORKSHOP_REQUEST_TIMEOUT": str(TIMEOUT)}
    )
    yield server.start()
    server.stop()


def closed_after(sock: socket.socket, drip: bytes = b"", every: float = 0.5, limit: float = 10.0) -> float:
    """Seconds until the server closes `sock`, sending it the next byte of
    `drip` (if any) every `every` seconds meanwhile; `limit` when it never does."""
    start = time.monotonic()
    sock.settimeout(every)
    sent = 0
    while (took := time.monotonic() - start) < limit:
        try:
            if sock.recv(1024) == b"":
                return took
        except TimeoutError:
            pass
        except ConnectionResetError:
            return took
        if drip:
            try:
                sock.sendall(drip[sent % len(drip) : sent % len(drip) + 1])
            except OSError:
                return took
            sent += 1
    return limit


def connection(live) -> socket.socket:
    return socket.create_connection(("127.0.0.1", live.port), timeout=5)


def test_a_request_left_unfinished_is_closed_after_the_timeout(live):
    with connection(live) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # no blank line: never finished
        took = closed_after(sock, drip=b"\0", every=0.25)
    assert TIMEOUT - 0.5 < took < TIMEOUT + 1.5


def test_headers_trickling_in_do_not_buy_more_time(live):
    """One header byte every 0.5 s keeps each read short: the deadline is
    for the whole head, not for each read."""
    with connection(live) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        took = closed_after(sock, drip=b"X-Slow: abcdefghijklmnopqrstuvwxyz", every=0.5)
    assert took < TIMEOUT + 1.5
    assert "Traceback" not in live.log()


def test_an_idle_kept_alive_connection_is_closed_after_the_timeout(live):
    with connection(live) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        took = closed_after(sock, drip=b"", every=0.25)  # sends nothing more
        assert took < TIMEOUT + 1.5


def test_a_slow_upload_that_keeps_moving_is_answered(live):
    """A 150 kB body sent in ten parts half a second apart takes 5 s in all,
    more than twice the timeout, and is taken."""
    w = live.new_workshop()
    body = json.dumps({"text": "Långsam uppladdning"}).encode()
    body = body[:-1] + b" " * 150_000 + b"}"
    head = (
        f"POST /api/workshops/{w['id']}/statements HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {w['facilitator_key']}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with connection(live) as sock:
        sock.sendall(head)
        start = time.monotonic()
        step = len(body) // 10 + 1
        for i in range(0, len(body), step):
            time.sleep(0.5)
            sock.sendall(body[i : i + step])
        answer = b""
        while chunk := sock.recv(4096):
            answer += chunk
    assert time.monotonic() - start > 2 * TIMEOUT
    assert answer.startswith(b"HTTP/1.1 201"), answer[:200]


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_a_quiet_phone_stays_connected_well_past_the_timeout(live, transport):
    w = live.new_workshop()
    s = live.open_statement(w, "Tyst telefon")
    phone = socketio_client.Client(reconnection=False)
    gone = []
    phone.on("disconnect", lambda *args: gone.append(time.monotonic()))
    phone.connect(live.url, auth={"code": w["code"]}, transports=[transport], wait_timeout=10)
    try:
        time.sleep(3 * TIMEOUT)
        assert not gone and phone.connected
        assert phone.call("position", {"statement": s["id"], "value": 40}, timeout=5)["ok"]
    finally:
        phone.disconnect()


def test_ordinary_requests_are_unaffected(live):
    assert requests.get(f"{live.url}/healthz", timeout=5).status_code == 200


def answer_to_a_stalled_body(live, head: str) -> tuple[bytes, float]:
    """Sends `head` (which promises 100 bytes of body) and a few of them, then
    nothing: the answer and how long it took."""
    with connection(live) as sock:
        sock.sendall(head.encode())
        start = time.monotonic()
        sock.settimeout(TIMEOUT + 5)
        return sock.recv(4096), time.monotonic() - start


def test_a_body_that_stops_arriving_is_refused_after_the_timeout_without_a_traceback(live):
    w = live.new_workshop()
    answer, took = answer_to_a_stalled_body(
        live,
        f"POST /api/workshops/{w['id']}/statements HTTP/1.1\r\nHost: x\r\n"
        f"Authorization: Bearer {w['facilitator_key']}\r\nContent-Type: application/json\r\n"
        'Content-Length: 100\r\n\r\n{"te',
    )
    assert answer.startswith(b"HTTP/1.1 400") and took < TIMEOUT + 1.5
    # A long-polling phone's POST (Engine.IO) likewise: answered, nothing done, nothing logged.
    sid = json.loads(requests.get(f"{live.url}/socket.io/?EIO=4&transport=polling", timeout=5).text[1:])[
        "sid"
    ]
    answer, took = answer_to_a_stalled_body(
        live,
        f"POST /socket.io/?EIO=4&transport=polling&sid={sid} HTTP/1.1\r\nHost: x\r\n"
        "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: 100\r\n\r\n40",
    )
    assert answer.startswith(b"HTTP/1.1 ") and took < TIMEOUT + 1.5
    time.sleep(0.2)
    assert "Traceback" not in live.log()
