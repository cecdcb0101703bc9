"""Long Swedish compounds in people's own text break with a hyphen, never
mid-word (issue 20, item 9, the rest): Debian's Chromium has no Swedish
hyphenation dictionary, so the scripts put soft hyphens into long words
(static/js/hyphenate.js, the one function) wherever such text is shown: the
barometer's statement on the projector and the phone, Open Space's topic
titles on the phone, and the console's lists (statements, questions and
their corners, topics, the wall's cards). Measured letter by letter (BROKEN,
from the Fyra hörn test): two letters of one word never sit on different
lines unless a soft hyphen lies between them. Names for screen readers and
the edit fields keep the words whole."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.test_hyphens_walk2 import BROKEN

STATEMENT = (
    "Civilsamhällesorganisationernas samverkansöverenskommelse med kommunförvaltningarna behöver förnyas"
)
TOPIC = "Finansieringsmöjligheter för civilsamhällesorganisationer"
QUESTION = "Vilken samverkansöverenskommelse är viktigast?"
LABELS = ["Kommunförvaltningarna", "Civilsamhällesorganisationerna", "Regionförbundet", "Idrottsföreningarna"]

# The long words of a node's text that carry no soft hyphen.
UNMARKED = r"""(selector) => [...document.querySelectorAll(selector)]
  .flatMap((n) => n.textContent.match(/[\p{L}\u00ad]{14,}/gu) || [])
  .filter((word) => !word.includes("\u00ad"))"""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _workshop(server):
    w = server.new_workshop("Inspirationsdag Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, body=None):
        return server.api(method, base + path, key, body)

    return w, api


def test_the_statement_on_the_projector_and_the_phone(server, new_page, artifacts):
    w, api = _workshop(server)
    server.open_statement(w, STATEMENT)
    api("POST", "/phase", {"phase": "barometer"})
    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    expect(projector.locator("#statement")).to_have_text(STATEMENT)
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(server.url + _path(w["join_url"]))
    expect(phone.locator("#statement")).to_have_text(STATEMENT)
    for page in (projector, phone):
        assert page.evaluate(UNMARKED, "#statement") == []
        assert page.evaluate(BROKEN, "#statement") == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    projector.screenshot(path=str(artifacts / "walk3-hyphens-projector-statement-1280x720.png"))
    phone.screenshot(path=str(artifacts / "walk3-hyphens-phone-statement-320.png"), full_page=True)
    assert serious_violations(phone) == []


def test_open_space_titles_on_the_phone(server, new_page, artifacts):
    w, api = _workshop(server)
    api("POST", "/topics", {"title": TOPIC, "convener": "Monica"})
    api("POST", "/phase", {"phase": "openspace"})
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(server.url + _path(w["join_url"]))
    expect(phone.locator(".os-topic-title")).to_have_text(TOPIC)
    assert phone.evaluate(UNMARKED, ".os-topic-title") == []
    assert phone.evaluate(BROKEN, ".os-topic-title") == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    phone.screenshot(path=str(artifacts / "walk3-hyphens-phone-openspace-320.png"), full_page=True)


def test_the_consoles_lists(server, new_page, artifacts):
    w, api = _workshop(server)
    api("POST", "/statements", {"text": STATEMENT})
    api("POST", "/corners", {"text": QUESTION, "labels": LABELS})
    topic = api("POST", "/topics", {"title": TOPIC})
    room = api("POST", "/spaces", {"name": "Stora salen"})
    slot = api("POST", "/slots", {"label": "Pass 1", "starts_at": "13:00", "minutes": 45})
    api("POST", "/topics", {"title": "Kommunikationsplaneringsfrågor"})
    api("PUT", f"/topics/{topic['id']}/placement", {"space": room["id"], "slot": slot["id"]})
    api("POST", "/phase", {"phase": "openspace"})
    page = new_page(width=320, height=640, is_mobile=True)
    page.goto(w["facilitator_url"])
    expect(page.locator("#conn")).to_have_text("Ansluten")
    # Kör: the wall's cards and the pool.
    page.locator("#tab-run").click()
    expect(page.locator(".os-chip strong").first).to_be_visible()
    assert page.evaluate(UNMARKED, "#mode-run .os-chip strong") == []
    assert page.evaluate(BROKEN, "#mode-run .os-chip strong") == []
    page.screenshot(path=str(artifacts / "walk3-hyphens-console-run-320.png"), full_page=True)
    # Förbered: statements, questions and their corners, topics.
    page.locator("#tab-prepare").click()
    expect(page.locator("#statements li .text")).to_have_text(STATEMENT)
    expect(page.locator(".os-c-title").first).to_be_visible()
    lists = "#statements li .text, .fc-c-corners li, .os-c-title"
    assert page.evaluate(UNMARKED, lists) == []
    assert page.evaluate(BROKEN, lists) == []
    # Names stay whole for screen readers, and the edit field holds the plain text.
    page.get_by_role("button", name=f"Redigera: {STATEMENT}").click()
    expect(page.locator("#statements input").first).to_have_value(STATEMENT)
    assert page.locator("#statements input").first.evaluate("(n) => n.value.includes('\u00ad')") is False
    page.screenshot(path=str(artifacts / "walk3-hyphens-console-prepare-320.png"), full_page=True)
    assert serious_violations(page) == []
