"""JSON export: everything, machine-readable.

The shared keys (format, version, lang, title, workshop) are written here;
each method's ``json`` hook adds its own top-level keys. Keys are stable
English identifiers whatever the export language; ``lang`` only chooses the
texts meant for reading (title, summary and movement sentences).

``document`` is also what justering hashes (``appendix_digest``): the
document in the workshop's own language, without the ``approval`` block,
written as canonical JSON (``workshop.domain.justering``).
"""

from __future__ import annotations

import json

from workshop.domain import justering
from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import approval_text, build_view, merged

FORMAT_VERSION = 1


def document(appendix: Appendix, lang: str) -> dict:
    """The export's document without the approval block (what is hashed)."""
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
    return doc


def appendix_digest(appendix: Appendix) -> tuple[str, str]:
    """(canonical JSON, SHA-256 hex) of the appendix, in the workshop's own language."""
    return justering.digest(document(appendix, appendix.language))


def render_json(appendix: Appendix, lang: str) -> bytes:
    doc = document(appendix, lang)
    approval = appendix.approval
    if approval is not None:
        doc["approval"] = {
            "version": approval.version,
            "sha256": approval.sha256,
            "approved_by": list(approval.names),
            "approved_at": approval.approved_at,
            "text": approval_text(approval, lang),
        }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
