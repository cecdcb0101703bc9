"""The phone after "Stäng" (issue 20, item 13): it says where this person
stood, from its own acked answer only, and points to the screen, until the
next statement opens. Phones at 320 and 375 px, Debian's Chromium."""

from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _phone(new_page, server, w, width):
    phone = new_page(width=width, height=640, is_mobile=True)
    phone.goto(server.url + _path(w["join_url"]))
    phone.wait_for_selector("#barometer:not([hidden])")
    return phone


def _inside(page, selector):
    box = page.locator(selector).bounding_box()
    width = page.viewport_size["width"]
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (selector, box)
    assert box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"] + 0.5, (selector, box)


def test_after_the_close_each_phone_echoes_its_own_place(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland – samverkan idéburet och offentligt")
    key = w["facilitator_key"]
    s = server.open_statement(w, "Min organisation har något att tillföra till Värmlands utveckling.")
    agree = _phone(new_page, server, w, 320)
    disagree = _phone(new_page, server, w, 375)
    passer = _phone(new_page, server, w, 375)
    silent = _phone(new_page, server, w, 320)
    # One to the far right (End), one near the left (Home, then one step right), one passes.
    agree.get_by_role("slider").focus()
    agree.get_by_role("slider").press("End")
    for phone, keys in ((disagree, ["Home", "ArrowRight"]),):
        phone.get_by_role("slider").focus()
        for k in keys:
            phone.get_by_role("slider").press(k)
    passer.get_by_role("button", name="Pass / Vet inte").click()
    for phone in (agree, disagree, passer):
        expect(phone.locator("#save")).to_have_text("Sparat")
    expected = {
        agree: agree.get_by_role("slider").get_attribute("aria-valuenow"),
        disagree: disagree.get_by_role("slider").get_attribute("aria-valuenow"),
    }
    assert expected[agree] == "100"

    server.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/close", key, expect=200)
    for phone in (agree, disagree, passer, silent):
        expect(phone.locator("#barometer")).to_be_hidden()
        expect(phone.locator("#b-after")).to_be_visible()
        expect(phone.locator("#b-after")).to_contain_text("Resultatet visas på skärmen.")
        expect(phone.locator("#waiting")).to_be_hidden()
    expect(agree.locator("#b-after-place")).to_have_text("Du stod: 100 av 100, håller med.")
    low = int(expected[disagree])
    assert low <= 33
    expect(disagree.locator("#b-after-place")).to_have_text(f"Du stod: {low} av 100, håller inte med.")
    expect(passer.locator("#b-after-place")).to_have_text("Du passade.")
    expect(silent.locator("#b-after-place")).to_be_hidden()  # it never answered: nothing to echo
    for phone in (agree, disagree, passer):
        _inside(phone, "#b-after-place")
        assert phone.evaluate("document.documentElement.scrollWidth") <= phone.viewport_size["width"]
        assert serious_violations(phone) == []
    agree.screenshot(path=str(artifacts / "walk1-phone-closed-320.png"))
    disagree.screenshot(path=str(artifacts / "walk1-phone-closed-375.png"))
    silent.screenshot(path=str(artifacts / "walk1-phone-closed-silent-320.png"))

    # A reloaded page has no memory of the close (the phone only keeps what it saw);
    # the next statement replaces the echo on every phone.
    agree.reload()
    expect(agree.locator("#waiting")).to_be_visible()
    server.open_statement(w, "Vi har redan tillräckligt bra samverkan.")
    for phone in (agree, disagree, passer, silent):
        expect(phone.locator("#barometer")).to_be_visible()
        expect(phone.locator("#b-after")).to_be_hidden()
