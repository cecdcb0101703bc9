"""The Open Space agenda wall fills the projector (issue 20, item 11): with
4 rooms × 3 slots and a fika at 1280×720 the topics are at least 28 px, the
wall reaches down to the law of two feet, every time range sits on one
line, and nothing leaves the screen; at 1024×768 too."""

from __future__ import annotations

import pytest

from tests.browser.axe import serious_violations
from tests.browser.test_projector_fit import LAYOUT

ROOMS = ["Stora salen", "Grupprum Klarälven", "Grupprum Vänern", "Grupprum Fryken"]
TITLES = [
    "Projektledning och struktur",
    "Folkhälsa och psykisk hälsa",
    "Kommunikation – avsändare, budskap, mottagare",
    "Ekonomi: vem betalar?",
    "Samverkan över kommungränserna",
    "Ungas inflytande",
    "Överenskommelsen i praktiken",
    "Lokaler och mötesplatser",
    "Idéburet offentligt partnerskap",
    "Uppföljning",
    "Ideella krafter",
    "Nästa steg",
]
CLOCK_LINES = """() => [...document.querySelectorAll("#os-p-table .os-p-clock")].map((n) => {
  const range = document.createRange();
  range.selectNodeContents(n);
  const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
  return [n.textContent, tops.size];
})"""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _wall(server):
    w = server.new_workshop("Inspirationsdag Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, body=None):
        return server.api(method, base + path, key, body)

    api("PATCH", "/openspace", {"theme": "Hur tar vi samverkan i Värmland vidare?"})
    spaces = [api("POST", "/spaces", {"name": name})["id"] for name in ROOMS]
    slots = [
        api("POST", "/slots", {"label": f"Pass {i + 1}", "starts_at": start, "minutes": 45})["id"]
        for i, start in enumerate(("13:00", "14:05", "15:00"))
    ]
    api("POST", "/slots", {"label": "Fika", "starts_at": "13:45", "minutes": 20, "kind": "break"})
    titles = iter(TITLES)
    for slot in slots:
        for space in spaces:
            topic = api("POST", "/topics", {"title": next(titles), "convener": "Monica"})
            api("PUT", f"/topics/{topic['id']}/placement", {"space": space, "slot": slot})
    api("POST", "/phase", {"phase": "openspace"})
    return w


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_the_wall_fills_the_screen_with_large_type(server, new_page, artifacts, size):
    width, height = size
    w = _wall(server)
    page = new_page(width=width, height=height)
    page.goto(server.url + _path(w["projector_url"]))
    page.wait_for_function("document.querySelectorAll('#os-p-table td[data-topic]').length === 12")
    page.wait_for_function("document.getElementById('projector').dataset.view === 'wall'")
    fonts = page.evaluate(
        "[...document.querySelectorAll('.os-p-cell-title')].map((n) => parseFloat(getComputedStyle(n).fontSize))"
    )
    if size == (1280, 720):
        assert min(fonts) >= 28, fonts
    else:
        assert min(fonts) >= 24, fonts
    table = page.locator("#os-p-table").bounding_box()
    law = page.locator("#os-p-wall .os-law-small").bounding_box()
    assert table["y"] + table["height"] >= law["y"] - 0.1 * height, (table, law)  # down to the foot
    assert table["width"] >= 0.9 * width
    assert all(lines == 1 for _, lines in page.evaluate(CLOCK_LINES)), page.evaluate(CLOCK_LINES)
    assert page.evaluate(LAYOUT) == []
    page.screenshot(path=str(artifacts / f"walk2-projector-wall-{width}x{height}.png"))
    assert serious_violations(page) == []
