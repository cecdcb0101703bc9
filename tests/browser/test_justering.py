"""Justering (issue 21, point 4) in the browser: the facilitator finalises,
an adjuster in a second browser opens the link, reads and approves; the
console shows "Justerad av"; a change request shows as a banner."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.axe import serious_violations

STATEMENT = "Kollektivtrafiken räcker för mig"


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _workshop(server, title):
    w = server.new_workshop(title)
    statement = server.open_statement(w, STATEMENT)
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}/statements/{statement['id']}"
    server.answer(w["code"], statement["id"], 20, 80, 85)
    server.api("POST", f"{base}/close", key, expect=200)
    server.api("POST", f"{base}/comments", key, {"text": "Kommentar: bussarna går för sällan"}, expect=201)
    return w


def _console(new_page, server, w):
    page = new_page(width=1366, height=768)
    page.goto(f"{server.url}/console/{w['id']}#key={w['facilitator_key']}")
    expect(page.locator("#conn")).to_have_text("Ansluten")
    page.get_by_role("tab", name="Förbered").click()
    expect(page.locator("#justering-state")).to_have_text("Utkast")
    return page


def _invite_adjuster(console, name) -> str:
    console.get_by_label("Justerarens namn (valfritt)").fill(name)
    console.get_by_role("button", name="Bjud in justerare").click()
    expect(console.locator("#adjuster-url")).to_have_value(re.compile(r"/invite#secret="))
    return console.locator("#adjuster-url").input_value()


def _finalise(console):
    console.get_by_role("button", name="Slutför bilagan").click()
    dialog = console.get_by_role("dialog", name="Slutföra bilagan?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Slutför bilagan").click()
    expect(console.locator("#justering-state")).to_have_text(re.compile(r"^Slutförd \(version 1\)"))
    expect(console.locator("#justering-versions li")).to_have_count(1)
    expect(console.locator("#finalise")).to_be_hidden()


def _adjuster_opens(new_page, server, url, name, width=1366, height=768, is_mobile=False):
    page = new_page(width=width, height=height, is_mobile=is_mobile)
    page.goto(server.url + _path(url))
    page.get_by_label("Ditt namn och din enhet").fill(name)
    page.get_by_role("button", name="Fortsätt").click()
    expect(page.get_by_role("heading", name=re.compile("^Justera bilagan"))).to_be_visible()
    return page


def test_finalise_then_an_adjuster_approves_and_the_console_says_so(server, new_page, artifacts):
    w = _workshop(server, "Trafikdialog Karlstad")
    console = _console(new_page, server, w)
    url = _invite_adjuster(console, "Anna Berg")
    _finalise(console)
    sha = server.api("GET", f"/api/workshops/{w['id']}/appendix", w["facilitator_key"])["sha256"]
    expect(console.locator("#justering-versions li").first).to_contain_text(sha)
    assert not serious_violations(console)
    console.screenshot(path=str(artifacts / "justering-console-finalised-1366.png"), full_page=True)

    adjuster = _adjuster_opens(new_page, server, url, "Anna – mobil")
    assert adjuster.url.endswith(f"/adjust/{w['id']}")
    expect(adjuster.get_by_text(STATEMENT).first).to_be_visible()
    expect(adjuster.get_by_text("Kommentar: bussarna går för sällan")).to_be_visible()
    expect(adjuster.locator("#adjust-state")).to_have_text(re.compile(r"^Slutförd, version 1"))
    expect(adjuster.locator("code.hash")).to_have_text(sha)
    assert not serious_violations(adjuster)
    adjuster.screenshot(path=str(artifacts / "justering-adjuster-reads-1366.png"), full_page=True)
    adjuster.get_by_label("Ditt namn (som det ska stå i bilagan)").fill("Anna Berg")
    adjuster.get_by_role("button", name="Justera bilagan").click()
    expect(adjuster.locator("#adjust-saved")).to_have_text("Justerad av Anna Berg. Tack!")

    expect(console.locator("#justering-state")).to_have_text("Justerad av Anna Berg")
    expect(console.locator("#justering-versions li").first).to_contain_text("justerad av Anna Berg")
    assert not serious_violations(console)
    console.locator("#justering-panel").screenshot(path=str(artifacts / "justering-console-approved.png"))
    console.screenshot(path=str(artifacts / "justering-console-approved-1366.png"), full_page=True)
    # The refusal a facilitator meets while it is frozen, in Swedish.
    console.locator("button[data-phase=lobby]").click()
    expect(console.locator("#error")).to_have_text("Bilagan är slutförd")
    verify = server.api("GET", f"/api/workshops/{w['id']}/appendix/verify", w["facilitator_key"])
    assert verify == {"version": 1, "sha256": sha, "matches": True}


def test_a_change_request_shows_as_a_banner_and_reopens(server, new_page, artifacts):
    w = _workshop(server, "Trafikdialog Kil")
    console = _console(new_page, server, w)
    url = _invite_adjuster(console, "Bo Ek")
    _finalise(console)
    adjuster = _adjuster_opens(new_page, server, url, "Bo", width=320, height=640, is_mobile=True)
    assert adjuster.evaluate("document.documentElement.scrollWidth") <= 320
    adjuster.get_by_label("Eller be samtalsledaren om en ändring").fill("Beslutet om busskort saknas")
    adjuster.get_by_role("button", name="Be om ändring").click()
    expect(adjuster.locator("#adjust-saved")).to_contain_text("Skickat")
    assert not serious_violations(adjuster)
    adjuster.screenshot(path=str(artifacts / "justering-adjuster-change-320.png"), full_page=True)

    banner = console.locator("#justering-change")
    expect(banner).to_have_text("Justeraren ber om ändring: Beslutet om busskort saknas")
    expect(console.locator("#justering-state")).to_have_text("Utkast")
    expect(console.locator("#finalise")).to_be_visible()
    expect(console.locator("#justering-versions li").first).to_contain_text("öppnad igen för ändring")
    expect(console.locator("#staff-rows")).to_contain_text("Justerare")
    assert not serious_violations(console)
    console.screenshot(path=str(artifacts / "justering-console-change-request-1366.png"), full_page=True)
