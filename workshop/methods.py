"""The methods this app runs, in the order the console shows them: the list
``create_app`` assembles its ``Registry`` from (workshop/registry.py). Only the
top (``workshop/__init__.py``) imports it. Adding a method is one line here
(see workshop/method.py and docs/architecture.md, "Adding a method")."""

from __future__ import annotations

from workshop.barometer import METHOD as BAROMETER
from workshop.fourcorners import METHOD as FOURCORNERS
from workshop.openspace import METHOD as OPENSPACE

METHODS = (BAROMETER, OPENSPACE, FOURCORNERS)
