"""Ending the workshop from the console (issue 20, item 8): "Avslutad" is set
apart from the phases and asks first, in a modal dialog; Avbryt or Escape
change nothing, and only the dialog's own button ends the workshop."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import serious_violations


def _phase(server, w) -> str:
    return server.api("GET", f"/api/workshops/{w['id']}", w["facilitator_key"])["phase"]


def test_ending_asks_first_and_the_button_stands_apart(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland")
    server.api(
        "POST", f"/api/workshops/{w['id']}/phase", w["facilitator_key"], {"phase": "fourcorners"}, expect=200
    )
    page = new_page(width=1366, height=768)
    page.goto(w["facilitator_url"])
    expect(page.locator("#conn")).to_have_text("Ansluten")
    end = page.locator("button[data-phase=ended]")
    corners = page.locator("button[data-phase=fourcorners]")
    expect(corners).to_have_attribute("aria-pressed", "true")

    # Set apart: a clear gap from "Fyra hörn" and its own colour.
    gap = end.bounding_box()["x"] - (corners.bounding_box()["x"] + corners.bounding_box()["width"])
    assert gap >= 16, gap
    colour = "(n) => getComputedStyle(n).borderTopColor"
    assert end.evaluate(colour) != corners.evaluate(colour)

    end.click()
    dialog = page.get_by_role("dialog", name="Avsluta workshoppen?")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Avbryt")).to_be_focused()
    expect(dialog).to_be_in_viewport(ratio=1)
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts / "walk2-console-end-dialog-1366.png"))
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(end).to_be_focused()
    assert _phase(server, w) == "fourcorners"

    end.click()
    dialog.get_by_role("button", name="Avbryt").click()
    expect(dialog).to_be_hidden()
    page.wait_for_timeout(300)  # a wrongly sent phase change would have been answered by now
    assert _phase(server, w) == "fourcorners"
    expect(corners).to_have_attribute("aria-pressed", "true")

    end.click()
    dialog.get_by_role("button", name="Avsluta workshoppen", exact=True).click()
    expect(end).to_have_attribute("aria-pressed", "true")
    assert _phase(server, w) == "ended"


def test_the_end_dialog_fits_a_320_px_console(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland")
    page = new_page(width=320, height=640, is_mobile=True)
    page.goto(w["facilitator_url"])
    expect(page.locator("#conn")).to_have_text("Ansluten")
    page.get_by_role("button", name="Avslutad").click()
    dialog = page.get_by_role("dialog", name="Avsluta workshoppen?")
    expect(dialog).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.screenshot(path=str(artifacts / "walk2-console-end-dialog-320.png"))
    dialog.get_by_role("button", name="Avsluta workshoppen", exact=True).click()
    expect(page.get_by_role("button", name="Avslutad")).to_have_attribute("aria-pressed", "true")
