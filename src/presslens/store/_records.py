"""Shaping between the JSON analysis (serialize.py) and the store's rows and export records.

Ingest-time: :func:`label_rows` and :func:`event_rows` pull out what filters and aggregates need.
Export-time: :func:`article_records`, :func:`finding_records` and :func:`event_records` turn one
stored article into the records of ``presslens export``; ``flat=True`` gives CSV-ready scalars.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

#: The kinds of export ``presslens export`` and the API offer.
EXPORT_KINDS = ("articles", "findings", "events")
#: Count kinds of the event schema (events/model.py), in column order.
COUNT_KINDS = ("killed", "injured", "detained", "deported")


def label_rows(analysis: dict[str, Any]) -> list[tuple[str, str, int, float]]:
    """``(kind, label, n, best score)`` per technique, frame, genre and event type found.

    ``n`` counts paragraphs for a technique and events for an event type, so an aggregate can
    say both "how many articles" and "how often".
    """
    found: dict[tuple[str, str], tuple[int, float]] = {}

    def add(kind: str, label: str, score: float) -> None:
        n, best = found.get((kind, label), (0, 0.0))
        found[(kind, label)] = (n + 1, max(best, float(score)))

    for paragraph in analysis.get("paragraphs") or []:
        for technique in paragraph.get("techniques") or []:
            add("technique", technique["label"], technique.get("score", 0.0))
    for frame in analysis.get("frames") or []:
        add("frame", frame["label"], frame.get("score", 0.0))
    genre = analysis.get("genre")
    if genre:
        add("genre", genre["label"], (genre.get("scores") or {}).get(genre["label"], 0.0))
    for event in analysis.get("events") or []:
        add("event", event["type"], event.get("score", 1.0))
    return [(kind, label, n, score) for (kind, label), (n, score) in found.items()]


def event_rows(analysis: dict[str, Any]) -> list[tuple[Any, ...]]:
    """One row per event: index, type, place name/text, country, lat, lon, date range, JSON."""
    rows = []
    for index, event in enumerate(analysis.get("events") or []):
        place = event.get("place") or {}
        date = event.get("date") or {}
        rows.append(
            (
                index,
                event["type"],
                place.get("name"),
                place.get("text"),
                place.get("country"),
                place.get("lat"),
                place.get("lon"),
                date.get("start"),
                date.get("end"),
                json.dumps(event, ensure_ascii=False),
            )
        )
    return rows


def article_records(stored: dict[str, Any], *, flat: bool) -> Iterator[dict[str, Any]]:
    """The article itself: the full analysis (JSONL) or its headline fields (CSV)."""
    analysis = stored["article"]
    if not flat:
        yield {"id": stored["id"], "version": stored["version"], "article": analysis}
        return
    paragraphs = analysis.get("paragraphs") or []
    yield {
        "id": stored["id"],
        "version": stored["version"],
        "url": analysis.get("url"),
        "title": analysis.get("title"),
        "outlet": analysis.get("outlet"),
        "published": analysis.get("published"),
        "language": analysis.get("language"),
        "genre": (analysis.get("genre") or {}).get("label"),
        "frames": ";".join(f["label"] for f in analysis.get("frames") or []),
        "techniques": ";".join(
            sorted({t["label"] for p in paragraphs for t in p.get("techniques") or []})
        ),
        "events": len(analysis.get("events") or []),
        "text": analysis.get("text"),
    }


def finding_records(stored: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One record per piece of evidence of a technique, with the words it points at.

    Findings are flat in every format: a technique without evidence gives one record with
    empty evidence columns, so no finding is dropped from a CSV.
    """
    analysis = stored["article"]
    text = analysis.get("text") or ""
    for paragraph in analysis.get("paragraphs") or []:
        for technique in paragraph.get("techniques") or []:
            for evidence in technique.get("evidence") or [None]:
                yield {
                    **_context(stored),
                    "paragraph": paragraph["index"],
                    "technique": technique["label"],
                    "score": technique.get("score"),
                    "start": evidence["start"] if evidence else None,
                    "end": evidence["end"] if evidence else None,
                    "evidence_score": evidence.get("score") if evidence else None,
                    "evidence": text[evidence["start"] : evidence["end"]] if evidence else None,
                }


def event_records(stored: dict[str, Any], *, flat: bool) -> Iterator[dict[str, Any]]:
    """One record per event: the event JSON (JSONL) or its fields spread into columns (CSV)."""
    for index, event in enumerate(stored["article"].get("events") or []):
        if not flat:
            yield {**_context(stored), "index": index, "event": event}
            continue
        yield {**_context(stored), "index": index, **flatten_event(event)}


def flatten_event(event: dict[str, Any]) -> dict[str, Any]:
    """An event as scalar columns: the shape of a CSV row or a table cell."""
    place = event.get("place") or {}
    date = event.get("date") or {}
    counts = event.get("counts") or {}
    attribution = event.get("attribution") or {}
    row: dict[str, Any] = {
        "type": event.get("type"),
        "actor": _mention(event.get("actor")),
        "target": _mention(event.get("target")),
        "victims_group": "; ".join(_mention(m) or "" for m in event.get("victims_group") or []),
        "place": place.get("name") or place.get("text"),
        "country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_text": date.get("text"),
    }
    for kind in COUNT_KINDS:
        count = counts.get(kind) or {}
        row[f"{kind}_low"] = count.get("low")
        row[f"{kind}_high"] = count.get("high")
        row[f"{kind}_exact"] = count.get("exact")
    row["attribution"] = attribution.get("kind")
    row["attribution_source"] = attribution.get("source")
    row["evidence"] = ";".join(f"{s['start']}-{s['end']}" for s in event.get("evidence") or [])
    return row


def _mention(mention: dict[str, Any] | None) -> str | None:
    if not mention:
        return None
    return f"{mention.get('text')} ({mention.get('kind')})"


def _context(stored: dict[str, Any]) -> dict[str, Any]:
    """The article fields every finding and event record repeats."""
    analysis = stored["article"]
    return {
        "article_id": stored["id"],
        "url": analysis.get("url"),
        "outlet": analysis.get("outlet"),
        "published": analysis.get("published"),
    }
