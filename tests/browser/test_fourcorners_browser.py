"""Fyra hörn as people see it: a projector and two phones at 320 px, in
Debian's Chromium, against the real server."""

import time

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
        assert "överenskommelse" in phone.inner_text("#fc-question")
        group = phone.get_by_role("group", name="Vi i Värmland bör fortsätta arbetet med en överenskommelse")
        assert group.get_by_role("button").count() == 4
        assert group.get_by_role("button", name="Hörn C: Tveksam").get_attribute("aria-pressed") == "false"
        phone.locator("#fc-hint").click()  # start just above the corners: Tab walks A, B, C, D
        for k in keys:
            phone.keyboard.press(k)
        phone.wait_for_function("document.getElementById('fc-save').textContent === 'Sparat'")
        buttons = phone.locator("#fc-choices button")
        assert [buttons.nth(i).get_attribute("aria-pressed") for i in range(4)] == [
            str(i == chosen).lower() for i in range(4)
        ]
        assert phone.get_attribute("#fc-pass", "aria-pressed") == "false"
        # Nothing runs off a 320 px screen.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 320

    projector.wait_for_selector("#fc-stage:not([hidden])")
    projector.wait_for_function("document.querySelectorAll('#fc-stage .fc-dot').length === 2")
    dots = projector.evaluate(
        "[...document.querySelectorAll('#fc-stage .fc-corner')].map(c => c.querySelectorAll('.fc-dot').length)"
    )
    assert dots == [1, 0, 0, 1]
    assert projector.inner_text("#fc-p-label-3") == "D Håller inte med"
    assert projector.inner_text("#fc-p-count-0") == "Personer: 1"
    assert projector.inner_text("#fc-p-counts") == "Valt: 2 · Pass: 0"
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
    assert console.inner_text("#fc-c-live") == q["text"]
    assert console.inner_text("#fc-c-counts") == "Valt: 2 · Pass: 0"
    assert console.locator("#fc-run .main-action:visible").all_inner_texts() == ["Stäng frågan"]
    assert console.get_by_role("button", name="Fyra hörn", exact=True).get_attribute("aria-pressed") == "true"
    time.sleep(0.3)
    console.locator("#fc-run").screenshot(path=str(artifacts / "fourcorners-console.png"))
    projector.screenshot(path=str(artifacts / "fourcorners-projector.png"))
    phones[0].screenshot(path=str(artifacts / "fourcorners-phone-320.png"), full_page=True)
