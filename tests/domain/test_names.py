import pytest

from workshop.domain.names import Claims, Clash


def test_a_name_has_one_owner():
    claims = Claims("socket event", {"connect": None})
    claims["position"] = "barometer"
    with pytest.raises(Clash, match="socket event 'position' of 'openspace' is already taken by 'barometer'"):
        claims["position"] = "openspace"
    with pytest.raises(Clash, match="already taken by the core"):
        claims["connect"] = "toy"
    assert claims == {"connect": None, "position": "barometer"}  # nothing replaced


def test_every_door_applies_the_rule():
    claims = Claims("flusher kind", {"presence": None})
    with pytest.raises(Clash):
        claims.update(presence="x")
    with pytest.raises(Clash):
        claims.claim(["wall", "wall"], "openspace")
    assert claims.setdefault("presence", "y") is None
    assert claims.setdefault("tally", "fourcorners") == "fourcorners"


def test_the_same_owner_twice_is_a_clash_too():
    claims = Claims("string key")
    claims["saved"] = "core"
    with pytest.raises(Clash):
        claims["saved"] = "core"


def test_an_owner_is_named_by_its_qualified_name():
    def flush_wall(workshop_id):
        return None

    claims = Claims("flusher kind", {"wall": flush_wall})
    with pytest.raises(
        Clash, match="taken by 'test_an_owner_is_named_by_its_qualified_name.<locals>.flush_wall'"
    ):
        claims["wall"] = "other"
