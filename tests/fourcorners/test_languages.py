"""A Fyra hörn question with its corners in other languages ("texts")."""

from __future__ import annotations

import pytest

from tests.conftest import wait_for

TEXTS = {
    "en": {"text": "How do you get to work?", "labels": ["Bus", "Bike", "Car", "Walk"]},
    "sv-x-lattlast": {"text": "Hur åker du till jobbet?", "labels": ["Buss", "Cykel", "Bil", "Går"]},
}


@pytest.fixture
def question(client, workshop, fac):
    base = f"/api/workshops/{workshop['id']}/corners"
    q = client.post(
        base,
        json={"text": "Hur tar du dig till jobbet?", "labels": ["Buss", "Cykel", "Bil", "Gång"]},
        headers=fac,
    )
    q = q.get_json()
    r = client.patch(f"{base}/{q['id']}", json={"texts": TEXTS}, headers=fac)
    assert r.status_code == 200 and r.get_json()["texts"] == TEXTS
    return base, q


@pytest.mark.parametrize(
    "texts",
    [
        {"en": "x"},
        {"en": {"text": "x"}},
        {"en": {"text": "x", "labels": ["a"]}},
        {"fi": None},
        {"en": {"text": "x", "labels": list("abcd"), "y": 1}},
    ],
)
def test_bad_texts_are_refused_and_change_nothing(client, fac, question, texts):
    base, q = question
    assert client.patch(f"{base}/{q['id']}", json={"texts": texts}, headers=fac).status_code == 400
    assert client.get(f"{base}", headers=fac).get_json()["questions"][0]["texts"] == TEXTS


def test_the_phone_gets_the_languages_and_a_template_keeps_them(
    client, workshop, fac, admin, question, phone
):
    base, q = question
    client.post(f"{base}/{q['id']}/open", headers=fac)
    p = phone()
    state = wait_for(p, "state", lambda s: (s.get("corners") or {}).get("question") is not None)
    assert state["corners"]["question"]["texts"] == TEXTS
    template = client.post(f"/api/workshops/{workshop['id']}/template", headers=fac).get_json()
    assert template["methods"]["fourcorners"]["questions"][0]["texts"] == TEXTS
    again = client.post("/api/templates", json=template, headers=admin).get_json()
    assert again["methods"] == template["methods"]


def test_the_json_export_keeps_them(client, workshop, fac, question):
    import json

    base, q = question
    client.post(f"{base}/{q['id']}/open", headers=fac)
    client.post(f"{base}/{q['id']}/close", headers=fac)
    doc = json.loads(client.get(f"/api/workshops/{workshop['id']}/export.json", headers=fac).data)
    assert doc["fourcorners"][0]["texts"] == TEXTS
