"""A phone that loses the server, in Debian's Chromium against the real
server process: the move waits, the phone says so in our words (never
"websocket error"), and it is committed once the server is back. A server's
refusal (a locked workshop) is shown in the server's own words."""

from __future__ import annotations

import re

from playwright.sync_api import expect

# What socket.io-client and engine.io call their failures: never for a person.
TRANSPORT_WORDS = re.compile(r"websocket|xhr|poll|timeout|transport|error", re.IGNORECASE)

# Every text any node of the page ever shows, so a word that flashes by is caught too.
RECORD_TEXTS = """() => {
  window.__texts = [];
  const keep = () => window.__texts.push(document.body.innerText);
  new MutationObserver(keep).observe(document.body, { subtree: true, childList: true, characterData: true });
  keep();
}"""


def test_a_move_made_while_the_server_is_down_waits_and_is_saved_after_the_restart(
    server, new_page, artifacts
):
    w = server.new_workshop("Inspirationsdag Värmland")
    key = w["facilitator_key"]
    s = server.api(
        "POST",
        f"/api/workshops/{w['id']}/statements",
        key,
        {"text": "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet i länet"},
        expect=201,
    )
    server.api("POST", f"/api/workshops/{w['id']}/statements/{s['id']}/open", key, expect=200)
    phone = new_page(width=375, height=667, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    conn, save = phone.locator("#conn"), phone.locator("#save")
    expect(conn).to_have_text("Ansluten")
    expect(phone.locator("#barometer")).to_be_visible()
    phone.evaluate(RECORD_TEXTS)

    server.stop()
    try:
        expect(conn).to_have_text("Tappade kontakten – försöker igen…")
        marker = phone.get_by_role("slider")
        marker.focus()
        marker.press("End")
        for _ in range(3):  # one move while dragging on: still one change waiting (the last wins)
            marker.press("ArrowLeft")
        expect(conn).to_have_text("Tappade kontakten – försöker igen… · 1 ändring väntar")
        expect(save).to_have_text("Inte skickat än – skickas när kontakten är tillbaka.")
        # Let the phone fail to reconnect at least once (connect_error: "xhr poll error" / "websocket error").
        phone.wait_for_timeout(3_000)
        expect(conn).to_have_text("Tappade kontakten – försöker igen… · 1 ändring väntar")
        expect(conn).to_be_in_viewport()  # the offline line stays in sight
        phone.screenshot(path=str(artifacts / "phone-offline-375.png"))
    finally:
        server.start()

    expect(save).to_have_text("Sparat", timeout=30_000)  # first retry ≤ 2.25 s, then ≤ 4.5 s, … ≤ 15 s
    expect(conn).to_have_text("Ansluten · Sparat")
    dist = server.api("GET", f"/api/workshops/{w['id']}/statements/{s['id']}/distribution", key)
    assert dist["values"] == [97]  # End (100), then three steps left: committed once, as the last value
    expect(conn).to_have_text("Ansluten", timeout=9_000)
    phone.screenshot(path=str(artifacts / "phone-reconnected-375.png"))
    texts = phone.evaluate("window.__texts")
    assert not [text for text in texts if TRANSPORT_WORDS.search(text)]
    assert not [text for text in texts if "Sparar…" in text and "Tappade kontakten" in text]


def test_fyra_horn_at_320_survives_a_restart_and_a_locked_workshop_refuses_in_its_own_words(
    server, new_page, artifacts
):
    w = server.new_workshop("Inspirationsdag Värmland")
    key = w["facilitator_key"]
    labels = ["Håller med", "Håller delvis med", "Tveksam", "Håller inte med"]
    q = server.api(
        "POST",
        f"/api/workshops/{w['id']}/corners",
        key,
        {"text": "Vi i Värmland bör fortsätta arbetet med en överenskommelse", "labels": labels},
        expect=201,
    )
    server.api("POST", f"/api/workshops/{w['id']}/corners/{q['id']}/open", key, expect=200)
    phone = new_page(width=320, height=568, is_mobile=True)
    phone.goto(f"{server.url}/j/{w['code']}")
    expect(phone.locator("#fc-phone")).to_be_visible()
    server.stop()
    try:
        expect(phone.locator("#conn")).to_contain_text("Tappade kontakten")
        phone.get_by_role("button", name="Hörn B: Håller delvis med").click()
        phone.get_by_role("button", name="Hörn C: Tveksam").click()
        expect(phone.locator("#fc-save")).to_have_text("Inte skickat än – skickas när kontakten är tillbaka.")
        expect(phone.locator("#conn")).to_contain_text("1 ändring väntar")
    finally:
        server.start()
    expect(phone.locator("#fc-save")).to_have_text("Sparat", timeout=30_000)
    tally = server.api("GET", f"/api/workshops/{w['id']}/corners/{q['id']}/tally", key)
    assert tally["counts"] == [0, 0, 1, 0]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    phone.screenshot(path=str(artifacts / "phone-fourcorners-320.png"), full_page=True)

    server.api("PATCH", f"/api/workshops/{w['id']}", key, {"locked": True}, expect=200)
    newcomer = new_page(width=320, height=568, is_mobile=True)
    newcomer.goto(f"{server.url}/j/{w['code']}")
    expect(newcomer.locator("#conn")).to_have_text(
        "Kunde inte gå med: Workshoppen är stängd för nya deltagare. Fråga den som leder."
    )
    assert not TRANSPORT_WORDS.search(newcomer.inner_text("body"))
