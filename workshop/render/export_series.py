"""The series appendix ("workshops side by side") in every export format.

Each method's part of a series (``Method.series``) turns its data into
blocks (render/series_blocks.py); this module lays the blocks out as PDF,
DOCX, HTML, Markdown, CSV (a zip) and JSON, under the shared frame: the
series' title, its workshops, then each method's part. Runs in the pool.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from workshop.i18n import translator
from workshop.render.export_csv import _table
from workshop.render.export_html import inline_svg
from workshop.render.markdown_text import md_line
from workshop.render.series_blocks import CsvRows, Figure, Heading, Para, Table
from workshop.render.svg_styles import presentation_attributes

MARKDOWN_FILE = "series.md"


@dataclass(frozen=True)
class SeriesView:
    title: str
    lang: str
    workshops: list[dict]  # in series order: id, title, created_at
    blocks: list  # every method's blocks, in registry order
    data: dict  # JSON: each method's matched items, by key


def build(series: dict, parts: list[tuple[Callable, object]], json_parts: dict, lang: str) -> SeriesView:
    """parts: (the method's blocks function, its data); json_parts: the JSON body's keys."""
    tr = translator(lang)
    blocks = [block for make, data in parts for block in make(data, lang, tr)]
    return SeriesView(series["title"], lang, series["workshops"], blocks, json_parts)


def _labels(view: SeriesView) -> dict:
    tr = translator(view.lang)
    return {
        "title": tr("Series appendix – %(title)s") % {"title": view.title},
        "workshops": tr("Workshops in the series"),
    }


def _workshop_line(w: dict) -> str:
    return f"{w['title']} ({w['created_at'][:10]})"


# -- PDF -------------------------------------------------------------------------
def render_pdf(view: SeriesView) -> bytes:
    from workshop.render.pdf_layout import AppendixPDF, PdfWriter

    labels = _labels(view)
    pdf = AppendixPDF(
        footer_text=labels["title"][:90], page_label=translator(view.lang)("Page {page} of {pages}")
    )
    pdf.set_lang(view.lang)
    pdf.set_title(labels["title"])
    pdf.set_creator("Workshop")
    w = PdfWriter(pdf, {})
    pdf.add_page()
    w.heading(labels["title"], 1)
    w.para(", ".join(_workshop_line(x) for x in view.workshops), bold_label=labels["workshops"])
    for block in view.blocks:
        _pdf_block(w, block)
    w.flush()
    return bytes(pdf.output())


def _pdf_block(w, block) -> None:
    if isinstance(block, Heading):
        w.heading(block.text, block.level)
    elif isinstance(block, Para):
        w.para(block.text, bold_label=block.label)
    elif isinstance(block, Figure):
        w.chart(block.chart)
    elif isinstance(block, Table):
        for row in block.rows:
            w.bullet(
                " · ".join(f"{h}: {_text(c)}" for h, c in zip(block.header, row, strict=False) if c != "")
            )


def _text(cell) -> str:
    return "" if cell is None else str(cell)


# -- DOCX ------------------------------------------------------------------------
def render_docx(view: SeriesView) -> bytes:
    from docx import Document

    from workshop.render.docx_layout import chart, clean, labelled, mark_header_row

    labels = _labels(view)
    doc = Document()
    doc.core_properties.title = clean(labels["title"])[:250]
    doc.add_heading(clean(labels["title"]), 0)
    labelled(doc, labels["workshops"], ", ".join(_workshop_line(x) for x in view.workshops))
    for block in view.blocks:
        if isinstance(block, Heading):
            doc.add_heading(clean(block.text), block.level)
        elif isinstance(block, Para):
            labelled(doc, block.label, block.text) if block.label else doc.add_paragraph(clean(block.text))
        elif isinstance(block, Figure):
            chart(doc, block.chart)
        elif isinstance(block, Table):
            table = doc.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                cell.text = clean(text)
            mark_header_row(table.rows[0])
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = clean(_text(text))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# -- HTML ------------------------------------------------------------------------
HTML_STYLE = (
    "body{font-family:'DejaVu Sans',sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}"
    "svg.chart{width:100%;height:auto}table{border-collapse:collapse;margin:.5rem 0}"
    "th,td{border:1px solid #666;padding:.2rem .5rem;text-align:left}"
)


def render_html(view: SeriesView) -> bytes:
    labels = _labels(view)
    out = [
        f'<!doctype html><html lang="{escape(view.lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(labels['title'])}</title><style>{HTML_STYLE}</style></head><body><main>",
        f"<h1>{escape(labels['title'])}</h1><p><strong>{escape(labels['workshops'])}:</strong> ",
        str(escape(", ".join(_workshop_line(x) for x in view.workshops))) + "</p>",
    ]
    for number, block in enumerate(view.blocks, 1):
        out.append(_html_block(block, number))
    out.append("</main></body></html>")
    return "".join(str(part) for part in out).encode("utf-8")


def render_fragment(view: SeriesView) -> bytes:
    """The blocks alone, for the organiser's series page (inserted into it):
    headings start at h2, and the charts carry no style attributes (the
    page's Content-Security-Policy drops them)."""
    out, last_heading = [], ""
    for number, block in enumerate(view.blocks, 1):
        html = _html_block(block, number, strict_csp=True, shift=1)
        if isinstance(block, Heading):
            last_heading = block.text
        elif isinstance(block, Table):
            # A wide table scrolls inside its own region (reachable by keyboard), not the page.
            html = f'<div class="table-scroll" role="region" tabindex="0" aria-label="{escape(last_heading)}">{html}</div>'
        out.append(html)
    return "".join(out).encode("utf-8")


def _html_block(block, number: int, strict_csp: bool = False, shift: int = 0) -> str:
    if isinstance(block, Heading):
        level = block.level + 1 + shift
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Para):
        label = f"<strong>{escape(block.label)}:</strong> " if block.label else ""
        return f"<p>{label}{escape(block.text)}</p>"
    if isinstance(block, Figure):
        svg = block.chart.draw("svg")
        if strict_csp:
            svg = presentation_attributes(svg.decode("utf-8")).encode("utf-8")
        return str(inline_svg(svg, block.chart.alt, f"series-chart-{number}"))
    if isinstance(block, Table):
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in block.header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(_text(c))}</td>" for c in row) + "</tr>" for row in block.rows
        )
        caption = f"<caption>{escape(block.caption)}</caption>" if block.caption else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    return ""


# -- Markdown (zip: series.md + charts) --------------------------------------------
def render_markdown(view: SeriesView) -> bytes:
    labels = _labels(view)
    lines = [f"# {md_line(labels['title'])}", ""]
    lines += [f"- {md_line(_workshop_line(x))}" for x in view.workshops] + [""]
    charts = []
    for block in view.blocks:
        if isinstance(block, Heading):
            lines += ["#" * (block.level + 1) + " " + md_line(block.text), ""]
        elif isinstance(block, Para):
            label = f"**{md_line(block.label)}:** " if block.label else ""
            lines += [label + md_line(block.text), ""]
        elif isinstance(block, Figure):
            charts.append(block.chart)
            lines += [f"![{md_line(block.chart.alt)}]({block.chart.file})", ""]
        elif isinstance(block, Table):
            lines += _md_table(block) + [""]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MARKDOWN_FILE, "\n".join(lines).encode("utf-8"))
        for chart in charts:
            zf.writestr(chart.file, chart.draw("png"), compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def _md_cell(value) -> str:
    return md_line(_text(value)).replace("|", "\\|")


def _md_table(table: Table) -> list[str]:
    return [
        "| " + " | ".join(_md_cell(h) for h in table.header) + " |",
        "|" + "---|" * len(table.header),
        *("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows),
    ]


# -- CSV (zip) and JSON ---------------------------------------------------------------
def render_csv(view: SeriesView) -> bytes:
    files: dict[str, tuple] = {"workshops.csv": (("id", "title", "created_at"), [])}
    files["workshops.csv"][1].extend((w["id"], w["title"], w["created_at"]) for w in view.workshops)
    for block in view.blocks:
        if isinstance(block, CsvRows):
            files.setdefault(block.file, (block.header, []))[1].extend(block.rows)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, (header, rows) in files.items():
            zf.writestr(name, _table(header, rows))
    return out.getvalue()


def render_json(view: SeriesView) -> bytes:
    body = {
        "format": "series-appendix",
        "title": view.title,
        "lang": view.lang,
        "workshops": view.workshops,
        **view.data,
    }
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")


RENDERERS = {
    "pdf": render_pdf,
    "docx": render_docx,
    "html": render_html,
    "md": render_markdown,
    "csv": render_csv,
    "json": render_json,
    "fragment": render_fragment,
}
