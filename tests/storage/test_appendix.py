"""Store.appendix: the snapshot every export reads, built from data made
through the real HTTP API and participant sockets."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from workshop.domain.appendix import Appendix
from workshop.domain.errors import NotFound

COMMENT = "använda resurser gemensamt, bli starka"


def place(phone_client, statement_id, value):
    ack = phone_client.emit("position", {"statement": statement_id, "value": value}, callback=True)
    assert ack["ok"], ack


@pytest.fixture
def ran(api, phone):
    """Four statements; the facilitator reorders them, shows three (not in
    list order) and never shows the last; three phones answer."""
    ids = [
        api("POST", "/statements", {"text": t})["id"]
        for t in ("Första", "Andra", "Tredje <b>fet</b>", "Aldrig visad")
    ]
    a, b, c, d = ids
    api("PUT", "/statements/order", {"ids": [c, a, b, d]})
    p1, p2, p3 = phone(), phone(), phone()

    api("POST", f"/statements/{a}/open")
    place(p1, a, 20)
    place(p2, a, "pass")
    place(p3, a, 50)
    place(p1, a, 80)  # moves during the discussion
    api("POST", f"/statements/{a}/comments", {"text": COMMENT})
    api("POST", f"/statements/{c}/open")  # closes a
    place(p2, c, 0)
    api("POST", f"/statements/{b}/open")
    place(p3, b, 100)
    api("POST", f"/statements/{b}/close")
    api("POST", f"/statements/{d}/comments", {"text": "om ett utkast"})
    return {"a": a, "b": b, "c": c, "d": d}


def test_only_shown_statements_in_the_facilitators_order(store, workshop, ran):
    appendix = store.appendix(workshop["id"])
    assert isinstance(appendix, Appendix)
    statements = appendix.sections["barometer"].statements
    assert [s.id for s in statements] == [ran["c"], ran["a"], ran["b"]]
    assert [s.number for s in statements] == [1, 2, 3]
    assert [s.text for s in statements] == ["Tredje <b>fet</b>", "Första", "Andra"]
    assert all(s.opened_at and s.closed_at for s in statements)


def test_final_values_passes_history_and_comments(store, workshop, ran):
    by_id = {s.id: s for s in store.appendix(workshop["id"]).sections["barometer"].statements}
    a = by_id[ran["a"]]
    assert a.final == {1: 80, 2: None, 3: 50}  # pseudonyms are participant numbers
    assert a.values == [80, 50] and a.passes == 1
    assert [(h.participant, h.value) for h in a.history] == [(1, 20), (2, None), (3, 50), (1, 80)]
    assert [h.at for h in a.history] == sorted(h.at for h in a.history)
    assert [c.text for c in a.comments] == [COMMENT]
    assert by_id[ran["c"]].final == {2: 0} and len(by_id[ran["c"]].history) == 1
    assert by_id[ran["b"]].final == {3: 100} and by_id[ran["b"]].comments == []


def test_workshop_facts(store, workshop, ran):
    appendix = store.appendix(workshop["id"])
    assert (appendix.title, appendix.code, appendix.language) == (
        "Inspirationsdag Värmland",
        workshop["code"],
        "sv",
    )
    assert appendix.participants == 3
    assert appendix.date == datetime.now(UTC).date().isoformat()
    assert appendix.created_at == workshop["created_at"]


def test_openspace_comes_from_the_openspace_record(store, workshop, api, phone):
    topic = api("POST", "/topics", {"title": "Projektledning", "convener": "Åsa"})
    p = phone()
    ack = p.emit(
        "note",
        {"topic": topic["id"], "text": "Det måste finnas någon ansvarig", "kind": "key_point"},
        callback=True,
    )
    assert ack["ok"], ack
    appendix = store.appendix(workshop["id"])
    assert appendix.sections["barometer"].statements == []
    assert appendix.date == workshop["created_at"][:10]  # nothing opened: the day it was made
    [t] = appendix.sections["openspace"].topics
    assert (t.title, t.convener) == ("Projektledning", "Åsa")
    assert [(n.kind, n.text) for n in t.notes] == [("key_point", "Det måste finnas någon ansvarig")]
    assert appendix.sections["openspace"] == store.openspace_record(workshop["id"])


def test_unknown_workshop(store):
    with pytest.raises(NotFound):
        store.appendix("nope")


def test_empty_workshop(store, workshop):
    appendix = store.appendix(workshop["id"])
    assert appendix.sections["barometer"].statements == [] and appendix.participants == 0
    assert appendix.sections["openspace"].topics == []
