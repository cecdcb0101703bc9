"""bench/proc.py: a child process started, waited for, stopped, SIGKILLed and
restarted, its output in its log (what bench/live_server.py and the
benchmarks' servers build on). The children are tiny Python scripts."""

from __future__ import annotations

import signal
import socket
import sys
import time

import pytest

from bench.proc import HOST, ChildProcess, free_port

# Prints, then marks itself ready by creating a file, then waits to be ended.
SERVE = """
import sys, time, pathlib
print("hello from the child", flush=True)
pathlib.Path(sys.argv[1]).touch()
time.sleep(60)
"""


def child(tmp_path, script: str = SERVE, name: str = "child") -> ChildProcess:
    marker = tmp_path / "ready"
    argv = [sys.executable, "-c", script, str(marker)]
    return ChildProcess(name, argv, None, tmp_path / "child.log", ready=marker.exists)


def test_start_waits_until_ready_and_the_log_collects_the_output(tmp_path):
    proc = child(tmp_path)
    seconds = proc.start(timeout=20)
    try:
        assert proc.proc.poll() is None and seconds < 20
        assert (tmp_path / "ready").exists()
        assert "hello from the child" in proc.log()
    finally:
        proc.stop()
    assert proc.proc.returncode == -signal.SIGTERM


def test_kill9_ends_it_at_once_and_start_runs_it_again_on_the_same_log(tmp_path):
    proc = child(tmp_path)
    proc.start(timeout=20)
    first = proc.pid
    proc.kill9()
    assert proc.proc.returncode == -signal.SIGKILL
    (tmp_path / "ready").unlink()
    proc.start(timeout=20)
    try:
        assert proc.pid != first
        assert proc.log().count("hello from the child") == 2
    finally:
        proc.stop()


def test_a_child_that_exits_early_fails_the_start_with_its_log(tmp_path):
    proc = child(tmp_path, "import sys; print('no config here', flush=True); sys.exit(3)", name="broken")
    with pytest.raises(RuntimeError, match="broken exited early:\nno config here"):
        proc.start(timeout=20)


def test_a_child_never_ready_fails_the_start_within_its_timeout(tmp_path):
    proc = child(tmp_path, "import time; time.sleep(60)", name="silent")
    began = time.monotonic()
    with pytest.raises(RuntimeError, match="silent did not answer in 0.5s"):
        proc.start(timeout=0.5)
    assert time.monotonic() - began < 5
    proc.stop()
    assert proc.proc.returncode == -signal.SIGTERM


def test_stop_and_kill9_before_start_do_nothing(tmp_path):
    proc = child(tmp_path)
    proc.stop()
    proc.kill9()
    assert proc.proc is None and proc.log() == ""


def test_a_free_port_can_be_bound_on_loopback():
    port = free_port()
    with socket.socket() as s:
        s.bind((HOST, port))
