"""The barometer across a series: one statement's results side by side in
each workshop, and a sentence on the difference. Pure: stdlib and the core's
domain only."""

from __future__ import annotations

from dataclasses import dataclass

from workshop.barometer.domain_summary import Summary, verbal_summary
from workshop.domain.templates import match

# Means closer than this (points on 0..100) read as "about the same".
SAME_WITHIN = 10


@dataclass(frozen=True)
class RoundResult:
    """One round of a statement asked again ("Fråga igen") in one workshop."""

    round: int  # 1, 2, …
    values: tuple[int, ...]  # that round's final positions
    passes: int

    @property
    def count(self) -> int:
        return len(self.values)

    @property
    def mean(self) -> float | None:
        return sum(self.values) / len(self.values) if self.values else None


@dataclass(frozen=True)
class Result:
    """One statement in one workshop (its last round's final positions)."""

    workshop: str  # its title
    values: tuple[int, ...]
    passes: int
    summary: Summary
    # Every round, in order, when the workshop asked it more than once (the
    # last one's values are the Result's own); () when asked once.
    rounds: tuple[RoundResult, ...] = ()

    @property
    def count(self) -> int:
        return len(self.values)

    @property
    def mean(self) -> float | None:
        return sum(self.values) / len(self.values) if self.values else None


@dataclass(frozen=True)
class Compared:
    text: str  # as the first workshop asked it
    key: str | None  # the template statement it came from
    results: list[Result | None]  # one per workshop, in series order (None: not asked there)
    difference: Summary | None


def compare(workshops: list[tuple[str, list[tuple]]]) -> list[Compared]:
    """workshops: (title, [(key, text, values, passes[, rounds]) per shown
    statement]), in series order -> each matched statement, in first-asked
    order. ``rounds``: ((round, values, passes), …) when it was asked again."""
    flat = [(i, st) for i, (_title, sts) in enumerate(workshops) for st in sts]
    groups = match([(st[0], st[1]) for _i, st in flat])
    found: dict[int, dict] = {}
    for group, (i, (key, text, values, passes, *more)) in zip(groups, flat, strict=True):
        entry = found.setdefault(group, {"text": text, "key": key, "results": [None] * len(workshops)})
        entry["key"] = entry["key"] or key
        rounds = tuple(RoundResult(n, tuple(v), p) for n, v, p in (more[0] if more else ()))
        entry["results"][i] = Result(
            workshops[i][0], tuple(values), passes, verbal_summary(values, passes), rounds
        )
    return [
        Compared(e["text"], e["key"], e["results"], difference([r for r in e["results"] if r]))
        for e in found.values()
    ]


def _number(x: float, lang: str) -> str:
    text = f"{x:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "sv" else text


def difference(results: list[Result]) -> Summary | None:
    """ "Lägre instämmande i Kil än i Karlstad": the lowest mean against the
    highest, when they are at least SAME_WITHIN apart; None for fewer than two
    workshops with a position."""
    answered = [r for r in results if r.count]
    if len(answered) < 2:
        return None
    low = min(answered, key=lambda r: r.mean)
    high = max(answered, key=lambda r: r.mean)
    lo = {lang: _number(low.mean, lang) for lang in ("sv", "en")}
    hi = {lang: _number(high.mean, lang) for lang in ("sv", "en")}
    if high.mean - low.mean < SAME_WITHIN:
        return Summary(
            sv=f"Ungefär samma instämmande i alla workshoppar (medel {lo['sv']}–{hi['sv']}).",
            en=f"About the same agreement in every workshop (mean {lo['en']}–{hi['en']}).",
            shape="same",
        )
    return Summary(
        sv=f"Lägre instämmande i {low.workshop} än i {high.workshop} (medel {lo['sv']} mot {hi['sv']}).",
        en=f"Lower agreement in {low.workshop} than in {high.workshop} (mean {lo['en']} against {hi['en']}).",
        shape="differs",
    )


def between_rounds(
    earlier: dict[int, int | None], later: dict[int, int | None]
) -> list[tuple[int, int | None, int | None]]:
    """Who moved between two rounds of one statement, by pseudonym number:
    (participant, value before, value after) for each one who answered both
    and changed (None = pass), in pseudonym order."""
    return [(p, earlier[p], later[p]) for p in sorted(set(earlier) & set(later)) if earlier[p] != later[p]]
