"""A phone's reading language is kept with the participant (core m012):
a reconnect or a restart keeps it."""

from __future__ import annotations

from tests.registry import open_store


def test_the_reading_language_survives_a_new_store_on_the_same_file(tmp_path):
    path = tmp_path / "w.db"
    store = open_store(path)
    workshop = store.create_workshop("Dialog", "sv")
    phone, other = store.add_participant(workshop["id"]), store.add_participant(workshop["id"])
    assert phone["language"] is None and store.participant_language(phone["id"]) is None
    store.set_participant_language(phone["id"], "en")
    store.close()

    again = open_store(path)
    assert again.participant_language(phone["id"]) == "en"
    assert again.participant_language(other["id"]) is None  # the other phone's untouched
    _, returning = again.returning_participant(workshop["code"], phone["token"])
    assert returning["language"] == "en"
    again.close()
