"""JSON export: everything, machine-readable.

Keys are stable English identifiers whatever the export language; ``lang``
only chooses ``title``, ``summary_text`` and ``movement_text``. Both language
versions of every summary are included under ``summary``.
"""
from __future__ import annotations

import json
from dataclasses import asdict

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import StatementView, TopicView, build_view, pseudonym

FORMAT_VERSION = 1


def render_json(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    a = appendix
    doc = {
        "format": "workshop-appendix",
        "version": FORMAT_VERSION,
        "lang": view.lang,
        "title": view.title,
        "workshop": {
            "title": a.title, "code": a.code, "language": a.language,
            "created_at": a.created_at, "date": a.date, "participants": a.participants,
        },
        "statements": [_statement(s) for s in view.statements],
        "openspace": {
            "theme": a.openspace.theme,
            "spaces": [asdict(s) for s in a.openspace.spaces],
            "slots": [asdict(s) for s in a.openspace.slots],
            "topics": [_topic(tv) for tv in view.topics],
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def _statement(s: StatementView) -> dict:
    r = s.record
    return {
        "id": r.id,
        "number": r.number,
        "text": r.text,
        "opened_at": r.opened_at,
        "closed_at": r.closed_at,
        "values": r.values,
        "passes": r.passes,
        "final": {pseudonym(p): v for p, v in sorted(r.final.items())},
        "summary": s.summary.as_dict(),
        "summary_text": s.summary_text,
        "movement": s.movement.as_dict(),
        "movement_text": s.movement_text,
        "comments": [asdict(c) for c in r.comments],
        "history": [{"participant": pseudonym(h.participant), "value": h.value, "at": h.at}
                    for h in r.history],
    }


def _topic(tv: TopicView) -> dict:
    d = asdict(tv.topic)  # notes become plain dicts too; convener None = anonymous
    d["place"] = tv.place  # "Stora salen, 13:00 Pass 1", as printed
    return d
