"""The locks (`make lock`) agree with the lists a person reads, and every
package in them carries a hash, so `pip install --require-hashes` takes them."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)", re.M)


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    return {_normal(name): version for name, version in PIN.findall(path.read_text())}


@pytest.mark.parametrize(
    ("listed", "lock"),
    [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")],
)
def test_every_listed_pin_is_in_its_lock_at_the_same_version(listed, lock):
    locked = pins(ROOT / lock)
    stale = {
        name: (version, locked.get(name))
        for name, version in pins(ROOT / listed).items()
        if locked.get(name) != version
    }
    assert stale == {}, "run `make lock`"


def test_the_dev_lock_holds_the_runtime_lock_unchanged():
    runtime, dev = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_has_a_hash(lock):
    entries = re.split(r"\n(?=\S)", (ROOT / lock).read_text())
    unhashed = [e.split()[0] for e in entries if PIN.match(e) and "--hash=sha256:" not in e]
    assert unhashed == [] and len(entries) > 40


def test_install_requires_hashes():
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes" in makefile
    assert re.search(r"\$\(PIP_INSTALL\) -r requirements\.lock", makefile)
    assert re.search(r"\$\(PIP_INSTALL\) -r requirements-dev\.lock", makefile)
