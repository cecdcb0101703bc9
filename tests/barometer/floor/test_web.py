"""HTTP, Ordet (barometer/floor/web.py): only the facilitator gives the floor; the
projector key reads only the speaker."""

import pytest

from tests.barometer.conftest import only_the_facilitator
from tests.conftest import bearer, ok


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "/statements/{sid}/floor", {"participant": None}),
        ("DELETE", "/statements/{sid}/floor", None),
    ],
)
def test_only_the_facilitator(client, workshop, sid, store, method, path, body):
    only_the_facilitator(client, workshop, store, method, path.format(sid=sid), body)


def test_give_the_floor_in_the_suggested_order(client, api, base, workshop, sid, room):
    for p in (room[2], room[0], room[1]):  # agree asks first, then disagree, then middle
        assert ok(p, "hand", {"on": True}) == {"ok": True, "statement": sid, "hand": True}
    floor = api("GET", f"/statements/{sid}/floor")
    assert [(q["pseudonym"], q["region"], q["position"]) for q in floor["queue"]] == [
        ("P3", "agree", 90),
        ("P1", "disagree", 10),
        ("P2", "middle", 50),
    ]
    assert floor["suggestion"] == {"participant": 3, "pseudonym": "P3", "region": "agree"}
    spoken = [
        api("POST", f"/statements/{sid}/floor", {"participant": None})["speaker"]["pseudonym"]
        for _ in range(3)
    ]
    assert spoken == ["P3", "P1", "P2"]
    after = api("DELETE", f"/statements/{sid}/floor")
    assert after["speaker"] is None and after["queue"] == []
    assert after["heard"] == {"disagree": 1, "middle": 1, "agree": 1, "pass": 0}


def test_the_projector_reads_only_the_speaker(client, api, base, workshop, sid, room):
    ok(room[0], "hand", {"on": True})
    ok(room[1], "hand", {"on": True})
    api("POST", f"/statements/{sid}/floor", {"participant": 2})
    r = client.get(f"{base}/statements/{sid}/floor", headers=bearer(workshop["projector_key"]))
    got = r.get_json()
    assert got.pop("now")  # the server's clock: the countdown's offset
    assert got == {
        "statement": sid,
        "speaker": {"key": 2, "region": "middle", "since": got["speaker"]["since"], "limit_seconds": 0},
    }
    assert "P1" not in r.get_data(as_text=True)


@pytest.mark.parametrize(
    "body, status",
    [
        ({"participant": "P1"}, 400),
        ({"participant": 0}, 400),
        ({"participant": True}, 400),
        ({"who": 1}, 400),
        ([1], 400),
        ({"participant": 99}, 409),
    ],
)
def test_give_the_floor_refuses(client, base, fac, sid, room, body, status):
    ok(room[0], "hand", {"on": True})
    r = client.post(f"{base}/statements/{sid}/floor", json=body, headers=fac)
    assert r.status_code == status and r.get_json()["error"]


def test_no_floor_on_a_closed_or_unknown_statement(client, api, base, fac, sid, room):
    ok(room[0], "hand", {"on": True})
    api("POST", f"/statements/{sid}/close")
    assert (
        client.post(f"{base}/statements/{sid}/floor", json={"participant": None}, headers=fac).status_code
        == 409
    )
    assert (
        client.post(f"{base}/statements/999/floor", json={"participant": None}, headers=fac).status_code
        == 404
    )
