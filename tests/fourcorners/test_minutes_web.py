"""The minutes of a Fyra hörn question: the same contract as a statement's."""

import pytest


@pytest.fixture
def url(workshop, api):
    q = api("POST", "/corners", {"text": "Vad är viktigast?", "labels": ["A", "B", "C", "D"]})
    return f"/api/workshops/{workshop['id']}/corners/{q['id']}/minutes"


def test_save_conflict_history(client, url, fac):
    assert client.get(url, headers=fac).get_json() == {
        "text": "", "version": 0, "updated_at": None, "versions": 0, "prefilled": False,
    }  # fmt: skip
    assert (
        client.put(url, json={"text": "Hörn A störst", "version": 0}, headers=fac).get_json()["version"] == 1
    )
    r = client.put(url, json={"text": "Annat", "version": 0}, headers=fac)
    assert r.status_code == 409 and r.get_json()["current"]["text"] == "Hörn A störst"
    assert client.put(url, json={"text": 5, "version": 1}, headers=fac).status_code == 400
    assert [h["text"] for h in client.get(f"{url}/history", headers=fac).get_json()["versions"]] == [
        "Hörn A störst"
    ]
