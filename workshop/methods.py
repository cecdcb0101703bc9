"""The registry: the methods this app runs, in the order the console shows
them. Adding a method is one line here (see workshop/method.py and
docs/architecture.md, "Adding a method")."""

from __future__ import annotations

from .barometer import METHOD as BAROMETER
from .domain.workshops import projector_views
from .fourcorners import METHOD as FOURCORNERS
from .openspace import METHOD as OPENSPACE

METHODS = (BAROMETER, OPENSPACE, FOURCORNERS)
NAMES = tuple(m.name for m in METHODS)
# Every view the projector offers: the core's and each method's.
PROJECTOR_VIEWS = projector_views({m.name: m.projector_views for m in METHODS})


def appendix_sections() -> tuple:
    """Each method's appendix section, in registry order (imported on first
    use: rendering stays off the live path's imports)."""
    return tuple(m.appendix() for m in METHODS)
