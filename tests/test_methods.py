"""The registry: what the methods offer the shared core."""

from tests.registry import REGISTRY
from workshop.methods import METHODS

PROJECTOR_VIEWS = REGISTRY.projector_views


def test_each_method_declares_its_projector_views():
    assert PROJECTOR_VIEWS == {
        "lobby": None,
        "statement": "barometer",
        "result": "barometer",
        "opening": "openspace",
        "market": "openspace",
        "wall": "openspace",
        "break": "openspace",
        "corners": "fourcorners",
        "thanks": None,
    }
    # A method with a projector page offers at least one view to pin.
    assert all(m.projector_views for m in METHODS if "projector" in m.pages)
