"""Open Space's part of a series appendix (``Method.series``): the topics
raised across the series, grouped by their normalised titles ("Busskort
för unga" and "busskort för unga!" are one), with where each came up."""

from __future__ import annotations

from workshop.domain.templates import match
from workshop.method import SeriesPart
from workshop.render.series_blocks import CsvRows, Heading, Para, Table

CSV_HEADER = ("topic", "workshop", "title", "interest", "notes")


def read(store, workshops: list[dict]) -> list[dict]:
    raised = [(w["title"], t) for w in workshops for t in store.openspace_record(w["id"]).topics]
    groups = match([(None, t.title) for _w, t in raised])
    found: dict[int, dict] = {}
    for group, (title, topic) in zip(groups, raised, strict=True):
        entry = found.setdefault(group, {"title": topic.title, "workshops": []})
        entry["workshops"].append(
            {"workshop": title, "title": topic.title, "interest": topic.interest, "notes": len(topic.notes)}
        )
    # The topics raised in most workshops first, then by total interest.
    return sorted(
        found.values(),
        key=lambda e: (
            -len({w["workshop"] for w in e["workshops"]}),
            -sum(w["interest"] for w in e["workshops"]),
        ),
    )


def matched(data: list[dict]) -> dict:
    return {"topics": data}


def blocks(data: list[dict], lang: str, tr) -> list:
    if not data:
        return []
    header = (tr("Topic"), tr("Workshops"), tr("Interest"), tr("Notes"))
    rows = [
        (
            e["title"],
            ", ".join(dict.fromkeys(w["workshop"] for w in e["workshops"])),
            sum(w["interest"] for w in e["workshops"]),
            sum(w["notes"] for w in e["workshops"]),
        )
        for e in data
    ]
    shared = sum(1 for e in data if len({w["workshop"] for w in e["workshops"]}) > 1)
    return [
        Heading(tr("Open Space"), 1),
        Para(
            tr("{topics} topics; {shared} came up in more than one workshop.").format(
                topics=len(data), shared=shared
            )
        ),
        Table(header, rows),
        CsvRows(
            "topics.csv",
            CSV_HEADER,
            [
                (e["title"], w["workshop"], w["title"], w["interest"], w["notes"])
                for e in data
                for w in e["workshops"]
            ],
        ),
    ]


SERIES = SeriesPart(read=read, blocks=blocks, matched=matched)
