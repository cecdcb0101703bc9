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
class Method:
    name: str  # also the workshop phase while the method runs
    label: str  # msgid, e.g. "Opinion barometer": the console's phase button
    store: type  # storage mixin, mixed into Store
    migrations: Any  # sqlite_utils.Migrations, applied at start
    blueprint: Any  # flask.Blueprint
    live: tuple  # its live.part.LivePart(s): module-level handlers the core registers
    js_strings: Callable[[Callable[[str], str]], dict]  # gettext -> {key: text}
    appendix: Callable[[], Any]  # -> its AppendixSection (imported lazily: render stays off the live path)
    pages: tuple[str, ...] = field(default=("phone", "projector", "console"))
    stylesheet: str | None = None  # under static/, for its pages
    # The organiser's workshop list: (key of its ARCHIVE_COUNTS, msgid of the column heading).
    archive_columns: tuple[tuple[str, str], ...] = ()
    # Fields it adds to GET /api/workshops/<id>: fn(store, workshop_id) -> dict.
    workshop_fields: Callable[[Any, str], dict] | None = None
    # Views of its part of the projector the facilitator may pin
    # (PUT /api/workshops/<id>/projector); names are unique across methods.
    projector_views: tuple[str, ...] = ()
