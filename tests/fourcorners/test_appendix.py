"""Fyra hörn in the appendix: a workshop run through the real HTTP API and
participant sockets, downloaded in every format and parsed back; the summary
card; a workshop that never showed a question; hostile text."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile

import docx
import pytest

from tests.conftest import ok
from tests.web.test_api_export import download, flat, html_text, text_of
from workshop.fourcorners.domain import changed, most_chosen

FORMATS = ["pdf", "docx", "html", "md", "csv", "json"]
DOCUMENTS = ["pdf", "docx", "html", "md"]  # show the section only when a question was shown

WHERE = "Var i Värmland bor du?"
WHERE_LABELS = ["Norr", "Öster", "Söder", "Väster"]
OFTEN = "Hur ofta samverkar ni över sektorsgränserna?"
OFTEN_LABELS = ["Varje vecka", "Varje månad", "Varje år", "Aldrig"]
DRAFT = "Aldrig visad fråga"
COMMENT = "Norr var tomt – ingen där bor i norra Värmland?"

# What the appendix must say (Swedish: the workshop's language).
WHERE_SUMMARY = "Flest valde B (Öster): 3 av 4."
WHERE_CHANGED = "2 av 5 bytte hörn (deras sista val var ett annat än det första)."
OFTEN_SUMMARY = "Lika många valde A (Varje vecka) och C (Varje år): 2 var."
OFTEN_CHANGED = "Ingen bytte hörn: 4 behöll sitt första val."


@pytest.fixture
def ran(api, phone):
    """Two questions shown, one left a draft. Five phones answer the first:
    P1 moves A -> B, P2 stays in B, P3 goes B -> C -> B (back where they
    began: no change), P4 passes then goes to D, P5 passes. Four answer the
    second, nobody moves, and A and C tie."""
    where = api("POST", "/corners", {"text": WHERE, "labels": WHERE_LABELS})["id"]
    often = api("POST", "/corners", {"text": OFTEN, "labels": OFTEN_LABELS})["id"]
    api("POST", "/corners", {"text": DRAFT, "labels": ["1", "2", "3", "4"]})
    phones = [phone() for _ in range(5)]

    api("POST", f"/corners/{where}/open")
    for i, choices in enumerate([(0, 1), (1,), (1, 2, 1), ("pass", 3), ("pass",)]):
        for corner in choices:
            ok(phones[i], "corner", {"question": where, "corner": corner})
    api("POST", f"/corners/{where}/comments", {"text": COMMENT})
    api("POST", f"/corners/{often}/open")  # closes the first
    for p, corner in zip(phones, (0, 2, 0, 2)):
        ok(p, "corner", {"question": often, "corner": corner})
    api("POST", f"/corners/{often}/close")
    return {"where": where, "often": often}


def zip_csv(body: bytes, name: str) -> list[dict]:
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        return list(csv.DictReader(io.StringIO(zf.read(name).decode("utf-8-sig"))))


def corner_table(fmt: str, body: bytes, number: int) -> list[list[str]]:
    """The number-th question's table as rows of cells (header first)."""
    if fmt == "docx":
        tables = docx.Document(io.BytesIO(body)).tables
        return [[c.text for c in row.cells] for row in tables[number - 1].rows]
    if fmt == "html":
        html = body.decode("utf-8")
        table = re.findall(r"<table class=\"corners\">.*?</table>", html, re.S)[number - 1]
        return [
            [html_text(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
        ]
    if fmt == "md":
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            md = zf.read("appendix.md").decode("utf-8")
        tables = re.findall(r"(?:^\|.*\|\n)+", md, re.M)
        rows = [[c.strip() for c in line.strip("|").split("|")] for line in tables[number - 1].splitlines()]
        return [r for r in rows if not set("".join(r)) <= set("-:")]  # no delimiter row
    raise ValueError(fmt)


EXPECTED_TABLES = {
    1: [
        ["Hörn", "Svar", "Personer"],
        ["A", "Norr", "0"],
        ["B", "Öster", "3"],
        ["C", "Söder", "0"],
        ["D", "Väster", "1"],
        ["Pass", "", "1"],
    ],
    2: [
        ["Hörn", "Svar", "Personer"],
        ["A", "Varje vecka", "2"],
        ["B", "Varje månad", "0"],
        ["C", "Varje år", "2"],
        ["D", "Aldrig", "0"],
        ["Pass", "", "0"],
    ],
}


# -- every format ------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_holds_the_questions_counts_changes_and_comment(client, workshop, fac, ran, fmt):
    r = download(client, workshop, fmt, headers=fac)
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    text = text_of(fmt, r.data)
    for needle in (WHERE, OFTEN, *WHERE_LABELS, *OFTEN_LABELS, COMMENT):
        assert flat(needle) in text, needle
    assert DRAFT not in text  # never shown: not in the minutes
    if fmt in DOCUMENTS:
        text = text.replace("**", "")  # Markdown's bold labels
        for needle in (
            f"1. {WHERE}",
            f"2. {OFTEN}",
            "Fyra hörn",
            WHERE_SUMMARY,
            WHERE_CHANGED,
            OFTEN_SUMMARY,
            OFTEN_CHANGED,
            f"Kommentar: {COMMENT}",
        ):
            assert needle in text, needle
    if fmt in ("docx", "html", "md"):
        for number, expected in EXPECTED_TABLES.items():
            assert corner_table(fmt, r.data, number) == expected
    if fmt == "pdf":  # the table's rows, as the text layer reads them
        assert "Hörn Svar Personer A Norr 0 B Öster 3 C Söder 0 D Väster 1 Pass 1" in text
        assert "A Varje vecka 2 B Varje månad 0 C Varje år 2 D Aldrig 0 Pass 0" in text


def test_json_holds_each_shown_question(client, workshop, fac, ran):
    doc = download(client, workshop, "json", headers=fac).get_json()
    where, often = doc["fourcorners"]
    assert (where["id"], where["number"], where["text"], where["labels"]) == (
        ran["where"],
        1,
        WHERE,
        WHERE_LABELS,
    )
    assert (where["counts"], where["passes"], where["participants"], where["changed"]) == (
        [0, 3, 0, 1],
        1,
        5,
        2,
    )
    assert where["most_chosen"] == [1] and where["summary_text"] == WHERE_SUMMARY
    assert [c["text"] for c in where["comments"]] == [COMMENT]
    assert where["final"] == {"P1": 1, "P2": 1, "P3": 1, "P4": 3, "P5": "pass"}
    assert [(h["participant"], h["corner"]) for h in where["history"]] == [
        ("P1", 0),
        ("P1", 1),
        ("P2", 1),
        ("P3", 1),
        ("P3", 2),
        ("P3", 1),
        ("P4", "pass"),
        ("P4", 3),
        ("P5", "pass"),
    ]
    assert where["opened_at"] and where["closed_at"]
    assert (often["counts"], often["passes"], often["changed"], often["most_chosen"]) == (
        [2, 0, 2, 0],
        0,
        0,
        [0, 2],
    )
    assert often["summary_text"] == OFTEN_SUMMARY and often["comments"] == []


def test_csv_holds_every_change_and_each_questions_counts(client, workshop, fac, ran):
    body = download(client, workshop, "csv", headers=fac).data
    changes = zip_csv(body, "corners.csv")
    assert list(changes[0]) == ["question", "question_text", "participant", "corner", "corner_label", "at"]
    assert len(changes) == 9 + 4  # every change, not only the final choices
    assert [(c["question"], c["participant"], c["corner"], c["corner_label"]) for c in changes[:4]] == [
        ("1", "P1", "0", "Norr"),
        ("1", "P1", "1", "Öster"),
        ("1", "P2", "1", "Öster"),
        ("1", "P3", "1", "Öster"),
    ]
    passes = [c for c in changes if c["corner_label"] == "pass"]
    assert [(c["participant"], c["corner"]) for c in passes] == [("P4", ""), ("P5", "")]
    assert {c["question_text"] for c in changes} == {WHERE, OFTEN}
    assert all(c["at"] for c in changes)
    questions = zip_csv(body, "corner_questions.csv")
    assert [(q["question"], q["question_text"]) for q in questions] == [("1", WHERE), ("2", OFTEN)]
    first = questions[0]
    assert [first[f"label_{i}"] for i in range(4)] == WHERE_LABELS
    assert [first[f"count_{i}"] for i in range(4)] == ["0", "3", "0", "1"]
    assert (first["passes"], first["participants"], first["changed"]) == ("1", "5", "2")
    assert (questions[1]["changed"], questions[1]["count_2"]) == ("0", "2")
    comments = zip_csv(body, "corner_comments.csv")
    assert [(c["question"], c["comment"]) for c in comments] == [("1", COMMENT)]


def test_english_export(client, workshop, fac, ran):
    text = text_of("pdf", download(client, workshop, "pdf", headers=fac, lang="en").data)
    for needle in (
        "Four corners",
        "Most people chose B (Öster): 3 of 4.",
        "2 of 5 changed corner (their final choice was not their first).",
        "Tie between A (Varje vecka) and C (Varje år): 2 each.",
        "Nobody changed corner: 4 kept their first choice.",
        f"Comment: {COMMENT}",
        "Corner Answer People A Norr 0",
    ):
        assert needle in text, needle


def test_charts_have_alt_text(client, workshop, fac, ran):
    html = download(client, workshop, "html", headers=fac).get_data(as_text=True)
    section = html[html.index('<section id="four-corners"') :]
    titles = re.findall(r'<svg[^>]*role="img"[^>]*><title id="[^"]+">([^<]*)</title>', section)
    assert titles == [
        "Stapeldiagram över de fyra hörnen: A (Norr): 0; B (Öster): 3; C (Söder): 0; D (Väster): 1; 1 pass.",
        "Stapeldiagram över de fyra hörnen: A (Varje vecka): 2; B (Varje månad): 0; "
        "C (Varje år): 2; D (Aldrig): 0; 0 pass.",
    ]
    with zipfile.ZipFile(io.BytesIO(download(client, workshop, "md", headers=fac).data)) as zf:
        for name in ("charts/corners-01.png", "charts/corners-02.png"):
            assert zf.read(name).startswith(b"\x89PNG")
    document = docx.Document(io.BytesIO(download(client, workshop, "docx", headers=fac).data))
    alts = [s._inline.docPr.get("descr") for s in document.inline_shapes]
    assert alts == [titles[0], titles[1]]


def test_summary_card(client, workshop, fac, ran):
    r = client.get(f"/api/workshops/{workshop['id']}/summary.html", headers=fac)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'id="summary-fourcorners-h"' in html
    text = html_text(html)
    for needle in (
        "Fyra hörn",
        f"1. {WHERE}",
        f"2. {OFTEN}",
        WHERE_SUMMARY,
        WHERE_CHANGED,
        OFTEN_SUMMARY,
        f"Kommentar: {COMMENT}",
        "Hörn Svar Personer A Norr 0 B Öster 3",
    ):
        assert needle in text, needle
    assert DRAFT not in text


def test_the_record_is_what_the_store_reads(store, workshop, ran):
    appendix = store.appendix(workshop["id"])
    record = appendix.sections["fourcorners"]
    assert record == store.fourcorners_record(workshop["id"])
    assert [(q.id, q.number) for q in record.questions] == [(ran["where"], 1), (ran["often"], 2)]
    assert appendix.date == min(q.opened_at for q in record.questions)[:10]


# -- a workshop that never showed a question ---------------------------------------------------
@pytest.fixture
def barometer_only(api, phone):
    """A statement answered, and a Fyra hörn question drafted but never shown."""
    sid = api("POST", "/statements", {"text": "Min organisation har något att tillföra"})["id"]
    api("POST", f"/statements/{sid}/open")
    ok(phone(), "position", {"statement": sid, "value": 80})
    api("POST", "/corners", {"text": DRAFT, "labels": WHERE_LABELS})


@pytest.mark.parametrize("fmt", DOCUMENTS)
def test_no_section_when_no_question_was_shown(client, workshop, fac, barometer_only, fmt):
    r = download(client, workshop, fmt, headers=fac)
    assert r.status_code == 200
    text = text_of(fmt, r.data)
    assert "Min organisation har något att tillföra" in text  # the appendix itself is there...
    assert "Fyra hörn" not in text and DRAFT not in text  # ...without an empty Fyra hörn section
    if fmt == "html":
        assert 'id="four-corners"' not in r.get_data(as_text=True)
    if fmt == "docx":
        headings = [
            p.text for p in docx.Document(io.BytesIO(r.data)).paragraphs if p.style.name.startswith("Heading")
        ]
        assert headings[0] == "Åsiktsbarometer" and "Fyra hörn" not in headings


def test_csv_and_json_keep_their_shape_without_questions(client, workshop, fac, barometer_only):
    body = download(client, workshop, "csv", headers=fac).data
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        assert {"corners.csv", "corner_comments.csv", "corner_questions.csv"} <= set(zf.namelist())
        header = zf.read("corner_questions.csv").decode("utf-8-sig").splitlines()
    assert header == [
        "question,question_text,label_0,label_1,label_2,label_3,"
        "count_0,count_1,count_2,count_3,passes,participants,changed,minutes"
    ]
    assert zip_csv(body, "corners.csv") == zip_csv(body, "corner_comments.csv") == []
    assert download(client, workshop, "json", headers=fac).get_json()["fourcorners"] == []
    summary = client.get(f"/api/workshops/{workshop['id']}/summary.html", headers=fac).get_data(as_text=True)
    assert "Fyra hörn" not in summary and "summary-fourcorners-h" not in summary


# -- hostile text --------------------------------------------------------------------------------
SCRIPT = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://x","klick")'
MATHTEXT = "a ${ b $"
HOSTILE_TEXT = f"{FORMULA} {SCRIPT} {MATHTEXT}"
HOSTILE_LABELS = [FORMULA, MATHTEXT, SCRIPT, "@SUM(1)"]
HOSTILE_COMMENT = f"{FORMULA}\n{SCRIPT} {MATHTEXT}"


@pytest.fixture
def hostile(api, phone):
    qid = api("POST", "/corners", {"text": HOSTILE_TEXT, "labels": HOSTILE_LABELS})["id"]
    api("POST", f"/corners/{qid}/open")
    for corner in (0, 1, 1, 2):  # B (the mathtext label) leads: it is in the summary sentence
        ok(phone(), "corner", {"question": qid, "corner": corner})
    api("POST", f"/corners/{qid}/comments", {"text": HOSTILE_COMMENT})


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_text_is_escaped_or_guarded(client, workshop, fac, hostile, fmt):
    r = download(client, workshop, fmt, headers=fac)
    assert r.status_code == 200, r.get_data(as_text=True)[:300]  # the charts drew "a ${ b $"
    text = text_of(fmt, r.data)
    if fmt not in ("csv", "json"):  # what a reader sees is the text as written
        for needle in (HOSTILE_TEXT, *HOSTILE_LABELS, HOSTILE_COMMENT):
            assert flat(needle) in text, needle
    if fmt == "html":
        html = r.get_data(as_text=True)
        assert "<script" not in html.lower()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "Flest valde B (a ${ b $): 2 av 4." in text
    if fmt == "md":
        with zipfile.ZipFile(io.BytesIO(r.data)) as zf:
            md = zf.read("appendix.md").decode("utf-8")
        assert "<script>" not in md and r"\<script\>alert(1)\</script\>" in md  # the alt text too
        assert "| C | \\<script\\>alert(1)\\</script\\> | 1 |" in md
    if fmt == "csv":
        with zipfile.ZipFile(io.BytesIO(r.data)) as zf:
            cells = [
                cell
                for name in ("corners.csv", "corner_comments.csv", "corner_questions.csv")
                for row in csv.reader(io.StringIO(zf.read(name).decode("utf-8-sig")))
                for cell in row
            ]
        assert not [c for c in cells if re.match(r"[=+\-@]", c)], "every formula is guarded"
        assert "'" + HOSTILE_TEXT in cells and "'" + FORMULA in cells and "'@SUM(1)" in cells
        assert "'" + HOSTILE_COMMENT in cells
        assert MATHTEXT in cells and SCRIPT in cells
    if fmt == "json":
        [q] = json.loads(r.data)["fourcorners"]
        assert (q["text"], q["labels"], q["comments"][0]["text"]) == (
            HOSTILE_TEXT,
            HOSTILE_LABELS,
            HOSTILE_COMMENT,
        )


def test_hostile_text_in_the_summary_card_is_escaped(client, workshop, fac, hostile):
    html = client.get(f"/api/workshops/{workshop['id']}/summary.html", headers=fac).get_data(as_text=True)
    assert "<script" not in html.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert flat(HOSTILE_TEXT) in html_text(html)


# -- the rules behind the sentences ---------------------------------------------------------------
@pytest.mark.parametrize(
    "counts, leaders",
    [([0, 0, 0, 0], []), ([0, 3, 0, 1], [1]), ([2, 0, 2, 0], [0, 2]), ([1, 1, 1, 1], [0, 1, 2, 3])],
)
def test_most_chosen_names_every_tied_corner(counts, leaders):
    assert most_chosen(counts) == leaders


def test_changed_is_first_against_final_choice():
    first = {1: 0, 2: 1, 3: None, 4: 2}
    final = {1: 1, 2: 1, 3: 3, 4: 2}  # 1 moved, 2 stayed, 3 passed then chose, 4 went away and back
    assert changed(first, final) == 2
    assert changed({}, {}) == 0
