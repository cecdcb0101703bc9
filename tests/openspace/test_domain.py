"""Open Space rules, pure: validation, placement, merge, dots, notes, the wall.

Names from the Värmland minutes: the afternoon had rooms, passes and a fika,
and the topics came back as "Återkoppling" (projektledning, struktur, ...).
"""

from __future__ import annotations

import pytest

from workshop.domain.errors import Conflict, Invalid, NotFound
from workshop.domain.parse import parse_clock
from workshop.openspace import domain as rules


# -- topics ----------------------------------------------------------------------
def test_topic_is_cleaned_and_defaults_filled():
    t = rules.validate_topic({"title": "  Projektledning –\n vem är ansvarig? "})
    assert t == {"title": "Projektledning – vem är ansvarig?", "description": "", "convener": None}


def test_topic_keeps_markup_verbatim():
    # Escaping is the views' job; the domain stores what was typed.
    t = rules.validate_topic({"title": "<script>alert(1)</script>", "convener": "Helena"})
    assert t["title"] == "<script>alert(1)</script>" and t["convener"] == "Helena"


@pytest.mark.parametrize(
    "data, field",
    [
        ({}, "title"),
        ({"title": ""}, "title"),
        ({"title": "x" * 121}, "title"),
        ({"title": 12}, "title"),
        ({"title": "ok", "description": "x" * 1001}, "description"),
        ({"title": "ok", "convener": "x" * 81}, "convener"),
    ],
)
def test_topic_refused(data, field):
    with pytest.raises(Invalid) as err:
        rules.validate_topic(data)
    assert err.value.params["field"] == field


def test_topic_limits_are_inclusive():
    t = rules.validate_topic({"title": "x" * 120, "description": "d" * 1000, "convener": "c" * 80})
    assert len(t["title"]) == 120 and len(t["description"]) == 1000 and len(t["convener"]) == 80


def test_blank_convener_means_anonymous_and_partial_keeps_absent_fields_out():
    assert rules.validate_topic({"title": "Ekonomi?", "convener": "  "})["convener"] is None
    assert rules.validate_topic({"convener": "Åsa"}, partial=True) == {"convener": "Åsa"}


# -- spaces and slots --------------------------------------------------------------
def test_space_and_capacity():
    assert rules.validate_space({"name": "Rum A"}) == {"name": "Rum A", "capacity": None}
    assert rules.validate_space({"name": "Aulan", "capacity": 10000})["capacity"] == 10000
    for bad in (0, 10001, True, "5", 2.5):
        with pytest.raises(Invalid):
            rules.validate_space({"name": "Rum", "capacity": bad})
    with pytest.raises(Invalid):
        rules.validate_space({"name": "x" * 81})


def test_slot_defaults_to_session():
    s = rules.validate_slot({"label": "Pass 1", "starts_at": "13:00", "minutes": 45})
    assert s == {"label": "Pass 1", "starts_at": "13:00", "minutes": 45, "kind": "session"}
    assert (
        rules.validate_slot({"label": "Fika", "starts_at": "14:00", "minutes": 30, "kind": "break"})["kind"]
        == "break"
    )


@pytest.mark.parametrize("clock", ["00:00", "09:05", "23:59"])
def test_clock_accepted(clock):
    assert parse_clock(clock, "starts_at") == clock


def test_clock_forgives_surrounding_spaces():
    assert parse_clock(" 12:00 ", "starts_at") == "12:00"


@pytest.mark.parametrize("clock", ["24:00", "9:00", "12:60", "1200", "", None, 1300])
def test_clock_refused(clock):
    with pytest.raises(Invalid):
        parse_clock(clock, "starts_at")


@pytest.mark.parametrize(
    "data",
    [
        {"label": "P", "starts_at": "13:00", "minutes": 4},
        {"label": "P", "starts_at": "13:00", "minutes": 601},
        {"label": "P", "starts_at": "13:00", "minutes": 45, "kind": "lunch"},
        {"label": "P", "starts_at": "13:00"},
        {"starts_at": "13:00", "minutes": 45},
    ],
)
def test_slot_refused(data):
    with pytest.raises(Invalid):
        rules.validate_slot(data)


# -- settings ----------------------------------------------------------------------------
def test_settings():
    assert rules.validate_settings({"dots": 3, "allow_claims": True, "break_until": "14:30"}) == {
        "dots": 3,
        "allow_claims": True,
        "break_until": "14:30",
    }
    assert rules.validate_settings({"break_label": None, "break_until": None}) == {
        "break_label": "Fika",
        "break_until": None,
    }
    assert rules.validate_settings({"theme": " "}) == {"theme": None}
    for bad in (
        {"dots": 11},
        {"dots": -1},
        {"allow_claims": 1},
        {"break_until": "25:00"},
        {"theme": "x" * 301},
    ):
        with pytest.raises(Invalid):
            rules.validate_settings(bad)


# -- placement -------------------------------------------------------------------------------
def test_placement_pairs():
    assert rules.parse_placement(None, None) == (None, None)
    assert rules.parse_placement(1, 2) == (1, 2)
    for space, slot in ((1, None), (None, 2), ("1", 2), (True, 2), (0, 1)):
        with pytest.raises(Invalid):
            rules.parse_placement(space, slot)


def test_no_double_booking_and_no_placing_in_fika():
    rules.check_placement("session", None, 7)
    rules.check_placement("session", 7, 7)  # moving into its own cell is fine
    with pytest.raises(Conflict, match="already taken"):
        rules.check_placement("session", 8, 7)
    with pytest.raises(Conflict, match="break"):
        rules.check_placement("break", None, 7)


def test_claims_need_permission_and_ownership():
    rules.check_claim(True, 5, 5)
    with pytest.raises(Conflict, match="not opened"):
        rules.check_claim(False, 5, 5)
    with pytest.raises(Conflict, match="you proposed"):
        rules.check_claim(True, 6, 5)
    with pytest.raises(Conflict):
        rules.check_claim(True, None, 5)  # the facilitator's own topics are not claimable


# -- live topics and merge ------------------------------------------------------------------
def _t(id, merged_into=None, hidden=False):
    return {"id": id, "merged_into": merged_into, "hidden": hidden}


def test_hidden_topics_exist_only_for_staff():
    assert rules.check_live(_t(1, hidden=True), staff=True)["id"] == 1
    for topic, staff in ((_t(1, hidden=True), False), (_t(1, merged_into=2), True), (None, True)):
        with pytest.raises(NotFound):
            rules.check_live(topic, staff=staff)


def test_merge_refusals():
    rules.check_merge(_t(1), _t(2))
    with pytest.raises(Invalid):
        rules.check_merge(_t(1), _t(1))
    with pytest.raises(Conflict):
        rules.check_merge(_t(1), _t(2, merged_into=3))
    with pytest.raises(Conflict):
        rules.check_merge(_t(1, merged_into=3), _t(2))


# -- dots -----------------------------------------------------------------------------------
def test_dots():
    rules.check_vote(3, 2)
    with pytest.raises(Conflict, match="used all your") as err:
        rules.check_vote(3, 3)
    assert err.value.params == {"dots": 3}
    with pytest.raises(Conflict, match="not open"):
        rules.check_vote(0, 0)
    assert rules.dots_left(3, 1) == 2
    assert rules.dots_left(1, 3) == 0  # limit lowered after voting


# -- notes ------------------------------------------------------------------------------------
def test_note_kinds_and_proposal_fields():
    assert rules.validate_note({"text": "Skapa en avsändare"}) == {
        "kind": "text",
        "text": "Skapa en avsändare",
        "who": None,
        "when": None,
    }
    p = rules.validate_note(
        {"text": "Bjud in alla idéburna", "kind": "proposal", "who": "Arbetsgruppen", "when": "våren 2017"}
    )
    assert (p["who"], p["when"]) == ("Arbetsgruppen", "våren 2017")
    with pytest.raises(Invalid):
        rules.validate_note({"text": "x", "kind": "key_point", "who": "Ann"})
    with pytest.raises(Invalid):
        rules.validate_note({"text": "x", "kind": "rant"})
    assert rules.validate_note({"text": "x", "kind": None})["kind"] == "text"
    for not_a_kind in ([], {}, "", 0, False):  # found by tests/integration/test_fuzz.py
        with pytest.raises(Invalid):
            rules.validate_note({"text": "x", "kind": not_a_kind})
    with pytest.raises(Invalid):
        rules.validate_note({"text": "x", "kind": "proposal", "who": "w" * 121})


def test_note_length_in_characters_and_newlines_kept():
    text = "å" * 19_998 + "\nx"
    assert rules.validate_note_text(text) == text
    with pytest.raises(Invalid):
        rules.validate_note_text("å" * 20_001)
    with pytest.raises(Invalid):
        rules.validate_note_text("   ")


def test_note_edit_rules():
    note = {"participant_id": 4}
    rules.check_note_edit(note, 4, 1)
    with pytest.raises(Conflict, match="your own"):
        rules.check_note_edit(note, 5, 1)
    with pytest.raises(Invalid):
        rules.check_note_edit(note, 4, "1")
    stale = rules.StaleNote({"id": 1, "version": 2})
    assert isinstance(stale, Conflict) and stale.current["version"] == 2


# -- the wall -----------------------------------------------------------------------------------
def test_missing_notes_and_public_wall():
    topics = [
        {"id": 1, "space": 1, "slot": 1, "notes": [], "hidden": False},
        {"id": 2, "space": 1, "slot": 2, "notes": [{"id": 9}], "hidden": False},
        {"id": 3, "space": None, "slot": None, "notes": [], "hidden": False},
        {"id": 4, "space": 2, "slot": 1, "notes": [], "hidden": True},
    ]
    assert rules.missing_notes(topics) == [1, 4]
    wall = {"spaces": [], "slots": [], "topics": topics, "settings": {}, "missing_notes": [1, 4]}
    public = rules.public_wall(wall)
    assert [t["id"] for t in public["topics"]] == [1, 2, 3]
    assert public["missing_notes"] == [1]
    assert len(wall["topics"]) == 4  # the facilitator's copy is untouched
