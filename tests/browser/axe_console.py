"""axe-core (node_modules/axe-core, an exact devDependency) in a page: the
WCAG 2.1 A/AA violations that are serious or critical. The same contract as
tests/browser/axe.py on the projector branch (serious_violations(page));
use that one once both have landed."""
from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def serious_violations(page) -> list:
    """[{"id", "impact", "help", "targets"}] for every serious or critical violation."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
                          ".then(r => r.violations)", TAGS)
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "targets": [n["target"] for n in v["nodes"]]}
            for v in found if v["impact"] in ("serious", "critical")]
