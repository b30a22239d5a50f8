"""Run the application with the standard library's WSGI server, one thread per request."""

from __future__ import annotations

import ipaddress
import secrets
import socket
import socketserver
from wsgiref.simple_server import WSGIServer, make_server

from presslens.web.app import DEFAULT_MAX_BODY, LOOPBACK_HOSTS, Guard, WSGIApp


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """wsgiref's server, answering requests in threads so a slow analysis blocks no search."""

    daemon_threads = True


class _IPv6Server(ThreadingWSGIServer):
    address_family = socket.AF_INET6


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def guard_for(host: str, *, token: str | None, max_body_bytes: int = DEFAULT_MAX_BODY) -> Guard:
    """The safety settings for a server bound to ``host``.

    Beyond loopback, writes always need a token (a fresh random one when none is given) and
    any Host header is accepted; on loopback, only loopback Host headers are (DNS rebinding).
    """
    if is_loopback(host):
        return Guard(token=token, max_body_bytes=max_body_bytes, allowed_hosts=LOOPBACK_HOSTS)
    return Guard(
        token=token or secrets.token_urlsafe(24),
        max_body_bytes=max_body_bytes,
        allowed_hosts=None,
    )


def bind(app: WSGIApp, host: str, port: int) -> ThreadingWSGIServer:
    """A server listening on ``host:port`` (port 0 picks a free one); call serve_forever()."""
    server_class = _IPv6Server if ":" in host else ThreadingWSGIServer
    return make_server(host, port, app, server_class=server_class)
