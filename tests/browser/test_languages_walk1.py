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
