"""The facilitator's cockpit in Debian's Chromium against the real server:
Prepare and Run on one page, Run fitting a 1366×768 laptop screen, a whole
statement driven by the keyboard alone, comments, the projector's buttons
(PUT /projector, intercepted until the projector branch has landed), the
Open Space and Fyra hörn parts, and axe-core in both modes and every phase."""

from __future__ import annotations

import json
import time

from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.waits import js_when
from tests.integration.conftest import Phone

WIDTH, HEIGHT = 1366, 768
# Åsiktsbarometer, Inspirationsdag Värmland 2015 (shared/seeds, the minutes).
STATEMENTS = [
    "Min organisation har något att tillföra till Värmlands utveckling",
    "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet i länet",
    "Vi i Värmland bör fortsätta arbetet med att få till en överenskommelse i länet",
    "Överenskommelsearbetet kan göras utan att kosta pengar",
    "Den värmländska överenskommelsen bör vara avgränsad till att bara gälla det sociala området",
    "Integrationsarbetet ska vara utanför den värmländska överenskommelsen",
    "Den kommande regionen i Värmland är viktig för överenskommelsearbetet",
]
COMMENT = "Kommentar: använda resurser gemensamt, bli starka."
LABELS = ["Håller med", "Håller delvis med", "Tveksam", "Håller inte med"]


class Workshop:
    """A workshop as its facilitator's API sees it, with phones on sockets."""

    def __init__(self, server, phones: int = 3):
        self.server = server
        self.info = server.new_workshop("Inspirationsdag Värmland")
        self.key = self.info["facilitator_key"]
        self.base = f"/api/workshops/{self.info['id']}"
        self.statements = self.api("POST", "/statements/bulk", {"text": "\n".join(STATEMENTS)})["statements"]
        self.phones = [Phone(server.url, self.info["code"]).connect() for _ in range(phones)]

    def api(self, method, path, body=None):
        return self.server.api(method, self.base + path, self.key, body)

    def statement(self, index: int) -> dict:
        return self.api("GET", f"/statements/{self.statements[index]['id']}")

    def answer(self, index: int, values) -> None:
        for phone, value in zip(self.phones, values):
            assert phone.move(self.statements[index]["id"], value)["ok"]

    def close(self) -> None:
        for phone in self.phones:
            phone.close()


def _until(read, check, timeout=10.0):
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if check(value):
            return value
        assert time.monotonic() < deadline, f"still {value!r}"
        time.sleep(0.05)


def _console(new_page, workshop: Workshop):
    page = new_page(width=WIDTH, height=HEIGHT)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(workshop.info["facilitator_url"])
    expect(page.locator("#conn")).to_have_text("Ansluten")
    return page, errors


def _height(page) -> int:
    """The document's height: what scrolls, never less than the viewport."""
    return page.evaluate("document.documentElement.scrollHeight")


def _content(page) -> int:
    """Where the page's content ends (the room left on the screen shows here)."""
    return page.evaluate("Math.ceil(document.querySelector('main').getBoundingClientRect().bottom)")


def _record(artifacts, name: str, value) -> None:
    """Measured numbers, kept beside the screenshots (test-artifacts/cockpit.json)."""
    path = artifacts / "cockpit.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = value
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False))


def test_run_fits_one_laptop_screen(server, new_page, artifacts):
    workshop = Workshop(server)
    first = workshop.statements[0]["id"]
    workshop.api("POST", f"/statements/{first}/open")
    workshop.answer(0, (100, 21, "pass"))
    workshop.api("POST", f"/statements/{first}/comments", {"text": COMMENT})
    page, errors = _console(new_page, workshop)

    # A workshop under way opens in Run.
    expect(page.get_by_role("tab", name="Kör")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#mode-prepare")).to_be_hidden()
    expect(page.locator("#live-statement")).to_have_text(STATEMENTS[0])
    expect(page.locator("#b-counts")).to_have_text("Positioner: 2 · Pass: 1 · Medel 60,5")
    expect(page.locator("#swarm .dot")).to_have_count(2)
    expect(page.locator("#b-comments li")).to_have_text([COMMENT])
    expect(page.locator("#presence")).to_have_text("Anslutna: 3 · Uppkopplade: 3")
    # One main action: close.
    expect(page.locator("#b-run .main-action:visible")).to_have_text(["Stäng och visa resultatet"])
    heights = {
        "Kör, öppet påstående": _height(page),
        "Kör, öppet påstående: innehållet slutar": _content(page),
    }
    page.screenshot(path=str(artifacts / "cockpit-run-open-1366x768.png"))

    # Closed: the result stays, with its numbers, and the next step is one button.
    workshop.api("POST", f"/statements/{first}/close")
    expect(page.locator("#b-run-status")).to_have_text("Stängt – resultatet")
    expect(page.locator("#b-counts")).to_have_text("Positioner: 2 · Pass: 1 · Medel 60,5")
    expect(page.locator("#b-run .main-action:visible")).to_have_text(["Nästa påstående"])
    expect(page.locator("#b-run-next")).to_have_text(f"Nästa: {STATEMENTS[1]}")
    heights["Kör, stängt påstående"] = _height(page)
    heights["Kör, stängt påstående: innehållet slutar"] = _content(page)
    page.screenshot(path=str(artifacts / "cockpit-run-closed-1366x768.png"))

    page.get_by_role("tab", name="Förbered").click()
    expect(page.locator("#mode-prepare")).to_be_visible()
    expect(page.locator("#statements li.statement-item")).to_have_count(7)
    heights["Förbered"] = _height(page)
    page.screenshot(path=str(artifacts / "cockpit-prepare-1366x768.png"), full_page=True)
    _record(artifacts, "document heights at 1366×768", heights)
    assert heights["Kör, öppet påstående"] <= HEIGHT and heights["Kör, stängt påstående"] <= HEIGHT, heights
    assert errors == []
    workshop.close()


def test_run_still_fits_with_the_floor_queue_and_comments_from_phones(server, new_page, artifacts):
    """Åsiktsbarometer's Ordet (three hands, one speaking) and two pending
    comments from phones: Kör still fits 1366×768, nothing clipped."""
    workshop = Workshop(server, phones=6)
    first = workshop.statements[0]["id"]
    workshop.api("PATCH", "/barometer", {"phone_comments": True})
    workshop.api("POST", f"/statements/{first}/open")
    workshop.answer(0, (12, 50, 88, "pass", 30, 70))
    workshop.api("POST", f"/statements/{first}/comments", {"text": COMMENT})
    for phone in workshop.phones[:4]:
        assert phone.client.call("hand", {"on": True}, timeout=5)["ok"]
    workshop.api("POST", f"/statements/{first}/floor", {"participant": None})  # the first hand speaks
    for phone, text in zip(
        workshop.phones[1:],
        ("Samverkan kräver att vi delar resurser – både lokaler och folk.", "Vem betalar?"),
    ):
        assert phone.client.call("comment", {"statement": first, "text": text}, timeout=5)["ok"]
    page, errors = _console(new_page, workshop)

    expect(page.locator("#floor-queue li button")).to_have_count(3)
    expect(page.locator("#floor-speaker")).to_contain_text("har ordet")
    expect(page.locator("#phone-comments li")).to_have_count(2)
    expect(page.locator("#phone-comments li").first).to_contain_text("Väntar på godkännande")
    expect(page.locator("#floor-next")).to_be_enabled()
    page.screenshot(path=str(artifacts / "issue11-cockpit-run-floor-comments-1366x768.png"))
    heights = {"Kör, Ordet och kommentarer": _height(page), "innehållet slutar": _content(page)}
    _record(artifacts, "Kör with Ordet and comments from phones at 1366×768", heights)
    assert heights["Kör, Ordet och kommentarer"] <= HEIGHT, heights
    # Every control of both boxes is on the screen, and no text spills out of its box.
    clipped = page.evaluate("""() => [...document.querySelectorAll('#floor-box *, .phone-comments-console *')]
        .filter((n) => n.checkVisibility() && n.getBoundingClientRect().height > 1)
        .filter((n) => n.getBoundingClientRect().bottom > innerHeight + 0.5
          || n.getBoundingClientRect().right > innerWidth + 0.5
          || ([...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim())
              && n.scrollWidth > n.clientWidth + 1))
        .map((n) => n.id || n.className || n.tagName)""")
    assert clipped == [], clipped
    # Approve one and show it: the console says what the projector shows.
    item = page.locator("#phone-comments li", has_text="Vem betalar?")
    item.get_by_role("button", name="Godkänn").click()
    item.get_by_role("button", name="Visa på projektorn").click()
    expect(page.locator("#shown-comment")).to_contain_text("Vem betalar?")
    assert _height(page) <= HEIGHT
    # Five in the queue: all shown, or it scrolls inside its box and says how
    # many are below ("+2 till", issue 20); the page still does not scroll.
    for phone in workshop.phones[4:]:
        assert phone.client.call("hand", {"on": True}, timeout=5)["ok"]
    expect(page.locator("#floor-queue li button")).to_have_count(5)
    # The queue is fitted in a later frame: wait until it is (whole, or scrolling
    # with "+N till" below it), then measure the page.
    assert js_when(
        page,
        """(q => q.scrollHeight <= q.clientHeight
          || Number(document.getElementById('floor-more').dataset.count) > 0)(document.getElementById('floor-queue'))""",
    )
    assert _height(page) <= HEIGHT
    assert errors == []
    workshop.close()


def test_keyboard_alone_runs_a_whole_statement(server, new_page, artifacts):
    workshop = Workshop(server)
    page, errors = _console(new_page, workshop)
    first = workshop.statements[0]["id"]

    # A new workshop opens in Prepare, with no stray separators before any numbers.
    prepare = page.get_by_role("tab", name="Förbered")
    expect(prepare).to_have_attribute("aria-selected", "true")
    expect(page.locator("#presence")).to_have_text("Anslutna: 3 · Uppkopplade: 3")
    assert "· ·" not in page.inner_text("#console")
    # The tabs follow the arrow keys.
    prepare.focus()
    page.keyboard.press("ArrowRight")
    run = page.get_by_role("tab", name="Kör")
    expect(run).to_be_focused()
    expect(run).to_have_attribute("aria-selected", "true")
    expect(page.locator("#mode-run")).to_be_visible()
    expect(page.locator("#b-run-status")).to_have_text("Inget påstående är öppet.")
    expect(page.locator("#b-counts")).to_have_text("")
    expect(page.locator("#keys dt")).to_have_text(["N", "S", "H", "R"])

    page.keyboard.press("n")  # open the next: the first
    _until(lambda: workshop.statement(0)["status"], lambda s: s == "open")
    assert workshop.api("GET", "")["phase"] == "barometer"
    workshop.answer(0, (100, 21, "pass"))
    expect(page.locator("#b-counts")).to_have_text("Positioner: 2 · Pass: 1 · Medel 60,5")
    page.keyboard.press("h")
    _until(lambda: workshop.statement(0)["hidden"], lambda hidden: hidden is True)
    expect(page.locator("#b-reveal")).to_be_visible()
    page.keyboard.press("r")
    _until(lambda: workshop.statement(0)["hidden"], lambda hidden: hidden is False)
    page.keyboard.press("s")
    _until(lambda: workshop.statement(0)["status"], lambda s: s == "closed")
    # The result of the closed statement, never its numbers under "no statement open".
    expect(page.locator("#b-run-status")).to_have_text("Stängt – resultatet")
    expect(page.locator("#live-statement")).to_have_text(STATEMENTS[0])
    expect(page.locator("#b-counts")).to_have_text("Positioner: 2 · Pass: 1 · Medel 60,5")

    # A comment, typed into its field by keyboard: letters there are text, not shortcuts.
    for _ in range(12):
        if page.evaluate("document.activeElement.id") == "b-comment":
            break
        before = page.evaluate_handle("document.activeElement")
        page.keyboard.press("Tab")
        page.wait_for_function("before => document.activeElement !== before", arg=before)  # focus has moved
    expect(page.locator("#b-comment")).to_be_focused()
    page.keyboard.type(COMMENT)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#b-comment-status")).to_have_text("Kommentar sparad")
    expect(page.locator("#b-comments li")).to_have_text([COMMENT])
    assert [c["text"] for c in workshop.api("GET", f"/statements/{first}/comments")["comments"]] == [COMMENT]
    assert workshop.statement(1)["status"] == "draft"  # the n, s and r typed above ran nothing
    page.screenshot(path=str(artifacts / "cockpit-run-comment-1366x768.png"))

    page.keyboard.press("n")  # the next statement
    _until(lambda: workshop.statement(1)["status"], lambda s: s == "open")
    expect(page.locator("#live-statement")).to_have_text(STATEMENTS[1])
    expect(page.locator("#b-counts")).to_have_text("Positioner: 0 · Pass: 0")
    expect(page.locator("#b-comments li")).to_have_count(0)
    expect(page.locator("#b-comment-status")).to_have_text("")
    assert workshop.statement(0)["status"] == "closed"

    # The mode is remembered for this workshop.
    page.reload()
    expect(page.get_by_role("tab", name="Kör")).to_have_attribute("aria-selected", "true")
    assert errors == []
    workshop.close()


def test_projector_buttons_send_the_view(server, new_page, artifacts):
    workshop = Workshop(server, phones=0)
    workshop.api("POST", f"/statements/{workshop.statements[0]['id']}/open")
    page, errors = _console(new_page, workshop)
    sent = []

    # PUT /projector belongs to the projector branch: answer it here, and check what the console asks.
    def projector(route):
        body = route.request.post_data_json
        sent.append((route.request.method, body, route.request.headers.get("authorization")))
        route.fulfill(status=200, json={"view": body["view"]})

    page.route("**/api/workshops/*/projector", projector)

    views = page.get_by_role("group", name="Projektor")
    expect(views.get_by_role("button")).to_have_text(
        ["Automatiskt", "Lobbyn (QR-kod)", "Påståendet", "Resultatet", "Tack"]
    )
    expect(page.locator("#projector-now")).to_have_text("Projektorn visar: Automatiskt")
    views.get_by_role("button", name="Resultatet").click()
    expect(views.get_by_role("button", name="Resultatet")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#projector-now")).to_have_text("Projektorn visar: Resultatet")
    views.get_by_role("button", name="Automatiskt").click()
    expect(views.get_by_role("button", name="Automatiskt")).to_have_attribute("aria-pressed", "true")
    assert sent == [
        ("PUT", {"view": "result"}, f"Bearer {workshop.key}"),
        ("PUT", {"view": None}, f"Bearer {workshop.key}"),
    ]
    assert errors == []


def test_open_space_run_shows_the_wall_and_says_why_fika_is_refused(server, new_page, artifacts):
    workshop = Workshop(server, phones=0)
    api = workshop.api
    api("POST", "/phase", {"phase": "openspace"})
    api("PATCH", "/openspace", {"theme": "Hur kan vi samverka för Värmlands utveckling?"})
    rooms = [api("POST", "/spaces", {"name": name}) for name in ("Rum Klarälven", "Rum Vänern")]
    session = api("POST", "/slots", {"label": "Pass 1", "starts_at": "15:00", "minutes": 45})
    api("POST", "/slots", {"label": "Fika", "starts_at": "15:45", "minutes": 15, "kind": "break"})
    api("POST", "/slots", {"label": "Pass 2", "starts_at": "16:00", "minutes": 45})
    page, errors = _console(new_page, workshop)

    expect(page.locator("#os-run")).to_be_visible()
    expect(page.locator("#b-run")).to_be_hidden()
    expect(page.locator("#os-c-pool")).to_have_text("Inga ämnen än.")  # not "every topic is on the wall"
    expect(page.locator("#os-c-missing-none")).to_have_text("Inget ämne är på väggen än.")
    expect(page.get_by_role("group", name="Projektor").get_by_role("button")).to_have_text(
        [
            "Automatiskt",
            "Lobbyn (QR-kod)",
            "Öppningscirkeln",
            "Marknadsplatsen",
            "Agendaväggen",
            "Fikapausen",
            "Tack",
        ]
    )
    expect(page.locator("#keys-box")).to_be_hidden()  # Open Space has no shortcuts

    topics = [
        api("POST", "/topics", {"title": title})
        for title in ("Kommunikation: avsändare, budskap, mottagare", "Folkhälsa och psykisk hälsa")
    ]
    chip = page.locator(f"#os-c-pool .os-chip[data-topic='{topics[0]['id']}']")
    chip.drag_to(page.locator("#os-c-table .os-break-row td"))
    expect(page.locator("#os-c-error")).to_have_text("Det är fika – inget kan läggas där.")
    assert all(t["space"] is None for t in api("GET", "/wall")["topics"])
    # The keyboard alternative, under the topic in the pool.
    page.select_option(f"#os-c-pool-place-{topics[0]['id']}", f"{rooms[0]['id']}:{session['id']}")
    expect(page.locator(f"#os-c-table td[data-space='{rooms[0]['id']}'] .os-chip strong")).to_have_text(
        topics[0]["title"]
    )
    expect(page.locator("#os-c-error")).to_be_hidden()
    expect(page.locator("#os-c-missing li")).to_have_count(1)
    page.get_by_role("button", name="Om 15 minuter").click()
    expect(page.locator("#os-c-break-now")).to_contain_text("Fika")
    height, content = _height(page), _content(page)
    page.screenshot(path=str(artifacts / "cockpit-run-openspace-1366x768.png"))
    page.get_by_role("tab", name="Förbered").click()
    expect(page.locator("#mode-prepare")).to_be_visible()
    prepare_height = _height(page)
    page.screenshot(path=str(artifacts / "cockpit-prepare-openspace-1366x768.png"), full_page=True)
    _record(
        artifacts,
        "Open Space at 1366×768",
        {"Kör": height, "Kör: innehållet slutar": content, "Förbered": prepare_height},
    )
    assert height <= HEIGHT
    assert errors == []


def test_four_corners_run_opens_and_closes_by_keyboard(server, new_page, artifacts):
    workshop = Workshop(server, phones=2)
    question = workshop.api("POST", "/corners", {"text": STATEMENTS[2], "labels": LABELS})
    workshop.api("POST", "/phase", {"phase": "fourcorners"})
    page, errors = _console(new_page, workshop)
    expect(page.locator("#fc-run")).to_be_visible()
    expect(page.locator("#fc-run .main-action:visible")).to_have_text(["Öppna nästa"])
    page.keyboard.press("n")
    _until(lambda: workshop.api("GET", f"/corners/{question['id']}")["status"], lambda s: s == "open")
    for phone, corner in zip(workshop.phones, (0, 3)):
        assert phone.client.call("corner", {"question": question["id"], "corner": corner}, timeout=5)["ok"]
    expect(page.locator("#fc-c-counts")).to_have_text("Valt: 2 · Pass: 0")
    expect(page.locator("#fc-c-tally li").nth(3)).to_have_text("D, Håller inte med: 1")
    page.keyboard.press("s")
    _until(lambda: workshop.api("GET", f"/corners/{question['id']}")["status"], lambda s: s == "closed")
    expect(page.locator("#fc-run-status")).to_have_text("Frågan är stängd – resultatet.")
    expect(page.locator("#fc-c-counts")).to_have_text("Valt: 2 · Pass: 0")
    expect(page.locator("#fc-run-next")).to_have_text("Alla frågor har visats.")
    assert _height(page) <= HEIGHT
    page.screenshot(path=str(artifacts / "cockpit-run-fourcorners-1366x768.png"))
    assert errors == []
    workshop.close()


def test_no_serious_accessibility_violations_in_either_mode_or_any_phase(server, new_page, artifacts):
    workshop = Workshop(server, phones=1)
    api = workshop.api
    api("POST", "/spaces", {"name": "Rum Klarälven"})
    api("POST", "/slots", {"label": "Pass 1", "starts_at": "15:00", "minutes": 45})
    api("POST", "/slots", {"label": "Fika", "starts_at": "15:45", "minutes": 15, "kind": "break"})
    api("POST", "/topics", {"title": "Folkhälsa och psykisk hälsa"})
    question = api("POST", "/corners", {"text": STATEMENTS[2], "labels": LABELS})
    page, errors = _console(new_page, workshop)

    def lobby():
        pass

    def barometer():
        api("POST", f"/statements/{workshop.statements[0]['id']}/open")
        workshop.answer(0, (60,))

    def closed():
        api("POST", f"/statements/{workshop.statements[0]['id']}/close")

    def openspace():
        api("POST", "/phase", {"phase": "openspace"})

    def fourcorners():
        api("POST", f"/corners/{question['id']}/open")

    def ended():
        api("POST", "/phase", {"phase": "ended"})

    # What each step's pushes change on the console, so axe runs once they have landed.
    landed = {
        barometer: lambda: expect(page.locator("#b-counts")).to_have_text(
            "Positioner: 1 · Pass: 0 · Medel 60"
        ),
        closed: lambda: expect(page.locator("#b-run-status")).to_have_text("Stängt – resultatet"),
        openspace: lambda: expect(page.locator("#os-c-pool")).to_contain_text("Folkhälsa och psykisk hälsa"),
        fourcorners: lambda: expect(page.locator("#fc-c-live")).to_have_text(STATEMENTS[2]),
    }
    found = {}
    for step in (lobby, barometer, closed, openspace, fourcorners, ended):
        step()
        phase = api("GET", "")["phase"]
        expect(page.locator(f"button[data-phase='{phase}']")).to_have_attribute("aria-pressed", "true")
        landed.get(step, lambda: None)()
        for mode, panel in (("Förbered", "#mode-prepare"), ("Kör", "#mode-run")):
            page.get_by_role("tab", name=mode).click()
            expect(page.get_by_role("tab", name=mode)).to_have_attribute("aria-selected", "true")
            expect(page.locator(panel)).to_be_visible()
            found[f"{step.__name__}, {mode}"] = serious_violations(page)
    assert found == {name: [] for name in found}
    _record(
        artifacts,
        "axe-core serious + critical violations, per phase and mode",
        {k: len(v) for k, v in found.items()},
    )
    # The check sees what it must: an image with an empty label (the swarm's, before this work).
    page.get_by_role("tab", name="Kör").click()
    expect(page.locator("#mode-run")).to_be_visible()
    page.evaluate("""() => {
      const probe = document.createElement("div");
      probe.setAttribute("role", "img");
      probe.setAttribute("aria-label", "");
      document.getElementById("mode-run").append(probe);
    }""")
    assert "role-img-alt" in [v["id"] for v in serious_violations(page)]
    assert errors == []
    workshop.close()


def test_console_works_at_320_px(server, new_page, artifacts):
    workshop = Workshop(server, phones=1)
    workshop.api("POST", f"/statements/{workshop.statements[0]['id']}/open")
    workshop.answer(0, (80,))
    page = new_page(width=320, height=640, is_mobile=True)
    page.goto(workshop.info["facilitator_url"])
    expect(page.locator("#b-counts")).to_have_text("Positioner: 1 · Pass: 0 · Medel 80")
    for mode, panel in (("Kör", "#mode-run"), ("Förbered", "#mode-prepare")):
        page.get_by_role("tab", name=mode).click()
        expect(page.locator(panel)).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, mode
        page.screenshot(path=str(artifacts / f"cockpit-{mode.lower()}-320.png"), full_page=True)
    workshop.close()
