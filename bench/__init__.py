"""Benchmarks, and the parts they share with the tests.

- `proc.py`: a child process on 127.0.0.1 (start it, wait until it answers,
  stop it, SIGKILL it, read its log); the servers below build on it.
- `live_server.py`: the real server (`python app.py`) as such a child, with
  the HTTP API helpers the integration and browser tests and the small
  benchmarks use.
- `redis_server.py`: a redis-server of its own, for the cluster tests and
  bench_cluster.py.
- `chromium.py`, `replay_room.py`: Debian's Chromium's launch settings and a
  big room's history, for the browser tests and bench_replay.py.
- `sioclient.py`: a minimal Engine.IO 4 / Socket.IO 5 websocket client.
- `bare_server.py`: the bare Flask-SocketIO baseline bench_scale.py compares with.
- `scale/`: bench_scale.py's and bench_cluster.py's parts (see its docstring).
- `bench_*.py`: the scripts `make bench*` and docs/performance.md run by path.

Tests may import from here; nothing here imports `tests`.
"""
