"""The minute-taker's page (issue 21): a facilitator in one browser and a
minute-taker signed in by invite in another, both on /minutes/<id>. The page
follows the open statement, saves by itself after a pause, and a concurrent
edit shows the other writer's text instead of overwriting it. At 1366×768 and
1024×768, axe-core clean; screenshots in test-artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import serious_violations

FIRST = "Vi i Värmland bör fortsätta arbetet"
SECOND = "Överenskommelsearbetet kan göras utan att kosta pengar"


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _minute_taker(new_page, server, w, width, height):
    invite = server.api(
        "POST",
        f"/api/workshops/{w['id']}/invites",
        w["facilitator_key"],
        {"role": "minute_taker"},
        expect=201,
    )
    page = new_page(width=width, height=height)
    page.goto(server.url + _path(invite["url"]))
    page.get_by_label("Ditt namn och din enhet").fill("Sekreteraren")
    page.get_by_role("button", name="Fortsätt").click()
    expect(page).to_have_url(re.compile(rf"/minutes/{w['id']}$"))  # the invite lands here
    return page


def _ready(page):
    expect(page.locator("#conn")).to_have_text("Ansluten")
    expect(page.locator("#minutes-idle")).to_be_hidden()


@pytest.mark.parametrize("width,height", [(1366, 768), (1024, 768)])
def test_two_writers_follow_autosave_and_conflict(server, new_page, artifacts, width, height):
    w = server.new_workshop("Länsträff Värmland")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    server.api("POST", f"{base}/phase", key, {"phase": "barometer"}, expect=200)
    first = server.open_statement(w, FIRST)
    server.answer(w["code"], first["id"], 70, 80, 85, 90)
    server.api(
        "POST", f"{base}/statements/{first['id']}/comments", key, {"text": "Skolan nämndes"}, expect=201
    )

    taker = _minute_taker(new_page, server, w, width, height)
    chair = new_page(width=width, height=height)
    chair.goto(f"{server.url}/minutes/{w['id']}#key={key}")
    for page in (taker, chair):
        _ready(page)
        expect(page.locator("#bm-minutes-h")).to_have_text(FIRST)
        # The Protokollsanteckning starts as the verbal summary, not yet saved.
        expect(page.locator("#bm-minutes-text")).to_have_value(re.compile("håller med"))
        expect(page.locator("#bm-comments")).to_contain_text("Skolan nämndes")
    # Two columns from 1024 px: the decisions beside the minutes.
    main, side = (taker.locator(s).bounding_box() for s in (".minutes-main", ".minutes-side"))
    assert side["x"] >= main["x"] + main["width"] - 1
    assert taker.evaluate("document.documentElement.scrollWidth") <= width
    assert not serious_violations(taker)
    taker.screenshot(path=str(artifacts / f"minutes-page-{width}.png"), full_page=True)

    # The minute-taker writes; it saves itself after a pause in typing.
    taker.locator("#bm-minutes-text").fill("Övervikt åt håller med. Skolan nämndes två gånger.")
    expect(taker.locator("#bm-minutes-status")).to_have_text("Sparat (version 1)")
    url = f"{base}/statements/{first['id']}/minutes"
    assert server.api("GET", url, key)["text"] == "Övervikt åt håller med. Skolan nämndes två gånger."

    # The facilitator, who loaded the suggestion (version 0), writes too: a conflict, never an overwrite.
    chair.locator("#bm-minutes-text").fill("Ordföranden: en annan text")
    expect(chair.locator("#bm-minutes-status")).to_have_text(re.compile("versionskonflikt"))
    expect(chair.locator("#bm-minutes .minutes-theirs")).to_have_text(
        "Övervikt åt håller med. Skolan nämndes två gånger."
    )
    assert server.api("GET", url, key)["version"] == 1
    assert not serious_violations(chair)
    chair.screenshot(path=str(artifacts / f"minutes-conflict-{width}.png"), full_page=True)
    chair.get_by_role("button", name="Skriv över med min").click()
    expect(chair.locator("#bm-minutes-status")).to_have_text("Sparat (version 2)")
    assert server.api("GET", url, key)["text"] == "Ordföranden: en annan text"

    # A decision from the minute-taker reaches the facilitator's page live.
    taker.get_by_label("Beslut eller nästa steg").fill("Ta fram en överenskommelse")
    taker.get_by_label("Vem").fill("Anna")
    taker.get_by_label("När").fill("v. 12")
    taker.get_by_role("button", name="Lägg till beslut").click()
    expect(chair.locator("#decisions-list")).to_contain_text("Ta fram en överenskommelse — Anna — v. 12")

    # The next statement opens: both pages follow it.
    second = server.open_statement(w, SECOND)
    for page in (taker, chair):
        expect(page.locator("#bm-minutes-h")).to_have_text(SECOND)
        expect(page.locator("#bm-minutes-text")).to_have_value("")
    assert server.api("GET", f"{base}/statements/{second['id']}/minutes", key)["version"] == 0
    assert not serious_violations(taker)
    taker.screenshot(path=str(artifacts / f"minutes-next-{width}.png"), full_page=True)


def test_the_projector_gets_the_way_in(server, new_page):
    w = server.new_workshop("Projektorn")
    page = new_page(width=1366, height=768)
    page.goto(f"{server.url}/minutes/{w['id']}#key={w['projector_key']}")
    expect(page.locator("#way-in")).to_be_visible()
    expect(page.locator("#minutes")).to_be_hidden()
