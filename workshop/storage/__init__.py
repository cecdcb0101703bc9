"""Storage: the only place with SQL. One ``Store`` per process.

``Store`` is composed from the core's query mixins and each method's
(``Method.store``), so a method's SQL lives in its own package. The methods
are handed in (``Registry.store_class``): storage never imports them.
"""

from __future__ import annotations

from workshop.storage.base import StoreBase, utcnow

__all__ = ["core_mixins", "store_class", "utcnow"]


def core_mixins() -> tuple[type, ...]:
    from workshop.storage.appendix import AppendixQueries
    from workshop.storage.decisions import DecisionQueries
    from workshop.storage.justering import JusteringQueries
    from workshop.storage.staff import StaffQueries
    from workshop.storage.templates import TemplateQueries
    from workshop.storage.workshops import WorkshopQueries

    return (
        StoreBase,
        WorkshopQueries,
        AppendixQueries,
        StaffQueries,
        TemplateQueries,
        JusteringQueries,
        DecisionQueries,
    )


def store_class(methods: tuple, appendix_sections: tuple | None = None) -> type:
    """The Store class for these methods (each a ``Method``); the registry
    makes it once per app (``Registry.store_class``), handing in the appendix
    sections' loaders (the methods' and the core's own; default: the methods')."""
    from workshop.storage import migrations

    mixins = [m.store for m in methods]
    started = [getattr(mixin, "ARCHIVE_STARTED", None) for mixin in mixins]
    started = [f"SELECT ({sql}) AS at" for sql in started if sql]
    return type(
        "Store",
        (*core_mixins(), *mixins),
        {
            "__doc__": "All queries: the core's and each method's mixin.",
            "migration_sets": (migrations.migrations, *(m.migrations for m in methods)),
            # The appendix reads each method's record through its section.
            "appendix_sections": appendix_sections or tuple(m.appendix for m in methods),
            # The archive's columns and its "day held": see WorkshopQueries.list_workshops.
            "archive_counts": {
                k: v for mixin in mixins for k, v in getattr(mixin, "ARCHIVE_COUNTS", {}).items()
            },
            "first_activity": f"SELECT min(at) FROM ({' UNION ALL '.join(started)})" if started else "NULL",
        },
    )
