"""An organiser signs in with the organisation's account (issue 19, point 6):
Chromium, the real server and a real OpenID provider process."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bench.live_server import LiveServer
from bench.oidc_provider import OidcProvider
from tests.browser.axe import serious_violations


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    server = OidcProvider(tmp_path_factory.mktemp("oidc")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory, provider):
    env = {
        "WORKSHOP_OIDC_ISSUER": provider.url,
        "WORKSHOP_OIDC_CLIENT_ID": "workshop-app",
        "WORKSHOP_OIDC_CLIENT_SECRET": "workshop-secret",
        "WORKSHOP_OIDC_ADMINS": "@kommun.se",
    }
    live = LiveServer(tmp_path_factory.mktemp("browser-data"), env=env).start()
    yield live
    live.stop()


def _through_the_provider(page, server, sub: str):
    page.goto(server.url + "/signin")
    page.get_by_role("link", name="Logga in med organisationens konto").click()
    page.get_by_placeholder("sub").fill(sub)
    page.get_by_role("button", name="Authorize").click()


def test_signing_in_with_the_organisations_account(server, provider, new_page, artifacts):
    provider.user("anna@kommun.se", email="anna@kommun.se", name="Anna Svensson")
    server.new_workshop("Kommunens dag")
    for width in (320, 1366):
        look = new_page(width=width, height=800, is_mobile=width < 400)
        look.goto(server.url + "/signin")
        expect(look.get_by_role("link", name="Logga in med organisationens konto")).to_be_visible()
        assert look.evaluate("document.documentElement.scrollWidth") <= width
        assert not serious_violations(look)
        look.screenshot(path=str(artifacts / f"oidc-signin-{width}.png"), full_page=True)
    page = new_page(width=1366, height=768)
    _through_the_provider(page, server, "anna@kommun.se")
    expect(page).to_have_url(server.url + "/console")
    expect(page.get_by_role("link", name="Kommunens dag", exact=True)).to_be_visible()
    page.screenshot(path=str(artifacts / "oidc-signed-in-1366.png"), full_page=True)


def test_an_account_not_on_the_list_sees_why(server, provider, new_page, artifacts):
    provider.user("bertil@annat.se", email="bertil@annat.se")
    page = new_page(width=320, height=640, is_mobile=True)
    _through_the_provider(page, server, "bertil@annat.se")
    expect(page.get_by_role("heading", name="Inloggningen fungerade inte")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("får inte logga in som arrangör")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert not serious_violations(page)
    page.screenshot(path=str(artifacts / "oidc-refused-320.png"), full_page=True)
    page.get_by_role("link", name="Tillbaka till inloggningssidan").click()
    expect(page.get_by_role("heading", name="Logga in som arrangör")).to_be_visible()
