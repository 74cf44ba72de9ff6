"""A network guard for test subprocesses: with PYTHONPATH including this folder and
CLUSTERQA_NETGUARD_LOG set, Python imports this at start-up, and any attempt to connect to, send to
or look up a host that is not this machine is refused before it leaves and written to the log.

The same `install` arms the test process itself (tests/conftest.py, fixture `no_network`).
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from collections.abc import Callable
from typing import Any

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback", ""}


class NetworkBlocked(PermissionError):
    """Raised instead of a connection to a host that is not this machine."""


def is_local(host: Any) -> bool:
    """Loopback addresses and names (and the wildcard a server binds): nothing that leaves the machine."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]").split("%")[0]
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def install(report: Callable[[str], None]) -> None:
    """Patch socket so non-local connects, sends and lookups are reported and refused."""
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_sendto, real_getaddrinfo = socket.socket.sendto, socket.getaddrinfo

    def refuse(what: str, target: Any) -> None:
        report(f"{what} {target!r}")
        raise NetworkBlocked(f"clusterqa network guard: {what} {target!r} refused (not this machine)")

    def host_of(sock: socket.socket, address: Any) -> Any:
        if sock.family == socket.AF_UNIX:
            return "localhost"
        return address[0] if isinstance(address, tuple) else address

    def connect(self: socket.socket, address: Any) -> None:
        if not is_local(host_of(self, address)):
            refuse("connect", address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not is_local(host_of(self, address)):
            refuse("connect", address)
        return real_connect_ex(self, address)

    def sendto(self: socket.socket, data: Any, *args: Any) -> int:
        address = args[-1]
        if not is_local(host_of(self, address)):
            refuse("sendto", address)
        return real_sendto(self, data, *args)  # type: ignore[arg-type]

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not is_local(host):
            refuse("lookup", host)
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign,assignment]
    socket.getaddrinfo = getaddrinfo


def _arm_from_environment() -> None:
    log = os.environ.get("CLUSTERQA_NETGUARD_LOG")
    if not log:
        return

    def report(line: str) -> None:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"blocked {os.getpid()} {line}\n")

    install(report)
    with open(log, "a", encoding="utf-8") as out:
        out.write(f"armed {os.getpid()} {' '.join(sys.argv)[:200]}\n")


_arm_from_environment()
