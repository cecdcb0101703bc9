"""Who may sign in as an organiser through OIDC (domain/oidc.py)."""

from __future__ import annotations

import pytest

from workshop.domain.oidc import Entry, allowed, display_name, parse_allow_list


def test_the_list_reads_domains_addresses_and_claims():
    entries = parse_allow_list(" @Kommun.se, anna@Firma.se ,groups=workshop-organisers,, sub=abc ")
    assert entries == (
        Entry("domain", "email", "kommun.se"),
        Entry("email", "email", "anna@firma.se"),
        Entry("claim", "groups", "workshop-organisers"),
        Entry("claim", "sub", "abc"),
    )


@pytest.mark.parametrize("text", ["", " , ", "kommun.se", "@", "@a@b", "=x", "groups=", "anna@"])
def test_a_list_that_says_nothing_clear_is_refused(text):
    with pytest.raises(ValueError):
        parse_allow_list(text)


LIST = parse_allow_list("@kommun.se, chef@firma.se, groups=organisers, sub=s-42")


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "1", "email": "Anna@Kommun.se"},
        {"sub": "1", "email": "anna@kommun.se", "email_verified": True},
        {"sub": "1", "email": "CHEF@firma.se"},
        {"sub": "1", "groups": ["x", "organisers"]},
        {"sub": "1", "groups": "organisers"},
        {"sub": "s-42"},
    ],
)
def test_who_is_let_in(claims):
    assert allowed(claims, LIST)


@pytest.mark.parametrize(
    "claims",
    [
        {"sub": "1"},
        {"sub": "1", "email": "anna@kommun.se", "email_verified": False},
        {"sub": "1", "email": "anna@kommun.se.evil.example"},
        {"sub": "1", "email": "anna@evil-kommun.se"},
        {"sub": "1", "email": "kommun.se"},
        {"sub": "1", "email": ["anna@kommun.se"]},
        {"sub": "1", "groups": ["organisers-not"]},
        {"sub": "s-4"},
    ],
)
def test_who_is_kept_out(claims):
    assert not allowed(claims, LIST)


def test_the_name_shown_in_the_staff_list():
    assert display_name({"sub": "s", "email": "a@b.se", "name": " Anna "}) == "Anna"
    assert display_name({"sub": "s", "email": "a@b.se"}) == "a@b.se"
    assert display_name({"sub": "s"}) == "s"
    assert display_name({}) == ""
