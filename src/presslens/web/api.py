"""The JSON API: each handler turns a request into a library call and the call's dict into JSON.

The web pages fetch these same endpoints, so the HTML and the API always show the same data
(Datasette's rule). /openapi.json documents them (openapi.py); a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from presslens import taxonomy
from presslens.document import Article
from presslens.errors import InputError
from presslens.ingest import InputFailure, ingest_articles
from presslens.serialize import article_to_dict
from presslens.store import Filters
from presslens.web.app import HTTPError, Request, Response, Route, route
from presslens.web.incidents import MAX_ARTICLES, stored_incidents
from presslens.web.openapi import openapi_document
from presslens.web.service import Service

#: Fields a posted article may carry besides its ``text`` or ``html``.
ARTICLE_FIELDS = ("title", "url", "outlet", "published", "language", "id")


def api_routes(service: Service) -> list[Route]:
    """Every API route, bound to one service."""

    def bind(handler: Any) -> Any:
        return partial(handler, service)

    return [
        route("GET", "/openapi.json", lambda _request: Response.json(openapi_document())),
        route("POST", "/api/analyse", bind(analyse)),
        route("POST", "/api/ingest", bind(ingest), write=True),
        route("GET", "/api/search", bind(search)),
        route("GET", r"/api/articles/(?P<id>\d+)", bind(get_article)),
        route("DELETE", r"/api/articles/(?P<id>\d+)", bind(delete_article), write=True),
        route("GET", "/api/aggregates", bind(aggregates)),
        route("GET", "/api/facets", bind(facets)),
        route("GET", "/api/incidents", bind(incidents)),
        route("GET", "/api/definitions", lambda _request: Response.json(definitions())),
    ]


def analyse(service: Service, request: Request) -> Response:
    """Analyse posted text, HTML or a file's bytes without storing anything."""
    articles, failures = posted_articles(request)
    if not articles:
        raise HTTPError(400, failures[0].message if failures else "nothing to analyse")
    analysed = service.analyze(articles)
    return Response.json(
        {
            "ok": True,
            "articles": [article_to_dict(article) for article in analysed],
            "errors": [{"source": f.source, "message": f.message} for f in failures],
        }
    )


def ingest(service: Service, request: Request) -> Response:
    """Analyse and store ``{"articles": [{text|html, title, url, ...}]}``."""
    body = request.json()
    records = body.get("articles") if isinstance(body, dict) else None
    if not isinstance(records, list):
        raise HTTPError(400, 'send {"articles": [{"text": "...", "url": "..."}, ...]}')
    items: list[Article | InputError] = []
    for index, record in enumerate(records):
        try:
            items.append(article_from_record(record, where=f"articles[{index}]"))
        except InputError as exc:
            items.append(exc)
    report = ingest_articles(items, service.store, analyze_batch=service.analyze)
    return Response.json({"ok": True, **report.to_dict()})


def search(service: Service, request: Request) -> Response:
    page = service.store.search(
        Filters.from_mapping(request.query),
        limit=_int(request.query, "limit", 20),
        offset=_int(request.query, "offset", 0),
        sort=request.query.get("sort") or None,
    )
    return Response.json({"ok": True, **page})


def get_article(service: Service, request: Request) -> Response:
    stored = service.store.get(int(request.params["id"]))
    if stored is None:
        raise HTTPError(404, f"no stored article with id {request.params['id']}")
    return Response.json({"ok": True, **stored})


def delete_article(service: Service, request: Request) -> Response:
    if not service.store.delete(int(request.params["id"])):
        raise HTTPError(404, f"no stored article with id {request.params['id']}")
    return Response.json({"ok": True, "deleted": int(request.params["id"])})


def aggregates(service: Service, request: Request) -> Response:
    result = service.store.aggregate(
        request.query.get("kind") or "technique",
        request.query.get("by") or "outlet",
        Filters.from_mapping(request.query),
    )
    return Response.json({"ok": True, **result})


def facets(service: Service, request: Request) -> Response:
    return Response.json({"ok": True, **service.store.facets()})


def incidents(service: Service, request: Request) -> Response:
    limit = _int(request.query, "limit", 1000)
    if not 1 <= limit <= MAX_ARTICLES:
        raise HTTPError(400, f"limit must be 1..{MAX_ARTICLES}")
    found = stored_incidents(service.store, Filters.from_mapping(request.query), limit=limit)
    return Response.json({"ok": True, **found})


def definitions() -> dict[str, Any]:
    """Every technique, frame and genre label in plain words, for tooltips and the glossary."""
    return {
        "ok": True,
        "label_set": taxonomy.LABEL_SET,
        "definitions": [entry.to_dict() for entry in taxonomy.ALL],
    }


def posted_articles(request: Request) -> tuple[list[Article], list[InputFailure]]:
    """Articles from a body: JSON ``{text|html, ...}``, raw text or HTML, or a file's bytes.

    A file (any other content type) is read like a file on disk, by the extension of the
    ``name`` query parameter, so an uploaded .html, .txt or .jsonl means what it does on disk.
    """
    from presslens.read import article_from_html, article_from_text, iter_bytes

    kind, query = request.content_type, request.query
    if kind == "application/json":
        return [article_from_record(request.json(), where="the body")], []
    if kind == "text/plain":
        return [article_from_text(request.text(), **_fields(query, html=False))], []
    if kind == "text/html":
        return [article_from_html(request.body, **_fields(query, html=True))], []
    articles: list[Article] = []
    failures: list[InputFailure] = []
    for item in iter_bytes(request.body, name=query.get("name") or "upload"):
        if isinstance(item, InputError):
            failures.append(InputFailure(None, str(item)))
        else:
            articles.append(item)
    return articles, failures


def article_from_record(record: Any, *, where: str) -> Article:
    """One posted article: ``text`` (plain-text rules) or ``html`` (a page), plus metadata."""
    from presslens.read import article_from_html, article_from_text

    if not isinstance(record, dict):
        raise InputError(f"{where} must be a JSON object with a 'text' or 'html' field")
    text, markup = record.get("text"), record.get("html")
    if isinstance(text, str):
        return article_from_text(text, **_fields(record, html=False))
    if isinstance(markup, str):
        article = article_from_html(markup, **_fields(record, html=True))
        article.outlet = _str(record, "outlet") or article.outlet
        return article
    raise InputError(f"{where} needs a 'text' or an 'html' string")


def _fields(values: Mapping[str, Any], *, html: bool) -> dict[str, Any]:
    """Metadata keyword arguments for the readers (the HTML reader takes no title or outlet)."""
    names = ("url", "published", "language", "id") if html else ARTICLE_FIELDS
    return {name: _str(values, name) for name in names}


def _str(values: Mapping[str, Any], name: str) -> str | None:
    value = values.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int):
        raise InputError(f"'{name}' must be a string; got {type(value).__name__}")
    return str(value)


def _int(query: Mapping[str, str], name: str, default: int) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise HTTPError(400, f"{name} must be a whole number; got {raw!r}") from None
