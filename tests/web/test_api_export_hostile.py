"""The appendix over HTTP for the longest title a workshop may have and a
phone's HTML in a topic's title (issue 17, holes 3 and 4): every format
answers 200, Word's title is cut to what it takes, and the Markdown alt text
stays text."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pypdf
import pytest

from tests.conftest import ok
from tests.web.test_api_export import download
from workshop.domain.text import ELLIPSIS

# 200 characters, the most POST /api/workshops takes.
LONG_TITLE = ("Samverkan mellan kommun och civilsamhälle i Värmland " * 4)[:199] + "Ä"
HOSTILE = '<x y=" onerror=alert(document.domain) onload=alert(1) z=">'
FORMATS = ["pdf", "docx", "html", "md", "csv", "json"]


@pytest.fixture
def workshop(client, admin):
    response = client.post("/api/workshops", json={"title": LONG_TITLE}, headers=admin)
    assert response.status_code == 201
    return response.get_json()


@pytest.fixture
def ran(api, phone):
    """All three methods used, so the title names all three; the phone
    proposes the hostile topic and stands at it (the busiest topic, which
    the headcount chart's alt text names)."""
    p = phone()
    sid = api("POST", "/statements", {"text": "Vi behöver mer samverkan"})["id"]
    api("POST", f"/statements/{sid}/open")
    ok(p, "position", {"statement": sid, "value": 70})
    api("POST", f"/statements/{sid}/close")
    api("POST", "/phase", {"phase": "openspace"})
    topic = ok(p, "topic", {"title": HOSTILE})["id"]
    ok(p, "here", {"topic": topic})
    qid = api("POST", "/corners", {"text": "Var bor du?", "labels": ["Norr", "Öster", "Söder", "Väster"]})[
        "id"
    ]
    api("POST", f"/corners/{qid}/open")
    ok(p, "corner", {"question": qid, "corner": 2})
    return topic


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_longest_title_with_every_method_exports_in_every_format(client, workshop, fac, ran, fmt):
    r = download(client, workshop, fmt, headers=fac)
    assert r.status_code == 200, r.get_data(as_text=True)[:300]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_word_takes_the_title_cut_at_255_with_an_ellipsis(client, workshop, fac, ran, lang):
    body = download(client, workshop, "docx", headers=fac, lang=lang).data
    document = docx.Document(io.BytesIO(body))
    title = document.core_properties.title
    assert len(title) <= 255 and title.endswith(ELLIPSIS)
    assert title.startswith("Bilaga – " if lang == "sv" else "Appendix – ")
    # The heading on the page keeps the whole title; only the property is cut.
    assert LONG_TITLE in document.paragraphs[0].text


def test_the_pdf_keeps_the_whole_title_in_its_metadata(client, workshop, fac, ran):
    reader = pypdf.PdfReader(io.BytesIO(download(client, workshop, "pdf", headers=fac).data))
    title = reader.xmp_metadata.dc_title["x-default"]  # PDF/A: the title lives in XMP
    assert LONG_TITLE in title and "Fyra hörn" in title


def test_the_markdown_alt_text_holds_the_topic_as_escaped_text(client, workshop, fac, ran):
    body = download(client, workshop, "md", headers=fac).data
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        text = zf.read("appendix.md").decode("utf-8")
    images = re.findall(r"^!\[(.*)\]\((charts/[^)]+)\)$", text, re.M)
    assert len(images) == 3  # the statement, the headcount, the corners
    headcount = next(alt for alt, file in images if file == "charts/openspace-headcount.png")
    assert "onerror" in headcount  # the topic is named, as text
    assert re.findall(r"(?<!\\)[<>\[\]&]", headcount) == []
    assert "<x" not in text.replace("\\<", "")
