"""Fyra hörn's part of the appendix: every shown question, as frozen data.

Storage builds it (``Store.fourcorners_record``); the appendix section
renders it. Pure: standard library only. Participants appear only as
pseudonym numbers (shown as "P12"): the app keeps no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

CORNERS = 4  # 0 = A, 1 = B, 2 = C, 3 = D (as workshop.fourcorners.domain)


@dataclass(frozen=True)
class ChoiceChange:
    participant: int  # pseudonym number, shown as "P<n>"
    corner: int | None  # 0..3; None = pass
    at: str  # ISO 8601, UTC


@dataclass(frozen=True)
class Comment:
    text: str
    at: str


@dataclass(frozen=True)
class QuestionRecord:
    id: int
    number: int  # 1-based, in the facilitator's order
    text: str
    labels: tuple[str, ...]  # four, one per corner
    final: dict[int, int | None]  # participant -> last choice, None = pass
    history: list[ChoiceChange]  # every change, oldest first
    comments: list[Comment]
    opened_at: str | None = None
    closed_at: str | None = None
    texts: dict = field(default_factory=dict)  # other languages: {"en": {"text", "labels"}}
    # The minutes ("Protokollsanteckning"): {"text", "version"}; None when nobody wrote any.
    minutes: dict | None = None

    @property
    def counts(self) -> list[int]:
        """Final choices per corner, A..D."""
        out = [0] * CORNERS
        for corner in self.final.values():
            if corner is not None:
                out[corner] += 1
        return out

    @property
    def passes(self) -> int:
        return sum(1 for corner in self.final.values() if corner is None)

    @property
    def first(self) -> dict[int, int | None]:
        """Each participant's first choice (a pass counts as one)."""
        out: dict[int, int | None] = {}
        for change in self.history:
            out.setdefault(change.participant, change.corner)
        return out


@dataclass(frozen=True)
class FourCornersRecord:
    questions: list[QuestionRecord] = field(default_factory=list)  # shown ones, in order
