"""Justering: the finalised appendix, its hash and the adjusters' verdicts. Pure.

A finalised appendix is frozen as a *version*: the JSON export's document
(``render.export_json.document``, in the workshop's own language, without
any approval block) written as **canonical JSON** by ``canonical_json``:

- keys sorted at every level (``sort_keys``);
- compact separators, ``","`` and ``":"``, no whitespace anywhere;
- UTF-8, characters as themselves (``ensure_ascii=False``), so å stays å;
- no NaN or Infinity (refused: they are not JSON).

The version's hash is the SHA-256 of those bytes, as 64 lower-case hex
digits (``sha256_hex``). Anyone holding the JSON export can recompute it:
drop its ``approval`` key, write the rest canonically, hash. The approval
block ("Justerad av …") is left out because it is added after the hash
exists and names the hash itself.

An adjuster either approves the version with their name, or asks for a
change with a comment, which reopens the workshop for the facilitator.
The workshop is approved ("justerad") when every adjuster invited has
approved the latest version and it is still frozen.
"""

from __future__ import annotations

import hashlib
import json

from workshop.domain.errors import Invalid
from workshop.domain.text import clean_text

DRAFT, FINALISED, APPROVED = "draft", "finalised", "approved"
NAME_MAX = 80
ADJUSTERS_MAX = 2  # one or two justerare, as a Swedish meeting has
COMMENT_MAX = 2000


def canonical_json(document) -> bytes:
    """The one canonical text of a JSON document (see the module's rules)."""
    return json.dumps(
        document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(document) -> tuple[str, str]:
    """(canonical text, its SHA-256 hex) of a document."""
    canonical = canonical_json(document)
    return canonical.decode("utf-8"), sha256_hex(canonical)


def parse_verdict(data: dict) -> tuple[bool, str]:
    """``{"approve": true, "name"}`` -> (True, name);
    ``{"approve": false, "comment"}`` -> (False, comment). Invalid otherwise."""
    approve = data.get("approve")
    if not isinstance(approve, bool):
        raise Invalid("approve must be true or false.")
    if approve:
        return True, clean_text(data.get("name"), "name", max_len=NAME_MAX, min_len=1, multiline=False)
    return False, clean_text(data.get("comment"), "comment", max_len=COMMENT_MAX, min_len=1)


def is_approved(adjusters: set[str], approvers: set[str]) -> bool:
    """Every adjuster invited (one or two) approved: none invited is not approved."""
    return bool(adjusters) and adjusters <= approvers


def state(latest: dict | None, approved: bool) -> str:
    """Utkast, slutförd or justerad: the latest version's state."""
    if latest is None or latest["reopened_at"] is not None:
        return DRAFT
    return APPROVED if approved else FINALISED
