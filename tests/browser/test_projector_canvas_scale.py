"""A crowd on the projector is drawn on a canvas (issue 24: 30 fps at 5,000
dots): the dots are where their values are, the counts stay real text, the
canvas is an image with a label, sharp at a devicePixelRatio of 2, and the
speaker's dot gets its ring. A small room keeps its DOM dots.

A room of 1,200 phones is more than a browser test should start on a shared
machine, so the crowd reaches the page's socket as the server's messages do
once socket.io has decoded them: its own `distribution` (a snapshot with
"seq") and `distribution_delta` listeners are called, the projector's code
(deltas.js, projector.js, swarm_canvas.js) runs unchanged."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import violations
from tests.browser.waits import js_when, until

CROWD = 1200

# Calls the page's own socket listeners with a server message.
DELIVER = """async ([event, payload]) => {
  const { socket } = await import("/static/js/projector.js");
  for (const listener of socket.listeners(event)) listener(payload);
}"""

# The canvas's colour on the line where a value (0..1 of the way) is shown, dx device
# pixels to its right, as [r, g, b, a]. The line keeps its inset from the canvas's sides.
AT = """const at = (x, dx = 0) => {
  const c = document.getElementById("swarm-canvas");
  const ratio = c.width / c.clientWidth;
  const pad = c.parentElement.querySelector(".line").offsetLeft;
  const px = Math.round((pad + x * (c.clientWidth - 2 * pad)) * ratio) + dx;
  return [...c.getContext("2d").getImageData(px, Math.round(c.height / 2), 1, 1).data];
};"""
PIXEL = f"""([x]) => {{ {AT} return at(x); }}"""
# How many device pixels right of the dot at 0.9 the speaker's black ring begins (false: none).
RING = f"""() => {{ {AT}
  for (let dx = 0; dx < 40; dx++) {{
    const [r, g, b, a] = at(0.9, dx);
    if (r < 40 && g < 40 && b < 40 && a === 255) return dx;
  }}
  return false; }}"""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _snapshot(statement: int, seq: int, dots: list[list[int]], passes: int = 0) -> dict:
    values = [v for _, v in dots]
    return {
        "statement": statement,
        "seq": seq,
        "count": len(dots),
        "passes": passes,
        "mean": sum(values) / len(values),
        "values": values,
        "dots": dots,
    }


def _projector(browser, server, scale: float = 2, enforce_csp: bool = False):
    w = server.new_workshop("Canvas")
    s = server.open_statement(w, "Kollektivtrafiken ska vara gratis")
    context = browser.new_context(
        locale="sv-SE",
        viewport={"width": 1280, "height": 720},
        device_scale_factor=scale,
        bypass_csp=not enforce_csp,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(server.url + _path(w["projector_url"]))
    page.wait_for_selector("#stage:not([hidden])")
    return context, page, s["id"]


def test_a_crowd_is_drawn_on_a_sharp_canvas_where_its_values_are(browser, server, artifacts):
    context, page, statement = _projector(browser, server)
    try:
        # 600 at 20, 600 at 80, nobody near the middle.
        dots = [[n, 20 if n <= CROWD // 2 else 80] for n in range(1, CROWD + 1)]
        page.evaluate(DELIVER, ["distribution", _snapshot(statement, 10**6, dots, passes=7)])
        canvas = page.locator("#swarm-canvas")
        expect(canvas).to_be_visible()
        expect(page.locator("#count")).to_have_text(f"Positioner: {CROWD}")
        expect(page.locator("#passes")).to_have_text("Pass: 7")
        expect(canvas).to_have_attribute("role", "img")
        expect(canvas).to_have_attribute("aria-label", f"Positioner: {CROWD}, Pass: 7")
        # No DOM dots for a crowd, and the DOM swarm is out of the way.
        assert page.locator("#swarm .dot").count() == 0
        expect(page.locator("#swarm")).to_be_hidden()
        # Sharp: the backing store has two device pixels per CSS pixel.
        size = page.evaluate(
            "() => { const c = document.getElementById('swarm-canvas'); "
            "return [c.width, c.clientWidth, c.height, c.clientHeight]; }"
        )
        assert size[0] == 2 * size[1] and size[2] == 2 * size[3], size
        dot = page.evaluate(
            "() => getComputedStyle(document.getElementById('swarm-canvas')).getPropertyValue('--dot').trim()"
        )
        assert dot == "#2f72d6"
        assert page.evaluate(PIXEL, [0.2]) == [0x2F, 0x72, 0xD6, 255]
        assert page.evaluate(PIXEL, [0.8]) == [0x2F, 0x72, 0xD6, 255]
        assert page.evaluate(PIXEL, [0.5])[3] == 0  # blank where nobody is
        page.screenshot(path=str(artifacts / "projector-canvas-crowd.png"))
        assert violations(page) == []

        # A delta: the 600 at 20 move to the middle; one leaves (passes).
        moved = [[n, 50] for n in range(2, CROWD // 2 + 1)]
        delta = {
            "statement": statement,
            "seq": 10**6 + 1,
            "dots": moved,
            "gone": [1],
            "count": CROWD - 1,
            "passes": 8,
            "mean": 65,
        }
        page.evaluate(DELIVER, ["distribution_delta", delta])
        expect(page.locator("#count")).to_have_text(f"Positioner: {CROWD - 1}")
        js_when(
            page,
            "(p) => { const c = document.getElementById('swarm-canvas'); "
            "return c.getContext('2d').getImageData(Math.round(0.5 * c.width), "
            "Math.round(c.height / 2), 1, 1).data[3] === 255; }",
        )
        assert page.evaluate(PIXEL, [0.2])[3] == 0
        assert page.evaluate(PIXEL, [0.5]) == [0x2F, 0x72, 0xD6, 255]
        # The label follows, at its calm pace.
        expect(canvas).to_have_attribute("aria-label", f"Positioner: {CROWD - 1}, Pass: 8")
    finally:
        context.close()


def test_the_speakers_dot_in_a_crowd_gets_its_ring(browser, server, artifacts):
    context, page, statement = _projector(browser, server, scale=1)
    try:
        # A crowd on the left, and the speaker alone at 90.
        dots = [[n, 10] for n in range(1, CROWD + 1)] + [[CROWD + 1, 90]]
        page.evaluate(DELIVER, ["distribution", _snapshot(statement, 5, dots)])
        expect(page.locator("#count")).to_have_text(f"Positioner: {CROWD + 1}")
        js_when(page, "() => !document.getElementById('swarm-canvas').hidden")
        page.evaluate(
            DELIVER,
            ["floor", {"speaker": {"key": CROWD + 1, "pseudonym": "Blå 12", "region": "agree"}, "queue": []}],
        )
        # The ring (black) a little outside the dot, at 90: max(7px, 1vh) = 7.2 px from the
        # dot's edge at 720 px; the white gap inside it.
        ink = js_when(page, RING)
        assert 3 <= ink <= 30, ink
        expect(page.locator("#floor-note")).to_be_visible()
        page.screenshot(path=str(artifacts / "projector-canvas-speaker.png"))
        # The floor given back: no ring.
        page.evaluate(DELIVER, ["floor", {"speaker": None, "queue": []}])
        js_when(page, f"() => ({RING})() === false")
    finally:
        context.close()


def test_a_small_room_keeps_its_dom_dots(browser, server):
    context, page, statement = _projector(browser, server)
    try:
        dots = [[n, n % 101] for n in range(1, 41)]
        page.evaluate(DELIVER, ["distribution", _snapshot(statement, 3, dots)])
        expect(page.locator("#swarm .dot")).to_have_count(40)
        expect(page.locator("#swarm-canvas")).to_be_hidden()
    finally:
        context.close()


def test_under_the_pages_own_policy_the_crowd_is_laid_out_in_a_worker(browser, server):
    """The page's Content-Security-Policy allows the layout's worker (a
    script of its own origin): the crowd is drawn, and not by the fallback."""
    context, page, statement = _projector(browser, server, scale=1, enforce_csp=True)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        dots = [[n, 30] for n in range(1, CROWD + 1)]
        page.evaluate(DELIVER, ["distribution", _snapshot(statement, 2, dots)])
        expect(page.locator("#count")).to_have_text(f"Positioner: {CROWD}")
        drawn = until(page, lambda: page.evaluate(PIXEL, [0.3]), lambda px: px == [0x2F, 0x72, 0xD6, 255])
        assert drawn == [0x2F, 0x72, 0xD6, 255]
        assert page.evaluate("() => document.getElementById('swarm-canvas')._worker !== null")
        assert not [e for e in errors if "Content Security Policy" in e or "Worker" in e], errors
    finally:
        context.close()
