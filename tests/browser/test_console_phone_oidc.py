"""The console's Kör on a 320 px phone (issue 19, point 7), for every method:
the page never scrolls sideways, every button and menu in Kör lies wholly
inside the screen's width and works (open/close/hide, Ordet's queue and
"Ge ordet", approving a comment, Fyra hörn, placing an Open Space topic),
words are not broken inside, and axe-core finds nothing serious."""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.test_cockpit import Workshop
from tests.browser.test_openspace_console_walk1 import _BROKEN_WORDS

WIDTH = 320

# Every visible control in Kör whose box sticks out of the screen's width
# (vertical scrolling is fine: the page scrolls down, never sideways).
_OFF_SIDEWAYS = """() => [...document.querySelectorAll(
    '#mode-run button, #mode-run select, #mode-run input, #mode-run a, #mode-run summary')]
  .filter((n) => n.checkVisibility())
  .map((n) => [n, n.getBoundingClientRect()])
  .filter(([, r]) => r.left < -0.5 || r.right > innerWidth + 0.5 || r.width < 1)
  .map(([n, r]) => `${(n.textContent || n.id).trim().slice(0, 40)} ${Math.round(r.left)}..${Math.round(r.right)}`)"""


def _phone_console(new_page, workshop):
    page = new_page(width=WIDTH, height=640, is_mobile=True)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(workshop.info["facilitator_url"])
    expect(page.locator("#conn")).to_have_text("Ansluten")
    page.get_by_role("tab", name="Kör").click()
    expect(page.locator("#mode-run")).to_be_visible()
    return page, errors


def _fits(page, name: str, artifacts) -> None:
    try:  # a live push may still be laying the page out
        page.wait_for_function(f"document.documentElement.scrollWidth <= {WIDTH}", timeout=3000)
    except PlaywrightTimeout:
        pass
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"{name}: the page is {width} px wide"
    assert page.evaluate(_OFF_SIDEWAYS) == [], name
    assert serious_violations(page) == [], name
    page.screenshot(path=str(artifacts / f"console-run-{name}-320.png"), full_page=True)


def _inside(locator) -> None:
    """Visible, and wholly within the screen's width (the page scrolls down to it, never sideways)."""
    expect(locator).to_be_visible()
    # Live pushes redraw lists: measure the element as it is when it is there.
    left, right = locator.evaluate(
        "(n) => { const r = n.getBoundingClientRect(); return [r.left, r.right]; }"
    )
    assert left >= -0.5 and right <= WIDTH + 0.5, (left, right)


def test_barometer_run_with_ordet_and_a_comment_at_320(server, new_page, artifacts):
    workshop = Workshop(server, phones=3)
    statement = workshop.statements[0]["id"]
    workshop.api("PATCH", "/barometer", {"phone_comments": True})
    # One person per side: every side named (min_group 1), for the longest button ("… (håller med-sidan)").
    workshop.api("PATCH", "", {"min_group": 1})
    workshop.api("POST", f"/statements/{statement}/open")
    workshop.answer(0, (90, 50, 10))  # P1 håller med, P2 mitten, P3 håller inte med
    for phone in workshop.phones:
        assert phone.client.call("hand", {"on": True}, timeout=5)["ok"]
    said = workshop.phones[1].client.call(
        "comment", {"statement": statement, "text": "Samverkan kostar tid, inte pengar"}, timeout=5
    )
    assert said["ok"], said
    page, errors = _phone_console(new_page, workshop)
    expect(page.locator("#floor-queue li")).to_have_count(3)
    give = page.locator("#floor-next")
    expect(give).to_have_text("Ge ordet till P1 (håller med-sidan)")
    _fits(page, "barometer", artifacts)
    # The queue's rows and the long button keep their words whole.
    assert page.evaluate(_BROKEN_WORDS, "#floor-queue li, #floor-next") == []
    for control in (
        page.get_by_role("button", name="Stäng och visa resultatet"),
        page.get_by_role("button", name="Dölj prickarna"),
        give,
        page.locator("#phone-comments li", has_text="Samverkan kostar").get_by_role("button", name="Godkänn"),
    ):
        _inside(control)
    # They work from here: the floor, the comment, hiding.
    give.click()
    expect(page.locator("#floor-speaker")).to_contain_text("P1 har ordet")
    page.locator("#phone-comments li", has_text="Samverkan kostar").get_by_role(
        "button", name="Godkänn"
    ).click()
    expect(page.get_by_role("button", name="Visa på projektorn")).to_be_visible()
    _inside(page.get_by_role("button", name="Visa på projektorn"))
    page.get_by_role("button", name="Dölj prickarna").click()
    _inside(page.locator("#b-reveal"))
    _fits(page, "barometer-speaking", artifacts)
    page.get_by_role("button", name="Stäng och visa resultatet").click()
    expect(page.get_by_role("button", name="Stäng och visa resultatet")).to_be_hidden()
    _fits(page, "barometer-closed", artifacts)
    assert errors == []
    workshop.close()


def test_fourcorners_run_at_320(server, new_page, artifacts):
    workshop = Workshop(server, phones=0)
    labels = ["Håller med helt", "Håller delvis med", "Tveksam, vill veta mer", "Håller inte med alls"]
    question = workshop.api(
        "POST", "/corners", {"text": "Ska regionen ta ett större ansvar för samverkan?", "labels": labels}
    )
    workshop.api("POST", f"/corners/{question['id']}/open")
    page, errors = _phone_console(new_page, workshop)
    close = page.locator("#mode-run button.main-action:visible")
    expect(close).to_have_count(1)
    _fits(page, "fourcorners", artifacts)
    _inside(close)
    label = close.inner_text()
    assert label.startswith("Stäng"), label
    close.click()
    expect(page.get_by_role("button", name=label)).to_be_hidden()
    _fits(page, "fourcorners-closed", artifacts)
    assert errors == []


def test_openspace_placing_an_unplaced_topic_at_320(server, new_page, artifacts):
    workshop = Workshop(server, phones=0)
    workshop.api("POST", "/phase", {"phase": "openspace"})
    for name in ("Stora salen", "Grupprum Klarälven", "Biblioteket"):
        workshop.api("POST", "/spaces", {"name": name, "capacity": 12})
    for label, start in (("Pass 1", "13:00"), ("Pass 2", "14:05")):
        workshop.api("POST", "/slots", {"label": label, "starts_at": start, "minutes": 45})
    for title in ("Kommunikation: avsändare, budskap, mottagare", "Finansiering av idéburna organisationer"):
        workshop.api("POST", "/topics", {"title": title, "convener": "Bo"})
    page, errors = _phone_console(new_page, workshop)
    expect(page.locator("#os-c-pool select")).to_have_count(2)
    _fits(page, "openspace", artifacts)
    assert page.evaluate(_BROKEN_WORDS, "#os-c-pool .os-chip strong, #os-c-table th") == []
    menu = page.locator("#os-c-pool select").first
    _inside(menu)
    menu.select_option(index=1)
    expect(page.locator("#os-c-pool select")).to_have_count(1)
    expect(page.locator("#os-c-table .os-chip")).to_have_count(1)
    _fits(page, "openspace-placed", artifacts)
    assert errors == []
