"""Every main state, seen and checked (issue 20, done-when): one Värmland
day walked from the join page to the summary, with a phone at 320 px and a
projector, the console, the organisers' home and the summary page at
1280 px. In each state axe-core finds no serious or critical problem, the
page does not scroll sideways, and a screenshot is saved
(test-artifacts/walk3-axe-<state>.png) to be looked at."""

from __future__ import annotations

from datetime import datetime, timedelta

from playwright.sync_api import expect

from tests.browser.axe import serious_violations

STATEMENT = "Min organisation har något att tillföra till Värmlands utveckling"
QUESTION = "Vad är viktigast för att samverkan ska fungera i Värmland?"
LABELS = ["Tydlig projektledning", "Gemensam finansiering", "Kommunikation", "Fler idéburna med"]
ROOMS = ["Stora salen", "Grupprum Klarälven", "Grupprum Vänern"]
TOPICS = [
    "Projektledning och struktur",
    "Folkhälsa och psykisk hälsa",
    "Ekonomi: vem betalar?",
    "Samverkan över kommungränserna",
    "Ungas inflytande",
    "Överenskommelsen i praktiken",
]


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


class Walk:
    """Checks a page in a named state and remembers what was wrong."""

    def __init__(self, artifacts):
        self.artifacts = artifacts
        self.problems: dict[str, list] = {}
        self.seen: list[str] = []

    def check(self, page, state: str) -> None:
        width = page.viewport_size["width"]
        # What a person sees once things have settled: no dot still gliding to its place.
        page.wait_for_function(
            "document.getAnimations().filter((a) => a instanceof CSSTransition)"
            ".every((a) => a.playState !== 'running')"
        )
        page.screenshot(path=str(self.artifacts / f"walk3-axe-{state}.png"), full_page=True)
        found = list(serious_violations(page))
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            found.append(f"the page scrolls sideways: {scroll_width} > {width}")
        if found:
            self.problems[state] = found
        self.seen.append(state)


def _day(server):
    w = server.new_workshop("Inspirationsdag Värmland – samverkan idéburet och offentligt")
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"

    def api(method, path, body=None):
        return server.api(method, base + path, key, body)

    statement = api("POST", "/statements", {"text": STATEMENT})
    api("POST", "/statements", {"text": "Vi har redan tillräckligt bra samverkan i länet"})
    question = api("POST", "/corners", {"text": QUESTION, "labels": LABELS})
    api("PATCH", "/openspace", {"theme": "Hur tar vi samverkan i Värmland vidare?"})
    spaces = [api("POST", "/spaces", {"name": name})["id"] for name in ROOMS]
    slots = [
        api("POST", "/slots", {"label": f"Pass {i + 1}", "starts_at": start, "minutes": 45})["id"]
        for i, start in enumerate(("13:00", "14:05"))
    ]
    api("POST", "/slots", {"label": "Fika", "starts_at": "13:45", "minutes": 20, "kind": "break"})
    titles = iter(TOPICS)
    for slot in slots:
        for space in spaces:
            topic = api("POST", "/topics", {"title": next(titles), "convener": "Monica"})
            api("PUT", f"/topics/{topic['id']}/placement", {"space": space, "slot": slot})
    return w, api, statement["id"], question["id"]


def _projector_shows(projector, api, view: str) -> None:
    api("PUT", "/projector", {"view": view})
    projector.wait_for_function(f"document.getElementById('projector').dataset.view === '{view}'")


def test_every_main_state_is_accessible_and_seen(server, new_page, artifacts):
    walk = Walk(artifacts)
    w, api, sid, qid = _day(server)

    # Organisers' home, and the phone's join page.
    home = new_page(width=1280, height=800)
    home.goto(f"{server.url}/console#token={server.admin_token}")
    expect(home.locator("#workshops")).to_contain_text("Inspirationsdag Värmland")
    walk.check(home, "home-1280")
    # The list of workshops fits its card at 1280 px: no column (the actions last) cut off.
    archive = home.locator("#archive .table-scroll")
    assert archive.evaluate("(n) => n.scrollWidth <= n.clientWidth"), archive.evaluate(
        "(n) => [n.scrollWidth, n.clientWidth]"
    )
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/join")
    expect(phone.locator("#code")).to_be_visible()
    walk.check(phone, "phone-join-320")

    # The lobby: the phone waits, the projector shows the QR code, the console prepares.
    phone.goto(server.url + _path(w["join_url"]))
    expect(phone.locator("#waiting-text")).to_have_text("Du är med. Vänta tills processledaren börjar.")
    walk.check(phone, "phone-waiting-320")
    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    expect(projector.locator("#projector .qr")).to_be_visible()
    walk.check(projector, "projector-lobby-qr-1280")
    console = new_page(width=1280, height=800)
    console.goto(w["facilitator_url"])
    expect(console.locator("#conn")).to_have_text("Ansluten")
    console.locator("#tab-prepare").click()
    expect(console.locator("#statements li.statement-item")).to_have_count(2)
    walk.check(console, "console-prepare-1280")

    # The barometer, open.
    api("POST", f"/statements/{sid}/open")
    api("POST", "/phase", {"phase": "barometer"})
    server.answer(w["code"], sid, 12, 40, 55, 80, 95)
    expect(phone.locator("#statement")).to_have_text(STATEMENT)
    walk.check(phone, "phone-barometer-open-320")
    expect(projector.locator("#swarm .dot")).to_have_count(5)
    walk.check(projector, "projector-statement-1280")
    console.locator("#tab-run").click()
    expect(console.locator("#live-statement")).to_contain_text("Min organisation")
    walk.check(console, "console-run-barometer-1280")

    # Closed: the result on the projector, the verbal summary in Kör, the phone waits.
    api("POST", f"/statements/{sid}/close")
    expect(projector.locator("#closed-badge")).to_be_visible()
    walk.check(projector, "projector-result-1280")
    expect(console.locator("#mode-run")).to_contain_text("Sammanfattning")
    walk.check(console, "console-run-summary-1280")
    expect(phone.locator("#b-after")).to_contain_text("Resultatet visas på skärmen.")
    walk.check(phone, "phone-barometer-closed-320")

    # The replay of the closed statement, paused halfway.
    api("POST", f"/statements/{sid}/replay", {"speed": 20})
    projector.wait_for_function("document.getElementById('projector').dataset.view === 'replay'")
    api("PATCH", f"/statements/{sid}/replay", {"playing": False})
    walk.check(projector, "projector-replay-1280")
    walk.check(console, "console-run-replay-1280")
    api("DELETE", f"/statements/{sid}/replay")

    # Open Space: every projector view, the phone, the console.
    api("POST", "/phase", {"phase": "openspace"})
    expect(phone.locator(".os-topic-title").first).to_be_visible()
    walk.check(phone, "phone-openspace-320")
    for view in ("opening", "market", "wall"):
        _projector_shows(projector, api, view)
        walk.check(projector, f"projector-openspace-{view}-1280")
    expect(console.locator("#os-c-table td .os-chip")).to_have_count(len(TOPICS))
    walk.check(console, "console-run-openspace-1280")
    back_at = (datetime.now() + timedelta(minutes=15)).strftime("%H:%M")
    api("PATCH", "/openspace", {"break_until": back_at, "break_label": "Fika"})
    _projector_shows(projector, api, "break")
    expect(projector.locator("#os-p-break-label")).to_have_text("Fika")
    walk.check(projector, "projector-openspace-break-1280")
    expect(phone.locator(".os-break-banner")).to_be_visible()
    walk.check(phone, "phone-openspace-break-320")
    api("PATCH", "/openspace", {"break_until": None})

    # Fyra hörn.
    api("POST", f"/corners/{qid}/open")
    api("POST", "/phase", {"phase": "fourcorners"})
    expect(phone.locator("#fc-question")).to_have_text(QUESTION)
    walk.check(phone, "phone-fourcorners-320")
    _projector_shows(projector, api, "corners")
    expect(projector.locator("#fc-p-question")).to_have_text(QUESTION)
    walk.check(projector, "projector-fourcorners-1280")
    walk.check(console, "console-run-fourcorners-1280")

    # The end: phones are thanked and closed, the projector thanks the room.
    api("PUT", "/projector", {"view": None})
    api("POST", "/phase", {"phase": "ended"})
    expect(phone.locator("#waiting-text")).to_have_text("Workshoppen är slut. Tack!")
    walk.check(phone, "phone-ended-320")
    projector.wait_for_function("document.getElementById('projector').dataset.view === 'thanks'")
    walk.check(projector, "projector-thanks-1280")

    # The summary page.
    summary = new_page(width=1280, height=800)
    summary.goto(server.url + _path(w["facilitator_url"]).replace("#", "/summary#"))
    summary.wait_for_selector("#summary svg")
    walk.check(summary, "summary-1280")

    assert len(walk.seen) == 26, walk.seen
    assert walk.problems == {}, walk.problems
