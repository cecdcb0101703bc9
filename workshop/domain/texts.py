"""A statement or a question in other languages besides the workshop's own:
the languages offered, and the frame of the ``texts`` object both methods
take (each checks its own items)."""

from __future__ import annotations

import json

from workshop.domain.errors import Invalid

# English and easy-read Swedish (lättläst) beside the workshop's language;
# there is still one distribution and one result.
TEXT_LANGUAGES = ("en", "sv-x-lattlast")


def language_items(value) -> dict:
    """{language: item} of a ``texts`` object, known languages only, in the
    offered order; a null item is left out. Refused: not an object, or a
    language not offered."""
    if not isinstance(value, dict):
        raise Invalid("texts must be an object: {language: text}.")
    unknown = sorted(set(value) - set(TEXT_LANGUAGES))
    if unknown:
        raise Invalid(
            "texts: unknown language %(lang)s (use %(langs)s).",
            lang=unknown[0][:20],
            langs=", ".join(TEXT_LANGUAGES),
        )
    return {lang: value[lang] for lang in TEXT_LANGUAGES if value.get(lang) is not None}


# Each language as a phone offers it, in its own words (the phone's language switch).
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English", "sv-x-lattlast": "Lättläst svenska"}


def offered_languages(workshop_language: str, found) -> list[str]:
    """The languages a phone may read a workshop in: the workshop's own
    first, then each other language some statement or question carries
    (``found``), in the offered order. One entry: nothing to choose."""
    return [workshop_language] + [
        lang for lang in TEXT_LANGUAGES if lang in set(found) and lang != workshop_language
    ]


def reading_languages(workshop_language: str) -> list[str]:
    """The languages a phone may read a workshop in: its own and each other
    language an item may carry (an item added later may have it)."""
    return [workshop_language] + [lang for lang in TEXT_LANGUAGES if lang != workshop_language]


def parse_reading(value, workshop_language: str) -> str:
    """A phone's reading language (its "Språk" choice); refused: anything
    the workshop cannot offer."""
    offered = reading_languages(workshop_language)
    if value not in offered:
        raise Invalid("language must be one of %(langs)s.", langs=", ".join(offered))
    return value


def read_in(reading: str | None, own, texts: dict | None):
    """An item's words in the phone's language: ``texts[reading]`` when the
    item has it, else its own (the workshop's language). ``own`` is the
    item's text, or for a Fyra hörn question its {"text", "labels"}."""
    return (texts or {}).get(reading) or own


def text_languages(texts_json) -> set[str]:
    """The languages of a stored ``texts`` JSON object (None: none)."""
    return set(json.loads(texts_json)) if texts_json else set()


def parse_projector_languages(value, workshop_language: str) -> list[str]:
    """What the projector shows items in: the workshop's language alone
    (null or []), or it and one other (``[workshop language, other]``), the
    second shown smaller under the first."""
    if value is None or value == []:
        return [workshop_language]
    others = [lang for lang in TEXT_LANGUAGES if lang != workshop_language]
    fine = (
        isinstance(value, list)
        and 1 <= len(value) <= 2
        and value[0] == workshop_language
        and (len(value) == 1 or value[1] in others)
    )
    if not fine:
        raise Invalid(
            'projector_languages must be ["%(lang)s"] or ["%(lang)s", one of %(others)s].',
            lang=workshop_language,
            others=", ".join(others),
        )
    return list(value)
