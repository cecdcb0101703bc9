"""Who may sign in as an organiser through the organisation's identity
provider (OpenID Connect), pure: the allow-list and its match against the
verified ID token's claims.

WORKSHOP_OIDC_ADMINS is a comma-separated list; each entry is one of

    @kommun.se                  an e-mail domain (the token's ``email``)
    anna.svensson@kommun.se     one e-mail address
    groups=workshop-organisers  a claim's value (or one of a list claim's values)
    sub=3f6c…                   one account by its subject

An e-mail counts only when the provider has not said it is unverified
(``email_verified: false``): a user who may type any address into their
profile must not become an organiser by it. Matching is case-insensitive for
e-mail, exact for claims.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    kind: str  # "domain", "email" or "claim"
    name: str  # the claim's name (kind "claim")
    value: str


def parse_allow_list(text: str) -> tuple[Entry, ...]:
    """The entries of WORKSHOP_OIDC_ADMINS; ValueError for one that is none of the forms."""
    entries = []
    for raw in text.split(","):
        item = raw.strip()
        if not item:
            continue
        entries.append(_entry(item))
    if not entries:
        raise ValueError("lists nobody: give e-mail domains (@kommun.se), addresses or claim=value")
    return tuple(entries)


def _entry(item: str) -> Entry:
    if "=" in item:
        name, _, value = item.partition("=")
        if not name.strip() or not value.strip():
            raise ValueError(f"{item!r} is not claim=value")
        return Entry("claim", name.strip(), value.strip())
    if item.startswith("@") and len(item) > 1 and "@" not in item[1:]:
        return Entry("domain", "email", item[1:].lower())
    local, at, domain = item.partition("@")
    if at and local and domain:
        return Entry("email", "email", item.lower())
    raise ValueError(f"{item!r} is not an e-mail domain (@kommun.se), an address or claim=value")


def _verified_email(claims: dict) -> str | None:
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or claims.get("email_verified") is False:
        return None
    return email.lower()


def _claim_has(claims: dict, name: str, value: str) -> bool:
    found = claims.get(name)
    if isinstance(found, list):
        return value in [str(item) for item in found]
    return found is not None and str(found) == value


def allowed(claims: dict, entries: tuple[Entry, ...]) -> bool:
    """Whether the ID token's claims match any entry of the allow-list."""
    email = _verified_email(claims)
    for entry in entries:
        if entry.kind == "claim" and _claim_has(claims, entry.name, entry.value):
            return True
        if entry.kind == "email" and email == entry.value:
            return True
        if entry.kind == "domain" and email is not None and email.rpartition("@")[2] == entry.value:
            return True
    return False


def display_name(claims: dict) -> str:
    """What the staff list calls this organiser: name, e-mail or subject."""
    for key in ("name", "email", "preferred_username", "sub"):
        value = claims.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""
