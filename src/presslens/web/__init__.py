"""``presslens serve``: a JSON API (described at /openapi.json) and web pages over one store.

    >>> from presslens.store import Store
    >>> from presslens.web import create_app
    >>> app = create_app(Store("presslens.db"))     # a WSGI application
    >>> # wsgiref, gunicorn or presslens.web.server.serve() can run it

docs/api.md describes the endpoints and the safety rules (loopback by default, a token for
writes elsewhere, request size limits, escaping).
"""

from __future__ import annotations

from presslens.store import Store
from presslens.web.api import api_routes
from presslens.web.app import DEFAULT_MAX_BODY, LOOPBACK_HOSTS, Guard, WSGIApp
from presslens.web.pages import page_routes
from presslens.web.service import Analyzer, Service


def create_app(
    store: Store,
    *,
    analyze_batch: Analyzer | None = None,
    guard: Guard | None = None,
) -> WSGIApp:
    """The whole application over ``store``; ``analyze_batch`` replaces the pipeline in tests."""
    service = Service(store, analyze_batch=analyze_batch)
    return WSGIApp([*api_routes(service), *page_routes()], guard or Guard())


__all__ = ["DEFAULT_MAX_BODY", "LOOPBACK_HOSTS", "Guard", "WSGIApp", "create_app"]
