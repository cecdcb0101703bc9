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

from flask import Blueprint, Response, request

from ..auth import FACILITATOR, requires
from ..domain.errors import Invalid, NotFound
from ..i18n import normalise_language
from ..render.appendix_view import download_name
from ..render.export_csv import render_csv
from ..render.export_docx import render_docx
from ..render.export_html import render_html
from ..render.export_json import render_json
from ..render.export_markdown import render_markdown
from ..render.export_pdf import render_pdf
from ..render.offload import run_off_loop
from .context import store

bp = Blueprint("api_export", __name__, url_prefix="/api/workshops/<workshop_id>")

# format -> (renderer, mimetype, file extension)
FORMATS = {
    "pdf": (render_pdf, "application/pdf", "pdf"),
    "docx": (render_docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "html": (render_html, "text/html; charset=utf-8", "html"),
    "md": (render_markdown, "application/zip", "md.zip"),  # appendix.md + chart PNGs
    "csv": (render_csv, "application/zip", "csv.zip"),  # one CSV per table
    "json": (render_json, "application/json; charset=utf-8", "json"),
}


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
    render, mimetype, ext = FORMATS[fmt]
    lang = requested_language(workshop)
    appendix = store().appendix(workshop["id"])  # consistent snapshot, on this greenlet
    body = run_off_loop(render, appendix, lang)  # the heavy part, in the pool
    response = Response(body, mimetype=mimetype)
    name = download_name(appendix, lang, ext)
    response.headers["Content-Disposition"] = f"attachment; filename={name}"
    if fmt == "html":
        # The export is self-contained; opened from our origin it must still run nothing.
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        )
    return no_store(response)
