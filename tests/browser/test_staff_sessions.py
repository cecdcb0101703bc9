"""The facilitator's seat travels (issue 19): sign-in, invites with roles,
revoking, a projector paired by its code, and a way in on every page."""

from __future__ import annotations

import re
import time

import socketio
from playwright.sync_api import expect

from tests.browser.axe import serious_violations

CODE = re.compile(r"^[A-Z]{4}$")


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _invite(server, w, role, name=None):
    body = {"role": role} | ({"name": name} if name else {})
    return server.api("POST", f"/api/workshops/{w['id']}/invites", w["facilitator_key"], body, expect=201)


def _accept(page, server, invite, name, shot=None):
    page.goto(server.url + _path(invite["url"]))
    expect(
        page.get_by_role("heading", name="Du är inbjuden att hjälpa till att leda en workshop")
    ).to_be_visible()
    assert "secret=" not in page.url  # the secret left the address bar at once
    if shot:
        assert not serious_violations(page)
        page.screenshot(path=str(shot), full_page=True)
    page.get_by_label("Ditt namn och din enhet").fill(name)
    page.get_by_role("button", name="Fortsätt").click()


def _online(page):
    expect(page.locator("#conn")).to_have_text("Ansluten")


def test_after_sign_in_a_bookmarked_console_opens_in_a_new_context(server, new_page, browser, artifacts):
    w = server.new_workshop("Bokmärket")
    server.api(
        "POST", f"/api/workshops/{w['id']}/statements", w["facilitator_key"], {"text": "Ett"}, expect=201
    )
    page = new_page(width=1366, height=768)
    page.goto(server.url + "/signin")
    assert not serious_violations(page)
    page.screenshot(path=str(artifacts / "staff-signin-1366.png"), full_page=True)
    small = new_page(width=320, height=640, is_mobile=True)
    small.goto(server.url + "/signin")
    assert small.evaluate("document.documentElement.scrollWidth") <= 320
    assert not serious_violations(small)
    small.screenshot(path=str(artifacts / "staff-signin-320.png"), full_page=True)
    page.get_by_label("Administratörsnyckel").fill(server.admin_token)
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator("#archive")).to_be_visible()
    expect(page.get_by_role("link", name="Bokmärket", exact=True)).to_be_visible()
    # The browser restarts: a new context with what it kept (the cookie), the bookmark has no key.
    state = page.context.storage_state()
    restarted = browser.new_context(
        storage_state=state, locale="sv-SE", viewport={"width": 1366, "height": 768}
    )
    try:
        console = restarted.new_page()
        console.goto(f"{server.url}/console/{w['id']}")
        _online(console)
        expect(console.locator("#statements li.statement-item")).to_have_count(1)
        expect(console.locator("#way-in")).to_be_hidden()
        # An action works: a phase change reaches the server.
        console.locator("button[data-phase=barometer]").click()
        expect(console.locator("button[data-phase=barometer]")).to_have_attribute("aria-pressed", "true")
        assert server.api("GET", f"/api/workshops/{w['id']}")["phase"] == "barometer"
        console.screenshot(path=str(artifacts / "staff-console-signed-in-1366.png"), full_page=True)
    finally:
        restarted.close()


def test_every_page_without_credentials_shows_its_way_in(server, new_page, artifacts):
    w = server.new_workshop("Utan nyckel")
    for width in (320, 375, 1366):
        page = new_page(width=width, height=800, is_mobile=width < 800)
        page.goto(f"{server.url}/console/{w['id']}")
        expect(page.locator("#way-in")).to_be_visible()
        expect(page.locator("#console")).to_be_hidden()
        expect(page.get_by_role("link", name="Logga in som arrangör")).to_be_visible()
        assert not serious_violations(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(artifacts / f"staff-console-way-in-{width}.png"), full_page=True)
    page = new_page(width=1280, height=720)
    page.goto(f"{server.url}/projector/{w['id']}")
    expect(page.locator("#pairing-code")).to_have_text(CODE)
    assert page.url == f"{server.url}/projector"
    assert not serious_violations(page)
    page.screenshot(path=str(artifacts / "staff-projector-pairing-1280.png"))
    for width in (320, 1366):
        page = new_page(width=width, height=800)
        page.goto(f"{server.url}/console/{w['id']}/summary")
        expect(page.locator("#summary")).to_contain_text("Sammanfattningen är för workshopens samtalsledare")
        expect(page.get_by_role("link", name="Logga in som arrangör")).to_be_visible()
        expect(page.locator("body")).not_to_contain_text("401")
        expect(page.locator("nav.exports")).to_be_hidden()  # no download that would be refused
        page.screenshot(path=str(artifacts / f"staff-summary-way-in-{width}.png"), full_page=True)


def test_a_paired_projector_shows_the_lobby(server, new_page, artifacts):
    w = server.new_workshop("Parad projektor")
    screen = new_page(width=1280, height=720)
    screen.goto(f"{server.url}/projector")
    code = screen.locator("#pairing-code")
    expect(code).to_have_text(CODE)
    console = new_page(width=1366, height=768)
    console.goto(server.url + _path(w["facilitator_url"]))
    _online(console)
    console.get_by_role("tab", name="Kör").click()
    console.locator("#pair-box summary").click()
    console.get_by_label("Koppla en projektor: koden den visar").fill(code.inner_text().lower())
    started = time.monotonic()
    console.get_by_role("button", name="Koppla", exact=True).click()
    screen.wait_for_url(f"{server.url}/projector/{w['id']}")
    expect(screen.locator("#lobby")).to_contain_text("Parad projektor")
    _online(screen)
    took = time.monotonic() - started
    assert took < 2.0, took  # ≤ 1 s to switch (½ s polls) plus the new page's load
    expect(console.locator("#pair-status")).to_have_text("Kopplad: projektorn visar workshopen.")
    console.screenshot(path=str(artifacts / "staff-console-run-1366.png"), full_page=True)
    assert not serious_violations(console)
    console.get_by_role("tab", name="Förbered").click()
    expect(console.locator("#staff-rows")).to_contain_text("Projektor")
    expect(console.locator("#staff-rows")).to_contain_text("Ansluten")
    screen.screenshot(path=str(artifacts / "staff-projector-paired-1280.png"))
    console.locator("#staff-panel").screenshot(path=str(artifacts / "staff-panel-1366.png"))
    assert not serious_violations(console)
    # Unpair: the screen goes back to a pairing code.
    staff = server.api("GET", f"/api/workshops/{w['id']}/staff", w["facilitator_key"])
    (paired,) = [x for x in staff["sessions"] if x["role"] == "projector"]
    server.api("DELETE", f"/api/workshops/{w['id']}/staff/{paired['id']}", w["facilitator_key"], expect=204)
    screen.wait_for_url(f"{server.url}/projector")
    expect(code).to_have_text(CODE)


def test_an_invite_on_a_phone_runs_ordet(server, new_page, artifacts):
    w = server.new_workshop("Ordet på mobilen")
    s = server.open_statement(w, "Cykelbanor före parkering")
    phone_client = socketio.Client(reconnection=False)
    phone_client.connect(server.url, auth={"code": w["code"]}, transports=["websocket"])
    try:
        assert phone_client.call("position", {"statement": s["id"], "value": 90}, timeout=5)["ok"]
        assert phone_client.call("hand", {"on": True}, timeout=5)["ok"]
        invite = _invite(server, w, "facilitator", "Kim")
        mobile = new_page(width=375, height=740, is_mobile=True)
        _accept(mobile, server, invite, "Kim – mobil", shot=artifacts / "staff-invite-page-375.png")
        mobile.wait_for_url(f"{server.url}/console/{w['id']}")
        _online(mobile)
        assert not serious_violations(mobile)
        mobile.screenshot(path=str(artifacts / "staff-invite-console-375.png"), full_page=True)
        mobile.get_by_role("tab", name="Kör").click()
        give = mobile.locator("#floor-next")
        expect(give).to_contain_text("Ge ordet till P1")
        give.click()
        expect(mobile.locator("#floor-speaker")).to_contain_text("P1 har ordet")
        floor = server.api(
            "GET", f"/api/workshops/{w['id']}/statements/{s['id']}/floor", w["facilitator_key"]
        )
        assert floor["speaker"]["pseudonym"] == "P1"
        staff = server.api("GET", f"/api/workshops/{w['id']}/staff", w["facilitator_key"])
        assert [(x["name"], x["online"]) for x in staff["sessions"]] == [("Kim – mobil", True)]
    finally:
        phone_client.disconnect()


def test_a_minute_taker_comments_and_cannot_open(server, new_page, artifacts):
    w = server.new_workshop("Protokollet")
    key = w["facilitator_key"]
    base = f"/api/workshops/{w['id']}/statements"
    s = server.api("POST", base, key, {"text": "Först"}, expect=201)
    server.api("POST", base, key, {"text": "Sedan"}, expect=201)
    server.api("POST", f"{base}/{s['id']}/open", key, expect=200)
    server.api("POST", f"/api/workshops/{w['id']}/phase", key, {"phase": "barometer"}, expect=200)
    page = new_page(width=375, height=740, is_mobile=True)
    _accept(page, server, _invite(server, w, "minute_taker"), "Sekreteraren")
    # The invite lands on the minute-taker's page (issue 21); the console opens too.
    expect(page).to_have_url(re.compile(rf"/minutes/{w['id']}$"))
    _online(page)
    page.goto(f"{server.url}/console/{w['id']}")
    _online(page)
    expect(page.locator("#mode-run")).to_be_visible()
    expect(page.locator("#live-statement")).to_have_text("Först")
    for hidden in ("#b-close", ".phases", "#lock", "#staff-panel", "#floor-next", "#tab-prepare"):
        expect(page.locator(hidden).first).to_be_hidden()
    page.get_by_label("Kommentar till påståendet").fill("Beslut: pilot i vår")
    page.get_by_role("button", name="Spara kommentar").click()
    expect(page.locator("#b-comment-status")).to_have_text("Kommentar sparad")
    comments = server.api("GET", f"{base}/{s['id']}/comments", key)["comments"]
    assert [c["text"] for c in comments] == ["Beslut: pilot i vår"]
    # Its session is refused what only the facilitator does, even sent by hand.
    status = page.evaluate(
        """async (path) => (await fetch(path, {method: "POST", headers: {"X-CSRF-Token":
             document.querySelector('meta[name=csrf-token]').content}})).status""",
        f"{base}/{s['id']}/close",
    )
    assert status == 403
    assert server.api("GET", f"{base}/{s['id']}", key)["status"] == "open"
    assert not serious_violations(page)
    page.screenshot(path=str(artifacts / "staff-minute-taker-375.png"), full_page=True)


def test_revoking_kicks_the_device_within_a_second(server, new_page, artifacts):
    w = server.new_workshop("Återkallad")
    page = new_page(width=1366, height=768)
    _accept(page, server, _invite(server, w, "facilitator", "Lånad dator"), "Lånad dator")
    _online(page)
    staff = server.api("GET", f"/api/workshops/{w['id']}/staff", w["facilitator_key"])
    started = time.monotonic()
    server.api(
        "DELETE",
        f"/api/workshops/{w['id']}/staff/{staff['sessions'][0]['id']}",
        w["facilitator_key"],
        expect=204,
    )
    expect(page.locator("#way-in")).to_be_visible(timeout=1000)
    took = time.monotonic() - started
    assert took < 1.0, took
    expect(page.locator("#way-in-error")).to_contain_text("återkallats")
    page.reload()
    expect(page.locator("#way-in")).to_be_visible()
    page.screenshot(path=str(artifacts / "staff-revoked-1366.png"), full_page=True)


def test_the_console_invites_with_a_link_and_qr_and_revokes(server, new_page, artifacts):
    w = server.new_workshop("Bjud in")
    console = new_page(width=320, height=700, is_mobile=True)
    console.goto(server.url + _path(w["facilitator_url"]))
    _online(console)
    console.get_by_role("tab", name="Förbered").click()
    console.get_by_label("Roll").select_option("minute_taker")
    console.get_by_label("Namn (frivilligt)").fill("Sekreteraren")
    console.get_by_role("button", name="Bjud in", exact=True).click()
    link = console.locator("#invite-url")
    expect(link).to_have_value(re.compile(re.escape(server.url) + r"/invite#secret=[\w-]{20,}$"))
    expect(console.locator("#invite-qr svg")).to_be_visible()
    expect(console.locator("#staff-rows")).to_contain_text("Inbjudan ännu inte använd")
    assert not serious_violations(console)
    assert console.evaluate("document.documentElement.scrollWidth") <= 320
    console.locator("#staff-panel").screenshot(path=str(artifacts / "staff-panel-320.png"))
    device = new_page(width=1366, height=768)
    _accept(device, server, {"url": link.input_value()}, "Anna – dator")
    _online(device)
    row = console.locator("#staff-rows tr", has_text="Anna – dator")
    expect(row).to_contain_text("Ansluten")
    started = time.monotonic()
    console.get_by_role("button", name="Återkalla åtkomsten för Anna – dator").click()
    expect(device.locator("#way-in")).to_be_visible(timeout=1500)
    assert time.monotonic() - started < 1.5
    expect(row).to_have_count(0)
