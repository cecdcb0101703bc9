"""Bounded, seeded fuzzing of the real server, from the outside.

2,000 random socket events and 1,000 random HTTP requests, made from the
project's own contract (docs/protocol.md): real event names and paths, with
values drawn from what a hostile or broken client sends (wrong types, huge
integers, lone surrogates, deep nesting, reserved event names, raw bodies
that are not JSON or not UTF-8). Asserts: no 500, an ack for every event that
asked for one, no traceback in the server's log, the invariants afterwards
(the distribution counts every placed phone, no double booking, nothing in a
break, one speaker at most, no comment over 280 characters), and that
bad-only input changes nothing.

The socket events go out twice: through python-socketio's client, and as
1,000 raw websocket frames (tests/raw_socket.py) that no library would
send: deeper than the client can encode, longer than the limit, truncated,
with a wrong packet type, a foreign namespace, a binary attachment, not
UTF-8, binary. Each frame either gets its ack or its connection is closed
cleanly, and the server's log counts 0 tracebacks (issue 17).

Seeded (SEED) so a failure replays; bounded in count and time.
"""

from __future__ import annotations

import json
import random
import sqlite3

import pytest
import requests
import socketio as socketio_client
import websocket

from tests.raw_socket import Closed, RawSocket

SEED = 20261123
EVENTS = 2000
REQUESTS = 1000
BAD_ONLY = 300
RAW_FRAMES = 1000

PHONE_EVENTS = [
    "position",
    "hand",
    "comment",
    "topic",
    "interest",
    "here",
    "vote",
    "claim",
    "note",
    "note_edit",
    "corner",
]
HOSTILE_EVENTS = ["disconnect", "connect", "connect_error", "no_such_event", "", "x" * 300]


class Fuzzer:
    def __init__(self, rng: random.Random, ids: dict):
        self.rng = rng
        self.ids = ids  # real ids, so some events get past validation

    def scalar(self):
        r = self.rng
        return r.choice(
            [
                lambda: r.randint(0, 100),
                lambda: r.randint(-5, 5),
                lambda: 10**30,
                lambda: 2**63,
                lambda: -(2**64),
                lambda: r.random() * 100,
                lambda: True,
                lambda: None,
                lambda: "pass",
                lambda: "\ud800",
                lambda: "a ${ b $",
                lambda: "<script>alert(1)</script>",
                lambda: '=HYPERLINK("http://x")',
                lambda: "x" * r.choice([0, 1, 300, 25_000]),
                lambda: "".join(chr(r.randint(32, 0x2FFF)) for _ in range(r.randint(1, 40))),
                lambda: r.choice(self.ids["any"]),
            ]
        )()

    def value(self, depth: int = 0):
        r = self.rng.random()
        if depth < 3 and r < 0.1:
            return [self.value(depth + 1) for _ in range(self.rng.randint(0, 3))]
        if depth < 3 and r < 0.15:
            return {self.rng.choice(["a", "topic", "text"]): self.value(depth + 1)}
        if r < 0.17:
            return deep(self.rng.randint(20, 150))  # the client library itself recurses past ~300
        return self.scalar()

    def fields(self, event: str) -> dict:
        """The event's own fields, with plausible values."""
        return {
            "position": {"statement": self.ids["statement"], "value": self.rng.randint(0, 100)},
            "hand": {"on": self.rng.random() < 0.7},
            "comment": {"statement": self.ids["statement"], "text": "Det kostar – tid och pengar"},
            "topic": {"title": "Dialog i praktiken", "description": "", "convener": None},
            "interest": {"topic": self.rng.choice(self.ids["topics"]), "on": True},
            "here": {"topic": self.rng.choice(self.ids["topics"] + [None])},
            "vote": {"topic": self.rng.choice(self.ids["topics"]), "on": self.rng.random() < 0.5},
            "claim": {
                "topic": self.rng.choice(self.ids["topics"]),
                "space": self.rng.choice(self.ids["spaces"]),
                "slot": self.rng.choice(self.ids["slots"]),
            },
            "note": {
                "topic": self.rng.choice(self.ids["topics"]),
                "text": "Vi tar med oss detta",
                "kind": "text",
            },
            "note_edit": {"id": self.rng.randint(1, 5), "text": "Rättat", "version": 1},
            "corner": {"question": self.ids["question"], "corner": self.rng.randint(0, 3)},
        }.get(event, {"x": 1})

    def payload(self, event: str):
        """Mostly the event's own fields, each maybe replaced by junk."""
        if self.rng.random() < 0.1:
            return self.value()  # not even an object
        return {k: (self.value() if self.rng.random() < 0.4 else v) for k, v in self.fields(event).items()}

    def bad_payload(self, event: str):
        """Never valid: one field of the wrong type, or not an object at all."""
        if self.rng.random() < 0.2:
            return self.rng.choice([None, 5, "text", [1, 2], deep(40)])
        broken = self.fields(event)
        key = self.rng.choice(sorted(broken))
        broken[key] = self.rng.choice([[], {}, 10**30, "\ud800", deep(40), 1.5, {"nested": [1]}])
        return broken


def deep(n: int):
    value: list = []
    for _ in range(n):
        value = [value]
    return value


def http_requests(rng: random.Random, base: str, ids: dict, fuzz: Fuzzer, n: int, bad_only: bool = False):
    """(method, url, headers, body bytes or None), from the contract's paths."""
    sid, tid = ids["statement"], rng.choice(ids["topics"])
    paths = [
        ("GET", ""),
        ("PATCH", ""),
        ("POST", "/phase"),
        ("GET", "/statements"),
        ("POST", "/statements"),
        ("POST", "/statements/bulk"),
        ("PUT", "/statements/order"),
        ("GET", f"/statements/{sid}"),
        ("PATCH", f"/statements/{sid}"),
        ("GET", f"/statements/{sid}/distribution"),
        ("POST", f"/statements/{sid}/comments"),
        ("GET", f"/statements/{sid}/floor"),
        ("POST", f"/statements/{sid}/floor"),
        ("PATCH", "/barometer"),
        ("GET", f"/statements/{sid}/phone-comments"),
        ("PATCH", f"/statements/{sid}/phone-comments/1"),
        ("PUT", f"/statements/{sid}/shown-comment"),
        ("POST", f"/statements/{sid}/replay"),
        ("PATCH", f"/statements/{sid}/replay"),
        ("GET", "/wall"),
        ("PATCH", "/openspace"),
        ("POST", "/spaces"),
        ("POST", "/slots"),
        ("PATCH", f"/topics/{tid}"),
        ("POST", "/topics"),
        ("PUT", f"/topics/{tid}/placement"),
        ("POST", f"/topics/{tid}/merge"),
        ("GET", "/corners"),
        ("POST", "/corners"),
        ("PATCH", f"/corners/{ids['question']}"),
        ("GET", "/export.json"),
        ("GET", "/statements/9223372036854775808"),
        ("GET", "/topics/99999999999999999999999/placement"),
        ("DELETE", f"/statements/{2**63}"),
    ]
    keys = [ids["facilitator"]] * 6 + [ids["projector"], "wrong", ""]
    for _ in range(n):
        method, path = rng.choice(paths)
        if bad_only and method == "GET":
            method = "POST"
        key = rng.choice(keys)
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        kind = rng.random() * (0.5 if bad_only else 1)
        if kind < 0.2:
            body = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 60)))  # not UTF-8, not JSON
        elif kind < 0.3:
            body = b'{"text": "\\ud800"}'
        elif kind < 0.4:
            body = ("[" * 990 + "]" * 990).encode()
        elif kind < 0.5:
            body = b'{"ids": [9223372036854775808], "text": 1e999, "phase": 123456789012345678901234567890}'
        else:
            data = {
                rng.choice(
                    [
                        "text",
                        "title",
                        "phase",
                        "ids",
                        "hidden",
                        "name",
                        "locked",
                        "into",
                        "labels",
                        "participant",
                        "status",
                        "comment",
                        "phone_comments",
                        "speed",
                        "at",
                        "playing",
                    ]
                ): fuzz.value()
                for _ in range(rng.randint(0, 3))
            }
            body = json.dumps(data).encode()
        headers["Content-Type"] = rng.choice(["application/json"] * 4 + ["text/plain"])
        yield method, f"{base}{path}", headers, body if method != "GET" else None


def snapshot(db_path) -> dict:
    """Every row of every table, for "bad input changed nothing"."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    finally:
        conn.close()


@pytest.fixture
def setup(live):
    w = live.new_workshop("Fuzz")
    fac = w["facilitator_key"]
    base = f"/api/workshops/{w['id']}"
    s = live.api("POST", f"{base}/statements/bulk", fac, {"text": "Ett\nTvå\nTre"}, expect=201)["statements"]
    spaces = [
        live.api("POST", f"{base}/spaces", fac, {"name": n}, expect=201)["id"] for n in ("Rum A", "Rum B")
    ]
    slots = [
        live.api("POST", f"{base}/slots", fac, b, expect=201)["id"]
        for b in (
            {"label": "Pass 1", "starts_at": "13:00", "minutes": 45},
            {"label": "Fika", "starts_at": "14:00", "minutes": 30, "kind": "break"},
            {"label": "Pass 2", "starts_at": "14:30", "minutes": 45},
        )
    ]
    topics = [
        live.api("POST", f"{base}/topics", fac, {"title": t}, expect=201)["id"]
        for t in ("Dialog", "Kvalitet", "Mångfald")
    ]
    live.api("PATCH", f"{base}/openspace", fac, {"allow_claims": True, "dots": 3}, expect=200)
    q = live.api(
        "POST",
        f"{base}/corners",
        fac,
        {"text": "Vad är viktigast?", "labels": ["Dialog", "Kvalitet", "Öppenhet", "Mångfald"]},
        expect=201,
    )
    live.api("POST", f"{base}/corners/{q['id']}/open", fac, expect=200)
    live.api("POST", f"{base}/statements/{s[0]['id']}/open", fac, expect=200)
    live.api("PATCH", f"{base}/barometer", fac, {"phone_comments": True}, expect=200)
    ids = {
        "statement": s[0]["id"],
        "topics": topics,
        "spaces": spaces,
        "slots": slots,
        "question": q["id"],
        "facilitator": fac,
        "projector": w["projector_key"],
        "workshop": w["id"],
        "code": w["code"],
    }
    ids["any"] = [s[0]["id"], *topics, *spaces, *slots, q["id"]]
    return ids


def connect_phones(live, code: str, n: int) -> list:
    phones = []
    for _ in range(n):
        c = socketio_client.Client(reconnection=False)
        c.connect(live.url, auth={"code": code}, transports=["websocket"], wait_timeout=10)
        phones.append(c)
    return phones


def test_fuzzed_events_and_requests_break_nothing(live, setup):
    rng = random.Random(SEED)
    fuzz = Fuzzer(rng, setup)
    phones = connect_phones(live, setup["code"], 8)
    missing_acks = []
    try:
        for i in range(EVENTS):
            phone = rng.choice(phones)
            event = rng.choice(PHONE_EVENTS * 4 + HOSTILE_EVENTS)
            try:
                phone.call(event, fuzz.payload(event), timeout=5)
            except socketio_client.exceptions.TimeoutError:
                missing_acks.append((i, event))
        statuses, server_errors = [], []
        for method, url, headers, body in http_requests(
            rng, f"{live.url}/api/workshops/{setup['workshop']}", setup, fuzz, REQUESTS
        ):
            status = requests.request(method, url, headers=headers, data=body, timeout=10).status_code
            statuses.append(status)
            if status >= 500:
                server_errors.append((method, url.rsplit("/api/", 1)[-1], body[:80] if body else None))
        connected = all(p.connected for p in phones)
    finally:
        for p in phones:
            p.disconnect()

    assert missing_acks == []
    assert server_errors == []
    assert connected, "a hostile event must not drop a phone"
    assert "Traceback" not in live.log()

    db = live.data_dir / "workshop.db"
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        placed = conn.execute(
            "SELECT count(*) FROM positions WHERE statement_id = ? AND value IS NOT NULL",
            [setup["statement"]],
        ).fetchone()[0]
        double = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM topics WHERE space_id IS NOT NULL"
            " AND hidden = 0 AND merged_into IS NULL GROUP BY workshop_id, space_id, slot_id"
            " HAVING count(*) > 1)"
        ).fetchone()[0]
        in_break = conn.execute(
            "SELECT count(*) FROM topics t JOIN slots s ON s.id = t.slot_id WHERE s.kind = 'break'"
        ).fetchone()[0]
        speakers = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM floor_turns WHERE ended_at IS NULL"
            " GROUP BY statement_id HAVING count(*) > 1)"
        ).fetchone()[0]
        long_comments = conn.execute(
            "SELECT count(*) FROM phone_comments WHERE length(text) > 280"
        ).fetchone()[0]
    finally:
        conn.close()
    dist = live.api(
        "GET",
        f"/api/workshops/{setup['workshop']}/statements/{setup['statement']}/distribution",
        setup["facilitator"],
        expect=200,
    )
    assert dist["count"] == placed
    assert double == 0 and in_break == 0
    assert speakers == 0 and long_comments == 0


def test_bad_only_input_changes_nothing(live, setup):
    rng = random.Random(SEED + 1)
    fuzz = Fuzzer(rng, setup)
    phones = connect_phones(live, setup["code"], 3)
    try:
        before = snapshot(live.data_dir / "workshop.db")
        for _ in range(BAD_ONLY):
            event = rng.choice(PHONE_EVENTS + HOSTILE_EVENTS)
            ack = rng.choice(phones).call(event, fuzz.bad_payload(event), timeout=5)
            assert ack["ok"] is False, (event, ack)
        for method, url, headers, body in http_requests(
            rng, f"{live.url}/api/workshops/{setup['workshop']}", setup, fuzz, BAD_ONLY // 2, bad_only=True
        ):
            status = requests.request(method, url, headers=headers, data=body, timeout=10).status_code
            assert status != 500
        after = snapshot(live.data_dir / "workshop.db")
    finally:
        for p in phones:
            p.disconnect()
    assert after == before
    assert "Traceback" not in live.log()


# -- raw websocket frames, the doors an attacker uses (issue 17) ---------------
DEEP_MARK = "__deep__"


def raw_frame(rng: random.Random, fuzz: Fuzzer, ack_id: int) -> tuple[str, str | bytes, bool]:
    """(kind, frame, asks for an ack): one frame a hostile client could send."""
    event = rng.choice(PHONE_EVENTS * 3 + HOSTILE_EVENTS)
    payload = fuzz.payload(event)
    if rng.random() < 0.3 and isinstance(payload, dict) and payload:
        payload[rng.choice(sorted(payload))] = DEEP_MARK  # deeper than any client library encodes
    body = json.dumps([event, payload]).replace(f'"{DEEP_MARK}"', _deep_text(rng.randint(10, 3000)))
    good = f"42{ack_id}{body}"
    r = rng.random()
    if r < 0.48:
        return "event", good, True
    if r < 0.5:
        text = json.dumps({"statement": fuzz.ids["statement"], "value": "x" * rng.choice([199_000, 240_000])})
        return "long", f'42{ack_id}["position",{text}]', True
    if r < 0.6:
        return "truncated", good[: rng.randint(len(str(ack_id)) + 3, len(good) - 1)], True
    if r < 0.65:
        return "binary event", f'451-{ack_id}["{event}",{{"_placeholder":true,"num":0}}]', True
    if r < 0.7:
        return "namespace", f"42/admin,{ack_id}{body}", True
    if r < 0.75:
        return "binary", bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 40))), False
    malformed = [
        "",
        "x",
        "b!!",
        "2[1]",
        "3probe",
        "6",
        "4" + _deep_text(rng.randint(1, 3000)),
        '4{"a":1}',
        "49" + body,
        "43" + str(ack_id) + body,  # an ack nobody asked for
        "40" + rng.choice(["{}", '{"code": 5}', "[", '{"workshop": "x", "key": "y"}']),
        "42" + body[: rng.randint(1, len(body))],
        "4" + "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 30))),
    ]
    return "malformed", rng.choice(malformed), False


def _deep_text(n: int) -> str:
    return "[" * n + "]" * n


def test_fuzzed_raw_frames_get_an_ack_or_a_clean_close(live, setup):
    """Every frame that asks for an ack gets it or its connection closes; a
    frame that asks none is followed by a move that must be acked or find the
    connection closed. Nothing hangs, and no traceback reaches the log."""
    rng = random.Random(SEED + 2)
    fuzz = Fuzzer(rng, setup)
    start = len(live.log())
    sockets = [RawSocket(live.url).join({"code": setup["code"]}) for _ in range(8)]
    hung, outcomes, next_id = [], {}, 1000

    def answered(sock, ack_id) -> str:
        try:
            sock.ack(ack_id, timeout=5)
            return "ack"
        except Closed:
            return "closed"
        except websocket.WebSocketTimeoutException:
            return "hung"

    try:
        for i in range(RAW_FRAMES):
            k = rng.randrange(len(sockets))
            sock, next_id = sockets[k], next_id + 1
            kind, frame, asks = raw_frame(rng, fuzz, next_id)
            try:
                sock.send_binary(frame) if isinstance(frame, bytes) else sock.send(frame)
                if not asks:  # a move after it: acked, or the connection is gone
                    next_id = sock.emit("position", {"statement": setup["statement"], "value": 50})
                outcome = answered(sock, next_id)
            except (Closed, websocket.WebSocketConnectionClosedException, ConnectionError):
                outcome = "closed"
            outcomes[(kind, outcome)] = outcomes.get((kind, outcome), 0) + 1
            if outcome == "hung":
                hung.append((i, kind, frame[:80]))
                if len(hung) == 5:
                    break  # enough to fail on, within the test's time
            if outcome != "ack":
                sock.close()
                sockets[k] = RawSocket(live.url).join({"code": setup["code"]})
    finally:
        for sock in sockets:
            sock.close()
    log = live.log()[start:]
    assert hung == []
    assert log.count("Traceback") == 0, log[-3000:]
    assert outcomes.get(("event", "ack"), 0) > 300, outcomes  # most well-formed events were answered
    assert outcomes.get(("malformed", "closed"), 0) > 50, outcomes
    # The server still serves a phone as before.
    phone = socketio_client.Client(reconnection=False)
    phone.connect(live.url, auth={"code": setup["code"]}, transports=["websocket"], wait_timeout=10)
    try:
        ack = phone.call("position", {"statement": setup["statement"], "value": 30}, timeout=5)
        assert ack["ok"] is True
    finally:
        phone.disconnect()
