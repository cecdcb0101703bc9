"""The appendix ("bilaga"): a read-only snapshot of one workshop, as plain data.

The storage layer builds it (``Store.appendix``); the summary page and every
export format read it. Nothing here touches Flask, Socket.IO or SQL, so the
renderers can run in a worker thread on a snapshot that no live write can
change under them.

Participants appear only as pseudonym numbers (shown as "P12"): the app keeps
no personal data.
"""
from __future__ import annotations

from dataclasses import dataclass, field

NOTE_KINDS = ("text", "key_point", "proposal", "question")


@dataclass(frozen=True)
class PositionChange:
    participant: int  # pseudonym number, shown as "P<n>"
    value: int | None  # 0 = håller INTE med .. 100 = håller med; None = pass
    at: str  # ISO 8601, UTC


@dataclass(frozen=True)
class Comment:
    text: str
    at: str


@dataclass(frozen=True)
class StatementRecord:
    id: int
    number: int  # 1-based, in the facilitator's order
    text: str
    final: dict[int, int | None]  # participant -> last value, None = pass
    history: list[PositionChange]  # every change, oldest first
    comments: list[Comment]
    opened_at: str | None = None
    closed_at: str | None = None

    @property
    def values(self) -> list[int]:
        """Final positions of those who did not pass, in participant order."""
        return [v for _, v in sorted(self.final.items()) if v is not None]

    @property
    def passes(self) -> int:
        return sum(1 for v in self.final.values() if v is None)


@dataclass(frozen=True)
class Space:
    id: int
    name: str
    capacity: int | None = None


@dataclass(frozen=True)
class Slot:
    id: int
    label: str
    starts_at: str  # "HH:MM"
    minutes: int
    kind: str = "session"  # "session" | "break"


@dataclass(frozen=True)
class Note:
    id: int
    topic: int
    kind: str  # one of NOTE_KINDS
    text: str
    at: str
    who: str | None = None  # proposals: who takes the next step
    when: str | None = None  # proposals: by when


@dataclass(frozen=True)
class Topic:
    id: int
    title: str
    description: str = ""
    convener: str | None = None  # None = anonymous
    space: int | None = None
    slot: int | None = None
    interest: int = 0
    here: int = 0  # headcount now
    peak: int = 0  # highest headcount seen
    votes: int = 0  # convergence dots
    notes: list[Note] = field(default_factory=list)


@dataclass(frozen=True)
class OpenSpaceRecord:
    theme: str | None = None
    spaces: list[Space] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)  # visible, not merged away


@dataclass(frozen=True)
class Appendix:
    title: str
    code: str
    language: str  # "sv" | "en": the workshop's own language
    created_at: str  # ISO 8601, UTC
    date: str  # YYYY-MM-DD, the day the workshop was held
    participants: int
    statements: list[StatementRecord] = field(default_factory=list)
    openspace: OpenSpaceRecord = field(default_factory=OpenSpaceRecord)
