"""A minimal asyncio Socket.IO v5 / Engine.IO v4 client on a raw websocket.

Just enough for the scale benchmark: connect on the websocket transport with
an `auth` object, receive events, emit an event with an ack, answer the
server's pings, close. No polling, no binary packets, no reconnection (the
benchmark reconnects explicitly, with a new `MiniClient`).

Why not python-socketio's AsyncClient: each client carries an Engine.IO
client with its own ping/read/write tasks and queues; thousands of them in
one process cost several times the memory and CPU of this one (`--client` in
bench_scale.py). Why not aiohttp's ws_connect (this client's first version):
in a reconnect storm the generator opens 5,000 websockets at once on the
server's own two cores, and aiohttp's per-connection machinery (happy
eyeballs, a request and response object, a reader task per socket) took both
cores for the first two seconds while the server waited for work
(docs/performance.md). Here a connection is one asyncio Protocol: it writes
the upgrade request, reads the 101, then parses frames as they arrive and
hands each text message straight to the Socket.IO layer.

RFC 6455 as a client must: every frame it sends is masked with a fresh
random key; it answers pings and a close. Server frames are unmasked; a
fragmented message is joined.

Engine.IO v4 over a websocket: one packet per text frame; "0{json}" open,
"2" ping (answer "3"), "1" close, "4…" a Socket.IO packet. Socket.IO v5:
"40{auth}" connect, "40{sid}" connected, "44{message}" refused, "41"
disconnect, "42[id][event, data]" event, "43<id>[data…]" ack.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import aiohttp

TEXT, CONTINUATION, CLOSE, PING, PONG = 0x1, 0x0, 0x8, 0x9, 0xA
MAX_MESSAGE = 16 * 1024 * 1024


class ConnectRefused(Exception):
    """The server answered the Socket.IO connect with a connect_error."""


class Disconnected(Exception):
    pass


def frame(opcode: int, payload: bytes) -> bytes:
    """One final client frame: masked, as RFC 6455 requires of clients."""
    n = len(payload)
    if n < 126:
        header = bytes((0x80 | opcode, 0x80 | n))
    elif n < 65536:
        header = bytes((0x80 | opcode, 0x80 | 126)) + n.to_bytes(2, "big")
    else:
        header = bytes((0x80 | opcode, 0x80 | 127)) + n.to_bytes(8, "big")
    key = os.urandom(4)
    if not n:
        return header + key
    # XOR with the key repeated: one big-int operation instead of a loop per byte.
    repeated = (key * (n // 4 + 1))[:n]
    masked = (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(n, "big")
    return header + key + masked


class WebSocketProtocol(asyncio.Protocol):
    """The websocket under one MiniClient: upgrade, frames, close."""

    __slots__ = ("client", "request", "transport", "buffer", "upgraded", "fragments")

    def __init__(self, client: MiniClient, request: bytes):
        self.client = client
        self.request = request
        self.transport: asyncio.Transport | None = None
        self.buffer = bytearray()
        self.upgraded = False
        self.fragments: list[bytes] = []

    def connection_made(self, transport) -> None:
        self.transport = transport
        transport.write(self.request)

    def send(self, opcode: int, payload: bytes) -> None:
        if self.transport is None or self.transport.is_closing():
            raise Disconnected("websocket closed")
        self.transport.write(frame(opcode, payload))

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer
        buffer += data
        if not self.upgraded:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            status = bytes(buffer[: buffer.find(b"\r\n")])
            if status.split(b" ", 2)[1:2] != [b"101"]:
                self.fail(f"no websocket upgrade: {status[:80]!r}")
                return
            del buffer[: end + 4]
            self.upgraded = True
        while len(buffer) >= 2:
            b0, b1 = buffer[0], buffer[1]
            n, start = b1 & 0x7F, 2
            if n == 126:
                if len(buffer) < 4:
                    return
                n, start = int.from_bytes(buffer[2:4], "big"), 4
            elif n == 127:
                if len(buffer) < 10:
                    return
                n, start = int.from_bytes(buffer[2:10], "big"), 10
            if b1 & 0x80 or n > MAX_MESSAGE:
                self.fail("masked or oversized frame from the server")
                return
            if len(buffer) < start + n:
                return
            payload = bytes(buffer[start : start + n])
            del buffer[: start + n]
            self.frame_received(b0 & 0x80, b0 & 0x0F, payload)

    def frame_received(self, fin: int, opcode: int, payload: bytes) -> None:
        if opcode in (TEXT, CONTINUATION):
            if not fin:
                self.fragments.append(payload)
                return
            if self.fragments:
                payload, self.fragments = b"".join([*self.fragments, payload]), []
            self.client.message(payload.decode())
        elif opcode == PING:
            self.send(PONG, payload)
        elif opcode == CLOSE:
            self.client.gone("websocket CLOSE")
            if not self.transport.is_closing():
                self.transport.write(frame(CLOSE, payload[:2]))
                self.transport.close()

    def fail(self, reason: str) -> None:
        self.client.gone(reason)
        if self.transport is not None:
            self.transport.abort()

    def connection_lost(self, exc) -> None:
        self.client.gone(f"{type(exc).__name__}: {exc}" if exc else "closed")


class MiniClient:
    __slots__ = (
        "url",
        "handlers",
        "protocol",
        "connected",
        "closed",
        "_acks",
        "_next_id",
        "_opened",
        "_connect_future",
        "sid",
        "opened_at",
        "connected_at",
    )

    def __init__(self, url: str, handlers: dict[str, Callable] | None = None):
        # url: "http://127.0.0.1:port"; the websocket endpoint is derived.
        self.url = url
        self.handlers = handlers or {}
        self.protocol: WebSocketProtocol | None = None
        self.connected = False
        self.closed: asyncio.Future | None = None
        self._acks: dict[int, asyncio.Future] = {}
        self._next_id = 0
        self._opened: asyncio.Future | None = None
        self._connect_future: asyncio.Future | None = None
        self.sid = None
        # When the Engine.IO open and the Socket.IO connect came (loop time):
        # the storm report splits a reconnect into its phases with them.
        self.opened_at: float | None = None
        self.connected_at: float | None = None

    async def connect(self, _session=None, auth: dict | None = None, timeout: float = 20.0) -> None:
        """``_session`` is unused (python-socketio's client behind the same
        interface takes an aiohttp session)."""
        loop = asyncio.get_running_loop()
        self.closed = loop.create_future()
        self._opened = loop.create_future()
        self._connect_future = loop.create_future()
        parts = urlsplit(self.url)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: {parts.netloc}\r\n"
            f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
            "Sec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
        try:
            async with asyncio.timeout(timeout):
                _, self.protocol = await loop.create_connection(
                    lambda: WebSocketProtocol(self, request), parts.hostname, parts.port
                )
                await self._opened
                self.opened_at = time.monotonic()
                self.protocol.send(TEXT, ("40" + json.dumps(auth or {}, separators=(",", ":"))).encode())
                await self._connect_future
        except BaseException:
            await self.close()
            raise
        self.connected = True

    async def call(self, event: str, data, timeout: float = 10.0):
        """Emit with an ack; returns the ack's first argument. Raises
        TimeoutError, or Disconnected when the connection drops first."""
        if self.protocol is None or self.closed.done():
            raise Disconnected("not connected")
        self._next_id += 1
        ack_id = self._next_id
        future = asyncio.get_running_loop().create_future()
        self._acks[ack_id] = future
        try:
            self.protocol.send(
                TEXT, (f"42{ack_id}" + json.dumps([event, data], separators=(",", ":"))).encode()
            )
            async with asyncio.timeout(timeout):
                return await future
        finally:
            self._acks.pop(ack_id, None)

    async def close(self) -> None:
        protocol = self.protocol
        if protocol is not None and protocol.transport is not None and not protocol.transport.is_closing():
            try:
                protocol.send(CLOSE, (1000).to_bytes(2, "big"))
            except Disconnected:
                pass
            protocol.transport.close()
        self.gone("closed by the client")

    # -- what the websocket delivers ------------------------------------------
    def message(self, s: str) -> None:
        kind = s[:1]
        if kind == "4":
            self._socketio(s)
        elif kind == "2":
            self.protocol.send(TEXT, b"3")
        elif kind == "0":
            if not self._opened.done():
                self._opened.set_result(True)
        elif kind == "1":
            self.gone("engine.io close")
            self.protocol.transport.close()

    def gone(self, reason: str) -> None:
        """The connection ended (or never came): fail whatever waits on it."""
        self.connected = False
        error = Disconnected(reason)
        for future in (self._opened, self._connect_future, *self._acks.values()):
            if future is not None and not future.done():
                future.set_exception(error)
                future.exception()  # retrieved: nobody may be waiting any more
        if self.closed is not None and not self.closed.done():
            self.closed.set_result(reason)

    def _socketio(self, s: str) -> None:
        kind = s[1:2]
        if kind == "2" or kind == "3":
            i = 2
            while i < len(s) and s[i].isdigit():
                i += 1
            ack_id = int(s[2:i]) if i > 2 else None
            payload = json.loads(s[i:])
            if kind == "3":
                future = self._acks.get(ack_id)
                if future is not None and not future.done():
                    future.set_result(payload[0] if payload else None)
                return
            handler = self.handlers.get(payload[0])
            if handler is not None:
                handler(payload[1] if len(payload) > 1 else None)
        elif kind == "0":
            body = json.loads(s[2:]) if len(s) > 2 else {}
            self.sid = body.get("sid")
            self.connected_at = time.monotonic()
            if not self._connect_future.done():
                self._connect_future.set_result(True)
        elif kind == "4":
            body = json.loads(s[2:]) if len(s) > 2 else {}
            if not self._connect_future.done():
                self._connect_future.set_exception(ConnectRefused(body.get("message", s)))
        elif kind == "1":
            # Server-side namespace disconnect: the engine.io socket follows.
            self.gone("socket.io disconnect")
            self.protocol.transport.close()


def new_session(limit: int = 0) -> aiohttp.ClientSession:
    """For python-socketio's client (--client sio): one shared session for
    thousands of websockets, no connection limit."""
    connector = aiohttp.TCPConnector(limit=limit, force_close=False, enable_cleanup_closed=False)
    return aiohttp.ClientSession(connector=connector)
