"""A newcomer's first run: sign in with the admin token, create a workshop,
prepare statements, open one, and see a phone's answer arrive."""

from playwright.sync_api import expect

from tests.browser.waits import js_when


def test_newcomer_creates_and_runs_a_workshop(server, new_page, artifacts):
    console = new_page(width=1280, height=900)
    console.on("dialog", lambda d: d.accept())
    # `make run` prints this link: the token travels in the fragment.
    console.goto(f"{server.url}/console#token={server.admin_token}")
    console.get_by_label("Titel").fill("Inspirationsdag Värmland")
    console.get_by_role("button", name="Skapa workshop").click()
    console.wait_for_url("**/console/*")  # the #key= fragment is taken out of the address bar at once
    console.wait_for_function("document.getElementById('conn').textContent === 'Ansluten'")

    console.get_by_text("Klistra in många påståenden, ett per rad").click()
    console.get_by_label("Påståenden, ett per rad").fill(
        "Min organisation har något att tillföra till Värmlands utveckling\n"
        "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet i länet\n"
    )
    console.get_by_role("button", name="Lägg till alla").click()
    console.wait_for_function("document.querySelectorAll('#statements li.statement-item').length === 2")

    # Reorder with the keyboard-reachable buttons in Prepare, then run: open the next (the first).
    console.locator("#statements li").nth(0).get_by_role("button", name="Flytta ner").click()
    console.wait_for_function(
        "document.querySelector('#statements li .text').textContent.startsWith('Vi har redan')"
    )
    console.get_by_role("tab", name="Kör").click()
    console.get_by_role("button", name="Öppna nästa").click()
    console.wait_for_function(
        "document.getElementById('live-statement').textContent.startsWith('Vi har redan')"
    )

    workshop_id = console.url.split("/console/")[1].split("#")[0]
    info = server.api("GET", f"/api/workshops/{workshop_id}")
    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/join")
    phone.get_by_label("Koden som visas på skärmen").fill(info["code"])
    phone.get_by_role("button", name="Gå med").click()
    phone.wait_for_selector("#barometer:not([hidden])")
    slider = phone.get_by_role("slider")
    slider.focus()
    slider.press("Home")
    phone.wait_for_function("document.getElementById('save').textContent === 'Sparat'")

    console.wait_for_function("document.querySelectorAll('#swarm .dot').length === 1")
    expect(console.locator("#b-counts")).to_have_text("Positioner: 1 · Pass: 0 · Medel 0")
    console.screenshot(path=str(artifacts / "console.png"), full_page=True)


def test_the_organisers_home_at_320_px_scrolls_the_archive_not_the_page(server, new_page, artifacts):
    """On a phone the archive's wide table scrolls sideways inside its own
    region (reachable by keyboard), and the page itself does not."""
    from tests.browser.axe import serious_violations

    server.new_workshop("Länsträff idéburna organisationer Värmland")
    page = new_page(width=320, height=700, is_mobile=True)
    page.goto(f"{server.url}/console#token={server.admin_token}")
    page.locator("#workshops tr", has_text="Länsträff").wait_for()
    page.screenshot(path=str(artifacts / "console-home-320.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    region = page.get_by_role("region", name="Workshoppar")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")  # the table is wider: it scrolls here
    region.focus()
    page.keyboard.press("ArrowRight")
    # Chromium scrolls smoothly: wait for the scroll to move, never read it at once.
    assert js_when(page, "r => r.scrollLeft", arg=region.element_handle()) > 0
    assert serious_violations(page) == []
