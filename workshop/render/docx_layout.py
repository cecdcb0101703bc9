"""Word layout vocabulary (python-docx) for the appendix's sections.

Each method's ``docx`` hook writes into the document with Word's own styles
(Heading 2-4, List Bullet, Table Grid) and these helpers, so the navigation
pane, a generated table of contents and screen readers work. Every user
text passes through ``clean``: XML 1.0 cannot hold most control characters
and python-docx would raise.
"""

from __future__ import annotations

import io
import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from workshop.domain.text import shorten
from workshop.render.charts import Chart

CHART_WIDTH = Cm(16)
NARROW_CHART_WIDTH = Cm(10)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def labelled(doc, label: str, text: str, keep_with_next: bool = False):
    """A paragraph '<b>label:</b> text'."""
    p = doc.add_paragraph()
    p.add_run(f"{label}: ").bold = True
    p.add_run(clean(text))
    p.paragraph_format.keep_with_next = keep_with_next or None
    return p


def chart(doc, chart: Chart, keep_with_next: bool = False) -> None:
    """The chart as a PNG picture with alt text (``descr`` on ``wp:docPr``)."""
    width = NARROW_CHART_WIDTH if chart.narrow else CHART_WIDTH
    p = doc.add_paragraph()
    shape = p.add_run().add_picture(io.BytesIO(chart.draw("png")), width=width)
    doc_pr = shape._inline.docPr
    doc_pr.set("descr", clean(chart.alt))  # alt text, read by screen readers
    doc_pr.set("title", shorten(clean(chart.alt), 120))
    p.paragraph_format.keep_with_next = keep_with_next or None


def mark_header_row(row) -> None:
    """Repeat the row on every page the table runs over."""
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)
