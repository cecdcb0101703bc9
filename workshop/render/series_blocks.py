"""The series appendix's vocabulary: what a method's part of a series
(``Method.series``) hands the core, which lays it out in every format
(render/export_series.py). The core never looks inside a method's data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from workshop.render.charts import Chart


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 1: a method's part; 2: one statement, question, …


@dataclass(frozen=True)
class Para:
    text: str
    label: str | None = None  # shown bold before the text


@dataclass(frozen=True)
class Figure:
    chart: Chart


@dataclass(frozen=True)
class Table:
    header: Sequence[str]
    rows: Sequence[Sequence]
    caption: str = ""


@dataclass(frozen=True)
class CsvRows:
    """Rows for one CSV file of the zip (rows of the same file are joined, in order)."""

    file: str
    header: Sequence[str]
    rows: Sequence[Sequence] = field(default_factory=list)


Block = Heading | Para | Figure | Table | CsvRows
