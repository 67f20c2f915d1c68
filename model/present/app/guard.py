"""The app trusts only its own address.

A page elsewhere can make the browser send requests to the app (a form posted across
sites, or DNS rebinding: a foreign name that resolves to 127.0.0.1, after which the
foreign page counts as the app's own origin). So every request must name the app's own
address in ``Host`` (the loopback names with the app's port, or the ``--host`` given),
else it is refused with 400; and a request that changes anything (every method but
GET, HEAD and OPTIONS: the callbacks that start what-ifs, keep options, save files and
write the brief) whose ``Origin`` (or, without one, ``Referer``) is another site is
refused with 403. The refusal is one line in Swedish and English.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from flask import Flask, Response, request

from .i18n import tr

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WILDCARD = ("0.0.0.0", "::", "")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def _norm(name: str) -> str:
    name = name.strip().lower().rstrip(".")
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    try:
        return ipaddress.ip_address(name).compressed
    except ValueError:
        return name


def own_names(host: str) -> set[str]:
    """The names the app answers to when it listens on ``host``: the loopback names,
    the host given and, for a wildcard address, this machine's names and addresses."""
    names = {_norm(h) for h in LOOPBACK}
    if host not in WILDCARD:
        names.add(_norm(host))
        return names
    for name in {socket.gethostname(), socket.getfqdn()}:
        names.add(_norm(name))
        try:
            names.update(_norm(i[4][0]) for i in socket.getaddrinfo(name, None))
        except OSError:
            pass
    return names


def split_host(value: str) -> tuple[str, int | None] | None:
    """``Host`` as (name, port); None when it is not a host at all."""
    value = value.strip()
    if not value or any(c in value for c in "/@ \t\\"):
        return None
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return None
        name, rest = value[1:end], value[end + 1:]
    elif value.count(":") > 1:
        return None                             # IPv6 must be bracketed
    else:
        name, _, rest = value.partition(":")
        rest = ":" + rest if _ else ""
    if rest and not (rest.startswith(":") and rest[1:].isdigit()):
        return None
    return _norm(name), int(rest[1:]) if rest else None


class Guard:
    """The checks for an app listening on ``host``:``port``."""

    def __init__(self, host: str, port: int):
        self.port = port
        self.names = own_names(host)
        shown = "localhost" if host in WILDCARD or host in LOOPBACK else host
        self.address = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"

    def host_ok(self, value: str | None) -> bool:
        parsed = split_host(value or "")
        if parsed is None:
            return False
        name, port = parsed
        return name in self.names and (port or 80) == self.port

    def origin_ok(self, value: str) -> bool:
        try:
            u = urlsplit(value.strip())
            port = u.port or {"http": 80, "https": 443}.get(u.scheme)
        except ValueError:
            return False
        return (u.scheme == "http" and u.hostname is not None
                and _norm(u.hostname) in self.names and port == self.port)

    def refusal(self) -> Response | None:
        """None when the current request may go on, else the response refusing it."""
        host = request.headers.get("Host")
        if not self.host_ok(host):
            return _refuse(400, "bad_host", host=_shown(host), allowed=self.address)
        if request.method not in SAFE_METHODS:
            origin = request.headers.get("Origin")
            if origin is None:
                origin = request.headers.get("Referer")
            if origin is not None and not self.origin_ok(origin):
                return _refuse(403, "bad_origin", origin=_shown(origin))
        return None


def _shown(value: str | None) -> str:
    text = "".join(c for c in str(value or "") if c.isprintable())[:100]
    return text or "-"


def _refuse(status: int, key: str, **kw) -> Response:
    line = f"{tr(key, 'sv', **kw)} / {tr(key, 'en', **kw)}\n"
    return Response(line, status=status, mimetype="text/plain")


def protect(server: Flask, host: str, port: int) -> Guard:
    """Check every request to ``server`` before anything else handles it."""
    guard = Guard(host, port)
    server.before_request_funcs.setdefault(None, []).insert(0, guard.refusal)
    return guard
