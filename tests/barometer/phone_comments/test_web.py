"""HTTP, comments from phones (web_comments.py): the setting, moderation and
the one comment on the projector, by the facilitator only."""

import pytest

from tests.barometer.conftest import only_the_facilitator
from tests.conftest import bearer, ok


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("PATCH", "/barometer", {"phone_comments": True}),
        ("PATCH", "/statements/{sid}/phone-comments/1", {"status": "approved"}),
        ("PUT", "/statements/{sid}/shown-comment", {"comment": None}),
        ("GET", "/statements/{sid}/phone-comments", None),  # unmoderated text: the facilitator's alone
    ],
)
def test_only_the_facilitator(client, workshop, sid, store, method, path, body):
    only_the_facilitator(client, workshop, store, method, path.format(sid=sid), body)


def test_comment_setting_and_moderation(client, api, base, workshop, sid, room, store):
    assert client.get(f"{base}/barometer", headers=bearer(workshop["projector_key"])).get_json() == {
        "phone_comments": False,
        "turn_seconds": 0,
    }
    for body in ({"phone_comments": "ja"}, {"comments": True}, [1]):
        assert (
            client.patch(
                f"{base}/barometer", json=body, headers=bearer(workshop["facilitator_key"])
            ).status_code
            == 400
        )
    assert api("PATCH", "/barometer", {"phone_comments": True}) == {"phone_comments": True, "turn_seconds": 0}
    ack = ok(room[0], "comment", {"statement": sid, "text": "Det <kostar> & tar tid"})
    cid = ack["id"]
    (c,) = api("GET", f"/statements/{sid}/phone-comments")["comments"]
    assert (c["id"], c["text"], c["region"], c["status"]) == (
        cid,
        "Det <kostar> & tar tid",
        "disagree",
        "pending",
    )
    assert "participant" not in c and "P1" not in str(c)  # the facilitator sees the place, not the person
    edited = api(
        "PATCH", f"/statements/{sid}/phone-comments/{cid}", {"status": "approved", "text": "Det kostar"}
    )
    assert (edited["status"], edited["text"], edited["edited"]) == ("approved", "Det kostar", True)
    assert api("PUT", f"/statements/{sid}/shown-comment", {"comment": cid}) == {
        "statement": sid,
        "text": "Det kostar",
        "region": "disagree",
    }
    assert api("PUT", f"/statements/{sid}/shown-comment", {"comment": None}) == {"statement": None}
    fac = bearer(workshop["facilitator_key"])
    for body, status in (
        ({"status": "maybe"}, 400),
        ({}, 400),
        ({"text": "x" * 281}, 400),
        ({"who": 1}, 400),
    ):
        assert (
            client.patch(f"{base}/statements/{sid}/phone-comments/{cid}", json=body, headers=fac).status_code
            == status
        )
    assert (
        client.patch(
            f"{base}/statements/{sid}/phone-comments/999", json={"status": "approved"}, headers=fac
        ).status_code
        == 404
    )
    assert (
        client.put(f"{base}/statements/{sid}/shown-comment", json={"comment": "1"}, headers=fac).status_code
        == 400
    )
