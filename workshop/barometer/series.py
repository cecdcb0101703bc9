"""The barometer's part of a series appendix (``Method.series``): per matched
statement, each workshop's final positions as small multiples on one scale,
count, mean and verbal summary per workshop, and the difference. Where a
workshop asked a statement again ("Fråga igen"), its rounds side by side too
(one chart row and one table row per workshop and round)."""

from __future__ import annotations

import functools

from workshop.barometer import charts
from workshop.barometer.domain_series import Compared, compare
from workshop.method import SeriesPart
from workshop.render.charts import Chart, counted, format_number
from workshop.render.series_blocks import CsvRows, Figure, Heading, Para, Table

CSV_HEADER = ("statement", "key", "workshop", "positions", "passes", "mean", "summary")
ROUNDS_CSV_HEADER = ("statement", "key", "workshop", "round", "positions", "passes", "mean")


def _rounds(s) -> tuple:
    """Every round's (round, values, passes) of a statement asked again; () when asked once."""
    if not s.rounds:
        return ()
    earlier = tuple(
        (
            r.round,
            tuple(v for _, v in sorted(r.final.items()) if v is not None),
            sum(v is None for v in r.final.values()),
        )
        for r in s.rounds
    )
    return (*earlier, (s.round, tuple(s.values), s.passes))


def read(store, workshops: list[dict]) -> list[Compared]:
    rows = []
    for w in workshops:
        origins = store.statement_origins(w["id"])
        record = store.barometer_record(w["id"])
        rows.append(
            (
                w["title"],
                [
                    (origins.get(s.id), s.text, tuple(s.values), s.passes, _rounds(s))
                    for s in record.statements
                ],
            )
        )
    return compare(rows)


def _mean(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


def matched(data: list[Compared]) -> dict:
    return {
        "statements": [
            {
                "text": c.text,
                "key": c.key,
                "difference": c.difference.as_dict() if c.difference else None,
                "workshops": [
                    None
                    if r is None
                    else {
                        "workshop": r.workshop,
                        "positions": r.count,
                        "passes": r.passes,
                        "mean": _mean(r.mean),
                        "values": list(r.values),
                        "summary": r.summary.as_dict(),
                        # "Fråga igen": every round, when asked more than once (else [])
                        "rounds": [
                            {
                                "round": x.round,
                                "positions": x.count,
                                "passes": x.passes,
                                "mean": _mean(x.mean),
                                "values": list(x.values),
                            }
                            for x in r.rounds
                        ],
                    }
                    for r in c.results
                ],
            }
            for c in data
        ]
    }


def _chart(number: int, c: Compared, lang: str, tr) -> Chart:
    frames = tuple((r.workshop, r.values, r.passes) for r in c.results if r)
    alt = tr("Positions per workshop, on one scale: {rows}.").format(
        rows="; ".join(
            f"{r.workshop}: {counted(r.count, tr('{n} position'), tr('{n} positions'))}"
            for r in c.results
            if r
        )
    )
    return Chart(
        f"charts/series-statement-{number}.png", alt, functools.partial(charts.frames_chart, frames, lang)
    )


def _rounds_blocks(number: int, c: Compared, lang: str, tr) -> list:
    """The rounds side by side ("Omgång 1 / Omgång 2"), per workshop that asked again."""
    asked_again = [r for r in c.results if r and r.rounds]
    if not asked_again:
        return []

    def label(r, x) -> str:
        return tr("{workshop}, round {round}").format(workshop=r.workshop, round=x.round)

    frames = tuple((label(r, x), x.values, x.passes) for r in asked_again for x in r.rounds)
    alt = tr("Positions per round: {rows}.").format(
        rows="; ".join(
            f"{label(r, x)}: {counted(x.count, tr('{n} position'), tr('{n} positions'))}"
            for r in asked_again
            for x in r.rounds
        )
    )
    chart = Chart(
        f"charts/series-statement-{number}-rounds.png",
        alt,
        functools.partial(charts.frames_chart, frames, lang),
    )
    rows = [
        (r.workshop, x.round, x.count, x.passes, "–" if x.mean is None else format_number(x.mean, lang))
        for r in asked_again
        for x in r.rounds
    ]
    csv = [
        (c.text, c.key, r.workshop, x.round, x.count, x.passes, _mean(x.mean))
        for r in asked_again
        for x in r.rounds
    ]
    header = (tr("Workshop"), tr("Round"), tr("Positions"), tr("Passes"), tr("Mean"))
    return [
        Heading(tr("Rounds"), 3),
        Figure(chart),
        Table(header, rows),
        CsvRows("rounds.csv", ROUNDS_CSV_HEADER, csv),
    ]


def blocks(data: list[Compared], lang: str, tr) -> list:
    if not data:
        return []
    out: list = [Heading(tr("Opinion barometer"), 1)]
    header = (tr("Workshop"), tr("Positions"), tr("Passes"), tr("Mean"), tr("Summary"))
    for number, c in enumerate(data, 1):
        rows = [
            (
                r.workshop,
                r.count,
                r.passes,
                "–" if r.mean is None else format_number(r.mean, lang),
                r.summary.text(lang),
            )
            for r in c.results
            if r
        ]
        out += [Heading(f"{number}. {c.text}", 2), Figure(_chart(number, c, lang, tr)), Table(header, rows)]
        if c.difference:
            out.append(Para(c.difference.text(lang), label=tr("Difference")))
        out += _rounds_blocks(number, c, lang, tr)
        out.append(
            CsvRows(
                "statements.csv",
                CSV_HEADER,
                [
                    (
                        c.text,
                        c.key,
                        r.workshop,
                        r.count,
                        r.passes,
                        None if r.mean is None else round(r.mean, 1),
                        r.summary.text(lang),
                    )
                    for r in c.results
                    if r
                ],
            )
        )
    return out


SERIES = SeriesPart(read=read, blocks=blocks, matched=matched)
