from tests.conftest import bearer, events


def test_create_returns_keys_and_links(workshop):
    assert set(workshop) >= {
        "id",
        "code",
        "facilitator_key",
        "projector_key",
        "join_url",
        "projector_url",
        "facilitator_url",
    }
    assert workshop["join_url"] == f"http://workshop.test:5000/j/{workshop['code']}"
    assert workshop["projector_url"].endswith(f"/projector/{workshop['id']}#key={workshop['projector_key']}")
    assert workshop["facilitator_url"].endswith(f"#key={workshop['facilitator_key']}")
    assert workshop["language"] == "sv" and workshop["phase"] == "lobby"


def test_create_needs_the_admin_token(client, workshop):
    assert client.post("/api/workshops", json={"title": "x"}).status_code == 401
    r = client.post("/api/workshops", json={"title": "x"}, headers=bearer(workshop["facilitator_key"]))
    assert r.status_code == 403 and "error" in r.get_json()


def test_create_validates(client, admin):
    for body in (
        {},
        {"title": ""},
        {"title": "x" * 201},
        {"title": 5},
        {"title": "x", "language": "de"},
        {"title": "x", "extra": 1},
        [],
        "title",
    ):
        r = client.post("/api/workshops", json=body, headers=admin)
        assert r.status_code == 400, body
        assert r.get_json()["error"]
    assert client.get("/api/workshops", headers=admin).get_json()["workshops"] == []


def test_non_json_body_is_a_clear_400(client, admin):
    r = client.post("/api/workshops", data="title=x", headers=admin)
    assert r.status_code == 400 and "JSON" in r.get_json()["error"]


def test_oversized_body_is_413(client, admin):
    r = client.post("/api/workshops", json={"title": "x" * 300_000}, headers=admin)
    assert r.status_code == 413 and r.get_json()["error"]


def test_english_workshop(client, admin):
    r = client.post("/api/workshops", json={"title": "Workshop", "language": "en"}, headers=admin)
    assert r.get_json()["language"] == "en"


def test_list_and_get(client, admin, workshop, fac):
    listed = client.get("/api/workshops", headers=admin).get_json()["workshops"]
    assert [w["id"] for w in listed] == [workshop["id"]]
    assert "facilitator_key" not in listed[0]
    assert client.get("/api/workshops", headers=fac).status_code == 403
    got = client.get(f"/api/workshops/{workshop['id']}", headers=fac).get_json()
    assert got["title"] == "Inspirationsdag Värmland" and got["statements"] == []


def test_projector_key_reads_without_keys(client, workshop):
    r = client.get(f"/api/workshops/{workshop['id']}", headers=bearer(workshop["projector_key"]))
    assert r.status_code == 200 and "facilitator_key" not in r.get_json()


def test_unknown_workshop_is_404(client, admin):
    r = client.get("/api/workshops/nope", headers=admin)
    assert r.status_code == 404 and r.get_json()["error"]


def test_wrong_key_is_403(client, workshop):
    r = client.get(f"/api/workshops/{workshop['id']}", headers=bearer("guess"))
    assert r.status_code == 403


def test_phase(client, workshop, fac):
    path = f"/api/workshops/{workshop['id']}/phase"
    assert client.post(path, json={"phase": "openspace"}, headers=fac).status_code == 200
    assert client.post(path, json={"phase": "fika"}, headers=fac).status_code == 400
    assert (
        client.post(path, json={"phase": "ended"}, headers=bearer(workshop["projector_key"])).status_code
        == 403
    )
    assert client.get(f"/api/workshops/{workshop['id']}", headers=fac).get_json()["phase"] == "openspace"


def test_delete_removes_everything(client, admin, workshop, fac, store):
    wid = workshop["id"]
    sid = client.post(f"/api/workshops/{wid}/statements", json={"text": "Hej"}, headers=fac).get_json()["id"]
    client.post(f"/api/workshops/{wid}/statements/{sid}/comments", json={"text": "k"}, headers=fac)
    assert client.delete(f"/api/workshops/{wid}", headers=fac).status_code == 204
    assert client.get(f"/api/workshops/{wid}", headers=admin).status_code == 404
    assert store._scalar("SELECT count(*) FROM statements") == 0
    assert store._scalar("SELECT count(*) FROM comments") == 0


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.get_json() == {"ok": True}


def test_projector_view_is_stored_and_pushed(client, workshop, fac, projector):
    path = f"/api/workshops/{workshop['id']}/projector"
    first = events(projector, "state")[-1]
    assert first["projector"]["view"] is None  # automatic until the facilitator picks
    assert first["projector"]["views"][0] == "lobby" and first["projector"]["views"][-1] == "thanks"
    r = client.put(path, json={"view": "wall"}, headers=fac)
    assert r.status_code == 200 and r.get_json() == {"view": "wall"}
    assert events(projector, "state")[-1]["projector"]["view"] == "wall"
    assert client.put(path, json={"view": None}, headers=fac).get_json() == {"view": None}
    assert events(projector, "state")[-1]["projector"]["view"] is None


def test_a_reconnecting_projector_gets_the_chosen_view(app, socketio, client, workshop, fac):
    client.put(f"/api/workshops/{workshop['id']}/projector", json={"view": "result"}, headers=fac)
    again = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["projector_key"]})
    assert events(again, "state")[-1]["projector"]["view"] == "result"
    again.disconnect()


def test_projector_view_does_not_disturb_phones(client, workshop, fac, phone):
    p = phone()
    p.get_received()
    client.put(f"/api/workshops/{workshop['id']}/projector", json={"view": "lobby"}, headers=fac)
    assert events(p, "state") == []


def test_projector_view_is_validated_and_facilitator_only(client, workshop, fac, store):
    path = f"/api/workshops/{workshop['id']}/projector"
    for body in ({"view": "fika"}, {"view": 3}, {}, {"view": "wall", "extra": 1}, ["wall"]):
        r = client.put(path, json=body, headers=fac)
        assert r.status_code == 400 and r.get_json()["error"], body
    assert "lobby" in client.put(path, json={"view": "fika"}, headers=fac).get_json()["error"]
    assert client.put(path, json={"view": "wall"}).status_code == 401
    assert (
        client.put(path, json={"view": "wall"}, headers=bearer(workshop["projector_key"])).status_code == 403
    )
    assert client.put("/api/workshops/nope/projector", json={"view": "wall"}, headers=fac).status_code == 404
    assert store.workshop(workshop["id"])["projector_view"] is None
