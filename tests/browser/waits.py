"""Waiting for what a browser test asserts (issue 16): a value read right
after an input (a key, a click, a resize, another client's emit) may be read
before the page has caught up, e.g. while Chromium still scrolls smoothly.

Prefer Playwright's own waiting assertions (expect(locator).to_have_text,
to_have_attribute, to_be_visible, to_have_count, to_be_focused, ...). For
what they cannot express:

    js_when(page, "r => r.scrollLeft", arg=handle)   # JS, waits until truthy
    until(page, read, check)                          # Python, waits until check(read())
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def js_when(page, expression: str, arg: Any = None, timeout: float | None = None) -> Any:
    """Waits until the JavaScript `expression` (a function of `arg`, or an
    expression) is truthy in `page`, and returns that value.

    Uses page.wait_for_function, which evaluates with eval: only for pages
    whose Content-Security-Policy is bypassed (new_page's default)."""
    return page.wait_for_function(expression, arg=arg, timeout=timeout).json_value()


def until(page, read: Callable[[], Any], check: Callable[[Any], bool], timeout: float = 10.0) -> Any:
    """Reads `read()` until `check(value)` holds or `timeout` seconds pass, and
    returns the last value read: the caller asserts on it, so a timeout fails
    there with the value in the message.

    Sleeps with page.wait_for_timeout, so the page's events (websocket frames,
    console messages, routes) reach their Python handlers between reads.
    Works under an enforced Content-Security-Policy too."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if check(value) or time.monotonic() > deadline:
            return value
        page.wait_for_timeout(50)
