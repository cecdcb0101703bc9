"""What a method (Åsiktsbarometer, Open Space, Fyra hörn, …) hands the core.

The shared core (hub, connect, pages, store, appendix, exports) knows methods
only through these descriptors, listed once in ``workshop.methods`` and
handed to the core in a ``Registry`` by ``create_app`` (workshop/registry.py,
which refuses a name two methods claim). A method
is one package under ``workshop/`` plus one folder in ``templates/`` and one
in ``static/js/``, all named ``Method.name``:

    workshop/<name>/__init__.py    METHOD = Method(...)
    workshop/<name>/domain*.py     pure rules (no Flask, Socket.IO or SQL)
    workshop/<name>/storage*.py    a mixin of Store (one per feature, mixed into
                                   the method's own); SQL lives only there
    workshop/<name>/migrations.py  its own sqlite-utils migration set
    workshop/<name>/web.py         an HTTP blueprint
    workshop/<name>/live*.py       ``PART = LivePart(...)``: module-level socket
                                   handlers, flushers, connect hooks and its part
                                   of `state` (workshop/live/part.py)
    workshop/<name>/strings.py     ``js_strings(gettext)``: texts its scripts show
    workshop/<name>/appendix.py    its appendix section (view + one hook per format)
    templates/<name>/<page>.html   its part of each page in ``pages``
    static/js/<name>/<page>.js     the ES module for each page in ``pages``

The console has two modes: ``console.html`` is the method's part of Prepare;
an optional ``templates/<name>/console_run.html`` (a section with
``data-method="<name>"``, run by ``static/js/<name>/console_run.js``) is its
part of Run, shown while its phase runs (see static/js/console.js).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from workshop.domain.errors import N_  # noqa: F401  (methods mark their label with it)


@dataclass(frozen=True)
class TemplatePart:
    """A method's part of a workshop template ("Spara som mall"), under its
    name in the template's ``methods`` (docs/protocol.md, workshop templates).
    The core frames the document (domain/templates.py) and calls these; it
    never looks inside a part. A part never holds participants' data."""

    capture: Callable[[Any, str], dict]  # (store, workshop_id) -> its part of a new template
    validate: Callable[[Any], dict]  # pure: an imported part -> the part, or raises Invalid
    apply: Callable[[Any, str, dict], None]  # (store, workshop_id, validated part): fill a new workshop
    # Plain statements (text, one per line, or a CSV column) -> its part; at
    # most one method takes them (the registry refuses a second).
    from_statements: Callable[[list[str]], dict] | None = None


@dataclass(frozen=True)
class SeriesPart:
    """A method's part of a series ("workshops side by side"): read from each
    workshop, compared as blocks (render/blocks.py) every export lays out."""

    read: Callable[[Any, list[dict]], Any]  # (store, workshops in series order) -> its data
    blocks: Callable[[Any, str, Callable[[str], str]], list]  # (data, lang, tr) -> [Block]
    matched: Callable[[Any], list] | None = None  # (data) -> what GET /api/series/<id> lists


@dataclass(frozen=True)
class Method:
    name: str  # also the workshop phase while the method runs
    label: str  # msgid, e.g. "Opinion barometer": the console's phase button
    store: type  # storage mixin, mixed into Store
    migrations: Any  # sqlite_utils.Migrations, applied at start
    blueprint: Any  # flask.Blueprint
    live: tuple  # its live.part.LivePart(s): module-level handlers the core registers
    js_strings: Callable[[Callable[[str], str]], dict]  # gettext -> {key: text}
    appendix: Callable[[], Any]  # -> its AppendixSection (imported lazily: render stays off the live path)
    # "minutes": its part of the minute-taker's page (templates/<name>/minutes.html).
    pages: tuple[str, ...] = field(default=("phone", "projector", "console"))
    stylesheet: str | None = None  # under static/, for its pages
    # The organiser's workshop list: (key of its ARCHIVE_COUNTS, msgid of the column heading).
    archive_columns: tuple[tuple[str, str], ...] = ()
    # Fields it adds to GET /api/workshops/<id>: fn(store, workshop_id) -> dict.
    workshop_fields: Callable[[Any, str], dict] | None = None
    # Views of its part of the projector the facilitator may pin
    # (PUT /api/workshops/<id>/projector); names are unique across methods.
    projector_views: tuple[str, ...] = ()
    # Its part of a workshop template (see TemplatePart), or None.
    template: TemplatePart | None = None
    # Its part of a series appendix (see SeriesPart; imported lazily), or None.
    series: Callable[[], SeriesPart] | None = None
    # The other languages its items are offered in ("texts"): fn(store, workshop_id) -> set of
    # language tags; the phone's language switch offers them (web/pages.py).
    languages: Callable[[Any, str], set] | None = None
