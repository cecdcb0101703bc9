"""A minimal asyncio Socket.IO v5 / Engine.IO v4 client over aiohttp websockets.

Just enough for the scale benchmark: connect on the websocket transport with
an `auth` object, receive events, emit an event with an ack, answer the
server's pings, close. No polling, no binary packets, no reconnection (the
benchmark reconnects explicitly, with a new `MiniClient`).

Why not python-socketio's AsyncClient: it works, but each client carries an
Engine.IO client with its own ping/read/write tasks and queues; thousands of
them in one process cost several times the memory and CPU of this one (see
`--client` in bench_scale.py and the figures in docs/performance.md). All
clients here share one aiohttp.ClientSession.

Engine.IO v4 over a websocket: one packet per text frame; "0{json}" open,
"2" ping (answer "3"), "1" close, "4…" a Socket.IO packet. Socket.IO v5:
"40{auth}" connect, "40{sid}" connected, "44{message}" refused, "41"
disconnect, "42[id][event, data]" event, "43<id>[data…]" ack.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import aiohttp


class ConnectRefused(Exception):
    """The server answered the Socket.IO connect with a connect_error."""


class Disconnected(Exception):
    pass


class MiniClient:
    __slots__ = (
        "url",
        "handlers",
        "ws",
        "connected",
        "closed",
        "_acks",
        "_next_id",
        "_reader",
        "_connect_future",
        "sid",
    )

    def __init__(self, url: str, handlers: dict[str, Callable] | None = None):
        # url: "http://127.0.0.1:port"; the websocket endpoint is derived.
        self.url = url.replace("http://", "ws://", 1) + "/socket.io/?EIO=4&transport=websocket"
        self.handlers = handlers or {}
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.connected = False
        self.closed: asyncio.Future | None = None
        self._acks: dict[int, asyncio.Future] = {}
        self._next_id = 0
        self._reader: asyncio.Task | None = None
        self._connect_future: asyncio.Future | None = None
        self.sid = None

    async def connect(self, session: aiohttp.ClientSession, auth: dict, timeout: float = 20.0) -> None:
        loop = asyncio.get_running_loop()
        self.closed = loop.create_future()
        self._connect_future = loop.create_future()
        async with asyncio.timeout(timeout):
            self.ws = await session.ws_connect(
                self.url, autoping=True, heartbeat=None, compress=0, max_msg_size=16 * 1024 * 1024
            )
            opened = await self.ws.receive()
            if opened.type != aiohttp.WSMsgType.TEXT or not opened.data.startswith("0"):
                await self.ws.close()
                raise Disconnected(f"no Engine.IO open packet: {opened.type} {opened.data!r}"[:200])
            self._reader = asyncio.create_task(self._read())
            await self.ws.send_str("40" + json.dumps(auth, separators=(",", ":")))
            try:
                await self._connect_future
            except BaseException:
                await self.close()
                raise
        self.connected = True

    async def call(self, event: str, data, timeout: float = 10.0):
        """Emit with an ack; returns the ack's first argument. Raises
        TimeoutError, or Disconnected when the connection drops first."""
        if self.ws is None or self.ws.closed or self.closed.done():
            raise Disconnected("not connected")
        self._next_id += 1
        ack_id = self._next_id
        future = asyncio.get_running_loop().create_future()
        self._acks[ack_id] = future
        try:
            await self.ws.send_str(f"42{ack_id}" + json.dumps([event, data], separators=(",", ":")))
            async with asyncio.timeout(timeout):
                return await future
        finally:
            self._acks.pop(ack_id, None)

    async def close(self) -> None:
        if self.ws is not None and not self.ws.closed:
            try:
                await self.ws.close()
            except Exception:
                pass
        if self._reader is not None and self._reader is not asyncio.current_task():
            try:
                await asyncio.wait_for(self._reader, 5)
            except (TimeoutError, asyncio.CancelledError, Exception):
                self._reader.cancel()

    # -- the receive loop --------------------------------------------------------
    async def _read(self) -> None:
        ws = self.ws
        reason = "closed"
        try:
            while True:
                msg = await ws.receive()
                if msg.type != aiohttp.WSMsgType.TEXT:
                    reason = f"websocket {msg.type.name}"
                    break
                s = msg.data
                kind = s[:1]
                if kind == "2":
                    await ws.send_str("3")
                elif kind == "4":
                    self._socketio(s)
                elif kind == "1":
                    reason = "engine.io close"
                    break
        except Exception as exc:  # connection reset and the like
            reason = f"{type(exc).__name__}: {exc}"
        finally:
            self.connected = False
            error = Disconnected(reason)
            if self._connect_future is not None and not self._connect_future.done():
                self._connect_future.set_exception(error)
            for future in self._acks.values():
                if not future.done():
                    future.set_exception(error)
            if self.closed is not None and not self.closed.done():
                self.closed.set_result(reason)
            if not ws.closed:
                try:
                    await ws.close()
                except Exception:
                    pass

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
            if not self._connect_future.done():
                self._connect_future.set_result(True)
        elif kind == "4":
            body = json.loads(s[2:]) if len(s) > 2 else {}
            if not self._connect_future.done():
                self._connect_future.set_exception(ConnectRefused(body.get("message", s)))
        elif kind == "1":
            # Server-side namespace disconnect: the engine.io socket follows.
            asyncio.get_running_loop().create_task(self.ws.close())


def new_session(limit: int = 0) -> aiohttp.ClientSession:
    """One shared session for thousands of websockets: no connection limit."""
    connector = aiohttp.TCPConnector(limit=limit, force_close=False, enable_cleanup_closed=False)
    return aiohttp.ClientSession(connector=connector)
