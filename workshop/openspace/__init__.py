"""Open Space: participants set the agenda. They propose topics, the topics
go on a wall of rooms × time slots, people move freely between groups (the
law of two feet), groups take notes, and the notes become the appendix.

Everything the method does is in this package, ``templates/openspace/`` and
``static/js/openspace/``; see workshop/method.py for the parts.
"""

from workshop.method import N_, Method
from workshop.openspace import live, migrations, strings, template, web
from workshop.openspace.storage import OpenSpaceQueries


def _appendix():
    from workshop.openspace.appendix import SECTION

    return SECTION


def _series():
    # Imported on first use, like the appendix.
    from workshop.openspace.series import SERIES

    return SERIES


METHOD = Method(
    name="openspace",
    label=N_("Open Space"),
    store=OpenSpaceQueries,
    migrations=migrations.migrations,
    blueprint=web.bp,
    live=(live.PART,),
    js_strings=strings.js_strings,
    pages=("phone", "projector", "console", "minutes"),
    appendix=_appendix,
    archive_columns=(("topics", N_("Topics")), ("notes", N_("Notes"))),
    stylesheet="css/openspace.css",
    template=template.PART,
    series=_series,
    projector_views=("opening", "market", "wall", "break"),
)
