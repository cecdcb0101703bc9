"""Every main state, seen and checked (issue 20, done-when): one Värmland
day walked from the join page to the summary. Each state is seen at the
sizes issue 20 names: phones at 320 and 375 px, the console at 1366×768 and
320 px, the projector at 1280×720 and 1024×768, the organisers' home and the
summary page at 1280 and 320 px. In each state and size axe-core finds no
serious or critical problem, the page does not scroll sideways, and a
screenshot is saved (test-artifacts/walk3-axe-<state>-<width>.png) to be
looked at."""

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


PHONE = ((320, 640), (375, 667))
CONSOLE = ((1366, 768), (320, 640))
PROJECTOR = ((1280, 720), (1024, 768))
PAGE = ((1280, 800), (320, 640))
SIZES = {"phone": PHONE, "console": CONSOLE, "projector": PROJECTOR, "home": PAGE, "summary": PAGE}


class Walk:
    """Checks a page in a named state at each of its sizes, and remembers what was wrong."""

    def __init__(self, artifacts):
        self.artifacts = artifacts
        self.problems: dict[str, list] = {}
        self.seen: list[str] = []

    def check(self, page, state: str) -> None:
        """``state`` starts with the page's kind (phone-…, console-…): that names its sizes.
        The page is left at its first size."""
        sizes = SIZES[state.split("-")[0]]
        for width, height in (*sizes[1:], sizes[0]):
            page.set_viewport_size({"width": width, "height": height})
            page.wait_for_function(f"window.innerWidth === {width} && window.innerHeight === {height}")
            # Scripts that fit the page to its size run in the next frames: let two pass.
            page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")
            self._check_at(page, f"{state}-{width}")

    def _check_at(self, page, state: str) -> None:
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
    walk.check(home, "home")
    # The list of workshops fits its card at 1280 px: no column (the actions last) cut off.
    archive = home.locator("#archive .table-scroll")
    assert archive.evaluate("(n) => n.scrollWidth <= n.clientWidth"), archive.evaluate(
        "(n) => [n.scrollWidth, n.clientWidth]"
    )
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/join")
    expect(phone.locator("#code")).to_be_visible()
    walk.check(phone, "phone-join")

    # The lobby: the phone waits, the projector shows the QR code, the console prepares.
    phone.goto(server.url + _path(w["join_url"]))
    expect(phone.locator("#waiting-text")).to_have_text("Du är med. Vänta tills processledaren börjar.")
    walk.check(phone, "phone-waiting")
    projector = new_page(width=1280, height=720)
    projector.goto(server.url + _path(w["projector_url"]))
    expect(projector.locator("#projector .qr")).to_be_visible()
    walk.check(projector, "projector-lobby-qr")
    console = new_page(width=1366, height=768)
    console.goto(w["facilitator_url"])
    expect(console.locator("#conn")).to_have_text("Ansluten")
    console.locator("#tab-prepare").click()
    expect(console.locator("#statements li.statement-item")).to_have_count(2)
    walk.check(console, "console-prepare")

    # The barometer, open.
    api("POST", f"/statements/{sid}/open")
    api("POST", "/phase", {"phase": "barometer"})
    server.answer(w["code"], sid, 12, 40, 55, 80, 95)
    expect(phone.locator("#statement")).to_have_text(STATEMENT)
    walk.check(phone, "phone-barometer-open")
    expect(projector.locator("#swarm .dot")).to_have_count(5)
    walk.check(projector, "projector-statement")
    console.locator("#tab-run").click()
    expect(console.locator("#live-statement")).to_contain_text("Min organisation")
    walk.check(console, "console-run-barometer")

    # Closed: the result on the projector, the verbal summary in Kör, the phone waits.
    api("POST", f"/statements/{sid}/close")
    expect(projector.locator("#closed-badge")).to_be_visible()
    walk.check(projector, "projector-result")
    expect(console.locator("#mode-run")).to_contain_text("Sammanfattning")
    walk.check(console, "console-run-summary")
    expect(phone.locator("#b-after")).to_contain_text("Resultatet visas på skärmen.")
    walk.check(phone, "phone-barometer-closed")

    # The replay of the closed statement, paused halfway.
    api("POST", f"/statements/{sid}/replay", {"speed": 20})
    projector.wait_for_function("document.getElementById('projector').dataset.view === 'replay'")
    api("PATCH", f"/statements/{sid}/replay", {"playing": False})
    walk.check(projector, "projector-replay")
    walk.check(console, "console-run-replay")
    api("DELETE", f"/statements/{sid}/replay")

    # Open Space: every projector view, the phone, the console.
    api("POST", "/phase", {"phase": "openspace"})
    expect(phone.locator(".os-topic-title").first).to_be_visible()
    walk.check(phone, "phone-openspace")
    for view in ("opening", "market", "wall"):
        _projector_shows(projector, api, view)
        walk.check(projector, f"projector-openspace-{view}")
    expect(console.locator("#os-c-table td .os-chip")).to_have_count(len(TOPICS))
    walk.check(console, "console-run-openspace")
    back_at = (datetime.now() + timedelta(minutes=15)).strftime("%H:%M")
    api("PATCH", "/openspace", {"break_until": back_at, "break_label": "Fika"})
    _projector_shows(projector, api, "break")
    expect(projector.locator("#os-p-break-label")).to_have_text("Fika")
    walk.check(projector, "projector-openspace-break")
    expect(phone.locator(".os-break-banner")).to_be_visible()
    walk.check(phone, "phone-openspace-break")
    api("PATCH", "/openspace", {"break_until": None})

    # Fyra hörn.
    api("POST", f"/corners/{qid}/open")
    api("POST", "/phase", {"phase": "fourcorners"})
    expect(phone.locator("#fc-question")).to_have_text(QUESTION)
    walk.check(phone, "phone-fourcorners")
    _projector_shows(projector, api, "corners")
    expect(projector.locator("#fc-p-question")).to_have_text(QUESTION)
    walk.check(projector, "projector-fourcorners")
    walk.check(console, "console-run-fourcorners")

    # The end: phones are thanked and closed, the projector thanks the room.
    api("PUT", "/projector", {"view": None})
    api("POST", "/phase", {"phase": "ended"})
    expect(phone.locator("#waiting-text")).to_have_text("Workshoppen är slut. Tack!")
    walk.check(phone, "phone-ended")
    projector.wait_for_function("document.getElementById('projector').dataset.view === 'thanks'")
    walk.check(projector, "projector-thanks")

    # The summary page.
    summary = new_page(width=1280, height=800)
    summary.goto(server.url + _path(w["facilitator_url"]).replace("#", "/summary#"))
    summary.wait_for_selector("#summary svg")
    walk.check(summary, "summary")

    assert len(walk.seen) == 26 * 2, walk.seen  # 26 states, each at two sizes
    assert walk.problems == {}, walk.problems
