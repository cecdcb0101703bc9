"""Fyra hörn after "Stäng frågan" (issue 20, item 2): the projector keeps
the question closed last with its final tally, marked "Stängt", automatic or
pinned to "De fyra hörnen", until another question opens."""

import socketio
from playwright.sync_api import expect

from tests.browser.axe import serious_violations

LABELS = ["Håller med", "Håller delvis med", "Tveksam", "Håller inte med"]
TEXT = "Vi i Värmland bör fortsätta arbetet med en överenskommelse"


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _choose(server, code: str, question: int, *corners) -> None:
    for corner in corners:
        phone = socketio.Client(reconnection=False)
        phone.connect(server.url, auth={"code": code}, transports=["websocket"])
        assert phone.call("corner", {"question": question, "corner": corner}, timeout=5)["ok"]
        phone.disconnect()


def _inside(page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    view = page.viewport_size
    assert box and box["x"] >= 0 and box["y"] >= 0, (selector, box)
    assert box["x"] + box["width"] <= view["width"] + 0.5, (selector, box, view)
    assert box["y"] + box["height"] <= view["height"] + 0.5, (selector, box, view)


def test_a_closed_question_stays_on_the_projector_with_its_tally(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland")
    key = w["facilitator_key"]
    base = f"/api/workshops/{w['id']}/corners"
    q = server.api("POST", base, key, {"text": TEXT, "labels": LABELS}, expect=201)
    server.api("POST", f"{base}/{q['id']}/open", key, expect=200)
    _choose(server, w["code"], q["id"], 0, 0, 3, 1)

    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    expect(projector.locator("#fc-stage")).to_be_visible()
    expect(projector.locator("#fc-stage .fc-dot")).to_have_count(4)
    expect(projector.locator("#fc-p-closed")).to_be_hidden()

    server.api("POST", f"{base}/{q['id']}/close", key, expect=200)
    # Automatic: still the question, now marked closed, with its final tally.
    expect(projector.locator("#fc-p-closed")).to_be_visible()
    expect(projector.locator("#fc-p-closed")).to_have_text("Stängt")
    expect(projector.locator("#lobby")).to_be_hidden()
    expect(projector.locator("#fc-p-question")).to_have_text(TEXT)
    expect(projector.locator("#fc-p-counts")).to_have_text("Valt: 4 · Pass: 0")
    expect(projector.locator("#fc-p-count-0")).to_have_text("Personer: 2")
    dots = projector.evaluate(
        "[...document.querySelectorAll('#fc-stage .fc-corner')].map(c => c.querySelectorAll('.fc-dot').length)"
    )
    assert dots == [2, 1, 0, 1]
    for selector in ("#fc-p-closed", "#fc-p-question", "#fc-p-counts", ".fc-corner-3"):
        _inside(projector, selector)
    assert serious_violations(projector) == []
    projector.screenshot(path=str(artifacts / "walk1-fourcorners-closed-1280x720.png"))
    projector.set_viewport_size({"width": 1024, "height": 768})
    expect(projector.locator("#fc-p-closed")).to_be_visible()
    for selector in ("#fc-p-closed", "#fc-p-question", "#fc-p-counts", ".fc-corner-3"):
        _inside(projector, selector)
    projector.screenshot(path=str(artifacts / "walk1-fourcorners-closed-1024x768.png"))

    # Pinned to "De fyra hörnen": the same, not the lobby.
    server.api("PUT", f"/api/workshops/{w['id']}/projector", key, {"view": "corners"}, expect=200)
    expect(projector.locator("#fc-p-closed")).to_be_visible()
    expect(projector.locator("#lobby")).to_be_hidden()
    expect(projector.locator("#fc-stage .fc-dot")).to_have_count(4)

    # Another question opens: it replaces the result, unmarked and empty.
    q2 = server.api("POST", base, key, {"text": "Nästa fråga", "labels": LABELS}, expect=201)
    server.api("POST", f"{base}/{q2['id']}/open", key, expect=200)
    expect(projector.locator("#fc-p-question")).to_have_text("Nästa fråga")
    expect(projector.locator("#fc-p-closed")).to_be_hidden()
    expect(projector.locator("#fc-stage .fc-dot")).to_have_count(0)
