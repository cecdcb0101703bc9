"""Open Space's part of the appendix: the agenda wall as held, as frozen data.

Storage builds it (``Store.openspace_record``); the appendix section renders
it. Pure: standard library only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NOTE_KINDS = ("text", "key_point", "proposal", "question")


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
    dots: int = 0  # dots per participant when the appendix was made; 0 = dot voting off
    spaces: list[Space] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)  # visible, not merged away
