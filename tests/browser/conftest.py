"""Playwright on Debian's Chromium against the real server process."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.chromium import CHROMIUM, CHROMIUM_ARGS
from bench.live_server import LiveServer

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    live = LiveServer(tmp_path_factory.mktemp("browser-data")).start()
    yield live
    live.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test` (it installs it as root)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def new_page(browser):
    """Factory: a fresh context (own localStorage) and page. Swedish by default.

    Playwright's wait_for_function evaluates its predicate with eval, which
    the pages' Content-Security-Policy forbids, so pages bypass the policy
    unless enforce_csp=True (test_csp_browser.py and test_keys_browser.py:
    they wait with locators only)."""
    contexts = []

    def make(locale="sv-SE", width=1280, height=800, is_mobile=False, enforce_csp=False):
        context = browser.new_context(
            locale=locale,
            viewport={"width": width, "height": height},
            is_mobile=is_mobile,
            has_touch=is_mobile,
            bypass_csp=not enforce_csp,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
