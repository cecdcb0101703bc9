"""The projector in two languages: PATCH /api/workshops/<id>
{"projector_languages": ["sv", "en"]} (domain/texts.py checks it); staff
`state` carries it, and the items' texts for the projector to show."""

import pytest

from tests.barometer.conftest import last_state
from tests.conftest import bearer
from workshop.domain.errors import Invalid
from workshop.domain.texts import parse_projector_languages


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ["sv"]),
        ([], ["sv"]),
        (["sv"], ["sv"]),
        (["sv", "en"], ["sv", "en"]),
        (["sv", "sv-x-lattlast"], ["sv", "sv-x-lattlast"]),
    ],
)
def test_parse_projector_languages(value, expected):
    assert parse_projector_languages(value, "sv") == expected


@pytest.mark.parametrize(
    "value",
    [["en"], ["en", "sv"], ["sv", "sv"], ["sv", "fr"], ["sv", "en", "sv-x-lattlast"], "sv", {"sv": 1}, [1]],
)
def test_parse_projector_languages_refuses(value):
    with pytest.raises(Invalid, match="projector_languages must be"):
        parse_projector_languages(value, "sv")


def test_an_english_workshop_shows_english_first():
    assert parse_projector_languages(["en", "sv-x-lattlast"], "en") == ["en", "sv-x-lattlast"]
    with pytest.raises(Invalid):
        parse_projector_languages(["en", "en"], "en")


def test_patch_sets_and_clears_the_second_language(client, workshop, fac, api):
    url = f"/api/workshops/{workshop['id']}"
    assert client.get(url, headers=fac).get_json()["projector_languages"] == ["sv"]
    r = client.patch(url, json={"projector_languages": ["sv", "en"]}, headers=fac)
    assert r.status_code == 200 and r.get_json()["projector_languages"] == ["sv", "en"]
    assert r.get_json()["locked"] is False  # nothing else changed
    proj = client.get(url, headers=bearer(workshop["projector_key"])).get_json()
    assert proj["projector_languages"] == ["sv", "en"]
    r = client.patch(url, json={"projector_languages": None}, headers=fac)
    assert r.get_json()["projector_languages"] == ["sv"]


def test_bad_input_changes_nothing(client, workshop, fac):
    url = f"/api/workshops/{workshop['id']}"
    client.patch(url, json={"projector_languages": ["sv", "en"]}, headers=fac)
    for body in (
        {"projector_languages": ["sv", "de"]},
        {"projector_languages": "en"},
        {"projector_languages": ["sv", "en"], "locked": "yes"},  # checked before anything is written
        {"languages": ["sv"]},
        {},
    ):
        r = client.patch(url, json=body, headers=fac)
        assert r.status_code == 400, body
        assert r.get_json()["error"]
    after = client.get(url, headers=fac).get_json()
    assert (after["projector_languages"], after["locked"]) == (["sv", "en"], False)
    assert (
        client.patch(
            url, json={"projector_languages": None}, headers=bearer(workshop["projector_key"])
        ).status_code
        == 403
    )
    assert client.patch(url, json={"locked": True}, headers=fac).get_json()["locked"] is True  # as before


def test_staff_state_carries_the_languages_and_the_items_texts(client, workshop, fac, api, projector):
    s = api("POST", "/statements", {"text": "Skolan är trygg"})
    api("PATCH", f"/statements/{s['id']}", {"texts": {"en": "School is safe"}})
    api("POST", f"/statements/{s['id']}/open")
    client.patch(f"/api/workshops/{workshop['id']}", json={"projector_languages": ["sv", "en"]}, headers=fac)
    state = last_state(projector)
    assert state["projector_languages"] == ["sv", "en"]
    assert state["statement"]["texts"] == {"en": "School is safe"}
    api("POST", f"/statements/{s['id']}/close")
    assert last_state(projector)["closed_statement"]["texts"] == {"en": "School is safe"}
