"""Förbered, Open Space (issue 20, item 7): a slot's time edited into
another slot is refused, the console says why in Swedish, nothing moves."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.test_prepare_openspace_walk2 import _prepare, _setup, _slots


def test_an_edited_slot_time_that_overlaps_is_refused_in_words(server, new_page, artifacts):
    w, api, ids = _setup(server)
    page = _prepare(new_page, w)
    before = _slots(api)
    page.get_by_role("button", name="Redigera: 14:05–14:50 Pass 2").click()
    start = page.locator(f"#os-c-slot-start-{ids['p2']['id']}")
    start.fill("13:50")
    page.locator("#os-c-slots").get_by_role("button", name="Spara").click()
    expect(page.locator("#error")).to_have_text("”Pass 2” skulle krocka med ”Fika” (13:45–14:05).")
    # Said where the person is looking: in the slot's own form, on screen.
    inline = page.locator("#os-c-slots .os-c-edit .error")
    expect(inline).to_have_text("”Pass 2” skulle krocka med ”Fika” (13:45–14:05).")
    expect(inline).to_be_in_viewport()
    assert _slots(api) == before
    # The form stays open with what was typed, to be corrected.
    expect(start).to_have_value("13:50")
    page.screenshot(path=str(artifacts / "walk3-prepare-slot-overlap-1366.png"))
    assert serious_violations(page) == []
