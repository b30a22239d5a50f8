"""``presslens serve``: the web pages and JSON API over one article database.

Listens on 127.0.0.1 unless ``--host`` says otherwise; beyond loopback, writes need a token
(``--token``, ``PRESSLENS_TOKEN``, or a random one printed at start). ``--get PATH`` answers one
request without opening a port, for scripts and smoke tests (as Datasette's ``serve --get``).
"""

from __future__ import annotations

import argparse
import io
import os
import sys

from presslens.cli.search import add_db_argument
from presslens.store import Store
from presslens.web import DEFAULT_MAX_BODY, WSGIApp, create_app
from presslens.web.server import bind, guard_for, is_loopback


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="web pages and JSON API over the article database",
        description="Serve the analyse, collection and incidents pages and the JSON API "
        "(described at /openapi.json) over an article database.",
        epilog="examples:\n"
        "  presslens serve                      http://127.0.0.1:8000/\n"
        "  presslens serve --db week12.db --port 8080\n"
        "  presslens serve --get '/api/search?q=drone'",
    )
    add_db_argument(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (8000)")
    parser.add_argument(
        "--token",
        default=os.environ.get("PRESSLENS_TOKEN"),
        help="token for write endpoints (default: $PRESSLENS_TOKEN; random beyond loopback)",
    )
    parser.add_argument(
        "--max-body-mb",
        type=float,
        default=DEFAULT_MAX_BODY / 2**20,
        help=f"largest request body in MB ({DEFAULT_MAX_BODY / 2**20:g})",
    )
    parser.add_argument("--get", metavar="PATH", help="answer one GET request and exit")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    guard = guard_for(args.host, token=args.token, max_body_bytes=int(args.max_body_mb * 2**20))
    with Store(args.db) as store:
        app = create_app(store, guard=guard)
        if args.get:
            return _get_once(app, args.get)
        server = bind(app, args.host, args.port)
        host = f"[{args.host}]" if ":" in args.host else args.host
        print(f"Serving {args.db} at http://{host}:{server.server_port}/ (Ctrl-C to stop)")
        if not is_loopback(args.host):
            print(f"Listening beyond this machine; write endpoints need the token: {guard.token}")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            print("Stopped.", file=sys.stderr)
        finally:
            server.server_close()
    return 0


def _get_once(app: WSGIApp, target: str) -> int:
    """Run one GET through the app in-process; print the body; exit 1 on an error status."""
    path, _, query = target.partition("?")
    response = app.handle(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "HTTP_HOST": "127.0.0.1",
            "wsgi.input": io.BytesIO(),
        }
    )
    sys.stdout.write(response.body.decode("utf-8") + "\n")
    return 0 if response.status < 400 else 1
