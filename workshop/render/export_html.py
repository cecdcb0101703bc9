"""HTML export: one self-contained, accessible page.

Charts are inline SVG (no image files, no external resources) with
role="img" and a <title> carrying the alt text. The template is rendered
with autoescape on, so statement texts, comments and notes are always
escaped; only our own matplotlib SVG is passed through as Markup. The page
frame is templates/export/appendix.html; each method's section is its
``html_template``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import build_view
from workshop.render.charts import Chart
from workshop.render.svg_styles import presentation_attributes

# The app's template root, so the export shares partials with the summary page.
TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "templates"
TEMPLATE_NAME = "export/appendix.html"

# Everything before the <svg> element (XML declaration, DOCTYPE) and the RDF
# metadata block are not wanted inside an HTML document.
_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_SVG_OPEN = re.compile(r"<svg\b([^>]*)>")
_SIZE_ATTR = re.compile(r'\s(?:width|height)="[^"]*"')


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=True,
        trim_blocks=False,
        undefined=jinja2.StrictUndefined,  # a missing field is a bug, not an empty string
    )


def inline_svg(svg: bytes, alt: str, chart_id: str, css_class: str = "chart") -> Markup:
    """matplotlib SVG -> an accessible <svg> element for embedding in HTML."""
    text = _METADATA.sub("", _PROLOGUE.sub("", svg.decode("utf-8"), count=1), count=1)

    def opening(match: re.Match) -> str:
        attrs = _SIZE_ATTR.sub("", match.group(1))  # size comes from CSS + viewBox
        return (
            f'<svg{attrs} class="{css_class}" role="img" aria-labelledby="{chart_id}">'
            f'<title id="{chart_id}">{escape(alt)}</title>'
        )

    return Markup(_SVG_OPEN.sub(opening, text, count=1))


def svg_charts(charts: Iterable[Chart], id_prefix: str, *, strict_csp: bool = False) -> dict[str, Markup]:
    """Chart.file -> the chart drawn as inline SVG, numbered '<id_prefix>-1', ... in order.

    strict_csp: for our own pages, whose CSP drops style attributes and
    elements (the export file allows them): styles become presentation attributes."""
    ids = (f"{id_prefix}-{i}" for i in itertools.count(1))

    def drawn(chart: Chart) -> bytes:
        svg = chart.draw("svg")
        return presentation_attributes(svg.decode("utf-8")).encode("utf-8") if strict_csp else svg

    return {
        c.file: inline_svg(drawn(c), c.alt, next(ids), "chart chart-narrow" if c.narrow else "chart")
        for c in charts
    }


def render_html(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    charts = svg_charts((c for part in view.shown for c in part.section.charts(part.view)), "chart")
    html = _environment().get_template(TEMPLATE_NAME).render(v=view, L=view.labels, charts=charts)
    return html.encode("utf-8")
