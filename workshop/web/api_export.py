"""HTTP: the appendix ("bilaga") as a download.

    GET /api/workshops/<id>/export.<fmt>    fmt: pdf, docx, html, md, csv, json
        ?lang=sv|en   the export's language (default: the workshop's own)

Who: the facilitator key or the admin token, as ``Authorization: Bearer``
(a projector key gets 403, no key 401). A plain browser link cannot send a
header, so these GETs (and the summary fragment, see summary_pages.py) also
accept ``?key=<facilitator key>``. Only the facilitator key, never the admin
token: a key in a URL can end up in browser history and access logs, so the
one that travels is the one that only opens this workshop. The response is
marked no-store so no cache keeps a copy.

The snapshot is read on the request's greenlet (fast); the rendering runs in
the thread pool (run_off_loop), so live sockets never wait for a PDF.
"""

from __future__ import annotations

import time
from importlib import import_module

from flask import Blueprint, Response, request

from workshop.auth import FACILITATOR
from workshop.domain.errors import Invalid, NotFound
from workshop.i18n import normalise_language
from workshop.render.appendix_view import download_name
from workshop.render.offload import run_off_loop
from workshop.web.access import requires
from workshop.web.context import hub, store

bp = Blueprint("api_export", __name__, url_prefix="/api/workshops/<workshop_id>")

# format -> (renderer "module:function" in workshop.render, Content-Type, file extension).
# Renderers are imported on first use: matplotlib, fpdf2 and python-docx take
# ~1.3 s of CPU to import, which a restarted server should spend on taking
# its phones back, not on a PDF nobody asked for yet (docs/performance.md).
FORMATS = {
    "pdf": ("export_pdf:render_pdf", "application/pdf", "pdf"),
    "docx": (
        "export_docx:render_docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
    ),
    "html": ("export_html:render_html", "text/html; charset=utf-8", "html"),
    "md": ("export_markdown:render_markdown", "application/zip", "md.zip"),  # appendix.md + chart PNGs
    "csv": ("export_csv:render_csv", "application/zip", "csv.zip"),  # one CSV per table
    "json": ("export_json:render_json", "application/json; charset=utf-8", "json"),
}


def render_export(name: str, appendix, lang: str) -> bytes:
    """In the pool: the first call imports the renderer there too, off the loop."""
    module, function = name.split(":")
    return getattr(import_module(f"..render.{module}", __package__), function)(appendix, lang)


def requested_language(workshop: dict) -> str:
    raw = request.args.get("lang")
    if raw is None:
        return normalise_language(workshop["language"]) or "sv"
    lang = normalise_language(raw)
    if lang is None:
        raise Invalid("lang must be sv or en.")
    return lang


def no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@bp.get("/export.<fmt>")
@requires(FACILITATOR, links=True)
def export(workshop, fmt):
    if fmt not in FORMATS:
        raise NotFound("Unknown export format: %(format)s.", format=fmt)
    name, content_type, ext = FORMATS[fmt]
    lang = requested_language(workshop)
    appendix = store().appendix(workshop["id"])  # consistent snapshot, on this greenlet
    started = time.perf_counter()
    body = run_off_loop(render_export, name, appendix, lang)  # the heavy part, in the pool
    hub().metrics.export_rendered(fmt, time.perf_counter() - started)
    # content_type, not mimetype: werkzeug adds "; charset=utf-8" to a text/*
    # mimetype, and "text/html; charset=utf-8" would get it twice.
    response = Response(body, content_type=content_type)
    name = download_name(appendix, lang, ext)
    response.headers["Content-Disposition"] = f"attachment; filename={name}"
    if fmt == "html":
        # The export is self-contained; opened from our origin it must still run nothing.
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        )
    return no_store(response)
