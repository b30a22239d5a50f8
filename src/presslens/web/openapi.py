"""The OpenAPI 3.1 document served at /openapi.json: the API's contract, kept next to it.

tests/test_web_api.py fails when a route is missing here or a path here has no route.
"""

from __future__ import annotations

import functools
from typing import Any

from presslens import __version__
from presslens.store import AGGREGATE_GROUPS, AGGREGATE_KINDS, MAX_LIMIT, SORTS
from presslens.web.incidents import MAX_ARTICLES

_FILTERS = {
    "q": "Full-text query (SQLite FTS5 syntax) over title and text: words are ANDed; "
    '"a phrase", OR, NOT, NEAR(), prefix*, title:word. A syntax error gives a 400.',
    "outlet": "Exact outlet name.",
    "language": "ISO 639-1 code of the article's language.",
    "date_from": "Published on or after this ISO date.",
    "date_to": "Published on or before this ISO date.",
    "genre": "Genre label (reporting, opinion, satire).",
    "frame": "Frame label, e.g. Security_and_defense.",
    "technique": "Persuasion technique label, e.g. Loaded_Language.",
    "event_type": "Articles reporting an event of this type.",
    "place": "Event place: name or text (substring, any case) or country code.",
}
_OBJECT = {"type": "object", "additionalProperties": True}


def _query(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _filters() -> list[dict[str, Any]]:
    return [_query(name, text) for name, text in _FILTERS.items()]


def _ok(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "200": {
            "description": description,
            "content": {"application/json": {"schema": schema or _OBJECT}},
        },
        "400": {"$ref": "#/components/responses/Error"},
    }


_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
_WRITE: list[dict[str, list[str]]] = [{"token": []}]


@functools.cache
def openapi_document() -> dict[str, Any]:
    """The document; built once, since nothing in it changes while the server runs."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "presslens",
            "version": __version__,
            "description": "Analyse news articles (persuasion techniques with evidence, frames, "
            "genre, events) and search a stored collection. Every error is "
            '{"ok": false, "error": message, "status": code}. Write endpoints need '
            "'Authorization: Bearer TOKEN' when the server has a token (always when it listens "
            "beyond loopback) and a JSON body.",
        },
        "paths": {
            "/openapi.json": {"get": {"summary": "This document.", "responses": _ok("OpenAPI")}},
            "/api/analyse": {
                "post": {
                    "summary": "Analyse text, HTML or a file without storing it.",
                    "description": "JSON {text|html, title, url, outlet, published, language}; "
                    "or a raw text/plain or text/html body; or any other content type as a "
                    "file's bytes, read by the extension of ?name= (.txt, .html, .jsonl).",
                    "parameters": [
                        _query("name", "File name of a raw upload (its extension decides)."),
                        *(
                            _query(n, f"Article {n} of a raw body.")
                            for n in ("title", "url", "published", "language", "id")
                        ),
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Posted"}},
                            "text/plain": {"schema": {"type": "string"}},
                            "text/html": {"schema": {"type": "string"}},
                            "application/octet-stream": {
                                "schema": {"type": "string", "format": "binary"}
                            },
                        },
                    },
                    "responses": _ok(
                        "articles: analyses (docs/schema.md); errors: inputs that could not be read"
                    ),
                }
            },
            "/api/ingest": {
                "post": {
                    "summary": "Analyse and store articles (idempotent; see docs/collections.md).",
                    "security": _WRITE,
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["articles"],
                                    "properties": {
                                        "articles": {
                                            "type": "array",
                                            "items": {"$ref": "#/components/schemas/Posted"},
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "responses": _ok("added, updated, duplicates, ids, errors"),
                }
            },
            "/api/search": {
                "get": {
                    "summary": "Full-text search with filters; latest versions only.",
                    "parameters": [
                        *_filters(),
                        _query(
                            "limit", f"Results per page, 1..{MAX_LIMIT} (20).", {"type": "integer"}
                        ),
                        _query("offset", "Results to skip.", {"type": "integer"}),
                        _query(
                            "sort",
                            "relevance (the default with q), newest (without), oldest, title, "
                            "outlet or genre; -title, -outlet, -genre reverse.",
                            {"enum": list(SORTS)},
                        ),
                    ],
                    "responses": _ok(
                        "total, results [{id, title, outlet, published, snippet "
                        "[{text, match}], techniques, frames, events}]"
                    ),
                }
            },
            "/api/articles/{id}": {
                "get": {
                    "summary": "One stored article with its analysis and versions.",
                    "parameters": [_ID],
                    "responses": {
                        **_ok("id, version, versions, article"),
                        "404": {"$ref": "#/components/responses/Error"},
                    },
                },
                "delete": {
                    "summary": "Delete one stored version (the previous becomes latest).",
                    "security": _WRITE,
                    "parameters": [_ID],
                    "responses": {
                        **_ok("deleted"),
                        "404": {"$ref": "#/components/responses/Error"},
                    },
                },
            },
            "/api/aggregates": {
                "get": {
                    "summary": "Share of articles per outlet or ISO week carrying each label.",
                    "parameters": [
                        _query("kind", "What to count.", {"enum": list(AGGREGATE_KINDS)}),
                        _query("by", "How to group.", {"enum": list(AGGREGATE_GROUPS)}),
                        *_filters(),
                    ],
                    "responses": _ok("labels, groups [{key, articles, counts, shares}]"),
                }
            },
            "/api/facets": {
                "get": {
                    "summary": "Outlets, languages, labels and dates present, with counts.",
                    "responses": _ok("facets"),
                }
            },
            "/api/incidents": {
                "get": {
                    "summary": "Events of the matching articles linked into incidents.",
                    "parameters": [
                        *_filters(),
                        _query(
                            "limit",
                            f"Newest articles with events to link, 1..{MAX_ARTICLES} (1000).",
                            {"type": "integer"},
                        ),
                    ],
                    "responses": _ok("incidents (docs/incidents.md), articles by id"),
                }
            },
            "/api/definitions": {
                "get": {
                    "summary": "Every technique, frame and genre in plain words, with an example.",
                    "responses": _ok(
                        "definitions [{label, kind, name, group, definition, example}]"
                    ),
                }
            },
        },
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Posted": {
                    "type": "object",
                    "description": "An article to analyse: text (plain-text rules: a first line "
                    "followed by a blank line is the title) or html (a web page).",
                    "properties": {
                        "text": {"type": "string"},
                        "html": {"type": "string"},
                        **{
                            name: {"type": "string"}
                            for name in ("title", "url", "outlet", "published", "language", "id")
                        },
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["ok", "error", "status"],
                    "properties": {
                        "ok": {"const": False},
                        "error": {"type": "string"},
                        "status": {"type": "integer"},
                    },
                },
            },
            "responses": {
                "Error": {
                    "description": "What went wrong and how to fix it.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    },
                }
            },
        },
    }
