"""The barometer's Kör at 1366×768 (and 320 px) after the Värmland walk
(issue 20, items 4, 5, 12 and 18): Ordet with eight hands up, the replay's
controls, the verbal summary after the close, and comments from phones when
phones may not write. Positions are measured in the page, not assumed."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.test_cockpit import COMMENT, HEIGHT, STATEMENTS, Workshop, _console, _height

TITLE = "Inspirationsdag Värmland – samverkan idéburet och offentligt"  # two lines in the head, as on the day


class Walk(Workshop):
    """The cockpit's workshop under the walk's long title."""

    def __init__(self, server, phones: int = 3):
        made = server.new_workshop
        server.new_workshop = lambda _title: made(TITLE)
        try:
            super().__init__(server, phones)
        finally:
            del server.new_workshop


# Every element's box, and whether it lies inside the viewport (and, for
# those in a scrolling box, inside that box's visible part).
_OUTSIDE = """(selectors) => selectors.flatMap((s) => [...document.querySelectorAll(s)]
  .filter((n) => n.checkVisibility())
  .map((n) => [s, n.getBoundingClientRect()])
  .filter(([, r]) => r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5)
  .map(([s, r]) => `${s} ${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.right)},${Math.round(r.bottom)}`))"""

# Lines a text takes: distinct line tops of its text's boxes.
_LINES = """(id) => { const r = document.createRange(); r.selectNodeContents(document.getElementById(id));
  return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size; }"""

# The queue's entries: how many lie wholly inside the queue's visible part.
_QUEUE_SEEN = """() => { const q = document.getElementById('floor-queue').getBoundingClientRect();
  return [...document.querySelectorAll('#floor-queue > li')].filter((li) => {
    const r = li.getBoundingClientRect();
    return r.top >= q.top - 0.5 && r.bottom <= q.bottom + 0.5 && r.bottom <= innerHeight + 0.5; }).length; }"""


# The same, in the queue's box only (a narrow page scrolls: the viewport does not matter).
_QUEUE_SEEN_IN_BOX = """() => { const q = document.getElementById('floor-queue').getBoundingClientRect();
  return [...document.querySelectorAll('#floor-queue > li')].filter((li) => {
    const r = li.getBoundingClientRect(); return r.top >= q.top - 0.5 && r.bottom <= q.bottom + 0.5; }).length; }"""


def _outside(page, *selectors) -> list[str]:
    return page.evaluate(_OUTSIDE, list(selectors))


def test_eight_hands_up_are_all_visible_or_counted(server, new_page, artifacts):
    workshop = Walk(server, phones=8)
    first = workshop.statements[0]["id"]
    workshop.api("POST", f"/statements/{first}/open")
    workshop.answer(0, (12, 50, 88, 92, 30, 70, 75, 40))
    for phone in workshop.phones:
        assert phone.client.call("hand", {"on": True}, timeout=5)["ok"]
    page, errors = _console(new_page, workshop)
    expect(page.locator("#floor-queue li button")).to_have_count(8)
    # The queue is fitted in a later frame: wait until the "+N till" count and
    # the rows seen agree, both read in the same frame.
    page.wait_for_function(
        f"() => document.getElementById('floor-more').dataset.count === String(8 - ({_QUEUE_SEEN})())"
    )
    page.screenshot(path=str(artifacts / "walk1-console-floor-8-1366.png"))
    seen = page.evaluate(_QUEUE_SEEN)
    assert seen >= 4, seen  # at least four people, whole, on a laptop screen
    if seen < 8:
        expect(page.locator("#floor-more")).to_be_visible()
        expect(page.locator("#floor-more")).to_have_text(f"+{8 - seen} till")
    assert _outside(page, "#floor-box .room-head button", "#floor-next", "#floor-more", "#floor-heard") == []
    # "Hörda: inte med 0 · mitten 0 · med 0" on one line, in view.
    expect(page.locator("#floor-heard")).to_have_text("Hörda: inte med 0 · mitten 0 · med 0")
    assert page.evaluate(_LINES, "floor-heard") == 1
    assert _height(page) <= HEIGHT
    # Scrolled to its end, the queue shows its last people and counts none below.
    page.locator("#floor-queue").evaluate("(q) => { q.scrollTop = q.scrollHeight; }")
    if seen < 8:
        expect(page.locator("#floor-more")).to_be_hidden()
    assert serious_violations(page) == []
    page.locator("#floor-queue").evaluate("(q) => { q.scrollTop = 0; }")
    page.set_viewport_size({"width": 320, "height": 700})
    # One column: the page scrolls anyway, so the queue shows all eight and counts none below.
    page.wait_for_function("document.documentElement.scrollWidth <= 320")
    page.wait_for_function(f"({_QUEUE_SEEN_IN_BOX})() === 8")
    expect(page.locator("#floor-more")).to_be_hidden()
    page.screenshot(path=str(artifacts / "walk1-console-floor-8-320.png"), full_page=True)
    assert serious_violations(page) == []
    assert errors == []
    workshop.close()


def _closed_with_phone_comments(server):
    workshop = Walk(server, phones=6)
    first = workshop.statements[0]["id"]
    workshop.api("PATCH", "/barometer", {"phone_comments": True})
    workshop.api("POST", f"/statements/{first}/open")
    workshop.answer(0, (85, 92, 75, 70, 40, "pass"))
    workshop.answer(0, (86, 92, 60, 70, 30))
    for phone, text in zip(workshop.phones, ("Använda resurser gemensamt – då blir vi starka tillsammans.",)):
        assert phone.client.call("comment", {"statement": first, "text": text}, timeout=5)["ok"]
    workshop.api("POST", f"/statements/{first}/comments", {"text": COMMENT})
    workshop.api("POST", f"/statements/{first}/close")
    return workshop, first


def test_replay_controls_are_wholly_on_a_laptop_screen(server, new_page, artifacts):
    workshop, first = _closed_with_phone_comments(server)
    comment = workshop.api("GET", f"/statements/{first}/phone-comments")["comments"][0]
    workshop.api("PATCH", f"/statements/{first}/phone-comments/{comment['id']}", {"status": "approved"})
    page, errors = _console(new_page, workshop)
    expect(page.locator("#b-run-status")).to_have_text("Stängt – resultatet")
    workshop.api("POST", f"/statements/{first}/replay", {"speed": 1})
    expect(page.locator("#replay-controls")).to_be_visible()
    expect(page.locator("#replay-stop")).to_be_visible()
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifacts / "walk1-console-replay-1366.png"))
    controls = ["#replay-toggle", "#replay-at", "#replay-time", "#replay-stop", "#replay-pick > summary"]
    assert _outside(page, *controls) == []
    assert _height(page) <= HEIGHT
    # Not hidden under anything either: the topmost element at each centre is the control.
    for selector in ("#replay-toggle", "#replay-stop"):
        box = page.locator(selector).bounding_box()
        hit = page.evaluate(
            "([x, y, s]) => document.elementFromPoint(x, y) === document.querySelector(s)",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, selector],
        )
        assert hit, selector
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 700})
    # The dots glide to their new places (a CSS transition): wait for them to arrive.
    page.wait_for_function("document.documentElement.scrollWidth <= 320")
    page.screenshot(path=str(artifacts / "walk1-console-replay-320.png"), full_page=True)
    assert errors == []
    workshop.close()


def test_the_console_shows_the_verbal_summary_after_the_close(server, new_page, artifacts):
    workshop, first = _closed_with_phone_comments(server)
    projector = new_page(width=1280, height=720)
    projector.goto(workshop.info["projector_url"])
    expect(projector.locator("#summary")).to_be_visible()
    said = projector.inner_text("#summary")
    assert said
    page, errors = _console(new_page, workshop)
    expect(page.locator("#b-summary")).to_have_text(f"Sammanfattning: {said}")
    expect(page.locator("#b-summary-where")).to_have_text("Projektorn visar prickarna och sammanfattningen.")
    assert _outside(page, "#b-summary", "#b-summary-where", "#b-run .main-action") == []
    assert _height(page) <= HEIGHT
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts / "walk1-console-summary-1366.png"))

    # Hidden from the projector: the console still has the words, and says where they are not.
    page.get_by_role("button", name="Dölj prickarna").click()
    expect(page.locator("#b-summary-where")).to_have_text(
        "Prickarna är dolda för projektorn: den visar varken prickar eller sammanfattning."
    )
    expect(page.locator("#b-summary")).to_have_text(f"Sammanfattning: {said}")
    expect(projector.locator("#summary")).to_be_hidden()
    assert _outside(page, "#b-summary", "#b-summary-where", "#b-reveal") == []
    page.screenshot(path=str(artifacts / "walk1-console-summary-hidden-1366.png"))
    # Another statement opens: no summary while the room answers.
    page.get_by_role("button", name="Visa prickarna").click()
    workshop.api("POST", f"/statements/{workshop.statements[1]['id']}/open")
    expect(page.locator("#live-statement")).to_have_text(STATEMENTS[1])
    expect(page.locator("#b-summary")).to_be_hidden()
    expect(page.locator("#b-summary-where")).to_be_hidden()
    page.set_viewport_size({"width": 320, "height": 700})
    # The layout follows the new width in a later frame: wait for it to fit.
    page.wait_for_function(
        "document.documentElement.clientWidth === 320 && document.documentElement.scrollWidth <= 320"
    )
    assert errors == []
    workshop.close()


def test_with_phone_comments_off_the_console_says_one_thing(server, new_page, artifacts):
    workshop = Walk(server, phones=2)
    first = workshop.statements[0]["id"]
    workshop.api("POST", f"/statements/{first}/open")
    page, errors = _console(new_page, workshop)
    expect(page.locator("#comments-off")).to_be_visible()
    expect(page.locator("#comments-off")).to_have_text(
        "Telefonerna kan inte skicka kommentarer: tillåt dem under Förbered."
    )
    expect(page.get_by_text("Inga kommentarer från telefonerna ännu.")).to_have_count(0)
    page.screenshot(path=str(artifacts / "walk1-console-comments-off-1366.png"))
    # Allowed: the other message instead, never both.
    workshop.api("PATCH", "/barometer", {"phone_comments": True})
    expect(page.get_by_text("Inga kommentarer från telefonerna ännu.")).to_be_visible()
    expect(page.locator("#comments-off")).to_be_hidden()
    assert serious_violations(page) == []
    assert errors == []
    workshop.close()
