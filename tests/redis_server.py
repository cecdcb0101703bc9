"""A real redis-server as a child process: it lives in bench/redis_server.py
(bench_cluster.py starts one too, and a benchmark never imports `tests`)."""

from bench.redis_server import RedisServer

__all__ = ["RedisServer"]
