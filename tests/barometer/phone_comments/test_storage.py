"""Comments from phones in the store (storage_comments.py): off by default,
the writer's place kept, the rate counted in the transaction, moderation and
one comment at a time on the projector."""

import pytest

from tests.barometer.conftest import place
from workshop.barometer.phone_comments import domain as domain_comments
from workshop.barometer.phone_comments import storage as storage_comments
from workshop.domain.errors import Conflict, NotFound


def test_comments_are_off_by_default(store, wid, sid, people):
    place(store, wid, sid, people, 30)
    assert store.barometer_settings(wid) == {"phone_comments": False, "turn_seconds": 0}
    with pytest.raises(Conflict, match="has not opened"):
        store.add_phone_comment(wid, sid, people[0][0], "Hej")
    assert store.update_barometer_settings(wid, phone_comments=True) == {
        "phone_comments": True,
        "turn_seconds": 0,
    }
    c = store.add_phone_comment(wid, sid, people[0][0], "Använd resurser gemensamt")
    assert (c["text"], c["position"], c["region"], c["status"], c["shown"]) == (
        "Använd resurser gemensamt",
        30,
        "disagree",
        "pending",
        False,
    )


def test_a_comment_keeps_the_place_it_was_written_from(store, wid, sid, people):
    store.update_barometer_settings(wid, phone_comments=True)
    place(store, wid, sid, people, 90)
    first = store.add_phone_comment(wid, sid, people[0][0], "Från höger")
    store.record_position(wid, sid, people[0][0], None)
    second = store.add_phone_comment(wid, sid, people[0][0], "Efter pass")
    assert [(c["id"], c["region"], c["position"]) for c in store.phone_comments(wid, sid)] == [
        (first["id"], "agree", 90),
        (second["id"], "pass", "pass"),
    ]


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
    monkeypatch.setattr(
        domain_comments,
        "check_rate",
        lambda n: (seen.append((store.db.conn.in_transaction, n)), original(n))[1],
    )
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
    assert store.shown_phone_comment(wid) == {
        "statement": sid,
        "text": "Det kostar pengar",
        "region": "disagree",
        "protected": False,  # min_group 1 here: every region named
        "hidden": False,  # the statement's dots show
    }
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
