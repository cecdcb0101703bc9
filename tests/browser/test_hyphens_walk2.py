"""Long Swedish compounds hyphenate, never break mid-word (issue 20, item 9):
every page carries the workshop's language on <html> with `hyphens: auto` in
effect on its text, and at 320 px Fyra hörn's answers break only where a
hyphen shows (measured letter by letter: two letters of one word never sit on
different lines unless a soft hyphen lies between them)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe import serious_violations

QUESTION = "Vad är viktigast för att samverkan ska fungera i Värmland?"
LABELS = [
    "Tydlig projektledning",
    "Gemensam finansiering",
    "Kommunikation – en avsändare",
    "Fler idéburna med i arbetsgrupperna",
]

HYPHENS = """(selectors) => selectors.map((s) => {
  const node = document.querySelector(s);
  return [s, node ? getComputedStyle(node).hyphens : null];
})"""

# Each place where two letters of one word sit on different lines with no soft hyphen between.
BROKEN = r"""(selector) => {
  const out = [];
  for (const node of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const s = text.data;
      let top = null;
      for (let i = 0; i < s.length; i++) {
        if (!/\p{L}/u.test(s[i])) { top = null; continue; }
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const rects = range.getClientRects();
        const rect = rects[rects.length - 1];  // after a hyphenated break the first box is the hyphen's
        if (!rect) continue;
        if (top !== null && Math.abs(rect.top - top) > 2) out.push(`${s.slice(Math.max(0, i - 12), i)}|${s.slice(i, i + 3)}`);
        top = rect.top;
      }
    }
  }
  return out;
}"""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _fourcorners(server, title="Inspirationsdag Värmland – samverkan idéburet och offentligt", **fields):
    w = server.new_workshop(title, **fields)
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    q = server.api("POST", f"{base}/corners", key, {"text": QUESTION, "labels": LABELS}, expect=201)
    server.api("POST", f"{base}/corners/{q['id']}/open", key, expect=200)
    server.api("POST", f"{base}/phase", key, {"phase": "fourcorners"}, expect=200)
    return w


@pytest.mark.parametrize("width", [320, 375])
def test_phone_answers_hyphenate_and_never_break_mid_word(server, new_page, artifacts, width):
    w = _fourcorners(server)
    phone = new_page(width=width, height=700, is_mobile=True)
    phone.goto(server.url + _path(w["join_url"]))
    expect(phone.locator("#fc-phone")).to_be_visible()
    expect(phone.locator(".fc-label").first).to_contain_text("pro")
    assert phone.evaluate("document.documentElement.lang") == "sv"
    for selector, hyphens in phone.evaluate(
        HYPHENS, ["#fc-question", ".fc-label", ".phone-title", "#fc-hint"]
    ):
        assert hyphens == "auto", selector
    assert phone.evaluate(BROKEN, ".fc-label, #fc-question, .phone-title") == []
    # A screen reader hears the words whole.
    expect(phone.get_by_role("button", name="Hörn A: Tydlig projektledning")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= width
    phone.screenshot(path=str(artifacts / f"walk2-phone-fourcorners-{width}.png"), full_page=True)
    assert serious_violations(phone) == []


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_projector_and_console_carry_the_language_and_hyphenate(server, new_page, artifacts, size):
    w = _fourcorners(server)
    projector = new_page(width=size[0], height=size[1])
    projector.goto(server.url + _path(w["projector_url"]))
    expect(projector.locator("#fc-p-question")).to_have_text(QUESTION)
    assert projector.evaluate("document.documentElement.lang") == "sv"
    for selector, hyphens in projector.evaluate(HYPHENS, ["#fc-p-question", ".fc-label", ".join-text"]):
        assert hyphens == "auto", selector
    assert projector.evaluate(BROKEN, ".fc-label") == []
    projector.screenshot(path=str(artifacts / f"walk2-projector-fourcorners-{size[0]}x{size[1]}.png"))
    console = new_page(width=1366, height=768)
    console.goto(w["facilitator_url"])
    expect(console.locator("#conn")).to_have_text("Ansluten")
    assert console.evaluate("document.documentElement.lang") == "sv"
    for selector, hyphens in console.evaluate(HYPHENS, ["h1", ".console-facts", "#mode-run h2"]):
        assert hyphens == "auto", selector


def test_an_english_workshop_speaks_english_on_the_phone(server, new_page):
    w = _fourcorners(server, "Inspiration day", language="en")
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(server.url + _path(w["join_url"]))
    expect(phone.locator("#fc-phone")).to_be_visible()
    assert phone.evaluate("document.documentElement.lang") == "en"
    assert phone.evaluate(HYPHENS, [".fc-label"]) == [[".fc-label", "auto"]]
