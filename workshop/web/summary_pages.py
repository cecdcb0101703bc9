"""The summary ("Sammanfattning") in the facilitator console, live during and
after the workshop.

    GET /console/<id>/summary               the page shell (public, no data)
    GET /api/workshops/<id>/summary.html    the content, as an HTML fragment

Pages never embed keys (the key lives in the URL fragment), so the shell is
public and static/js/summary.js fetches the fragment with the facilitator
key, every few seconds while the workshop is live. The fragment is
server-rendered with autoescape on: every user text in it is escaped here,
once; only our own chart SVGs are passed through as Markup. Auth is the same
as the exports (Bearer facilitator key / admin token, or ?key=).
"""
from __future__ import annotations

import functools
import itertools

from flask import Blueprint, g, make_response, render_template
from flask_babel import get_locale

from ..domain.appendix import Appendix
from ..render import charts
from ..render.appendix_view import AppendixView, build_view
from ..render.export_html import inline_svg
from ..render.offload import run_off_loop
from .api_export import no_store, require_facilitator, requested_language
from .context import store
from .pages import _page, _workshop_or_404
from .svg_styles import presentation_attributes

bp = Blueprint("summary_pages", __name__)

# (format, label): format names, the same in every language.
EXPORTS = [("pdf", "PDF"), ("docx", "Word (DOCX)"), ("html", "HTML"), ("md", "Markdown"),
           ("csv", "CSV"), ("json", "JSON")]


@functools.lru_cache(maxsize=512)
def _strip_svg(values: tuple[int, ...], passes: int, lang: str) -> bytes:
    # A closed statement never changes, so a live page re-polling every few
    # seconds only pays for the charts of the statement that is open.
    svg = charts.statement_strip(list(values), passes, lang, "svg")
    return presentation_attributes(svg.decode("utf-8")).encode("utf-8")  # the page's CSP drops style=""


def summary_parts(appendix: Appendix, lang: str) -> tuple[AppendixView, dict[int, bytes]]:
    """The view and each statement's strip chart (SVG): pure, runs in the pool."""
    view = build_view(appendix, lang)
    strips = {s.record.id: _strip_svg(tuple(s.record.values), s.record.passes, view.lang)
              for s in view.statements}
    return view, strips


@bp.get("/console/<workshop_id>/summary")
def summary_page(workshop_id):
    workshop = _workshop_or_404(workshop_id)
    return _page("summary.html", workshop=workshop, exports=EXPORTS)


@bp.get("/api/workshops/<workshop_id>/summary.html")
def summary_fragment(workshop_id):
    workshop = store().workshop(workshop_id)
    require_facilitator(workshop)
    g.workshop_language = workshop["language"]
    requested_language(workshop)  # 400 for a language we do not speak
    # The page's language (?lang=, cookie, browser, workshop), so the
    # fragment's labels and the template's own strings agree.
    lang = str(get_locale() or workshop["language"])
    appendix = store().appendix(workshop_id)
    view, strips = run_off_loop(summary_parts, appendix, lang)
    ids = (f"summary-chart-{i}" for i in itertools.count(1))
    charts_ = {s.record.id: inline_svg(strips[s.record.id], s.strip_alt, next(ids))
               for s in view.statements}
    html = render_template("_summary_fragment.html", v=view, L=view.labels, strips=charts_,
                           workshop=workshop)
    return no_store(make_response(html))
