"""Swedish first: every message the app can show has a Swedish translation."""

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from workshop.i18n import TRANSLATIONS_DIR, translator

ROOT = Path(__file__).resolve().parent.parent
# The same keywords and method map as `make extract-messages` (Makefile, babel.cfg).
KEYWORDS = {**DEFAULT_KEYWORDS, **{k: None for k in ("_l", "t", "N_", "Invalid", "NotFound", "Conflict")}}
METHOD_MAP = [("workshop/**.py", "python"), ("app.py", "python"), ("templates/**.html", "jinja2")]


def test_every_message_is_translated_to_swedish():
    with open(TRANSLATIONS_DIR / "sv/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f)
    untranslated = [
        m.id
        for m in catalog
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == [] and fuzzy == []


def test_translator_works_outside_requests():
    assert translator("sv")("Saved") == "Sparat"
    assert translator("en")("Saved") == "Saved"
    assert translator("xx")("Saved") == "Sparat"  # unknown -> Swedish


def test_method_words_are_used():
    sv = translator("sv")
    assert sv("Agree") == "Håller med"
    assert sv("Middle") == "Mitten"
    assert sv("Pass / Don’t know") == "Pass / Vet inte"


def test_every_message_in_the_code_is_in_the_catalog():
    """A string added to the code but never extracted would show in English
    to Swedish users: run `make extract-messages` and translate."""
    with open(TRANSLATIONS_DIR / "sv/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f)
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and m.string}
    found = {
        msg if isinstance(msg, str) else msg[0]
        for _file, _line, msg, _comments, _context in extract_from_dir(
            str(ROOT), METHOD_MAP, keywords=KEYWORDS, callback=None, strip_comment_tags=True
        )
        if msg
    }
    missing = sorted(m for m in found if m and m not in translated)
    assert missing == [], "run `make extract-messages` and translate these"
