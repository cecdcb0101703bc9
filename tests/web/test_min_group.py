"""PATCH /api/workshops/<id> {"min_group": 1..10}: small groups protected,
default 3, in the workshop's GET; a bad value is a 400 that changes nothing
(neither min_group nor a locked sent with it)."""

import pytest

from tests.conftest import bearer


@pytest.fixture
def url(workshop):
    return f"/api/workshops/{workshop['id']}"


def test_min_group_is_three_by_default_and_set_by_the_facilitator(client, workshop, fac, url):
    assert workshop["min_group"] == 3
    assert client.get(url, headers=fac).get_json()["min_group"] == 3
    r = client.patch(url, json={"min_group": 5}, headers=fac)
    assert r.status_code == 200 and r.get_json()["min_group"] == 5
    assert r.get_json()["locked"] is False  # the other setting untouched
    got = client.get(url, headers=bearer(workshop["projector_key"])).get_json()
    assert got["min_group"] == 5
    r = client.patch(url, json={"min_group": 1, "locked": True}, headers=fac)
    assert (r.get_json()["min_group"], r.get_json()["locked"]) == (1, True)
    assert client.patch(url, json={"locked": False}, headers=fac).get_json()["min_group"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {"min_group": 0},
        {"min_group": 11},
        {"min_group": "3"},
        {"min_group": 2.5},
        {"min_group": True},
        {"min_group": None},
        {"min_group": 4, "locked": "ja"},  # one bad field refuses the good one
        {"min_group": 40, "locked": True},
        {"min_group": 4, "size": 1},
        {},
    ],
)
def test_a_bad_min_group_is_a_400_and_changes_nothing(client, workshop, fac, url, body):
    before = client.get(url, headers=fac).get_json()
    r = client.patch(url, json=body, headers=fac)
    assert r.status_code == 400 and r.get_json()["error"]
    assert client.get(url, headers=fac).get_json() == before


def test_only_the_facilitator_sets_min_group(client, workshop, url, fac):
    assert client.patch(url, json={"min_group": 2}).status_code == 401
    assert (
        client.patch(url, json={"min_group": 2}, headers=bearer(workshop["projector_key"])).status_code == 403
    )
    assert client.get(url, headers=fac).get_json()["min_group"] == 3
