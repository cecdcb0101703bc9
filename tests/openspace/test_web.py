"""HTTP: Open Space for the facilitator, and the wall for facilitator and projector."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import bearer
from workshop.openspace.record import OpenSpaceRecord


@pytest.fixture
def send(client, workshop, fac):
    """send(method, path, json=None, headers=fac) -> the response, whatever its
    status (unlike conftest's ``send``, which asserts success): these tests
    check refusals too."""

    def call(method, path, json=None, headers=fac):
        return client.open(
            f"/api/workshops/{workshop['id']}{path}", method=method, json=json, headers=headers
        )

    return call


@pytest.fixture
def proj(workshop):
    return bearer(workshop["projector_key"])


def topic(send, title="Projektledning", **more):
    r = send("POST", "/topics", {"title": title, **more})
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def wall(send, headers=None):
    r = send("GET", "/wall") if headers is None else send("GET", "/wall", headers=headers)
    assert r.status_code == 200
    return r.get_json()


# -- auth ------------------------------------------------------------------------------
def test_auth_like_the_barometer(send, proj):
    assert send("GET", "/wall", headers={}).status_code == 401
    assert send("GET", "/wall", headers=bearer("wrong")).status_code == 403
    assert send("GET", "/wall", headers=proj).status_code == 200
    for method, path, body in (
        ("POST", "/spaces", {"name": "x"}),
        ("POST", "/topics", {"title": "x"}),
        ("PATCH", "/openspace", {"dots": 3}),
    ):
        assert send(method, path, body, headers=proj).status_code == 403
        assert send(method, path, body, headers={}).status_code == 401
    assert wall(send)["spaces"] == [] and wall(send)["topics"] == []


def test_admin_may_write_and_unknown_workshop_is_404(client, send, admin):
    assert send("POST", "/spaces", {"name": "Aulan"}, headers=admin).status_code == 201
    assert client.get("/api/workshops/nope/wall", headers=admin).status_code == 404


# -- spaces and slots -------------------------------------------------------------------
def test_spaces_crud(send):
    r = send("POST", "/spaces", {"name": "Rum A", "capacity": 12})
    assert r.status_code == 201
    space = r.get_json()
    assert space == {"id": space["id"], "name": "Rum A", "capacity": 12}
    r = send("PATCH", f"/spaces/{space['id']}", {"name": "Rum A (aulan)", "capacity": None})
    assert r.get_json() == {"id": space["id"], "name": "Rum A (aulan)", "capacity": None}
    assert send("PATCH", "/spaces/999", {"name": "x"}).status_code == 404
    assert send("DELETE", f"/spaces/{space['id']}").status_code == 204
    assert send("DELETE", f"/spaces/{space['id']}").status_code == 404
    assert wall(send)["spaces"] == []


@pytest.mark.parametrize(
    "body",
    [
        {"name": ""},
        {"name": "x" * 81},
        {"name": "A", "capacity": 0},
        {"name": "A", "capacity": "10"},
        {"name": "A", "size": 3},
        {},
    ],
)
def test_space_refused_changes_nothing(send, body):
    r = send("POST", "/spaces", body)
    assert r.status_code == 400 and r.get_json()["error"]
    assert wall(send)["spaces"] == []


def test_slots_listed_by_start_time(send, grid):
    slots = wall(send)["slots"]
    assert [s["label"] for s in slots] == ["Pass 1", "Fika", "Pass 2"]
    assert slots[1] == {
        "id": grid["fika"],
        "label": "Fika",
        "starts_at": "14:00",
        "minutes": 30,
        "kind": "break",
    }
    r = send("PATCH", f"/slots/{grid['p2']}", {"starts_at": "10:00"})
    assert r.status_code == 200 and r.get_json()["starts_at"] == "10:00"
    assert [s["label"] for s in wall(send)["slots"]] == ["Pass 2", "Pass 1", "Fika"]
    for bad in ({"starts_at": "25:00"}, {"minutes": 601}, {"kind": "lunch"}, {"label": ""}):
        assert send("PATCH", f"/slots/{grid['p2']}", bad).status_code == 400
    assert wall(send)["slots"][0]["starts_at"] == "10:00"
    assert send("PATCH", "/slots/999", {"label": "x"}).status_code == 404
    assert send("POST", "/slots", {"label": "P", "starts_at": "9:00", "minutes": 45}).status_code == 400


def test_deleting_a_space_or_slot_unschedules_its_topics(send, grid):
    t1, t2 = topic(send, "Struktur"), topic(send, "Ekonomi?")
    send("PUT", f"/topics/{t1['id']}/placement", {"space": grid["a"], "slot": grid["p1"]})
    send("PUT", f"/topics/{t2['id']}/placement", {"space": grid["b"], "slot": grid["p2"]})
    assert send("DELETE", f"/spaces/{grid['a']}").status_code == 204
    assert send("DELETE", f"/slots/{grid['p2']}").status_code == 204
    assert [(t["space"], t["slot"]) for t in wall(send)["topics"]] == [(None, None), (None, None)]


def test_turning_a_slot_into_fika_unschedules_it(send, grid):
    t = topic(send)
    send("PUT", f"/topics/{t['id']}/placement", {"space": grid["a"], "slot": grid["p1"]})
    assert send("PATCH", f"/slots/{grid['p1']}", {"kind": "break"}).get_json()["kind"] == "break"
    assert wall(send)["topics"][0]["space"] is None


# -- topics ------------------------------------------------------------------------------------
def test_topic_created_on_behalf_and_markup_stored_verbatim(send):
    t = topic(send, "<script>alert('x')</script>", description="Folkhälsa & psykisk hälsa", convener="Helena")
    assert t["title"] == "<script>alert('x')</script>"
    assert {
        k: t[k]
        for k in (
            "description",
            "convener",
            "space",
            "slot",
            "interest",
            "here",
            "peak",
            "votes",
            "hidden",
            "notes",
        )
    } == {
        "description": "Folkhälsa & psykisk hälsa",
        "convener": "Helena",
        "space": None,
        "slot": None,
        "interest": 0,
        "here": 0,
        "peak": 0,
        "votes": 0,
        "hidden": False,
        "notes": [],
    }
    assert wall(send)["topics"][0]["title"] == "<script>alert('x')</script>"


def test_topic_refusals(send):
    assert send("POST", "/topics", {"title": "x" * 121}).status_code == 400
    assert send("POST", "/topics", {"title": "ok", "hidden": True}).status_code == 400
    assert send("POST", "/topics", ["title"]).status_code == 400
    t = topic(send)
    for bad in ({"title": ""}, {"hidden": "yes"}, {"convener": "x" * 81}):
        assert send("PATCH", f"/topics/{t['id']}", bad).status_code == 400
    assert send("PATCH", "/topics/999", {"title": "x"}).status_code == 404
    assert wall(send)["topics"][0]["title"] == "Projektledning"


def test_edit_and_hide_topic(send, proj):
    t = topic(send, "Kommunikation")
    r = send("PATCH", f"/topics/{t['id']}", {"title": "Kommunikation – avsändare", "convener": None})
    assert r.status_code == 200 and r.get_json()["title"] == "Kommunikation – avsändare"
    assert send("PATCH", f"/topics/{t['id']}", {"hidden": True}).get_json()["hidden"] is True
    assert wall(send)["topics"][0]["hidden"] is True
    assert wall(send, headers=proj)["topics"] == []
    assert send("PATCH", f"/topics/{t['id']}", {"hidden": False}).get_json()["hidden"] is False
    assert len(wall(send, headers=proj)["topics"]) == 1


# -- placement -----------------------------------------------------------------------------------
def test_placement_and_no_double_booking(send, grid):
    t1, t2 = topic(send, "Struktur"), topic(send, "Ekonomi?")
    cell = {"space": grid["a"], "slot": grid["p1"]}
    r = send("PUT", f"/topics/{t1['id']}/placement", cell)
    assert r.status_code == 200 and (r.get_json()["space"], r.get_json()["slot"]) == (grid["a"], grid["p1"])
    r = send("PUT", f"/topics/{t2['id']}/placement", cell)
    assert r.status_code == 409 and r.get_json()["error"]
    r = send("PUT", f"/topics/{t2['id']}/placement", {"space": grid["b"], "slot": grid["fika"]})
    assert r.status_code == 409
    for bad, code in (
        ({"space": grid["a"], "slot": None}, 400),
        ({"space": None}, 400),
        ({"space": 999, "slot": grid["p1"]}, 404),
        ({"space": grid["a"], "slot": 999}, 404),
        ({"space": "1", "slot": grid["p1"]}, 400),
    ):
        assert send("PUT", f"/topics/{t2['id']}/placement", bad).status_code == code
    assert send("PUT", "/topics/999/placement", cell).status_code == 404
    topics = {t["id"]: t for t in wall(send)["topics"]}
    assert (topics[t2["id"]]["space"], topics[t2["id"]]["slot"]) == (None, None)
    # Unscheduling frees the cell for the other topic.
    r = send("PUT", f"/topics/{t1['id']}/placement", {"space": None, "slot": None})
    assert r.status_code == 200 and r.get_json()["space"] is None
    assert send("PUT", f"/topics/{t2['id']}/placement", cell).status_code == 200


def test_the_database_itself_refuses_double_booking(send, grid, store, workshop):
    t1, t2 = topic(send, "A"), topic(send, "B")
    send("PUT", f"/topics/{t1['id']}/placement", {"space": grid["a"], "slot": grid["p1"]})
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
        db.execute(
            "UPDATE topics SET space_id = ?, slot_id = ? WHERE id = ?", [grid["a"], grid["p1"], t2["id"]]
        )


def test_hidden_topic_frees_its_cell_and_returns_unscheduled_if_taken(send, grid):
    t1, t2 = topic(send, "A"), topic(send, "B")
    cell = {"space": grid["a"], "slot": grid["p1"]}
    send("PUT", f"/topics/{t1['id']}/placement", cell)
    send("PATCH", f"/topics/{t1['id']}", {"hidden": True})
    assert send("PUT", f"/topics/{t2['id']}/placement", cell).status_code == 200
    back = send("PATCH", f"/topics/{t1['id']}", {"hidden": False}).get_json()
    assert (back["space"], back["slot"], back["hidden"]) == (None, None, False)


# -- merge -------------------------------------------------------------------------------------------
def test_merge_and_refusals(send, grid, proj):
    a, b, c = topic(send, "Psykisk hälsa"), topic(send, "Folkhälsa"), topic(send, "Ekonomi")
    send("PUT", f"/topics/{a['id']}/placement", {"space": grid["a"], "slot": grid["p1"]})
    r = send("POST", f"/topics/{a['id']}/merge", {"into": b["id"]})
    assert r.status_code == 200
    survivor = r.get_json()
    # The survivor had no cell, so it takes the duplicate's.
    assert survivor["id"] == b["id"] and (survivor["space"], survivor["slot"]) == (grid["a"], grid["p1"])
    assert [t["id"] for t in wall(send)["topics"]] == [b["id"], c["id"]]
    assert [t["id"] for t in wall(send, headers=proj)["topics"]] == [b["id"], c["id"]]
    assert send("POST", f"/topics/{c['id']}/merge", {"into": c["id"]}).status_code == 400
    assert send("POST", f"/topics/{c['id']}/merge", {"into": a["id"]}).status_code == 409
    assert send("POST", f"/topics/{a['id']}/merge", {"into": c["id"]}).status_code == 409
    assert send("POST", f"/topics/{c['id']}/merge", {"into": 999}).status_code == 404
    assert send("POST", f"/topics/{c['id']}/merge", {"into": "2"}).status_code == 400
    assert send("POST", f"/topics/{c['id']}/merge", {}).status_code == 400
    assert send("PATCH", f"/topics/{a['id']}", {"title": "x"}).status_code == 404
    assert [t["id"] for t in wall(send)["topics"]] == [b["id"], c["id"]]


# -- settings, wall, limits -------------------------------------------------------------------------------
def test_settings(send):
    assert wall(send)["settings"] == {
        "theme": None,
        "allow_claims": False,
        "dots": 0,
        "break_until": None,
        "break_label": "Fika",
    }
    theme = "Hur kan idéburen sektor och offentlig sektor samverka i Värmland?"
    r = send("PATCH", "/openspace", {"theme": theme, "allow_claims": True, "dots": 3, "break_until": "14:30"})
    assert r.status_code == 200
    assert r.get_json() == {
        "theme": theme,
        "allow_claims": True,
        "dots": 3,
        "break_until": "14:30",
        "break_label": "Fika",
    }
    for bad in (
        {"dots": 11},
        {"allow_claims": "true"},
        {"break_until": "14.30"},
        {"theme": "x" * 301},
        {"colour": "red"},
    ):
        assert send("PATCH", "/openspace", bad).status_code == 400
    assert (
        send("PATCH", "/openspace", {"break_until": None, "break_label": "Lunch"}).get_json()["break_label"]
        == "Lunch"
    )
    assert wall(send)["settings"]["dots"] == 3 and wall(send)["settings"]["break_until"] is None


def test_missing_notes_lists_scheduled_topics_without_notes(send, grid, store, workshop):
    t1, t2, t3 = topic(send, "A"), topic(send, "B"), topic(send, "C")
    send("PUT", f"/topics/{t1['id']}/placement", {"space": grid["a"], "slot": grid["p1"]})
    send("PUT", f"/topics/{t2['id']}/placement", {"space": grid["b"], "slot": grid["p1"]})
    store.add_note(workshop["id"], t2["id"], None, kind="text", text="Första steget: en avsändare.")
    assert wall(send)["missing_notes"] == [t1["id"]]
    assert t3["id"] not in wall(send)["missing_notes"]


def test_too_large_body_is_413(send):
    r = send("POST", "/topics", {"title": "x", "description": "y" * 300_000})
    assert r.status_code == 413 and r.get_json()["error"]
    assert wall(send)["topics"] == []


def test_deleting_the_workshop_removes_everything(client, send, grid, store, workshop, fac):
    t = topic(send)
    store.add_note(workshop["id"], t["id"], None, kind="text", text="x")
    assert client.delete(f"/api/workshops/{workshop['id']}", headers=fac).status_code == 204
    for table in ("spaces", "slots", "topics", "topic_notes"):
        assert store._scalar(f"SELECT count(*) FROM {table}") == 0


# -- appendix ------------------------------------------------------------------------------------------
def test_openspace_record_for_the_appendix(send, grid, store, workshop):
    assert store.openspace_record(workshop["id"]).dots == 0  # dot voting off
    send("PATCH", "/openspace", {"theme": "Samverkan i Värmland", "dots": 3})
    kept, hidden, dup = (
        topic(send, "Struktur", convener="Åsa"),
        topic(send, "Hemligt"),
        topic(send, "Struktur 2"),
    )
    send("PATCH", f"/topics/{hidden['id']}", {"hidden": True})
    send("PUT", f"/topics/{kept['id']}/placement", {"space": grid["b"], "slot": grid["p2"]})
    store.add_note(workshop["id"], kept["id"], None, kind="text", text="Tre nivåer")
    store.add_note(
        workshop["id"],
        dup["id"],
        None,
        kind="proposal",
        text="Bjud in alla",
        who="Arbetsgruppen",
        when="2017",
    )
    send("POST", f"/topics/{dup['id']}/merge", {"into": kept["id"]})
    record = store.openspace_record(workshop["id"])
    assert isinstance(record, OpenSpaceRecord) and record.theme == "Samverkan i Värmland"
    assert record.dots == 3  # the appendix shows votes only when dot voting was on
    assert [s.name for s in record.spaces] == ["Rum A", "Rum B"]
    assert [s.label for s in record.slots] == ["Pass 1", "Fika", "Pass 2"]
    (t,) = record.topics
    assert (t.title, t.convener, t.space, t.slot) == ("Struktur", "Åsa", grid["b"], grid["p2"])
    assert [(n.kind, n.text, n.who, n.when, n.topic) for n in t.notes] == [
        ("text", "Tre nivåer", None, None, kept["id"]),
        ("proposal", "Bjud in alla", "Arbetsgruppen", "2017", kept["id"]),
    ]
