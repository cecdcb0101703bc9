"""Open Space's section of the appendix, computed once per export.

The agenda wall as a grid (slots down, spaces across), the headcount chart,
and per topic its facts and its notes grouped by kind.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from workshop.openspace import charts
from workshop.openspace.record import NOTE_KINDS, Note, OpenSpaceRecord, Slot, Topic
from workshop.render.charts import Chart

HEADCOUNT_CHART_NAME = "charts/openspace-headcount.png"


@dataclass(frozen=True)
class NoteLine:
    note: Note
    detail: str  # proposals: "Vem: …, När: …"; otherwise ""


@dataclass(frozen=True)
class NoteGroup:
    kind: str
    heading: str
    notes: list[NoteLine]


@dataclass(frozen=True)
class TopicView:
    topic: Topic
    convener: str
    place: str  # "Rum A, 13:00 Pass 1" or ""
    facts: list[tuple[str, str]]  # (label, value), in display order
    note_groups: list[NoteGroup]  # only kinds that have notes, in NOTE_KINDS order


@dataclass(frozen=True)
class WallRow:
    label: str  # "13:00 Pass 1"
    is_break: bool
    cells: list[list[str]]  # per space, the topic titles held there


@dataclass(frozen=True)
class OpenSpaceView:
    record: OpenSpaceRecord
    labels: dict[str, str]
    topics: list[TopicView]
    wall_spaces: list[str]
    wall_rows: list[WallRow]
    headcount: Chart | None  # None without topics


def labels_for(tr: Callable[[str], str]) -> dict[str, str]:
    return {
        "theme": tr("Theme"),
        "wall": tr("The agenda wall as held"),
        "time": tr("Time"),
        "break": tr("Coffee break"),
        "convener": tr("Convener"),
        "anonymous": tr("anonymous"),
        "place": tr("Place"),
        "peak": tr("Peak headcount"),
        "interest": tr("Interest"),
        "votes": tr("Votes"),
        "no_notes": tr("No notes."),
        "headcount_chart": tr("Headcount and interest"),
    }


def note_kind_headings(tr: Callable[[str], str]) -> dict[str, str]:
    return {
        "text": tr("Notes"),
        "key_point": tr("Key points"),
        "proposal": tr("Proposals and next steps"),
        "question": tr("Open questions"),
    }


def build_view(record: OpenSpaceRecord, lang: str, tr: Callable[[str], str]) -> OpenSpaceView:
    labels = labels_for(tr)
    headcount = None
    if record.topics:
        headcount = Chart(
            HEADCOUNT_CHART_NAME,
            charts.alt_text_headcount(record.topics, lang),
            functools.partial(charts.headcount_chart, record.topics, lang),
        )
    return OpenSpaceView(
        record=record,
        labels=labels,
        topics=[_topic_view(tp, record, labels, tr) for tp in record.topics],
        wall_spaces=[s.name for s in record.spaces],
        wall_rows=_wall_rows(record),
        headcount=headcount,
    )


def has_content(view: OpenSpaceView) -> bool:
    record = view.record
    return bool(record.topics or record.theme or record.slots)


def dot_voting(record: OpenSpaceRecord) -> bool:
    """Votes are worth a line only if dot voting was on: dots are on now, or
    someone voted before the facilitator turned them off."""
    return record.dots > 0 or any(tp.votes for tp in record.topics)


def _slot_label(slot: Slot) -> str:
    return f"{slot.starts_at} {slot.label}".strip()


def _topic_view(topic: Topic, record: OpenSpaceRecord, labels: dict[str, str], tr) -> TopicView:
    spaces = {s.id: s.name for s in record.spaces}
    slots = {s.id: _slot_label(s) for s in record.slots}
    place = ", ".join(p for p in (spaces.get(topic.space), slots.get(topic.slot)) if p)
    convener = topic.convener or labels["anonymous"]
    facts = [(labels["convener"], convener)]
    if place:
        facts.append((labels["place"], place))
    facts += [
        (labels["peak"], str(topic.peak)),
        (labels["interest"], str(topic.interest)),
    ]
    if dot_voting(record):
        facts.append((labels["votes"], str(topic.votes)))
    headings = note_kind_headings(tr)
    groups = []
    for kind in NOTE_KINDS:
        notes = [NoteLine(n, _note_detail(n, tr)) for n in topic.notes if n.kind == kind]
        if notes:
            groups.append(NoteGroup(kind, headings[kind], notes))
    known = set(NOTE_KINDS)  # a kind added later must not vanish from the appendix
    stray = [NoteLine(n, _note_detail(n, tr)) for n in topic.notes if n.kind not in known]
    if stray:
        groups.append(NoteGroup("other", headings["text"], stray))
    return TopicView(topic, convener, place, facts, groups)


def _note_detail(note: Note, tr) -> str:
    parts = []
    if note.who:
        parts.append(tr("Who: {who}").format(who=note.who))
    if note.when:
        parts.append(tr("When: {when}").format(when=note.when))
    return ", ".join(parts)


def _wall_rows(record: OpenSpaceRecord) -> list[WallRow]:
    rows = []
    for slot in sorted(record.slots, key=lambda s: s.starts_at):
        is_break = slot.kind == "break"
        cells = [
            [tp.title for tp in record.topics if tp.slot == slot.id and tp.space == space.id]
            for space in record.spaces
        ]
        rows.append(WallRow(_slot_label(slot), is_break, [] if is_break else cells))
    return rows
