"""A child process on 127.0.0.1 that the benchmarks and the tests start,
wait for, stop or SIGKILL, and whose output goes to a log file.

Every child started here is killed when this interpreter exits (atexit), so a
benchmark or test that fails half-way leaves no server behind.
"""

from __future__ import annotations

import atexit
import resource
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # the only address a child listens on and we connect to

_children: list[subprocess.Popen] = []


def _kill_children() -> None:
    for proc in _children:
        if proc.poll() is None:
            try:
                proc.kill()
                proc.wait(5)
            except Exception:
                pass


atexit.register(_kill_children)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def raise_nofile() -> tuple[int, int]:
    """Soft RLIMIT_NOFILE up to the hard limit (inherited by every child)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)


def answers_healthz(url: str) -> Callable[[], bool]:
    """A readiness check: GET <url>/healthz answers 200."""

    def ready() -> bool:
        with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
            return response.status == 200

    return ready


class ChildProcess:
    """One child process, its stdout and stderr appended to `log_path`.

    `ready` says when it is up (an OSError counts as not yet). `start` can be
    called again after `stop` or `kill9`: the same argv and env, the same log.
    `raise_limits` lifts the child's soft open-files limit to the hard one
    (a server or load generator holding thousands of sockets).
    """

    def __init__(
        self,
        name: str,
        argv: list[str],
        env: dict | None,
        log_path: Path,
        ready: Callable[[], bool],
        raise_limits: bool = False,
    ):
        self.name, self.argv, self.env, self.log_path = name, argv, env, log_path
        self.ready, self.raise_limits = ready, raise_limits
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30.0) -> float:
        """Start and wait until ready; returns the seconds it took."""
        began = time.monotonic()
        log = open(self.log_path, "ab")  # noqa: SIM115  (the child writes to it for its whole life)
        self.proc = subprocess.Popen(
            self.argv,
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            preexec_fn=raise_nofile if self.raise_limits else None,
        )
        log.close()
        _children.append(self.proc)
        deadline = began + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited early:\n{self.log_tail()}")
            if self._is_ready():
                return time.monotonic() - began
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} did not answer in {timeout}s:\n{self.log_tail()}")

    def _is_ready(self) -> bool:
        try:
            return bool(self.ready())
        except OSError:
            return False

    @property
    def pid(self) -> int:
        return self.proc.pid

    def kill9(self) -> None:
        """SIGKILL: no clean shutdown, nothing flushed by the child."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        """SIGTERM, and SIGKILL if it has not ended within 10 s."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill9()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def log_tail(self, chars: int = 3000) -> str:
        return self.log()[-chars:]
