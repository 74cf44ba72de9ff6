"""Who may use the app: logins from CLUSTERQA_AUTH, and no serving beyond this machine without one."""

from __future__ import annotations

import ipaddress
from pathlib import Path

from .errors import ConfigError

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def parse_auth(value: str) -> list[tuple[str, str]]:
    """Logins from CLUSTERQA_AUTH: 'user:pass,user2:pass2', or the path of a file of such pairs (one or
    more a line, '#' comments). '' means no login."""
    value = value.strip()
    if not value:
        return []
    text = value
    if ":" not in value or Path(value).is_file():
        path = Path(value)
        if not path.is_file():
            raise ConfigError(f"CLUSTERQA_AUTH is neither 'user:password' pairs nor a file: '{value}'.")
        text = ",".join(line.split("#", 1)[0] for line in path.read_text(encoding="utf-8").splitlines())
    pairs = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        user, sep, password = item.partition(":")
        if not sep or not user.strip() or not password:
            raise ConfigError(
                f"CLUSTERQA_AUTH entry '{user.strip() or item}' is not 'user:password'. "
                "Use 'alice:secret,bob:secret2' or a file with one pair a line."
            )
        pairs.append((user.strip(), password))
    if not pairs:
        raise ConfigError("CLUSTERQA_AUTH is set but holds no 'user:password' pair.")
    return pairs


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, auth: list[tuple[str, str]]) -> None:
    """Refuse to serve beyond this machine without a login."""
    if not is_loopback(host) and not auth:
        raise ConfigError(
            f"Refusing to bind {host} without a login: anyone on the network could use the app. "
            "Set CLUSTERQA_AUTH='user:password' (or a file of such pairs), or use CLUSTERQA_HOST=127.0.0.1."
        )
