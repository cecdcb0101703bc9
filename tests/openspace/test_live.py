"""Socket.IO, Open Space: two phones on the afternoon of the Värmland minutes.

Acks come back once committed; the wall arrives coalesced a window later,
so tests look for the wall they expect with ``wait_for``.
"""

from __future__ import annotations

import time

import pytest

from tests.conftest import events, wait_for


def ask(client, event, data):
    return client.emit(event, data, callback=True)


def by_id(wall, topic_id):
    return next(t for t in wall["topics"] if t["id"] == topic_id)


def has(topic_id, **expected):
    """wait_for predicate: the wall shows this topic with these values
    (earlier walls, sent before the topic existed, simply do not match)."""

    def check(wall):
        t = next((t for t in wall["topics"] if t["id"] == topic_id), None)
        return t is not None and all(t[k] == v for k, v in expected.items())

    return check


@pytest.fixture(autouse=True)
def in_openspace(api):
    """Phones get the wall and `me` only in Open Space's phase."""
    api("POST", "/phase", {"phase": "openspace"})


def test_outside_its_phase_phones_get_the_wall_when_it_begins(phone, api):
    api("POST", "/phase", {"phase": "lobby"})
    api("POST", "/topics", {"title": "Struktur"})
    p = phone()  # joins in the lobby: no wall, no `me` to carry
    assert [e["name"] for e in p.get_received() if e["name"] in ("wall", "me")] == []
    api("POST", "/phase", {"phase": "openspace"})
    got: dict = {}
    for _ in range(200):  # both come in the flush after the state push
        got.update({e["name"]: e["args"][0] for e in p.get_received() if e["name"] in ("wall", "me")})
        if len(got) == 2:
            break
        time.sleep(0.01)
    assert [t["title"] for t in got["wall"]["topics"]] == ["Struktur"]
    assert got["me"] == {"here": None, "interest": [], "votes": [], "proposed": [], "dots_left": 0}


@pytest.fixture
def two(phone):
    return phone(), phone()


def test_connect_sends_wall_and_me(phone, projector, api):
    api("POST", "/topics", {"title": "Struktur"})
    p = phone()
    received = p.get_received()
    walls = [e["args"][0] for e in received if e["name"] == "wall"]
    mes = [e["args"][0] for e in received if e["name"] == "me"]
    assert walls and walls[-1]["topics"][0]["title"] == "Struktur"
    assert mes == [{"here": None, "interest": [], "votes": [], "proposed": [], "dots_left": 0}]
    # (its connect's wall, and maybe the refresh after the phase began)
    assert {w["settings"]["break_label"] for w in events(projector, "wall")} == {"Fika"}


def test_propose_and_interest_reach_the_projector(two, projector):
    p1, p2 = two
    ack = ask(
        p1,
        "topic",
        {"title": "Projektledning", "description": "Någon måste vara ansvarig", "convener": "Helena"},
    )
    assert ack["ok"] is True and ack["me"]["proposed"] == [ack["id"]]
    tid = ack["id"]
    wall = wait_for(projector, "wall", lambda w: len(w["topics"]) == 1)
    assert by_id(wall, tid)["convener"] == "Helena"
    assert ask(p2, "interest", {"topic": tid, "on": True})["me"]["interest"] == [tid]
    assert ask(p2, "interest", {"topic": tid, "on": True})["ok"]  # one per person: no double count
    wait_for(projector, "wall", has(tid, interest=1))
    assert ask(p2, "interest", {"topic": tid, "on": False})["me"]["interest"] == []
    wait_for(projector, "wall", has(tid, interest=0))
    assert wait_for(p2, "me", lambda m: m["interest"] == [])["proposed"] == []


@pytest.mark.parametrize(
    "event, data",
    [
        ("topic", {"title": ""}),
        ("topic", {"title": "x" * 121}),
        ("topic", "Projektledning"),
        ("interest", {"topic": 999, "on": True}),
        ("interest", {"topic": "1", "on": True}),
        ("here", {"topic": 999}),
        ("here", {}),
        ("vote", {"topic": 999, "on": True}),
        ("note", {"topic": 999, "text": "x"}),
        ("note_edit", {"id": 999, "text": "x", "version": 1}),
        ("claim", {"topic": 999, "space": 1, "slot": 1}),
    ],
)
def test_refused_input_is_an_error_ack_and_changes_nothing(phone, store, workshop, event, data):
    p = phone()
    ack = ask(p, event, data)
    assert ack["ok"] is False and ack["error"]
    assert store.wall(workshop["id"], include_hidden=True)["topics"] == []


def test_only_phones_send_open_space_events(projector):
    ack = ask(projector, "topic", {"title": "Från projektorn"})
    assert ack["ok"] is False


def test_law_of_two_feet_moves_here_and_keeps_peak(two, projector, api, store, workshop):
    p1, p2 = two
    a = api("POST", "/topics", {"title": "Folkhälsa"})["id"]
    b = api("POST", "/topics", {"title": "Kommunikation"})["id"]
    assert ask(p1, "here", {"topic": a})["me"]["here"] == a
    ask(p2, "here", {"topic": a})
    wait_for(projector, "wall", has(a, here=2, peak=2))
    assert ask(p1, "here", {"topic": b})["me"]["here"] == b
    wall = wait_for(projector, "wall", has(b, here=1))
    assert (by_id(wall, a)["here"], by_id(wall, a)["peak"]) == (1, 2)
    assert by_id(wall, b)["peak"] == 1
    assert ask(p1, "here", {"topic": None})["me"]["here"] is None
    # A phone that sleeps is still in the room: its presence stays counted.
    p2.disconnect()
    wall = wait_for(projector, "wall", has(b, here=0))
    assert (by_id(wall, a)["here"], by_id(wall, b)["peak"]) == (1, 1)
    assert store.wall(workshop["id"], include_hidden=False)["topics"][0]["here"] == 1


def test_notes_up_to_20000_characters(phone, api, store, workshop):
    p = phone()
    tid = api("POST", "/topics", {"title": "Struktur"})["id"]
    long = "Tre nivåer: projektledare, arbetsgrupp, referensgrupp. " * 400
    long = (long + "å" * 20_000)[:20_000]
    ack = ask(p, "note", {"topic": tid, "text": long})
    assert ack["ok"] is True and ack["version"] == 1 and ack["note"]["kind"] == "text"
    refused = ask(p, "note", {"topic": tid, "text": long + "x"})
    assert refused["ok"] is False and "20000" in refused["error"]
    ack2 = ask(
        p,
        "note",
        {
            "topic": tid,
            "text": "Bjud in alla idéburna organisationer",
            "kind": "proposal",
            "who": "Arbetsgruppen",
            "when": "början av 2017",
        },
    )
    assert ask(p, "note", {"topic": tid, "text": "Ekonomi?", "kind": "opinion"})["ok"] is False
    notes = store.wall(workshop["id"], include_hidden=False)["topics"][0]["notes"]
    assert [n["id"] for n in notes] == [ack["id"], ack2["id"]]
    assert notes[0]["text"] == long and len(notes[0]["text"]) == 20_000
    assert (notes[1]["who"], notes[1]["when"]) == ("Arbetsgruppen", "början av 2017")


def test_note_edit_is_versioned_never_last_write_wins(two, api, store, workshop):
    p1, p2 = two
    tid = api("POST", "/topics", {"title": "Kommunikation"})["id"]
    nid = ask(p1, "note", {"topic": tid, "text": "Avsändare, budskap"})["id"]
    ack = ask(p1, "note_edit", {"id": nid, "text": "Avsändare, budskap, mottagare", "version": 1})
    assert ack["ok"] is True and ack["version"] == 2
    stale = ask(p1, "note_edit", {"id": nid, "text": "Ett annat förslag", "version": 1})
    assert stale["ok"] is False and stale["conflict"] is True and stale["error"]
    assert stale["current"]["text"] == "Avsändare, budskap, mottagare"
    assert stale["current"]["version"] == 2
    other = ask(p2, "note_edit", {"id": nid, "text": "Mitt", "version": 2})
    assert other["ok"] is False and "conflict" not in other
    assert ask(p1, "note_edit", {"id": nid, "text": "", "version": 2})["ok"] is False
    (note,) = store.wall(workshop["id"], include_hidden=False)["topics"][0]["notes"]
    assert (note["text"], note["version"]) == ("Avsändare, budskap, mottagare", 2)


def test_claim_only_when_allowed_and_only_own_topic(two, api, grid, projector):
    p1, p2 = two
    mine = ask(p1, "topic", {"title": "Ekonomi?"})["id"]
    theirs = ask(p2, "topic", {"title": "Folkhälsa"})["id"]
    cell = {"space": grid["a"], "slot": grid["p1"]}
    assert ask(p1, "claim", {"topic": mine, **cell})["ok"] is False  # claims not opened yet
    api("PATCH", "/openspace", {"allow_claims": True})
    assert ask(p1, "claim", {"topic": theirs, **cell})["ok"] is False
    ack = ask(p1, "claim", {"topic": mine, **cell})
    assert ack["ok"] is True and (ack["space"], ack["slot"]) == (grid["a"], grid["p1"])
    taken = ask(p2, "claim", {"topic": theirs, **cell})
    assert taken["ok"] is False and taken["error"]
    fika = ask(p2, "claim", {"topic": theirs, "space": grid["b"], "slot": grid["fika"]})
    assert fika["ok"] is False
    assert ask(p2, "claim", {"topic": theirs, "space": None, "slot": None})["ok"] is False
    assert ask(p2, "claim", {"topic": theirs, "space": grid["b"], "slot": grid["p1"]})["ok"] is True
    wall = wait_for(projector, "wall", has(theirs, space=grid["b"]))
    assert (by_id(wall, mine)["space"], by_id(wall, mine)["slot"]) == (grid["a"], grid["p1"])


def test_dots_limit(phone, api, projector):
    p = phone()
    a, b, c = (api("POST", "/topics", {"title": t})["id"] for t in ("Struktur", "Ekonomi", "Kommunikation"))
    assert ask(p, "vote", {"topic": a, "on": True})["ok"] is False  # voting off
    api("PATCH", "/openspace", {"dots": 2})
    assert wait_for(p, "me", lambda m: m["dots_left"] == 2)["votes"] == []
    assert ask(p, "vote", {"topic": a, "on": True})["me"]["dots_left"] == 1
    assert ask(p, "vote", {"topic": a, "on": True})["me"]["dots_left"] == 1  # one dot per topic
    assert ask(p, "vote", {"topic": b, "on": True})["me"]["votes"] == [a, b]
    over = ask(p, "vote", {"topic": c, "on": True})
    assert over["ok"] is False and "2" in over["error"]
    assert ask(p, "vote", {"topic": a, "on": False})["me"]["dots_left"] == 1
    assert ask(p, "vote", {"topic": c, "on": True})["me"]["votes"] == [b, c]
    wall = wait_for(projector, "wall", has(c, votes=1))
    assert [by_id(wall, t)["votes"] for t in (a, b, c)] == [0, 1, 1]


def test_merge_keeps_interest_headcount_and_notes(two, api, projector):
    p1, p2 = two
    a = ask(p1, "topic", {"title": "Psykisk hälsa"})["id"]
    b = ask(p2, "topic", {"title": "Folkhälsa, psykisk hälsa"})["id"]
    for p, t in ((p1, a), (p2, a), (p2, b)):
        ask(p, "interest", {"topic": t, "on": True})
    ask(p1, "here", {"topic": a})
    ask(p2, "here", {"topic": a})
    ask(p2, "here", {"topic": b})  # A's peak was 2
    n1 = ask(p1, "note", {"topic": a, "text": "Vilka föreningar finns?", "kind": "question"})["id"]
    n2 = ask(p2, "note", {"topic": b, "text": "Samverkan kring föreningarna"})["id"]
    survivor = api("POST", f"/topics/{a}/merge", {"into": b})
    assert (survivor["id"], survivor["interest"], survivor["here"], survivor["peak"]) == (b, 2, 2, 2)
    assert sorted(n["id"] for n in survivor["notes"]) == [n1, n2]
    wall = wait_for(projector, "wall", lambda w: [t["id"] for t in w["topics"]] == [b])
    assert by_id(wall, b)["here"] == 2
    me = wait_for(p1, "me", lambda m: m["here"] == b)
    assert me["interest"] == [b] and me["proposed"] == []
    assert ask(p1, "note", {"topic": a, "text": "sent"})["ok"] is False


def test_hidden_topics_reach_only_the_facilitator(app, socketio, workshop, phone, api, projector):
    fac = socketio.test_client(app, auth={"workshop": workshop["id"], "key": workshop["facilitator_key"]})
    p = phone()
    secret = api("POST", "/topics", {"title": "<b>Hemligt</b>"})["id"]
    api("PATCH", f"/topics/{secret}", {"hidden": True})
    shown = api("POST", "/topics", {"title": "Öppet"})["id"]
    full = wait_for(fac, "wall", lambda w: len(w["topics"]) == 2)
    assert by_id(full, secret)["hidden"] is True and by_id(full, secret)["title"] == "<b>Hemligt</b>"
    for client in (projector, p):
        wall = wait_for(client, "wall", lambda w: [t["id"] for t in w["topics"]] == [shown])
        assert all(not t["hidden"] for t in wall["topics"])
    for event, data in (
        ("interest", {"topic": secret, "on": True}),
        ("here", {"topic": secret}),
        ("note", {"topic": secret, "text": "x"}),
    ):
        assert ask(p, event, data)["ok"] is False
    fac.disconnect()
