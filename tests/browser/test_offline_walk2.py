"""The console and the projector lose the real server (issue 20, item 6):
nothing on either screen moves, the console's buttons wait (disabled), the
counts are marked as not current, the projector keeps its picture with a
small marker in a corner; all comes back when the server does."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.integration.conftest import Phone

STATEMENT = "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet i länet"
# What must stay put on each screen, by selector.
CONSOLE_PARTS = ["h1", ".phases", "#b-counts", "#b-close", ".cockpit-side", "#presence"]
PROJECTOR_PARTS = ["#statement", "#projector .line", "#join", "#stage .p-foot.counts"]

BOXES = """(selectors) => selectors.map((s) => {
  const node = [...document.querySelectorAll(s)].find((n) => n.checkVisibility());
  if (!node) return null;
  const r = node.getBoundingClientRect();
  return [s, Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
})"""


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _overlap(a, b) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def test_console_and_projector_keep_their_layout_without_the_server(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland – samverkan idéburet och offentligt")
    key = w["facilitator_key"]
    statement = server.open_statement(w, STATEMENT)
    server.api("POST", f"/api/workshops/{w['id']}/phase", key, {"phase": "barometer"}, expect=200)
    phones = [Phone(server.url, w["code"]).connect() for _ in range(3)]
    for phone, value in zip(phones, (20, 45, 70)):
        assert phone.move(statement["id"], value)["ok"]

    console = new_page(width=1366, height=768)
    console.goto(w["facilitator_url"])
    expect(console.locator("#conn")).to_have_text("Ansluten")
    expect(console.locator("#presence")).to_contain_text("Uppkopplade: 3")
    expect(console.locator("#b-counts")).to_contain_text("Positioner: 3")
    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    expect(projector.locator("#statement")).to_have_text(STATEMENT)
    expect(projector.locator("#stage .p-foot.counts")).to_contain_text("3")
    small = new_page(width=1024, height=768)
    small.goto(server.url + _path(w["projector_url"]))
    expect(small.locator("#statement")).to_have_text(STATEMENT)
    small_before = small.evaluate(BOXES, PROJECTOR_PARTS)
    console_before = console.evaluate(BOXES, CONSOLE_PARTS)
    projector_before = projector.evaluate(BOXES, PROJECTOR_PARTS)
    assert None not in console_before and None not in projector_before
    phase_button = console.locator("button[data-phase=fourcorners]")
    close_button = console.locator("#b-close")
    expect(phase_button).to_be_enabled()
    expect(close_button).to_be_enabled()

    for phone in phones:
        phone.close()
    server.stop()
    try:
        expect(console.locator("#conn")).to_have_text("Tappade kontakten – försöker igen…")
        expect(projector.locator("#conn")).to_have_text("Tappade kontakten – försöker igen…")
        # Buttons wait; the tabs (they only switch the page) do not.
        expect(phase_button).to_be_disabled()
        expect(close_button).to_be_disabled()
        expect(console.locator("#lock")).to_be_disabled()
        expect(console.get_by_role("tab", name="Förbered")).to_be_enabled()
        # The counts are kept and marked as not current.
        expect(console.locator("#presence")).to_have_attribute("data-stale", "")
        assert (
            console.locator("#presence").evaluate("(n) => getComputedStyle(n).textDecorationStyle")
            == "dotted"
        )
        assert (
            console.locator("#b-counts").evaluate("(n) => getComputedStyle(n).textDecorationStyle")
            == "dotted"
        )
        note = console.locator(".console-conn")
        expect(note).to_be_in_viewport()
        assert note.evaluate("(n) => getComputedStyle(n).position") == "fixed"
        # Nothing moved on either screen.
        assert console.evaluate(BOXES, CONSOLE_PARTS) == console_before
        assert projector.evaluate(BOXES, PROJECTOR_PARTS) == projector_before
        # The projector's marker: small, in the bottom right corner, over none of the picture.
        marker = projector.locator("#conn").bounding_box()
        assert marker["height"] <= 30 and marker["width"] <= 1280 * 0.4
        assert marker["x"] + marker["width"] >= 1280 - 30 and marker["y"] + marker["height"] >= 720 - 30
        for selector in ("#statement", "#projector .line", "#join", "#count", "#passes"):
            assert not _overlap(marker, projector.locator(selector).first.bounding_box()), selector
        expect(small.locator("#conn")).to_have_text("Tappade kontakten – försöker igen…")
        assert small.evaluate(BOXES, PROJECTOR_PARTS) == small_before
        marker = small.locator("#conn").bounding_box()
        assert marker["x"] + marker["width"] >= 1024 - 30 and marker["y"] + marker["height"] >= 768 - 30
        for selector in ("#statement", "#projector .line", "#join", "#count", "#passes"):
            assert not _overlap(marker, small.locator(selector).first.bounding_box()), selector
        small.screenshot(path=str(artifacts / "walk2-projector-offline-1024x768.png"))
        console.screenshot(path=str(artifacts / "walk2-console-offline-1366.png"))
        projector.screenshot(path=str(artifacts / "walk2-projector-offline-1280x720.png"))
        assert serious_violations(console) == []
        assert serious_violations(projector) == []
    finally:
        server.start()

    expect(console.locator("#conn")).to_have_text("Ansluten", timeout=30_000)
    expect(phase_button).to_be_enabled()
    expect(close_button).to_be_enabled()
    expect(console.locator("#presence")).not_to_have_attribute("data-stale", "")
    expect(console.locator(".console-conn")).not_to_be_in_viewport()
    expect(projector.locator("#conn")).to_have_text("Ansluten", timeout=30_000)
    assert console.evaluate(BOXES, CONSOLE_PARTS) == console_before
    assert projector.evaluate(BOXES, PROJECTOR_PARTS) == projector_before


def test_console_offline_notice_at_320_stays_in_sight_and_moves_nothing(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland")
    server.open_statement(w, STATEMENT)
    console = new_page(width=320, height=640, is_mobile=True)
    console.goto(w["facilitator_url"])
    expect(console.locator("#conn")).to_have_text("Ansluten")
    parts = ["h1", ".phases", ".modes"]
    before = console.evaluate(BOXES, parts)
    server.stop()
    try:
        expect(console.locator("#conn")).to_have_text("Tappade kontakten – försöker igen…")
        expect(console.locator(".console-conn")).to_be_in_viewport()
        assert console.evaluate(BOXES, parts) == before
        assert console.evaluate("document.documentElement.scrollWidth") <= 320
        console.screenshot(path=str(artifacts / "walk2-console-offline-320.png"))
    finally:
        server.start()
    expect(console.locator("#conn")).to_have_text("Ansluten", timeout=30_000)
