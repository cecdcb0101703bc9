"""Swedish first: every message the app can show has a Swedish translation."""
from babel.messages.pofile import read_po

from workshop.i18n import TRANSLATIONS_DIR, translator


def test_every_message_is_translated_to_swedish():
    with open(TRANSLATIONS_DIR / "sv/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f)
    untranslated = [m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
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
