"""A phone switching its reading language mid-statement (issue 22): the
server sends the statement in the new language; the position stays, on the
phone and on the server; a reload keeps the language."""

from playwright.sync_api import expect

from tests.browser.axe import serious_violations

SV, EN = "Bussarna går tillräckligt ofta", "The buses run often enough"


def test_switching_language_mid_statement_keeps_the_position(server, new_page, artifacts):
    w = server.new_workshop("Byt språk mitt i")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    s = server.api("POST", f"{base}/statements", key, {"text": SV}, expect=201)
    server.api("PATCH", f"{base}/statements/{s['id']}", key, {"texts": {"en": EN}})
    server.api("POST", f"{base}/statements/{s['id']}/open", key, expect=200)

    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    statement, slider = phone.locator("#statement"), phone.get_by_role("slider")
    switch = phone.get_by_role("group", name="Språk")
    expect(statement).to_have_text(SV)
    switch.get_by_role("radio", name="English").check()
    expect(statement).to_have_text(EN)  # the server's text, in English
    expect(statement).to_have_attribute("lang", "en")
    slider.focus()
    slider.press("End")
    for _ in range(3):
        slider.press("ArrowLeft")
    expect(phone.locator("#save")).to_have_text("Sparat")
    placed = slider.get_attribute("aria-valuenow")
    assert placed not in (None, "100")
    distribution = f"{base}/statements/{s['id']}/distribution"
    assert server.api("GET", distribution, key)["values"] == [int(placed)]

    # Mid-statement: back to Swedish. The words change, nothing else.
    switch.get_by_role("radio", name="Svenska").check()
    expect(statement).to_have_text(SV)
    expect(statement).not_to_have_attribute("lang", "en")
    expect(slider).to_have_attribute("aria-valuenow", placed)
    expect(phone.locator("#save")).to_have_text("Sparat")
    assert server.api("GET", distribution, key)["values"] == [int(placed)]
    # And to English again; the switch at the top is the phone's one choice (none beside the statement).
    expect(phone.locator("#b-lang-row")).to_be_hidden()
    switch.get_by_role("radio", name="English").check()
    expect(statement).to_have_text(EN)
    expect(switch.get_by_role("radio", name="English")).to_be_checked()
    expect(slider).to_have_attribute("aria-valuenow", placed)
    phone.screenshot(path=str(artifacts / "phone-language-switch-320.png"), full_page=True)
    assert serious_violations(phone) == []
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320

    # Reloaded: still English, still the same position.
    phone.reload()
    expect(statement).to_have_text(EN)
    expect(phone.get_by_role("slider")).to_have_attribute("aria-valuenow", placed)
    expect(phone.get_by_role("group", name="Språk").get_by_role("radio", name="English")).to_be_checked()
    assert server.api("GET", distribution, key)["values"] == [int(placed)]


def test_a_statement_with_languages_added_after_the_phone_loaded_offers_its_own_choice(
    server, new_page, artifacts
):
    """No switch at the top (the workshop had one language when the page loaded): the
    choice shows beside a statement that carries other languages."""
    w = server.new_workshop("Språk som kom senare")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    first = server.api(
        "POST", f"{base}/statements", key, {"text": "Vi behöver fler mötesplatser"}, expect=201
    )
    server.api("POST", f"{base}/statements/{first['id']}/open", key, expect=200)
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    statement = phone.locator("#statement")
    expect(statement).to_have_text("Vi behöver fler mötesplatser")
    expect(phone.locator("#reading-switch")).to_have_count(0)
    expect(phone.locator("#b-lang-row")).to_be_hidden()
    second = server.api("POST", f"{base}/statements", key, {"text": SV}, expect=201)
    server.api("PATCH", f"{base}/statements/{second['id']}", key, {"texts": {"en": EN}})
    server.api("POST", f"{base}/statements/{second['id']}/open", key, expect=200)
    expect(statement).to_have_text(SV)
    beside = phone.get_by_label("Läs påståendet på")
    expect(beside).to_be_visible()
    beside.select_option("en")
    expect(statement).to_have_text(EN)
    phone.screenshot(path=str(artifacts / "phone-language-beside-320.png"), full_page=True)
    assert serious_violations(phone) == []
