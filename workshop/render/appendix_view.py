"""What every export format shows, computed once.

The export modules (PDF, DOCX, HTML, Markdown, CSV, JSON) only lay out what
is built here: the title, translated labels, each statement's summary,
movement and chart alt texts, the agenda wall as a grid, and the notes of
each Open Space topic grouped by kind. Charts are rendered lazily, once per
format, and shared by everything that embeds them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from workshop.domain.appendix import NOTE_KINDS, Appendix, Note, StatementRecord, Topic
from workshop.domain.summary import Movement, Summary, movement, verbal_summary
from workshop.i18n import normalise_language, translator
from workshop.render import charts

# File names inside the zip exports (and the HTML/Markdown image links).
MARKDOWN_FILE = "appendix.md"
CSV_FILES = ("positions.csv", "comments.csv", "statements.csv", "topics.csv", "notes.csv")


def strip_chart_name(number: int) -> str:
    return f"charts/statement-{number:02d}.png"


def movement_chart_name(number: int) -> str:
    return f"charts/statement-{number:02d}-movement.png"


HEADCOUNT_CHART_NAME = "charts/openspace-headcount.png"


def pseudonym(participant: int) -> str:
    """Participants are only ever numbers; shown as "P12"."""
    return f"P{participant}"


def export_language(lang: str | None) -> str:
    return normalise_language(lang) or "sv"


def title_for(appendix: Appendix, lang: str) -> str:
    t = translator(lang)
    return t("Appendix – Opinion barometer and Open Space – {title}, {date}").format(
        title=appendix.title, date=appendix.date)


def download_name(appendix: Appendix, lang: str, ext: str) -> str:
    """e.g. 'bilaga-KF7Q-2026-11-20.pdf': safe in any file system."""
    stem = "bilaga" if export_language(lang) == "sv" else "appendix"
    code = re.sub(r"[^A-Za-z0-9-]", "", appendix.code) or "workshop"
    return f"{stem}-{code}-{appendix.date}.{ext}"


def labels_for(t: Callable[[str], str]) -> dict[str, str]:
    """Headings and field labels, translated once per export."""
    return {
        "barometer": t("Opinion barometer"),
        "open_space": t("Open Space"),
        "workshop": t("Workshop"),
        "code": t("Code"),
        "date": t("Date"),
        "participants": t("Participants"),
        "contents": t("Contents"),
        "summary": t("Summary"),
        "movement": t("Movement"),
        "comment": t("Comment"),
        "no_statements": t("No statements were shown."),
        "theme": t("Theme"),
        "wall": t("The agenda wall as held"),
        "time": t("Time"),
        "break": t("Coffee break"),
        "convener": t("Convener"),
        "anonymous": t("anonymous"),
        "place": t("Place"),
        "peak": t("Peak headcount"),
        "interest": t("Interest"),
        "votes": t("Votes"),
        "no_notes": t("No notes."),
        "headcount_chart": t("Headcount and interest"),
        "page": t("Page {page} of {pages}"),
    }


def note_kind_headings(t: Callable[[str], str]) -> dict[str, str]:
    return {
        "text": t("Notes"),
        "key_point": t("Key points"),
        "proposal": t("Proposals and next steps"),
        "question": t("Open questions"),
    }


@dataclass(frozen=True)
class StatementView:
    record: StatementRecord
    heading: str  # "3. Vi i Värmland bör …"
    counts: str  # "12 positioner, 2 pass"
    summary: Summary
    summary_text: str  # the export language's phrase
    movement: Movement
    movement_text: str
    strip_alt: str
    movement_alt: str

    @property
    def has_movement_chart(self) -> bool:
        # Flat lines only would say nothing the sentence does not.
        return self.movement.moved > 0


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


@dataclass
class ChartSet:
    strips: dict[int, bytes]  # statement id -> chart
    movements: dict[int, bytes]
    headcount: bytes | None


@dataclass
class AppendixView:
    appendix: Appendix
    lang: str
    t: Callable[[str], str]
    title: str
    labels: dict[str, str]
    facts: list[tuple[str, str]]
    statements: list[StatementView]
    topics: list[TopicView]
    wall_spaces: list[str]
    wall_rows: list[WallRow]
    headcount_alt: str
    _charts: dict[str, ChartSet] = field(default_factory=dict, repr=False)

    @property
    def has_openspace(self) -> bool:
        os_ = self.appendix.openspace
        return bool(os_.topics or os_.theme or os_.slots)

    def charts(self, fmt: str) -> ChartSet:
        """Every chart in ``fmt`` ("png" | "svg"), rendered once per view."""
        if fmt not in self._charts:
            self._charts[fmt] = ChartSet(
                strips={
                    s.record.id: charts.statement_strip(s.record.values, s.record.passes, self.lang, fmt)
                    for s in self.statements
                },
                movements={
                    s.record.id: charts.movement_chart(s.movement.pairs, self.lang, fmt)
                    for s in self.statements if s.has_movement_chart
                },
                headcount=charts.headcount_chart(self.appendix.openspace.topics, self.lang, fmt)
                if self.appendix.openspace.topics else None,
            )
        return self._charts[fmt]


def build_view(appendix: Appendix, lang: str) -> AppendixView:
    lang = export_language(lang)
    t = translator(lang)
    labels = labels_for(t)
    os_ = appendix.openspace
    return AppendixView(
        appendix=appendix,
        lang=lang,
        t=t,
        title=title_for(appendix, lang),
        labels=labels,
        facts=[
            (labels["workshop"], appendix.title),
            (labels["date"], appendix.date),
            (labels["code"], appendix.code),
            (labels["participants"], str(appendix.participants)),
        ],
        statements=[_statement_view(s, lang, t) for s in appendix.statements],
        topics=[_topic_view(tp, appendix, labels, t) for tp in os_.topics],
        wall_spaces=[s.name for s in os_.spaces],
        wall_rows=_wall_rows(appendix, labels),
        headcount_alt=charts.alt_text_headcount(os_.topics, lang),
    )


def _statement_view(record: StatementRecord, lang: str, t) -> StatementView:
    values, passes = record.values, record.passes
    summary = verbal_summary(values, passes)
    moved = movement(record.history)
    return StatementView(
        record=record,
        heading=f"{record.number}. {record.text}",
        counts=", ".join([charts.counted(len(values), t("{n} position"), t("{n} positions")),
                          charts.counted(passes, t("{n} pass"), t("{n} passes"))]),
        summary=summary,
        summary_text=summary.text(lang),
        movement=moved,
        movement_text=_movement_sentence(moved, lang, t),
        strip_alt=charts.alt_text_strip(values, passes, lang),
        movement_alt=charts.alt_text_movement(moved.pairs, lang),
    )


def _movement_sentence(m: Movement, lang: str, t) -> str:
    if m.participants == 0:
        return t("No movement recorded.")
    if m.moved == 0:
        return t("Nobody moved: {participants} kept their first position.").format(
            participants=m.participants)
    return t("{moved} of {participants} moved: {up} towards agree, {down} towards disagree "
             "(mean shift {shift} points).").format(
        moved=m.moved, participants=m.participants, up=m.towards_agree,
        down=m.towards_disagree, shift=charts.format_shift(m.mean_shift, lang))


def _slot_label(slot) -> str:
    return f"{slot.starts_at} {slot.label}".strip()


def _topic_view(topic: Topic, appendix: Appendix, labels: dict[str, str], t) -> TopicView:
    spaces = {s.id: s.name for s in appendix.openspace.spaces}
    slots = {s.id: _slot_label(s) for s in appendix.openspace.slots}
    place = ", ".join(p for p in (spaces.get(topic.space), slots.get(topic.slot)) if p)
    convener = topic.convener or labels["anonymous"]
    facts = [(labels["convener"], convener)]
    if place:
        facts.append((labels["place"], place))
    facts += [
        (labels["peak"], str(topic.peak)),
        (labels["interest"], str(topic.interest)),
        (labels["votes"], str(topic.votes)),
    ]
    headings = note_kind_headings(t)
    groups = []
    for kind in NOTE_KINDS:
        notes = [NoteLine(n, _note_detail(n, t)) for n in topic.notes if n.kind == kind]
        if notes:
            groups.append(NoteGroup(kind, headings[kind], notes))
    known = set(NOTE_KINDS)  # a kind added later must not vanish from the appendix
    stray = [NoteLine(n, _note_detail(n, t)) for n in topic.notes if n.kind not in known]
    if stray:
        groups.append(NoteGroup("other", headings["text"], stray))
    return TopicView(topic, convener, place, facts, groups)


def _note_detail(note: Note, t) -> str:
    parts = []
    if note.who:
        parts.append(t("Who: {who}").format(who=note.who))
    if note.when:
        parts.append(t("When: {when}").format(when=note.when))
    return ", ".join(parts)


def _wall_rows(appendix: Appendix, labels: dict[str, str]) -> list[WallRow]:
    os_ = appendix.openspace
    rows = []
    for slot in sorted(os_.slots, key=lambda s: s.starts_at):
        is_break = slot.kind == "break"
        cells = [
            [tp.title for tp in os_.topics if tp.slot == slot.id and tp.space == space.id]
            for space in os_.spaces
        ]
        rows.append(WallRow(_slot_label(slot), is_break, [] if is_break else cells))
    return rows
