"""Open Space fixtures shared by its HTTP and socket tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def grid(api):
    """Two rooms, two passes and a fika, as in the Värmland afternoon: ids by name."""
    return {
        "a": api("POST", "/spaces", {"name": "Rum A", "capacity": 20})["id"],
        "b": api("POST", "/spaces", {"name": "Rum B"})["id"],
        "p2": api("POST", "/slots", {"label": "Pass 2", "starts_at": "14:30", "minutes": 45})["id"],
        "fika": api(
            "POST", "/slots", {"label": "Fika", "starts_at": "14:00", "minutes": 30, "kind": "break"}
        )["id"],
        "p1": api("POST", "/slots", {"label": "Pass 1", "starts_at": "13:00", "minutes": 45})["id"],
    }
