"""The PDF appendix's page frame and layout vocabulary (fpdf2).

``PdfWriter`` is what each method's ``pdf`` hook writes with, so the content
code reads flat and every section looks alike. DejaVu Sans (shipped inside
matplotlib) is embedded so å, ä and ö render everywhere; PDF/A requires
embedded fonts anyway. Text wraps through multi_cell / write, which also
break pages, so a 20,000-character note just runs on over the following
pages.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF

from workshop.render.charts import Chart

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
PDF_COMPLIANCE = "PDFA_2U"  # PDF/A-2 with Unicode text: archivable and searchable
BODY_SIZE = 10
LINE = 5.2  # mm per body line
TEXT_WIDTH = 170  # mm: full text width of A4 with 20 mm margins
NARROW_CHART_WIDTH = 105
HEADING_SIZES = {1: 17, 2: 14, 3: 12, 4: 10.5}
INK = (26, 26, 26)


class AppendixPDF(FPDF):
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


class PdfWriter:
    """Small layout vocabulary over fpdf2; ``pdf`` is there for the rest (tables)."""

    def __init__(self, pdf: AppendixPDF):
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

    def chart(self, chart: Chart) -> None:
        pdf = self.pdf
        png = chart.draw("png")
        width = NARROW_CHART_WIDTH if chart.narrow else TEXT_WIDTH
        px_width, px_height = _png_size(png)
        height = width * px_height / px_width
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.image(io.BytesIO(png), x=pdf.l_margin, w=width, h=height, alt_text=chart.alt)
        pdf.ln(2)


def _png_size(png: bytes) -> tuple[int, int]:
    # Width and height are the first fields of the IHDR chunk.
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
