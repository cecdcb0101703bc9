"""Fyra hörn's store: rules checked inside the writing transaction, the
database's own guarantees, and cascades when a workshop goes."""

import sqlite3

import pytest

from workshop.domain.errors import Conflict, NotFound
from workshop.fourcorners import domain as rules

LABELS = ["Norr", "Öster", "Söder", "Väster"]
TABLES = ("fc_questions", "fc_choices", "fc_changes", "fc_comments")


@pytest.fixture
def wid(workshop):
    return workshop["id"]


@pytest.fixture
def people(store, wid):
    return [store.add_participant(wid)["id"] for _ in range(3)]


def counts(store) -> dict:
    return {t: store._scalar(f"SELECT count(*) FROM {t}") for t in TABLES}


def test_add_and_read_back(store, wid):
    q = store.fc_add_question(wid, "Var står du?", LABELS)
    assert (q["text"], q["labels"], q["status"], q["opened_at"]) == ("Var står du?", LABELS, "draft", None)
    assert store.fc_questions(wid) == [{**q, "answers": 0}]
    with pytest.raises(NotFound):
        store.fc_question("another-workshop", q["id"])


@pytest.mark.parametrize(
    "rule, opened, write",
    [
        ("check_open_for_choices", True, lambda s, w, q, p: s.fc_record_choice(w, q, p, 1)),
        ("check_editable", False, lambda s, w, q, p: s.fc_update_question(w, q, text="Ny")),
        ("check_deletable", False, lambda s, w, q, p: s.fc_delete_question(w, q)),
    ],
)
def test_rules_are_checked_inside_the_writing_transaction(
    store, wid, people, monkeypatch, rule, opened, write
):
    """Each rule runs after BEGIN IMMEDIATE: the rule and the write see the
    same state, so nothing (a close, say) can slip in between."""
    q = store.fc_add_question(wid, "Fråga", LABELS)
    if opened:
        store.fc_open(wid, q["id"])
    seen = []
    original = getattr(rules, rule)
    monkeypatch.setattr(
        rules, rule, lambda status: (seen.append(store.db.conn.in_transaction), original(status))
    )
    write(store, wid, q["id"], people[0])
    assert seen == [True]


def test_a_refused_write_changes_nothing(store, wid, people):
    q = store.fc_add_question(wid, "Fråga", LABELS)
    with pytest.raises(Conflict):  # a draft takes no choices
        store.fc_record_choice(wid, q["id"], people[0], 0)
    store.fc_open(wid, q["id"])
    store.fc_record_choice(wid, q["id"], people[0], 2)
    with pytest.raises(Conflict):
        store.fc_update_question(wid, q["id"], labels=["a", "b", "c", "d"])
    with pytest.raises(Conflict):
        store.fc_delete_question(wid, q["id"])
    store.fc_close(wid, q["id"])
    with pytest.raises(Conflict):  # a closed one neither
        store.fc_record_choice(wid, q["id"], people[0], 3)
    assert store.fc_choices_by_participant(q["id"]) == {people[0]: 2}
    assert counts(store) == {"fc_questions": 1, "fc_choices": 1, "fc_changes": 1, "fc_comments": 0}
    assert store.fc_question(wid, q["id"])["labels"] == LABELS


def test_opening_closes_the_other_and_sets_the_phase(store, wid):
    a = store.fc_add_question(wid, "A", LABELS)
    b = store.fc_add_question(wid, "B", LABELS)
    assert store.fc_open(wid, a["id"])["status"] == "open"
    assert store.workshop(wid)["phase"] == "fourcorners"
    store.set_phase(wid, "barometer")
    store.fc_open(wid, b["id"])
    assert {q["id"]: q["status"] for q in store.fc_questions(wid)} == {a["id"]: "closed", b["id"]: "open"}
    assert store.fc_open_question(wid)["id"] == b["id"]
    assert store.workshop(wid)["phase"] == "fourcorners"


def test_the_database_allows_one_open_question_per_workshop(store, wid, admin, client):
    a = store.fc_add_question(wid, "A", LABELS)
    b = store.fc_add_question(wid, "B", LABELS)
    store.fc_open(wid, a["id"])
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as db:
        db.execute("UPDATE fc_questions SET status = 'open' WHERE id = ?", [b["id"]])
    other = client.post("/api/workshops", json={"title": "Annan"}, headers=admin).get_json()
    c = store.fc_add_question(other["id"], "C", LABELS)
    store.fc_open(other["id"], c["id"])  # another workshop may have its own
    assert store.fc_open_question(wid)["id"] == a["id"]


def test_the_database_refuses_a_corner_out_of_range(store, wid, people):
    q = store.fc_add_question(wid, "A", LABELS)
    store.fc_open(wid, q["id"])
    with pytest.raises(sqlite3.IntegrityError):
        store.fc_record_choice(wid, q["id"], people[0], 4)
    assert counts(store)["fc_changes"] == 0


def test_choices_history_and_tally(store, wid, people):
    q = store.fc_add_question(wid, "A", LABELS)
    store.fc_open(wid, q["id"])
    p1, p2, p3 = people
    for person, corner in ((p1, 0), (p2, 3), (p1, 1), (p3, None), (p2, 3)):
        store.fc_record_choice(wid, q["id"], person, corner)
    tally = store.fc_tally(q["id"]).as_dict()
    assert tally == {
        "question": q["id"],
        "counts": [0, 1, 0, 1],
        "passes": 1,
        "count": 2,
        "dots": [[1, 1], [2, 3]],
    }
    assert [(c["participant"], c["corner"]) for c in store.fc_changes(q["id"])] == [
        (1, 0),
        (2, 3),
        (1, 1),
        (3, None),
        (2, 3),
    ]
    assert store.fc_questions(wid)[0]["answers"] == 3


def test_comments(store, wid):
    q = store.fc_add_question(wid, "A", LABELS)
    c = store.fc_add_comment(wid, q["id"], "Kommentar: många i hörn A")
    assert [x["text"] for x in store.fc_comments(wid, q["id"])] == ["Kommentar: många i hörn A"]
    with pytest.raises(NotFound):
        store.fc_delete_comment(wid, q["id"], c["id"] + 1)
    store.fc_delete_comment(wid, q["id"], c["id"])
    assert store.fc_comments(wid, q["id"]) == []


def test_deleting_a_workshop_cascades(store, wid, people, admin, client):
    other = client.post("/api/workshops", json={"title": "Annan"}, headers=admin).get_json()
    for workshop_id, person in ((wid, people[0]), (other["id"], store.add_participant(other["id"])["id"])):
        q = store.fc_add_question(workshop_id, "A", LABELS)
        store.fc_open(workshop_id, q["id"])
        store.fc_record_choice(workshop_id, q["id"], person, 2)
        store.fc_add_comment(workshop_id, q["id"], "Kommentar")
    assert counts(store) == {t: 2 for t in TABLES}
    store.delete_workshop(wid)
    assert counts(store) == {t: 1 for t in TABLES}  # only the other workshop's rows are left
    assert store.fc_open_question(other["id"])["workshop_id"] == other["id"]


def test_deleting_a_participant_cascades_to_their_choices(store, wid, people):
    q = store.fc_add_question(wid, "A", LABELS)
    store.fc_open(wid, q["id"])
    store.fc_record_choice(wid, q["id"], people[0], 0)
    store.fc_record_choice(wid, q["id"], people[1], 1)
    with store.transaction() as db:
        db.execute("DELETE FROM participants WHERE id = ?", [people[0]])
    assert store.fc_choices_by_participant(q["id"]) == {people[1]: 1}
    assert counts(store)["fc_changes"] == 1
