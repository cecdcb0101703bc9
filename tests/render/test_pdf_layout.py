"""The PDF's layout vocabulary: measuring, keeping blocks together, no lone lines."""

from __future__ import annotations

import io
import random

import pypdf
import pytest

from workshop.render.pdf_layout import (
    BODY_SIZE,
    BULLET_INDENT,
    BULLET_WIDTH,
    FONT,
    LINE,
    AppendixPDF,
    PdfWriter,
)

WORDS = (
    "samverkan idéburna organisationer överenskommelse region Värmland folkhälsa "
    "kommunikation i en och Åsa Löfvenberg projektledning"
).split()


def _texts(n: int = 25) -> list[str]:
    rng = random.Random(5)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 90))) for _ in range(n)]
    return texts + ["rad ett\nrad två\n\nrad fyra", "x" * 300, "kort"]


@pytest.fixture(scope="module")
def pdf():
    return AppendixPDF("Sidfot", "Sida {page} av {pages}")


@pytest.fixture
def w(pdf):
    pdf.add_page()
    return PdfWriter(pdf)


def test_lines_are_counted_as_fpdf_wraps_them(pdf, w):
    """The estimate must match what fpdf2 writes, or a block thought to fit
    would spill its last line onto the next page."""
    for text in _texts():
        pdf.add_page()
        pdf.set_font(FONT, "", BODY_SIZE)
        pdf.set_x(pdf.l_margin + BULLET_INDENT + BULLET_WIDTH)
        assert w._bullet_lines(text) == len(pdf.multi_cell(0, LINE, text, dry_run=True, output="LINES"))
        for label in (None, "Kommentar", "Flest deltagare samtidigt"):
            pdf.add_page()
            top = pdf.y
            w.para(text, label)
            assert pdf.y - top == pytest.approx(w.para_height(text, label)), (label, text[:40])


def _page_texts(pdf: AppendixPDF) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(bytes(pdf.output())))
    return [page.extract_text() for page in reader.pages]


def _fill_to(w: PdfWriter, lines_left: int) -> None:
    """Body lines until only ``lines_left`` lines fit on the page."""
    while w.pdf.lines_left > lines_left:
        w.pdf.set_font(FONT, "", BODY_SIZE)
        w.pdf.cell(0, LINE, "fyllnad", new_x="LMARGIN", new_y="NEXT")


def _fresh() -> PdfWriter:
    pdf = AppendixPDF("Sidfot", "Sida {page} av {pages}")
    pdf.add_page()
    return PdfWriter(pdf)


def test_a_block_that_does_not_fit_starts_on_the_next_page():
    w = _fresh()
    _fill_to(w, 6)  # room for the heading and a few lines, not for the whole block
    s = w.step
    w.together(
        s.heading("Blocket", 2),
        s.para("Räkning"),
        s.para("Diagram"),
        s.para("Sammanfattning", "Summary"),
        s.para("Ingen flyttade sig.", "Förflyttning"),
    )
    first, second = _page_texts(w.pdf)
    assert "Blocket" not in first and "Förflyttning" not in first
    assert "Blocket" in second and "Förflyttning: Ingen flyttade sig." in second


def test_a_block_that_fits_stays_where_it_is():
    w = _fresh()
    _fill_to(w, 12)
    s = w.step
    w.together(s.heading("Blocket", 2), s.para("Räkning"), s.para("Ingen flyttade sig.", "Förflyttning"))
    assert w.pdf.page == 1


def test_a_lead_heading_goes_with_the_block():
    w = _fresh()
    _fill_to(w, 6)
    w.lead(w.step.heading("Sektionen", 1))
    s = w.step
    w.together(s.heading("Blocket", 2), *(s.para(f"Rad {i}") for i in range(4)))
    first, second = _page_texts(w.pdf)
    assert "Sektionen" not in first and "Sektionen" in second


def test_the_last_line_of_a_paragraph_never_stands_alone():
    w = _fresh()
    text = " ".join(["samverkan idéburna organisationer"] * 30)  # several lines
    lines = w._para_lines(text, None)
    assert lines > 4
    _fill_to(w, lines - 1)  # all but its last line would fit
    w.para(text + " SLUT")
    first, second = _page_texts(w.pdf)
    assert len([line for line in second.splitlines() if "samverkan" in line or "SLUT" in line]) == 2


def test_a_paragraph_never_leaves_its_first_line_alone_at_the_foot():
    w = _fresh()
    _fill_to(w, 1)
    w.para("BÖRJAN " + " ".join(["samverkan idéburna organisationer"] * 10))
    first, second = _page_texts(w.pdf)
    assert "BÖRJAN" not in first and "BÖRJAN" in second


def test_a_long_block_flows_but_keeps_its_last_two_steps_together():
    w = _fresh()
    s = w.step
    long_note = " ".join(["lång anteckning om samverkan"] * 700)  # over a page by itself
    w.together(
        s.heading("Ämnet", 2),
        s.para("Fakta", "Intresse"),
        s.bullet(long_note),
        s.heading("Öppna frågor", 4),
        s.bullet("SISTA"),
        keep=2,
    )
    pages = _page_texts(w.pdf)
    last = pages[-1]
    assert "SISTA" in last and "Öppna frågor" in last
    assert "Ämnet" in pages[0] and "Intresse: Fakta" in pages[0]
    # The page that holds the last line holds more than that line.
    assert len([line for line in last.splitlines() if line.strip()]) > 2
