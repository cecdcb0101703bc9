"""Kör shows focus for the keyboard only (issue 20, item 17): a click on empty
space after a shortcut key draws no ring around the whole panel; tabbing to
the panel still shows one."""

from __future__ import annotations

from playwright.sync_api import expect

OUTLINE = "() => [document.activeElement.id, getComputedStyle(document.activeElement).outlineStyle]"


def test_a_click_on_empty_space_draws_no_ring_but_the_keyboard_does(server, new_page, artifacts):
    w = server.new_workshop("Inspirationsdag Värmland")
    server.open_statement(w, "Vi har redan tillräckligt bra samverkan mellan offentligt och idéburet i länet")
    page = new_page(width=1366, height=768)
    page.goto(w["facilitator_url"])
    expect(page.locator("#conn")).to_have_text("Ansluten")
    page.locator("#tab-run").click()
    expect(page.locator("#b-hide")).to_be_visible()
    # Empty space of the panel: under the method's card (the projector card beside it is the taller).
    box = page.locator(".cockpit-main").bounding_box()
    page.mouse.click(box["x"] + 20, box["y"] + box["height"] + 10)
    page.wait_for_function("document.activeElement.id === 'mode-run'")
    assert page.evaluate(OUTLINE) == ["mode-run", "none"]
    page.keyboard.press("h")  # a shortcut (Dölj prickarna) while the panel has focus
    expect(page.locator("#b-reveal")).to_be_visible()
    assert page.evaluate(OUTLINE) == ["mode-run", "none"]
    page.mouse.click(box["x"] + 20, box["y"] + box["height"] + 10)
    page.wait_for_function("document.activeElement.id === 'mode-run'")  # the click's focus has landed
    assert page.evaluate(OUTLINE) == ["mode-run", "none"]
    page.screenshot(path=str(artifacts / "walk2-console-run-clicked-1366.png"))

    # From the keyboard the panel still shows where focus is.
    page.locator("#mode-run button:visible").first.focus()
    page.keyboard.press("Shift+Tab")
    page.wait_for_function("document.activeElement.id === 'mode-run'")
    assert page.evaluate(OUTLINE) == ["mode-run", "solid"]
