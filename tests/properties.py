"""Property tests' shared parts: Hypothesis settings, strategies, checks.

Fast and deterministic for CI: a modest number of examples, no deadline
(a shared 2-core machine), and derandomize=True so every run tries the same
inputs.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from workshop.domain.errors import Invalid

PROPERTIES = settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)

# Characters that have broken text handling somewhere: controls (C0, DEL,
# C1: \x9b is a terminal escape), lone surrogates, Unicode line breaks and
# spaces, non-ASCII digits, a right-to-left override.
TRICKY = [
    "\x00",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9b",
    "\ud800",
    "\udfff",
    "\u2028",
    "\u2029",
    "\u00a0",
    "\u3000",
    "\n",
    "\t",
    "\r",
    " ",
    "-",
    "\u0663",
    "\u00b2",
    "\u202e",
    "\ufeff",
]

# Any code point, surrogates included (Python strings can hold them; a JSON
# "\ud800" escape or a socket payload can deliver one).
any_text = st.text(st.characters(exclude_categories=()) | st.sampled_from(TRICKY), max_size=60)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | any_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4),
    max_leaves=30,
)

# Whatever a client may send for one field: any JSON value, plus big ints and
# the odd floats Python accepts.
anything = json_values | st.integers(min_value=-(2**70), max_value=2**70) | st.floats()


def outcome(parse, value, *args):
    """The parsed value, or Invalid; any other exception fails the test."""
    try:
        return parse(value, *args)
    except Invalid as err:
        assert err.status == 400 and err.message
        return Invalid


def holds_text_rules(text: str, *, max_len: int, min_len: int, multiline: bool) -> None:
    """What domain/text.py promises of every text it returns."""
    assert isinstance(text, str) and min_len <= len(text) <= max_len
    assert text == text.strip()
    text.encode("utf-8")  # no lone surrogates: SQLite and Jinja would fail on them
    allowed = "\n\t" if multiline else ""
    assert not [ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in allowed], repr(text)
    if not multiline:
        assert "  " not in text and text == " ".join(text.split())
