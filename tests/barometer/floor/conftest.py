"""Every region is labelled in these tests (tests/barometer/conftest.py)."""

import pytest


@pytest.fixture(autouse=True)
def every_region_labelled(label_every_region):
    pass
