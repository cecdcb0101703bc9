"""Storage: the only place with SQL. One ``Store`` per process."""
from .appendix import AppendixQueries
from .barometer import BarometerQueries
from .base import StoreBase, utcnow
from .openspace import OpenSpaceQueries
from .workshops import WorkshopQueries


class Store(StoreBase, WorkshopQueries, BarometerQueries, OpenSpaceQueries, AppendixQueries):
    """All queries, grouped by subject in the mixins above."""


__all__ = ["Store", "utcnow"]
