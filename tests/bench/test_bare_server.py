"""The scale benchmark's own parts: the bare baseline server and the minimal
Socket.IO client that drives it (bench/bare_server.py, bench/sioclient.py).
No timings: only what is sent and received, with generous timeouts."""

from __future__ import annotations

import asyncio
import sys

import pytest

from bench.proc import ROOT, free_port
from bench.scale.servers import ServerProc
from bench.sioclient import ConnectRefused, MiniClient, new_session

CODE, WORKSHOP, KEY, STATEMENT = "123456", "bench-w", "-projector-key", 7


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    port = free_port()
    argv = [
        sys.executable,
        str(ROOT / "bench" / "bare_server.py"),
        f"--port={port}",
        f"--code={CODE}",
        f"--workshop={WORKSHOP}",
        f"--key={KEY}",
        f"--statement={STATEMENT}",
    ]
    server = ServerProc("bare", argv, None, port, tmp_path_factory.mktemp("bare") / "bare.log")
    server.start()
    yield server
    server.stop()


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 30))


def test_acks_moves_and_sends_the_projector_a_distribution(bare):
    async def scenario():
        distributions: list[dict] = []
        got_all = asyncio.Event()

        def on_distribution(d):
            distributions.append(d)
            if d["count"] + d["passes"] == 3:
                got_all.set()

        async with new_session() as session:
            projector = MiniClient(bare.url, {"distribution": on_distribution})
            await projector.connect(session, {"workshop": WORKSHOP, "key": KEY})
            phones, welcomes = [], []
            for _ in range(3):
                phone = MiniClient(bare.url, {"welcome": welcomes.append})
                await phone.connect(session, {"code": CODE})
                phones.append(phone)
            acks = [
                await p.call("position", {"statement": STATEMENT, "value": v})
                for p, v in zip(phones, (10, 50, "pass"))
            ]
            refused = await phones[0].call("position", {"statement": STATEMENT, "value": 101})
            await asyncio.wait_for(got_all.wait(), 10)
            for c in [projector, *phones]:
                await c.close()
        return acks, refused, welcomes, distributions

    acks, refused, welcomes, distributions = run(scenario())
    assert acks[0] == {"ok": True, "statement": STATEMENT, "value": 10}
    assert [a["ok"] for a in acks] == [True, True, True]
    assert refused["ok"] is False and refused["error"]
    assert len({w["participant"] for w in welcomes}) == 3
    last = distributions[-1]
    assert set(last) == {"statement", "count", "passes", "values", "mean", "dots"}
    numbers = sorted(k for k, _ in last["dots"])
    assert last["count"] == 2 and last["passes"] == 1 and sorted(last["values"]) == [10, 50]
    assert last["mean"] == 30.0 and len(numbers) == 2


def test_wrong_code_or_key_is_refused(bare):
    async def scenario():
        async with new_session() as session:
            for auth in ({"code": "999999"}, {"workshop": WORKSHOP, "key": "wrong"}, {}):
                with pytest.raises(ConnectRefused):
                    await MiniClient(bare.url).connect(session, auth)

    run(scenario())


def test_a_token_brings_the_same_participant_and_position_back(bare):
    async def scenario():
        states, welcomes = [], []
        async with new_session() as session:
            phone = MiniClient(bare.url, {"welcome": welcomes.append})
            await phone.connect(session, {"code": CODE})
            await phone.call("position", {"statement": STATEMENT, "value": 42})
            await phone.close()
            again = MiniClient(bare.url, {"welcome": welcomes.append, "state": states.append})
            await again.connect(session, {"code": CODE, "participant": welcomes[0]["participant"]})
            for _ in range(100):  # the state follows the welcome on the same socket
                if states:
                    break
                await asyncio.sleep(0.05)
            await again.close()
        return welcomes, states

    welcomes, states = run(scenario())
    assert welcomes[1]["participant"] == welcomes[0]["participant"]
    assert states[0]["position"] == 42
