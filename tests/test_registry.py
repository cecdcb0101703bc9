"""The registry at the top: the three methods register cleanly, a fourth
method registers from outside the core, and a name two owners claim fails
at registration instead of silently winning."""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

import pytest
from flask import Blueprint

from tests.conftest import events, ok, wait_for
from tests.toy_method import METHOD as TOY
from workshop import create_app
from workshop.domain.names import Clash
from workshop.live.part import LivePart
from workshop.methods import METHODS
from workshop.registry import Registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def app(settings):
    """The app with the toy method registered after the three real ones."""
    app = create_app(settings, methods=(*METHODS, TOY))
    app.config["TESTING"] = True
    yield app
    app.extensions["workshop.hub"].close()
    time.sleep(settings.coalesce_seconds * 2)
    app.extensions["workshop.store"].close()


def test_the_three_methods_register_cleanly():
    assert Registry(METHODS).names == ("barometer", "openspace", "fourcorners")


def test_the_registry_is_kept_on_the_app(app):
    registry = app.extensions["workshop.registry"]
    assert registry.names == ("barometer", "openspace", "fourcorners", "toy")
    assert isinstance(app.extensions["workshop.store"], registry.store_class)


def test_a_fourth_method_runs_its_phase_route_event_flusher_and_appendix(
    client, api, workshop, phone, facilitator, fac, admin
):
    assert api("POST", "/phase", {"phase": "toy"}) == {"phase": "toy"}
    p = phone()
    assert ok(p, "toy_hand", {"up": True}) == {"ok": True, "up": True}
    assert wait_for(facilitator, "toy_hands", lambda e: e["hands"] == 1) == {"hands": 1}
    # Its state part reaches the phone with the core's.
    assert any(state.get("toy") is True for state in events(p, "state"))
    assert client.get(f"/api/workshops/{workshop['id']}/toy", headers=fac).get_json() == {"hands": 1}
    exported = client.get(f"/api/workshops/{workshop['id']}/export.json", headers=fac).get_json()
    assert exported["toy"] == {"hands": 1}
    archive = client.get("/api/workshops", headers=admin).get_json()
    row = next(w for w in archive["workshops"] if w["id"] == workshop["id"])
    assert row["toy_hands"] == 1


def test_a_fourth_methods_phone_event_refuses_bad_input_like_any_other(api, phone):
    api("POST", "/phase", {"phase": "toy"})
    ack = phone().emit("toy_hand", {"up": "yes"}, callback=True)
    assert ack["ok"] is False and "up" in ack["error"]


def test_the_toy_method_touches_no_core_file():
    """It is registered from the tests alone: no file of the app names it."""
    named = [
        str(path.relative_to(ROOT))
        for folder in ("workshop", "templates", "static")
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and path.suffix in {".py", ".html", ".js", ".css"} and "toy" in path.read_text()
    ]
    assert named == []


# -- clashes ------------------------------------------------------------------
class Shadows:
    """A storage mixin whose method has the name of barometer's."""

    def statements(self, workshop_id):
        return []


class ShadowsTheCore:
    def workshop(self, workshop_id):
        return {}


def _toy(**changes):
    return dataclasses.replace(TOY, **changes)


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"name": "barometer"}, "method name 'barometer'"),
        ({"name": "lobby"}, "method name 'lobby' of 'lobby' is already taken by the core"),
        ({"blueprint": Blueprint("pages", __name__)}, "blueprint 'pages'"),
        ({"store": Shadows}, "Store method 'statements' of 'toy' is already taken by 'barometer'"),
        ({"store": ShadowsTheCore}, "Store method 'workshop' of 'toy' is already taken by the core"),
        ({"js_strings": lambda _: {"saved": _("Saved")}}, "string key 'saved'"),
        ({"js_strings": lambda _: {"fc_pass": _("Pass")}}, "string key 'fc_pass'"),
        ({"projector_views": ("wall",)}, "projector view 'wall'"),
        ({"archive_columns": (("statements", "x"),)}, "archive column 'statements'"),
        ({"stylesheet": "css/barometer.css"}, "stylesheet 'css/barometer.css'"),
    ],
)
def test_a_clashing_name_fails_at_registration(changes, words):
    with pytest.raises(Clash, match=words):
        Registry((*METHODS, _toy(**changes)))


def _registers_live(event=None, flusher=None):
    def nothing(hub, *args):
        return None

    part = LivePart(
        name="toy",
        phone_events={event: nothing} if event else {},
        flushers={flusher: nothing} if flusher else {},
    )
    return _toy(live=(part,))


@pytest.mark.parametrize(
    ("toy", "words"),
    [
        (_registers_live(event="position"), "socket event 'position'"),
        (_registers_live(event="connect"), "socket event 'connect'"),
        (_registers_live(flusher="distribution"), "flusher kind 'distribution'"),
        (_registers_live(flusher="presence"), "flusher kind 'presence'"),
    ],
)
def test_a_clashing_event_or_flusher_fails_when_the_app_is_made(settings, toy, words):
    with pytest.raises(Clash, match=words):
        create_app(settings, methods=(*METHODS, toy))


def test_the_methods_own_event_names_are_their_own(app):
    owners = app.extensions["socketio"].event_owners["/"]
    assert {"position", "corner", "toy_hand", "connect", "disconnect"} <= set(owners)
