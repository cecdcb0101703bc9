"""The methods this app runs, assembled once by ``create_app`` and kept on the
app (``app.extensions["workshop.registry"]``, read through
``web.context.registry()``).

The core never imports the units (``workshop.methods`` or a method package):
it is handed a ``Registry``. Assembling one checks every shared namespace a
method adds to, so a clash fails at start, naming both owners, instead of a
later method silently winning:

    method names and phases, blueprint names, Store methods, archive columns,
    the scripts' string keys, projector views and stylesheets;

socket event names and flusher kinds are claimed as the live parts register
(``live.events.SocketIO.on`` and ``Hub.flushers``), under the same rule.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from workshop.domain.names import Claims, Clash
from workshop.domain.workshops import ENDED, LOBBY, projector_views
from workshop.method import Method
from workshop.storage import store_class
from workshop.web.strings import core_strings

# The names of the core's blueprints (workshop/__init__.py registers them).
CORE_BLUEPRINTS = (
    "pages",
    "health",
    "api_workshops",
    "api_export",
    "summary_pages",
    "api_templates",
    "api_series",
    "api_decisions",
    "minutes_page",
)
# Declared by each Store mixin for the core to read from that mixin itself:
# every mixin has them, so they are not shared names.
PER_MIXIN = frozenset({"ARCHIVE_COUNTS", "ARCHIVE_STARTED"})


@dataclass(frozen=True)
class Registry:
    methods: tuple[Method, ...]
    names: tuple[str, ...] = field(init=False)
    # Every view the projector offers -> its method (None: the core's).
    projector_views: dict = field(init=False)

    def __post_init__(self):
        check(self.methods)
        object.__setattr__(self, "names", tuple(m.name for m in self.methods))
        object.__setattr__(
            self, "projector_views", projector_views({m.name: m.projector_views for m in self.methods})
        )

    @functools.cached_property
    def store_class(self) -> type:
        return store_class(self.methods, self.appendix_loaders())

    def template_parts(self) -> dict:
        """Each method's part of a template, by its name (the key in the
        template's ``methods``: method names are already claimed once)."""
        return {m.name: m.template for m in self.methods if m.template}

    def statements_taker(self):
        """The template part that takes plain statements (text or CSV), or None."""
        return next((m.template for m in self.methods if m.template and m.template.from_statements), None)

    def series_parts(self) -> tuple:
        """Each method's part of a series comparison, in registry order."""
        return tuple((m.name, m.series()) for m in self.methods if m.series)

    def appendix_sections(self) -> tuple:
        """Each method's appendix section, in registry order (imported on first
        use: rendering stays off the live path's imports)."""
        return tuple(load() for load in self.appendix_loaders())

    def appendix_loaders(self) -> tuple:
        """Each method's section loader, then the core's own (decisions):
        what the store reads the snapshot through."""
        return (*(m.appendix for m in self.methods), _decisions_section)


def check(methods: Iterable[Method]) -> None:
    """Raise ``Clash`` for the first name two owners claim."""
    methods = tuple(methods)
    phases = Claims("method name", {LOBBY: None, ENDED: None})
    blueprints = Claims("blueprint", dict.fromkeys(CORE_BLUEPRINTS))
    stylesheets = Claims("stylesheet")
    columns = Claims("archive column")
    for m in methods:
        phases[m.name] = m.name
        blueprints[m.blueprint.name] = m.name
        if m.stylesheet:
            stylesheets[m.stylesheet] = m.name
        columns.claim((key for key, _heading in m.archive_columns), m.name)
    takers = Claims("plain statements")
    for m in methods:
        if m.template and m.template.from_statements:
            takers["statements"] = m.name
    _check_store(methods)
    _check_strings(methods)
    try:
        projector_views({m.name: m.projector_views for m in methods})
    except ValueError as e:
        raise Clash(str(e)) from e


def _check_store(methods: tuple[Method, ...]) -> None:
    from workshop.storage import core_mixins

    store = Claims("Store method", {name: None for cls in core_mixins() for name in _defined(cls)})
    seen: set[type] = set()
    for m in methods:
        for cls in m.store.__mro__[:-1]:  # its mixin and the mixins it is made of
            if cls not in seen:
                seen.add(cls)
                store.claim(_defined(cls) - PER_MIXIN, m.name)


def _defined(cls: type) -> set[str]:
    return {name for name in vars(cls) if not (name.startswith("__") and name.endswith("__"))}


def _check_strings(methods: tuple[Method, ...]) -> None:
    def same(text, **_variables):
        return text

    keys = Claims("string key", dict.fromkeys(core_strings(same)))
    for m in methods:
        keys.claim(m.js_strings(same), m.name)


__all__ = ["Clash", "Registry", "check"]


def _decisions_section():
    # The core's own appendix section, after the methods' (imported on first use, like theirs).
    from workshop.render.decisions import SECTION

    return SECTION
