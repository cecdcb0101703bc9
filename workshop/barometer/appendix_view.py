"""The barometer's section of the appendix, computed once per export.

Per shown statement: its heading and counts, the verbal summary and the
movement sentence in the export's language, and its charts (final positions;
first against final position when someone moved).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

from workshop.barometer import charts
from workshop.barometer.domain_summary import Movement, Summary, movement, verbal_summary
from workshop.barometer.record import BarometerRecord, StatementRecord
from workshop.render.charts import Chart, counted


def strip_chart_name(number: int) -> str:
    return f"charts/statement-{number:02d}.png"


def movement_chart_name(number: int) -> str:
    return f"charts/statement-{number:02d}-movement.png"


@dataclass(frozen=True)
class StatementView:
    record: StatementRecord
    heading: str  # "3. Vi i Värmland bör …"
    counts: str  # "12 positioner, 2 pass"
    summary: Summary
    summary_text: str  # the export language's phrase
    movement: Movement
    movement_text: str
    strip: Chart  # final positions on the line
    movement_chart: Chart | None  # None when nobody moved: flat lines say nothing the sentence does not


@dataclass(frozen=True)
class BarometerView:
    lang: str
    labels: dict[str, str]
    statements: list[StatementView]


def build_view(record: BarometerRecord, lang: str, t: Callable[[str], str]) -> BarometerView:
    labels = {
        "summary": t("Summary"),
        "movement": t("Movement"),
        "comment": t("Comment"),
        "no_statements": t("No statements were shown."),
    }
    return BarometerView(lang, labels, [_statement_view(s, lang, t) for s in record.statements])


def _statement_view(record: StatementRecord, lang: str, t) -> StatementView:
    values, passes = record.values, record.passes
    summary = verbal_summary(values, passes)
    moved = movement(record.history)
    strip = Chart(
        strip_chart_name(record.number),
        charts.alt_text_strip(values, passes, lang),
        functools.partial(charts.statement_strip, values, passes, lang),
    )
    movement_chart = Chart(
        movement_chart_name(record.number),
        charts.alt_text_movement(moved.pairs, lang),
        functools.partial(charts.movement_chart, moved.pairs, lang),
        narrow=True,
    )
    return StatementView(
        record=record,
        heading=f"{record.number}. {record.text}",
        counts=", ".join(
            [
                counted(len(values), t("{n} position"), t("{n} positions")),
                counted(passes, t("{n} pass"), t("{n} passes")),
            ]
        ),
        summary=summary,
        summary_text=summary.text(lang),
        movement=moved,
        movement_text=_movement_sentence(moved, lang, t),
        strip=strip,
        movement_chart=movement_chart if moved.moved > 0 else None,
    )


def _movement_sentence(m: Movement, lang: str, t) -> str:
    """Two people are "båda" (both), never "alla 2" (all 2)."""
    if m.participants == 0:
        return t("No movement recorded.")
    if m.moved == 0:
        if m.participants == 1:
            return t("Nobody moved: the one person kept their first position.")
        if m.participants == 2:
            return t("Nobody moved: both kept their first position.")
        return t("Nobody moved: {participants} kept their first position.").format(
            participants=m.participants
        )
    counts = dict(up=m.towards_agree, down=m.towards_disagree, shift=charts.format_shift(m.mean_shift, lang))
    if m.moved == m.participants == 2:
        return t(
            "Both moved: {up} towards agree, {down} towards disagree (mean shift {shift} points)."
        ).format(**counts)
    return t(
        "{moved} of {participants} moved: {up} towards agree, {down} towards disagree "
        "(mean shift {shift} points)."
    ).format(moved=m.moved, participants=m.participants, **counts)


def all_charts(view: BarometerView) -> list[Chart]:
    """Every strip, then every movement chart: the HTML export's chart ids
    have always counted in that order."""
    return [s.strip for s in view.statements] + [
        s.movement_chart for s in view.statements if s.movement_chart
    ]


def summary_charts(view: BarometerView) -> list[Chart]:
    """The strips only, drawn through a cache (see _live_strip)."""
    return [
        replace(
            s.strip, draw=functools.partial(_live_strip, tuple(s.record.values), s.record.passes, view.lang)
        )
        for s in view.statements
    ]


@functools.lru_cache(maxsize=512)
def _live_strip(values: tuple[int, ...], passes: int, lang: str, fmt: str) -> bytes:
    # A closed statement never changes, so a live page re-polling every few
    # seconds only pays for the charts of the statement that is open.
    return charts.statement_strip(list(values), passes, lang, fmt)
