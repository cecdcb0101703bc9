"""What a person sees: a projector and two phones, in Debian's Chromium."""

import json
import re
import time

from playwright.sync_api import expect

from tests.browser.waits import until


def _path(url: str) -> str:
    """Absolute link from the API -> path (+ #key fragment) on the test server."""
    return "/" + url.split("/", 3)[3]


def test_two_phones_move_and_the_projector_shows_two_dots(server, new_page, artifacts):
    started = time.monotonic()
    w = server.new_workshop("Inspirationsdag <Värmland>")
    key = w["facilitator_key"]
    s = server.api(
        "POST",
        f"/api/workshops/{w['id']}/statements",
        key,
        {"text": "Vi i Värmland bör fortsätta arbetet med en överenskommelse"},
        expect=201,
    )

    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    projector.wait_for_selector("#code")
    assert projector.inner_text("#code").replace(" ", "") == w["code"]
    # Title escaped, shown as text.
    assert "<Värmland>" in projector.inner_text(".projector-title")

    phones = []
    for _ in range(2):
        phone = new_page(width=320, height=640, is_mobile=True)
        phone.goto(server.url + _path(w["join_url"]))
        phone.wait_for_function("document.getElementById('conn').textContent.length > 0")
        phones.append(phone)
    projector.wait_for_function("document.getElementById('joined').textContent === 'Anslutna: 2'")

    server.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key, expect=200)
    for phone, key_presses in zip(phones, (["End"] + ["ArrowLeft"] * 5, ["Home"] + ["ArrowRight"] * 10)):
        phone.wait_for_selector("#barometer:not([hidden])")
        expect(phone.locator("#statement")).to_contain_text("överenskommelse")
        marker = phone.get_by_role("slider")
        marker.focus()
        for k in key_presses:
            marker.press(k)
        phone.wait_for_function("document.getElementById('save').textContent === 'Sparat'")
    expect(phones[0].locator("#marker")).to_have_attribute("aria-valuenow", "95")
    expect(phones[1].locator("#marker")).to_have_attribute("aria-valuenow", "10")

    projector.wait_for_selector("#stage:not([hidden])")
    projector.wait_for_function("document.querySelectorAll('#swarm .dot').length === 2")
    expect(projector.locator("#count")).to_have_text("Positioner: 2")
    dist = server.api("GET", f"/api/workshops/{w['id']}/statements/{s['id']}/distribution", key)
    assert sorted(dist["values"]) == [10, 95]
    time.sleep(0.5)  # let the dots glide into place for the picture
    projector.screenshot(path=str(artifacts / "barometer-projector.png"))
    phones[0].screenshot(path=str(artifacts / "barometer-phone-320.png"))
    print(f"browser test took {time.monotonic() - started:.1f}s")


def test_phone_pass_and_english(server, new_page):
    w = server.new_workshop("Workshop", language="en")
    key = w["facilitator_key"]
    s = server.api(
        "POST", f"/api/workshops/{w['id']}/statements", key, {"text": "<script>alert(1)</script>"}, expect=201
    )
    server.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key, expect=200)
    phone = new_page(locale="en-GB", width=360, height=700, is_mobile=True)
    dialogs = []
    phone.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    phone.goto(server.url + _path(w["join_url"]))
    phone.wait_for_selector("#barometer:not([hidden])")
    expect(phone.locator("#statement")).to_have_text("<script>alert(1)</script>")
    phone.click("#pass")
    phone.wait_for_function("document.getElementById('save').textContent === 'Saved'")
    expect(phone.locator("#pass")).to_have_attribute("aria-pressed", "true")
    dist = server.api("GET", f"/api/workshops/{w['id']}/statements/{s['id']}/distribution", key)
    assert dist["passes"] == 1 and not dialogs


def _positions_sent(frames: list) -> list[tuple[float, dict]]:
    """The `position` events a phone sent over its websocket: (time, payload)."""
    out = []
    for at, frame in frames:
        match = re.match(r'^42\d*\["position",(.*)\]$', frame) if isinstance(frame, str) else None
        if match:
            out.append((at, json.loads(match.group(1))))
    return out


def test_phone_says_settled_when_a_gesture_ends(server, new_page, artifacts):
    """A drag sends samples, the release says settled; keys say it once the
    sequence has ended (a second without keys); a tap on pass settles too."""
    w = server.new_workshop("Rörelse")
    key = w["facilitator_key"]
    s = server.api("POST", f"/api/workshops/{w['id']}/statements", key, {"text": "Flytta dig"}, expect=201)
    server.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key, expect=200)
    phone = new_page(width=320, height=640, is_mobile=True)
    frames = []
    phone.on(
        "websocket", lambda ws: ws.on("framesent", lambda payload: frames.append((time.monotonic(), payload)))
    )
    phone.goto(server.url + _path(w["join_url"]))
    phone.wait_for_selector("#barometer:not([hidden])")

    # A slow drag from the middle to the right: several samples, then release.
    box = phone.locator("#track").bounding_box()
    y = box["y"] + box["height"] / 2
    phone.mouse.move(box["x"] + box["width"] * 0.5, y)
    phone.mouse.down()
    for i in range(1, 11):
        phone.mouse.move(box["x"] + box["width"] * (0.5 + 0.03 * i), y)
        phone.wait_for_timeout(90)
    phone.mouse.up()
    phone.wait_for_function("document.getElementById('save').textContent === 'Sparat'")
    # The frames reach Python as events: wait for the release's frame to arrive.
    drag = until(phone, lambda: _positions_sent(frames), lambda sent: any(p.get("settled") for _, p in sent))
    assert len(drag) >= 3, drag  # samples while dragging (throttled), then the release
    assert [p.get("settled", False) for _, p in drag] == [False] * (len(drag) - 1) + [True]
    expect(phone.locator("#marker")).to_have_attribute("aria-valuenow", "80")
    assert drag[-1][1]["value"] == 80
    assert all(p["statement"] == s["id"] for _, p in drag)

    # Keys: sends follow the keys, settled only after the sequence has ended.
    frames.clear()
    marker = phone.get_by_role("slider")
    marker.focus()
    for k in ["ArrowLeft"] * 3 + ["PageDown"]:
        phone.wait_for_timeout(150)
        marker.press(k)
    last_key = time.monotonic()
    # The frames arrive as events: wait for the first send, not a fixed time.
    sent = until(phone, lambda: _positions_sent(frames), bool, timeout=5.0)
    assert sent, "keys move the marker at once"
    assert not any(p.get("settled") for at, p in sent if at - last_key < 0.85), "no settled mid-sequence"
    # The settled send comes a second after the last key; then a second more in which no other may come.
    until(phone, lambda: _positions_sent(frames), lambda sent: any(p.get("settled") for _, p in sent))
    phone.wait_for_timeout(1000)
    keys = _positions_sent(frames)
    settled = [(at, p) for at, p in keys if p.get("settled")]
    assert len(settled) == 1 and settled[0][1]["value"] == 67 == keys[-1][1]["value"]
    assert settled[0][0] - last_key >= 0.85  # a second without keys ends the sequence
    expect(phone.locator("#save")).to_have_text("Sparat")

    # A tap on pass is a whole gesture.
    frames.clear()
    phone.click("#pass")
    phone.wait_for_function("document.getElementById('save').textContent === 'Sparat'")
    passed = until(phone, lambda: [p for _, p in _positions_sent(frames)], bool)
    assert passed == [{"statement": s["id"], "value": "pass", "settled": True}]
    phone.screenshot(path=str(artifacts / "barometer-phone-settled-320.png"))
    dist = server.api("GET", f"/api/workshops/{w['id']}/statements/{s['id']}/distribution", key)
    assert dist["passes"] == 1 and dist["count"] == 0
