"""Languages: Swedish first, English available.

Pages get their language from Flask-Babel (see ``select_locale``). Work done
outside a request, such as exports rendered in a worker thread, asks for a
``translator(lang)`` instead: a plain gettext function for that language,
read from the same compiled catalogs.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.support import NullTranslations, Translations

from workshop.domain.workshops import LANGUAGES

DEFAULT_LANGUAGE = "sv"
TRANSLATIONS_DIR = Path(__file__).parent / "translations"


def normalise_language(value: str | None) -> str | None:
    """'sv-SE' -> 'sv'; anything we do not speak -> None."""
    if not value or not isinstance(value, str):
        return None
    lang = value.strip().lower().replace("_", "-").split("-")[0]
    return lang if lang in LANGUAGES else None


@functools.cache
def _catalog(lang: str) -> NullTranslations:
    # Message ids are English, so English needs no catalog.
    if lang == "en":
        return NullTranslations()
    return Translations.load(str(TRANSLATIONS_DIR), [lang])


def translator(lang: str):
    """gettext for ``lang``, usable in any thread, with no app context."""
    return _catalog(normalise_language(lang) or DEFAULT_LANGUAGE).gettext


def in_words(items: list[str], tr) -> str:
    """'A', 'A och B', 'A, B och C' in the language of ``tr`` (English: 'A, B
    and C'), for the exports' sentences and titles."""
    if len(items) < 2:
        return "".join(items)
    return tr("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])
