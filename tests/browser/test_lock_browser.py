"""Closing a workshop to new participants from the console, as a facilitator
would: new phones are told why, known phones come back; the organiser sees
the refused join codes in the workshop list."""

from __future__ import annotations

import requests
from playwright.sync_api import expect


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_the_facilitator_closes_the_doors_and_a_new_phone_is_told(server, new_page, artifacts):
    w = server.new_workshop("Stängd dörr")
    known = new_page(width=320, height=640, is_mobile=True)
    known.goto(f"{server.url}/j/{w['code']}")
    expect(known.locator("#conn")).to_have_text("Ansluten")

    console = new_page(width=1366, height=768)
    console.goto(server.url + _path(w["facilitator_url"]))
    lock = console.locator("#lock")
    expect(lock).to_have_attribute("aria-pressed", "false")
    lock.click()
    expect(lock).to_have_attribute("aria-pressed", "true")
    expect(lock).to_have_text("Stängd för nya deltagare – öppna igen")

    newcomer = new_page(width=320, height=640, is_mobile=True)
    newcomer.goto(f"{server.url}/j/{w['code']}")
    expect(newcomer.locator("#conn")).to_contain_text("Workshoppen är stängd för nya deltagare")
    expect(newcomer.locator("#waiting")).to_be_hidden()  # no "Ansluter…" under a refusal
    newcomer.screenshot(path=str(artifacts / "phone-locked-320.png"))
    # The phone that joined before keeps its place through a reload.
    known.reload()
    expect(known.locator("#conn")).to_have_text("Ansluten")

    lock.click()
    expect(lock).to_have_attribute("aria-pressed", "false")
    newcomer.reload()
    expect(newcomer.locator("#conn")).to_have_text("Ansluten")


def test_the_organiser_sees_refused_join_codes(server, new_page):
    for _ in range(12):  # over the burst from this address: the last ones are refused
        requests.get(f"{server.url}/j/000000", timeout=5)
    page = new_page()
    page.goto(f"{server.url}/console#token={server.admin_token}")
    expect(page.locator("#refused")).to_contain_text("Felaktiga koder som stoppats sedan servern startade:")
    refused = int(page.locator("#refused").inner_text().rsplit(":", 1)[1])
    assert refused >= 2
