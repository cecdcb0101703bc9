"""Förbered, Open Space (issue 20, items 7, 15 and 19): a room and a slot are
edited in place and keep their topics; "Flytta" moves a slot and every later
one at once; a refusal says why and changes nothing; the slot list never
says a kind twice; times are 24-hour HH:MM even in an en-US browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def _setup(server):
    w = server.new_workshop("Inspirationsdag Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, body=None, expect=None):
        return server.api(method, base + path, key, body, expect=expect)

    room = api("POST", "/spaces", {"name": "Stora salen", "capacity": 20})
    p1 = api("POST", "/slots", {"label": "Pass 1", "starts_at": "13:00", "minutes": 45})
    fika = api("POST", "/slots", {"label": "Fika", "starts_at": "13:45", "minutes": 20, "kind": "break"})
    p2 = api("POST", "/slots", {"label": "Pass 2", "starts_at": "14:05", "minutes": 45})
    topic = api("POST", "/topics", {"title": "Projektledning och struktur"})
    api("PUT", f"/topics/{topic['id']}/placement", {"space": room["id"], "slot": p2["id"]})
    return w, api, {"room": room, "p1": p1, "fika": fika, "p2": p2, "topic": topic}


def _prepare(new_page, w, width=1366, height=768, locale="sv-SE", slots=3):
    page = new_page(width=width, height=height, locale=locale, is_mobile=width < 500)
    page.goto(w["facilitator_url"])
    expect(page.locator("#conn")).to_have_text("Ansluten" if locale.startswith("sv") else "Connected")
    page.locator("#tab-prepare").click()
    expect(page.locator("#os-c-slots li")).to_have_count(slots)
    return page


def _slots(api):
    return [(s["label"], s["starts_at"], s["minutes"]) for s in api("GET", "/wall")["slots"]]


def _placed(api, topic_id):
    topic = next(t for t in api("GET", "/wall")["topics"] if t["id"] == topic_id)
    return topic["space"], topic["slot"]


def test_slot_list_says_the_kind_once(server, new_page, artifacts):
    w, api, ids = _setup(server)
    api("POST", "/slots", {"label": "Eftermiddag", "starts_at": "15:00", "minutes": 30})
    page = _prepare(new_page, w, slots=4)
    names = [n.strip() for n in page.locator("#os-c-slots li > span:first-child").all_inner_texts()]
    assert names == [
        "13:00–13:45 Pass 1",
        "13:45–14:05 Fika",
        "14:05–14:50 Pass 2",
        "15:00–15:30 Eftermiddag (Pass)",
    ]


def test_rooms_and_slots_are_edited_in_place_and_later_slots_move_at_once(server, new_page, artifacts):
    w, api, ids = _setup(server)
    page = _prepare(new_page, w)
    placed = _placed(api, ids["topic"]["id"])

    # A room: name and seats.
    page.get_by_role("button", name="Redigera: Stora salen").click()
    rooms, slots = page.locator("#os-c-spaces"), page.locator("#os-c-slots")
    name = rooms.get_by_label("Rummets namn")
    expect(name).to_be_focused()
    name.fill("Stora salen, plan 2")
    rooms.get_by_label("Platser (valfritt)").fill("40")
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts / "walk2-prepare-edit-room-1366.png"), full_page=True)
    rooms.get_by_role("button", name="Spara").click()
    expect(page.locator("#os-c-spaces li").first).to_contain_text("Stora salen, plan 2 (40 platser)")
    assert api("GET", "/wall")["spaces"][0]["capacity"] == 40

    # A slot's time, refused first (not HH:MM), then taken.
    page.get_by_role("button", name="Redigera: 13:00–13:45 Pass 1").click()
    start = page.locator(f"#os-c-slot-start-{ids['p1']['id']}")
    start.fill("9.30")
    slots.get_by_role("button", name="Spara").click()
    assert start.evaluate("(n) => n.validity.patternMismatch")
    assert _slots(api)[0] == ("Pass 1", "13:00", 45)
    start.fill("12:50")
    slots.get_by_role("button", name="Spara").click()
    expect(page.locator("#os-c-slots li").first).to_contain_text("12:50–13:35 Pass 1")

    # We are 15 minutes late: the fika and everything after it move.
    page.get_by_role("button", name="Flytta detta och senare pass: 13:45–14:05 Fika").click()
    minutes = slots.get_by_label("Minuter (minus flyttar tidigare) – 13:45–14:05 Fika")
    minutes.fill("15")
    page.screenshot(path=str(artifacts / "walk2-prepare-shift-1366.png"), full_page=True)
    slots.get_by_role("button", name="Flytta", exact=True).click()
    expect(page.locator("#os-c-slots-status")).to_have_text("Flyttade 2 pass 15 minuter.")
    expect(page.locator("#os-c-slots li").nth(2)).to_contain_text("14:20–15:05 Pass 2")
    assert _slots(api) == [("Pass 1", "12:50", 45), ("Fika", "14:00", 20), ("Pass 2", "14:20", 45)]
    assert _placed(api, ids["topic"]["id"]) == placed

    # Earlier than the slot before ends: refused in words, nothing moves.
    page.get_by_role("button", name="Flytta detta och senare pass: 14:00–14:20 Fika").click()
    slots.get_by_label("Minuter (minus flyttar tidigare) – 14:00–14:20 Fika").fill("-30")
    slots.get_by_role("button", name="Flytta", exact=True).click()
    expect(page.locator("#error")).to_contain_text("innan passet före har slutat")
    assert _slots(api) == [("Pass 1", "12:50", 45), ("Fika", "14:00", 20), ("Pass 2", "14:20", 45)]


@pytest.mark.parametrize("width", [320])
def test_editing_fits_a_320_px_console(server, new_page, artifacts, width):
    w, api, ids = _setup(server)
    page = _prepare(new_page, w, width=width, height=640)
    page.get_by_role("button", name="Redigera: 14:05–14:50 Pass 2").click()
    expect(page.locator(f"#os-c-slot-start-{ids['p2']['id']}")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator(f"#os-c-slot-start-{ids['p2']['id']}").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "walk2-prepare-edit-slot-320.png"))
    assert serious_violations(page) == []


def test_time_fields_are_24_hour_in_an_en_us_browser(server, new_page, artifacts):
    w, api, ids = _setup(server)
    page = _prepare(new_page, w, locale="en-US")
    start = page.locator("#os-c-slot-start")
    # The page speaks Swedish (the console follows Accept-Language: en-US gives English).
    assert start.get_attribute("type") == "text"
    assert start.get_attribute("placeholder") == "13:00"
    assert start.get_attribute("inputmode") == "numeric"
    page.locator("#os-c-slot-label").fill("Pass 3")
    start.fill("15:30")
    page.locator("#os-c-slot-form button[type=submit]").click()
    expect(page.locator("#os-c-slots li")).to_have_count(4)
    assert ("Pass 3", "15:30", 45) in _slots(api)
    until = page.locator("#os-c-break-until")
    assert until.get_attribute("type") == "text" and until.get_attribute("pattern")
    page.screenshot(path=str(artifacts / "walk2-prepare-en-us-1366.png"), full_page=True)
