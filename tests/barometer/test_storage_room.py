"""The store's floor, phone comments and replay: rules checked inside the
writing transaction, the database's own guarantees, what closing ends, and
what the appendix record gets."""
import sqlite3

import pytest

from workshop.barometer import domain_comments, domain_floor, domain_replay, storage_comments
from workshop.domain.errors import Conflict, Invalid, NotFound


@pytest.fixture
def wid(workshop):
    return workshop["id"]


@pytest.fixture
def people(store, wid):
    """Four phones: (participant id, pseudonym number)."""
    return [(p["id"], p["number"]) for p in (store.add_participant(wid) for _ in range(4))]


@pytest.fixture
def sid(store, wid):
    (s,) = store.add_statements(wid, ["Vi i Värmland bör fortsätta arbetet"])
    store.open_for_answers(wid, s["id"])
    return s["id"]


def place(store, wid, sid, people, *values):
    for (pid, _), value in zip(people, values):
        store.record_position(wid, sid, pid, value)


# -- the floor --------------------------------------------------------------------
def test_a_hand_needs_a_place_on_the_line(store, wid, sid, people):
    with pytest.raises(Conflict, match="Place yourself"):
        store.raise_hand(wid, people[0][0], True)
    store.record_position(wid, sid, people[0][0], None)  # a pass is a place too
    assert store.raise_hand(wid, people[0][0], True) == sid
    assert [h.participant for h in store.floor(wid).hands] == [people[0][1]]


def test_queue_order_withdraw_and_ask_again(store, wid, sid, people):
    place(store, wid, sid, people, 10, 50, 90)
    for pid, _ in people[:3]:
        store.raise_hand(wid, pid, True)
    store.raise_hand(wid, people[0][0], True)  # again: keeps its place
    assert [h.participant for h in store.floor(wid).hands] == [people[0][1], people[1][1], people[2][1]]
    store.raise_hand(wid, people[0][0], False)
    store.raise_hand(wid, people[0][0], False)  # lowering twice is harmless
    store.raise_hand(wid, people[0][0], True)  # back of the queue
    assert [h.participant for h in store.floor(wid).hands] == [people[1][1], people[2][1], people[0][1]]


def test_give_the_floor_fairly_then_thanks(store, wid, sid, people):
    place(store, wid, sid, people, 10, 20, 90)
    for pid, _ in people[:3]:
        store.raise_hand(wid, pid, True)
    floor = store.give_floor(wid, sid, None)  # first asked
    assert (floor.speaker.participant, floor.speaker.region) == (people[0][1], "disagree")
    assert [h.participant for h in floor.hands] == [people[1][1], people[2][1]]
    floor = store.give_floor(wid, sid, None)  # disagree heard: agree goes first now
    assert floor.speaker.participant == people[2][1]
    assert [(t.participant, t.speaking) for t in floor.turns] == [(people[0][1], False), (people[2][1], True)]
    with pytest.raises(Conflict, match="has not asked"):
        store.give_floor(wid, sid, people[3][1])
    floor = store.end_turn(wid, sid)
    assert floor.speaker is None and len(floor.turns) == 2
    assert store.give_floor(wid, sid, people[1][1]).speaker.participant == people[1][1]  # anyone who asked


def test_a_speaker_cannot_queue_and_a_moving_speaker_keeps_the_region_spoken_from(store, wid, sid, people):
    place(store, wid, sid, people, 10)
    store.raise_hand(wid, people[0][0], True)
    store.give_floor(wid, sid, None)
    with pytest.raises(Conflict, match="You have the floor"):
        store.raise_hand(wid, people[0][0], True)
    store.record_position(wid, sid, people[0][0], 95)
    assert store.floor(wid).speaker.region == "disagree"
    assert store.floor(wid).staff()["heard"]["disagree"] == 1


def test_the_queue_shows_where_people_stand_now(store, wid, sid, people):
    place(store, wid, sid, people, 10)
    store.raise_hand(wid, people[0][0], True)
    store.record_position(wid, sid, people[0][0], 80)
    assert store.floor(wid).staff()["queue"][0]["region"] == "agree"


def test_one_speaker_per_statement_in_the_database(store, wid, sid, people):
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as db:
            for pid, _ in people[:2]:
                db.execute("INSERT INTO floor_turns (statement_id, participant_id, value, started_at)"
                           " VALUES (?, ?, 50, 'now')", [sid, pid])


@pytest.mark.parametrize("rule, write", [
    ("check_hand", lambda s, w, sid, p: s.raise_hand(w, p, True)),
    ("choose", lambda s, w, sid, p: s.give_floor(w, sid, None)),
])
def test_floor_rules_run_inside_the_writing_transaction(store, wid, sid, people, monkeypatch, rule, write):
    place(store, wid, sid, people, 40)
    if rule == "choose":
        store.raise_hand(wid, people[0][0], True)
    seen = []
    original = getattr(domain_floor, rule)
    monkeypatch.setattr(domain_floor, rule,
                        lambda *a: (seen.append(store.db.conn.in_transaction), original(*a))[1])
    write(store, wid, sid, people[0][0])
    assert seen == [True]


def test_closing_ends_the_floor_and_reopening_keeps_who_was_heard(store, wid, sid, people):
    place(store, wid, sid, people, 10, 90)
    store.raise_hand(wid, people[0][0], True)
    store.give_floor(wid, sid, None)
    store.raise_hand(wid, people[1][0], True)
    store.close_for_answers(wid, sid)
    with pytest.raises(Conflict):
        store.raise_hand(wid, people[1][0], True)
    with pytest.raises(Conflict):
        store.give_floor(wid, sid, None)
    floor = store.floor_of(sid)
    assert floor.hands == [] and floor.speaker is None and len(floor.turns) == 1
    store.open_for_answers(wid, sid)
    assert store.floor(wid).staff()["heard"]["disagree"] == 1


def test_the_floor_of_another_workshop_is_not_reachable(store, wid, sid):
    other = store.create_workshop("Annan", "sv")
    with pytest.raises(NotFound):
        store.give_floor(other["id"], sid, None)
    with pytest.raises(NotFound):
        store.end_turn(other["id"], sid)


# -- comments from phones ------------------------------------------------------------
def test_comments_are_off_by_default(store, wid, sid, people):
    place(store, wid, sid, people, 30)
    assert store.barometer_settings(wid) == {"phone_comments": False}
    with pytest.raises(Conflict, match="has not opened"):
        store.add_phone_comment(wid, sid, people[0][0], "Hej")
    assert store.update_barometer_settings(wid, phone_comments=True) == {"phone_comments": True}
    c = store.add_phone_comment(wid, sid, people[0][0], "Använd resurser gemensamt")
    assert (c["text"], c["position"], c["region"], c["status"], c["shown"]) == (
        "Använd resurser gemensamt", 30, "disagree", "pending", False)


def test_a_comment_keeps_the_place_it_was_written_from(store, wid, sid, people):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 90)
    first = store.add_phone_comment(wid, sid, people[0][0], "Från höger")
    store.record_position(wid, sid, people[0][0], None)
    second = store.add_phone_comment(wid, sid, people[0][0], "Efter pass")
    assert [(c["id"], c["region"], c["position"]) for c in store.phone_comments(wid, sid)] == [
        (first["id"], "agree", 90), (second["id"], "pass", "pass")]


def test_rate_limit_counts_recent_rows(store, wid, sid, people, monkeypatch):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 50, 50)
    now = ["2026-11-23T10:00:00.000+00:00"]
    monkeypatch.setattr(storage_comments, "utcnow", lambda: now[0])
    for i in range(domain_comments.RATE_COUNT):
        store.add_phone_comment(wid, sid, people[0][0], f"Nummer {i}")
    with pytest.raises(Conflict, match="comments a minute"):
        store.add_phone_comment(wid, sid, people[0][0], "En för mycket")
    store.add_phone_comment(wid, sid, people[1][0], "Någon annan får skriva")
    now[0] = "2026-11-23T10:01:00.001+00:00"  # a minute later
    store.add_phone_comment(wid, sid, people[0][0], "Nu går det igen")
    assert len(store.phone_comments(wid, sid)) == domain_comments.RATE_COUNT + 2


def test_the_rate_rule_runs_inside_the_writing_transaction(store, wid, sid, people, monkeypatch):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 50)
    seen = []
    original = domain_comments.check_rate
    monkeypatch.setattr(domain_comments, "check_rate",
                        lambda n: (seen.append((store.db.conn.in_transaction, n)), original(n))[1])
    store.add_phone_comment(wid, sid, people[0][0], "Ett")
    store.add_phone_comment(wid, sid, people[0][0], "Två")
    assert seen == [(True, 0), (True, 1)]


def test_moderate_and_show_one_at_a_time(store, wid, sid, people):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 10, 90)
    a = store.add_phone_comment(wid, sid, people[0][0], "Det kostar")
    b = store.add_phone_comment(wid, sid, people[1][0], "Bli starka")
    with pytest.raises(Conflict, match="Only approved"):
        store.show_phone_comment(wid, sid, a["id"])
    edited = store.moderate_phone_comment(wid, sid, a["id"], status="approved", text="Det kostar pengar")
    assert (edited["status"], edited["text"], edited["edited"]) == ("approved", "Det kostar pengar", True)
    store.moderate_phone_comment(wid, sid, b["id"], status="approved")
    store.show_phone_comment(wid, sid, a["id"])
    assert store.shown_phone_comment(wid) == {"statement": sid, "text": "Det kostar pengar", "region": "disagree"}
    store.show_phone_comment(wid, sid, b["id"])  # the other one leaves
    assert [c["shown"] for c in store.phone_comments(wid, sid)] == [False, True]
    store.moderate_phone_comment(wid, sid, b["id"], status="rejected")  # rejecting takes it off
    assert store.shown_phone_comment(wid) is None
    with pytest.raises(Conflict, match="rejected"):
        store.moderate_phone_comment(wid, sid, b["id"], text="Ändrad")
    store.show_phone_comment(wid, sid, a["id"])
    store.close_for_answers(wid, sid)  # closing takes it off too
    assert store.shown_phone_comment(wid) is None
    with pytest.raises(Conflict, match="while their statement is open"):
        store.show_phone_comment(wid, sid, a["id"])
    with pytest.raises(NotFound):
        store.moderate_phone_comment(wid, sid, 9999, status="approved")


def test_no_comment_after_close(store, wid, sid, people):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 10)
    store.close_for_answers(wid, sid)
    with pytest.raises(Conflict, match="closed"):
        store.add_phone_comment(wid, sid, people[0][0], "Sent")


# -- the replay ------------------------------------------------------------------------
def test_replay_only_a_closed_statement_with_history(store, wid, sid, people):
    with pytest.raises(Conflict, match="Close the statement"):
        store.start_replay(wid, sid, 10)
    store.close_for_answers(wid, sid)
    with pytest.raises(Conflict, match="Nothing to replay"):
        store.start_replay(wid, sid, 10)
    store.open_for_answers(wid, sid)
    place(store, wid, sid, people, 10, 50, 90)
    (other,) = store.add_statements(wid, ["Ett annat"])
    store.open_for_answers(wid, other["id"])  # closes sid
    with pytest.raises(Conflict, match="Close the open statement"):
        store.start_replay(wid, sid, 10)
    store.close_for_answers(wid, other["id"])
    s = store.start_replay(wid, sid, 20)
    assert (s.statement, s.speed, s.at_ms, s.playing) == (sid, 20, 0, s.duration_ms > 0)
    assert store.replay(wid).statement == sid


def test_scrub_stop_and_opening_ends_the_replay(store, wid, sid, people):
    place(store, wid, sid, people, 10, 50)
    store.close_for_answers(wid, sid)
    duration = store.start_replay(wid, sid, 10).duration_ms
    paused = store.scrub_replay(wid, sid, playing=False, at=0)
    assert (paused.at_ms, paused.playing) == (0, False)
    assert store.scrub_replay(wid, sid, at=duration).at_ms == duration
    with pytest.raises(Invalid):
        store.scrub_replay(wid, sid, at=duration + 1)
    (other,) = store.add_statements(wid, ["Ett annat"])
    with pytest.raises(Conflict, match="not being replayed"):
        store.scrub_replay(wid, other["id"], playing=True)
    store.stop_replay(wid, sid)
    assert store.replay(wid) is None
    store.start_replay(wid, sid, 10)
    store.open_for_answers(wid, other["id"])
    assert store.replay(wid) is None


def test_the_replay_rule_runs_inside_the_writing_transaction(store, wid, sid, people, monkeypatch):
    place(store, wid, sid, people, 10)
    store.close_for_answers(wid, sid)
    seen = []
    original = domain_replay.check_replayable
    monkeypatch.setattr(domain_replay, "check_replayable",
                        lambda *a: (seen.append(store.db.conn.in_transaction), original(*a))[1])
    store.start_replay(wid, sid, 10)
    assert seen == [True]


# -- the appendix record -------------------------------------------------------------
def test_record_holds_turns_and_approved_comments_only(store, wid, sid, people):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 10, 50, 90, None)
    for pid, _ in people:
        store.raise_hand(wid, pid, True)
    for _ in people:
        store.give_floor(wid, sid, None)
    ok = store.add_phone_comment(wid, sid, people[2][0], "<b>Bli</b> starka")
    no = store.add_phone_comment(wid, sid, people[0][0], "Bort")
    store.add_phone_comment(wid, sid, people[1][0], "Väntar")
    store.moderate_phone_comment(wid, sid, ok["id"], status="approved")
    store.moderate_phone_comment(wid, sid, no["id"], status="rejected")
    store.close_for_answers(wid, sid)
    (record,) = store.barometer_record(wid).statements
    assert [(t.participant, t.region) for t in record.turns] == [
        (people[0][1], "disagree"), (people[1][1], "middle"), (people[2][1], "agree"), (people[3][1], "pass")]
    assert [(c.text, c.region) for c in record.phone_comments] == [("<b>Bli</b> starka", "agree")]


def test_everything_goes_with_the_workshop(store, wid, sid, people):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 10)
    store.raise_hand(wid, people[0][0], True)
    store.give_floor(wid, sid, None)
    store.add_phone_comment(wid, sid, people[0][0], "Hej")
    store.close_for_answers(wid, sid)
    store.start_replay(wid, sid, 10)
    store.delete_workshop(wid)
    tables = ("barometer_settings", "floor_hands", "floor_turns", "phone_comments", "barometer_replays")
    assert {t: store._scalar(f"SELECT count(*) FROM {t}") for t in tables} == dict.fromkeys(tables, 0)
