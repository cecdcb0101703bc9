"""Open Space in Kör at 1366×768 (issue 20, item 3): with twelve topics not
yet on the wall and a wall of four rooms × three slots, every topic title
and every cell is on the screen without scrolling the page; titles wrap
between words, never inside one; axe-core finds nothing serious."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import serious_violations, violations
from tests.browser.test_cockpit import HEIGHT, WIDTH, Workshop, _console, _height
from tests.browser.test_cockpit_walk1 import TITLE

TOPICS = [
    "Projektledning och struktur",
    "Kommunikation: avsändare, budskap, mottagare",
    "Folkhälsa och psykisk hälsa",
    "Gemensamma lokaler",
    "Överenskommelsen i praktiken",
    "Integrationsarbetet",
    "Ungas inflytande",
    "Finansiering av idéburna organisationer",
    "Landsbygdens service",
    "Kompetensförsörjning",
    "Digitalisering i föreningslivet",
    "Samverkansavtal",
]
ROOMS = [
    ("Stora salen", 40),
    ("Grupprum Klarälven", 12),
    ("Grupprum Vänern", 12),
    ("Biblioteket", 8),
]

# Each element's box that is not wholly inside the viewport.
_OUTSIDE = """(selector) => [...document.querySelectorAll(selector)]
  .filter((n) => n.checkVisibility())
  .map((n) => [n, n.getBoundingClientRect()])
  .filter(([, r]) => r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5
    || r.width < 1 || r.height < 1)
  .map(([n, r]) => `${n.textContent.trim().slice(0, 30)} ${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.right)},${Math.round(r.bottom)}`)"""

# Words broken inside: a text node whose line boxes split a word (a line that
# starts with a letter that continues the previous line's last word), where
# the word would have fit on a line of its own. (Without a hyphenation
# dictionary a word wider than its whole column must break somewhere.)
_BROKEN_WORDS = """(selector) => [...document.querySelectorAll(selector)].flatMap((n) => {
  const text = n.textContent; const out = [];
  const walker = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    let lastTop = null;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect) continue;
      const top = Math.round(rect.top);
      if (lastTop !== null && top > lastTop + 2 && /\\S/.test(node.data[i - 1] || "") && /\\S/.test(node.data[i])) {
        // Broken inside a word: a fault unless the word alone is wider than its box.
        const start = node.data.lastIndexOf(" ", i) + 1;
        const end = node.data.indexOf(" ", i) < 0 ? node.length : node.data.indexOf(" ", i);
        range.setStart(node, start); range.setEnd(node, end);
        const whole = [...range.getClientRects()].reduce((sum, b) => sum + b.width, 0);
        if (whole <= n.clientWidth) out.push(node.data.slice(Math.max(0, i - 12), i) + "|" + node.data.slice(i, i + 12));
      }
      lastTop = top;
    }
  }
  return out; })"""

# Scrolling boxes in the Open Space part that hold content beyond their view.
_SCROLLED = """() => [...document.querySelectorAll('#os-run *')].filter((n) => n.checkVisibility()
  && ['auto', 'scroll'].includes(getComputedStyle(n).overflowY) && n.scrollHeight > n.clientHeight + 1)
  .map((n) => n.id || n.className)"""


def _wall(server):
    workshop = Workshop(server, phones=0)
    api = workshop.api
    api("POST", "/phase", {"phase": "openspace"})
    api("PATCH", "/openspace", {"theme": "Hur tar vi samverkan i Värmland vidare?"})
    for name, capacity in ROOMS:
        api("POST", "/spaces", {"name": name, "capacity": capacity})
    for label, start in (("Pass 1", "13:00"), ("Pass 2", "14:05"), ("Pass 3", "15:00")):
        api("POST", "/slots", {"label": label, "starts_at": start, "minutes": 45})
    for title in TOPICS:
        api("POST", "/topics", {"title": title, "convener": "Bo"})
    return workshop


def _walk(server):
    made = server.new_workshop
    server.new_workshop = lambda _title: made(TITLE)
    try:
        return _wall(server)
    finally:
        del server.new_workshop


def test_twelve_topics_and_a_four_by_three_wall_fit_a_laptop_screen(server, new_page, artifacts):
    workshop = _walk(server)
    page, errors = _console(new_page, workshop)
    expect(page.locator("#os-c-pool .os-chip")).to_have_count(12)
    expect(page.locator("#os-c-table td.os-c-cell")).to_have_count(12)
    page.screenshot(path=str(artifacts / "walk1-console-openspace-1366.png"))
    assert page.viewport_size == {"width": WIDTH, "height": HEIGHT}
    assert _height(page) <= HEIGHT
    # Every title in the pool, every placing menu, every cell and the room names: inside the viewport.
    assert page.evaluate(_OUTSIDE, "#os-c-pool .os-chip strong") == []
    assert page.evaluate(_OUTSIDE, "#os-c-pool select") == []
    assert page.evaluate(_OUTSIDE, "#os-c-table td.os-c-cell, #os-c-table th") == []
    # ...and not hidden in a box that scrolls.
    assert page.evaluate(_SCROLLED) == []
    assert page.evaluate(_BROKEN_WORDS, "#os-c-pool .os-chip strong, #os-c-table th") == []
    found = violations(page)
    assert [v for v in found if v["id"] == "scrollable-region-focusable"] == []
    assert serious_violations(page) == []

    # Placed: the cards on the wall keep their words whole too.
    wall = workshop.api("GET", "/wall")
    cells = [(s["id"], t["id"]) for s in wall["slots"] for t in wall["spaces"]]
    for topic, (slot, space) in zip(wall["topics"][:5], cells):
        workshop.api("PUT", f"/topics/{topic['id']}/placement", {"space": space, "slot": slot})
    expect(page.locator("#os-c-table .os-chip")).to_have_count(5)
    page.screenshot(path=str(artifacts / "walk1-console-openspace-placed-1366.png"))
    assert page.evaluate(_BROKEN_WORDS, "#os-c-table .os-chip strong") == []
    # Nothing spills out of its card; the rest of the pool still on the screen, the page still one screen
    # (a wall grown taller than its share scrolls in its own box, reachable by keyboard).
    spill = "[...document.querySelectorAll('#os-run .os-chip')].filter((c) => c.scrollWidth > c.clientWidth + 1).length"
    assert page.evaluate(spill) == 0
    assert page.evaluate(_OUTSIDE, "#os-c-pool .os-chip strong, #os-c-pool select") == []
    assert _height(page) <= HEIGHT
    assert [v for v in violations(page) if v["id"] == "scrollable-region-focusable"] == []
    assert serious_violations(page) == []

    page.set_viewport_size({"width": 320, "height": 700})
    page.wait_for_function("document.documentElement.scrollWidth <= 320")
    page.screenshot(path=str(artifacts / "walk1-console-openspace-320.png"), full_page=True)
    assert serious_violations(page) == []
    assert errors == []
