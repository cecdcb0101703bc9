"""The layers contract `make lint` checks (pyproject.toml, import-linter)
covers every pure module: a new domain module is pure by rule, not by luck."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _contract(contract_id: str) -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    return next(c for c in config["contracts"] if c["id"] == contract_id)


def _covered(module: str, patterns: list[str]) -> bool:
    parts = module.split(".")
    return any(
        len(p.split(".")) == len(parts) and all(a in ("*", b) for a, b in zip(p.split("."), parts))
        for p in patterns
    )


def test_every_domain_and_record_module_is_held_pure():
    sources = _contract("pure-domain")["source_modules"]
    modules = [
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "workshop").rglob("*.py")
        if path.stem.startswith("domain") or path.stem == "record"
    ]
    assert modules and [m for m in modules if not _covered(m, sources)] == []


def test_the_coverage_check_can_fail():
    assert not _covered("workshop.barometer.domain_new", ["workshop.*.domain"])
    assert not _covered("workshop.barometer.floor.domain", ["workshop.*.domain"])
    assert _covered("workshop.openspace.domain", ["workshop.*.domain"])


def test_every_method_package_is_a_layer_of_its_own():
    layers = " ".join(_contract("layers")["layers"])
    units = [
        p.name
        for p in (ROOT / "workshop").iterdir()
        if (p / "__init__.py").exists() and (p / "live.py").exists()
    ]
    assert units and [u for u in units if u not in layers] == []


MAX_LINES = 600


def test_no_file_of_the_app_or_the_benchmarks_is_over_600_lines():
    """Small modules (issue 18): a file past this is two files."""
    files = [ROOT / "app.py", *(ROOT / "workshop").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
    long = {
        str(f.relative_to(ROOT)): n
        for f in files
        if (n := len(f.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert len(files) > 100 and long == {}
