"""Fyra hörn as people see it: a projector and two phones at 320 px, in
Debian's Chromium, against the real server."""

import time

from playwright.sync_api import expect

from tests.browser.waits import until

LABELS = ["Håller med", "Håller delvis med", "Tveksam", "Håller inte med"]


def _path(url: str) -> str:
    """Absolute link from the API -> path (+ #key fragment) on the test server."""
    return "/" + url.split("/", 3)[3]


def test_two_phones_pick_corners_with_the_keyboard_and_the_projector_shows_them(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland")
    key = w["facilitator_key"]
    base = f"/api/workshops/{w['id']}/corners"
    q = server.api(
        "POST",
        base,
        key,
        {"text": "Vi i Värmland bör fortsätta arbetet med en överenskommelse", "labels": LABELS},
        expect=201,
    )

    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    projector.wait_for_selector("#code")

    phones = []
    for _ in range(2):
        phone = new_page(width=320, height=640, is_mobile=True)
        phone.goto(server.url + _path(w["join_url"]))
        phone.wait_for_function("document.getElementById('conn').textContent.length > 0")
        phones.append(phone)
    projector.wait_for_function("document.getElementById('joined').textContent === 'Anslutna: 2'")

    server.api("POST", f"{base}/{q['id']}/open", key, expect=200)
    # Phone 1: Tab to corner B, change its mind to D with the arrow keys, press Space.
    # Phone 2: Tab to corner A, Enter.
    for phone, keys, chosen in (
        (phones[0], ["Tab", "Tab", "ArrowDown", " "], 3),
        (phones[1], ["Tab", "Enter"], 0),
    ):
        phone.wait_for_selector("#fc-phone:not([hidden])")
        expect(phone.locator("#fc-question")).to_contain_text("överenskommelse")
        group = phone.get_by_role("group", name="Vi i Värmland bör fortsätta arbetet med en överenskommelse")
        expect(group.get_by_role("button")).to_have_count(4)
        expect(group.get_by_role("button", name="Hörn C: Tveksam")).to_have_attribute("aria-pressed", "false")
        phone.locator("#fc-hint").click()  # start just above the corners: Tab walks A, B, C, D
        for k in keys:
            phone.keyboard.press(k)
        phone.wait_for_function("document.getElementById('fc-save').textContent === 'Sparat'")
        buttons = phone.locator("#fc-choices button")
        for i in range(4):
            expect(buttons.nth(i)).to_have_attribute("aria-pressed", str(i == chosen).lower())
        expect(phone.locator("#fc-pass")).to_have_attribute("aria-pressed", "false")
        # Nothing runs off a 320 px screen.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320

    projector.wait_for_selector("#fc-stage:not([hidden])")
    projector.wait_for_function("document.querySelectorAll('#fc-stage .fc-dot').length === 2")
    per_corner = "[...document.querySelectorAll('#fc-stage .fc-corner')].map(c => c.querySelectorAll('.fc-dot').length)"
    dots = until(projector, lambda: projector.evaluate(per_corner), lambda d: d == [1, 0, 0, 1])
    assert dots == [1, 0, 0, 1]
    expect(projector.locator("#fc-p-label-3")).to_have_text("D Håller inte med")
    expect(projector.locator("#fc-p-count-0")).to_have_text("Personer: 1")
    expect(projector.locator("#fc-p-counts")).to_have_text("Valt: 2 · Pass: 0")
    # Corners sit where they are in the room: A top left, D bottom right.
    boxes = [projector.locator(f".fc-corner-{i}").bounding_box() for i in range(4)]
    assert boxes[0]["x"] < boxes[1]["x"] and boxes[0]["y"] < boxes[2]["y"]
    assert boxes[3]["x"] > boxes[2]["x"] and boxes[3]["y"] > boxes[1]["y"]
    tally = server.api("GET", f"{base}/{q['id']}/tally", key)
    assert tally["counts"] == [1, 0, 0, 1]

    # The facilitator's console shows the question, its corners and the live tally.
    console = new_page(width=1280, height=900)
    console.goto(server.url + _path(w["facilitator_url"]))
    console.wait_for_function("document.querySelectorAll('#fc-c-tally li').length === 4")
    console.wait_for_function(
        "document.getElementById('fc-c-tally').textContent.includes('D, Håller inte med: 1')"
    )
    expect(console.locator("#fc-c-live")).to_have_text(q["text"])
    expect(console.locator("#fc-c-counts")).to_have_text("Valt: 2 · Pass: 0")
    expect(console.locator("#fc-run .main-action:visible")).to_have_text(["Stäng frågan"])
    expect(console.get_by_role("button", name="Fyra hörn", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    time.sleep(0.3)
    console.locator("#fc-run").screenshot(path=str(artifacts / "fourcorners-console.png"))
    projector.screenshot(path=str(artifacts / "fourcorners-projector.png"))
    phones[0].screenshot(path=str(artifacts / "fourcorners-phone-320.png"), full_page=True)
