"""Child processes on loopback (the app, a Chroma server): a free port, wait until it answers, stop it."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

from .errors import ClusterQAError


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_http(url: str, process: subprocess.Popen[bytes], timeout_s: float) -> float:
    """Seconds until url answers 200; ClusterQAError if the process exits or time runs out first."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        if process.poll() is not None:
            raise ClusterQAError(f"{process.args!r} exited with code {process.returncode} before {url} answered.")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.1)
    raise ClusterQAError(f"{url} did not answer within {timeout_s:.0f} s.")


def stop(process: subprocess.Popen[bytes] | None) -> None:
    """Terminate by PID, kill after 10 s."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
