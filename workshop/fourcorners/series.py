"""Fyra hörn's part of a series appendix (``Method.series``): each question
asked in the series (matched by its normalised text), its corners' tallies
in every workshop side by side."""

from __future__ import annotations

from workshop.domain.templates import match
from workshop.method import SeriesPart
from workshop.render.series_blocks import CsvRows, Heading, Table

CSV_HEADER = ("question", "workshop", "corner", "label", "count")


def read(store, workshops: list[dict]) -> list[dict]:
    asked = [(w["title"], q) for w in workshops for q in store.fourcorners_record(w["id"]).questions]
    groups = match([(None, q.text) for _title, q in asked])
    found: dict[int, dict] = {}
    for group, (title, q) in zip(groups, asked, strict=True):
        entry = found.setdefault(group, {"text": q.text, "labels": list(q.labels), "workshops": []})
        entry["workshops"].append(
            {"workshop": title, "labels": list(q.labels), "counts": q.counts, "passes": q.passes}
        )
    return list(found.values())


def matched(data: list[dict]) -> dict:
    return {"questions": data}


def blocks(data: list[dict], lang: str, tr) -> list:
    if not data:
        return []
    out: list = [Heading(tr("Four corners"), 1)]
    for number, q in enumerate(data, 1):
        letters = "ABCD"
        header = (
            tr("Workshop"),
            *(f"{letter}: {label}" for letter, label in zip(letters, q["labels"], strict=True)),
            tr("Passes"),
        )
        rows = [(w["workshop"], *w["counts"], w["passes"]) for w in q["workshops"]]
        out += [Heading(f"{number}. {q['text']}", 2), Table(header, rows)]
        out.append(
            CsvRows(
                "corners.csv",
                CSV_HEADER,
                [
                    (q["text"], w["workshop"], letter, label, count)
                    for w in q["workshops"]
                    for letter, label, count in zip(letters, w["labels"], w["counts"], strict=True)
                ],
            )
        )
    return out


SERIES = SeriesPart(read=read, blocks=blocks, matched=matched)
