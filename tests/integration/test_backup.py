"""A backup made under load restores: 500 phones move while
`python app.py backup DIR` runs beside the server; the restored database
holds every position acked before the backup started (or a later one of
the same phone)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time

from bench.proc import ROOT
from bench.sioclient import MiniClient
from tests.registry import open_store

PHONES = 500


class Crowd:
    """PHONES lean raw-websocket phones on an asyncio loop of their own,
    each sending its next move as soon as the last one was acked."""

    def __init__(self, url: str, code: str, statement: int):
        self.url, self.code, self.statement = url, code, statement
        self.sent: dict[int, list] = {n: [] for n in range(PHONES)}  # every value, in order
        self.acked: dict[int, int] = {}  # phone -> index in sent of its last ack
        self.tokens: dict[int, str] = {}
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _phone(self, n: int, connected: list) -> None:
        client = MiniClient(
            self.url, {"welcome": lambda data: self.tokens.__setitem__(n, data["participant"])}
        )
        await client.connect(auth={"code": self.code})
        connected.append(n)
        i = 0
        while not self.stop.is_set():
            value = (n * 13 + i) % 101
            self.sent[n].append(value)
            ack = await client.call("position", {"statement": self.statement, "value": value})
            if ack.get("ok"):
                self.acked[n] = len(self.sent[n]) - 1
            if len(connected) < PHONES:
                await asyncio.sleep(0.05)  # gently while the others join
            i += 1
        await client.close()

    async def _run(self) -> None:
        connected: list = []
        tasks = [asyncio.create_task(self._phone(n, connected)) for n in range(PHONES)]
        while len(connected) < PHONES or len(self.acked) < PHONES:
            await asyncio.sleep(0.05)
        self.ready.set()
        await asyncio.gather(*tasks)


def test_a_backup_under_load_restores_every_acked_position(live, tmp_path):
    workshop = live.new_workshop()
    key = workshop["facilitator_key"]
    live.api("POST", f"/api/workshops/{workshop['id']}/phase", key, {"phase": "barometer"}, expect=200)
    statement = live.open_statement(workshop, "Vi delar resurser")
    crowd = Crowd(live.url, workshop["code"], statement["id"])
    crowd.thread.start()
    assert crowd.ready.wait(90), "the phones did not all join and move"
    time.sleep(1.0)  # under load

    acked_before = dict(crowd.acked)  # what had been acked when the backup started
    env = {**os.environ, "WORKSHOP_DATA_DIR": str(live.data_dir)}
    made = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "backup", str(tmp_path / "backups")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    moves_during = sum(len(v) for v in crowd.sent.values())
    time.sleep(0.5)
    crowd.stop.set()
    crowd.thread.join(timeout=30)
    assert made.returncode == 0, made.stderr
    assert sum(len(v) for v in crowd.sent.values()) > moves_during  # they kept moving meanwhile
    backup_file = made.stdout.strip()

    restored_dir = tmp_path / "restored"
    restored = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "restore", backup_file],
        env={**os.environ, "WORKSHOP_DATA_DIR": str(restored_dir)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert restored.returncode == 0, restored.stderr
    store = open_store(restored_dir / "workshop.db")
    try:
        ids = {row["token"]: row["id"] for row in store._rows("SELECT id, token FROM participants")}
        positions = store.positions_by_participant(statement["id"])
    finally:
        store.close()
    lost = []
    for n, index in acked_before.items():
        value = positions.get(ids[crowd.tokens[n]])
        if value not in crowd.sent[n][index:]:  # the acked one, or one sent after it
            lost.append((n, crowd.sent[n][index], value))
    assert len(acked_before) == PHONES and lost == []
