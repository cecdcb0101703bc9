"""A series of three workshops made from one template, each room seeded
differently (Karlstad agrees, Kil disagrees, Arvika is split), in-process."""

from __future__ import annotations

from tests.conftest import bearer

STATEMENTS = ["Kollektivtrafiken räcker för mig", "Skolan är trygg"]
ROOMS = {
    "Karlstad": {
        "positions": [[80, 90, 70, 85, 95, None], [40, 50, 60]],
        "corners": [0, 0, 1, 3],
        "topics": ["Busskort för unga", "Mer cykelbanor"],
    },
    "Kil": {
        "positions": [[10, 20, 15, 30], [45, 55, 50, 60]],
        "corners": [2, 2, 2, None],
        "topics": ["busskort för unga!", "Fler bussar på kvällen"],
    },
    "Arvika": {
        "positions": [[5, 10, 90, 95, 50], [70, 30]],
        "corners": [1, 3, 3],
        "topics": ["Fler bussar på kvällen"],
    },
}


def make_template(client, admin) -> str:
    w = client.post("/api/workshops", json={"title": "Trafikdialog"}, headers=admin).get_json()
    fac = bearer(w["facilitator_key"])
    base = f"/api/workshops/{w['id']}"
    assert (
        client.post(f"{base}/statements/bulk", json={"text": "\n".join(STATEMENTS)}, headers=fac).status_code
        == 201
    )
    q = {"text": "Hur tar du dig till jobbet?", "labels": ["Buss", "Cykel", "Bil", "Gång"]}
    assert client.post(f"{base}/corners", json=q, headers=fac).status_code == 201
    assert client.post(f"{base}/spaces", json={"name": "Rum A"}, headers=fac).status_code == 201
    template = client.post(f"{base}/template", headers=fac).get_json()
    client.delete(base, headers=fac)
    return template["id"]


def seed_room(client, store, workshop: dict, room: dict) -> None:
    fac = bearer(workshop["facilitator_key"])
    base = f"/api/workshops/{workshop['id']}"
    people = [store.add_participant(workshop["id"])["id"] for _ in range(8)]
    statements = client.get(f"{base}/statements", headers=fac).get_json()["statements"]
    for statement, values in zip(statements, room["positions"], strict=True):
        assert client.post(f"{base}/statements/{statement['id']}/open", headers=fac).status_code == 200
        for person, value in zip(people, values, strict=False):
            store.record_position(workshop["id"], statement["id"], person, value, settled=True)
        assert client.post(f"{base}/statements/{statement['id']}/close", headers=fac).status_code == 200
    (question,) = store.fc_questions(workshop["id"])
    assert client.post(f"{base}/corners/{question['id']}/open", headers=fac).status_code == 200
    for person, corner in zip(people, room["corners"], strict=False):
        store.fc_record_choice(workshop["id"], question["id"], person, corner)
    assert client.post(f"{base}/corners/{question['id']}/close", headers=fac).status_code == 200
    for number, title in enumerate(room["topics"]):
        topic = store.add_topic(workshop["id"], title)
        for person in people[: 2 + number]:
            store.set_interest(workshop["id"], topic, person, True)


def make_series(client, store, admin) -> tuple[str, list[dict]]:
    template = make_template(client, admin)
    workshops = []
    for title, room in ROOMS.items():
        w = client.post(
            "/api/workshops", json={"title": title, "template": template}, headers=admin
        ).get_json()
        seed_room(client, store, w, room)
        workshops.append(w)
    series = client.post("/api/series", json={"title": "Trafikdialoger i Värmland"}, headers=admin).get_json()
    r = client.put(
        f"/api/series/{series['id']}/workshops", json={"ids": [w["id"] for w in workshops]}, headers=admin
    )
    assert r.status_code == 200, r.get_json()
    return series["id"], workshops
