"""A real redis-server as a child process, for the cluster tests and the
cluster benchmark: a free port, its own dir, no persistence, killed at the end.
`make test` installs Debian's redis-server (see the Makefile's `redis` target)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import redis

from bench.proc import HOST, ChildProcess, free_port


class RedisServer:
    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://{HOST}:{self.port}/0"
        self.child: ChildProcess | None = None

    @property
    def proc(self) -> subprocess.Popen | None:
        return self.child.proc if self.child else None

    def start(self, timeout: float = 10.0) -> RedisServer:
        binary = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(binary).exists():
            raise RuntimeError("redis-server is missing: run `make redis` (or apt-get install redis-server)")
        self.directory.mkdir(parents=True, exist_ok=True)
        argv = [
            binary,
            *("--port", str(self.port), "--bind", HOST, "--dir", str(self.directory)),
            *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            *("--loglevel", "warning", "--logfile", str(self.directory / "redis.log")),
        ]
        client = redis.Redis.from_url(self.url)

        def ready() -> bool:
            try:
                return bool(client.ping())
            except redis.ConnectionError:
                return False

        # redis writes its own log file; the child's stdout (nothing) goes next to it
        self.child = ChildProcess("redis-server", argv, None, self.directory / "stdout.log", ready)
        self.child.start(timeout)
        return self

    def stop(self) -> None:
        """No persistence, nothing to flush: SIGKILL."""
        if self.child:
            self.child.kill9()
