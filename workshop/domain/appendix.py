"""The appendix ("bilaga"): a read-only snapshot of one workshop, as plain data.

The storage layer builds it (``Store.appendix``); the summary page and every
export format read it. Nothing here touches Flask, Socket.IO or SQL, so the
renderers can run in a worker thread on a snapshot that no live write can
change under them.

Only what every workshop has lives here. Each method (barometer, Open Space,
...) adds its own frozen record under its name in ``sections``; the shared
core never looks inside one: the method's appendix section does (see
workshop.render.section).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Approval:
    """The adjusters' approval of the finalised version (justering): every
    export carries it, "Justerad av <names>, <date>" and the hash."""

    version: int
    sha256: str  # of the canonical JSON without this block (domain/justering.py)
    names: tuple[str, ...]
    approved_at: str  # ISO 8601, UTC: the last approval


@dataclass(frozen=True)
class Appendix:
    title: str
    code: str
    language: str  # "sv" | "en": the workshop's own language
    created_at: str  # ISO 8601, UTC
    date: str  # YYYY-MM-DD, the day the workshop was held
    participants: int
    sections: dict[str, object] = field(default_factory=dict)  # method name -> its record
    # Each method's AppendixSection (workshop.render.section), in the registry's
    # order: how the renderers read and lay out its record. The store hands
    # them on with the records it read through them, so rendering needs no
    # registry of its own (it runs in a worker thread, off the app).
    section_types: tuple = ()
    approval: Approval | None = None  # set once every adjuster approved the latest version
