"""The minutes and the decisions in every export: a workshop run through the
real HTTP API and participant sockets, downloaded in each format and read back."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.conftest import ok
from tests.web.test_api_export import download, text_of

FORMATS = ["pdf", "docx", "html", "md", "csv", "json"]
MINUTES = "Övervikt åt håller med; skolan nämndes <b>två</b> gånger."
CORNER_MINUTES = "Norr och Öster lika stora & <script>alert(1)</script>"
DECISION = ("Ta fram en överenskommelse", "Anna Berg", "v. 12")
BARE = "Ses igen i höst"


@pytest.fixture
def ran(api, phone):
    phones = [phone() for _ in range(4)]
    written = api("POST", "/statements", {"text": "Vi bör fortsätta arbetet"})["id"]
    untouched = api("POST", "/statements", {"text": "Det kostar inget"})["id"]
    for sid, values in ((written, (70, 75, 80, 90)), (untouched, (10, 15, 20, 25))):
        api("POST", f"/statements/{sid}/open")
        for p, v in zip(phones, values):
            ok(p, "position", {"statement": sid, "value": v})
        api("POST", f"/statements/{sid}/close")
    api("PUT", f"/statements/{written}/minutes", {"text": "utkast", "version": 0})
    api("PUT", f"/statements/{written}/minutes", {"text": MINUTES, "version": 1})
    q = api("POST", "/corners", {"text": "Var bor du?", "labels": ["Norr", "Öster", "Söder", "Väster"]})["id"]
    api("POST", f"/corners/{q}/open")
    ok(phones[0], "corner", {"question": q, "corner": 0})
    api("POST", f"/corners/{q}/close")
    api("PUT", f"/corners/{q}/minutes", {"text": CORNER_MINUTES, "version": 0})
    api("POST", "/decisions", {"text": DECISION[0], "who": DECISION[1], "when": DECISION[2]})
    api("POST", "/decisions", {"text": BARE})
    return {"written": written, "untouched": untouched}


@pytest.mark.parametrize("fmt", FORMATS)
def test_minutes_and_decisions_in_every_format(client, workshop, fac, ran, fmt):
    r = download(client, workshop, fmt, headers=fac)
    assert r.status_code == 200
    text = text_of(fmt, r.data)
    assert MINUTES in text.replace("\\", "")
    assert CORNER_MINUTES in text.replace("\\", "")
    assert " — ".join(DECISION) in text or fmt in ("csv", "json")
    assert BARE in text
    if fmt in ("pdf", "docx", "html", "md"):
        assert "Protokollsanteckning" in text and "Beslut och nästa steg" in text
        # The untouched statement keeps its automatic summary line.
        assert "Sammanfattning" in text


def test_minutes_replace_the_summary_line(client, workshop, fac, ran):
    md = text_of("md", download(client, workshop, "md", headers=fac).data)
    assert md.count("Protokollsanteckning") == 2  # the statement and the question with minutes
    html = download(client, workshop, "html", headers=fac).data.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;b&gt;två&lt;/b&gt;" in html
    assert 'id="decisions"' in html


def test_json_carries_minutes_and_decisions(client, workshop, fac, ran):
    doc = json.loads(download(client, workshop, "json", headers=fac).data)
    by_id = {s["id"]: s for s in doc["statements"]}
    assert by_id[ran["written"]]["minutes"] == {"text": MINUTES, "version": 2}
    assert by_id[ran["untouched"]]["minutes"] is None
    assert doc["fourcorners"][0]["minutes"] == {"text": CORNER_MINUTES, "version": 1}
    assert doc["decisions"] == [
        {"text": DECISION[0], "who": DECISION[1], "when": DECISION[2]},
        {"text": BARE, "who": None, "when": None},
    ]


def test_csv_has_the_decisions_table(client, workshop, fac, ran):
    body = download(client, workshop, "csv", headers=fac).data
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        rows = zf.read("decisions.csv").decode("utf-8-sig").splitlines()
        statements = zf.read("statements.csv").decode("utf-8-sig")
    assert rows[0] == "decision,text,who,when"
    assert rows[1] == f"1,{DECISION[0]},{DECISION[1]},{DECISION[2]}"
    assert MINUTES in statements


def test_no_decisions_no_section(client, workshop, fac, api):
    md = text_of("md", download(client, workshop, "md", headers=fac).data)
    assert "Beslut och nästa steg" not in md
    doc = json.loads(download(client, workshop, "json", headers=fac).data)
    assert doc["decisions"] == []
    assert "Beslut" not in doc["title"]


def test_the_summary_page_shows_them_too(client, workshop, fac, ran):
    r = client.get(f"/api/workshops/{workshop['id']}/summary.html", headers=fac)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "Protokollsanteckning" in html and "Beslut och nästa steg" in html
    assert "Ta fram en överenskommelse — Anna Berg — v. 12" in html
