"""What makes two inputs "the same article": its URL, or its normalised content.

Re-ingesting must never duplicate, so both keys are computed from the raw article, before any
analysis runs: a rerun after an interruption skips what is stored without re-analysing it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

#: Query parameters that track a reader, not choose a page: dropped before comparing URLs.
_TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_", "yclid")


def content_hash(title: str | None, text: str) -> str:
    """SHA-256 of title and text after Unicode NFKC, whitespace collapsing and case folding.

    Syndicated copies and re-saved files differ in spacing and invisible characters far more
    often than in words, so those differences are not a new article.
    """
    joined = unicodedata.normalize("NFKC", f"{title or ''}\n{text}")
    normalised = " ".join(joined.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def normalise_url(url: str) -> str:
    """A URL reduced to what identifies the page: no fragment, tracking parameters or ``www.``.

    ``http`` and ``https`` are treated alike because outlets move between them without
    changing the article.
    """
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    query = urlencode(
        sorted(
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith(_TRACKING_PREFIXES)
        )
    )
    return urlunsplit((scheme, host, parts.path.rstrip("/") or "/", query, ""))


def doc_key(url: str | None, digest: str) -> str:
    """The key that groups versions of one article: its URL, else its content."""
    return f"url:{normalise_url(url)}" if url else f"sha256:{digest}"


def iso_week(published: str | None) -> str | None:
    """Monday of the ISO week of an ISO date (``2025-03-06`` → ``2025-03-03``), or None."""
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return (day - dt.timedelta(days=day.weekday())).isoformat()
