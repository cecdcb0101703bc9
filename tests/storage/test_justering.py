"""Justering's storage: the freeze inside the writing transaction, versions kept."""

from __future__ import annotations

import ast
import pathlib

import pytest

from tests.registry import open_store
from workshop.domain.errors import Conflict

ROOT = pathlib.Path(__file__).resolve().parents[2] / "workshop"
# Store methods whose transaction writes no workshop's content: staff
# sessions, invites and pairing, templates and series, the readiness probe,
# creating and deleting a workshop, the appendix's own versions and approvals,
# and a template's keys on statements (saving a finalised workshop as a template).
UNGUARDED = {
    "writable",
    "create_session",
    "session_by_token",
    "end_session",
    "create_invite",
    "use_invite",
    "revoke_staff",
    "new_pairing",
    "pair",
    "end_pairing",
    "create_workshop",
    "delete_workshop",
    "create_template",
    "create_series",
    "set_series_workshops",
    "finalise_appendix",
    "approve_appendix",
    "request_change",
    "set_statement_origins",
    "record_positions",  # a batch across workshops: checks each move (check_not_finalised)
    "set_participant_language",  # a phone's reading language, not the workshop's content
}


def unguarded_transactions() -> set[str]:
    """Every Store method that opens ``self.transaction()`` without a workshop id."""
    found = set()
    for path in ROOT.rglob("*.py"):
        for fn in ast.walk(ast.parse(path.read_text())):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "transaction"
                    and not node.args
                    and not node.keywords
                ):
                    found.add(fn.name)
    return found


def test_every_workshop_write_passes_its_workshop_to_the_transaction():
    """A new write (minutes, decisions, …) that opens a bare transaction fails here:
    pass the workshop id (``self.transaction(workshop_id)``) so the freeze covers it."""
    assert unguarded_transactions() <= UNGUARDED, unguarded_transactions() - UNGUARDED


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "db.sqlite")
    yield s
    s.close()


def digest(_appendix):
    return "{}", "ab" * 32


def test_the_freeze_refuses_writes_inside_the_transaction_and_changes_nothing(store):
    w = store.create_workshop("Dag", "sv")
    (statement,) = store.add_statements(w["id"], ["Skolan är trygg"])
    store.finalise_appendix(w["id"], digest)
    for write in (
        lambda: store.add_statements(w["id"], ["Nytt"]),
        lambda: store.add_comment(w["id"], statement["id"], "Kommentar"),
        lambda: store.add_topic(w["id"], "Ämne"),
        lambda: store.set_phase(w["id"], "ended"),
        lambda: store.add_participant(w["id"]),
        lambda: store.fc_add_question(w["id"], "Fråga", ["a", "b", "c", "d"]),
    ):
        with pytest.raises(Conflict) as refused:
            write()
        assert refused.value.message == "The appendix is finalised"
    assert [s["text"] for s in store.statements(w["id"])] == ["Skolan är trygg"]
    assert store.workshop(w["id"])["phase"] == "lobby"
    assert store.participant_count(w["id"]) == 0


def test_a_batch_refuses_only_the_frozen_workshops_moves(store):
    frozen, live = store.create_workshop("A", "sv"), store.create_workshop("B", "sv")
    moves = []
    for w in (frozen, live):
        (s,) = store.add_statements(w["id"], ["P"])
        store.open_for_answers(w["id"], s["id"])
        moves.append((w["id"], s["id"], store.add_participant(w["id"])["id"], 50, 1))
    store.finalise_appendix(frozen["id"], digest)
    answers = store.record_positions(moves)
    assert isinstance(answers[0], Conflict) and answers[1] is None


def test_versions_are_kept_with_their_hashes_and_approvals(store):
    w = store.create_workshop("Dag", "sv")
    invite = store.create_invite(w["id"], "adjuster", "Anna")
    assert store.finalise_appendix(w["id"], digest)["version"] == 1
    store.approve_appendix(w["id"], invite["id"], "Anna")
    assert store.justering(w["id"])["state"] == "approved"
    store.request_change(w["id"], "Rätta stavningen")
    assert store.justering(w["id"])["state"] == "draft"
    store.add_statements(w["id"], ["Nu går det"])  # open again
    made = store.finalise_appendix(w["id"], lambda _a: ("{}", "cd" * 32))
    assert made["version"] == 2
    versions = store.appendix_versions(w["id"])
    assert [(v["version"], v["sha256"], v["approved_by"]) for v in versions] == [
        (1, "ab" * 32, ["Anna"]),
        (2, "cd" * 32, []),
    ]
    assert store.canonical_version(w["id"], 1) == "{}"
    assert store.justering(w["id"])["state"] == "finalised"


def test_adjusting_a_draft_is_a_conflict(store):
    w = store.create_workshop("Dag", "sv")
    invite = store.create_invite(w["id"], "adjuster", "Anna")
    with pytest.raises(Conflict):
        store.approve_appendix(w["id"], invite["id"], "Anna")
    with pytest.raises(Conflict):
        store.request_change(w["id"], "x")
