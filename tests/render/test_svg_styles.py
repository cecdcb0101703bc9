"""matplotlib SVG without style attributes, for pages under a CSP."""

from __future__ import annotations

import re

from workshop.barometer import charts
from workshop.render.svg_styles import presentation_attributes


def test_style_attributes_become_presentation_attributes():
    svg = (
        '<svg viewBox="0 0 1 1"><defs><style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}'
        '</style></defs><path d="M 0 0" clip-path="url(#p1)" style="fill: none; stroke-dasharray: 1.4,1.4; '
        'stroke: #737373"/><g style="fill: #1a1a1a"></g></svg>'
    )
    assert presentation_attributes(svg) == (
        '<svg stroke-linejoin="round" stroke-linecap="butt" viewBox="0 0 1 1"><defs></defs>'
        '<path d="M 0 0" clip-path="url(#p1)" fill="none" stroke-dasharray="1.4,1.4" stroke="#737373"/>'
        '<g fill="#1a1a1a"></g></svg>'
    )


def test_a_real_chart_keeps_every_property():
    svg = charts.statement_strip([0, 10, 50, 50, 90, 100], 1, "sv", "svg").decode()
    declared = {
        (name.strip(), value.strip())
        for style in re.findall(r'style="([^"]*)"', svg)
        for name, _, value in (d.partition(":") for d in style.split(";"))
        if name.strip()
    }
    converted = presentation_attributes(svg)
    assert not re.search(r"<style\b|\sstyle=", converted)
    attributes = set(re.findall(r'\s([a-z-]+)="([^"]*)"', converted))
    assert declared and declared <= attributes
