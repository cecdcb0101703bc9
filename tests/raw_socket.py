"""A Socket.IO client at the frame level (websocket-client), for tests that
send what no library would: deep, long, malformed and binary frames, and
floods. Engine.IO v4 over a websocket: one packet per text frame; the server
opens with "0{json}", pings with "2" (answered "3"); Socket.IO v5 packets ride
in "4…" messages: "40{auth}" connect, "42<id>[event, data]" an event,
"43<id>[data]" its ack."""

from __future__ import annotations

import json
import re
import time

import websocket


class Closed(Exception):
    """The server closed the connection."""


class RawSocket:
    def __init__(self, base_url: str, timeout: float = 5.0):
        url = base_url.replace("http://", "ws://", 1) + "/socket.io/?EIO=4&transport=websocket"
        self.ws = websocket.create_connection(url, timeout=timeout)
        opened = self.ws.recv()
        assert opened.startswith("0{"), opened
        self.events: list = []
        self.next_id = 1

    def join(self, auth: dict) -> RawSocket:
        """The Socket.IO connect with `auth` (e.g. {"code": …})."""
        self.send("40" + json.dumps(auth))
        while True:
            message = self.receive(5)
            if message.startswith("40"):
                return self
            if message.startswith("44"):
                raise AssertionError(f"connect refused: {message}")

    def send(self, text: str) -> None:
        self.ws.send(text)

    def send_binary(self, data: bytes) -> None:
        self.ws.send_binary(data)

    def receive(self, timeout: float) -> str:
        """The next Engine.IO message (pings answered on the way)."""
        self.ws.settimeout(timeout)
        while True:
            try:
                opcode, data = self.ws.recv_data()
            except (websocket.WebSocketConnectionClosedException, ConnectionError) as error:
                raise Closed(str(error)) from None
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                raise Closed("close frame")
            message = data.decode()
            if message == "2":
                self.ws.send("3")
                continue
            if message.startswith("1") or message.startswith("41"):
                raise Closed(message)
            return message

    def emit(self, event: str, data=None) -> int:
        """Send an event that asks for an ack; its ack id."""
        ack_id, self.next_id = self.next_id, self.next_id + 1
        self.send(f"42{ack_id}" + json.dumps([event, data]))
        return ack_id

    def ack(self, ack_id: int, timeout: float = 5.0):
        """The first argument of the ack with this id, on any namespace
        (events are kept)."""
        deadline = time.monotonic() + timeout
        ack = re.compile(rf"43(?:/[^,]*,)?{ack_id}(?=\[)")
        while True:
            message = self.receive(max(0.01, deadline - time.monotonic()))
            match = ack.match(message)
            if match:
                return json.loads(message[match.end() :])[0]
            self.events.append(message)

    def call(self, event: str, data=None, timeout: float = 5.0):
        return self.ack(self.emit(event, data), timeout)

    def wait_closed(self, timeout: float = 5.0) -> bool:
        """True once the server has closed the connection within `timeout`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.receive(max(0.01, deadline - time.monotonic()))
            except Closed:
                return True
            except websocket.WebSocketTimeoutException:
                return False
        return False

    def close(self) -> None:
        try:
            self.ws.close()
        except Exception:  # noqa: BLE001  (already gone)
            pass
