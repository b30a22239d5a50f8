"""The HTML pages and their static files, all served from the package (no CDN, works offline).

Pages are shells: fixed HTML from templates/ with no article data in them. Their scripts fetch
the JSON API and build the page with DOM calls (``textContent``, never ``innerHTML``), so
article text cannot become markup; the Content-Security-Policy (app.py) allows only these files.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import PurePath
from string import Template

from presslens.web.app import Handler, HTTPError, Request, Response, Route, route


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    path: str
    title: str
    scripts: tuple[str, ...]


#: Every page: its route (a regex), its title and the scripts it loads after common.js.
PAGES = (
    Page("collection", "/", "Collection", ("charts.js", "collection.js")),
    Page("analyse", "/analyse", "Analyse", ("analysis.js", "analyse.js")),
    Page("article", r"/articles/(?P<id>\d+)", "Article", ("analysis.js", "article.js")),
    Page("incidents", "/incidents", "Incidents", ("charts.js", "incidents.js")),
    Page("definitions", "/definitions", "Definitions", ("definitions.js",)),
)


def page_routes() -> list[Route]:
    routes = [route("GET", page.path, _page_handler(page)) for page in PAGES]
    routes.append(route("GET", r"/static/(?P<name>[A-Za-z0-9_.-]+)", _static))
    return routes


def _page_handler(page: Page) -> Handler:
    def handler(_request: Request) -> Response:
        return Response.html(render(page.name))

    return handler


@functools.cache
def render(name: str) -> str:
    """A page's HTML: the base layout around the page's body (rendered once, then cached)."""
    page = next(p for p in PAGES if p.name == name)
    templates = resources.files("presslens.web") / "templates"
    scripts = "\n".join(
        f'<script src="/static/{script}" defer></script>' for script in ("common.js", *page.scripts)
    )
    return Template((templates / "base.html").read_text("utf-8")).substitute(
        title=page.title,
        page=page.name,
        scripts=scripts,
        body=(templates / f"{page.name}.html").read_text("utf-8"),
    )


#: Content types of the static files, fixed here rather than read from the system's mime
#: tables, which differ between machines (.js is application/javascript on some).
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".png": "image/png",
}


@functools.cache
def static_files() -> dict[str, tuple[bytes, str]]:
    """Every file in static/, by name, with its content type: the only files served."""
    folder = resources.files("presslens.web") / "static"
    return {
        item.name: (item.read_bytes(), CONTENT_TYPES[PurePath(item.name).suffix])
        for item in folder.iterdir()
        if item.is_file() and PurePath(item.name).suffix in CONTENT_TYPES
    }


def _static(request: Request) -> Response:
    found = static_files().get(request.params["name"])
    if found is None:
        raise HTTPError(404, f"no static file {request.params['name']!r}")
    body, kind = found
    return Response(200, body, kind, [("Cache-Control", "no-cache")])
