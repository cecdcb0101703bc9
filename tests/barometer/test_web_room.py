"""HTTP: the floor, the comment setting and moderation, the replay. Who may
do what: only the facilitator (or admin) writes; the projector key reads
only its own part; nobody else gets in."""
import pytest

from tests.conftest import bearer, ok


@pytest.fixture
def base(workshop):
    return f"/api/workshops/{workshop['id']}"


WRITES = [
    ("POST", "/statements/{sid}/floor", {"participant": None}),
    ("DELETE", "/statements/{sid}/floor", None),
    ("PATCH", "/barometer", {"phone_comments": True}),
    ("PATCH", "/statements/{sid}/phone-comments/{cid}", {"status": "approved"}),
    ("PUT", "/statements/{sid}/shown-comment", {"comment": None}),
    ("POST", "/statements/{sid}/replay", {"speed": 10}),
    ("PATCH", "/statements/{sid}/replay", {"playing": False}),
    ("DELETE", "/statements/{sid}/replay", None),
    ("GET", "/statements/{sid}/phone-comments", None),  # unmoderated text: the facilitator's alone
]


@pytest.mark.parametrize("method, path, body", WRITES)
def test_only_the_facilitator(client, base, workshop, sid, store, method, path, body):
    url = base + path.format(sid=sid, cid=1)
    before = store.floor(workshop["id"]).staff(), store.barometer_settings(workshop["id"])
    assert client.open(url, method=method, json=body).status_code == 401
    assert client.open(url, method=method, json=body,
                       headers=bearer(workshop["projector_key"])).status_code == 403
    assert client.open(url, method=method, json=body, headers=bearer("guess")).status_code == 403
    assert (store.floor(workshop["id"]).staff(), store.barometer_settings(workshop["id"])) == before


def test_give_the_floor_in_the_suggested_order(client, api, base, workshop, sid, room):
    for p in (room[2], room[0], room[1]):  # agree asks first, then disagree, then middle
        assert ok(p, "hand", {"on": True}) == {"ok": True, "statement": sid, "hand": True}
    floor = api("GET", f"/statements/{sid}/floor")
    assert [(q["pseudonym"], q["region"], q["position"]) for q in floor["queue"]] == [
        ("P3", "agree", 90), ("P1", "disagree", 10), ("P2", "middle", 50)]
    assert floor["suggestion"] == {"participant": 3, "pseudonym": "P3", "region": "agree"}
    spoken = [api("POST", f"/statements/{sid}/floor", {"participant": None})["speaker"]["pseudonym"]
              for _ in range(3)]
    assert spoken == ["P3", "P1", "P2"]
    after = api("DELETE", f"/statements/{sid}/floor")
    assert after["speaker"] is None and after["queue"] == []
    assert after["heard"] == {"disagree": 1, "middle": 1, "agree": 1, "pass": 0}


def test_the_projector_reads_only_the_speaker(client, api, base, workshop, sid, room):
    ok(room[0], "hand", {"on": True})
    ok(room[1], "hand", {"on": True})
    api("POST", f"/statements/{sid}/floor", {"participant": 2})
    r = client.get(f"{base}/statements/{sid}/floor", headers=bearer(workshop["projector_key"]))
    assert r.get_json() == {"statement": sid, "speaker": {"key": 2, "region": "middle"}}
    assert "P1" not in r.get_data(as_text=True)


@pytest.mark.parametrize("body, status", [
    ({"participant": "P1"}, 400), ({"participant": 0}, 400), ({"participant": True}, 400),
    ({"who": 1}, 400), ([1], 400), ({"participant": 99}, 409),
])
def test_give_the_floor_refuses(client, base, fac, sid, room, body, status):
    ok(room[0], "hand", {"on": True})
    r = client.post(f"{base}/statements/{sid}/floor", json=body, headers=fac)
    assert r.status_code == status and r.get_json()["error"]


def test_no_floor_on_a_closed_or_unknown_statement(client, api, base, fac, sid, room):
    ok(room[0], "hand", {"on": True})
    api("POST", f"/statements/{sid}/close")
    assert client.post(f"{base}/statements/{sid}/floor", json={"participant": None}, headers=fac).status_code == 409
    assert client.post(f"{base}/statements/999/floor", json={"participant": None}, headers=fac).status_code == 404


def test_comment_setting_and_moderation(client, api, base, workshop, sid, room, store):
    assert client.get(f"{base}/barometer", headers=bearer(workshop["projector_key"])).get_json() == {
        "phone_comments": False}
    for body in ({"phone_comments": "ja"}, {"comments": True}, [1]):
        assert client.patch(f"{base}/barometer", json=body, headers=bearer(workshop["facilitator_key"])).status_code == 400
    assert api("PATCH", "/barometer", {"phone_comments": True}) == {"phone_comments": True}
    ack = ok(room[0], "comment", {"statement": sid, "text": "Det <kostar> & tar tid"})
    cid = ack["id"]
    (c,) = api("GET", f"/statements/{sid}/phone-comments")["comments"]
    assert (c["id"], c["text"], c["region"], c["status"]) == (cid, "Det <kostar> & tar tid", "disagree", "pending")
    assert "participant" not in c and "P1" not in str(c)  # the facilitator sees the place, not the person
    edited = api("PATCH", f"/statements/{sid}/phone-comments/{cid}", {"status": "approved", "text": "Det kostar"})
    assert (edited["status"], edited["text"], edited["edited"]) == ("approved", "Det kostar", True)
    assert api("PUT", f"/statements/{sid}/shown-comment", {"comment": cid}) == {
        "statement": sid, "text": "Det kostar", "region": "disagree"}
    assert api("PUT", f"/statements/{sid}/shown-comment", {"comment": None}) == {"statement": None}
    fac = bearer(workshop["facilitator_key"])
    for body, status in (({"status": "maybe"}, 400), ({}, 400), ({"text": "x" * 281}, 400), ({"who": 1}, 400)):
        assert client.patch(f"{base}/statements/{sid}/phone-comments/{cid}", json=body, headers=fac).status_code == status
    assert client.patch(f"{base}/statements/{sid}/phone-comments/999", json={"status": "approved"},
                        headers=fac).status_code == 404
    assert client.put(f"{base}/statements/{sid}/shown-comment", json={"comment": "1"}, headers=fac).status_code == 400


def test_replay_http(client, api, base, workshop, sid, room):
    fac = bearer(workshop["facilitator_key"])
    assert client.post(f"{base}/statements/{sid}/replay", headers=fac).status_code == 409  # still open
    api("POST", f"/statements/{sid}/close")
    for body in ({"speed": 21}, {"speed": 0}, {"speed": "fast"}, {"fast": True}):
        assert client.post(f"{base}/statements/{sid}/replay", json=body, headers=fac).status_code == 400
    started = api("POST", f"/statements/{sid}/replay")  # no body: the default speed
    assert (started["statement"], started["speed"], started["at_ms"]) == (sid, 10, 0)
    history = client.get(f"{base}/statements/{sid}/replay", headers=bearer(workshop["projector_key"])).get_json()
    assert history["changes"] == 3 and [k for k, _ in history["tracks"]] == [1, 2, 3]
    assert history["text"].startswith("Överenskommelsearbetet")
    paused = api("PATCH", f"/statements/{sid}/replay", {"playing": False, "at": 0, "speed": 20})
    assert (paused["playing"], paused["at_ms"], paused["speed"]) == (False, 0, 20)
    for body in ({"at": -1}, {"at": history["duration_ms"] + 1}, {"playing": "no"}, {"speed": 40}):
        assert client.patch(f"{base}/statements/{sid}/replay", json=body, headers=fac).status_code == 400
    assert client.delete(f"{base}/statements/{sid}/replay", headers=fac).status_code == 204
    assert client.patch(f"{base}/statements/{sid}/replay", json={"playing": True}, headers=fac).status_code == 409
