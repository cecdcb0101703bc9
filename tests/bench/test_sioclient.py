"""The benchmark's websocket client (bench/sioclient.py) on its own: frames
it sends are masked and decode back; frames it receives may arrive split
anywhere, fragmented, or with 16- and 64-bit lengths; pings are answered."""

from __future__ import annotations

import pytest

from bench.sioclient import CLOSE, PING, PONG, TEXT, WebSocketProtocol, frame


def unmask(data: bytes) -> tuple[int, int, bytes]:
    """(fin+opcode byte, length, payload) of one client frame."""
    b0, b1 = data[0], data[1]
    assert b1 & 0x80, "a client frame must be masked"
    n, start = b1 & 0x7F, 2
    if n == 126:
        n, start = int.from_bytes(data[2:4], "big"), 4
    elif n == 127:
        n, start = int.from_bytes(data[2:10], "big"), 10
    key, body = data[start : start + 4], data[start + 4 :]
    assert len(body) == n
    return b0, n, bytes(b ^ key[i % 4] for i, b in enumerate(body))


@pytest.mark.parametrize("size", [0, 1, 125, 126, 65535, 65536])
def test_frames_are_masked_and_decode_back(size):
    payload = bytes(i % 251 for i in range(size))
    b0, n, body = unmask(frame(TEXT, payload))
    assert (b0, n, body) == (0x80 | TEXT, size, payload)


def test_two_frames_of_the_same_text_use_different_keys():
    assert frame(TEXT, b"42[1]")[2:6] != frame(TEXT, b"42[1]")[2:6]


def server_frame(opcode: int, payload: bytes, fin: bool = True) -> bytes:
    n = len(payload)
    b0 = (0x80 if fin else 0) | opcode
    if n < 126:
        return bytes((b0, n)) + payload
    if n < 65536:
        return bytes((b0, 126)) + n.to_bytes(2, "big") + payload
    return bytes((b0, 127)) + n.to_bytes(8, "big") + payload


class Recorder:
    """Stands in for MiniClient: what the protocol hands up."""

    def __init__(self):
        self.messages: list[str] = []
        self.gone_reasons: list[str] = []

    def message(self, s: str) -> None:
        self.messages.append(s)

    def gone(self, reason: str) -> None:
        self.gone_reasons.append(reason)


class Transport:
    def __init__(self):
        self.written: list[bytes] = []
        self.closing = False

    def write(self, data: bytes) -> None:
        self.written.append(data)

    def is_closing(self) -> bool:
        return self.closing

    def close(self) -> None:
        self.closing = True

    def abort(self) -> None:
        self.closing = True


def connected() -> tuple[WebSocketProtocol, Recorder, Transport]:
    client, transport = Recorder(), Transport()
    protocol = WebSocketProtocol(client, b"GET / HTTP/1.1\r\n\r\n")
    protocol.connection_made(transport)
    return protocol, client, transport


def test_messages_split_anywhere_fragmented_and_long_all_arrive_whole():
    protocol, client, _ = connected()
    long = "4" + "x" * 70_000
    stream = (
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"
        + server_frame(TEXT, b'0{"sid":"a"}')
        + server_frame(TEXT, b'42["welcome",', fin=False)
        + server_frame(0x0, b'{"participant":"t"}]')
        + server_frame(TEXT, long.encode())
        + server_frame(TEXT, '42["state",{"t":"håller med"}]'.encode())
    )
    for i in range(0, len(stream), 7):  # seven bytes at a time
        protocol.data_received(stream[i : i + 7])
    assert client.messages == [
        '0{"sid":"a"}',
        '42["welcome",{"participant":"t"}]',
        long,
        '42["state",{"t":"håller med"}]',
    ]
    assert client.gone_reasons == []


def test_a_ping_is_answered_and_a_close_ends_the_connection():
    protocol, client, transport = connected()
    protocol.data_received(b"HTTP/1.1 101 Switching Protocols\r\n\r\n" + server_frame(PING, b"hi"))
    assert unmask(transport.written[-1]) == (0x80 | PONG, 2, b"hi")
    protocol.data_received(server_frame(CLOSE, (1000).to_bytes(2, "big")))
    assert unmask(transport.written[-1])[0] == 0x80 | CLOSE
    assert transport.closing and client.gone_reasons == ["websocket CLOSE"]


def test_no_upgrade_is_a_failure_not_a_hang():
    protocol, client, transport = connected()
    protocol.data_received(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    assert transport.closing and client.gone_reasons and "upgrade" in client.gone_reasons[0]
    assert client.messages == []
