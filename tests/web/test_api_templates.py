"""Templates: "Spara som mall", the versioned JSON document, import (JSON,
plain text, CSV), and a new workshop from a template."""

from __future__ import annotations

import copy

import pytest

from tests.conftest import bearer


@pytest.fixture
def filled(api, phone):
    """A workshop with every method's part set up, and a participant who answered."""
    api("POST", "/statements/bulk", {"text": "Kollektivtrafiken räcker\nSkolan är trygg"})
    api("PATCH", "/barometer", {"phone_comments": True})
    api("POST", "/corners", {"text": "Vad är viktigast?", "labels": ["Buss", "Cykel", "Bil", "Gång"]})
    api("PATCH", "/openspace", {"theme": "Framtidens Värmland", "dots": 3})
    api("POST", "/spaces", {"name": "Rum A", "capacity": 20})
    api("POST", "/slots", {"label": "Pass 1", "starts_at": "10:00", "minutes": 45})
    api("POST", "/slots", {"label": "Fika", "starts_at": "10:45", "minutes": 15, "kind": "break"})
    api("POST", "/topics", {"title": "Busskort för unga", "convener": "Anna"})
    return api


def save(client, workshop, fac):
    r = client.post(f"/api/workshops/{workshop['id']}/template", headers=fac)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def test_save_as_template_holds_each_methods_part_and_no_participant_data(
    client, workshop, fac, filled, admin
):
    template = save(client, workshop, fac)
    doc = client.get(f"/api/templates/{template['id']}", headers=admin).get_json()
    assert doc["format"] == "workshop-template" and doc["version"] == 1
    parts = doc["methods"]
    assert [s["text"] for s in parts["barometer"]["statements"]] == [
        "Kollektivtrafiken räcker",
        "Skolan är trygg",
    ]
    assert parts["barometer"]["settings"] == {"phone_comments": True, "turn_seconds": 0}
    assert parts["fourcorners"]["questions"] == [
        {"text": "Vad är viktigast?", "labels": ["Buss", "Cykel", "Bil", "Gång"]}
    ]
    assert parts["openspace"]["settings"]["theme"] == "Framtidens Värmland"
    assert parts["openspace"]["spaces"] == [{"name": "Rum A", "capacity": 20}]
    assert [s["kind"] for s in parts["openspace"]["slots"]] == ["session", "break"]
    assert "Busskort" not in str(doc) and "Anna" not in str(doc)  # topics are participants' data
    listed = client.get("/api/templates", headers=admin).get_json()["templates"]
    assert [t["id"] for t in listed] == [template["id"]]


def test_new_workshop_from_template_and_round_trip(client, workshop, fac, filled, admin):
    template = save(client, workshop, fac)
    made = client.post("/api/workshops", json={"title": "Kil", "template": template["id"]}, headers=admin)
    assert made.status_code == 201
    new = made.get_json()
    statements = client.get(f"/api/workshops/{new['id']}", headers=bearer(new["facilitator_key"])).get_json()
    assert [s["text"] for s in statements["statements"]] == ["Kollektivtrafiken räcker", "Skolan är trygg"]
    again = save(client, new, bearer(new["facilitator_key"]))
    first = client.get(f"/api/templates/{template['id']}", headers=admin).get_json()
    second = client.get(f"/api/templates/{again['id']}", headers=admin).get_json()
    # the statements keep their template keys: the same template again
    strip = lambda d: {k: v for k, v in d.items() if k not in ("id", "created_at", "title")}  # noqa: E731
    assert strip(first) == strip(second)
    # export -> import -> export: unchanged
    imported = client.post("/api/templates", json=first, headers=admin)
    assert imported.status_code == 201
    third = client.get(f"/api/templates/{imported.get_json()['id']}", headers=admin).get_json()
    assert strip(third) == strip(first) and third["title"] == first["title"]


BAD = [
    ({"format": "other", "version": 1, "title": "x"}, "format"),
    ({"format": "workshop-template", "version": 2, "title": "x"}, "version"),
    ({"format": "workshop-template", "version": 1, "title": ""}, "title"),
    ({"format": "workshop-template", "version": 1, "title": "x", "methods": {"nope": {}}}, "nope"),
    ({"format": "workshop-template", "version": 1, "title": "x", "extra": 1}, "extra"),
    (
        {
            "format": "workshop-template",
            "version": 1,
            "title": "x",
            "methods": {"fourcorners": {"questions": [{"text": "q", "labels": ["a"]}]}},
        },
        "labels",
    ),
    (
        {
            "format": "workshop-template",
            "version": 1,
            "title": "x",
            "methods": {"barometer": {"statements": [{"key": "a", "text": "s"}, {"key": "a", "text": "t"}]}},
        },
        "nyckel",
    ),
    (
        {
            "format": "workshop-template",
            "version": 1,
            "title": "x",
            "methods": {"openspace": {"slots": [{"label": "p", "starts_at": "25:00", "minutes": 10}]}},
        },
        "starts_at",
    ),
    (
        {
            "format": "workshop-template",
            "version": 1,
            "title": "x",
            "methods": {"barometer": {"participants": []}},
        },
        "participants",
    ),
    ([1, 2], "objekt"),
]


@pytest.mark.parametrize(("body", "says"), BAD)
def test_bad_import_is_a_clear_400_and_changes_nothing(client, admin, body, says):
    r = client.post("/api/templates", json=body, headers=admin)
    assert r.status_code == 400
    assert says in r.get_json()["error"]
    assert client.get("/api/templates", headers=admin).get_json()["templates"] == []


def test_statements_as_plain_text_and_csv(client, admin):
    r = client.post(
        "/api/templates?title=Skolenkät",
        data="Skolan är trygg\n\nMaten är god\n".encode(),
        headers={**admin, "Content-Type": "text/plain; charset=utf-8"},
    )
    assert r.status_code == 201, r.get_json()
    texts = [s["text"] for s in r.get_json()["methods"]["barometer"]["statements"]]
    assert texts == ["Skolan är trygg", "Maten är god"]
    csv_body = 'nr,påstående\n1,"Bussen går ofta, tycker jag"\n2,Cykelbanorna räcker\n'
    r = client.post(
        "/api/templates?title=Trafik", data=csv_body.encode(), headers={**admin, "Content-Type": "text/csv"}
    )
    assert r.status_code == 201, r.get_json()
    texts = [s["text"] for s in r.get_json()["methods"]["barometer"]["statements"]]
    assert texts == ["Bussen går ofta, tycker jag", "Cykelbanorna räcker"]
    empty = client.post(
        "/api/templates?title=T", data=b"\n\n", headers={**admin, "Content-Type": "text/plain"}
    )
    assert empty.status_code == 400
    untitled = client.post("/api/templates", data=b"a\n", headers={**admin, "Content-Type": "text/plain"})
    assert untitled.status_code == 400


def test_who_may(client, workshop, fac, admin):
    assert client.get("/api/templates").status_code == 401
    assert client.get("/api/templates", headers=fac).status_code == 403
    assert (
        client.post(
            f"/api/workshops/{workshop['id']}/template", headers=bearer(workshop["projector_key"])
        ).status_code
        == 403
    )
    assert client.get("/api/templates/nope", headers=admin).status_code == 404
    r = client.post("/api/workshops", json={"title": "x", "template": "nope"}, headers=admin)
    assert r.status_code == 404
    assert len(client.get("/api/workshops", headers=admin).get_json()["workshops"]) == 1


def test_import_does_not_alias_the_document(client, admin):
    doc = {"format": "workshop-template", "version": 1, "title": "T", "language": "en", "methods": {}}
    sent = copy.deepcopy(doc)
    r = client.post("/api/templates", json=doc, headers=admin)
    assert r.status_code == 201 and doc == sent
    assert client.get(f"/api/templates/{r.get_json()['id']}", headers=admin).get_json()["language"] == "en"
