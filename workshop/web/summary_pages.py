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

from flask import Blueprint, make_response, render_template
from flask_babel import get_locale
from markupsafe import Markup

from workshop.auth import FACILITATOR
from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import AppendixView, build_view
from workshop.render.offload import run_off_loop
from workshop.web.access import requires
from workshop.web.api_export import no_store, requested_language
from workshop.web.context import store
from workshop.web.pages import page, workshop_or_404

bp = Blueprint("summary_pages", __name__)

# (format, label): format names, the same in every language.
EXPORTS = [
    ("pdf", "PDF"),
    ("docx", "Word (DOCX)"),
    ("html", "HTML"),
    ("md", "Markdown"),
    ("csv", "CSV"),
    ("json", "JSON"),
]


def summary_parts(appendix: Appendix, lang: str) -> tuple[AppendixView, dict[str, Markup]]:
    """The view and the inline SVG of every chart the sections' cards show:
    pure, runs in the pool."""
    # Imported here, like the export renderers (api_export.FORMATS): charts
    # bring matplotlib, which a restarting server should not wait for.
    from workshop.render.export_html import svg_charts

    view = build_view(appendix, lang)
    charts = svg_charts(
        (c for part in view.shown for c in part.section.summary_charts(part.view)),
        "summary-chart",
        strict_csp=True,
    )
    return view, charts


@bp.get("/console/<workshop_id>/summary")
def summary_page(workshop_id):
    workshop = workshop_or_404(workshop_id)
    return page("summary.html", workshop=workshop, exports=EXPORTS)


@bp.get("/api/workshops/<workshop_id>/summary.html")
@requires(FACILITATOR, links=True)
def summary_fragment(workshop):
    requested_language(workshop)  # 400 for a language we do not speak
    # The page's language (?lang=, cookie, browser, workshop), so the
    # fragment's labels and the template's own strings agree.
    lang = str(get_locale() or workshop["language"])
    appendix = store().appendix(workshop["id"])
    view, charts = run_off_loop(summary_parts, appendix, lang)
    html = render_template("_summary_fragment.html", v=view, charts=charts, workshop=workshop)
    return no_store(make_response(html))
