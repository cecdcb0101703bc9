"""The registry and the methods' template and series parts: found by method
name, and only one method may take plain statements."""

from __future__ import annotations

import dataclasses

import pytest

from tests.toy_method import METHOD as TOY
from workshop.domain.names import Clash
from workshop.methods import METHODS
from workshop.registry import Registry


def test_each_method_gives_its_template_and_series_part():
    registry = Registry(METHODS)
    assert sorted(registry.template_parts()) == ["barometer", "fourcorners", "openspace"]
    assert [name for name, _part in registry.series_parts()] == [m.name for m in METHODS]
    assert registry.statements_taker() is registry.template_parts()["barometer"]
    assert (
        Registry((*METHODS, TOY)).template_parts().keys() == registry.template_parts().keys()
    )  # a method need not


def test_a_second_taker_of_plain_statements_clashes():
    barometer = next(m for m in METHODS if m.name == "barometer")
    toy = dataclasses.replace(TOY, template=barometer.template)
    with pytest.raises(Clash, match="plain statements"):
        Registry((*METHODS, toy))
