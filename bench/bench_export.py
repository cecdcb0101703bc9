"""Export benchmark: a big workshop, every format, best of three.

    .venv/bin/python bench/bench_export.py [--repeat 3] [--lang sv]

Synthetic appendix: 20 statements x 500 participants (a third of them move
during discussion, one in twenty passes), and an Open Space with 40 topics in
5 spaces x 8 slots, each topic with notes of every kind. Targets on the
2-core reference machine: PDF < 5 s, DOCX < 3 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workshop.barometer.record import (  # noqa: E402
    BarometerRecord,
    Comment,
    PositionChange,
    StatementRecord,
)
from workshop.domain.appendix import Appendix  # noqa: E402
from workshop.openspace.record import Note, OpenSpaceRecord, Slot, Space, Topic  # noqa: E402
from workshop.render.export_csv import render_csv  # noqa: E402
from workshop.render.export_docx import render_docx  # noqa: E402
from workshop.render.export_html import render_html  # noqa: E402
from workshop.render.export_json import render_json  # noqa: E402
from workshop.render.export_markdown import render_markdown  # noqa: E402
from workshop.render.export_pdf import render_pdf  # noqa: E402

STATEMENTS, PARTICIPANTS, TOPICS = 20, 500, 40
TARGETS = {"pdf": 5.0, "docx": 3.0}
RENDERERS = {
    "pdf": render_pdf,
    "docx": render_docx,
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
}
WORDS = (
    "samverkan idéburna organisationer överenskommelse region Värmland folkhälsa "
    "kommunikation projektledning ekonomi struktur förankring uppföljning"
).split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def _statement(rng: random.Random, number: int) -> StatementRecord:
    centre = rng.randint(15, 85)
    final, history = {}, []
    for p in range(1, PARTICIPANTS + 1):
        first = max(0, min(100, int(rng.gauss(centre, 22))))
        history.append(PositionChange(p, first, f"2026-11-20T10:{number:02d}:00Z"))
        value: int | None = first
        if rng.random() < 0.33:
            value = max(0, min(100, first + rng.randint(-40, 40)))
        if rng.random() < 0.05:
            value = None
        if value != first:
            history.append(PositionChange(p, value, f"2026-11-20T10:{number:02d}:30Z"))
        final[p] = value
    return StatementRecord(
        id=number,
        number=number,
        text=_text(rng, 14),
        final=final,
        history=history,
        comments=[Comment(_text(rng, 25), "2026-11-20T10:40:00Z") for _ in range(rng.randint(0, 3))],
    )


def _topic(rng: random.Random, i: int, spaces: int, session_slots: list[int]) -> Topic:
    notes = []
    for j, kind in enumerate(["text", "text", "key_point", "key_point", "proposal", "question"]):
        notes.append(
            Note(
                i * 10 + j,
                i,
                kind,
                _text(rng, rng.choice([12, 40, 150])),
                "2026-11-20T14:00:00Z",
                who="Arbetsgruppen" if kind == "proposal" else None,
                when="mars" if kind == "proposal" else None,
            )
        )
    return Topic(
        i,
        _text(rng, 4),
        _text(rng, 20),
        convener=None if i % 5 == 0 else f"Person {i}",
        space=i % spaces + 1,
        slot=session_slots[i // spaces % len(session_slots)],
        interest=rng.randint(0, 40),
        peak=rng.randint(0, 35),
        votes=rng.randint(0, 15),
        notes=notes,
    )


def build() -> Appendix:
    rng = random.Random(2026)
    spaces = [Space(i, f"Rum {i}") for i in range(1, 6)]
    slots = [
        Slot(i, f"Pass {i}", f"{12 + i}:00", 50, kind="break" if i == 3 else "session") for i in range(1, 10)
    ]
    session_slots = [s.id for s in slots if s.kind == "session"]
    return Appendix(
        title="Syntetisk storträff",
        code="BENCH",
        language="sv",
        created_at="2026-11-20T08:00:00Z",
        date="2026-11-20",
        participants=PARTICIPANTS,
        sections={
            "barometer": BarometerRecord(statements=[_statement(rng, n) for n in range(1, STATEMENTS + 1)]),
            "openspace": OpenSpaceRecord(
                theme="Hur går vi vidare?",
                spaces=spaces,
                slots=slots,
                topics=[_topic(rng, i, len(spaces), session_slots) for i in range(1, TOPICS + 1)],
            ),
        },
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", default="sv")
    args = parser.parse_args()
    appendix = build()
    changes = sum(len(s.history) for s in appendix.sections["barometer"].statements)
    print(
        f"{STATEMENTS} statements x {PARTICIPANTS} participants ({changes} position changes), "
        f"{TOPICS} topics; lang={args.lang}; best of {args.repeat}; {os.cpu_count()} cores"
    )
    print(f"| {'format':<9} | {'best (s)':>8} | {'size (kB)':>9} | target |")
    print(f"|{'-' * 11}|{'-' * 10}:|{'-' * 10}:|--------|")
    failed = False
    for name, render in RENDERERS.items():
        best, size = float("inf"), 0
        for _ in range(args.repeat):
            start = time.perf_counter()
            size = len(render(appendix, args.lang))
            best = min(best, time.perf_counter() - start)
        target = TARGETS.get(name)
        verdict = "" if target is None else (f"< {target:g} s" + (" ok" if best < target else " MISSED"))
        failed |= target is not None and best >= target
        print(f"| {name:<9} | {best:8.2f} | {size / 1024:9.0f} | {verdict} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
