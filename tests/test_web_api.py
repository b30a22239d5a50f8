"""The HTTP API and pages, called in-process through WSGI (no port), with exact JSON checks."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from presslens import cli
from presslens.ingest import ingest_articles
from presslens.ingest.fake import keyword_analyzer, made_up_articles
from presslens.read import article_from_text
from presslens.store import Filters, Store
from presslens.web import Guard, create_app
from presslens.web.app import WSGIApp
from presslens.web.openapi import openapi_document
from presslens.web.pages import PAGES, static_files
from presslens.web.server import guard_for, is_loopback

HOSTILE = "<script>alert('x')</script>"
HOSTILE_ARTICLE = article_from_text(
    f"Title {HOSTILE}\n\nA shocking <img src=x onerror=alert(1)> claim.",
    url="javascript:alert(1)",
    outlet=f"{HOSTILE} Outlet",
    published="2025-02-01",
)


class Client:
    """Calls a WSGI app the way a server would; returns (status, headers, parsed body)."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def call(
        self,
        method: str,
        path: str,
        *,
        query: str = "",
        body: bytes = b"",
        content_type: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], Any]:
        environ: dict[str, Any] = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "CONTENT_LENGTH": str(len(body)),
            "HTTP_HOST": "127.0.0.1:8000",
            "wsgi.input": io.BytesIO(body),
        }
        if content_type:
            environ["CONTENT_TYPE"] = content_type
        for name, value in (headers or {}).items():
            environ["HTTP_" + name.upper().replace("-", "_")] = value
        captured: dict[str, Any] = {}

        def start_response(status: str, response_headers: list[tuple[str, str]]) -> None:
            captured["status"] = int(status.split()[0])
            captured["headers"] = dict(response_headers)

        raw = b"".join(self.app(environ, start_response))
        kind = captured["headers"]["Content-Type"]
        parsed = json.loads(raw) if kind == "application/json" else raw.decode("utf-8")
        return captured["status"], captured["headers"], parsed

    def get(self, path: str, query: str = "") -> tuple[int, Any]:
        status, _, body = self.call("GET", path, query=query)
        return status, body

    def post_json(self, path: str, data: Any, **kwargs: Any) -> tuple[int, Any]:
        body = json.dumps(data).encode()
        status, _, parsed = self.call(
            "POST", path, body=body, content_type="application/json", **kwargs
        )
        return status, parsed


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "web.db")
    ingest_articles(
        [*made_up_articles(40, seed=5), HOSTILE_ARTICLE], store, analyze_batch=keyword_analyzer
    )
    return store


@pytest.fixture
def client(store: Store) -> Client:
    return Client(create_app(store, analyze_batch=keyword_analyzer))


@pytest.fixture
def guarded(store: Store) -> Client:
    return Client(create_app(store, analyze_batch=keyword_analyzer, guard=Guard(token="s3cret")))


def test_web_openapi_documents_exactly_the_routes(client: Client) -> None:
    status, document = client.get("/openapi.json")
    assert status == 200 and document["openapi"].startswith("3.1")
    documented = {
        (method.upper(), path) for path, item in document["paths"].items() for method in item
    }
    pages = {page.path for page in PAGES} | {r"/static/(?P<name>[A-Za-z0-9_.-]+)"}
    routed = {
        (r.method, re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", r.pattern.pattern[1:-1]))
        for r in client.app.routes
        if r.pattern.pattern[1:-1] not in pages
    }
    assert routed == documented
    writes = {(r.method, r.pattern.pattern) for r in client.app.routes if r.write}
    assert len(writes) == 2
    assert document["paths"]["/api/ingest"]["post"]["security"] == [{"token": []}]
    assert openapi_document() is openapi_document()


def test_web_search_returns_the_stores_own_dict(client: Client, store: Store) -> None:
    status, body = client.get("/api/search", "q=drone&outlet=Daily+Example&limit=5")
    assert status == 200 and body.pop("ok") is True
    assert body == store.search(Filters(q="drone", outlet="Daily Example"), limit=5)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('q=U.S.+"open', "cannot understand the search query"),
        ("limit=many", "limit must be a whole number"),
        ("limit=100000", "limit must be 1..500"),
        ("date_from=yesterday", "ISO date"),
        ("sort=best", "sort must be one of"),
    ],
)
def test_web_search_bad_input_is_a_400_with_a_message(
    client: Client, query: str, message: str
) -> None:
    status, body = client.get("/api/search", query)
    assert status == 400
    assert body["ok"] is False and body["status"] == 400 and message in body["error"]


def test_web_errors_share_one_shape(client: Client) -> None:
    cases = [("GET", "/nowhere", 404), ("PUT", "/api/search", 405), ("GET", "/api/articles/0", 404)]
    for method, path, status in cases:
        got, _, body = client.call(method, path)
        assert got == status
        assert set(body) == {"ok", "error", "status"} and body["status"] == status


def test_web_article_and_versions(client: Client, store: Store) -> None:
    status, body = client.get("/api/articles/1")
    assert status == 200 and body["id"] == 1 and body["version"] == 1
    assert body["article"] == store.get(1)["article"]  # type: ignore[index]
    assert [v["id"] for v in body["versions"]] == [1]


def test_web_analyse_does_not_store(client: Client, store: Store) -> None:
    before = store.count()
    status, body = client.post_json("/api/analyse", {"text": "Title\n\nA shocking threat."})
    assert status == 200 and store.count() == before
    (article,) = body["articles"]
    labels = {t["label"] for p in article["paragraphs"] for t in p["techniques"]}
    assert labels == {"Loaded_Language", "Appeal_to_Fear-Prejudice"}
    assert article["text"] == "Title\n\nA shocking threat."


PAGE = (
    b"<html><head><title>Page</title></head><body><article><h1>Page</h1>"
    b"<p>The army said the market is a threat to the economy of the nation today.</p>"
    b"<p>Second paragraph with more words about the army and the economy.</p>"
    b"</article></body></html>"
)
TWO_RECORDS = b'{"title": "One", "text": "First."}\n{"title": "Two", "text": "Second."}\n'


@pytest.mark.parametrize(
    ("content_type", "query", "body", "titles"),
    [
        ("text/plain", "title=Given", b"Given\n\nSome army news.", ["Given"]),
        ("text/html", "", PAGE, ["Page"]),
        ("application/octet-stream", "name=two.jsonl", TWO_RECORDS, ["One", "Two"]),
    ],
)
def test_web_analyse_reads_text_html_and_files(
    client: Client, content_type: str, query: str, body: bytes, titles: list[str]
) -> None:
    status, _, parsed = client.call(
        "POST", "/api/analyse", query=query, body=body, content_type=content_type
    )
    assert status == 200, parsed
    assert [a["title"] for a in parsed["articles"]] == titles


def test_web_analyse_reads_posted_html_with_metadata(client: Client) -> None:
    page = {"html": PAGE.decode(), "outlet": "Given Outlet", "url": "https://example.org/p"}
    status, body = client.post_json("/api/analyse", page)
    assert status == 200
    (article,) = body["articles"]
    assert (article["title"], article["outlet"]) == ("Page", "Given Outlet")
    assert article["url"] == "https://example.org/p"


def test_web_analyse_rejects_empty_and_shapeless_bodies(client: Client) -> None:
    assert client.post_json("/api/analyse", {"text": "   "})[0] == 400
    assert client.post_json("/api/analyse", {"words": "x"})[1]["error"].endswith(
        "needs a 'text' or an 'html' string"
    )
    status, _, body = client.call(
        "POST", "/api/analyse", body=b"{", content_type="application/json"
    )
    assert status == 400 and "not valid JSON" in body["error"]


def test_web_ingest_stores_idempotently(client: Client, store: Store) -> None:
    story = "New story\n\nPolice said five people were detained in Kazan."
    articles = [
        {
            "text": story,
            "outlet": "Wire",
            "url": "https://example.org/n",
            "published": "2025-04-01",
        },
        {"title": "Bad"},
    ]
    status, body = client.post_json("/api/ingest", {"articles": articles})
    assert status == 200 and (body["added"], body["duplicates"]) == (1, 0)
    assert body["errors"][0]["message"].startswith("articles[1] needs a 'text'")
    assert client.post_json("/api/ingest", {"articles": articles[:1]})[1]["duplicates"] == 1
    assert store.search(Filters(outlet="Wire"))["total"] == 1


def test_web_writes_need_the_token_when_one_is_set(guarded: Client) -> None:
    payload = {"articles": [{"text": "A\n\nB"}]}
    status, body = guarded.post_json("/api/ingest", payload)
    assert status == 401 and "Authorization: Bearer" in body["error"]
    wrong = {"Authorization": "Bearer guess"}
    assert guarded.post_json("/api/ingest", payload, headers=wrong)[0] == 401
    right = {"Authorization": "Bearer s3cret"}
    assert guarded.post_json("/api/ingest", payload, headers=right)[0] == 200
    assert guarded.call("DELETE", "/api/articles/1")[0] == 401
    assert guarded.call("DELETE", "/api/articles/1", headers=right)[0] == 200
    assert guarded.call("DELETE", "/api/articles/1", headers=right)[0] == 404
    assert guarded.get("/api/search")[0] == 200  # reading needs no token


def test_web_writes_refuse_other_sites_and_non_json(client: Client) -> None:
    body = b'{"articles": []}'
    status, _, parsed = client.call("POST", "/api/ingest", body=body, content_type="text/plain")
    assert status == 415 and "application/json" in parsed["error"]
    status, _, parsed = client.call(
        "POST",
        "/api/ingest",
        body=body,
        content_type="application/json",
        headers={"Origin": "https://evil.example"},
    )
    assert status == 403 and "another site" in parsed["error"]


def test_web_request_size_limit(store: Store) -> None:
    client = Client(
        create_app(store, analyze_batch=keyword_analyzer, guard=Guard(max_body_bytes=100))
    )
    status, body = client.post_json("/api/analyse", {"text": "x" * 200})
    assert status == 413 and "over this server's" in body["error"]


def test_web_loopback_server_refuses_foreign_host_headers(client: Client) -> None:
    status, _, body = client.call("GET", "/api/search", headers={"Host": "evil.example:8000"})
    assert status == 400 and "unexpected Host" in body["error"]
    assert client.call("GET", "/api/search", headers={"Host": "localhost:8000"})[0] == 200


def test_web_guard_for_non_loopback_always_has_a_token() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert guard_for("127.0.0.1", token=None).token is None
    remote = guard_for("0.0.0.0", token=None)
    assert remote.token and len(remote.token) >= 24 and remote.allowed_hosts is None
    assert guard_for("0.0.0.0", token="mine").token == "mine"


def test_web_aggregates_facets_definitions_incidents(client: Client) -> None:
    status, agg = client.get("/api/aggregates", "kind=frame&by=week&outlet=Daily+Example")
    assert status == 200 and agg["filters"] == {"outlet": "Daily Example"}
    assert sum(g["articles"] for g in agg["groups"]) == 10
    assert client.get("/api/aggregates", "kind=colour")[0] == 400
    facets = client.get("/api/facets")[1]
    assert facets["articles"] == 41
    definitions = client.get("/api/definitions")[1]["definitions"]
    assert {"Loaded_Language", "Economic", "opinion"} <= {d["label"] for d in definitions}
    status, found = client.get("/api/incidents", "place=Kazan")
    assert status == 200 and found["incidents"]
    for incident in found["incidents"]:
        assert incident["place"]["name"] == "Kazan"
        for source in incident["sources"]:
            assert found["articles"][source["source"]]["id"] == int(source["source"])
    assert client.get("/api/incidents", "limit=0")[0] == 400


def test_web_pages_are_data_free_shells_with_a_strict_policy(client: Client) -> None:
    for path in ("/", "/analyse", "/incidents", "/definitions", "/articles/41"):
        status, headers, html = client.call("GET", path)
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "alert(" not in html and "<script>" not in html
        assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html), "inline script"


def test_web_hostile_text_only_travels_as_json(client: Client) -> None:
    status, headers, body = client.call("GET", "/api/articles/41")
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert body["article"]["outlet"] == f"{HOSTILE} Outlet"


def test_web_static_files_never_build_html_from_strings(client: Client) -> None:
    files = static_files().items()
    scripts = {name: body.decode() for name, (body, _) in files if name.endswith(".js")}
    assert {"common.js", "analysis.js", "collection.js", "incidents.js"} <= set(scripts)
    for name, code in scripts.items():
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, f"{name} uses {sink}"
    assert client.call("GET", "/static/common.js")[1]["Content-Type"].startswith("text/javascript")
    assert client.get("/static/../store/_store.py")[0] == 404
    assert client.get("/static/missing.js")[0] == 404


def test_web_every_page_loads_only_existing_scripts() -> None:
    names = set(static_files())
    for page in PAGES:
        assert {"common.js", *page.scripts} <= names


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> Callable[[list[str]], int]:
    monkeypatch.setattr(cli, "COMMANDS", ("serve",))
    return cli.main


def test_web_serve_get_answers_one_request(
    run_cli: Callable[[list[str]], int], store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(store.path)
    assert run_cli(["serve", "--db", db, "--get", "/api/search?q=drone&limit=1"]) == 0
    assert json.loads(capsys.readouterr().out)["results"][0]["id"]
    assert run_cli(["serve", "--db", db, "--get", "/api/search?q=%22"]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == 400


def test_web_docs_describe_every_endpoint() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "api.md").read_text("utf-8")
    for path, item in openapi_document()["paths"].items():
        for method in item:
            assert f"`{method.upper()} {path.replace('{id}', 'ID')}" in docs, (method, path)
