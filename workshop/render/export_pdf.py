"""PDF export (fpdf2): the printable appendix, PDF/A-2U.

The title, the workshop's facts, its methods and the contents (each method's
page) at the top of page 1, the first method's section right below them when
it fits (when its first block does not, that block's head: up to its first
chart, the rest on page 2), each further one from a new page, written by its ``pdf`` hook with
the vocabulary in pdf_layout.py.
fpdf2 adds the sRGB output intent and XMP metadata itself when asked for
PDF/A compliance.
"""

from __future__ import annotations

from fpdf import ViewerPreferences

from workshop.domain.appendix import Appendix
from workshop.domain.text import shorten
from workshop.render.appendix_view import AppendixView, build_view
from workshop.render.pdf_layout import AppendixPDF, PdfWriter

# The footer is one line beside "Page n of m"; PDF strings (the title in the
# document info and XMP) have no limit that a 200-character title comes near
# (PDF/A-2: 32,767 bytes).
FOOTER_MAX = 90


def _title(w: PdfWriter, view: AppendixView, pages: list[int] | None) -> None:
    """Page 1: the title, the workshop's facts, its methods and the contents
    (each method's page; "…" in the measuring pass, which has the same lines)."""
    w.pdf.add_page()
    w.heading(view.title, 1)
    for label, value in view.facts:
        w.para(value, bold_label=label)
    w.para(", ".join(part.heading for part in view.shown), bold_label=view.labels["methods"])
    if view.shown:
        w.gap(2)
        w.contents(view.labels["contents"], [part.heading for part in view.shown], pages)
    w.gap(4)


def _document(view: AppendixView, appendix: Appendix, pages: list[int] | None, png: dict) -> AppendixPDF:
    pdf = AppendixPDF(
        footer_text=shorten(f"{appendix.title}, {appendix.date}", FOOTER_MAX), page_label=view.labels["page"]
    )
    pdf.set_lang(view.lang)
    pdf.set_title(view.title)
    pdf.set_subject(view.subject)
    pdf.set_creator("Workshop")
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)  # title, not file name
    w = PdfWriter(pdf, png)
    _title(w, view, pages)
    w.on_cover = True  # the first block may start under the contents (PdfWriter.together)
    for number, part in enumerate(view.shown):
        if number:
            pdf.add_page()
        # The heading goes with the section's first block, never alone at a page's foot.
        w.lead(w.step.heading(part.heading, 1))
        part.section.pdf(w, part.view)
        w.flush()
    return pdf


def render_pdf(appendix: Appendix, lang: str) -> bytes:
    """Two passes over the same layout: the first finds the page each method
    starts on (its outline entry), the second writes those numbers into the
    contents on page 1. Charts are drawn once (the shared ``png``)."""
    view = build_view(appendix, lang)
    png: dict[str, bytes] = {}
    measured = _document(view, appendix, None, png)
    pages = [section.page_number for section in measured._outline if section.level == 0][
        1:
    ]  # after the title
    return bytes(_document(view, appendix, pages, png).output())
