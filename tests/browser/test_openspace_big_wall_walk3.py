"""A filled Open Space wall scrolls in its own box (issue 20, item 3, the
rest): with 10 rooms × 7 passes and a fika, on the console's Kör at
1366×768 and on the projector at 1280×720 and 1024×768, the page never
scrolls sideways, the wall's box stays on the screen and scrolls inside
itself (keyboard-reachable, named), and its head row (the rooms) and its
first column (the times) stay in view while it scrolls. The projector's
type stays readable instead of shrinking to nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.axe import serious_violations

ROOMS = [
    f"Rum {name}"
    for name in (
        "Klarälven",
        "Vänern",
        "Fryken",
        "Glafsfjorden",
        "Byälven",
        "Norsälven",
        "Letälven",
        "Göta älv",
        "Borgviks",
        "Nedre Fryken",
    )
]
PASSES = 7
TITLE = "Samverkan kring folkhälsa och psykisk hälsa i länet"


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _big_wall(server, rooms=ROOMS, passes=PASSES):
    w = server.new_workshop("Inspirationsdag Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, body=None):
        return server.api(method, base + path, key, body)

    api("PATCH", "/openspace", {"theme": "Hur tar vi samverkan i Värmland vidare?"})
    spaces = [api("POST", "/spaces", {"name": name})["id"] for name in rooms]
    slots = [
        api("POST", "/slots", {"label": f"Pass {i + 1}", "starts_at": f"{8 + i:02d}:00", "minutes": 45})["id"]
        for i in range(passes)
    ]
    api("POST", "/slots", {"label": "Fika", "starts_at": "10:45", "minutes": 15, "kind": "break"})
    n = 0
    for slot in slots:
        for space in spaces:
            n += 1
            topic = api("POST", "/topics", {"title": f"{n}. {TITLE}", "convener": "Helena Andersson"})
            api("PUT", f"/topics/{topic['id']}/placement", {"space": space, "slot": slot})
    api("POST", "/phase", {"phase": "openspace"})
    return w


# The box, and where its head row and first column sit after it scrolled to its far corner.
SCROLLED = """(box) => {
  const grid = document.querySelector(box);
  const before = grid.getBoundingClientRect();
  grid.scrollTo(grid.scrollWidth, grid.scrollHeight);
  const at = (sel) => document.querySelector(`${box} ${sel}`).getBoundingClientRect();
  const corner = at("thead th:first-child"), room = at("thead th:last-child"), time = at("tbody tr:last-child th");
  return {
    box: [before.left, before.top, before.right, before.bottom],
    scrolls: [grid.scrollWidth > grid.clientWidth + 1, grid.scrollHeight > grid.clientHeight + 1],
    moved: [grid.scrollLeft, grid.scrollTop],
    corner: [corner.left - before.left, corner.top - before.top],
    room: room.top - before.top,
    time: time.left - before.left,
  };
}"""


# Titles cut (line-clamped) rather than shown whole.
CLAMPED = """() => [...document.querySelectorAll('.os-p-cell-title')]
  .filter((n) => n.scrollHeight > n.clientHeight + 1).map((n) => n.textContent.slice(0, 20))"""


def _check_scrolls_in_its_box(page, box, width, height, sideways=True):
    page.evaluate("window.scrollTo(0, 0)")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    found = page.evaluate(SCROLLED, box)
    left, top, right, bottom = found["box"]
    assert left >= 0 and right <= width + 0.5 and bottom <= height + 0.5 and top >= 0, found
    assert found["scrolls"][1] and found["moved"][1] > 0, found
    assert found["scrolls"][0] == sideways and (found["moved"][0] > 0) == sideways, found
    # The rooms' row and the times' column stuck to the box's edges.
    assert abs(found["corner"][0]) <= 3 and abs(found["corner"][1]) <= 3, found
    assert abs(found["room"]) <= 3 and abs(found["time"]) <= 3, found
    # The box itself is reachable by keyboard and named.
    grid = page.locator(box)
    assert grid.get_attribute("tabindex") == "0"
    assert grid.get_attribute("role") == "region"
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_the_console_wall_scrolls_in_its_box(server, new_page, artifacts):
    w = _big_wall(server)
    page = new_page(width=1366, height=768)
    page.goto(w["facilitator_url"])
    expect(page.locator("#conn")).to_have_text("Ansluten")
    page.locator("#tab-run").click()
    expect(page.locator("#os-c-table td .os-chip")).to_have_count(len(ROOMS) * PASSES)
    _check_scrolls_in_its_box(page, "#os-c-grid", 1366, 768)
    page.screenshot(path=str(artifacts / "walk3-console-big-wall-1366.png"))
    assert serious_violations(page) == []


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_the_projector_wall_scrolls_in_its_box(server, new_page, artifacts, size):
    width, height = size
    w = _big_wall(server)
    page = new_page(width=width, height=height)
    page.goto(server.url + _path(w["projector_url"]))
    page.wait_for_function(
        f"document.querySelectorAll('#os-p-table td[data-topic]').length === {len(ROOMS) * PASSES}"
    )
    page.wait_for_function("document.getElementById('projector').dataset.view === 'wall'")
    fonts = page.evaluate(
        "[...document.querySelectorAll('.os-p-cell-title')].map((n) => parseFloat(getComputedStyle(n).fontSize))"
    )
    page.screenshot(path=str(artifacts / f"walk3-projector-big-wall-{width}x{height}.png"))
    # The floor (WALL_FLOOR 0.375 of the projector's type, min(3.4vh, 2.4vw), × 1.25 for a
    # title): 11.5 px at these sizes, no smaller, and every title whole.
    assert min(fonts) >= 0.46 * min(0.034 * height, 0.024 * width), fonts
    assert page.evaluate(CLAMPED) == []
    # 10 rooms fit across 1280 px at the floor; at 1024 px the wall scrolls sideways too.
    _check_scrolls_in_its_box(page, "#os-p-grid", width, height, sideways=width < 1280)
    page.screenshot(path=str(artifacts / f"walk3-projector-big-wall-scrolled-{width}x{height}.png"))
    assert serious_violations(page) == []


def test_the_scrolling_projector_wall_shows_the_slot_on_now(server, new_page, artifacts):
    """Ten rooms and twelve short passes around the present minute: the sixth
    is on now, so the projector's wall starts scrolled to it, just under the
    rooms' row (nobody scrolls a projector)."""
    now = datetime.now()
    if (now.hour == 0 and now.minute < 45) or (now.hour == 23 and now.minute > 15):  # around midnight
        now = now.replace(hour=12)
    w = server.new_workshop("Inspirationsdag Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, body=None):
        return server.api(method, base + path, key, body)

    first = now - timedelta(minutes=5 * 5 + 2)  # pass 6 (index 5) holds the present minute
    spaces = [api("POST", "/spaces", {"name": name})["id"] for name in ROOMS]
    slots = [
        api(
            "POST",
            "/slots",
            {
                "label": f"Pass {i + 1}",
                "starts_at": (first + timedelta(minutes=5 * i)).strftime("%H:%M"),
                "minutes": 5,
            },
        )["id"]
        for i in range(12)
    ]
    n = 0
    for slot in slots:
        for space in spaces:
            n += 1
            topic = api("POST", "/topics", {"title": f"{n}. {TITLE}", "convener": "Helena Andersson"})
            api("PUT", f"/topics/{topic['id']}/placement", {"space": space, "slot": slot})
    api("POST", "/phase", {"phase": "openspace"})
    page = new_page(width=1280, height=720)
    page.goto(server.url + _path(w["projector_url"]))
    page.wait_for_function(f"document.querySelectorAll('#os-p-table td[data-topic]').length === {n}")
    # The row of the slot on now sits right under the sticky rooms' row.
    gap = page.wait_for_function(
        """(slot) => {
          const grid = document.getElementById("os-p-grid");
          if (grid.scrollTop === 0) return false;
          const head = grid.querySelector("thead th").getBoundingClientRect();  // sticky: the th, not the thead
          const row = grid.querySelector(`tr[data-slot="${slot}"]`).getBoundingClientRect();
          return [row.top - head.bottom];
        }""",
        arg=slots[5],
    ).json_value()[0]
    assert abs(gap) <= 4, gap
    page.screenshot(path=str(artifacts / "walk3-projector-big-wall-now-1280x720.png"))
