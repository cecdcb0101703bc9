"""Workshop templates ("mallar") and series: the frame every method's part
sits in, and matching the same text across workshops. Pure: stdlib only.

A template document (docs/protocol.md, "Workshop templates")::

    {"format": "workshop-template", "version": 1, "title": "...",
     "language": "sv", "methods": {"<method>": {...its part...}}}

The core checks the frame; each method checks its own part
(``Method.template.validate``), so the core never looks inside one.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable, Mapping

from workshop.domain.errors import Invalid
from workshop.domain.workshops import validate_language, validate_title

FORMAT = "workshop-template"
VERSION = 1
FRAME_KEYS = frozenset({"format", "version", "title", "language", "methods", "id", "created_at"})
STATEMENTS_MAX = 200
# The columns a CSV of statements may name its text in (else its first column).
TEXT_COLUMNS = ("text", "statement", "påstående", "text/påstående")


def validate_document(doc, validators: Mapping[str, Callable[[object], dict]]) -> dict:
    """An imported template -> its checked document (without id), or Invalid.
    ``validators``: each method's part checker, by method name."""
    if not isinstance(doc, dict):
        raise Invalid("A template must be a JSON object.")
    if doc.get("format") != FORMAT:
        raise Invalid('format must be "%(format)s".', format=FORMAT)
    if doc.get("version") != VERSION:
        raise Invalid("version must be %(version)d.", version=VERSION)
    unknown = sorted(set(doc) - FRAME_KEYS)
    if unknown:
        raise Invalid("Unknown field in the template: %(field)s.", field=unknown[0])
    methods = doc.get("methods", {})
    if not isinstance(methods, dict):
        raise Invalid("methods must be an object.")
    parts = {}
    for name, part in methods.items():
        if name not in validators:
            raise Invalid("Unknown method in the template: %(method)s.", method=str(name)[:40])
        parts[name] = validators[name](part)
    return document(validate_title(doc.get("title")), validate_language(doc.get("language")), parts)


def document(title: str, language: str, parts: dict) -> dict:
    return {"format": FORMAT, "version": VERSION, "title": title, "language": language, "methods": parts}


def statement_lines(text: str) -> list[str]:
    """Plain text: one statement a line; blank lines skipped."""
    return _checked([line.strip() for line in text.splitlines() if line.strip()])


def statement_csv(text: str) -> list[str]:
    """CSV: the column named text/statement/påstående, else the first one."""
    rows = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if not rows:
        return _checked([])
    header = [cell.strip().casefold() for cell in rows[0]]
    column = next((header.index(name) for name in TEXT_COLUMNS if name in header), None)
    if column is None:
        column = 0
    else:
        rows = rows[1:]
    return _checked([row[column].strip() for row in rows if len(row) > column and row[column].strip()])


def _checked(texts: list[str]) -> list[str]:
    if not texts:
        raise Invalid("No statements found: write one statement per line.")
    if len(texts) > STATEMENTS_MAX:
        raise Invalid("At most %(max)d statements in one template.", max=STATEMENTS_MAX)
    return texts


_PUNCT = re.compile(r"[^\w\s]")


def normalise(text: str) -> str:
    """The same words, whatever the case, accents' composition, spacing or
    punctuation: "Kollektivtrafiken  är bra!" == "kollektivtrafiken är bra"."""
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


def match(items: list[tuple[str | None, str]]) -> list[int]:
    """Group items (origin key or None, text) across workshops: the same
    origin (the template statement they came from) first, else the same
    normalised text. Returns each item's group number, in first-seen order."""
    by_origin: dict[str, int] = {}
    by_text: dict[str, int] = {}
    groups = []
    for origin, text in items:
        norm = normalise(text)
        group = by_origin.get(origin) if origin else None
        if group is None:
            group = by_text.get(norm)
        if group is None:
            group = len(set(groups))
        if origin:
            by_origin.setdefault(origin, group)
        by_text.setdefault(norm, group)
        groups.append(group)
    return groups


def part_fields(part, method: str, allowed: tuple[str, ...]) -> dict:
    """A method's part: an object with only the fields it knows."""
    if not isinstance(part, dict):
        raise Invalid("methods.%(method)s must be an object.", method=method)
    unknown = sorted(set(part) - set(allowed))
    if unknown:
        raise Invalid("Unknown field in methods.%(method)s: %(field)s.", method=method, field=unknown[0])
    return part


def items(value, field: str, *, most: int) -> list:
    """A list in a part (absent: empty), of at most ``most`` entries."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise Invalid("%(field)s must be a list.", field=field)
    if len(value) > most:
        raise Invalid("%(field)s: at most %(max)d.", field=field, max=most)
    return value


_KEY = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def validate_key(value, field: str) -> str:
    """A template item's key (letters, digits, - and _): kept by every
    workshop made from it, so a series can match what came from the same item."""
    if not isinstance(value, str) or not _KEY.match(value):
        raise Invalid("%(field)s must be 1-40 letters, digits, - or _.", field=field)
    return value
