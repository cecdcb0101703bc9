"""Markdown vocabulary: people's words stay literal text, alt text included."""

from __future__ import annotations

import re

import pytest

from workshop.render.charts import Chart
from workshop.render.markdown_text import md_image, md_line

HOSTILE = '<x y=" onerror=alert(document.domain) onload=alert(1) z=">'


def image(alt: str) -> str:
    return md_image(Chart("charts/openspace-headcount.png", alt, lambda fmt: b""))


def unescaped(text: str, chars: str) -> list[str]:
    """The characters of `chars` in `text` that no backslash escapes."""
    return [m.group(1) for m in re.finditer(r"(?<!\\)(?:\\\\)*([" + re.escape(chars) + "])", text)]


@pytest.mark.parametrize(
    "alt",
    [HOSTILE, "Flest vid: ] (charts/evil.png) ![x", "två\nrader\n# rubrik", "snedstreck \\] och \\", "a)b(c"],
)
def test_an_alt_text_cannot_leave_its_brackets_or_open_html(alt):
    line = image(alt)
    assert line.startswith("![") and line.endswith("](charts/openspace-headcount.png)")
    inside = line[2 : -len("](charts/openspace-headcount.png)")]
    assert "\n" not in line
    assert unescaped(inside, "[]<>&") == []
    assert inside == md_line(alt)  # the same escaping as every other line
