"""Organisers sign in with their organisation's account (issue 19, point 6):
the real server process against a real OpenID provider process
(bench/oidc_provider.py, the oidc-provider-mock package), the whole redirect
flow followed as a browser does, with requests."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from bench.live_server import LiveServer
from bench.oidc_provider import OidcProvider

CLIENT_ID = "workshop-app"
ALLOWED = "anna@kommun.se"
COOKIE = "workshop_session"


@pytest.fixture(scope="module")
def provider(tmp_path_factory):
    server = OidcProvider(tmp_path_factory.mktemp("oidc")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def live(tmp_path_factory, provider):
    env = {
        "WORKSHOP_OIDC_ISSUER": provider.url,
        "WORKSHOP_OIDC_CLIENT_ID": CLIENT_ID,
        "WORKSHOP_OIDC_CLIENT_SECRET": "workshop-secret",
        "WORKSHOP_OIDC_ADMINS": "@kommun.se, groups=workshop-organisers",
    }
    server = LiveServer(tmp_path_factory.mktemp("app") / "data", env=env).start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def behaving(provider):
    provider.misbehave()
    yield
    provider.misbehave()


def to_provider(live, browser: requests.Session, next_page: str = "/console") -> requests.Response:
    """The sign-in page's button: ends on the provider's own sign-in form."""
    page = browser.get(f"{live.url}/signin", timeout=10)
    assert "Logga in med organisationens konto" in page.text
    form = browser.get(f"{live.url}/signin/oidc", params={"next": next_page}, timeout=10)
    assert form.status_code == 200 and form.url.startswith(live.url) is False
    return form


def sign_in_as(live, provider, sub: str, browser=None, next_page="/console") -> requests.Response:
    browser = browser or requests.Session()
    form = to_provider(live, browser, next_page)
    return browser.post(form.url, data={"sub": sub}, timeout=10)


def test_an_allowed_account_gets_an_organisers_session(live, provider):
    provider.user(ALLOWED, email=ALLOWED, email_verified=True, name="Anna Svensson")
    browser = requests.Session()
    form = to_provider(live, browser, "/console")
    query = parse_qs(urlsplit(form.url).query)
    # The authorization-code flow with PKCE (S256), a state and a nonce.
    assert query["response_type"] == ["code"] and query["client_id"] == [CLIENT_ID]
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) >= 43
    assert query["state"][0] and query["nonce"][0]
    assert query["redirect_uri"] == [f"{live.url}/signin/oidc/callback"]
    landed = browser.post(form.url, data={"sub": ALLOWED}, timeout=10)
    assert landed.status_code == 200 and urlsplit(landed.url).path == "/console", landed.text[:500]
    assert [r.status_code for r in landed.history][-1] == 303
    set_cookie = landed.history[-1].headers["Set-Cookie"]
    assert set_cookie.startswith(f"{COOKIE}=") and "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie
    who = browser.get(f"{live.url}/api/session", timeout=10).json()
    assert who["role"] == "admin" and who["name"] == "Anna Svensson"
    # The session runs the organiser's API like the admin token's does.
    made = browser.post(
        f"{live.url}/api/workshops",
        json={"title": "Via OIDC"},
        headers={"X-CSRF-Token": who["csrf"], "Origin": live.url},
        timeout=10,
    )
    assert made.status_code == 201, made.text


def test_a_group_claim_lets_in_an_account_outside_the_domain(live, provider):
    provider.user("konsult", email="konsult@firma.se", groups=["workshop-organisers"])
    landed = sign_in_as(live, provider, "konsult")
    assert urlsplit(landed.url).path == "/console"


def test_the_next_page_is_kept_and_kept_local(live, provider):
    provider.user(ALLOWED, email=ALLOWED)
    landed = sign_in_as(live, provider, ALLOWED, next_page="/console/abc123")
    assert urlsplit(landed.history[-1].headers["Location"]).path == "/console/abc123"
    landed = sign_in_as(live, provider, ALLOWED, next_page="https://evil.example/")
    assert landed.history[-1].headers["Location"] == "/console"


def refused(response: requests.Response, status: int, words: str) -> None:
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert "Inloggningen fungerade inte" in response.text and words in response.text
    assert "Traceback" not in response.text
    assert COOKIE not in response.cookies


def test_an_account_not_on_the_list_is_refused(live, provider):
    provider.user("bertil@annat.se", email="bertil@annat.se", groups=["others"])
    browser = requests.Session()
    landed = sign_in_as(live, provider, "bertil@annat.se", browser)
    refused(landed, 403, "får inte logga in som arrangör")
    assert browser.get(f"{live.url}/api/session", timeout=10).status_code == 401


def test_an_unverified_email_in_the_domain_is_refused(live, provider):
    provider.user("mallory", email="mallory@kommun.se", email_verified=False)
    refused(sign_in_as(live, provider, "mallory"), 403, "får inte logga in som arrangör")


def test_a_wrong_state_is_refused(live, provider):
    provider.user(ALLOWED, email=ALLOWED)
    browser = requests.Session()
    form = to_provider(live, browser)
    answer = browser.post(form.url, data={"sub": ALLOWED}, allow_redirects=False, timeout=10)
    back = urlsplit(answer.headers["Location"])
    forged = re.sub(r"state=[^&]+", "state=forged", back.query)
    refused(browser.get(f"{live.url}{back.path}?{forged}", timeout=10), 400, "Börja om från inloggningssidan")
    # Another browser (no state of its own) with the real answer: refused too.
    refused(requests.get(answer.headers["Location"], timeout=10), 400, "Börja om från inloggningssidan")


def test_a_code_is_good_once(live, provider):
    provider.user(ALLOWED, email=ALLOWED)
    browser = requests.Session()
    form = to_provider(live, browser)
    answer = browser.post(form.url, data={"sub": ALLOWED}, allow_redirects=False, timeout=10)
    first = browser.get(answer.headers["Location"], timeout=10)
    assert urlsplit(first.url).path == "/console"
    refused(browser.get(answer.headers["Location"], timeout=10), 400, "Börja om från inloggningssidan")


def test_the_provider_saying_no_is_a_clear_page(live, provider):
    browser = requests.Session()
    form = to_provider(live, browser)
    denied = browser.post(form.url, data={"action": "deny"}, timeout=10)
    refused(denied, 400, "loggade inte in dig")


def test_a_wrong_issuer_is_refused(live, provider):
    provider.user(ALLOWED, email=ALLOWED)
    provider.misbehave(issuer="http://127.0.0.2:9")
    refused(sign_in_as(live, provider, ALLOWED), 400, "Börja om från inloggningssidan")


def test_a_token_for_another_audience_is_refused(live, provider):
    provider.user(ALLOWED, email=ALLOWED)
    provider.misbehave(audience="another-app")
    refused(sign_in_as(live, provider, ALLOWED), 400, "Börja om från inloggningssidan")


def _app_of(provider: OidcProvider, data_dir) -> LiveServer:
    """A server of its own: Authlib keeps the provider's keys once fetched."""
    env = {
        "WORKSHOP_OIDC_ISSUER": provider.url,
        "WORKSHOP_OIDC_CLIENT_ID": CLIENT_ID,
        "WORKSHOP_OIDC_CLIENT_SECRET": "workshop-secret",
        "WORKSHOP_OIDC_ADMINS": "@kommun.se",
    }
    return LiveServer(data_dir, env=env).start()


def test_a_signature_the_published_keys_do_not_verify_is_refused(provider, tmp_path):
    provider.user(ALLOWED, email=ALLOWED)
    provider.misbehave(forged_keys=True)
    server = _app_of(provider, tmp_path / "data")
    try:
        refused(sign_in_as(server, provider, ALLOWED), 400, "Börja om från inloggningssidan")
        assert "BadSignatureError" in server.log()
    finally:
        server.stop()


def test_an_expired_id_token_is_refused(tmp_path):
    """A provider whose tokens expired 10 minutes before they were made
    (past the 2 minutes' leeway for clocks)."""
    stale = OidcProvider(tmp_path / "stale", token_seconds=-600).start()
    server = _app_of(stale, tmp_path / "data")
    try:
        stale.user(ALLOWED, email=ALLOWED)
        refused(sign_in_as(server, stale, ALLOWED), 400, "Börja om från inloggningssidan")
        assert "ExpiredTokenError" in server.log()
    finally:
        server.stop()
        stale.stop()


def test_off_without_configuration(tmp_path):
    server = LiveServer(tmp_path / "data").start()
    try:
        assert "organisationens konto" not in requests.get(f"{server.url}/signin", timeout=10).text
        assert requests.get(f"{server.url}/signin/oidc", timeout=10).status_code == 404
        assert (
            requests.get(f"{server.url}/signin/oidc/callback?code=x&state=y", timeout=10).status_code == 404
        )
    finally:
        server.stop()
