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

    # The minute-taker writes; it saves itself after a pause in typing, and
    # the facilitator's page, with nothing of its own unsaved, shows it at once.
    taker.locator("#bm-minutes-text").fill("Övervikt åt håller med.")
    expect(taker.locator("#bm-minutes-status")).to_have_text("Sparat (version 1)")
    url = f"{base}/statements/{first['id']}/minutes"
    assert server.api("GET", url, key)["text"] == "Övervikt åt håller med."
    expect(chair.locator("#bm-minutes-text")).to_have_value("Övervikt åt håller med.")
    expect(chair.locator("#bm-minutes-status")).to_have_text("Sparat (version 1)")

    # Both write at once: the facilitator's laptop loses the network while it
    # writes (its save fails and waits), the minute-taker saves version 2;
    # back online, the facilitator's save is refused and both texts are shown.
    chair.context.set_offline(True)
    chair.locator("#bm-minutes-text").fill("Ordföranden: en annan text")
    expect(chair.locator("#bm-minutes-status")).to_have_text(re.compile("^Inte sparat"))
    taker.locator("#bm-minutes-text").fill("Övervikt åt håller med. Skolan nämndes två gånger.")
    expect(taker.locator("#bm-minutes-status")).to_have_text("Sparat (version 2)")
    chair.context.set_offline(False)
    chair.locator("#bm-minutes-text").press("End")
    chair.locator("#bm-minutes-text").press_sequentially(".")
    expect(chair.locator("#bm-minutes-status")).to_have_text(re.compile("versionskonflikt"))
    theirs = chair.locator("#bm-minutes .minutes-theirs")
    expect(theirs).to_have_text("Övervikt åt håller med. Skolan nämndes två gånger.")
    expect(chair.locator("#bm-minutes-text")).to_have_value("Ordföranden: en annan text.")
    got = server.api("GET", url, key)
    assert (got["version"], got["text"]) == (2, "Övervikt åt håller med. Skolan nämndes två gånger.")
    assert not serious_violations(chair)
    chair.screenshot(path=str(artifacts / f"minutes-conflict-{width}.png"), full_page=True)
    chair.get_by_role("button", name="Skriv över med min").click()
    expect(chair.locator("#bm-minutes-status")).to_have_text("Sparat (version 3)")
    assert server.api("GET", url, key)["text"] == "Ordföranden: en annan text."
    history = server.api("GET", f"{url}/history", key)["versions"]
    assert [(h["version"], h["role"]) for h in history] == [
        (3, "facilitator"),
        (2, "minute_taker"),
        (1, "minute_taker"),
    ]

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


def test_open_space_topics_without_notes_and_fyra_horn(server, new_page, artifacts):
    w = server.new_workshop("Eftermiddagen")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, body=None, expect=200):
        return server.api(method, base + path, key, body, expect=expect)

    api("POST", "/phase", {"phase": "openspace"})
    room = api("POST", "/spaces", {"name": "Rum A"}, expect=201)
    slot = api("POST", "/slots", {"label": "Pass 1", "starts_at": "13:00", "minutes": 45}, expect=201)
    other = api("POST", "/slots", {"label": "Pass 2", "starts_at": "14:00", "minutes": 45}, expect=201)
    quiet = api("POST", "/topics", {"title": "Lokaler på landsbygden"}, expect=201)
    noted = api("POST", "/topics", {"title": "Ungas inflytande"}, expect=201)
    api("PUT", f"/topics/{quiet['id']}/placement", {"space": room["id"], "slot": slot["id"]})
    api("PUT", f"/topics/{noted['id']}/placement", {"space": room["id"], "slot": other["id"]})
    api("POST", f"/topics/{noted['id']}/notes", {"text": "Ungdomsråd i varje kommun"}, expect=201)

    page = new_page(width=1024, height=768)
    page.goto(f"{server.url}/minutes/{w['id']}#key={key}")
    _ready(page)
    topics = page.locator("#os-minutes-topics > li")
    expect(topics).to_have_count(2)
    # The topic with no notes comes first, marked.
    expect(topics.first).to_contain_text("Lokaler på landsbygden")
    expect(topics.first.locator(".badge-missing")).to_have_text("Inga anteckningar än")
    expect(page.locator("#os-minutes-summary")).to_have_text("Ämnen utan anteckningar: 1")
    assert not serious_violations(page)
    page.screenshot(path=str(artifacts / "minutes-openspace-1024.png"), full_page=True)
    # The minute-taker writes its notes: the badge goes.
    topics.first.locator("summary").click()
    topics.first.get_by_label("Lägg till en anteckning").fill("Bygdegårdar som mötesplatser")
    topics.first.get_by_role("button", name="Spara anteckningen").click()
    expect(page.locator(".badge-missing")).to_have_count(0)
    expect(page.locator("#os-minutes-summary")).to_have_text("Alla inplanerade ämnen har anteckningar.")
    expect(page.locator("#os-minutes-topics")).to_contain_text("Bygdegårdar som mötesplatser")

    # Fyra hörn: the page follows the phase and the open question.
    q = api(
        "POST",
        "/corners",
        {"text": "Var bor du?", "labels": ["Norr", "Öster", "Söder", "Väster"]},
        expect=201,
    )
    api("POST", "/phase", {"phase": "fourcorners"})
    api("POST", f"/corners/{q['id']}/open")
    expect(page.locator("#os-minutes")).to_be_hidden()
    expect(page.locator("#fc-minutes-h")).to_have_text("Var bor du?")
    page.locator("#fc-minutes-text").fill("Flest från Öster.")
    page.locator("#fc-minutes-text").blur()
    expect(page.locator("#fc-minutes-status")).to_have_text("Sparat (version 1)")
    assert server.api("GET", f"{base}/corners/{q['id']}/minutes", key)["text"] == "Flest från Öster."
    page.screenshot(path=str(artifacts / "minutes-fourcorners-1024.png"), full_page=True)


def test_at_320_px(server, new_page, artifacts):
    w = server.new_workshop("Smal skärm")
    key = w["facilitator_key"]
    server.api("POST", f"/api/workshops/{w['id']}/phase", key, {"phase": "barometer"}, expect=200)
    server.open_statement(w, FIRST)
    page = new_page(width=320, height=640, is_mobile=True)
    page.goto(f"{server.url}/minutes/{w['id']}#key={key}")
    _ready(page)
    expect(page.locator("#bm-minutes-h")).to_have_text(FIRST)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert not serious_violations(page)
    page.screenshot(path=str(artifacts / "minutes-page-320.png"), full_page=True)
