"""The barometer's part of the appendix: every shown statement, as frozen data.

Storage builds it (``Store.barometer_record``); the appendix section renders
it. Pure: standard library only. Participants appear only as pseudonym
numbers (shown as "P12"): the app keeps no personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PositionChange:
    participant: int  # pseudonym number, shown as "P<n>"
    value: int | None  # 0 = håller INTE med .. 100 = håller med; None = pass
    at: str  # ISO 8601, UTC
    # The phone sent it as the end of a gesture ("settled": finger lifted, or
    # a key sequence ended); False for the samples of a drag, and for rows
    # from phones that never said.
    gesture_end: bool = False


@dataclass(frozen=True)
class Comment:
    text: str
    at: str


@dataclass(frozen=True)
class SpokenTurn:
    """Someone given the floor ("Ordet"), by where they stood then."""

    participant: int
    region: str  # "disagree" | "middle" | "agree" | "pass"
    at: str  # since: when the floor was given
    until: str | None = None  # when the turn ended (None: never ended)
    # Fewer than min_group stood in that region then: no label attaches it.
    protected: bool = False


@dataclass(frozen=True)
class PhoneComment:
    """An approved comment from a phone, by where its writer stood (never who)."""

    text: str
    region: str  # as SpokenTurn.region; "someone" when protected (small group)
    at: str


@dataclass(frozen=True)
class RoundRecord:
    """An earlier round of a statement asked again ("Fråga igen")."""

    round: int  # 1, 2, …
    final: dict[int, int | None]  # participant -> last value in that round, None = pass


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
    turns: list[SpokenTurn] = field(default_factory=list)  # in speaking order
    phone_comments: list[PhoneComment] = field(default_factory=list)  # approved ones, oldest first
    round: int = 1  # the round `final` and `history` belong to (the last one asked)
    rounds: list[RoundRecord] = field(default_factory=list)  # the earlier rounds, in order
    texts: dict[str, str] = field(
        default_factory=dict
    )  # the statement in other languages ("en", "sv-x-lattlast")
    # The minutes ("Protokollsanteckning"): {"text", "version"}; None when nobody wrote any.
    minutes: dict | None = None

    @property
    def values(self) -> list[int]:
        """Final positions of those who did not pass, in participant order."""
        return [v for _, v in sorted(self.final.items()) if v is not None]

    @property
    def passes(self) -> int:
        return sum(1 for v in self.final.values() if v is None)


@dataclass(frozen=True)
class BarometerRecord:
    statements: list[StatementRecord] = field(default_factory=list)  # shown ones, in order
