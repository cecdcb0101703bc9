"""The replay per round ("Fråga igen"): a statement asked twice has a replay
for each round; the facilitator picks the round in the console and the
projector plays that round, saying which one ("Omgång 1 av 2")."""

import re

from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def _answer(phone, key: str) -> None:
    slider = phone.get_by_role("slider")
    expect(slider).to_be_visible()
    slider.focus()
    slider.press(key)
    expect(phone.locator("#save")).to_have_text("Sparat")


def test_the_console_replays_round_one_of_two_on_the_projector(server, new_page, artifacts):
    w = server.new_workshop("Omgångar i repris")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}/statements"
    statement = server.open_statement(w, "Bussen går ofta nog")
    sid = statement["id"]
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    _answer(phone, "Home")  # round 1: håller inte med
    server.api("POST", f"{base}/{sid}/close", key, expect=200)
    server.api("POST", f"{base}/{sid}/rounds", key, expect=201)
    expect(phone.get_by_role("slider")).not_to_have_attribute("aria-valuenow", "0")
    _answer(phone, "End")  # round 2: håller med
    server.api("POST", f"{base}/{sid}/close", key, expect=200)

    projector = new_page(width=1280, height=720)
    projector.goto(server.url + "/" + w["projector_url"].split("/", 3)[3])
    console = new_page(width=1280, height=900)
    console.goto(f"{server.url}/console/{w['id']}#key={key}")
    box = console.locator("#replay-box")
    expect(box).to_be_visible()
    box.locator("summary").click()
    round_choice = console.get_by_label("Omgång", exact=True)
    expect(round_choice).to_be_visible()
    expect(round_choice).to_have_value("2")  # the last round first
    expect(round_choice.locator("option")).to_have_text(["Omgång 1", "Omgång 2"])
    round_choice.select_option("1")
    console.screenshot(path=str(artifacts / "replay-rounds-console.png"), full_page=True)
    assert serious_violations(console) == []
    console.get_by_role("button", name="Spela upp på projektorn").click()

    expect(projector.locator("#replay-stage")).to_be_visible()
    expect(projector.locator("#replay-round")).to_have_text("Omgång 1 av 2")
    expect(projector.locator("#replay-canvas")).to_have_attribute(
        "aria-label", re.compile("^Återuppspelning: Positioner: 1")
    )
    replay = server.api("GET", f"{base}/{sid}/replay?round=1", key)
    assert (replay["round"], replay["rounds"]) == (1, 2)
    assert [steps[-1][1] for _, steps in replay["tracks"]] == [0]  # round 1's position, not round 2's
    projector.screenshot(path=str(artifacts / "replay-rounds-projector.png"))
    assert serious_violations(projector) == []

    # Round 2 replaces it on the projector (the choice folded away once it played).
    expect(console.locator("#replay-pick")).not_to_have_attribute("open", "")
    box.locator("summary").click()
    round_choice.select_option("2")
    console.get_by_role("button", name="Spela upp på projektorn").click()
    expect(projector.locator("#replay-round")).to_have_text("Omgång 2 av 2")

    # A statement asked once offers no round choice, and the projector names none.
    console.set_viewport_size({"width": 320, "height": 800})
    console.wait_for_function("window.innerWidth === 320")
    other = server.open_statement(w, "Cykelbanorna räcker")
    _answer(phone, "End")
    server.api("POST", f"{base}/{other['id']}/close", key, expect=200)
    expect(box).to_be_visible()
    # Another replay started while one played leaves the choice open.
    expect(console.locator("#replay-pick")).to_have_attribute("open", "")
    console.locator("#replay-statement").select_option(str(other["id"]))
    expect(console.locator("#replay-round-field")).to_be_hidden()
    console.screenshot(path=str(artifacts / "replay-rounds-console-320.png"), full_page=True)
    console.get_by_role("button", name="Spela upp på projektorn").click()
    expect(projector.locator("#replay-statement")).to_have_text("Cykelbanorna räcker")
    expect(projector.locator("#replay-round")).to_be_hidden()
