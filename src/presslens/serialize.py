"""Article → the documented, versioned JSON analysis (docs/schema.md).

Every view (terminal, HTML, the HTTP API, the store) renders this one dict, so the field names
here are the public contract. Bump :data:`SCHEMA_VERSION` on any incompatible change.
"""

from __future__ import annotations

from typing import Any

from presslens.document import Article, Paragraph

SCHEMA_VERSION = "1.0"


def _paragraph_dict(index: int, paragraph: Paragraph) -> dict[str, Any]:
    return {
        "index": index,
        **paragraph.span.to_dict(),
        "is_title": paragraph.is_title,
        "sentences": [s.to_dict() for s in paragraph.sentences],
        "techniques": [
            {
                "label": t.label,
                "score": round(t.score, 4),
                "evidence": [e.to_dict() for e in t.evidence],
            }
            for t in paragraph.techniques
        ],
    }


def article_to_dict(article: Article, *, include_text: bool = True) -> dict[str, Any]:
    """The analysis of one article as plain JSON-ready data."""
    out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    if article.source is not None:
        out["source"] = article.source
    out.update(
        {
            "id": article.id,
            "title": article.title,
            "title_span": article.title_span.to_dict() if article.title_span else None,
            "url": article.url,
            "outlet": article.outlet,
            "published": article.published.isoformat() if article.published else None,
            "language": article.language,
            "language_score": round(article.language_score, 4),
            "best_effort": article.best_effort,
            "warnings": list(article.warnings),
            "genre": (
                {
                    "label": article.genre.label,
                    "scores": {k: round(v, 4) for k, v in article.genre_scores.items()},
                }
                if article.genre
                else None
            ),
            "frames": [{"label": f.label, "score": round(f.score, 4)} for f in article.frames],
            "frame_scores": {k: round(v, 4) for k, v in article.frame_scores.items()},
            "paragraphs": [_paragraph_dict(i, p) for i, p in enumerate(article.paragraphs)],
            "events": [e.to_dict() for e in article.events],
        }
    )
    if include_text:
        out["text"] = article.text
    return out
