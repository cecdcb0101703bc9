"""The projector in front of a room, in Debian's Chromium: every view at
1024×768, 1280×720, 1920×1080 and 3840×2160 keeps every element on the
screen and clear of the join panel, counts stay readable from the back, the
view the facilitator picked survives a reload, and axe-core finds nothing
serious. Screenshots of each view at 1280×720 and 1920×1080 go to
test-artifacts/projector-<view>-<width>.png."""

from __future__ import annotations

import re
import time
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.waits import until
from tests.registry import open_store

SIZES = [(1024, 768), (1280, 720), (1920, 1080), (3840, 2160)]
SHOTS = {(1280, 720), (1920, 1080)}
ROOMS, SLOTS = 6, 8

# Every visible element inside the viewport and clear of the join panel (when
# it shows); no text spilling out of its box; the page never scrolls.
LAYOUT = """() => {
  const vw = window.innerWidth, vh = window.innerHeight, problems = [];
  const name = (n) => n.tagName.toLowerCase() + (n.id ? "#" + n.id : "")
    + (typeof n.className === "string" && n.className.trim() ? "." + n.className.trim().split(/\\s+/).join(".") : "")
    + (n.textContent.trim() ? ` "${n.textContent.trim().slice(0, 30)}"` : "");
  const root = document.documentElement;
  if (root.scrollHeight > vh || root.scrollWidth > vw) problems.push(`page scrolls: ${root.scrollWidth}×${root.scrollHeight}`);
  const panel = document.getElementById("join");
  const shown = (n) => n.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const box = panel && shown(panel) ? panel.getBoundingClientRect() : null;
  for (const n of document.body.querySelectorAll("*")) {
    if (n.closest(".skip, script") || !shown(n)) continue;
    const r = n.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;  // nothing to see (screen-reader-only text)
    if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {
      problems.push(`off screen: ${name(n)} ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
    }
    if (box && !n.contains(panel) && !panel.contains(n) && r.left < box.right - 0.5 && r.right > box.left + 0.5
        && r.top < box.bottom - 0.5 && r.bottom > box.top + 0.5) {
      problems.push(`under the join panel: ${name(n)}`);
    }
    const text = [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
    if (text && n.clientWidth > 0 && (n.scrollWidth > n.clientWidth + 1 || n.scrollHeight > n.clientHeight + 1)) {
      problems.push(`text cut off or spilling: ${name(n)} ${n.scrollWidth}×${n.scrollHeight} in ${n.clientWidth}×${n.clientHeight}`);
    }
  }
  return problems;
}"""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _wait_view(page, view: str) -> None:
    page.wait_for_function("(v) => document.getElementById('projector').dataset.view === v", arg=view)


def _settle(page) -> None:
    """Two frames (the resize handler runs in the next one), then until the
    dots have glided to their new places."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")


def check_fits(page, view: str, artifacts, counts: str | None = None, shot: str | None = None) -> dict:
    """The view at every size; returns {size: font size of the counts in px}."""
    fonts = {}
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        _settle(page)
        _wait_view(page, view)
        # The resize handler may fit the view over a few frames: wait for a clean layout, then assert it.
        problems = until(page, lambda: page.evaluate(LAYOUT), lambda found: found == [], timeout=5.0)
        assert problems == [], f"{view} at {width}×{height}"
        if counts:
            fonts[(width, height)] = page.evaluate(
                "(sel) => parseFloat(getComputedStyle(document.querySelector(sel)).fontSize)", counts
            )
            assert fonts[(width, height)] >= 0.03 * height, f"{view} counts at {width}×{height}"
        if (width, height) in SHOTS:
            page.screenshot(path=str(artifacts / f"projector-{shot or view}-{width}.png"))
    page.set_viewport_size({"width": 1280, "height": 720})
    _settle(page)
    return fonts


def no_serious_violations(page) -> None:
    found = serious_violations(page)
    assert found == [], found


@pytest.fixture(scope="module")
def store(server):
    """The server's own database, opened from the test process: 200 phones'
    positions without 200 sockets."""
    s = open_store(server.data_dir / "workshop.db")
    yield s
    s.close()


def _projector(new_page, server, w, width=1280, height=720):
    page = new_page(width=width, height=height)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server.url + _path(w["projector_url"]))
    page.wait_for_selector("#code")
    return page, errors


def test_barometer_lobby_statement_result_and_end(server, store, new_page, artifacts):
    started = time.monotonic()
    w = server.new_workshop("Inspirationsdag Värmland – idéburen sektor och region i samverkan")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    s = server.api(
        "POST",
        f"{base}/statements",
        key,
        {
            "text": "Min organisation har något att tillföra till Värmlands utveckling, "
            "och vi vill vara med och forma den regionala överenskommelsen"
        },
        expect=201,
    )
    page, errors = _projector(new_page, server, w)

    # The lobby: title, QR code, code and address, all on the screen.
    _wait_view(page, "lobby")
    for part in (".projector-title", ".qr svg", "#code", ".join-url"):
        expect(page.locator(part)).to_be_visible()
    check_fits(page, "lobby", artifacts)
    no_serious_violations(page)

    # A statement with 200 people on the line (and 12 passes).
    server.api("POST", f"{base}/statements/{s['id']}/open", key, expect=200)
    for i in range(212):
        person = store.add_participant(w["id"])
        value = None if i % 18 == 0 else (i * 37) % 101
        store.record_position(w["id"], s["id"], person["id"], value)
    page.reload()
    _wait_view(page, "statement")
    page.wait_for_function("document.querySelectorAll('#swarm .dot').length === 200")
    expect(page.locator("#count")).to_have_text("Positioner: 200")
    expect(page.locator("#passes")).to_have_text("Pass: 12")
    fonts = check_fits(page, "statement", artifacts, counts=".counts")
    # Mitten sits under the middle of the line.
    line, middle = page.evaluate("""() => [document.querySelector('#stage .line').getBoundingClientRect(),
        document.querySelector('#stage .line-labels > :nth-child(2)').getBoundingClientRect()]""")
    assert abs((line["left"] + line["right"]) / 2 - (middle["left"] + middle["right"]) / 2) < 2
    no_serious_violations(page)
    # Opened on a phone (320 px): one column, nothing runs off sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    _settle(page)
    width = until(page, lambda: page.evaluate("document.documentElement.scrollWidth"), lambda w: w <= 320)
    assert width <= 320
    page.screenshot(path=str(artifacts / "projector-statement-320.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 720})

    # "Stäng": the room keeps the result of the statement just closed.
    server.api("POST", f"{base}/statements/{s['id']}/close", key, expect=200)
    _wait_view(page, "result")
    expect(page.locator("#closed-badge")).to_be_visible()
    expect(page.locator("#closed-badge")).to_have_text(re.compile("^stängt$", re.IGNORECASE))
    expect(page.locator("#summary")).to_have_text(re.compile(r"\S"))  # the verbal summary, in Swedish
    expect(page.locator("#swarm .dot")).to_have_count(200)
    check_fits(page, "result", artifacts, counts=".counts")
    no_serious_violations(page)

    # The facilitator's choice is stored: a reloaded projector comes back to it.
    server.api("PUT", f"{base}/projector", key, {"view": "lobby"}, expect=200)
    _wait_view(page, "lobby")
    page.reload()
    _wait_view(page, "lobby")
    server.api("PUT", f"{base}/projector", key, {"view": "result"}, expect=200)
    page.reload()
    _wait_view(page, "result")
    server.api("PUT", f"{base}/projector", key, {"view": None}, expect=200)

    # The end: a thank-you with the title; no QR code, no way to join.
    server.api("POST", f"{base}/phase", key, {"phase": "ended"}, expect=200)
    server.api("PUT", f"{base}/projector", key, {"view": "thanks"}, expect=200)
    _wait_view(page, "thanks")
    expect(page.locator(".thanks-big")).to_have_text("Tack!")
    expect(page.locator(".thanks-title")).to_have_text(w["title"])
    expect(page.locator("#join")).to_be_hidden()
    expect(page.locator(".qr")).to_be_hidden()
    check_fits(page, "thanks", artifacts)
    no_serious_violations(page)
    assert errors == []
    print(f"barometer projector: {fonts} counts px; {time.monotonic() - started:.1f}s")


def _full_wall(server, base: str, key: str) -> None:
    def api(method, path, json=None):
        return server.api(method, base + path, key, json)

    rooms = ["Klarälven", "Vänern", "Fryken", "Glafsfjorden", "Byälven", "Norsälven"]
    spaces = [api("POST", "/spaces", {"name": f"Rum {name}"})["id"] for name in rooms[:ROOMS]]
    slots = []
    for i in range(SLOTS):
        slots.append(
            api("POST", "/slots", {"label": f"Pass {i + 1}", "starts_at": f"{9 + i:02d}:00", "minutes": 45})[
                "id"
            ]
        )
    api("POST", "/slots", {"label": "Fika", "starts_at": "11:45", "minutes": 15, "kind": "break"})
    n = 0
    for slot in slots:
        for space in spaces:
            n += 1
            topic = api(
                "POST",
                "/topics",
                {
                    "title": f"Ämne {n}: samverkan kring folkhälsa och psykisk hälsa i länet",
                    "convener": "Helena Andersson",
                },
            )
            api("PUT", f"/topics/{topic['id']}/placement", {"space": space, "slot": slot})


def test_open_space_opening_wall_and_break(server, new_page, artifacts):
    started = time.monotonic()
    w = server.new_workshop("Inspirationsdag Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    server.api(
        "PATCH",
        f"{base}/openspace",
        key,
        {"theme": "Hur kan vi samverka för Värmlands utveckling?"},
        expect=200,
    )
    server.api("POST", f"{base}/phase", key, {"phase": "openspace"}, expect=200)
    page, errors = _projector(new_page, server, w)

    _wait_view(page, "opening")
    check_fits(page, "opening", artifacts)
    no_serious_violations(page)

    _full_wall(server, base, key)
    _wait_view(page, "wall")
    page.wait_for_function(
        f"document.querySelectorAll('#os-p-table td[data-topic]').length === {ROOMS * SLOTS}"
    )
    expect(page.locator("#os-p-table .os-p-fika")).to_have_text("Fika")
    check_fits(page, "wall", artifacts)
    no_serious_violations(page)

    # A break timer: the banner goes over the wall, and the wall still clears the panel.
    back_at = (datetime.now() + timedelta(minutes=15)).strftime("%H:%M")
    server.api("PATCH", f"{base}/openspace", key, {"break_until": back_at, "break_label": "Fika"}, expect=200)
    page.wait_for_selector("#os-p-break:not([hidden])")
    expect(page.locator("#os-p-break")).to_have_text(re.compile("^" + re.escape(f"Fika – vi ses {back_at}")))
    check_fits(page, "wall", artifacts, shot="wall-break-banner")

    # The break on the whole screen, when the facilitator picks it.
    server.api("PUT", f"{base}/projector", key, {"view": "break"}, expect=200)
    _wait_view(page, "break")
    expect(page.locator("#os-p-break-label")).to_have_text("Fika")
    check_fits(page, "break", artifacts)
    no_serious_violations(page)

    # Keys on the projector's own keyboard still pick a view there; 0 gives it back.
    page.keyboard.press("1")
    _wait_view(page, "opening")
    page.keyboard.press("0")
    _wait_view(page, "break")
    assert errors == []
    print(f"open space projector: {time.monotonic() - started:.1f}s")


def test_four_corners(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}/corners"
    q = server.api(
        "POST",
        base,
        key,
        {
            "text": "Vad är viktigast för samverkan i Värmland framöver?",
            "labels": ["Gemensam överenskommelse", "Finansiering", "Mötesplatser", "Kompetens"],
        },
        expect=201,
    )
    server.api("POST", f"{base}/{q['id']}/open", key, expect=200)
    page, errors = _projector(new_page, server, w)
    _wait_view(page, "corners")
    check_fits(page, "corners", artifacts, counts="#fc-p-counts")
    no_serious_violations(page)
    assert errors == []


def test_barometer_floor_comment_and_replay(server, store, new_page, artifacts):
    """Åsiktsbarometer's Ordet and an approved comment from a phone above the
    line (a 280-character one), then the replay of the closed statement,
    paused halfway: every size still fits, nothing under the join panel."""
    from bench.replay_room import seed_history

    w = server.new_workshop("Inspirationsdag Värmland – idéburen sektor och region i samverkan")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    s = server.api(
        "POST",
        f"{base}/statements",
        key,
        {
            "text": "Den värmländska överenskommelsen bör vara avgränsad till att bara gälla det sociala området"
        },
        expect=201,
    )
    # Opened and filled behind the server's back: 150 people who moved about
    # for ten minutes (the replay's history). The server's in-memory
    # distribution is read at its next flush, after this (the setting's).
    store.open_for_answers(w["id"], s["id"])
    seed_history(server.data_dir / "workshop.db", w["id"], s["id"], 150, 900)
    server.api("PATCH", f"{base}/barometer", key, {"phone_comments": True}, expect=200)
    where = store.positions_by_participant(s["id"])
    askers = [pid for pid, value in where.items() if value is not None][:3]
    for pid in askers:
        store.raise_hand(w["id"], pid, True)
    comment = (
        "Det sociala området är en början, men överenskommelsen måste också kunna omfatta kultur, "
        "idrott och integration – annars står många föreningar utanför. Vi som är små behöver veta "
        "vem vi ska vända oss till, och att det finns pengar för att delta på riktigt."
    )[:280]
    c = store.add_phone_comment(w["id"], s["id"], askers[1], comment)
    page, errors = _projector(new_page, server, w)
    _wait_view(page, "statement")
    server.api("POST", f"{base}/statements/{s['id']}/floor", key, {"participant": None}, expect=200)
    server.api("PATCH", f"{base}/statements/{s['id']}/phone-comments/{c['id']}", key, {"status": "approved"})
    server.api("PUT", f"{base}/statements/{s['id']}/shown-comment", key, {"comment": c["id"]}, expect=200)
    page.wait_for_selector("#floor-note:not([hidden])")
    page.wait_for_selector("#shown-comment:not([hidden])")
    expect(page.locator("#floor-note")).to_have_text(re.compile("^Ordet: någon från "))
    expect(page.locator("#shown-comment-text")).to_have_text(comment)
    page.wait_for_function("document.querySelectorAll('#swarm .dot.speaking').length === 1")
    check_fits(page, "statement", artifacts, counts="#stage .counts", shot="statement-floor-comment")
    page.screenshot(path=str(artifacts / "issue11-projector-floor-comment-1280x720.png"))
    no_serious_violations(page)

    # Closed, then replayed and paused halfway: the replay's own view.
    server.api("POST", f"{base}/statements/{s['id']}/close", key, expect=200)
    _wait_view(page, "result")
    expect(page.locator("#floor-note")).to_be_hidden()
    expect(page.locator("#shown-comment")).to_be_hidden()
    scrubber = server.api("POST", f"{base}/statements/{s['id']}/replay", key, {"speed": 1}, expect=200)
    _wait_view(page, "replay")
    half = scrubber["duration_ms"] // 2
    server.api(
        "PATCH", f"{base}/statements/{s['id']}/replay", key, {"playing": False, "at": half}, expect=200
    )
    page.wait_for_function("document.getElementById('replay-stage').dataset.state === 'paused'")
    # A refresh of the projector (a resize) keeps the pause: the replay does not jump back.
    # The time shown follows the pause (half way), not the start.
    at = until(page, lambda: page.inner_text("#replay-time"), lambda shown: not shown.startswith("0:0"))
    page.set_viewport_size({"width": 1024, "height": 768})
    _settle(page)
    page.set_viewport_size({"width": 1280, "height": 720})
    _settle(page)
    page.wait_for_timeout(300)
    assert page.inner_text("#replay-time") == at and not at.startswith("0:0"), at
    expect(page.locator("#stage")).to_be_hidden()
    check_fits(page, "replay", artifacts, counts="#replay-stage .counts", shot="replay")
    page.wait_for_timeout(600)  # the dots glide to their places after the last resize
    page.screenshot(path=str(artifacts / "issue11-projector-replay-1280x720.png"))
    no_serious_violations(page)
    server.api("DELETE", f"{base}/statements/{s['id']}/replay", key, expect=204)
    _wait_view(page, "result")
    assert errors == []
