"""One phone, on either client: the minimal one (bench/sioclient.py) or
python-socketio's AsyncClient behind the same interface (--client sio)."""

from __future__ import annotations

import asyncio
import time

from bench.sioclient import ConnectRefused, Disconnected, MiniClient

ACK_TIMEOUT = 10.0  # a move without an ack after this counts as timed out
CONNECT_TIMEOUT = 20.0  # one connect attempt (socket.io-client's default)


class SioClient:
    """python-socketio's AsyncClient behind MiniClient's interface (--client sio)."""

    keep: list = []  # AsyncClient.__del__ would close the shared session: keep every one alive

    def __init__(self, url: str, handlers: dict, session):
        import socketio

        self.url = url
        self.c = socketio.AsyncClient(reconnection=False, http_session=session, handle_sigint=False)
        SioClient.keep.append(self.c)
        for event, fn in handlers.items():
            self.c.on(event, fn)
        self.closed = asyncio.get_running_loop().create_future()

        def gone(*_):
            if not self.closed.done():
                self.closed.set_result("disconnect")

        self.c.on("disconnect", gone)

    async def connect(self, _session, auth: dict, timeout: float = CONNECT_TIMEOUT) -> None:
        import socketio

        try:
            async with asyncio.timeout(timeout):
                await self.c.connect(self.url, auth=auth, transports=["websocket"], wait_timeout=timeout)
        except socketio.exceptions.ConnectionError as exc:
            raise ConnectRefused(str(exc)) from exc

    async def call(self, event: str, data, timeout: float = ACK_TIMEOUT):
        import socketio

        try:
            return await self.c.call(event, data, timeout=timeout)
        except socketio.exceptions.TimeoutError as exc:
            raise TimeoutError() from exc
        except socketio.exceptions.SocketIOError as exc:
            raise Disconnected(str(exc)) from exc

    async def close(self) -> None:
        try:
            await asyncio.wait_for(self.c.disconnect(), 5)
        except Exception:
            pass


class Phone:
    __slots__ = (
        "index",
        "client",
        "token",
        "last_acked",
        "uncertain",
        "state",
        "welcome",
        "ready",
        "moved",
        "history",
    )

    def __init__(self, index: int):
        self.index = index
        self.client = None
        self.token: str | None = None
        self.last_acked = None  # value of the last move acked ok
        self.uncertain: list = []  # moves sent since the last ok ack, whose acks never came: any may be stored
        self.state = None
        self.welcome = None
        self.ready: asyncio.Future | None = None
        self.moved = False
        self.history: list = []  # the last few moves: [value, outcome, seconds after the load began]

    def log(self, value, outcome: str, t: float) -> None:
        self.history.append([value, outcome, round(t, 3)])
        del self.history[:-4]

    def on_welcome(self, data) -> None:
        self.welcome = data

    def on_state(self, data) -> None:
        self.state = data
        if self.welcome is not None and self.ready is not None and not self.ready.done():
            self.ready.set_result(time.monotonic())

    async def connect(self, kind: str, url: str, session, auth: dict) -> float:
        """Connect once; returns when welcome and state have arrived."""
        self.welcome = self.state = None
        self.ready = asyncio.get_running_loop().create_future()
        handlers = {"welcome": self.on_welcome, "state": self.on_state}
        self.client = MiniClient(url, handlers) if kind == "mini" else SioClient(url, handlers, session)
        await self.client.connect(session, auth, CONNECT_TIMEOUT)
        try:
            async with asyncio.timeout(CONNECT_TIMEOUT):
                back = await self.ready
        except BaseException:
            await self.client.close()
            raise
        self.token = self.welcome["participant"]
        return back
