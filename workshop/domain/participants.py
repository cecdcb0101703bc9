"""Participants are only ever numbers: the app keeps no personal data."""

from __future__ import annotations


def pseudonym(number: int) -> str:
    """A participant's number as the room sees it: "P12"."""
    return f"P{number}"
