"""Word export (python-docx): the appendix as an editable document.

A4 pages. The title and the workshop's facts, the first method's section
right below them, each further one after a page break, written by its
``docx`` hook (see docx_layout.py). Charts are
pictures with alt text. The document language is set both in the core
properties and as the default run language, so spelling and screen readers
use Swedish or English.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from workshop.domain.appendix import Appendix
from workshop.domain.text import shorten
from workshop.render.appendix_view import build_view
from workshop.render.docx_layout import clean, labelled

LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}
A4 = (Cm(21), Cm(29.7))
MARGIN = Cm(2)  # all round: 17 cm of text, room for the 16 cm charts
# python-docx refuses a core property (title, subject, …) longer than this
# (ValueError): a 200-character workshop title with all three methods in
# "Bilaga – <methods> – <title>, <date>" goes past it.
CORE_PROPERTY_MAX = 255


def _a4(doc) -> None:
    """python-docx's blank document is US Letter; the appendix is A4."""
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN
    section.header_distance = section.footer_distance = Cm(1)


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
    footer.text = clean(text) + "    "
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    field.append(run)
    footer._p.append(field)
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def render_docx(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    doc = Document()
    doc.core_properties.title = shorten(clean(view.title), CORE_PROPERTY_MAX)
    doc.core_properties.subject = shorten(clean(view.subject), CORE_PROPERTY_MAX)
    doc.core_properties.author = "Workshop"
    _set_language(doc, view.lang)
    _a4(doc)
    _page_number_footer(doc, f"{appendix.title}, {appendix.date}")
    doc.add_heading(clean(view.title), 0)
    for label, value in view.facts:
        labelled(doc, label, value)
    for number, part in enumerate(view.shown):
        if number:
            doc.add_page_break()
        doc.add_heading(part.heading, 1)
        part.section.docx(doc, part.view)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
