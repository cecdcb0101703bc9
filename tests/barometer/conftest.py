"""The barometer's shared fixtures: an open statement and three phones on
the line; and one way to assert a domain rule."""
import pytest

from tests.conftest import ok
from workshop.domain.errors import Conflict


@pytest.fixture
def sid(api):
    """An open statement's id."""
    s = api("POST", "/statements", {"text": "Överenskommelsearbetet kan göras utan att kosta pengar"})
    api("POST", f"/statements/{s['id']}/open")
    return s["id"]


@pytest.fixture
def room(phone, sid):
    """Three phones placed on the line: håller inte med (10), mitten (50), håller med (90)."""
    phones = [phone() for _ in range(3)]
    for p, value in zip(phones, (10, 50, 90)):
        ok(p, "position", {"statement": sid, "value": value})
    return phones


def check_rule(rule, *args, refused=None, error=Conflict):
    """``rule(*args)`` passes when ``refused`` is None, else raises ``error``
    whose message matches ``refused`` (or any message when it is True)."""
    if refused is None or refused is False:
        rule(*args)
        return
    with pytest.raises(error, match=None if refused is True else refused):
        rule(*args)
