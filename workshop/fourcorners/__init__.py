"""Fyra hörn (four corners): the facilitator asks a question with four
labelled answers, one per corner of the room; each person goes to a corner
(picks it on the phone) or passes, and may change while the question is open.
The projector shows the four corners with one dot per person.

Everything the method does is in this package, ``templates/fourcorners/`` and
``static/js/fourcorners/``; see workshop/method.py for the parts.
"""

from workshop.fourcorners import live, migrations, strings, template, web
from workshop.fourcorners.storage import FourCornersQueries
from workshop.method import N_, Method


def _appendix():
    # Imported on first use: rendering stays off the live path's imports.
    from workshop.fourcorners.appendix import SECTION

    return SECTION


def _series():
    # Imported on first use, like the appendix.
    from workshop.fourcorners.series import SERIES

    return SERIES


METHOD = Method(
    name="fourcorners",
    label=N_("Four corners"),
    store=FourCornersQueries,
    migrations=migrations.migrations,
    blueprint=web.bp,
    live=(live.PART,),
    js_strings=strings.js_strings,
    pages=("phone", "projector", "console", "minutes"),
    appendix=_appendix,
    archive_columns=(("questions", N_("Questions")),),
    stylesheet="css/fourcorners.css",
    template=template.PART,
    series=_series,
    projector_views=("corners",),
    languages=lambda store, workshop_id: store.fc_languages(workshop_id),
)
