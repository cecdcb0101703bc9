"""Keys in the URL fragment (#key=...) are read, kept for the tab in
sessionStorage, and taken out of the address bar and history at once."""

from __future__ import annotations

import re

from playwright.sync_api import expect

# Pages enforce their CSP here, so waits use locators (wait_for_function needs eval).


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def _no_key_left(page, key: str) -> None:
    assert key not in page.evaluate("location.href")
    assert "key=" not in page.evaluate("location.hash")
    assert key not in page.url
    assert page.evaluate("Object.values(localStorage)").count(key) == 0


def test_the_console_key_leaves_the_address_bar_and_the_page_works(server, new_page):
    w = server.new_workshop("Nycklar")
    key = w["facilitator_key"]
    server.api("POST", f"/api/workshops/{w['id']}/statements", key, {"text": "Ett påstående"}, expect=201)
    page = new_page(enforce_csp=True)
    page.goto(server.url + "/")
    entries = page.evaluate("history.length")
    page.goto(server.url + _path(w["facilitator_url"]))  # /console/<id>#key=...
    expect(page.locator("#conn")).to_have_text("Ansluten")
    expect(page.locator("#statements li.statement-item")).to_have_count(1)
    _no_key_left(page, key)
    # The entry was replaced, not added to: back is the page before, forward has no key.
    assert page.evaluate("history.length") == entries + 1
    page.go_back()
    assert page.url == server.url + "/"
    page.go_forward()
    _no_key_left(page, key)
    # The console's own links still carry the key where it is needed.
    expect(page.locator("#summary-link")).to_have_attribute("href", re.compile(f"#key={re.escape(key)}$"))

    # A reload in the same tab keeps working (sessionStorage), still without the key in the URL.
    page.reload()
    expect(page.locator("#conn")).to_have_text("Ansluten")
    expect(page.locator("#statements li.statement-item")).to_have_count(1)
    _no_key_left(page, key)
    assert page.evaluate(f"sessionStorage.getItem('key:{w['id']}')") == key


def test_projector_and_summary_strip_the_key_and_other_fragment_parts_stay(server, new_page):
    w = server.new_workshop("Nycklar")
    key = w["projector_key"]
    page = new_page(enforce_csp=True)
    page.goto(server.url + _path(w["projector_url"]) + "&x=1")
    expect(page.locator("#conn")).to_have_text("Ansluten")
    _no_key_left(page, key)
    assert page.evaluate("location.hash") == "#x=1"

    summary = new_page(enforce_csp=True)
    summary.goto(f"{server.url}/console/{w['id']}/summary#key={w['facilitator_key']}")
    summary.wait_for_selector("#summary .summary-fragment")
    _no_key_left(summary, w["facilitator_key"])
    assert summary.evaluate("location.hash") == ""


def test_a_key_kept_by_earlier_versions_is_removed_from_local_storage(server, new_page):
    w = server.new_workshop("Nycklar")
    page = new_page(enforce_csp=True)
    page.goto(server.url + "/")
    page.evaluate(f"localStorage.setItem('key:{w['id']}', '{w['facilitator_key']}')")
    page.goto(server.url + _path(w["facilitator_url"]))
    expect(page.locator("#conn")).to_have_text("Ansluten")
    assert page.evaluate(f"localStorage.getItem('key:{w['id']}')") is None


def test_the_admin_token_is_kept_for_the_tab_only_and_leaves_the_address_bar(server, new_page):
    """The organiser's home (/console#token=..., the link the server prints):
    the most powerful secret is not left in localStorage on a venue laptop."""
    server.new_workshop("Arkivet")
    token = server.admin_token
    page = new_page(enforce_csp=True)
    page.goto(server.url + "/")
    page.evaluate(f"localStorage.setItem('admin-token', '{token}')")  # as earlier versions kept it
    page.goto(f"{server.url}/console#token={token}")
    expect(page.locator("#workshops tr", has_text="Arkivet")).to_have_count(1)
    assert token not in page.url and "token=" not in page.evaluate("location.hash")
    assert page.evaluate("localStorage.getItem('admin-token')") is None
    assert page.evaluate("sessionStorage.getItem('admin-token')") == token
    page.reload()  # the same tab still has it
    expect(page.locator("#workshops tr", has_text="Arkivet")).to_have_count(1)

    other_tab = new_page(enforce_csp=True)  # a new tab (here: a new context) asks for it
    other_tab.goto(f"{server.url}/console")
    expect(other_tab.locator("#token-form")).to_be_visible()
    expect(other_tab.locator("#archive")).to_be_hidden()
