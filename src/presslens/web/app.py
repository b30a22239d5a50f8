"""A small WSGI application: routes, requests, responses, one error shape, the safety rules.

Why stdlib WSGI and no framework: the server is local, single-user and low-traffic, and
``wsgiref`` plus ~300 lines keeps presslens free of a web dependency while tests call the app
in-process (as Datasette's tests do). The rules every response follows live here, not in
handlers:

- errors are ``{"ok": false, "error", "status"}`` (JSON) and never carry a traceback;
- bodies over ``max_body_bytes`` are refused (413) before they are read;
- write endpoints need ``Authorization: Bearer TOKEN`` when a token is set (always, when the
  server listens beyond loopback) and a JSON body, so a web page elsewhere cannot post to them;
- on loopback, requests must name a loopback ``Host`` (no DNS rebinding);
- every response carries a Content-Security-Policy that allows only this server's own files.
"""

from __future__ import annotations

import hmac
import json
import logging
import re
import traceback
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

from presslens.errors import InputError, ModelError, PresslensError

log = logging.getLogger(__name__)

#: Largest request body accepted: room for a long article or a batch of them.
DEFAULT_MAX_BODY = 5 * 1024 * 1024
#: Host names a loopback-bound server answers to.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

SECURITY_HEADERS = (
    (
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
)

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


class HTTPError(PresslensError):
    """An error with an HTTP status; its message is shown to the client as is."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(slots=True)
class Request:
    """What a handler needs from one request: first value of each query parameter, body."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes = b""
    params: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json(self) -> Any:
        """The body as JSON; a 400 that says what is wrong when it is not."""
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise HTTPError(400, f"the request body is not valid JSON ({exc})") from None

    def text(self) -> str:
        try:
            return self.body.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPError(400, "the request body is not UTF-8 text") from None


@dataclass(slots=True)
class Response:
    status: int
    body: bytes
    content_type: str
    headers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def json(cls, data: Any, status: int = 200) -> Response:
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return cls(status, body, "application/json", [("Cache-Control", "no-store")])

    @classmethod
    def html(cls, text: str) -> Response:
        return cls(200, text.encode("utf-8"), "text/html; charset=utf-8")

    @classmethod
    def error(cls, status: int, message: str) -> Response:
        return cls.json({"ok": False, "error": message, "status": status}, status)


Handler = Callable[[Request], Response]


@dataclass(frozen=True, slots=True)
class Route:
    """``pattern`` is a regex over the path with named groups; ``write`` needs the token."""

    method: str
    pattern: re.Pattern[str]
    handler: Handler
    write: bool = False


def route(method: str, pattern: str, handler: Handler, *, write: bool = False) -> Route:
    return Route(method, re.compile(f"^{pattern}$"), handler, write)


@dataclass(frozen=True, slots=True)
class Guard:
    """The safety settings of one server (see the module docstring)."""

    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS


class WSGIApp:
    """Dispatch requests to routes under the rules of a :class:`Guard`."""

    def __init__(self, routes: Iterable[Route], guard: Guard) -> None:
        self.routes = list(routes)
        self.guard = guard

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> list[bytes]:
        response = self.handle(environ)
        headers = [
            ("Content-Type", response.content_type),
            ("Content-Length", str(len(response.body))),
            *SECURITY_HEADERS,
            *response.headers,
        ]
        phrase = HTTPStatus(response.status).phrase
        start_response(f"{response.status} {phrase}", headers)
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [response.body]

    def handle(self, environ: Mapping[str, Any]) -> Response:
        """One request → one response; every error becomes the one JSON error shape."""
        try:
            request = self._request(environ)
            found = self._match(request)
            if found.write:
                self._check_write(request)
            request.body = self._body(environ)
            return found.handler(request)
        except HTTPError as exc:
            return Response.error(exc.status, str(exc))
        except InputError as exc:
            return Response.error(400, str(exc))
        except ModelError as exc:
            return Response.error(503, f"{exc}")
        except PresslensError as exc:
            return Response.error(500, f"{type(exc).__name__}: {exc}")
        except Exception:
            log.error("unexpected error:\n%s", traceback.format_exc())
            return Response.error(500, "internal error; the server log has the details")

    def _request(self, environ: Mapping[str, Any]) -> Request:
        headers = {
            key[5:].replace("_", "-").lower(): str(value)
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            headers["content-type"] = str(environ["CONTENT_TYPE"])
        self._check_host(headers.get("host", ""))
        query = parse_qs(str(environ.get("QUERY_STRING", "")), keep_blank_values=True)
        return Request(
            method=str(environ.get("REQUEST_METHOD", "GET")).upper(),
            path=_decode_path(str(environ.get("PATH_INFO", "/"))),
            query={key: values[0] for key, values in query.items()},
            headers=headers,
        )

    def _match(self, request: Request) -> Route:
        allowed = []
        for candidate in self.routes:
            match = candidate.pattern.match(request.path)
            if not match:
                continue
            method = "GET" if request.method == "HEAD" else request.method
            if candidate.method == method:
                request.params = match.groupdict()
                return candidate
            allowed.append(candidate.method)
        if allowed:
            raise HTTPError(405, f"{request.method} is not allowed here; use {', '.join(allowed)}")
        raise HTTPError(404, f"nothing at {request.path}; the API is described at /openapi.json")

    def _check_host(self, host: str) -> None:
        if self.guard.allowed_hosts is None:
            return
        name = urlsplit(f"//{host}").hostname or ""
        if name not in self.guard.allowed_hosts:
            raise HTTPError(
                400,
                f"unexpected Host {host!r}: this server answers to "
                f"{', '.join(self.guard.allowed_hosts)} only",
            )

    def _check_write(self, request: Request) -> None:
        token = self.guard.token
        if token is not None:
            given = request.headers.get("authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                raise HTTPError(
                    401,
                    "this endpoint changes the collection and needs the server's token: send "
                    "'Authorization: Bearer TOKEN' (the token was printed when it started)",
                )
        origin = request.headers.get("origin")
        if origin and urlsplit(origin).netloc != request.headers.get("host"):
            raise HTTPError(403, f"writes from another site ({origin}) are not allowed")
        if request.method == "POST" and request.content_type != "application/json":
            raise HTTPError(415, "send the body as JSON with Content-Type: application/json")

    def _body(self, environ: Mapping[str, Any]) -> bytes:
        raw = str(environ.get("CONTENT_LENGTH") or "0").strip()
        try:
            length = int(raw)
        except ValueError:
            raise HTTPError(400, f"invalid Content-Length {raw!r}") from None
        if length > self.guard.max_body_bytes:
            limit = self.guard.max_body_bytes / 2**20
            raise HTTPError(
                413,
                f"the request body is {length / 2**20:.1f} MB, over this server's "
                f"{limit:g} MB limit; send fewer or shorter articles per request",
            )
        if length <= 0:
            return b""
        body: bytes = environ["wsgi.input"].read(length)
        return body


def _decode_path(path: str) -> str:
    """WSGI gives PATH_INFO as latin-1-decoded bytes; undo that to get the UTF-8 path."""
    try:
        return path.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return path
