"""The per-connection budget and the frame check (live/fairness.py); the
flood itself is tested against the real server in
tests/integration/test_flood.py."""

from __future__ import annotations

import pytest

from workshop.live.fairness import Budget, Limits, charge, well_formed


def test_budget_allows_a_burst_then_the_rate():
    limits = Limits(packets_per_second=10, bytes_per_second=1000, burst_seconds=2)
    budget = Budget(limits, clock=lambda: 0.0)
    assert all(budget.spend(10, 0.0) for _ in range(20))  # the burst: 2 s worth
    assert not budget.spend(10, 0.0)
    budget = Budget(limits, clock=lambda: 0.0)
    # Steady at the rate: never over, however long.
    assert all(budget.spend(10, t / 10) for t in range(1, 600))


def test_budget_counts_bytes_too():
    budget = Budget(Limits(packets_per_second=100, bytes_per_second=1000, burst_seconds=1), clock=lambda: 0.0)
    assert budget.spend(900, 0.0)
    assert not budget.spend(200, 0.0)
    assert budget.spend(200, 1.0)  # refilled a second later


def test_a_socket_that_never_joins_gets_a_few_packets():
    budget = Budget(Limits(before_joining=3), clock=lambda: 0.0)
    assert [charge(budget, lambda sid: False, "s", "3", 0.0) for _ in range(4)] == [True, True, True, False]
    assert charge(budget, lambda sid: True, "s", "3", 0.0)  # joined: the full budget


@pytest.mark.parametrize("frame", ['42["position",{}]', "40{}", "41", "3", "2probe", "5", "6", "1"])
def test_what_a_client_sends_is_well_formed(frame):
    assert well_formed(frame)


@pytest.mark.parametrize(
    "frame", ["", "x", "4", "4[1]", '4{"a":1}', "b!!", "2[1]", "3[[", "0{}", b"\x00", None]
)
def test_anything_else_is_not(frame):
    assert not well_formed(frame)


def test_unmasking_gives_gevent_websockets_bytes():
    import os

    from geventwebsocket.websocket import Header

    from workshop.live.fairness import unmask

    byte_by_byte = Header.__dict__["mask_payload"] if Header.mask_payload is not unmask else None
    for n in (0, 1, 3, 4, 5, 126, 3001, 70_000):
        header = Header(True, 1, 0, n)
        header.mask = os.urandom(4)
        payload = os.urandom(n)
        expected = bytearray(b ^ header.mask[i % 4] for i, b in enumerate(payload))
        assert unmask(header, payload) == expected
        if byte_by_byte is not None:
            assert byte_by_byte(header, payload) == expected


@pytest.mark.parametrize(
    "chunks, valid",
    [
        ([b"plain"], True),
        (["åäö €".encode()], True),
        ([b"\xc3", b"\xa5"], True),  # a code point split between frames
        ([b"\xff"], False),
        ([b"ok\xed\xa0\x80"], False),  # a surrogate
    ],
)
def test_the_codec_validator_answers_like_gevent_websockets(chunks, valid):
    from geventwebsocket.utf8validator import Utf8Validator

    from workshop.live.fairness import CodecUtf8Validator

    ours, theirs = CodecUtf8Validator(), Utf8Validator()
    for chunk in chunks:
        a, b = ours.validate(chunk), theirs.validate(chunk)
        assert a[:2] == b[:2]
    assert a[0] is valid
