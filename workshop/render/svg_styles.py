"""Our matplotlib charts under the pages' Content-Security-Policy.

matplotlib's SVG styles its shapes with ``style="fill: #fff; stroke: ..."``
attributes and one ``<style>*{stroke-linejoin: round; ...}</style>`` rule.
A page whose policy is ``style-src 'self'`` silently drops both (Chromium
then paints every background black), and allowing 'unsafe-inline' styles
would open the page to injected CSS. Every property matplotlib writes is also
an SVG presentation attribute, and presentation attributes are markup, not
CSS, so CSP does not apply to them: ``fill="#fff" stroke="..."``.

The exports keep matplotlib's SVG as it is: export.html has its own policy.
"""

from __future__ import annotations

import re

_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
# matplotlib's only rule: defaults for every element. As presentation
# attributes on the root they are inherited, and an element's own values win.
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>\s*\*\s*\{([^}]*)\}\s*</style>")
_SVG_OPEN = re.compile(r"<svg\b")
_PROPERTY = re.compile(r"[a-z][a-z-]*\Z")


def _attributes(declarations: str) -> str:
    attributes = []
    for declaration in declarations.split(";"):
        name, _, value = (part.strip() for part in declaration.partition(":"))
        if _PROPERTY.match(name) and value:
            attributes.append(f' {name}="{value}"')  # value came from inside "...": still escaped
    return "".join(attributes)


def presentation_attributes(svg: str) -> str:
    """The same drawing with no style attribute and no <style> element."""
    defaults = ""

    def take_defaults(match: re.Match) -> str:
        nonlocal defaults
        defaults = _attributes(match.group(1))
        return ""

    svg = _STYLE_ELEMENT.sub(take_defaults, svg, count=1)
    svg = _STYLE_ATTRIBUTE.sub(lambda match: _attributes(match.group(1)), svg)
    return _SVG_OPEN.sub("<svg" + defaults, svg, count=1)
