"""Stored events → incidents, through ``presslens.incidents.link_incidents``.

The linker works on :class:`Article` objects with :class:`Event` objects (it compares texts and
places), so the stored JSON is turned back into them here. Each article's ``id`` is its store
id, which makes every incident source point at ``/articles/<id>``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from presslens.document import Article, Span
from presslens.events.model import Attribution, Count, DateRange, Event, Mention, Place
from presslens.store import Filters, Store

#: Articles linked in one request at most (newest first): linking is seconds per 10,000.
MAX_ARTICLES = 5000


def stored_incidents(store: Store, filters: Filters, *, limit: int) -> dict[str, Any]:
    """Incidents among the newest ``limit`` matching articles that report events."""
    from presslens.incidents import link_incidents

    ids = store.ids(filters, with_events=True, newest_first=True, limit=limit + 1)
    truncated = len(ids) > limit
    stored = list(store.load(ids[:limit]))
    articles = [_article(item) for item in stored]
    incidents = link_incidents(articles)
    return {
        "articles_considered": len(articles),
        "truncated": truncated,
        "incidents": [incident.to_dict() for incident in incidents],
        "articles": {
            str(item["id"]): {
                "id": item["id"],
                "title": item["article"].get("title"),
                "outlet": item["article"].get("outlet"),
                "url": item["article"].get("url"),
                "published": item["article"].get("published"),
            }
            for item in stored
        },
    }


def _article(stored: dict[str, Any]) -> Article:
    data = stored["article"]
    published = data.get("published")
    return Article(
        text=data["text"],
        title=data.get("title"),
        id=str(stored["id"]),
        source=data.get("url") or data.get("source"),
        url=data.get("url"),
        outlet=data.get("outlet"),
        published=dt.date.fromisoformat(published[:10]) if published else None,
        language=data.get("language"),
        events=[event_from_dict(event) for event in data.get("events") or []],
    )


def event_from_dict(data: dict[str, Any]) -> Event:
    """The inverse of ``Event.to_dict`` (spans of mentions, places and dates are not stored)."""
    place = data.get("place")
    date = data.get("date")
    attribution = data.get("attribution") or {"kind": "author"}
    return Event(
        type=data["type"],
        evidence=[Span(s["start"], s["end"]) for s in data.get("evidence") or []],
        actor=_mention(data.get("actor")),
        target=_mention(data.get("target")),
        victims_group=[m for m in map(_mention, data.get("victims_group") or []) if m],
        place=Place(**{k: place.get(k) for k in _PLACE_FIELDS}) if place else None,
        date=DateRange(date["start"], date["end"], date["granularity"], date.get("text") or "")
        if date
        else None,
        counts={
            kind: Count(c["low"], c.get("high"), c.get("exact"), c.get("text") or "")
            for kind, c in (data.get("counts") or {}).items()
        },
        attribution=Attribution(
            attribution["kind"], attribution.get("source"), attribution.get("text")
        ),
        score=float(data.get("score", 1.0)),
    )


_PLACE_FIELDS = ("text", "name", "geonames_id", "admin1", "country", "lat", "lon")


def _mention(data: dict[str, Any] | None) -> Mention | None:
    return Mention(data["text"], data.get("kind") or "") if data else None
