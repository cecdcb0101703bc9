"""JSON export: everything, machine-readable.

The shared keys (format, version, lang, title, workshop) are written here;
each method's ``json`` hook adds its own top-level keys. Keys are stable
English identifiers whatever the export language; ``lang`` only chooses the
texts meant for reading (title, summary and movement sentences).
"""

from __future__ import annotations

import json

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import build_view, merged

FORMAT_VERSION = 1


def render_json(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    a = appendix
    doc = merged(
        [
            {
                "format": "workshop-appendix",
                "version": FORMAT_VERSION,
                "lang": view.lang,
                "title": view.title,
                "workshop": {
                    "title": a.title,
                    "code": a.code,
                    "language": a.language,
                    "created_at": a.created_at,
                    "date": a.date,
                    "participants": a.participants,
                },
            },
            *(part.section.json(part.view) for part in view.parts),
        ]
    )
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
