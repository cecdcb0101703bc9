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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from fpdf import FPDF

from workshop.domain.text import shorten
from workshop.render.charts import Chart

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
PDF_COMPLIANCE = "PDFA_2U"  # PDF/A-2 with Unicode text: archivable and searchable
BODY_SIZE = 10
LINE = 5.2  # mm per body line
BOTTOM_MARGIN = 18
BULLET_INDENT, BULLET_WIDTH = 3, 4  # mm: the bullet's indent, and the "•" before the text
TEXT_WIDTH = 170  # mm: full text width of A4 with 20 mm margins
NARROW_CHART_WIDTH = 105
HEADING_SIZES = {1: 17, 2: 14, 3: 12, 4: 10.5}
INK = (26, 26, 26)


class AppendixPDF(FPDF):
    def __init__(self, footer_text: str, page_label: str):
        super().__init__(format="A4", enforce_compliance=PDF_COMPLIANCE)
        self._footer_text = footer_text
        self._page_label = page_label
        self._bottom_margin: float | None = None  # see break_early
        self.add_font(FONT, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))  # "Fika" cells
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(True, margin=BOTTOM_MARGIN)
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.cell(0, 5, self._footer_text, align="L")
        self.set_x(self.l_margin)
        # "{nb}" is replaced by fpdf2 with the total page count at output time.
        self.cell(0, 5, self._page_label.format(page=self.page_no(), pages="{nb}"), align="R")

    def break_early(self, mm: float) -> None:
        """The next automatic page break comes ``mm`` sooner (text that
        flows on, like a paragraph, then carries one more line over); the
        page after it has the usual bottom margin again."""
        self._bottom_margin = self.b_margin
        self.set_auto_page_break(True, margin=self.b_margin + mm)

    def end_break_early(self) -> None:
        if self._bottom_margin is not None:
            self.set_auto_page_break(True, margin=self._bottom_margin)
            self._bottom_margin = None

    @property
    def accept_page_break(self) -> bool:
        self.end_break_early()  # asked just before fpdf2 breaks the page
        return self.auto_page_break

    @property
    def lines_left(self) -> int:
        """Body lines that still fit on this page."""
        return max(0, int((self.page_break_trigger - self.y) / LINE + 1e-6))

    @property
    def lines_per_page(self) -> int:
        return int((self.page_break_trigger - self.t_margin) / LINE + 1e-6)


class PdfWriter:
    """Small layout vocabulary over fpdf2; ``pdf`` is there for the rest (tables).

    Each piece (``heading``, ``para``, ``bullet``, ``chart``) is written at
    once, or handed to ``together`` as a step (``w.step.para(...)``), which
    measures the steps first and keeps them on one page where they fit.
    Paragraphs and bullets never leave their last line alone at the top of a
    page, nor their first alone at the bottom.
    """

    def __init__(self, pdf: AppendixPDF, png: dict[str, bytes] | None = None):
        self.pdf = pdf
        self._png: dict[str, bytes] = (
            {} if png is None else png
        )  # Chart.file -> PNG: drawn once, measured and placed
        self._lead: list[Step] = []  # see lead()
        self._widths: dict[tuple[str, float, str], float] = {}  # (style, size, word) -> mm
        self.step = _Steps(self)
        # True under the title page's contents until the first block is written:
        # see together(). export_pdf sets it.
        self.on_cover = False

    # -- pieces ------------------------------------------------------------
    def heading(self, text: str, level: int) -> None:
        self._write_lead()
        pdf = self.pdf
        size = HEADING_SIZES[level]
        if pdf.will_page_break(size * 0.5 + 3 * LINE):  # keep a heading with what follows
            pdf.add_page()
        pdf.ln(_heading_space(level))
        if level <= 3:
            pdf.start_section(shorten(text, 200), level=level - 1)  # PDF outline (bookmarks)
        pdf.set_font(FONT, "B", size)
        pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)

    def para(self, text: str, bold_label: str | None = None) -> None:
        self._write_lead()
        pdf = self.pdf
        self._keep_lines(self._para_lines(text, bold_label))
        if bold_label:
            pdf.set_font(FONT, "B", BODY_SIZE)
            pdf.write(LINE, f"{bold_label}: ")
        pdf.set_font(FONT, "", BODY_SIZE)
        # write() flows on from the label and wraps back to the left margin
        # (multi_cell would indent every following line by the label's width).
        pdf.write(LINE, text)
        pdf.end_break_early()
        pdf.ln(LINE + 1)

    def contents(self, label: str, entries: list[str], pages: list[int] | None) -> None:
        """A bold label, then one line per entry with its page number at the
        right margin, linked to that page (pages None: "…", same lines)."""
        self._write_lead()
        pdf = self.pdf
        pdf.set_font(FONT, "B", BODY_SIZE)
        pdf.cell(0, LINE, label, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", BODY_SIZE)
        for i, entry in enumerate(entries):
            page = pages[i] if pages and i < len(pages) else None
            link = pdf.add_link(page=page) if page else ""
            pdf.cell(TEXT_WIDTH - 20, LINE, entry[:120], link=link)
            pdf.cell(
                20, LINE, str(page) if page else "…", align="R", link=link, new_x="LMARGIN", new_y="NEXT"
            )
        pdf.ln(1)

    def bullet(self, text: str) -> None:
        self._write_lead()
        pdf = self.pdf
        self._keep_lines(self._bullet_lines(text))
        pdf.set_font(FONT, "", BODY_SIZE)
        pdf.set_x(pdf.l_margin + BULLET_INDENT)
        pdf.cell(BULLET_WIDTH, LINE, "•")
        pdf.multi_cell(0, LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.end_break_early()

    def chart(self, chart: Chart) -> None:
        self._write_lead()
        pdf = self.pdf
        png = self._chart_png(chart)
        width, height = self._chart_size(chart)
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.image(io.BytesIO(png), x=pdf.l_margin, w=width, h=height, alt_text=chart.alt)
        pdf.ln(2)

    def gap(self, mm: float) -> None:
        self._write_lead()
        self.pdf.ln(mm)

    # -- keeping things together --------------------------------------------
    def lead(self, step: Step) -> None:
        """Write ``step`` (a heading) with whatever comes next: with the next
        ``together`` block when that is kept on one page, else just before
        the next piece."""
        self._lead.append(step)

    def flush(self) -> None:
        """Write any lead still waiting (a section with nothing after it)."""
        self._write_lead()

    def _write_lead(self) -> None:
        lead, self._lead = self._lead, []
        for step in lead:
            step.write()

    def together(self, *steps: Step, keep: int = 1) -> None:
        """Write the steps on one page: on this one if they fit, else from
        the top of the next. Steps too tall for one page flow on, but their
        first ``keep`` steps stay together (where those fit a page) and so
        do their last two: a block never ends with one line alone on a page."""
        pdf = self.pdf
        keep += len(self._lead)
        steps = (*self._lead, *steps)
        self._lead = []
        heights = [step.height() for step in steps]
        if self._split_on_cover(steps, heights):
            return
        page = pdf.page_break_trigger - pdf.t_margin
        if sum(heights) <= page:
            fit = len(steps)
        else:
            fit = min(keep, len(steps) - 2) if sum(heights[:keep]) <= page else 0
        if fit > 0 and pdf.will_page_break(sum(heights[:fit])):
            pdf.add_page()
        for i, step in enumerate(steps):
            if i >= fit and i == len(steps) - 2:
                pair = heights[i] + heights[i + 1]
                if pair <= page and pdf.will_page_break(pair) and not pdf.will_page_break(heights[i]):
                    pdf.add_page()  # rather than leave the last step alone on the next page
            step.write()

    def _split_on_cover(self, steps: tuple[Step, ...], heights: list[float]) -> bool:
        """Under the title page's contents, a block that does not fit whole
        still starts there when its head does: everything up to and including
        its first chart (the section's heading, the statement, its counts and
        picture), so page 1 is not two thirds white paper. The rest follows
        as a block of its own. True when the block was written so."""
        pdf = self.pdf
        on_cover, self.on_cover = self.on_cover, False
        if not on_cover or not pdf.will_page_break(sum(heights)):
            return False
        head = next((i + 1 for i, step in enumerate(steps) if step.picture), len(steps))
        if head >= len(steps) or pdf.will_page_break(sum(heights[:head])):
            return False
        for step in steps[:head]:
            step.write()
        self.together(*steps[head:])
        return True

    def _keep_lines(self, lines: int) -> None:
        """Before text of ``lines`` body lines: no orphan, no widow. Rather
        than leave one line at the bottom of this page it starts on the
        next; rather than leave its last line alone on a page it carries one
        more line over."""
        pdf = self.pdf
        left, per_page = pdf.lines_left, pdf.lines_per_page
        if lines <= left:
            return
        widow = (lines - left) % per_page == 1
        if left < 2 or (widow and left < 3):
            pdf.add_page()
            left = per_page
            if lines <= left:
                return
            widow = (lines - left) % per_page == 1
        if widow:
            pdf.break_early(LINE)

    # -- measuring (mm, nothing written) ---------------------------------------
    def heading_height(self, text: str, level: int) -> float:
        size = HEADING_SIZES[level]
        lines = self._lines(text, TEXT_WIDTH, style="B", size=size)
        return _heading_space(level) + lines * size * 0.5 + 1.5

    def para_height(self, text: str, bold_label: str | None = None) -> float:
        return self._para_lines(text, bold_label) * LINE + 1

    def bullet_height(self, text: str) -> float:
        return self._bullet_lines(text) * LINE

    def chart_height(self, chart: Chart) -> float:
        return self._chart_size(chart)[1] + 2

    def _para_lines(self, text: str, bold_label: str | None) -> int:
        indent = 0.0
        if bold_label:
            self.pdf.set_font(FONT, "B", BODY_SIZE)
            indent = self.pdf.get_string_width(f"{bold_label}: ")
        return self._lines(text, TEXT_WIDTH, indent=indent)

    def _bullet_lines(self, text: str) -> int:
        return self._lines(text, TEXT_WIDTH - BULLET_INDENT - BULLET_WIDTH)

    def _lines(
        self, text: str, width: float, indent: float = 0.0, style: str = "", size: float = BODY_SIZE
    ) -> int:
        """How many lines fpdf2 wraps ``text`` into: greedy, at spaces (a word
        wider than the line is cut), each explicit line break starting a new
        line; ``indent`` is taken from the first line. Word by word, so it
        costs a fraction of a dry run of multi_cell."""
        pdf = self.pdf
        pdf.set_font(FONT, style, size)
        usable = width - 2 * pdf.c_margin
        widths = self._widths

        def width_of(word: str) -> float:
            key = (style, size, word)
            if key not in widths:  # words recur: measure each once per export
                widths[key] = pdf.get_string_width(word)
            return widths[key]

        space = width_of(" ")
        count = 0
        for i, line in enumerate(text.split("\n")):
            count += 1
            used, gap = (indent if i == 0 else 0.0), 0.0  # gap: no space before a line's first word
            for word in line.split(" "):
                w = width_of(word)
                if used + gap + w <= usable:
                    used += gap + w
                    gap = space
                    continue
                if gap:  # the line has a word already: this one starts the next
                    count += 1
                    used = 0.0
                while used + w > usable:  # a word longer than the line is cut where it ends
                    count += 1
                    w -= usable - used
                    used = 0.0
                used += w
                gap = space
        return count

    def _chart_png(self, chart: Chart) -> bytes:
        if chart.file not in self._png:
            self._png[chart.file] = chart.draw("png")
        return self._png[chart.file]

    def _chart_size(self, chart: Chart) -> tuple[float, float]:
        width = NARROW_CHART_WIDTH if chart.narrow else TEXT_WIDTH
        px_width, px_height = _png_size(self._chart_png(chart))
        return width, width * px_height / px_width


@dataclass(frozen=True)
class Step:
    """One piece for ``PdfWriter.together``: its height, and how to write it."""

    height: Callable[[], float]
    write: Callable[[], None]
    picture: bool = False  # a chart: the end of a block's head on the title page (together)


class _Steps:
    """``w.step.para(text, label)`` -> a Step of ``w.para(text, label)``."""

    def __init__(self, writer: PdfWriter):
        self._w = writer

    def heading(self, text: str, level: int) -> Step:
        w = self._w
        return Step(lambda: w.heading_height(text, level), lambda: w.heading(text, level))

    def para(self, text: str, bold_label: str | None = None) -> Step:
        w = self._w
        return Step(lambda: w.para_height(text, bold_label), lambda: w.para(text, bold_label))

    def bullet(self, text: str) -> Step:
        w = self._w
        return Step(lambda: w.bullet_height(text), lambda: w.bullet(text))

    def chart(self, chart: Chart) -> Step:
        w = self._w
        return Step(lambda: w.chart_height(chart), lambda: w.chart(chart), picture=True)

    def gap(self, mm: float) -> Step:
        w = self._w
        return Step(lambda: mm, lambda: w.gap(mm))


def _heading_space(level: int) -> float:
    return 2 if level >= 3 else 4


def _png_size(png: bytes) -> tuple[int, int]:
    # Width and height are the first fields of the IHDR chunk.
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
