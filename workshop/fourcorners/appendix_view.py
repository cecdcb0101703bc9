"""Fyra hörn's section of the appendix, computed once per export.

Per shown question: its heading, the four corners with their final counts
(and the passes), which corner most people chose (ties named), how many
ended in another corner than they first chose, and its chart.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from workshop.fourcorners import charts
from workshop.fourcorners.domain import changed, corner_letter, most_chosen
from workshop.fourcorners.record import FourCornersRecord, QuestionRecord
from workshop.i18n import in_words
from workshop.render.charts import Chart


def chart_name(number: int) -> str:
    return f"charts/corners-{number:02d}.png"


@dataclass(frozen=True)
class CornerRow:
    letter: str  # "A"
    label: str  # the facilitator's words for the corner
    count: int  # final choices


@dataclass(frozen=True)
class QuestionView:
    record: QuestionRecord
    heading: str  # "2. Var i Värmland bor du?"
    corners: list[CornerRow]  # A..D
    passes: int
    most_chosen: list[int]  # corner indices; several on a tie, none when nobody chose one
    summary_text: str
    participants: int  # people who chose a corner or passed
    changed: int  # of them, those whose final choice is not their first
    changed_text: str
    chart: Chart
    # The line under the chart: the minutes ("Protokollsanteckning") when
    # written, in place of the automatic summary; else the summary.
    summary_label: str = ""
    summary_line: str = ""


@dataclass(frozen=True)
class FourCornersView:
    lang: str
    labels: dict[str, str]
    questions: list[QuestionView]


def build_view(record: FourCornersRecord, lang: str, tr: Callable[[str], str]) -> FourCornersView:
    labels = {
        "corner": tr("Corner"),
        "answer": tr("Answer"),
        "people": tr("People"),
        "pass": tr("Pass"),
        "table": tr("Choices per corner"),
        "summary": tr("Summary"),
        "minutes": tr("Minutes note"),
        "changes": tr("Changes"),
        "comment": tr("Comment"),
    }
    return FourCornersView(lang, labels, [_question_view(q, lang, tr, labels) for q in record.questions])


def has_content(view: FourCornersView) -> bool:
    """Only a workshop that showed a question gets the section."""
    return bool(view.questions)


def _question_view(record: QuestionRecord, lang: str, tr, words: dict) -> QuestionView:
    counts, passes = record.counts, record.passes
    labels = list(record.labels)
    leaders = most_chosen(counts)
    moved = changed(record.first, record.final)
    participants = len(record.final)
    summary_text = _summary_sentence(labels, counts, leaders, tr)
    written = record.minutes["text"] if record.minutes else ""
    return QuestionView(
        record=record,
        heading=f"{record.number}. {record.text}",
        corners=[CornerRow(corner_letter(i), label, n) for i, (label, n) in enumerate(zip(labels, counts))],
        passes=passes,
        most_chosen=leaders,
        summary_text=summary_text,
        summary_label=words["minutes"] if written else words["summary"],
        summary_line=written or summary_text,
        participants=participants,
        changed=moved,
        changed_text=_changed_sentence(moved, participants, tr),
        chart=Chart(
            chart_name(record.number),
            charts.alt_text(labels, counts, passes, lang),
            functools.partial(charts.corners_chart, tuple(labels), tuple(counts), passes, lang),
        ),
    )


def _named(corner: int, labels: list[str]) -> str:
    return f"{corner_letter(corner)} ({labels[corner]})"


def _summary_sentence(labels: list[str], counts: list[int], leaders: list[int], tr) -> str:
    if not leaders:
        return tr("Nobody chose a corner.")
    if len(leaders) == 1:
        return tr("Most people chose {corner}: {count} of {total}.").format(
            corner=_named(leaders[0], labels), count=counts[leaders[0]], total=sum(counts)
        )
    return tr("Tie between {corners}: {count} each.").format(
        corners=in_words([_named(c, labels) for c in leaders], tr), count=counts[leaders[0]]
    )


def _changed_sentence(moved: int, participants: int, tr) -> str:
    if participants == 0:
        return tr("No choices recorded.")
    if moved == 0:
        return tr("Nobody changed corner: {participants} kept their first choice.").format(
            participants=participants
        )
    return tr("{changed} of {participants} changed corner (their final choice was not their first).").format(
        changed=moved, participants=participants
    )


def all_charts(view: FourCornersView) -> list[Chart]:
    return [q.chart for q in view.questions]
