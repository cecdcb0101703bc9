"""The languages a phone may read a workshop in (domain/texts.py)."""

import pytest

from workshop.domain.errors import Invalid
from workshop.domain.texts import offered_languages, parse_reading, read_in, text_languages


@pytest.mark.parametrize(
    "workshop, found, offered",
    [
        ("sv", set(), ["sv"]),
        ("sv", {"en"}, ["sv", "en"]),
        ("sv", {"sv-x-lattlast", "en"}, ["sv", "en", "sv-x-lattlast"]),  # the offered order
        ("en", {"en", "sv-x-lattlast"}, ["en", "sv-x-lattlast"]),  # its own language once
        ("sv", {"fr"}, ["sv"]),  # never a language not offered
    ],
)
def test_offered_languages(workshop, found, offered):
    assert offered_languages(workshop, found) == offered


def test_text_languages_of_a_stored_texts_object():
    assert text_languages(None) == set() and text_languages("") == set()
    assert text_languages('{"en": "x", "sv-x-lattlast": "y"}') == {"en", "sv-x-lattlast"}


@pytest.mark.parametrize(
    "value, workshop, reading",
    [("sv", "sv", "sv"), ("en", "sv", "en"), ("sv-x-lattlast", "sv", "sv-x-lattlast"), ("en", "en", "en")],
)
def test_a_phone_may_read_the_workshops_language_or_one_an_item_may_carry(value, workshop, reading):
    assert parse_reading(value, workshop) == reading


@pytest.mark.parametrize("value", ["de", "", None, 5, ["en"], "EN", "sv"])
def test_any_other_reading_language_is_refused(value):
    with pytest.raises(Invalid):
        parse_reading(value, "en")  # an English workshop: "sv" is no language of it


def test_an_item_reads_in_the_phones_language_else_its_own():
    texts = {"en": "Buses", "sv-x-lattlast": "Bussen"}
    assert read_in("en", "Bussarna", texts) == "Buses"
    assert read_in("sv-x-lattlast", "Bussarna", {"en": "Buses"}) == "Bussarna"  # lacks it: the workshop's
    assert read_in("sv", "Bussarna", texts) == "Bussarna"
    assert read_in(None, "Bussarna", texts) == "Bussarna" and read_in("en", "Bussarna", None) == "Bussarna"
    corners = {"text": "Hur?", "labels": ["A", "B", "C", "D"]}
    english = {"text": "How?", "labels": ["a", "b", "c", "d"]}
    assert read_in("en", corners, {"en": english}) == english
    assert read_in("sv-x-lattlast", corners, {"en": english}) == corners
