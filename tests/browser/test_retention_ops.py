"""The organiser's home says when each workshop will be deleted
(WORKSHOP_RETENTION_DAYS), readable and accessible at 320 px."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from bench.live_server import LiveServer
from tests.browser.axe import serious_violations


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = LiveServer(tmp_path_factory.mktemp("retention"), env={"WORKSHOP_RETENTION_DAYS": "30"}).start()
    yield live
    live.stop()


def test_home_shows_when_each_workshop_is_deleted(server, new_page, artifacts):
    running = server.new_workshop("Pågående dag")
    done = server.new_workshop("Avslutad dag")
    server.api(
        "POST", f"/api/workshops/{done['id']}/phase", done["facilitator_key"], {"phase": "ended"}, expect=200
    )
    day = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()

    page = new_page(width=1280, height=800)
    page.goto(f"{server.url}/console#token={server.admin_token}")
    expect(page.locator("#retention")).to_have_text(
        "Avslutade workshoppar raderas 30 dagar efter avslut. Ladda ner det du vill spara innan dess."
    )
    expect(page.get_by_role("row", name="Avslutad dag")).to_contain_text(day)
    expect(page.get_by_role("row", name="Pågående dag")).to_contain_text("30 dagar efter avslut")
    expect(page.get_by_role("columnheader", name="Raderas")).to_be_visible()
    page.screenshot(path=str(artifacts / "retention-home.png"), full_page=True)
    assert serious_violations(page) == []
    assert running["id"] != done["id"]

    phone = new_page(width=320, height=640, is_mobile=True)
    phone.goto(f"{server.url}/console#token={server.admin_token}")
    expect(phone.get_by_role("row", name="Avslutad dag")).to_contain_text(day)
    phone.screenshot(path=str(artifacts / "retention-home-320.png"), full_page=True)
