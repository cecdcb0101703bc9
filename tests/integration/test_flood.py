"""One unauthenticated socket flooding the real server (issue 17, hole 1).

A websocket that never joins sends frames as fast as it can (raw frames
built with websocket-client, written in batches from a thread), while a
python-socketio phone moves every 50 ms. Before the fix the server read the
flood without ever yielding: the phone's acks stopped for seconds. Asserted,
with generous bounds (the benchmark, bench/bench_flood.py, has the tight
ones): the phone gets every ack and the worst within 1 s, the flooder is
closed past its budget, and the server's log holds no traceback.
"""

from __future__ import annotations

import json
import threading
import time

import pytest
import socketio as socketio_client
import websocket

from workshop.live.fairness import Limits

DEEP = "[" * 1500 + "]" * 1500


class Flooder(threading.Thread):
    """Opens a websocket (no Socket.IO connect) and writes `packet` as fast
    as the socket takes it, until the server closes it or `seconds` pass."""

    def __init__(self, url: str, packet: str, seconds: float, auth: dict | None = None):
        super().__init__(daemon=True)
        ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
        self.ws = websocket.create_connection(ws_url, timeout=5)
        assert self.ws.recv().startswith("0{")
        if auth is not None:  # a phone that joined with the code, then floods
            self.ws.send("40" + json.dumps(auth))
            while not self.ws.recv().startswith("40{"):  # welcome and state come first
                pass
        one = websocket.ABNF.create_frame(packet, websocket.ABNF.OPCODE_TEXT)
        self.batch = b"".join(one.format() for _ in range(20))  # each frame masked, as a client must
        self.seconds, self.sent, self.closed_by_server, self.stalled = seconds, 0, False, False
        self.stop = threading.Event()

    def run(self) -> None:
        sock, end = self.ws.sock, time.monotonic() + self.seconds
        sock.settimeout(3)
        try:
            while time.monotonic() < end and not self.stop.is_set():
                sock.sendall(self.batch)
                self.sent += 20
        except TimeoutError:
            self.stalled = True  # the server stopped reading
        except OSError:
            self.closed_by_server = True
        finally:
            self.ws.sock.close()


def phone_moves(live, code: str, statement: int, seconds: float) -> tuple[list[float], int]:
    """A phone moving every 50 ms: each ack's latency, and the moves never acked."""
    phone = socketio_client.Client(reconnection=False)
    phone.connect(live.url, auth={"code": code}, transports=["websocket"], wait_timeout=10)
    latencies, lost, end, value = [], 0, time.monotonic() + seconds, 0
    try:
        while time.monotonic() < end:
            value = (value + 7) % 101
            t0 = time.monotonic()
            try:
                ack = phone.call("position", {"statement": statement, "value": value}, timeout=5)
                assert ack["ok"] is True, ack
                latencies.append(time.monotonic() - t0)
            except socketio_client.exceptions.TimeoutError:
                lost += 1
            time.sleep(max(0.0, 0.05 - (time.monotonic() - t0)))
        assert phone.connected, "a phone at 20 moves a second is within its budget"
    finally:
        phone.disconnect()
    return latencies, lost


@pytest.mark.parametrize(
    "packet",
    [
        '42["position",{"statement":1,"value":50}]',  # small, refused: never joined
        f'421["position",{{"statement":1,"value":{DEEP}}}]',  # deep, 3 KB
    ],
    ids=["small", "deep"],
)
def test_a_flooding_socket_is_closed_and_never_stalls_a_phone(live, packet):
    workshop = live.new_workshop("Flod")
    statement = live.open_statement(workshop, "Vi behöver mer dialog")
    flooder = Flooder(live.url, packet, seconds=6)
    flooder.start()
    try:
        latencies, lost = phone_moves(live, workshop["code"], statement["id"], seconds=3)
    finally:
        flooder.stop.set()
        flooder.join(10)
    assert lost == 0
    assert max(latencies) < 1.0, f"worst ack {max(latencies):.3f} s"
    assert flooder.closed_by_server, f"not closed after {flooder.sent} frames (stalled: {flooder.stalled})"
    assert flooder.sent > Limits().before_joining
    assert "Traceback" not in live.log()


def test_a_joined_phone_flooding_is_closed_past_its_budget(live):
    workshop = live.new_workshop("Flod")
    live.open_statement(workshop, "Vi behöver mer dialog")
    limits = Limits()
    flooder = Flooder(live.url, '42["no_such_event",{}]', seconds=6, auth={"code": workshop["code"]})
    flooder.run()  # in this thread: until the server closes it
    assert flooder.closed_by_server, f"not closed after {flooder.sent} frames"
    assert flooder.sent > limits.packets_per_second * limits.burst_seconds
    assert "Traceback" not in live.log()


def test_the_budget_is_a_setting(tmp_path):
    from bench.live_server import LiveServer

    live = LiveServer(tmp_path / "data", env={"WORKSHOP_SOCKET_PACKETS_PER_SECOND": "2"}).start()
    try:
        workshop = live.new_workshop("Flod")
        statement = live.open_statement(workshop, "Vi behöver mer dialog")
        phone = socketio_client.Client(reconnection=False)
        phone.connect(live.url, auth={"code": workshop["code"]}, transports=["websocket"], wait_timeout=10)
        acked = 0
        try:
            for value in range(30):  # 8 packets of burst (4 s at 2 a second), then closed
                phone.call("position", {"statement": statement["id"], "value": value}, timeout=2)
                acked += 1
        except socketio_client.exceptions.SocketIOError:
            pass
        assert 5 <= acked < 10
        phone.disconnect()
    finally:
        live.stop()


@pytest.mark.parametrize(
    "packet", ['42["no_such_event",{}]', f'42["position",{{"value":{DEEP}}}]'], ids=["small", "deep"]
)
def test_with_no_budget_yielding_alone_keeps_a_phones_acks_coming(tmp_path, packet):
    """The budget out of the way: a joined socket floods for as long as it
    likes, and only the yield after each packet lets the phone through."""
    from bench.live_server import LiveServer

    unlimited = {"WORKSHOP_SOCKET_PACKETS_PER_SECOND": "1e9", "WORKSHOP_SOCKET_BYTES_PER_SECOND": "1e12"}
    live = LiveServer(tmp_path / "data", env=unlimited).start()
    try:
        workshop = live.new_workshop("Flod")
        statement = live.open_statement(workshop, "Vi behöver mer dialog")
        flooder = Flooder(live.url, packet, seconds=6, auth={"code": workshop["code"]})
        flooder.start()
        try:
            time.sleep(0.3)  # the flood is under way
            latencies, lost = phone_moves(live, workshop["code"], statement["id"], seconds=2)
        finally:
            flooder.stop.set()
            flooder.join(10)
        assert lost == 0
        assert max(latencies) < 1.0, f"worst ack {max(latencies):.3f} s"
        assert not flooder.closed_by_server  # it really flooded all along
    finally:
        live.stop()
