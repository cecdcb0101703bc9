"""axe-core in a page (node_modules/axe-core, installed from the npm
registry as a devDependency): the automated part of a WCAG 2.1 AA check.

    from tests.browser.axe import serious_violations
    assert serious_violations(page) == []
"""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
SERIOUS = ("serious", "critical")

_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map((v) => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
}))"""


def violations(page) -> list[dict]:
    """Every rule axe-core runs by default (WCAG 2.0/2.1 A and AA, plus best
    practices) on the page as it is now: [{"id", "impact", "help", "nodes"}]."""
    assert AXE.exists(), f"{AXE} is missing: run `npm ci` (axe-core is a devDependency)"
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(_RUN)


def violations_by_impact(page) -> dict[str, list[dict]]:
    """The violations grouped by impact: minor, moderate, serious, critical."""
    grouped: dict[str, list[dict]] = {}
    for violation in violations(page):
        grouped.setdefault(violation["impact"] or "unknown", []).append(violation)
    return grouped


def serious_violations(page) -> list:
    """The serious and critical violations: each should fail a test."""
    return [v for v in violations(page) if v["impact"] in SERIOUS]
