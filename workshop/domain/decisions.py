"""Decisions and next steps ("Beslut och nästa steg"): a workshop's list of
what was decided, who does it and by when. Pure; SQL in storage/decisions.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workshop.domain.errors import Invalid
from workshop.domain.text import clean_text, optional_text

TEXT_MAX = 1000
WHO_MAX = 120
WHEN_MAX = 80
FIELDS = ("text", "who", "when")


def validate_decision(data: dict) -> dict:
    """A new decision: text required; who and when optional (None when blank)."""
    return {
        "text": clean_text(data.get("text"), "text", max_len=TEXT_MAX),
        "who": optional_text(data.get("who"), "who", max_len=WHO_MAX, multiline=False),
        "when": optional_text(data.get("when"), "when", max_len=WHEN_MAX, multiline=False),
    }


def validate_changes(data: dict) -> dict:
    """A PATCH: only the fields sent; at least one."""
    if not any(f in data for f in FIELDS):
        raise Invalid("Send at least one of: %(fields)s.", fields=", ".join(FIELDS))
    changes = {}
    if "text" in data:
        changes["text"] = clean_text(data["text"], "text", max_len=TEXT_MAX)
    for name, most in (("who", WHO_MAX), ("when", WHEN_MAX)):
        if name in data:
            changes[name] = optional_text(data[name], name, max_len=most, multiline=False)
    return changes


def line(decision: Decision) -> str:
    """One decision as the appendix lists it: text — who — when."""
    return " — ".join(part for part in (decision.text, decision.who, decision.when) if part)


@dataclass(frozen=True)
class Decision:
    text: str
    who: str | None = None
    when: str | None = None


@dataclass(frozen=True)
class DecisionsRecord:
    """The workshop's part of the appendix snapshot: its decisions, in order."""

    decisions: list[Decision] = field(default_factory=list)
