"""Ordet, a comment from a phone and a replay, as people see them: three
phones raise their hands from three places on the line, the facilitator
gives the floor in the suggested order, the projector rings the right dot;
a comment is approved and shown; a closed statement is replayed to the end."""

import time

from playwright.sync_api import expect

from tests.browser.waits import until


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _phone(new_page, server, w, width=320):
    phone = new_page(width=width, height=640, is_mobile=True)
    phone.goto(server.url + _path(w["join_url"]))
    phone.wait_for_selector("#barometer:not([hidden])")
    return phone


def _place(phone, keys):
    marker = phone.get_by_role("slider")
    marker.focus()
    for k in keys:
        marker.press(k)
    phone.wait_for_function("document.getElementById('save').textContent === 'Sparat'")


def test_the_floor_a_comment_and_a_replay(server, new_page, artifacts):
    started = time.monotonic()
    w = server.new_workshop("Länsträff <Värmland>")
    key = w["facilitator_key"]
    base = f"/api/workshops/{w['id']}"
    # One person per side: every side named (small groups protected is tests/browser/test_floor_time.py).
    server.api("PATCH", base, key, {"min_group": 1}, expect=200)
    s = server.api(
        "POST",
        f"{base}/statements",
        key,
        {"text": "Överenskommelsearbetet kan göras utan att kosta pengar"},
        expect=201,
    )
    server.api("POST", f"{base}/statements/{s['id']}/open", key, expect=200)

    console = new_page(width=1366, height=768)
    console.goto(server.url + _path(w["facilitator_url"]))
    console.wait_for_function("document.getElementById('conn').textContent === 'Ansluten'")
    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    projector.wait_for_selector("#stage:not([hidden])")

    # Three phones: håller inte med (10), mitten (50), håller med (90).
    phones = [_phone(new_page, server, w) for _ in range(3)]
    for phone, keys in zip(
        phones, (["Home"] + ["ArrowRight"] * 10, ["Home"] + ["PageUp"] * 5, ["End"] + ["PageDown"])
    ):
        _place(phone, keys)
    projector.wait_for_function("document.querySelectorAll('#swarm .dot').length === 3")

    # They ask in the order middle, agree, disagree; the keyboard works too.
    for i in (1, 2, 0):
        hand = phones[i].get_by_role("button", name="Jag vill säga något")
        hand.focus()
        phones[i].keyboard.press("Enter")
        phones[i].wait_for_function("document.getElementById('hand').getAttribute('aria-pressed') === 'true'")
    expect(phones[0].locator("#hand-status")).to_contain_text("Du står i kö")
    phones[0].screenshot(path=str(artifacts / "floor-phone-hand-320.png"), full_page=True)
    console.wait_for_function("document.querySelectorAll('#floor-queue li button').length === 3")
    queue = until(
        console,
        lambda: [t.split(" · ")[0] for t in console.locator("#floor-queue li").all_inner_texts()],
        lambda order: order == ["P2", "P3", "P1"],
    )
    assert queue == ["P2", "P3", "P1"]

    # Ge ordet, three times, as suggested: nobody heard yet -> the first who
    # asked (middle); then the regions not heard, first asked first.
    expected = [("P2", "mitten", 1), ("P3", "håller med-sidan", 2), ("P1", "håller inte med-sidan", 0)]
    for pseudonym, region, i in expected:
        next_button = console.locator("#floor-next")
        console.wait_for_function(
            f"document.getElementById('floor-next').textContent.includes('{pseudonym}')"
        )
        expect(next_button).to_have_text(f"Ge ordet till {pseudonym} ({region})")
        next_button.click()
        console.wait_for_function(
            f"document.getElementById('floor-speaker').textContent.startsWith('{pseudonym} har ordet')"
        )
        projector.wait_for_function(
            f"document.getElementById('floor-note').textContent === 'Ordet: någon från {region}'"
        )
        ringed = until(
            projector,
            lambda: projector.eval_on_selector_all(
                "#swarm .dot.speaking", "ds => ds.map(d => d.dataset.key)"
            ),
            lambda keys, key=pseudonym[1:]: keys == [key],
        )
        assert ringed == [pseudonym[1:]]
        phones[i].wait_for_selector("#speaking:not([hidden])")
        expect(phones[i].locator("#speaking")).to_have_text("Du har ordet")
        if pseudonym == "P3":
            projector.screenshot(path=str(artifacts / "floor-projector.png"))
            phones[i].screenshot(path=str(artifacts / "floor-phone-speaking-320.png"), full_page=True)
            console.screenshot(path=str(artifacts / "floor-console.png"), full_page=True)
            assert console.evaluate("document.documentElement.scrollHeight") <= 768
        for other in (p for j, p in enumerate(phones) if j != i):
            expect(other.locator("#speaking")).to_be_hidden()
    expect(console.locator("#floor-queue")).to_contain_text("Ingen har bett om ordet")
    expect(console.locator("#floor-heard")).to_have_text("Hörda: inte med 1 · mitten 1 · med 1")
    # Not the projector's "Tack" view: this one ends the turn.
    console.get_by_role("button", name="Tack: avsluta talarturen").click()
    projector.wait_for_selector("#floor-note", state="hidden")
    phones[0].wait_for_selector("#speaking", state="hidden")

    # A comment: allowed (under Förbered), written on a phone, approved, shown by region only.
    expect(console.locator("#comments-off")).to_be_visible()
    console.get_by_role("tab", name="Förbered").click()
    console.get_by_label("Låt telefonerna skicka korta skrivna kommentarer").check()
    console.get_by_role("tab", name="Kör").click()
    console.wait_for_selector("#comments-off", state="hidden")
    phones[0].wait_for_selector("#comment-form:not([hidden])")
    comment = "Det <b>kostar</b> – tid & pengar"
    phones[0].get_by_label("Din kommentar (högst 280 tecken)").fill(comment)
    expect(phones[0].locator("#comment-count")).to_have_text(f"{len(comment)} av 280 tecken")
    phones[0].get_by_role("button", name="Skicka kommentar").click()
    phones[0].wait_for_function("document.getElementById('comment-status').textContent.startsWith('Skickad')")
    phones[0].screenshot(path=str(artifacts / "comment-phone-320.png"), full_page=True)
    item = console.locator("#phone-comments li", has_text="Det <b>kostar</b>")
    item.get_by_role("button", name="Godkänn").click()
    console.get_by_role("button", name="Visa på projektorn").click()
    projector.wait_for_selector("#shown-comment:not([hidden])")
    expect(projector.locator("#shown-comment-text")).to_have_text("Det <b>kostar</b> – tid & pengar")
    expect(projector.locator("#shown-comment-region")).to_have_text("Kommentar från håller inte med-sidan")
    expect(projector.locator("#shown-comment")).not_to_contain_text("P1")
    projector.screenshot(path=str(artifacts / "comment-projector.png"))

    # Close, then replay at 20x from the console: it runs to the end.
    phones[2].get_by_role("slider").press("Home")  # one more move for the replay
    phones[2].wait_for_function("document.getElementById('save').textContent === 'Sparat'")
    server.api("POST", f"{base}/statements/{s['id']}/close", key, expect=200)
    projector.wait_for_selector("#shown-comment", state="hidden")
    # Closed: Ordet gives way to the replay in Kör.
    console.wait_for_selector("#replay-box:not([hidden])")
    expect(console.locator("#floor-box")).to_be_hidden()
    console.locator("#replay-pick > summary").click()
    console.get_by_label("Stängt påstående").select_option(str(s["id"]))
    console.get_by_label("Hastighet").select_option("20")
    console.get_by_role("button", name="Spela upp på projektorn").click()
    projector.wait_for_selector("#replay-stage:not([hidden])")
    expect(projector.locator("#replay-statement")).to_have_text(s["text"])
    projector.wait_for_function(
        "document.getElementById('replay-stage').dataset.state === 'ended'", timeout=20_000
    )
    expect(projector.locator("#replay-speed")).to_have_text("20× hastighet")
    expect(projector.locator("#replay-canvas")).to_have_attribute(
        "aria-label", "Återuppspelning: Positioner: 3, Pass: 0"
    )
    console.wait_for_function("document.getElementById('replay-toggle').textContent === 'Spela'")
    console.screenshot(path=str(artifacts / "replay-console.png"), full_page=True)
    assert (
        console.evaluate("document.documentElement.scrollHeight") <= 768
    )  # Kör fits, replay controls and all
    projector.screenshot(path=str(artifacts / "replay-projector.png"))
    console.get_by_role("button", name="Avsluta uppspelningen").click()
    projector.wait_for_selector("#replay-stage", state="hidden")
    print(f"floor browser test took {time.monotonic() - started:.1f}s")
