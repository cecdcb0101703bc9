"""The real server as a child process: it lives in bench/live_server.py (the
benchmarks start it too, and a benchmark never imports `tests`)."""

from bench.live_server import LiveServer
from bench.proc import free_port

__all__ = ["LiveServer", "free_port"]
