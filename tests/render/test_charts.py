"""Charts: valid PNG/SVG bytes, labels in the chosen language, alt texts."""

from __future__ import annotations

import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from workshop.barometer import charts
from workshop.openspace import charts as openspace_charts
from workshop.openspace.record import Topic

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MANY = [int(v) for v in np.clip(np.random.default_rng(3).normal(60, 20, 500), 0, 100)]
TOPICS = [
    Topic(1, "Projektledning", peak=12, interest=14),
    Topic(2, "Folkhälsa, psykisk hälsa", peak=8, interest=9),
    Topic(3, "Kommunikation " * 10, peak=10, interest=11),
]

CHARTS = {
    "strip": lambda lang, fmt: charts.statement_strip([10, 50, 50, 50, 90], 2, lang, fmt),
    "strip_empty": lambda lang, fmt: charts.statement_strip([], 3, lang, fmt),
    "strip_many": lambda lang, fmt: charts.statement_strip(MANY, 40, lang, fmt),
    "movement": lambda lang, fmt: charts.movement_chart([(20, 60), (80, 30), (50, 52)], lang, fmt),
    "movement_empty": lambda lang, fmt: charts.movement_chart([], lang, fmt),
    "headcount": lambda lang, fmt: openspace_charts.headcount_chart(TOPICS, lang, fmt),
}


def _png_size(data: bytes) -> tuple[int, int]:
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("name", sorted(CHARTS))
def test_png_is_valid_image(name, lang):
    data = CHARTS[name](lang, "png")
    assert data.startswith(PNG_MAGIC)
    width, height = _png_size(data)
    assert 300 < width < 1200 and 100 < height < 2000


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_svg_is_well_formed_and_deterministic(name):
    data = CHARTS[name]("en", "svg")
    root = ET.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert data == CHARTS[name]("en", "svg"), "same data must give the same bytes"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        charts.statement_strip([1, 2, 3], 0, "en", "gif")


def test_strip_labels_follow_language(pseudo_swedish):
    # matplotlib writes each text as a comment before its glyph paths.
    en = charts.statement_strip([10, 50, 90], 1, "en", "svg").decode()
    sv = charts.statement_strip([10, 50, 90], 1, "sv", "svg").decode()
    assert "<!-- Disagree -->" in en and "<!-- Agree -->" in en
    assert "<!-- ⟪Disagree⟫ -->" in sv and "<!-- ⟪Agree⟫ -->" in sv
    assert "⟪Pass" in sv and "Pass" not in en.replace("Pass / Don", "")


def test_headcount_keeps_swedish_letters():
    svg = openspace_charts.headcount_chart(TOPICS, "en", "svg").decode()
    assert "Folkhälsa, psykisk hälsa" in svg
    assert "…" in svg  # a title too long for two lines is shortened, not cut off by the margin


def test_headcount_wraps_long_titles_before_shortening_them():
    title = "Gemensam överenskommelse för Värmlands idéburna organisationer"
    svg = openspace_charts.headcount_chart([Topic(1, title, peak=5, interest=3)], "en", "svg").decode()
    assert "<!-- Gemensam överenskommelse för -->" in svg
    assert "<!-- Värmlands idéburna organisationer -->" in svg
    assert "…" not in svg
    assert openspace_charts._label("Projektledning") == "Projektledning"
    assert openspace_charts._label(" ".join(["ord"] * 40)) == "\n".join(
        [" ".join(["ord"] * 9), " ".join(["ord"] * 9) + "…"]
    )  # two lines of 36, then "…"


@pytest.mark.parametrize(
    "pairs, drawn",
    [
        ([(20, 60), (30, 70)], {"Towards agree"}),
        ([(80, 30), (50, 52)], {"Towards disagree", "Unchanged"}),
        ([(20, 60), (80, 30), (50, 52)], {"Towards agree", "Towards disagree", "Unchanged"}),
        ([], set()),
    ],
)
def test_movement_legend_lists_only_the_line_styles_drawn(pairs, drawn):
    svg = charts.movement_chart(pairs, "en", "svg").decode()
    legend = {
        label for label in ("Towards agree", "Towards disagree", "Unchanged") if f"<!-- {label} -->" in svg
    }
    assert legend == drawn


@pytest.mark.parametrize(
    "title",
    [
        "a ${ b $",  # mathtext that does not parse: drawing raised, the export answered 500
        "x^2 $^$",
        "Budget $5 or $10",  # parses, but would be drawn as math without its dollars
        r"Escaped \$ already",
    ],
)
def test_user_text_is_drawn_as_written_never_as_mathtext(title):
    openspace_charts.headcount_chart([Topic(1, title, peak=3)], "en", "png")
    svg = openspace_charts.headcount_chart([Topic(1, title, peak=3)], "en", "svg").decode()
    assert f"<!-- {title} -->" in svg  # matplotlib writes each drawn text as a comment
    assert "DejaVuSans-Oblique" not in svg  # mathtext would set letters in italic


def test_swarm_separates_equal_values():
    x, y, diameter = charts._swarm([50] * 20 + [10, 90], width_pt=440, height_pt=80)
    stacked = y[x == 50]
    assert len(set(np.round(stacked, 6))) == 20, "dots at the same value must not hide each other"
    assert np.all(np.abs(y) <= 1.0), "the stack must fit inside the axes"
    assert list(y[x != 50]) == [0.0, 0.0], "lonely dots stay on the line"


def test_swarm_shrinks_dots_for_big_groups():
    *_, small_group = charts._swarm([50] * 5, 440, 80)
    *_, big_group = charts._swarm([50] * 300, 440, 80)
    assert big_group < small_group


def test_many_participants_render_quickly():
    import time

    start = time.perf_counter()
    charts.statement_strip(MANY, 0, "sv", "png")
    charts.movement_chart(list(zip(MANY, reversed(MANY))), "sv", "png")
    assert time.perf_counter() - start < 2.0


def test_charts_never_import_pyplot():
    code = (
        "import sys, workshop.barometer.charts as c; c.statement_strip([1,2,3],0,'en','png'); "
        "assert 'matplotlib.pyplot' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    "func, args, expected",
    [
        (charts.alt_text_strip, ([10, 20, 30], 1, "en"), "Dot plot: 3 positions, 1 pass, mean 20."),
        (charts.alt_text_strip, ([10, 21], 0, "en"), "Dot plot: 2 positions, 0 passes, mean 15.5."),
        (charts.alt_text_strip, ([50], 0, "en"), "Dot plot: 1 position, 0 passes, mean 50."),
        (charts.alt_text_strip, ([], 4, "en"), "Dot plot: 0 positions, 4 passes."),
        (
            charts.alt_text_movement,
            ([(20, 60), (80, 30), (50, 52)], "en"),
            "Slope chart: 2 of 3 moved, 1 towards agree and 1 towards disagree.",
        ),
        (
            openspace_charts.alt_text_headcount,
            (TOPICS[:2], "en"),
            "Bar chart: peak headcount and interest for 2 topics; most people at “Projektledning” (12).",
        ),
        (openspace_charts.alt_text_headcount, ([], "en"), "Bar chart: no topics."),
    ],
)
def test_alt_texts(func, args, expected):
    assert func(*args) == expected


def test_alt_text_numbers_use_the_language_style(pseudo_swedish):
    assert "mean 15,5." in charts.alt_text_strip([10, 21], 0, "sv")
    assert "mean 15.5." in charts.alt_text_strip([10, 21], 0, "en")
    assert charts.format_shift(5.5, "sv") == "+5,5"
    assert charts.format_shift(-2.5, "en") == "-2.5"
    assert charts.format_shift(3, "en") == "+3"
