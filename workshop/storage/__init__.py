"""Storage: the only place with SQL. One ``Store`` per process.

``Store`` is composed once from the core's query mixins and each method's
(``Method.store``), so a method's SQL lives in its own package. It is built
on first use, not at import, because the methods import the core.
"""

from __future__ import annotations

import functools

from .base import StoreBase, utcnow

__all__ = ["Store", "utcnow"]


@functools.cache
def store_class() -> type:
    from ..methods import METHODS
    from . import migrations
    from .appendix import AppendixQueries
    from .workshops import WorkshopQueries

    mixins = [m.store for m in METHODS]
    started = [getattr(mixin, "ARCHIVE_STARTED", None) for mixin in mixins]
    started = [f"SELECT ({sql}) AS at" for sql in started if sql]
    return type(
        "Store",
        (StoreBase, WorkshopQueries, AppendixQueries, *mixins),
        {
            "__doc__": "All queries: the core's and each method's mixin.",
            "migration_sets": (migrations.migrations, *(m.migrations for m in METHODS)),
            # The archive's columns and its "day held": see WorkshopQueries.list_workshops.
            "archive_counts": {
                k: v for mixin in mixins for k, v in getattr(mixin, "ARCHIVE_COUNTS", {}).items()
            },
            "first_activity": f"SELECT min(at) FROM ({' UNION ALL '.join(started)})" if started else "NULL",
        },
    )


def __getattr__(name: str):
    if name == "Store":
        return store_class()
    raise AttributeError(name)
