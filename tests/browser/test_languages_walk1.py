"""Languages (issue 22, item 4), what people see: a Fyra hörn question's
other languages edited in the console with the statements' editor; the
language chosen at join on the phone; the projector in two languages."""

from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def test_the_console_gives_a_question_and_its_corners_other_languages(server, new_page, artifacts):
    w = server.new_workshop("Hörn på två språk")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}/corners"
    q = server.api(
        "POST",
        base,
        key,
        {"text": "Hur tar du dig hit?", "labels": ["Buss", "Cykel", "Bil", "Gång"]},
        expect=201,
    )
    console = new_page(width=1280, height=900)
    console.goto(f"{server.url}/console/{w['id']}#key={key}")
    item = console.locator(f"#fc-c-questions li.statement-item[data-id='{q['id']}']")
    item.get_by_role("button", name="Redigera: Hur tar du dig hit?").click()
    english = item.get_by_role("group", name="På engelska")
    expect(english).to_be_visible()
    english.get_by_label("Fråga").fill("How did you get here?")
    for corner, label in zip("ABCD", ("Bus", "Bike", "Car", "Walk"), strict=True):
        english.get_by_label(f"Hörn {corner}").fill(label)
    console.screenshot(path=str(artifacts / "console-question-languages.png"), full_page=True)
    assert serious_violations(console) == []
    console.set_viewport_size({"width": 320, "height": 800})
    console.wait_for_function("window.innerWidth === 320")
    english.scroll_into_view_if_needed()
    console.screenshot(path=str(artifacts / "console-question-languages-320.png"))
    assert console.evaluate("document.documentElement.scrollWidth") <= 320  # nothing sticks out
    console.set_viewport_size({"width": 1280, "height": 900})
    item.get_by_role("button", name="Spara", exact=True).click()
    meta = console.locator(f"#fc-c-questions li.statement-item[data-id='{q['id']}'] .meta")
    expect(meta).to_contain_text("Andra språk: Engelska")
    texts = server.api("GET", f"{base}/{q['id']}", key)["texts"]
    assert texts == {"en": {"text": "How did you get here?", "labels": ["Bus", "Bike", "Car", "Walk"]}}

    # Edited again: its English fields come back filled; emptied, the language is removed.
    console.locator(f"#fc-c-questions li.statement-item[data-id='{q['id']}']").get_by_role(
        "button", name="Redigera: Hur tar du dig hit?"
    ).click()
    english = console.get_by_role("group", name="På engelska")
    expect(english.get_by_label("Hörn B")).to_have_value("Bike")
    for field in english.locator("input").all():
        field.fill("")
    console.locator("#fc-c-questions").get_by_role("button", name="Spara", exact=True).click()
    expect(meta).not_to_contain_text("Andra språk")
    assert server.api("GET", f"{base}/{q['id']}", key)["texts"] == {}


def test_a_phone_chooses_english_at_join_and_keeps_it(server, new_page, artifacts):
    w = server.new_workshop("Språk vid start")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    s = server.api("POST", f"{base}/statements", key, {"text": "Bussarna går tillräckligt ofta"}, expect=201)
    server.api("PATCH", f"{base}/statements/{s['id']}", key, {"texts": {"en": "The buses run often enough"}})
    q = server.api(
        "POST",
        f"{base}/corners",
        key,
        {"text": "Hur tar du dig hit?", "labels": ["Buss", "Cykel", "Bil", "Gång"]},
        expect=201,
    )
    english_q = {"en": {"text": "How did you get here?", "labels": ["Bus", "Bike", "Car", "Walk"]}}
    server.api("PATCH", f"{base}/corners/{q['id']}", key, {"texts": english_q}, expect=200)

    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    switch = phone.get_by_role("group", name="Språk")
    expect(switch.get_by_role("radio")).to_have_count(2)  # Svenska, English: what the workshop offers
    expect(switch.get_by_role("radio", name="Svenska")).to_be_checked()
    switch.get_by_role("radio", name="English").check()  # in the lobby, before anything is asked
    expect(switch.get_by_role("radio", name="English")).to_be_checked()
    phone.screenshot(path=str(artifacts / "phone-join-language-320.png"), full_page=True)
    assert serious_violations(phone) == []

    server.api("POST", f"{base}/statements/{s['id']}/open", key, expect=200)
    statement = phone.locator("#statement")
    expect(statement).to_have_text("The buses run often enough")
    expect(statement).to_have_attribute("lang", "en")
    slider = phone.get_by_role("slider")
    slider.focus()
    slider.press("End")
    expect(phone.locator("#save")).to_have_text("Sparat")
    phone.screenshot(path=str(artifacts / "phone-statement-english-320.png"), full_page=True)

    # A new tab on the same phone (the browser closed and the QR scanned again): still English.
    again = phone.context.new_page()
    again.goto(f"{server.url}/j/{w['code']}")
    expect(again.locator("#statement")).to_have_text("The buses run often enough")
    expect(again.get_by_role("slider")).to_have_attribute("aria-valuenow", "100")  # same participant
    expect(again.get_by_role("group", name="Språk").get_by_role("radio", name="English")).to_be_checked()

    # One choice, in one place: the switch at the top (none beside the statement).
    expect(again.locator("#b-lang-row")).to_be_hidden()
    again.get_by_role("group", name="Språk").get_by_role("radio", name="Svenska").check()
    expect(again.locator("#statement")).to_have_text("Bussarna går tillräckligt ofta")
    expect(again.get_by_role("group", name="Språk").get_by_role("radio", name="Svenska")).to_be_checked()
    again.get_by_role("group", name="Språk").get_by_role("radio", name="English").check()

    # The question follows the same choice, and falls back where it has no such language.
    server.api("POST", f"{base}/corners/{q['id']}/open", key, expect=200)
    expect(again.locator("#fc-question")).to_have_text("How did you get here?")
    expect(again.get_by_role("button", name="Hörn B: Bike")).to_be_visible()


def test_a_workshop_without_other_languages_shows_no_switch(server, new_page):
    w = server.new_workshop("Bara svenska")
    server.open_statement(w, "Skolan är trygg")
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    expect(phone.locator("#statement")).to_have_text("Skolan är trygg")
    expect(phone.locator("#reading-switch")).to_have_count(0)


def test_the_projector_shows_two_languages_chosen_in_the_console(server, new_page, artifacts):
    w = server.new_workshop("Projektor på två språk")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    s = server.api("POST", f"{base}/statements", key, {"text": "Bussarna går tillräckligt ofta"}, expect=201)
    server.api("PATCH", f"{base}/statements/{s['id']}", key, {"texts": {"en": "The buses run often enough"}})
    server.api("POST", f"{base}/statements/{s['id']}/open", key, expect=200)
    projector = new_page(width=1280, height=720)
    projector.goto(server.url + "/" + w["projector_url"].split("/", 3)[3])
    expect(projector.locator("#statement")).to_have_text("Bussarna går tillräckligt ofta")
    expect(projector.locator("#statement-second")).to_be_hidden()

    console = new_page(width=1280, height=900)
    console.goto(f"{server.url}/console/{w['id']}#key={key}")
    expect(console.locator("#conn")).to_have_text("Ansluten")  # the state is in: a choice is not undone by it
    choice = console.get_by_label("Visa också på projektorn på")
    expect(choice).to_have_value("")
    choice.select_option("en")
    second = projector.locator("#statement-second")
    expect(second).to_have_text("The buses run often enough")
    expect(second).to_have_attribute("lang", "en")
    first_size = projector.locator("#statement").evaluate("n => parseFloat(getComputedStyle(n).fontSize)")
    second_size = second.evaluate("n => parseFloat(getComputedStyle(n).fontSize)")
    assert second_size < first_size  # the second language smaller
    assert server.api("GET", base, key)["projector_languages"] == ["sv", "en"]
    projector.screenshot(path=str(artifacts / "projector-two-languages.png"))
    assert serious_violations(projector) == []
    console.screenshot(path=str(artifacts / "console-projector-languages.png"))
    assert serious_violations(console) == []

    # Fyra hörn: the question and each corner in both.
    q = server.api(
        "POST",
        f"{base}/corners",
        key,
        {"text": "Hur tar du dig hit?", "labels": ["Buss", "Cykel", "Bil", "Gång"]},
        expect=201,
    )
    texts = {"en": {"text": "How did you get here?", "labels": ["Bus", "Bike", "Car", "Walk"]}}
    server.api("PATCH", f"{base}/corners/{q['id']}", key, {"texts": texts}, expect=200)
    server.api("POST", f"{base}/corners/{q['id']}/open", key, expect=200)
    expect(projector.locator("#fc-p-second")).to_have_text("How did you get here?")
    expect(projector.locator(".fc-corner-1 .fc-label-second")).to_have_text("Bike")
    projector.screenshot(path=str(artifacts / "projector-two-languages-corners.png"))
    assert serious_violations(projector) == []

    # Back to one language: the second goes.
    expect(choice).to_have_value("en")
    choice.select_option("")
    expect(projector.locator("#fc-p-second")).to_be_hidden()
    expect(projector.locator(".fc-corner-1 .fc-label-second")).to_be_hidden()
