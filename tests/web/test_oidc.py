"""OIDC sign-in's edges in-process (web/oidc.py); the whole flow against a
real provider process is tests/integration/test_oidc_signin.py."""

from __future__ import annotations

import dataclasses
import time

import pytest

from bench.proc import free_port
from workshop import create_app
from workshop.domain.oidc import parse_allow_list


@pytest.fixture
def oidc_app(settings):
    """OIDC configured, the provider's address answering nothing."""
    configured = dataclasses.replace(
        settings,
        oidc_issuer=f"http://127.0.0.1:{free_port()}",
        oidc_client_id="workshop-app",
        oidc_client_secret="s",
        oidc_admins=parse_allow_list("@kommun.se"),
    )
    app = create_app(configured)
    app.config["TESTING"] = True
    yield app
    app.extensions["workshop.hub"].close()
    time.sleep(0.05)
    app.extensions["workshop.store"].close()


def _refused(response, status: int, words: str) -> None:
    text = response.get_data(as_text=True)
    assert response.status_code == status, text[:300]
    assert "Inloggningen fungerade inte" in text and words in text
    assert "workshop_session" not in response.headers.get("Set-Cookie", "")


def test_the_button_shows_only_when_configured(client, oidc_app):
    assert "organisationens konto" not in client.get("/signin").get_data(as_text=True)
    page = oidc_app.test_client().get("/signin?next=/console/abc").get_data(as_text=True)
    assert "Logga in med organisationens konto" in page
    assert 'href="/signin/oidc?next=/console/abc"' in page


def test_a_provider_that_does_not_answer_is_a_clear_page(oidc_app):
    _refused(oidc_app.test_client().get("/signin/oidc"), 502, "svarade inte")


def test_a_callback_without_a_sign_in_started_is_refused(oidc_app):
    _refused(oidc_app.test_client().get("/signin/oidc/callback?code=c&state=s"), 400, "Börja om")
    _refused(oidc_app.test_client().get("/signin/oidc/callback"), 400, "Börja om")


def test_the_providers_error_is_a_clear_page(oidc_app):
    response = oidc_app.test_client().get("/signin/oidc/callback?error=access_denied&state=s")
    _refused(response, 400, "loggade inte in dig")


def test_the_english_page_too(oidc_app):
    response = oidc_app.test_client().get("/signin/oidc/callback?error=x&lang=en")
    assert response.status_code == 400 and "Sign-in did not work" in response.get_data(as_text=True)
