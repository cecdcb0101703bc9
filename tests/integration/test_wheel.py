"""One install: the wheel builds from the source tree, installs in a fresh
venv (its dependencies from requirements.lock, hash-checked), and the
`workshop` command serves from anywhere: /readyz, a page in Swedish (the
compiled catalog), its script and the socket.io client all come from the
installed package; `workshop backup` works too."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import requests

from bench.proc import HOST, ROOT, free_port

UV = Path(sys.executable).parent / "uv"


def run(*argv, **kwargs):
    done = subprocess.run(argv, capture_output=True, text=True, timeout=300, **kwargs)
    assert done.returncode == 0, (argv, done.stdout[-2000:], done.stderr[-2000:])
    return done


def build_wheel(out: Path) -> Path:
    leftovers = [p for p in (ROOT / "build", ROOT / "workshop.egg-info") if not p.exists()]
    try:
        run(
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        )
    finally:
        for path in leftovers:  # what this build made in the tree, not a developer's own
            shutil.rmtree(path, ignore_errors=True)
    (wheel,) = out.glob("workshop-*.whl")
    return wheel


def test_the_wheel_installs_and_serves(tmp_path):
    wheel = build_wheel(tmp_path / "dist")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "app.py",
        "workshop/templates/console_home.html",
        "workshop/static/js/console_home.js",
        "workshop/vendor/socket.io.esm.min.js",
        "workshop/translations/sv/LC_MESSAGES/messages.mo",
    ):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "bench/")) for n in names)

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    python = venv / "bin" / "python"
    run(str(UV), "pip", "install", "-q", "--python", str(python), "--require-hashes", "--no-deps",
        "-r", str(ROOT / "requirements.lock"))  # fmt: skip
    run(str(UV), "pip", "install", "-q", "--python", str(python), "--no-deps", str(wheel))

    port, data = free_port(), tmp_path / "data"
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "WORKSHOP_HOST": HOST,
        "WORKSHOP_PORT": str(port),
        "WORKSHOP_DATA_DIR": str(data),
        "WORKSHOP_PUBLIC_URL": f"http://{HOST}:{port}",
    }
    log = (tmp_path / "serve.log").open("w")
    # From an empty directory: nothing of the source tree is reachable.
    server = subprocess.Popen(
        [str(venv / "bin" / "workshop"), "serve"], cwd=tmp_path, env=env, stdout=log, stderr=log
    )
    try:
        url = f"http://{HOST}:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                ready = requests.get(url + "/readyz", timeout=2)
                break
            except requests.ConnectionError:
                assert server.poll() is None and time.monotonic() < deadline, (
                    tmp_path / "serve.log"
                ).read_text()
                time.sleep(0.1)
        assert ready.status_code == 200 and ready.json()["ready"] is True
        page = requests.get(url + "/console", timeout=5)
        assert page.status_code == 200 and "Processledarens konsol" in page.text
        assert requests.get(url + "/static/js/console_home.js", timeout=5).status_code == 200
        assert requests.get(url + "/vendor/socket.io.esm.min.js", timeout=5).status_code == 200
    finally:
        server.terminate()
        assert server.wait(20) == 0
    run(str(venv / "bin" / "workshop"), "backup", str(tmp_path / "backups"), env=env, cwd=tmp_path)
    assert len(list((tmp_path / "backups").glob("workshop-*.db"))) == 1
