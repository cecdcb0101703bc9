"""BarometerQueries.record_positions: many moves, one transaction, each checked."""

from __future__ import annotations

from workshop.domain.errors import Conflict, NotFound


def test_a_refused_move_refuses_only_itself(store, workshop, client, admin):
    wid = workshop["id"]
    other = client.post("/api/workshops", json={"title": "Annan"}, headers=admin).get_json()
    open_, closed = store.add_statements(wid, ["Öppen", "Stängd"])
    foreign = store.add_statements(other["id"], ["Någon annans"])[0]
    store.open_for_answers(wid, closed["id"])
    store.open_for_answers(wid, open_["id"])  # closes the other one
    a, b = store.add_participant(wid), store.add_participant(wid)
    answers = store.record_positions(
        [
            (wid, open_["id"], a["id"], 10),
            (wid, closed["id"], a["id"], 20),
            (wid, foreign["id"], a["id"], 30),
            (wid, open_["id"], b["id"], None),
            (wid, open_["id"], a["id"], 70),  # a's later move wins
        ]
    )
    assert answers[0] is None and answers[3] is None and answers[4] is None
    assert isinstance(answers[1], Conflict) and isinstance(answers[2], NotFound)
    assert store.positions_by_participant(open_["id"]) == {a["id"]: 70, b["id"]: None}
    assert store.positions_by_participant(closed["id"]) == {}
    assert store.positions_by_participant(foreign["id"]) == {}
