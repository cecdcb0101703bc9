"""WORKSHOP_OIDC_*: all four or none (config.py)."""

from __future__ import annotations

import pytest

from workshop.config import from_env

FULL = {
    "WORKSHOP_OIDC_ISSUER": "https://login.kommun.se/realms/staff/",
    "WORKSHOP_OIDC_CLIENT_ID": "workshop",
    "WORKSHOP_OIDC_CLIENT_SECRET": "s3cret",
    "WORKSHOP_OIDC_ADMINS": "@kommun.se",
}


def env(tmp_path, **more):
    return {"WORKSHOP_DATA_DIR": str(tmp_path / "d"), "WORKSHOP_ADMIN_TOKEN": "t", **more}


def test_off_when_nothing_is_set(tmp_path):
    settings = from_env(env(tmp_path))
    assert settings.oidc_issuer == "" and settings.oidc_admins == ()


def test_all_four_turn_it_on(tmp_path):
    settings = from_env(env(tmp_path, **FULL))
    assert settings.oidc_issuer == "https://login.kommun.se/realms/staff/"
    assert settings.oidc_client_id == "workshop" and settings.oidc_client_secret == "s3cret"
    assert settings.oidc_admins[0].value == "kommun.se"


@pytest.mark.parametrize("missing", sorted(FULL))
def test_a_missing_one_stops_with_its_name(tmp_path, missing):
    given = {k: v for k, v in FULL.items() if k != missing}
    with pytest.raises(SystemExit, match=missing):
        from_env(env(tmp_path, **given))


def test_an_unclear_allow_list_stops(tmp_path):
    with pytest.raises(SystemExit, match="WORKSHOP_OIDC_ADMINS"):
        from_env(env(tmp_path, **{**FULL, "WORKSHOP_OIDC_ADMINS": "kommun.se"}))
