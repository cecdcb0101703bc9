"""The barometer's shared fixtures: an open statement, three phones on the
line, four participants for the store's tests; and the helpers the tests of
the domain, the HTTP API and the sockets share."""

import pytest

from tests.conftest import bearer, events, ok
from workshop.domain.errors import Conflict


@pytest.fixture
def label_every_region(request):
    """min_group 1 for the test's workshop, if it has one: for the tests that label by
    region with one or two people in each (floor/, phone_comments/). Small groups
    protected (min_group, default 3: workshop/domain/small_groups.py) has its own
    tests (floor/test_protected.py)."""
    if "workshop" in request.fixturenames:
        workshop = request.getfixturevalue("workshop")
        request.getfixturevalue("store").update_workshop_settings(workshop["id"], min_group=1)


@pytest.fixture
def sid(api):
    """An open statement's id."""
    s = api("POST", "/statements", {"text": "Överenskommelsearbetet kan göras utan att kosta pengar"})
    api("POST", f"/statements/{s['id']}/open")
    return s["id"]


@pytest.fixture
def wid(workshop):
    return workshop["id"]


@pytest.fixture
def people(store, wid):
    """Four participants, straight in the store: (participant id, pseudonym number)."""
    return [(p["id"], p["number"]) for p in (store.add_participant(wid) for _ in range(4))]


def place(store, wid, sid, people, *values):
    """people[i] stands at values[i] (None: a pass)."""
    for (pid, _), value in zip(people, values):
        store.record_position(wid, sid, pid, value)


@pytest.fixture
def base(workshop):
    return f"/api/workshops/{workshop['id']}"


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


def only_the_facilitator(client, workshop, store, method: str, path: str, body) -> None:
    """No key: 401; the projector key or a wrong one: 403; and nothing changed."""
    url = f"/api/workshops/{workshop['id']}{path}"
    before = (
        store.floor(workshop["id"]).staff(),
        store.barometer_settings(workshop["id"]),
        store.replay(workshop["id"]),
    )
    assert client.open(url, method=method, json=body).status_code == 401
    for key in (workshop["projector_key"], "guess"):
        assert client.open(url, method=method, json=body, headers=bearer(key)).status_code == 403
    assert (
        store.floor(workshop["id"]).staff(),
        store.barometer_settings(workshop["id"]),
        store.replay(workshop["id"]),
    ) == before


def received(client) -> dict:
    """Everything the client got so far, by event name (reading drains the inbox)."""
    out: dict = {}
    for e in client.get_received():
        out.setdefault(e["name"], []).append(e["args"][0])
    return out


def last_state(client):
    return events(client, "state")[-1]
