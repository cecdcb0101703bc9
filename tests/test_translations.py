"""Swedish first: every message the app can show has a Swedish translation."""

import ast
import io
import re
from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir, extract_python
from babel.messages.pofile import read_po

from workshop.i18n import TRANSLATIONS_DIR, translator

ROOT = Path(__file__).resolve().parent.parent
# The keywords are read from `make extract-messages` (one list, in the Makefile);
# the method map is babel.cfg's.
EXTRA_KEYWORDS = re.findall(r"-k (\w+)", (ROOT / "Makefile").read_text())
KEYWORDS = {**DEFAULT_KEYWORDS, **{k: None for k in EXTRA_KEYWORDS}}
# A translator is called `tr` (never `t`, which is what a loop over topics is
# called): Babel's extractor also takes `kw[...]` and `kw.x` for messages.
TRANSLATOR = "tr"
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


def test_the_translator_keyword_is_tr_and_no_longer_t():
    assert TRANSLATOR in EXTRA_KEYWORDS and "t" not in EXTRA_KEYWORDS


def _extracted(code: str) -> list[str]:
    return [
        msg
        for _line, _kw, msg, _comments in extract_python(io.BytesIO(code.encode()), KEYWORDS, [], {})
        if msg
    ]


def test_ordinary_names_are_never_messages():
    """Babel 2.19 took `t["id"]` in openspace/domain.py for a message: with the
    keywords `make extract-messages` uses, a plain `t` is not one at all."""
    code = (
        't = {"id": 1}\nx = t["id"]\ny = t.space\nz = [t["slot"] for t in topics]\nw = t("not a message")\n'
    )
    assert _extracted(code) == []


def test_the_translator_keyword_is_extracted():
    assert _extracted('tr = translator("sv")\nlabel = tr("Agree")\n') == ["Agree"]


def _python_sources():
    yield ROOT / "app.py"
    yield from (ROOT / "workshop").rglob("*.py")


def test_tr_is_only_ever_a_translator_that_is_called():
    """`tr[...]` or `tr.x` would be extracted as messages, so the name is kept
    for translators: bound as a parameter, from translator() or a lambda's
    argument, and otherwise only called or passed on."""
    misuse = [
        f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        for path in _python_sources()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if _misuses_translator_name(node)
    ]
    assert misuse == []


def _misuses_translator_name(node: ast.AST) -> bool:
    def named(n):
        return getattr(n, "id", None) == TRANSLATOR

    if isinstance(node, ast.Subscript | ast.Attribute):
        return named(node.value)
    if isinstance(node, ast.Assign) and any(named(target) for target in node.targets):
        return not (isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "translator")
    if isinstance(node, ast.For | ast.comprehension):
        return named(node.target)
    return False


def test_the_misuse_check_can_fail():
    for code in ('x = tr["id"]', "x = tr.space", "tr = {}", "for tr in rows: pass", "[1 for tr in rows]"):
        assert any(_misuses_translator_name(node) for node in ast.walk(ast.parse(code))), code
    assert not any(_misuses_translator_name(n) for n in ast.walk(ast.parse('tr = translator("sv")\ntr("x")')))
