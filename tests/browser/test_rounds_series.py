"""'Fråga igen' in the facilitator's console: a closed statement asked again
opens its round 2, and a phone that stood somewhere starts unplaced."""

from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def test_ask_again_opens_round_two_and_the_phone_starts_unplaced(server, new_page, artifacts):
    w = server.new_workshop("Omgångar")
    key = w["facilitator_key"]
    statement = server.open_statement(w, "Bussen går ofta nog")
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    slider = phone.get_by_role("slider")
    slider.focus()
    slider.press("Home")
    expect(phone.locator("#save")).to_have_text("Sparat")
    server.api("POST", f"/api/workshops/{w['id']}/statements/{statement['id']}/close", key, expect=200)

    console = new_page(width=1280, height=900)
    console.goto(f"{server.url}/console/{w['id']}#key={key}")
    item = console.locator("#statements li.statement-item", has_text="Bussen går ofta nog")
    console.get_by_role("tab", name="Förbered").click()  # it opens in Run: a statement has been shown
    item.get_by_role("button", name="Fråga igen: Bussen går ofta nog").click()
    expect(item.locator(".meta")).to_contain_text("omgång 2")
    console.screenshot(path=str(artifacts / "console-ask-again.png"), full_page=True)
    assert serious_violations(console) == []

    # The phone is on the line again, unplaced (its marker not set), and can answer round 2.
    expect(phone.get_by_role("slider")).to_be_visible()
    expect(phone.get_by_role("slider")).not_to_have_attribute("aria-valuenow", "0")
    dist = server.api("GET", f"/api/workshops/{w['id']}/statements/{statement['id']}/distribution", key)
    assert dist["round"] == 2 and dist["count"] == 0
    phone.get_by_role("slider").focus()
    phone.get_by_role("slider").press("End")
    expect(phone.locator("#save")).to_have_text("Sparat")
    dist = server.api("GET", f"/api/workshops/{w['id']}/statements/{statement['id']}/distribution", key)
    assert dist["round"] == 2 and dist["values"] == [100]


def test_a_phone_switches_language_mid_statement_and_keeps_its_position(server, new_page, artifacts):
    w = server.new_workshop("Språk")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}/statements"
    s = server.api("POST", base, key, {"text": "Bussarna går tillräckligt ofta"}, expect=201)
    texts = {"en": "The buses run often enough", "sv-x-lattlast": "Bussen kommer ofta"}
    server.api("PATCH", f"{base}/{s['id']}", key, {"texts": texts}, expect=200)
    server.api("POST", f"{base}/{s['id']}/open", key, expect=200)

    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    statement = phone.locator("#statement")
    expect(statement).to_have_text("Bussarna går tillräckligt ofta")
    slider = phone.get_by_role("slider")
    slider.focus()
    slider.press("End")
    expect(phone.locator("#save")).to_have_text("Sparat")

    phone.get_by_role("group", name="Språk").get_by_role("radio", name="English").check()
    expect(statement).to_have_text("The buses run often enough")
    expect(statement).to_have_attribute("lang", "en")
    expect(slider).to_have_attribute("aria-valuenow", "100")  # the marker stays where it was
    phone.screenshot(path=str(artifacts / "phone-language-en.png"), full_page=True)
    assert serious_violations(phone) == []

    phone.get_by_role("group", name="Språk").get_by_role("radio", name="Lättläst svenska").check()
    expect(statement).to_have_text("Bussen kommer ofta")
    phone.reload()  # the choice stays with this phone, and so does its position
    expect(phone.locator("#statement")).to_have_text("Bussen kommer ofta")
    expect(phone.get_by_role("slider")).to_have_attribute("aria-valuenow", "100")
    dist = server.api("GET", f"{base}/{s['id']}/distribution", key)
    assert dist["count"] == 1 and dist["values"] == [100]  # one distribution, whatever the phone reads


def test_a_phone_reads_a_four_corners_question_in_english(server, new_page):
    w = server.new_workshop("Hörn på språk")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}/corners"
    q = server.api(
        "POST",
        base,
        key,
        {"text": "Hur tar du dig hit?", "labels": ["Buss", "Cykel", "Bil", "Gång"]},
        expect=201,
    )
    texts = {"en": {"text": "How did you get here?", "labels": ["Bus", "Bike", "Car", "Walk"]}}
    server.api("PATCH", f"{base}/{q['id']}", key, {"texts": texts}, expect=200)
    server.api("POST", f"{base}/{q['id']}/open", key, expect=200)
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    expect(phone.locator("#fc-question")).to_have_text("Hur tar du dig hit?")
    phone.get_by_role("button", name="Hörn B: Cykel").click()
    expect(phone.locator("#fc-save")).to_have_text("Sparat")
    phone.get_by_role("group", name="Språk").get_by_role("radio", name="English").check()
    expect(phone.locator("#fc-question")).to_have_text("How did you get here?")
    expect(phone.get_by_role("button", name="Hörn B: Bike")).to_have_attribute("aria-pressed", "true")
    assert serious_violations(phone) == []


def test_the_console_gives_a_statement_its_other_languages(server, new_page, artifacts):
    w = server.new_workshop("Språk i konsolen")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}/statements"
    s = server.api("POST", base, key, {"text": "Skolan är trygg"}, expect=201)
    console = new_page(width=1280, height=900)
    console.goto(f"{server.url}/console/{w['id']}#key={key}")
    item = console.locator(f"#statements li.statement-item[data-id='{s['id']}']")
    item.get_by_role("button", name="Redigera: Skolan är trygg").click()
    item.get_by_label("På engelska").fill("School is safe")
    item.get_by_label("På lättläst svenska").fill("Skolan är bra och trygg")
    item.get_by_role("button", name="Spara").click()
    expect(console.locator("#statements li.statement-item .meta")).to_contain_text(
        "Andra språk: Engelska, Lättläst svenska"
    )
    console.screenshot(path=str(artifacts / "console-languages.png"), full_page=True)
    texts = server.api("GET", f"{base}/{s['id']}", key)["texts"]
    assert texts == {"en": "School is safe", "sv-x-lattlast": "Skolan är bra och trygg"}
