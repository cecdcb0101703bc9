"""The PDF's first page (issue 20, item 16): when the first statement's block
does not fit under the title (a statement with a replay and movement first,
as on the Värmland day), page 1 still carries the title, the date, the number
of participants, the methods and the contents with each method's real page
(its outline entry), linked; not 90 % white paper."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdf
import pytest

from tests.render.conftest import build_appendix
from workshop.barometer.domain_summary import movement
from workshop.render.export_pdf import render_pdf


def _moved_first():
    appendix = build_appendix()
    barometer = appendix.sections["barometer"]
    moved = [s for s in barometer.statements if movement(s.history).moved]
    statements = moved + [s for s in barometer.statements if s not in moved]
    return replace(
        appendix, sections={**appendix.sections, "barometer": replace(barometer, statements=statements)}
    )


def _lines(page) -> list[tuple[float, str]]:
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((tm[5], text.strip()))

    page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(
    ("lang", "methods", "contents", "barometer"),
    [("sv", "Metoder:", "Innehåll", "Åsiktsbarometer"), ("en", "Methods:", "Contents", "Opinion barometer")],
)
def test_page_one_has_the_facts_the_methods_and_the_contents(lang, methods, contents, barometer):
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(_moved_first(), lang)))
    first = reader.pages[0]
    text = first.extract_text()
    assert "2015-11-20" in text and "16" in text
    assert methods in text and f"{barometer}, Open Space" in text
    assert contents in text
    # Each method's page in the contents is the page its bookmark points to.
    outline = {
        item.title: reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }
    lines = _lines(first)
    for heading in (barometer, "Open Space"):
        row = [y for y, t in lines if t == heading]
        assert row, heading
        numbers = [t for y, t in lines if abs(y - row[0]) < 1 and t.isdigit()]  # the contents row
        assert numbers == [str(outline[heading])], (heading, numbers, outline)
    assert outline[barometer] == 1  # its head starts under the contents (test_pdf_cover_walk3)
    # Text reaches well down the page (the footer aside): no longer a title and four facts.
    height = float(first.mediabox.height)
    lowest = min(y for y, _ in lines if y > 60)
    assert (height - lowest) / height >= 0.3, (height - lowest) / height
    links = [a.get_object() for a in first.get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"]
    assert len(links) >= 2
