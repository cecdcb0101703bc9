"""Open Space end to end in Chromium: two phones propose topics, the
facilitator places them on the wall with the keyboard menu, one phone says
"Jag är här" and writes a note, and the projector's wall shows it live."""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

from playwright.sync_api import expect


def _path(url: str) -> str:
    """The link without its origin, keeping the #key= fragment."""
    parts = urlsplit(url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def _wait_for(read, check, timeout=10.0):
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if check(value) or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def _watch_errors(page, errors: list) -> None:
    page.on("pageerror", lambda exc: errors.append(str(exc)))


def test_open_space_phones_console_projector(server, new_page, artifacts):
    started = time.monotonic()
    w = server.new_workshop("Inspirationsdag")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, json=None, expect=None):
        return server.api(method, base + path, token=key, json=json, expect=expect)

    api("PATCH", "/openspace", {"theme": "Hur samverkar vi vidare?"}, expect=200)
    api("POST", "/phase", {"phase": "openspace"}, expect=200)
    room_a = api("POST", "/spaces", {"name": "Rum A", "capacity": 20}, expect=201)
    room_b = api("POST", "/spaces", {"name": "Rum B"}, expect=201)
    session = api(
        "POST",
        "/slots",
        {"label": "Pass 1", "starts_at": "13:00", "minutes": 45, "kind": "session"},
        expect=201,
    )
    api("POST", "/slots", {"label": "Fika", "starts_at": "13:45", "minutes": 20, "kind": "break"}, expect=201)

    errors: list[str] = []
    projector = new_page(width=1600, height=900)
    _watch_errors(projector, errors)
    projector.goto(server.url + _path(w["projector_url"]))
    expect(projector.locator("#os-projector")).to_be_visible()
    console = new_page(width=1400, height=1000)
    _watch_errors(console, errors)
    console.goto(server.url + _path(w["facilitator_url"]))
    expect(console.locator("#os-c-table")).to_be_visible()

    proposals = [
        ("Kommunikation: avsändare, budskap, mottagare", "Anna"),
        ("Folkhälsa och psykisk hälsa", ""),
    ]
    phones = []
    for title, convener in proposals:
        phone = new_page(width=360, height=740, is_mobile=True)
        _watch_errors(phone, errors)
        phone.goto(server.url + _path(w["join_url"]))
        expect(phone.locator("#os-phone")).to_be_visible()
        expect(phone.locator("#waiting")).to_be_hidden()
        phone.get_by_role("tab", name="Alla ämnen").click()
        if phone.locator("#os-propose-box:not([open])").count():  # open while there are no topics
            phone.get_by_text("Föreslå ett ämne").click()
        phone.fill("#os-title", title)
        phone.fill("#os-convener", convener)
        phone.click("#os-propose")
        expect(phone.locator("#os-title")).to_have_value("")  # cleared only after an ok ack
        expect(phone.locator("#os-propose-status")).not_to_have_class(re.compile(r"\bbad\b"))
        phones.append(phone)

    wall = _wait_for(lambda: api("GET", "/wall", expect=200), lambda wl: len(wl["topics"]) == 2)
    ids = {t["title"]: t["id"] for t in wall["topics"]}
    first, second = ids[proposals[0][0]], ids[proposals[1][0]]
    assert {t["convener"] for t in wall["topics"]} == {"Anna", None}  # empty name: anonymous
    # Both phones see both topics live, with the interest toggle.
    expect(phones[1].locator(f"#os-topic-{first} button[data-action=interest]")).to_have_attribute(
        "aria-pressed", "false"
    )

    # The facilitator places both topics with the "Place in…" menus (keyboard alternative to DnD):
    # in Run under each topic not yet placed, in Prepare in the topic list.
    console.select_option(f"#os-c-pool-place-{first}", value=f"{room_a['id']}:{session['id']}")
    expect(
        console.locator(f"#os-c-table td[data-space='{room_a['id']}'] .os-chip[data-topic='{first}']")
    ).to_be_visible()
    console.get_by_role("tab", name="Förbered").click()
    console.select_option(f"#os-c-place-{second}", value=f"{room_b['id']}:{session['id']}")
    console.get_by_role("tab", name="Kör").click()
    expect(
        console.locator(f"#os-c-table td[data-space='{room_b['id']}'] .os-chip[data-topic='{second}']")
    ).to_be_visible()
    expect(console.locator("#os-c-error")).to_be_hidden()

    # Phone 1 goes to its group and writes a note there.
    phone = phones[0]
    here = phone.locator(f"button[data-action=here][data-topic='{first}']")  # once: in its tab, by the clock
    panel = here.evaluate("button => button.closest('[role=tabpanel]').id")
    phone.click(f"[role=tab][aria-controls='{panel}']")
    here.click()
    expect(here).to_have_attribute("aria-pressed", "true")
    expect(phone.locator("#os-here-box")).to_be_visible()
    phone.select_option("#os-note-kind", "proposal")
    phone.fill("#os-note-text", "Skapa en gemensam avsändare för de idéburna organisationerna.")
    phone.fill("#os-note-who", "Arbetsgruppen")
    phone.click("#os-note-submit")
    expect(phone.locator("#os-notes .os-note")).to_have_count(1)
    expect(phone.locator("#os-note-text")).to_have_value("")
    no_overflow = phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_overflow, "the phone view scrolls sideways at 360 px"

    # The projector shows the wall: the topic in its cell with one person here, the fika row.
    cell = projector.locator(f"#os-p-table td[data-space='{room_a['id']}'][data-slot='{session['id']}']")
    expect(cell).to_have_attribute("data-topic", str(first))
    expect(cell.locator(".os-p-here")).to_have_attribute("data-here", "1")
    expect(cell.locator(".os-p-cell-title")).to_have_text(proposals[0][0])
    expect(projector.locator("#os-p-table .os-break-row .os-p-fika")).to_have_text("Fika")
    expect(projector.locator("#os-p-wall")).to_be_visible()
    projector.screenshot(path=str(artifacts / "openspace-projector.png"))

    wall = api("GET", "/wall", expect=200)
    topic = next(t for t in wall["topics"] if t["id"] == first)
    assert topic["here"] == 1 and topic["peak"] == 1
    assert [(n["kind"], n["who"]) for n in topic["notes"]] == [("proposal", "Arbetsgruppen")]
    assert topic["notes"][0]["text"].startswith("Skapa en gemensam avsändare")
    assert wall["missing_notes"] == [second]
    expect(console.locator(f"#os-c-missing li[data-topic='{second}']")).to_be_visible()
    assert errors == []
    assert time.monotonic() - started < 60
