"""The phone in Open Space at 320 and 375 px, in Debian's Chromium: the
person's own group first, "Jag är här" once per topic, the note form in view
and focused after the tap, tabs by keyboard, status lines that do not stay."""

from __future__ import annotations

import datetime
import re

from playwright.sync_api import expect

TITLES = [
    "Samverkan mellan offentligt och idéburet",
    "Finansiering av idéburen sektor",
    "Kommunikation: avsändare, budskap, mottagare",
    "Folkhälsa och psykisk hälsa",
    "Ungas inflytande",
    "Överenskommelsen i praktiken",
    "Mångfald i styrelser",
    "Volontärers villkor",
    "Lokala mötesplatser",
    "Kultur som kraft",
    "Integration och språk",
    "Digitala verktyg",
]


def _hhmm(moment: datetime.datetime) -> str:
    return moment.strftime("%H:%M")


PHONE_NOW = datetime.datetime.now().replace(hour=10, minute=0, second=0, microsecond=0)


def _phone(new_page, width: int, height: int):
    """A phone whose clock says 10:00 today: the phone finds "now and next"
    by its own clock, and a real clock near midnight would push the later
    slots past 24:00 (they would be earlier today, not next)."""
    phone = new_page(width=width, height=height, is_mobile=True)
    phone.clock.set_fixed_time(PHONE_NOW)
    return phone


def _wall(server):
    """Three rooms; a slot running now (by the phone's clock, PHONE_NOW), the
    next one and a later one; twelve topics, nine of them on the wall."""
    w = server.new_workshop("Inspirationsdag Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, json=None):
        return server.api(method, base + path, token=key, json=json)

    api("PATCH", "/openspace", {"theme": "Hur kan vi samverka vidare i Värmland?", "dots": 2})
    api("POST", "/phase", {"phase": "openspace"})
    rooms = [api("POST", "/spaces", {"name": name}) for name in ("Rum Klarälven", "Rum Vänern", "Rum Fryken")]
    start = PHONE_NOW - datetime.timedelta(minutes=10)
    slots = [
        api(
            "POST",
            "/slots",
            {
                "label": f"Pass {i + 1}",
                "minutes": 45,
                "starts_at": _hhmm(start + datetime.timedelta(minutes=45 * i)),
            },
        )
        for i in range(3)
    ]
    topics = [
        api(
            "POST",
            "/topics",
            {
                "title": title,
                "convener": "Helena",
                "description": "Hur tar vi nästa steg mot en överenskommelse?",
            },
        )
        for title in TITLES
    ]
    for i, topic in enumerate(topics[:9]):
        api(
            "PUT",
            f"/topics/{topic['id']}/placement",
            {"space": rooms[i % 3]["id"], "slot": slots[i // 3]["id"]},
        )
    return w, [t["id"] for t in topics]


def _height(page) -> int:
    return page.evaluate("document.documentElement.scrollHeight")


def test_here_at_320_opens_my_group_with_the_note_form_in_view_and_focused(server, new_page, artifacts):
    w, ids = _wall(server)
    phone = _phone(new_page, 320, 568)
    errors: list[str] = []
    phone.on("pageerror", lambda exc: errors.append(str(exc)))
    phone.goto(f"{server.url}/j/{w['code']}")
    tabs = phone.get_by_role("tablist").get_by_role("tab")
    expect(tabs).to_have_text(["Min grupp", "Nu och nästa", "Alla ämnen"])
    # Not in a group yet and a slot runs now: the phone opens on "Nu och nästa".
    now_tab = phone.get_by_role("tab", name="Nu och nästa")
    expect(now_tab).to_have_attribute("aria-selected", "true")
    expect(phone.get_by_role("tabpanel", name="Nu och nästa")).to_be_visible()
    expect(phone.locator("#os-panel-mine")).to_be_hidden()

    # One "Jag är här" per scheduled topic on the whole page (hidden tabs included), none unscheduled.
    for i, topic in enumerate(ids):
        expect(phone.locator(f"button[data-action=here][data-topic='{topic}']")).to_have_count(
            1 if i < 9 else 0
        )
        expect(phone.locator(f"button[data-action=interest][data-topic='{topic}']")).to_have_count(1)
    heights = {"now": _height(phone)}
    phone.screenshot(path=str(artifacts / "phone-openspace-320-now.png"))

    here = phone.locator(f"#os-panel-now button[data-action=here][data-topic='{ids[0]}']")
    expect(here).to_have_accessible_description(TITLES[0])
    phone.locator(
        f"#os-panel-now button[data-action=here][data-topic='{ids[4]}']"
    ).scroll_into_view_if_needed()
    here.click()
    mine = phone.get_by_role("tab", name="Min grupp")
    expect(mine).to_have_attribute("aria-selected", "true")
    form = phone.locator("#os-note-form")
    expect(form).to_be_in_viewport(ratio=1)
    expect(form).to_be_focused()
    expect(phone.locator("#os-here-title")).to_contain_text(TITLES[0])
    expect(form).to_have_accessible_name(
        re.compile(f"^Skriv en anteckning till gruppen {TITLES[0]} – Rum Klarälven")
    )
    heights["mine"] = _height(phone)
    phone.screenshot(path=str(artifacts / "phone-openspace-320-after-here.png"))

    # A note: "Sparat" under the form, and the line clears itself a few seconds later.
    phone.fill("#os-note-text", "Gemensam avsändare för de idéburna organisationerna.")
    phone.click("#os-note-submit")
    expect(phone.locator("#os-notes .os-note")).to_have_count(1)
    status = phone.locator("#os-note-status")
    expect(status).to_have_text("Sparat")
    expect(status).to_have_text("", timeout=9_000)

    # Tabs by keyboard: arrows move and select; the here button was pressed (one place only).
    mine.focus()
    phone.keyboard.press("ArrowRight")
    expect(now_tab).to_be_focused()
    expect(now_tab).to_have_attribute("aria-selected", "true")
    expect(here).to_have_attribute("aria-pressed", "true")
    phone.keyboard.press("End")
    topics_tab = phone.get_by_role("tab", name="Alla ämnen")
    expect(topics_tab).to_be_focused()
    expect(phone.get_by_role("tabpanel", name="Alla ämnen")).to_be_visible()
    heights["topics"] = _height(phone)

    # Interest: "Sparat" in the panel's status line, which goes when the section changes.
    interest = phone.locator(f"button[data-action=interest][data-topic='{ids[10]}']")
    interest.click()
    expect(interest).to_have_attribute("aria-pressed", "true")
    expect(interest).to_be_focused()
    topics_status = phone.locator("#os-topics-status")
    expect(topics_status).to_have_text("Sparat")
    now_tab.click()
    expect(topics_status).to_have_text("")
    # The topics of the slot running now point to "Nu och nästa" for "Jag är här".
    topics_tab.click()
    expect(phone.locator(f"#os-topic-{ids[1]} .os-place")).to_contain_text("se ”Nu och nästa”")
    phone.screenshot(path=str(artifacts / "phone-openspace-320-topics.png"))
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320
    print(f"page heights at 320 px: {heights}")
    assert heights["mine"] < 1500 and heights["now"] < 2500, heights
    assert errors == []


def test_leaving_at_375_and_the_propose_form(server, new_page, artifacts):
    w, ids = _wall(server)
    phone = _phone(new_page, 375, 667)
    phone.goto(f"{server.url}/j/{w['code']}")
    phone.get_by_role("tab", name="Nu och nästa").click()
    phone.locator(f"button[data-action=here][data-topic='{ids[1]}']").click()
    expect(phone.locator("#os-note-form")).to_be_focused()
    phone.screenshot(path=str(artifacts / "phone-openspace-375-my-group.png"))
    phone.get_by_role("button", name="Lämna gruppen").click()
    away = phone.get_by_role("heading", name="Du är inte med i någon grupp")
    expect(away).to_be_focused()
    expect(phone.locator("#os-here-box")).to_be_hidden()
    expect(phone.locator("#os-mine-status")).to_have_text("Sparat")
    expect(phone.locator("#os-mine-status")).to_have_text("", timeout=9_000)

    phone.get_by_role("tab", name="Alla ämnen").click()
    propose = phone.locator("#os-propose-box")
    expect(propose).not_to_have_attribute("open", "")  # topics exist: the list comes first
    propose.get_by_text("Föreslå ett ämne").click()
    phone.fill("#os-title", "Mötesplatser på landsbygden")
    phone.click("#os-propose")
    expect(phone.locator("#os-propose-status")).to_have_text("Sparat")
    expect(phone.locator("#os-title")).to_have_value("")
    expect(phone.locator("#os-topics .os-topic")).to_have_count(len(ids) + 1)
    phone.screenshot(path=str(artifacts / "phone-openspace-375-topics.png"), full_page=True)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
