"""Decisions and next steps over HTTP: roles, bad input, edit and delete."""

import pytest

from tests.conftest import bearer


@pytest.fixture
def url(workshop):
    return f"/api/workshops/{workshop['id']}/decisions"


@pytest.fixture
def taker(client, workshop, fac):
    r = client.post(f"/api/workshops/{workshop['id']}/invites", json={"role": "minute_taker"}, headers=fac)
    return bearer(r.get_json()["secret"])


def test_add_edit_delete(client, url, fac, taker):
    r = client.post(url, json={"text": "Ta fram en plan", "who": "Anna", "when": "v. 12"}, headers=taker)
    assert r.status_code == 201
    d = r.get_json()
    assert d["id"] and (d["text"], d["who"], d["when"]) == ("Ta fram en plan", "Anna", "v. 12")
    r = client.patch(f"{url}/{d['id']}", json={"who": "Bo"}, headers=fac)
    assert r.status_code == 200 and r.get_json()["who"] == "Bo" and r.get_json()["text"] == "Ta fram en plan"
    assert [x["who"] for x in client.get(url, headers=taker).get_json()["decisions"]] == ["Bo"]
    assert client.delete(f"{url}/{d['id']}", headers=taker).status_code == 204
    assert client.get(url, headers=fac).get_json()["decisions"] == []
    assert client.delete(f"{url}/{d['id']}", headers=fac).status_code == 404


@pytest.mark.parametrize(
    "body", [{}, {"text": ""}, {"text": 1}, {"text": "x" * 1001}, {"text": "x", "by": 1}]
)
def test_bad_input_changes_nothing(client, url, fac, body):
    r = client.post(url, json=body, headers=fac)
    assert r.status_code == 400 and r.get_json()["error"]
    assert client.get(url, headers=fac).get_json()["decisions"] == []


def test_bad_patch_changes_nothing(client, url, fac):
    d = client.post(url, json={"text": "Plan"}, headers=fac).get_json()
    for body in ({}, {"text": ""}, {"who": 5}):
        assert client.patch(f"{url}/{d['id']}", json=body, headers=fac).status_code == 400
    assert client.get(url, headers=fac).get_json()["decisions"][0]["text"] == "Plan"


def test_projector_may_not(client, url, workshop):
    projector = bearer(workshop["projector_key"])
    assert client.get(url, headers=projector).status_code == 403
    assert client.post(url, json={"text": "x"}, headers=projector).status_code == 403


def test_staff_hear_decisions_and_minutes_the_projector_does_not(
    app, socketio, client, url, workshop, taker, fac
):
    from tests.conftest import events

    staff = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["facilitator_key"]})
    projector = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["projector_key"]})
    client.post(url, json={"text": "Plan"}, headers=taker)
    assert [d["text"] for d in events(staff, "decisions")[-1]["decisions"]] == ["Plan"]
    sid = client.post(
        f"/api/workshops/{workshop['id']}/statements", json={"text": "P"}, headers=fac
    ).get_json()["id"]
    path = f"/statements/{sid}/minutes"
    client.put(
        f"/api/workshops/{workshop['id']}{path}", json={"text": "Anteckning", "version": 0}, headers=taker
    )
    pushed = events(staff, "minutes")[-1]
    assert (pushed["path"], pushed["text"], pushed["version"]) == (path, "Anteckning", 1)
    assert events(projector, "decisions") == [] and events(projector, "minutes") == []
