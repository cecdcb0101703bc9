"""PDF export (fpdf2): the printable appendix, PDF/A-2U.

DejaVu Sans (shipped inside matplotlib) is embedded so å, ä and ö render
everywhere; PDF/A requires embedded fonts anyway. fpdf2 adds the sRGB output
intent and XMP metadata itself when asked for PDF/A compliance. Text wraps
through multi_cell, which also breaks pages, so a 20,000-character note just
runs on over the following pages.
"""
from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF, ViewerPreferences
from fpdf.fonts import FontFace

from workshop.domain.appendix import Appendix
from workshop.render.appendix_view import AppendixView, build_view

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
PDF_COMPLIANCE = "PDFA_2U"  # PDF/A-2 with Unicode text: archivable and searchable
BODY_SIZE = 10
LINE = 5.2  # mm per body line
STRIP_WIDTH = 170  # mm: full text width of A4 with 20 mm margins
MOVEMENT_WIDTH = 105
HEADING_SIZES = {1: 17, 2: 14, 3: 12, 4: 10.5}
INK = (26, 26, 26)


class _AppendixPDF(FPDF):
    def __init__(self, footer_text: str, page_label: str):
        super().__init__(format="A4", enforce_compliance=PDF_COMPLIANCE)
        self._footer_text = footer_text
        self._page_label = page_label
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))  # "Fika" cells
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=18)
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.cell(0, 5, self._footer_text, align="L")
        self.set_x(self.l_margin)
        # "{nb}" is replaced by fpdf2 with the total page count at output time.
        self.cell(0, 5, self._page_label.format(page=self.page_no(), pages="{nb}"), align="R")


class _Writer:
    """Small layout vocabulary over fpdf2, so the content code reads flat."""

    def __init__(self, pdf: _AppendixPDF):
        self.pdf = pdf

    def heading(self, text: str, level: int) -> None:
        pdf = self.pdf
        size = HEADING_SIZES[level]
        if pdf.will_page_break(size * 0.5 + 3 * LINE):  # keep a heading with what follows
            pdf.add_page()
        pdf.ln(2 if level >= 3 else 4)
        if level <= 3:
            pdf.start_section(text[:200], level=level - 1)  # PDF outline (bookmarks)
        pdf.set_font(FONT, "B", size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)

    def para(self, text: str, bold_label: str | None = None) -> None:
        pdf = self.pdf
        if bold_label:
            pdf.set_font(FONT, "B", BODY_SIZE)
            pdf.write(LINE, f"{bold_label}: ")
        pdf.set_font(FONT, "", BODY_SIZE)
        # write() flows on from the label and wraps back to the left margin
        # (multi_cell would indent every following line by the label's width).
        pdf.write(LINE, text)
        pdf.ln(LINE + 1)

    def bullet(self, text: str) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, "", BODY_SIZE)
        pdf.set_x(pdf.l_margin + 3)
        pdf.cell(4, LINE, "•")
        pdf.multi_cell(0, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")

    def image(self, png: bytes, width: float, alt: str, px_size: tuple[int, int]) -> None:
        pdf = self.pdf
        height = width * px_size[1] / px_size[0]
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.image(io.BytesIO(png), x=pdf.l_margin, w=width, h=height, alt_text=alt)
        pdf.ln(2)


def _png_size(png: bytes) -> tuple[int, int]:
    # Width and height are the first fields of the IHDR chunk.
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _title_page(w: _Writer, view: AppendixView) -> None:
    pdf = w.pdf
    pdf.add_page()
    pdf.set_y(60)
    w.heading(view.title, 1)
    pdf.ln(6)
    for label, value in view.facts:
        w.para(value, bold_label=label)


def _statements(w: _Writer, view: AppendixView) -> None:
    L = view.labels
    charts = view.charts("png")
    w.pdf.add_page()
    w.heading(L["barometer"], 1)
    if not view.statements:
        w.para(L["no_statements"])
    for s in view.statements:
        w.heading(s.heading, 2)
        w.para(s.counts)
        strip = charts.strips[s.record.id]
        w.image(strip, STRIP_WIDTH, s.strip_alt, _png_size(strip))
        w.para(s.summary_text, bold_label=L["summary"])
        w.para(s.movement_text, bold_label=L["movement"])
        if s.has_movement_chart:
            moved = charts.movements[s.record.id]
            w.image(moved, MOVEMENT_WIDTH, s.movement_alt, _png_size(moved))
        for c in s.record.comments:
            w.para(c.text, bold_label=L["comment"])


def _wall(w: _Writer, view: AppendixView) -> None:
    L = view.labels
    pdf = w.pdf
    w.heading(L["wall"], 2)
    pdf.set_font(FONT, "", 9)
    spaces = max(1, len(view.wall_spaces))
    with pdf.table(
        col_widths=(30, *([140 / spaces] * spaces)),
        headings_style=FontFace(emphasis="BOLD", fill_color=(232, 232, 232)),
        line_height=4.6, text_align="LEFT", repeat_headings=1,
    ) as table:
        header = table.row()
        for name in [L["time"], *(view.wall_spaces or [""])]:
            header.cell(name)
        for wall_row in view.wall_rows:
            row = table.row()
            row.cell(wall_row.label, style=FontFace(emphasis="BOLD"))
            if wall_row.is_break:
                row.cell(L["break"], colspan=spaces, align="CENTER",
                         style=FontFace(emphasis="ITALICS", fill_color=(243, 243, 243)))
            else:
                for cell in wall_row.cells or [[]]:
                    row.cell("\n".join(cell))
    pdf.ln(3)


def _openspace(w: _Writer, view: AppendixView) -> None:
    L = view.labels
    os_ = view.appendix.openspace
    w.pdf.add_page()
    w.heading(L["open_space"], 1)
    if os_.theme:
        w.para(os_.theme, bold_label=L["theme"])
    if view.wall_rows:
        _wall(w, view)
    charts = view.charts("png")
    if charts.headcount:
        w.heading(L["headcount_chart"], 2)
        w.image(charts.headcount, STRIP_WIDTH, view.headcount_alt, _png_size(charts.headcount))
    for tv in view.topics:
        w.heading(tv.topic.title, 2)
        if tv.topic.description:
            w.para(tv.topic.description)
        for label, value in tv.facts:
            w.para(value, bold_label=label)
        if not tv.note_groups:
            w.para(L["no_notes"])
        for group in tv.note_groups:
            w.heading(group.heading, 4)
            for line in group.notes:
                w.bullet(f"{line.note.text} ({line.detail})" if line.detail else line.note.text)
            w.pdf.ln(1)


def render_pdf(appendix: Appendix, lang: str) -> bytes:
    view = build_view(appendix, lang)
    pdf = _AppendixPDF(footer_text=f"{appendix.title}, {appendix.date}"[:90],
                       page_label=view.labels["page"])
    pdf.set_lang(view.lang)
    pdf.set_title(view.title)
    pdf.set_subject(view.labels["barometer"] + ", " + view.labels["open_space"])
    pdf.set_creator("Workshop")
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)  # title, not file name
    w = _Writer(pdf)
    _title_page(w, view)
    _statements(w, view)
    if view.has_openspace:
        _openspace(w, view)
    return bytes(pdf.output())
