"""These tests label by region with one or two people in each; small groups
protected (min_group, default 3: workshop/domain/small_groups.py) has its
own tests (tests/barometer/floor/test_protected.py), so here every region is
labelled: min_group 1 for any test that has a workshop."""

import pytest


@pytest.fixture(autouse=True)
def every_region_labelled(request):
    if "workshop" in request.fixturenames:
        workshop = request.getfixturevalue("workshop")
        request.getfixturevalue("store").update_workshop_settings(workshop["id"], min_group=1)
