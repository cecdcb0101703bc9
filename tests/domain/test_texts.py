"""The languages a phone may read a workshop in (domain/texts.py)."""

import pytest

from workshop.domain.texts import offered_languages, text_languages


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
