"""The barometer's part of a series appendix (``Method.series``): per matched
statement, each workshop's final positions as small multiples on one scale,
count, mean and verbal summary per workshop, and the difference."""

from __future__ import annotations

import functools

from workshop.barometer import charts
from workshop.barometer.domain_series import Compared, compare
from workshop.method import SeriesPart
from workshop.render.charts import Chart, counted, format_number
from workshop.render.series_blocks import CsvRows, Figure, Heading, Para, Table

CSV_HEADER = ("statement", "key", "workshop", "positions", "passes", "mean", "summary")


def read(store, workshops: list[dict]) -> list[Compared]:
    rows = []
    for w in workshops:
        origins = store.statement_origins(w["id"])
        record = store.barometer_record(w["id"])
        rows.append(
            (w["title"], [(origins.get(s.id), s.text, tuple(s.values), s.passes) for s in record.statements])
        )
    return compare(rows)


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
                        "mean": None if r.mean is None else round(r.mean, 1),
                        "values": list(r.values),
                        "summary": r.summary.as_dict(),
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
