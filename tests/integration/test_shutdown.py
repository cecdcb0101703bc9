"""SIGTERM under load loses nothing: phones moving as fast as their acks come
back, the server told to stop, restarted on the same data; every phone comes
back by itself with the last position it was acked (or the one in flight,
committed but not yet acked when the connection dropped)."""

from __future__ import annotations

import signal
import threading
import time

import socketio

from tests.integration.conftest import eventually

PHONES = 30


class MovingPhone:
    def __init__(self, url: str, code: str, number: int):
        self.number = number
        self.auth = {"code": code}
        self.acked = None  # the last value acked
        self.unacked: list = []  # sent since, no ack yet (committed or not)
        self.welcomes = 0
        self.restarting = threading.Event()
        self.states: list[dict] = []
        self.client = socketio.Client(reconnection=True, reconnection_delay=0.2, reconnection_delay_max=1)
        self.client.on("welcome", self._welcome)
        self.client.on("state", self.states.append)
        self.client.on("restarting", lambda data: self.restarting.set())
        self.client.connect(url, auth=self.auth, transports=["websocket"], wait_timeout=10)

    def _welcome(self, data):
        self.auth["participant"] = data["participant"]  # the reconnect sends it
        self.welcomes += 1

    def move_until(self, statement: int, stop: threading.Event) -> None:
        i = 0
        while not stop.is_set():
            value = (self.number * 7 + i) % 101
            self.unacked.append(value)
            try:
                if self.client.call("position", {"statement": statement, "value": value}, timeout=5)["ok"]:
                    self.acked, self.unacked = value, []
            except Exception:  # the connection dropped under us
                time.sleep(0.05)
            i += 1

    def position_now(self):
        states = [s for s in self.states if "position" in s]
        return states[-1]["position"] if states else None

    def kept(self, acked, unacked) -> bool:
        """Its position is the last acked one, or one sent after it."""
        return self.position_now() in (acked, *unacked)


def test_sigterm_under_load_loses_no_acked_move(live):
    workshop = live.new_workshop()
    key = workshop["facilitator_key"]
    live.api("POST", f"/api/workshops/{workshop['id']}/phase", key, {"phase": "barometer"}, expect=200)
    statement = live.open_statement(workshop, "Vi behöver en gemensam plattform")
    phones = [MovingPhone(live.url, workshop["code"], n) for n in range(PHONES)]
    stop = threading.Event()
    movers = [threading.Thread(target=p.move_until, args=(statement["id"], stop)) for p in phones]
    for mover in movers:
        mover.start()
    assert eventually(lambda: all(p.acked is not None for p in phones), timeout=10)

    live.proc.send_signal(signal.SIGTERM)
    assert live.proc.wait(timeout=20) == 0  # drained and exited by itself
    stop.set()
    for mover in movers:
        mover.join(timeout=10)
    assert all(p.restarting.is_set() for p in phones)  # each was told before the drop
    assert "Traceback" not in live.log()
    acked = {p.number: p.acked for p in phones}
    unacked = {p.number: list(p.unacked) for p in phones}

    before = {p.number: p.welcomes for p in phones}
    restarted = time.monotonic()
    live.start()
    assert eventually(lambda: all(p.welcomes > before[p.number] for p in phones), timeout=10)
    back_after = time.monotonic() - restarted
    assert back_after < 10
    # Each phone's own state after the reconnect: nothing it was acked is lost.
    assert eventually(lambda: all(p.kept(acked[p.number], unacked[p.number]) for p in phones))
    lost = [p.number for p in phones if not p.kept(acked[p.number], unacked[p.number])]
    assert lost == []
    distribution = live.api(
        "GET", f"/api/workshops/{workshop['id']}/statements/{statement['id']}/distribution", key
    )
    assert distribution["count"] == PHONES
    for p in phones:
        p.client.disconnect()
