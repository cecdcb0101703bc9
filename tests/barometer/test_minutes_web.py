"""The minutes of a statement over HTTP: roles, the prefilled summary, versions, conflicts, bad input."""

import pytest

from tests.conftest import bearer


@pytest.fixture
def statement(api):
    return api("POST", "/statements", {"text": "Vi bör fortsätta"})


@pytest.fixture
def url(workshop, statement):
    return f"/api/workshops/{workshop['id']}/statements/{statement['id']}/minutes"


@pytest.fixture
def taker(client, workshop, fac):
    r = client.post(f"/api/workshops/{workshop['id']}/invites", json={"role": "minute_taker"}, headers=fac)
    assert r.status_code == 201, r.get_json()
    return bearer(r.get_json()["secret"])


def test_before_anyone_stood_nothing_is_suggested(client, url, fac):
    body = client.get(url, headers=fac).get_json()
    assert body == {"text": "", "version": 0, "updated_at": None, "versions": 0, "prefilled": True}


def test_prefilled_with_the_verbal_summary(client, url, fac, statement, workshop, phone, api):
    api("POST", f"/statements/{statement['id']}/open")
    for value in (70, 75, 80, 30):
        p = phone()
        assert p.emit("position", {"statement": statement["id"], "value": value}, callback=True)["ok"]
    body = client.get(url, headers=fac).get_json()
    assert body["prefilled"] is True and body["version"] == 0
    assert "håller med" in body["text"], body


def test_minute_taker_saves_and_versions_are_kept(client, url, taker, fac):
    r = client.put(url, json={"text": "Övervikt åt håller med.", "version": 0}, headers=taker)
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["version"] == 1 and r.get_json()["prefilled"] is False
    r = client.put(
        url, json={"text": "Övervikt åt håller med. Kommentar om skolan.", "version": 1}, headers=fac
    )
    assert r.get_json()["version"] == 2
    got = client.get(url, headers=taker).get_json()
    assert got["text"].endswith("skolan.") and got["versions"] == 2
    history = client.get(f"{url}/history", headers=taker).get_json()["versions"]
    assert [(h["version"], h["role"]) for h in history] == [(2, "facilitator"), (1, "minute_taker")]


def test_stale_version_conflicts_and_never_overwrites(client, url, taker, fac):
    client.put(url, json={"text": "Mitt", "version": 0}, headers=taker)
    r = client.put(url, json={"text": "Ditt", "version": 0}, headers=fac)
    assert r.status_code == 409
    body = r.get_json()
    assert body["error"] and body["conflict"] is True
    assert body["current"]["text"] == "Mitt" and body["current"]["version"] == 1
    assert client.get(url, headers=fac).get_json()["text"] == "Mitt"
    # Overwriting: the writer chose theirs over the other's, with the version seen.
    r = client.put(url, json={"text": "Ditt", "version": 1}, headers=fac)
    assert r.status_code == 200 and r.get_json()["version"] == 2


@pytest.mark.parametrize(
    "body",
    [
        {"text": "x"},
        {"version": 0},
        {"text": 3, "version": 0},
        {"text": None, "version": 0},
        {"text": "x" * 20_001, "version": 0},
        {"text": "x", "version": "0"},
        {"text": "x", "version": -1},
        {"text": "x", "version": True},
        {"text": "x", "version": 0, "extra": 1},
    ],
)
def test_bad_input_is_400_and_changes_nothing(client, url, fac, body):
    client.put(url, json={"text": "Kvar", "version": 0}, headers=fac)
    r = client.put(url, json=body, headers=fac)
    assert r.status_code == 400 and r.get_json()["error"]
    got = client.get(url, headers=fac).get_json()
    assert (got["text"], got["version"]) == ("Kvar", 1)


def test_projector_and_strangers_are_refused(client, url, workshop):
    projector = bearer(workshop["projector_key"])
    assert client.get(url, headers=projector).status_code == 403
    assert client.put(url, json={"text": "x", "version": 0}, headers=projector).status_code == 403
    assert client.put(url, json={"text": "x", "version": 0}).status_code == 401


def test_another_workshops_statement_is_not_found(client, fac, workshop):
    r = client.put(
        f"/api/workshops/{workshop['id']}/statements/999/minutes",
        json={"text": "x", "version": 0},
        headers=fac,
    )
    assert r.status_code == 404


def test_invite_of_a_minute_taker_lands_on_the_minutes_page(client, workshop, fac):
    r = client.post(f"/api/workshops/{workshop['id']}/invites", json={"role": "minute_taker"}, headers=fac)
    accepted = client.post("/api/invites/accept", json={"secret": r.get_json()["secret"]})
    assert accepted.get_json()["next"] == f"/minutes/{workshop['id']}"
    page = client.get(f"/minutes/{workshop['id']}")
    assert page.status_code == 200 and "minutes.js" in page.get_data(as_text=True)


def test_the_console_links_to_the_minutes_page(client, workshop):
    html = client.get(f"/console/{workshop['id']}").get_data(as_text=True)
    assert f'href="/minutes/{workshop["id"]}"' in html and ">Protokoll<" in html
