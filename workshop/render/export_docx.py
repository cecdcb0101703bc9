"""Word export (python-docx): the appendix as an editable document.

Uses Word's own styles (Title, Heading 1-4, List Bullet, Table Grid) so the
navigation pane, a generated table of contents and screen readers work.
Charts are pictures with alt text (``descr`` on ``wp:docPr``). The document
language is set both in the core properties and as the default run
language, so spelling and screen readers use Swedish or English.
"""
from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import AppendixView, build_view

LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}
STRIP_WIDTH = Cm(16)
MOVEMENT_WIDTH = Cm(10)
# XML 1.0 cannot hold most control characters; python-docx would raise.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _set_language(doc, lang: str) -> None:
    tag = LANG_TAGS.get(lang, lang)
    doc.core_properties.language = tag
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), tag)
    lang_el.set(qn("w:eastAsia"), tag)
    lang_el.set(qn("w:bidi"), tag)
    rpr.append(lang_el)


def _page_number_footer(doc, text: str) -> None:
    """Footer: '<title>, <date>   <page number>' (PAGE field, updated by Word)."""
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = _clean(text) + "    "
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    field.append(run)
    footer._p.append(field)
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _labelled(doc, label: str, text: str, style: str | None = None) -> None:
    p = doc.add_paragraph(style=style)
    p.add_run(f"{label}: ").bold = True
    p.add_run(_clean(text))


def _picture(doc, image: bytes, width, alt: str) -> None:
    shape = doc.add_picture(io.BytesIO(image), width=width)
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", _clean(alt))  # alt text, read by screen readers
    doc_pr.set("title", _clean(alt[:120]))


def _mark_header_row(row) -> None:
    """Repeat the row on every page the table runs over."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _statements(doc, view: AppendixView) -> None:
    L = view.labels
    charts = view.charts("png")
    doc.add_heading(L["barometer"], 1)
    if not view.statements:
        doc.add_paragraph(L["no_statements"])
    for s in view.statements:
        doc.add_heading(_clean(s.heading), 2)
        doc.add_paragraph(s.counts)
        _picture(doc, charts.strips[s.record.id], STRIP_WIDTH, s.strip_alt)
        _labelled(doc, L["summary"], s.summary_text)
        _labelled(doc, L["movement"], s.movement_text)
        if s.has_movement_chart:
            _picture(doc, charts.movements[s.record.id], MOVEMENT_WIDTH, s.movement_alt)
        for c in s.record.comments:
            _labelled(doc, L["comment"], c.text)


def _wall(doc, view: AppendixView) -> None:
    L = view.labels
    doc.add_heading(L["wall"], 2)
    columns = 1 + max(1, len(view.wall_spaces))
    table = doc.add_table(rows=1, cols=columns)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _mark_header_row(header)
    for cell, text in zip(header.cells, [L["time"], *view.wall_spaces]):
        cell.paragraphs[0].add_run(_clean(text)).bold = True
    for wall_row in view.wall_rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(_clean(wall_row.label)).bold = True
        if wall_row.is_break:
            merged = cells[1].merge(cells[-1]) if columns > 2 else cells[1]
            merged.paragraphs[0].add_run(L["break"]).italic = True
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            for cell, titles in zip(cells[1:], wall_row.cells):
                cell.text = _clean("\n".join(titles))


def _openspace(doc, view: AppendixView) -> None:
    L = view.labels
    os_ = view.appendix.openspace
    doc.add_page_break()
    doc.add_heading(L["open_space"], 1)
    if os_.theme:
        _labelled(doc, L["theme"], os_.theme)
    if view.wall_rows:
        _wall(doc, view)
    charts = view.charts("png")
    if charts.headcount:
        doc.add_heading(L["headcount_chart"], 2)
        _picture(doc, charts.headcount, STRIP_WIDTH, view.headcount_alt)
    for tv in view.topics:
        doc.add_heading(_clean(tv.topic.title), 2)
        if tv.topic.description:
            doc.add_paragraph(_clean(tv.topic.description))
        for label, value in tv.facts:
            _labelled(doc, label, value)
        if not tv.note_groups:
            doc.add_paragraph(L["no_notes"])
        for group in tv.note_groups:
            doc.add_heading(group.heading, 3)
            for line in group.notes:
                p = doc.add_paragraph(_clean(line.note.text), style="List Bullet")
                if line.detail:
                    p.add_run(f" ({_clean(line.detail)})").italic = True


def render_docx(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    doc = Document()
    doc.core_properties.title = _clean(view.title)
    doc.core_properties.subject = f"{view.labels['barometer']}, {view.labels['open_space']}"
    doc.core_properties.author = "Workshop"
    _set_language(doc, view.lang)
    _page_number_footer(doc, f"{appendix.title}, {appendix.date}")
    doc.add_heading(_clean(view.title), 0)
    for label, value in view.facts:
        _labelled(doc, label, value)
    doc.add_page_break()
    _statements(doc, view)
    if view.has_openspace:
        _openspace(doc, view)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
