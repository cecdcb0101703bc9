"""The organiser's list says when retention deletes each workshop."""

from __future__ import annotations

from datetime import date, timedelta

import pytest


@pytest.fixture
def settings(settings):
    settings.retention_days = 30
    return settings


def test_the_list_gives_each_ended_workshop_its_day(client, store, admin):
    running = store.create_workshop("Pågår", "sv")
    done = store.create_workshop("Klar", "sv")
    store.set_phase(done["id"], "ended")

    body = client.get("/api/workshops", headers=admin).get_json()

    assert body["retention_days"] == 30
    days = {w["id"]: w["deleted_on"] for w in body["workshops"]}
    assert days[running["id"]] is None
    ended = date.fromisoformat(store.workshop(done["id"])["ended_at"][:10])
    assert days[done["id"]] == (ended + timedelta(days=30)).isoformat()
    assert all("ended_at" not in w for w in body["workshops"])


def test_without_retention_nothing_has_a_day(app, client, store, admin):
    app.config["SETTINGS"].retention_days = None
    done = store.create_workshop("Klar", "sv")
    store.set_phase(done["id"], "ended")
    body = client.get("/api/workshops", headers=admin).get_json()
    assert body["retention_days"] is None
    assert [w["deleted_on"] for w in body["workshops"]] == [None]
