"""The fika banner on the phone's Open Space view stays in sight when the
phone is scrolled down (issue 20, item 14), at 320 and 375 px."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.axe import serious_violations
from tests.browser.test_phone_openspace import _wall


@pytest.mark.parametrize("width", [320, 375])
def test_the_break_banner_sticks_to_the_top(server, new_page, artifacts, width):
    w, _ = _wall(server)
    key, base = w["facilitator_key"], f"/api/workshops/{w['id']}"
    until = (datetime.datetime.now() + datetime.timedelta(minutes=15)).strftime("%H:%M")
    server.api("PATCH", f"{base}/openspace", key, {"break_until": until, "break_label": "Fika"}, expect=200)
    phone = new_page(width=width, height=568, is_mobile=True)
    phone.goto(server.url + "/" + w["join_url"].split("/", 3)[3])
    banner = phone.locator("#os-break")
    expect(banner).to_contain_text(f"Fika – vi ses {until}")
    phone.get_by_role("tab", name="Alla ämnen").click()
    expect(phone.locator("#os-panel-topics")).to_be_visible()
    phone.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    phone.wait_for_function("window.scrollY > 600")
    box = banner.bounding_box()
    assert 0 <= box["y"] <= 10, box
    expect(banner).to_be_in_viewport(ratio=1)
    assert phone.evaluate("document.documentElement.scrollWidth") <= width
    phone.screenshot(path=str(artifacts / f"walk2-phone-break-scrolled-{width}.png"))
    assert serious_violations(phone) == []
