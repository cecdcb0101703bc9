"""Justering (issue 21, part C): finalise, the freeze, adjusters, the hash, versions."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.conftest import bearer, ok
from tests.series_seed import ROOMS, STATEMENTS, seed_room
from workshop.domain.justering import canonical_json

FROZEN_SV = "Bilagan är slutförd"
FROZEN_EN = "The appendix is finalised"
# Writes that are not the workshop's content, so they work while it is finalised.
NOT_CONTENT = (
    "/finalise",
    "/adjust",
    "/adjusters",
    "/session",
    "/invites",
    "/staff/",
    "/projectors",
    "/template",
)


@pytest.fixture
def seeded(client, store, workshop, fac):
    """A workshop with statements, positions, a Fyra hörn question, topics and interest."""
    base = f"/api/workshops/{workshop['id']}"
    client.post(f"{base}/statements/bulk", json={"text": "\n".join(STATEMENTS)}, headers=fac)
    q = {"text": "Hur tar du dig till jobbet?", "labels": ["Buss", "Cykel", "Bil", "Gång"]}
    assert client.post(f"{base}/corners", json=q, headers=fac).status_code == 201
    seed_room(client, store, workshop, ROOMS["Karlstad"])
    return workshop


def path(workshop, tail=""):
    return f"/api/workshops/{workshop['id']}{tail}"


def export_json(client, workshop, fac) -> bytes:
    r = client.get(path(workshop, "/export.json"), headers=fac)
    assert r.status_code == 200
    return r.data


def finalise(client, workshop, fac) -> dict:
    r = client.post(path(workshop, "/finalise"), headers=fac)
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def adjuster(app, client, workshop, fac, name="Anna"):
    """An adjuster's invite accepted in a browser of their own: (client, csrf headers, secret)."""
    r = client.post(path(workshop, "/adjusters"), json={"name": name}, headers=fac)
    assert r.status_code == 201, r.get_json()
    made = r.get_json()
    assert made["url"].endswith(f"/invite#secret={made['secret']}")
    browser = app.test_client()
    accepted = browser.post("/api/invites/accept", json={"secret": made["secret"], "name": name})
    assert accepted.status_code == 200
    assert accepted.get_json()["next"] == f"/adjust/{workshop['id']}"
    return browser, {"X-CSRF-Token": accepted.get_json()["csrf"]}, made["secret"]


# -- finalise and the hash ------------------------------------------------------
def test_finalise_returns_the_version_and_the_hash_of_the_canonical_json(client, seeded, fac):
    made = finalise(client, seeded, fac)
    doc = json.loads(export_json(client, seeded, fac))
    assert made["version"] == 1
    assert made["sha256"] == hashlib.sha256(canonical_json(doc)).hexdigest()
    assert "approval" not in doc  # not approved yet


def test_finalising_twice_keeps_the_version(client, seeded, fac):
    assert finalise(client, seeded, fac) == finalise(client, seeded, fac)


def test_roles_that_may_not_finalise_or_adjust(app, client, socketio, seeded, fac):
    for role in ("minute_taker", "projector"):
        r = client.post(path(seeded, "/invites"), json={"role": role}, headers=fac)
        key = bearer(r.get_json()["secret"])
        assert client.post(path(seeded, "/finalise"), headers=key).status_code == 403
        assert (
            client.post(path(seeded, "/adjust"), json={"approve": True, "name": "X"}, headers=key).status_code
            == 403
        )
    projector = bearer(seeded["projector_key"])
    assert client.post(path(seeded, "/finalise"), headers=projector).status_code == 403
    # the facilitator does not adjust, and a phone has no HTTP role at all
    assert (
        client.post(path(seeded, "/adjust"), json={"approve": True, "name": "X"}, headers=fac).status_code
        == 403
    )
    assert client.post(path(seeded, "/finalise")).status_code == 401


def test_an_adjuster_may_do_nothing_else(app, client, socketio, seeded, fac):
    browser, csrf, secret = adjuster(app, client, seeded, fac)
    key = bearer(secret)
    assert client.get(path(seeded), headers=key).status_code == 403  # the live view
    assert client.get(path(seeded, "/export.json"), headers=key).status_code == 403
    assert client.post(path(seeded, "/finalise"), headers=key).status_code == 403
    assert client.post(path(seeded, "/statements"), json={"text": "x"}, headers=key).status_code == 403
    assert browser.post(path(seeded, "/phase"), json={"phase": "ended"}, headers=csrf).status_code == 403
    staff_socket = socketio.test_client(
        app, auth={"workshop": seeded["id"], "key": secret, "as": "projector"}
    )
    assert not staff_socket.is_connected()


# -- the freeze: every write route, walked ---------------------------------------
def write_routes(app) -> list[tuple[str, str]]:
    """Every (method, rule) that writes under /api/workshops/<workshop_id>."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/workshops/<workshop_id>"):
            continue
        if any(marker in rule.rule for marker in NOT_CONTENT):
            continue
        for method in sorted(rule.methods & {"POST", "PUT", "PATCH", "DELETE"}):
            if method == "DELETE" and rule.rule == "/api/workshops/<workshop_id>":
                continue  # deleting a workshop (retention does too) is not changing its content
            found.append((method, rule.rule))
    return found


def concrete(rule: str, workshop_id: str) -> str:
    out = rule.replace("<workshop_id>", workshop_id)
    while "<" in out:
        start, end = out.index("<"), out.index(">")
        out = out[:start] + "1" + out[end + 1 :]
    return out


def test_every_write_route_is_refused_after_finalising_and_changes_nothing(app, client, seeded, fac):
    routes = write_routes(app)
    assert len(routes) > 30  # the walk found the methods' routes too
    finalise(client, seeded, fac)
    before = export_json(client, seeded, fac)
    refused = []
    for method, rule in routes:
        for body in ({}, {"text": "ändrad", "phase": "lobby", "title": "Ny", "locked": True}):
            r = client.open(concrete(rule, seeded["id"]), method=method, json=body, headers=fac)
            assert r.status_code == 409, (method, rule, r.status_code, r.get_json())
            assert r.get_json()["error"] == FROZEN_SV
        refused.append((method, rule))
    assert export_json(client, seeded, fac) == before
    assert refused == routes


def test_the_refusal_speaks_english_for_an_english_workshop(client, admin):
    w = client.post("/api/workshops", json={"title": "Day", "language": "en"}, headers=admin).get_json()
    fac = bearer(w["facilitator_key"])
    finalise(client, w, fac)
    r = client.post(path(w, "/statements"), json={"text": "x"}, headers=fac)
    assert r.status_code == 409 and r.get_json()["error"] == FROZEN_EN


def test_staff_writes_still_work_while_finalised(client, seeded, fac):
    finalise(client, seeded, fac)
    made = client.post(path(seeded, "/invites"), json={"role": "projector"}, headers=fac)
    assert made.status_code == 201
    assert client.delete(path(seeded, f"/staff/{made.get_json()['id']}"), headers=fac).status_code == 204


def phone_events(app) -> list[str]:
    """Every event a phone may send, from every method's live parts."""
    registry = app.extensions["workshop.registry"]
    return sorted(name for m in registry.methods for part in m.live for name in part.phone_events)


def test_every_phone_event_gets_the_error_ack_and_changes_nothing(app, client, store, seeded, fac, phone):
    sid = store.statements(seeded["id"])[0]["id"]
    assert client.post(path(seeded, f"/statements/{sid}/open"), headers=fac).status_code == 200
    topic = store.add_topic(seeded["id"], "Busskort")
    (question,) = store.fc_questions(seeded["id"])
    note = store.add_note(seeded["id"], topic, None, kind="text", text="Anteckning", staff=True)
    p = phone()
    ok(p, "position", {"statement": sid, "value": 10})
    finalise(client, seeded, fac)
    before = export_json(client, seeded, fac)
    events = phone_events(app)
    assert {"position", "corner", "topic", "note", "hand", "comment"} <= set(events)
    # One payload with every field any phone event reads, each plausible.
    payload = {
        "statement": sid, "value": 90, "corner": 1, "title": "Nytt ämne", "text": "hej", "topic": topic,
        "raised": True, "on": True, "here": True, "votes": 1, "interested": True, "kind": "text",
        "note": note["id"], "id": note["id"], "version": note["version"], "space": 1, "slot": 1, "question": question["id"],
    }  # fmt: skip
    for event in events:
        ack = p.emit(event, payload, callback=True)
        assert ack == {"ok": False, "error": FROZEN_SV}, (event, ack)
    assert export_json(client, seeded, fac) == before


def test_a_new_phone_cannot_join_a_finalised_workshop(app, socketio, client, seeded, fac, phone):
    finalise(client, seeded, fac)
    assert not phone().is_connected()


# -- adjusters -------------------------------------------------------------------
def test_adjusting_needs_a_finalised_appendix(app, client, seeded, fac):
    browser, csrf, _ = adjuster(app, client, seeded, fac)
    r = browser.post(path(seeded, "/adjust"), json={"approve": True, "name": "Anna"}, headers=csrf)
    assert r.status_code == 409 and "slutför" in r.get_json()["error"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"approve": "yes"},
        {"approve": True},
        {"approve": True, "name": "  "},
        {"approve": False},
        {"approve": False, "comment": ""},
        {"approve": True, "name": "x" * 81},
        [],
    ],
)
def test_bad_verdicts_are_refused_and_change_nothing(app, client, store, seeded, fac, body):
    browser, csrf, _ = adjuster(app, client, seeded, fac)
    finalise(client, seeded, fac)
    r = browser.post(path(seeded, "/adjust"), json=body, headers=csrf)
    assert r.status_code == 400 and r.get_json()["error"]
    assert store.justering(seeded["id"])["state"] == "finalised"
    assert store.approvals(seeded["id"], 1) == []


def test_two_adjusters_approve_and_every_export_says_so(app, client, store, seeded, fac):
    anna, anna_csrf, _ = adjuster(app, client, seeded, fac, "Anna")
    bo, bo_csrf, _ = adjuster(app, client, seeded, fac, "Bo")
    third = client.post(path(seeded, "/adjusters"), json={}, headers=fac)
    assert third.status_code == 409  # one or two adjusters
    made = finalise(client, seeded, fac)
    r = anna.post(path(seeded, "/adjust"), json={"approve": True, "name": "Anna Berg"}, headers=anna_csrf)
    assert r.status_code == 200 and r.get_json()["state"] == "finalised"  # Bo has not approved yet
    assert b"Justerad av" not in client.get(path(seeded, "/export.html"), headers=fac).data
    r = bo.post(path(seeded, "/adjust"), json={"approve": True, "name": "Bo Ek"}, headers=bo_csrf)
    assert r.get_json()["state"] == "approved"
    assert r.get_json()["approved_by"] == ["Anna Berg", "Bo Ek"]
    doc = json.loads(export_json(client, seeded, fac))
    assert doc["approval"]["sha256"] == made["sha256"]
    assert doc["approval"]["text"].startswith("Justerad av Anna Berg och Bo Ek, ")
    # the hash is of the document without its approval block: anyone can recompute it
    del doc["approval"]
    assert hashlib.sha256(canonical_json(doc)).hexdigest() == made["sha256"]
    verify = client.get(path(seeded, "/appendix/verify"), headers=fac).get_json()
    assert verify == {"version": 1, "sha256": made["sha256"], "matches": True}


def test_a_change_request_reopens_and_a_second_version_keeps_the_first(app, client, store, seeded, fac):
    anna, csrf, _ = adjuster(app, client, seeded, fac)
    v1 = finalise(client, seeded, fac)
    anna.post(path(seeded, "/adjust"), json={"approve": True, "name": "Anna"}, headers=csrf)
    r = anna.post(
        path(seeded, "/adjust"), json={"approve": False, "comment": "Stavfel i titeln"}, headers=csrf
    )
    assert r.status_code == 200
    assert r.get_json()["state"] == "draft" and r.get_json()["change_request"] == "Stavfel i titeln"
    sid = store.statements(seeded["id"])[0]["id"]
    comment = {"text": "Kommentar: tillagd efter justeringen"}
    assert (
        client.post(path(seeded, f"/statements/{sid}/comments"), json=comment, headers=fac).status_code == 201
    )
    v2 = finalise(client, seeded, fac)
    assert v2["version"] == 2 and v2["sha256"] != v1["sha256"]
    anna.post(path(seeded, "/adjust"), json={"approve": True, "name": "Anna"}, headers=csrf)
    versions = client.get(path(seeded, "/appendix/versions"), headers=fac).get_json()
    assert [(v["version"], v["sha256"], v["approved_by"]) for v in versions] == [
        (1, v1["sha256"], ["Anna"]),
        (2, v2["sha256"], ["Anna"]),
    ]
    assert versions[0]["reopened_at"] and versions[0]["change_request"] == "Stavfel i titeln"
    assert versions[1]["reopened_at"] is None and versions[1]["approved_at"]


def test_verify_is_false_when_the_stored_hash_was_tampered_with(app, client, store, seeded, fac):
    finalise(client, seeded, fac)
    with store.transaction() as db:
        db.execute("UPDATE appendix_versions SET sha256 = ? WHERE workshop_id = ?", ["0" * 64, seeded["id"]])
    verify = client.get(path(seeded, "/appendix/verify"), headers=fac).get_json()
    assert verify["matches"] is False and verify["sha256"] != "0" * 64


def test_verify_before_finalising_is_a_clear_conflict(client, seeded, fac):
    r = client.get(path(seeded, "/appendix/verify"), headers=fac)
    assert r.status_code == 409 and r.get_json()["error"]


def test_the_adjust_page_shows_the_appendix_to_the_adjuster_only(app, client, seeded, fac):
    anna, _, _ = adjuster(app, client, seeded, fac)
    finalise(client, seeded, fac)
    page = anna.get(f"/adjust/{seeded['id']}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert STATEMENTS[0] in text and "approve-form" in text and "SHA-256" in text
    stranger = app.test_client().get(f"/adjust/{seeded['id']}")
    assert stranger.status_code == 403 and "approve-form" not in stranger.get_data(as_text=True)


def test_the_console_state_carries_justering(app, client, socketio, seeded, fac, facilitator):
    from tests.conftest import wait_for

    anna, csrf, _ = adjuster(app, client, seeded, fac)
    finalise(client, seeded, fac)
    anna.post(path(seeded, "/adjust"), json={"approve": False, "comment": "Lägg till beslutet"}, headers=csrf)
    state = wait_for(facilitator, "state", lambda s: s["justering"]["change_request"] is not None)
    assert state["justering"]["change_request"] == "Lägg till beslutet"


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md", "csv", "json"])
def test_every_export_carries_justerad_av_and_the_hash(app, client, seeded, fac, fmt):
    from datetime import UTC, datetime

    from babel.dates import format_date

    from tests.web.test_api_export import text_of

    anna, csrf, _ = adjuster(app, client, seeded, fac, "Anna Berg")
    made = finalise(client, seeded, fac)
    before = text_of(fmt, client.get(path(seeded, f"/export.{fmt}"), headers=fac).data)
    assert "Justerad av" not in before and made["sha256"] not in before
    anna.post(path(seeded, "/adjust"), json={"approve": True, "name": "Anna Berg"}, headers=csrf)
    text = text_of(fmt, client.get(path(seeded, f"/export.{fmt}"), headers=fac).data)
    today = format_date(datetime.now(UTC).date(), format="long", locale="sv")  # "7 december 2026"
    assert f"Justerad av Anna Berg, {today}" in text
    assert made["sha256"] in text.replace(" ", "")
