"""The barometer's section of the appendix, computed once per export.

Per shown statement: its heading and counts, the verbal summary and the
movement sentence in the export's language, and its charts (final positions;
first against final position when someone moved).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from workshop.barometer import charts
from workshop.barometer.domain import PASS
from workshop.barometer.domain_series import between_rounds
from workshop.barometer.domain_summary import (
    AGREE,
    DISAGREE,
    MIDDLE,
    Movement,
    Summary,
    movement,
    verbal_summary,
)
from workshop.barometer.floor.domain import SOMEONE, seconds_heard, shown_region, spoken
from workshop.barometer.phone_comments.domain import by_region
from workshop.barometer.record import BarometerRecord, StatementRecord
from workshop.barometer.replay.domain import Frames
from workshop.barometer.replay.domain import frames as replay_frames
from workshop.domain.errors import N_
from workshop.domain.participants import pseudonym
from workshop.render.charts import Chart, counted

# A region as the appendix names it: "2 från håller inte med-sidan".
REGION_NAMES = {
    DISAGREE: N_("the disagree side"),
    MIDDLE: N_("the middle"),
    AGREE: N_("the agree side"),
    PASS: N_("those who passed"),
    # A protected turn (fewer than min_group stood there): in the speaking order.
    SOMEONE: N_("someone"),
}


def format_duration(seconds: int, tr) -> str:
    """ "4 min 10 s", "50 s", "2 min" in the export's language."""
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return tr("{seconds} s").format(seconds=rest)
    if not rest:
        return tr("{minutes} min").format(minutes=minutes)
    return tr("{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)


def _heard_part(region: str, n: int, seconds: int | None, tr) -> str:
    """ "3 från håller med-sidan (4 min 10 s)"; protected turns: "1 utan angiven
    sida (50 s)". ``seconds`` None: no turn there has an end (no time known)."""
    if region == SOMEONE:
        count = tr("{n} not attributed to a side").format(n=n)
    else:
        count = tr("{n} from {region}").format(n=n, region=tr(REGION_NAMES[region]))
    return count if seconds is None else f"{count} ({format_duration(seconds, tr)})"


def comment_label(region: str, tr) -> str:
    """ "Kommentar från mitten"; a protected comment: "Kommentar från en deltagare"."""
    if region == SOMEONE:
        return tr("Comment from a participant")
    return tr("Comment from %(region)s") % {"region": tr(REGION_NAMES[region])}


def strip_chart_name(number: int) -> str:
    return f"charts/statement-{number:02d}.png"


def movement_chart_name(number: int) -> str:
    return f"charts/statement-{number:02d}-movement.png"


def rounds_chart_name(number: int) -> str:
    return f"charts/statement-{number:02d}-rounds.png"


def _rounds_chart(record: StatementRecord, lang: str, tr) -> Chart | None:
    """Each round's final positions on one scale ("Omgång 1", "Omgång 2", …)."""
    if not record.rounds:
        return None
    finals = [(r.round, r.final) for r in record.rounds] + [(record.round, record.final)]
    frames = tuple(
        (
            tr("Round %(round)s") % {"round": n},
            tuple(v for _, v in sorted(final.items()) if v is not None),
            sum(v is None for v in final.values()),
        )
        for n, final in finals
    )
    alt = tr("Positions per round: {rows}.").format(
        rows="; ".join(
            f"{label}: {counted(len(values), tr('{n} position'), tr('{n} positions'))}"
            for label, values, _ in frames
        )
    )
    return Chart(rounds_chart_name(record.number), alt, functools.partial(charts.frames_chart, frames, lang))


def frames_chart_name(number: int) -> str:
    return f"charts/statement-{number:02d}-frames.png"


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
    # Ordet: who was given the floor, by region and in order; None when nobody was.
    floor_text: str | None = None
    # Approved comments from phones: [("Kommentar från mitten", [texts])], in line order.
    phone_comments: list[tuple[str, list[str]]] = field(default_factory=list)
    # The replay's still frames (first, midway, final), and their chart: None
    # when nobody changed their answer.
    frames: Frames | None = None
    frames_chart: Chart | None = None
    # "Fråga igen": each round's counts and mean, and who moved between the
    # last two rounds (by pseudonym); None when it was asked once.
    rounds_text: str | None = None
    # "Fråga igen": the rounds' final positions side by side (one row each); None when asked once.
    rounds_chart: Chart | None = None
    # The statement in its other languages: "English: …; Lättläst svenska: …"; None: one language.
    texts_text: str | None = None
    # The line under the chart: the minutes ("Protokollsanteckning") when
    # written, in place of the automatic summary; else the summary.
    summary_label: str = ""
    summary_line: str = ""

    @property
    def positions_chart(self) -> Chart:
        """What the documents show under the counts: the three frames when
        people moved (their last row is the final positions: the strip would
        only repeat it), else the strip of final positions."""
        return self.frames_chart or self.strip


@dataclass(frozen=True)
class BarometerView:
    lang: str
    labels: dict[str, str]
    statements: list[StatementView]
    # Inches: the HTML export crops the frames chart one row at a time.
    frame_size: tuple[float, float] = (charts.FRAMES_WIDTH, charts.FRAME_ROW_HEIGHT)


def build_view(record: BarometerRecord, lang: str, tr: Callable[[str], str]) -> BarometerView:
    labels = {
        "summary": tr("Summary"),
        "minutes": tr("Minutes note"),
        "movement": tr("Movement"),
        "rounds": tr("Rounds"),
        "texts": tr("In other languages"),
        "comment": tr("Comment"),
        "no_statements": tr("No statements were shown."),
        "floor": tr("The floor"),
        "replay": tr("Replay"),
        "frames_caption": tr("everyone's first position, the room halfway through, the final positions."),
        "scale": [tr("Disagree"), tr("Middle"), tr("Agree")],
        "frames": [
            ("first", tr("First positions")),
            ("middle", tr("Midway")),
            ("final", tr("Final positions")),
        ],
    }
    return BarometerView(lang, labels, [_statement_view(s, lang, tr, labels) for s in record.statements])


def _statement_view(record: StatementRecord, lang: str, tr, labels: dict) -> StatementView:
    values, passes = record.values, record.passes
    summary = verbal_summary(values, passes)
    moved = movement(record.history)
    strip = Chart(
        strip_chart_name(record.number),
        charts.alt_text_strip(values, passes, lang),
        functools.partial(charts.statement_strip, values, passes, lang),
    )
    stills = replay_frames(record.history)
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
                counted(len(values), tr("{n} position"), tr("{n} positions")),
                counted(passes, tr("{n} pass"), tr("{n} passes")),
            ]
        ),
        summary=summary,
        summary_text=summary.text(lang),
        movement=moved,
        movement_text=_movement_sentence(moved, lang, tr),
        strip=strip,
        movement_chart=movement_chart if moved.moved > 0 else None,
        floor_text=_floor_sentence(record, tr),
        phone_comments=[
            (comment_label(region, tr), [c.text for c in comments])
            for region, comments in by_region(record.phone_comments)
        ],
        frames=stills,
        frames_chart=_frames_chart(record.number, stills, lang, labels),
        rounds_text=rounds_sentence(record, lang, tr),
        rounds_chart=_rounds_chart(record, lang, tr),
        texts_text="; ".join(f"{tr(TEXT_LANGUAGE_NAMES[k])}: {v}" for k, v in record.texts.items()) or None,
        **_summary_line(record, summary.text(lang), labels),
    )


def _summary_line(record: StatementRecord, summary_text: str, labels: dict) -> dict:
    """The minutes when written (cleared minutes are none), else the automatic summary."""
    if record.minutes and record.minutes["text"]:
        return {"summary_label": labels["minutes"], "summary_line": record.minutes["text"]}
    return {"summary_label": labels["summary"], "summary_line": summary_text}


# The languages' names, in the export's language.
TEXT_LANGUAGE_NAMES = {"en": N_("English"), "sv-x-lattlast": N_("Easy-read Swedish")}


def _round_part(number: int, final: dict, lang: str, tr) -> str:
    values = [v for v in final.values() if v is not None]
    text = tr("round {round}: {positions}").format(
        round=number, positions=counted(len(values), tr("{n} position"), tr("{n} positions"))
    )
    if values:
        text += ", " + tr("mean {mean}").format(mean=charts.format_number(sum(values) / len(values), lang))
    return text


def _value(value, tr) -> str:
    return tr("pass") if value is None else str(value)


def rounds_sentence(record: StatementRecord, lang: str, tr) -> str | None:
    """ "Omgång 1: 5 positioner, medel 40; omgång 2: … 2 flyttade sig mellan
    omgång 1 och 2: P1 (20 → 70), P3 (pass → 50)." None when asked once."""
    if not record.rounds:
        return None
    finals = [(r.round, r.final) for r in record.rounds] + [(record.round, record.final)]
    text = "; ".join(_round_part(n, final, lang, tr) for n, final in finals)
    text = text[0].upper() + text[1:] + "."
    (before_n, before), (after_n, after) = finals[-2], finals[-1]
    moved = between_rounds(before, after)
    if not moved:
        return text + " " + tr("Nobody moved between round {a} and {b}.").format(a=before_n, b=after_n)
    who = ", ".join(f"{pseudonym(p)} ({_value(a, tr)} → {_value(b, tr)})" for p, a, b in moved)
    return (
        text
        + " "
        + tr("{n} moved between round {a} and {b}: {who}.").format(
            n=len(moved), a=before_n, b=after_n, who=who
        )
    )


def _floor_sentence(record: StatementRecord, tr) -> str | None:
    """ "2 från håller inte med-sidan (1 min 5 s), 1 från mitten (50 s); i tur
    och ordning: …". Protected turns are counted and timed apart, unattributed."""
    if not record.turns:
        return None
    counts, order = spoken(record.turns)
    seconds = seconds_heard(record.turns)
    timed = {shown_region(t) for t in record.turns if t.until is not None}
    per_region = ", ".join(
        _heard_part(r, n, seconds[r] if r in timed else None, tr) for r, n in counts.items() if n
    )
    return tr("{counts}; in speaking order: {order}.").format(
        counts=per_region, order=", ".join(tr(REGION_NAMES[r]) for r in order)
    )


def _frames_chart(number: int, f: Frames, lang: str, labels: dict) -> Chart | None:
    if f.first == f.final:
        return None  # nobody changed their answer: the strip already says it all
    frames = tuple(
        (label, tuple(frame.values), frame.passes)
        for (_, label), frame in zip(labels["frames"], (f.first, f.middle, f.final))
    )
    return Chart(
        frames_chart_name(number),
        charts.alt_text_frames(frames, lang),
        functools.partial(charts.frames_chart, frames, lang),
    )


def _movement_sentence(m: Movement, lang: str, tr) -> str:
    """Two people are "båda" (both), never "alla 2" (all 2)."""
    if m.participants == 0:
        return tr("No movement recorded.")
    if m.moved == 0:
        if m.participants == 1:
            return tr("Nobody moved: the one person kept their first position.")
        if m.participants == 2:
            return tr("Nobody moved: both kept their first position.")
        return tr("Nobody moved: {participants} kept their first position.").format(
            participants=m.participants
        )
    counts = dict(up=m.towards_agree, down=m.towards_disagree, shift=charts.format_shift(m.mean_shift, lang))
    if m.moved == m.participants == 2:
        return tr(
            "Both moved: {up} towards agree, {down} towards disagree (mean shift {shift} points)."
        ).format(**counts)
    return tr(
        "{moved} of {participants} moved: {up} towards agree, {down} towards disagree "
        "(mean shift {shift} points)."
    ).format(moved=m.moved, participants=m.participants, **counts)


def all_charts(view: BarometerView) -> list[Chart]:
    """Every statement's positions chart, then every movement chart: the HTML
    export's chart ids have always counted in that order."""
    return (
        [s.positions_chart for s in view.statements]
        + [s.movement_chart for s in view.statements if s.movement_chart]
        + [s.rounds_chart for s in view.statements if s.rounds_chart]  # after: earlier ids stay
    )


def summary_charts(view: BarometerView) -> list[Chart]:
    """The strips, and the rounds of a statement asked again, drawn through a cache (see _live_strip)."""
    return [
        replace(
            s.strip, draw=functools.partial(_live_strip, tuple(s.record.values), s.record.passes, view.lang)
        )
        for s in view.statements
    ] + [
        replace(s.rounds_chart, draw=functools.partial(_live_rounds, s.rounds_chart.draw.args[0], view.lang))
        for s in view.statements
        if s.rounds_chart
    ]


@functools.lru_cache(maxsize=128)
def _live_rounds(frames: tuple, lang: str, fmt: str = "svg") -> bytes:
    """A closed round never changes: the summary page's polls draw it once."""
    return charts.frames_chart(frames, lang, fmt)


@functools.lru_cache(maxsize=512)
def _live_strip(values: tuple[int, ...], passes: int, lang: str, fmt: str) -> bytes:
    # A closed statement never changes, so a live page re-polling every few
    # seconds only pays for the charts of the statement that is open.
    return charts.statement_strip(list(values), passes, lang, fmt)
