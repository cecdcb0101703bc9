"""Speaking time and small groups protected, as people see them: with a
limit of 2 seconds per turn the projector (beside "Ordet: …") and the
speaker's phone (320 px) count down and reach "Tiden är ute" (the colour
turns, announced politely, the turn goes on); the console shows the time
spoken. The speaker stands in a region of 2 (min_group 3): "Ordet: någon",
no ring on a dot, nothing on the console names the side. axe-clean."""

from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _phone(new_page, server, w):
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(server.url + _path(w["join_url"]))
    phone.wait_for_selector("#barometer:not([hidden])")
    return phone


def _place(phone, keys):
    marker = phone.get_by_role("slider")
    marker.focus()
    for k in keys:
        marker.press(k)
    phone.wait_for_function("document.getElementById('save').textContent === 'Sparat'")


def _no_serious(page, where):
    found = serious_violations(page)
    assert not found, (where, found)


def test_countdowns_reach_time_up_and_a_small_group_is_someone(server, new_page, artifacts):
    w = server.new_workshop("Länsträff Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    assert w["min_group"] == 3
    console = new_page(width=1366, height=768)
    console.goto(server.url + _path(w["facilitator_url"]))
    console.wait_for_function("document.getElementById('conn').textContent === 'Ansluten'")
    # The limit per turn, under Förbered: a refused value is said and put back.
    console.get_by_role("tab", name="Förbered").click()
    limit = console.get_by_label("Taltid per talartur (sekunder, 0 = ingen gräns)")
    expect(limit).to_have_value("0")
    limit.fill("601")
    limit.press("Tab")
    expect(console.locator("#turn-seconds-status")).to_contain_text("Inte sparat")
    expect(limit).to_have_value("0")
    limit.fill("2")
    limit.press("Tab")
    expect(console.locator("#turn-seconds-status")).to_have_text("Sparat")
    console.screenshot(path=str(artifacts / "floor-time-console-prepare.png"))
    _no_serious(console, "console prepare")
    assert server.api("GET", f"{base}/barometer", key)["turn_seconds"] == 2
    s = server.open_statement(w, "Överenskommelsearbetet kan göras utan att kosta pengar")
    console.get_by_role("tab", name="Kör").click()
    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    projector.wait_for_selector("#stage:not([hidden])")

    # Two on the agree side (fewer than min_group 3), one in the middle.
    phones = [_phone(new_page, server, w) for _ in range(3)]
    for phone, keys in zip(
        phones, (["End"], ["End", "PageDown"], ["Home", "PageUp", "PageUp", "PageUp", "PageUp", "PageUp"])
    ):
        _place(phone, keys)
    projector.wait_for_function("document.querySelectorAll('#swarm .dot').length === 3")
    speaker = phones[0]
    speaker.get_by_role("button", name="Jag vill säga något").click()
    speaker.wait_for_function("document.getElementById('hand').getAttribute('aria-pressed') === 'true'")
    console.wait_for_function("document.querySelectorAll('#floor-queue li button').length === 1")
    # Too few on that side: the queue and "Ge ordet" name no place.
    expect(console.locator("#floor-queue")).to_contain_text("P1 · utan angiven sida")
    expect(console.locator("#floor-next")).to_have_text("Ge ordet till P1")
    console.locator("#floor-next").click()

    # The phone: "Du har ordet", then the countdown from 00:02 to "Tiden är ute".
    expect(speaker.locator("#speaking")).to_have_text("Du har ordet")
    expect(speaker.locator("#speaking-clock")).to_have_text("00:02 kvar", timeout=1500)
    speaker.screenshot(path=str(artifacts / "floor-time-phone-320.png"), full_page=True)
    expect(speaker.locator("#speaking-clock")).to_have_text("Tiden är ute", timeout=4000)
    expect(speaker.locator("#speaking-clock")).to_have_class("floor-clock over")
    expect(speaker.locator("#speaking-alarm")).to_have_text("Tiden är ute")
    # No cut-off: the turn goes on and counts past the limit.
    expect(speaker.locator("#speaking-clock")).to_contain_text("Tiden är ute (+00:0", timeout=4000)
    expect(speaker.locator("#speaking")).to_be_visible()
    assert speaker.evaluate("document.documentElement.scrollWidth") <= 320
    speaker.screenshot(path=str(artifacts / "floor-time-phone-over-320.png"), full_page=True)
    _no_serious(speaker, "phone")
    # Another phone counts nothing.
    expect(phones[2].locator("#speaking-clock")).to_be_hidden()

    # The projector: "Ordet: någon" (a region of 2 is not named), no ring, and the clock beside it.
    expect(projector.locator("#floor-note-text")).to_have_text("Ordet: någon")
    expect(projector.locator("#floor-clock")).to_contain_text("Tiden är ute")
    expect(projector.locator("#floor-clock")).to_have_class("floor-clock over")
    expect(projector.locator("#floor-alarm")).to_have_text("Tiden är ute")
    assert projector.locator("#swarm .dot.speaking").count() == 0
    assert "med-sidan" not in projector.locator("#stage").inner_text()
    projector.screenshot(path=str(artifacts / "floor-time-projector.png"))
    _no_serious(projector, "projector")

    # The console: the time spoken, counting up; the speaker without a side.
    expect(console.locator("#floor-speaker")).to_have_text("P1 har ordet")
    expect(console.locator("#floor-elapsed")).to_contain_text("Har talat i 00:0")
    console.wait_for_function(
        "/Har talat i 00:0[3-9]/.test(document.getElementById('floor-elapsed').textContent)", timeout=8000
    )
    expect(console.locator("#floor-heard")).to_contain_text("utan angiven sida 1")
    assert "med-sidan" not in console.locator("#floor-box").inner_text()
    console.screenshot(path=str(artifacts / "floor-time-console.png"))
    _no_serious(console, "console")

    # "Tack": every clock stops and goes.
    console.get_by_role("button", name="Tack: avsluta talarturen").click()
    expect(projector.locator("#floor-note")).to_be_hidden()
    expect(speaker.locator("#speaking-clock")).to_be_hidden()
    expect(console.locator("#floor-elapsed")).to_be_hidden()
    turns = server.api("GET", f"{base}/statements/{s['id']}/floor", key)["turns"]
    assert turns[0]["region"] is None and turns[0]["seconds"] >= 3
