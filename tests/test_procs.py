"""Child processes on loopback: free port, waiting for HTTP, stopping by PID."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clusterqa.errors import ClusterQAError
from clusterqa.procs import free_port, stop, wait_for_http


def test_wait_for_a_real_http_server_then_stop_it() -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert 0 <= wait_for_http(f"http://127.0.0.1:{port}/", server, 30) < 30
    finally:
        stop(server)
    assert server.poll() is not None


def test_a_process_that_exits_is_reported() -> None:
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    with pytest.raises(ClusterQAError, match="exited with code 3"):
        wait_for_http(f"http://127.0.0.1:{free_port()}/", process, 30)
