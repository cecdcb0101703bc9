"""The PDF's first page (issue 20, item 16), the rest of it: when the first
statement's whole block does not fit under the contents, its head (the
section's heading, the statement, its counts and its picture) still starts
on page 1 and the rest follows on page 2, so page 1 is no longer two thirds
white. Text per page read back with pypdf; pictures counted per page."""

from __future__ import annotations

import io

import pypdf
import pytest

from tests.render.test_pdf_cover_walk2 import _lines, _moved_first
from workshop.render.export_pdf import render_pdf
from workshop.render.pdf_layout import LINE, AppendixPDF, PdfWriter


def _outline(reader) -> dict[str, int]:
    return {
        item.title: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }


@pytest.mark.parametrize(("lang", "barometer"), [("sv", "Åsiktsbarometer"), ("en", "Opinion barometer")])
def test_the_first_statement_starts_under_the_contents(lang, barometer):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(_moved_first(), lang)))
    first, second = reader.pages[0], reader.pages[1]
    texts = [t for _, t in _lines(first)]
    assert texts.count(barometer) == 2  # in the contents, and as the section's heading
    assert any(t.startswith("2. ") for t in texts), texts  # the first statement's heading
    assert len(first.images) == 1  # its positions chart
    assert _outline(reader)[barometer] == 1
    # The contents say so: the barometer's row reads 1.
    lines = _lines(first)
    row = [y for y, t in lines if t == barometer][0]
    assert [t for y, t in lines if abs(y - row) < 1 and t.isdigit()] == ["1"]
    # Page 1 is used down to the chart's foot: the axis labels sit low on the page.
    height = float(first.mediabox.height)
    lowest = min(y for y, _ in lines if y > 60)
    assert (height - lowest) / height >= 0.45, (height - lowest) / height
    # The block's rest opens page 2 (its summary), not a repeat of its head.
    top = [t for _, t in _lines(second)][:2]
    assert top[0] in ("Sammanfattning:", "Summary:"), top


def _writer() -> tuple[AppendixPDF, PdfWriter]:
    pdf = AppendixPDF("Sidfot", "Sida {page} av {pages}")
    pdf.add_page()
    return pdf, PdfWriter(pdf)


def _block(w: PdfWriter, lines: int, pages: list[int]) -> list:
    """A heading, a paragraph and a picture-sized spacer (as a chart: the page
    it lands on goes into ``pages``), then ``lines`` lines of text."""
    chart = w.step.gap(60)

    def draw():
        pages.append(w.pdf.page_no())
        chart.write()

    picture = type(chart)(chart.height, draw, picture=True)
    tail = [w.step.para("ord " * 30) for _ in range(lines // 2)]
    return [w.step.heading("Påstående", 2), w.step.para("10 positioner"), picture, *tail]


def test_on_the_cover_a_block_splits_after_its_picture_only_when_the_head_fits():
    # The head fits under 100 mm of title: the picture is on page 1, the rest on page 2.
    pdf, w = _writer()
    pdf.set_y(100)
    w.on_cover = True
    pictures: list[int] = []
    w.together(*_block(w, 30, pictures))
    assert pictures == [1] and pdf.page_no() == 2
    # The head does not fit (too little room left): the block starts on page 2, whole.
    pdf, w = _writer()
    pdf.set_y(pdf.page_break_trigger - 40)
    w.on_cover = True
    pictures = []
    w.together(*_block(w, 10, pictures))
    assert pictures == [2] and pdf.y > pdf.t_margin + 60 + 5 * LINE
    # Off the cover nothing changes: a block that fits a page is never split.
    pdf, w = _writer()
    pdf.set_y(100)
    pictures = []
    w.together(*_block(w, 30, pictures))
    assert pictures == [2] and pdf.page_no() == 2
    # The flag is spent by the first block.
    pdf, w = _writer()
    w.on_cover = True
    w.together(w.step.para("kort"))
    assert w.on_cover is False
