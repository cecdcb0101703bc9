"""The live path at conference scale: bench_scale.py's and bench_cluster.py's parts.

- `system.py`: what /proc says (RSS, CPU seconds, how busy the machine is,
  listen drops) and the machine's description.
- `stats.py`: percentiles and error counts.
- `servers.py`: the servers under test as child processes (`start_ours`,
  `start_bare`); a starter is a function (tmp dir) -> (server, info).
- `clients.py`: one phone, on the minimal client or python-socketio.
- `worker.py`: a load-generator process holding a share of the phones, and
  the orchestrator's handle on it (JSON lines over pipes).
- `measure.py`: one server measured: probe, projector, connect, load.
- `storm.py`: the reconnect storm after the load (SIGKILL, restart, all back).
- `report.py`: the table printed at the end.

The starter is passed in (`measure_server(start, ...)`), so bench_cluster.py
measures its two-process server with the same code.
"""
