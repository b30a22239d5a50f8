"""Plain text → :class:`Article`: the title rule and the checks on the fields given with it.

The text is kept exactly as given, because every finding is a character range into it; only
the title line is located, never cut out.
"""

from __future__ import annotations

import datetime as dt
import re

from presslens.document import Article, Span
from presslens.errors import InputError
from presslens.segment import line_spans

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: A language hint: an ISO 639 code, optionally with a region or script ("en", "pt-BR").
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    published: dt.date | str | None = None,
    language: str | None = None,
    source: str | None = None,
    id: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An article from its text, which is kept as given (offsets index it).

    A first line followed by a blank line (and more text) is the title. A ``title`` passed in
    wins; it gets a ``title_span`` only when the text's first line says the same words.
    ``published`` is a date or an ISO date string; ``language`` (e.g. "ru") is a hint that
    skips language detection. Raises :class:`InputError` for empty text or invalid fields.
    """
    if not text.strip():
        raise InputError(f"{source or 'the text'} is empty; there is nothing to analyse")
    given_title = " ".join((title or "").split()) or None
    title_span = _title_span(text, given_title)
    if given_title is None and title_span is not None:
        given_title = text[title_span.start : title_span.end]
    return Article(
        text=text,
        title=given_title,
        title_span=title_span,
        source=source,
        id=id,
        url=url or None,
        outlet=outlet or None,
        published=parse_published(published),
        language_hint=parse_language(language),
    )


def title_line(text: str) -> Span | None:
    """The plain-text title: the first line, when a blank line and more text follow it.

    Leading blank lines are skipped; the span leaves surrounding spaces out, exactly as the
    paragraph splitter does, so the title paragraph and ``title_span`` coincide.
    """
    lines = line_spans(text)
    first, second = next(lines, None), next(lines, None)
    if first is None or second is None:
        return None
    breaks = len(_LINE_BREAK.findall(text, first.end, second.start))
    return first if breaks >= 2 else None


def _title_span(text: str, given: str | None) -> Span | None:
    """Where the title is in the text: by the blank-line rule, or where a given title is."""
    if given is None:
        return title_line(text)
    first = next(line_spans(text), None)
    if first is not None and text[first.start : first.end].casefold().split() == (
        given.casefold().split()
    ):
        return first
    return None


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """A publication date from a date, a datetime or an ISO 8601 string (date or date-time).

    A date-time keeps the calendar date it was written with, not the UTC one: that is the day
    the outlet says it published.
    """
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    if not isinstance(value, str):
        raise InputError(
            f"published must be a date or an ISO date string, not {type(value).__name__}"
        )
    stripped = value.strip()
    if not stripped:
        return None
    try:
        return dt.datetime.fromisoformat(stripped).date()
    except ValueError:
        raise InputError(
            f"published date {value!r} is not an ISO date; write it as YYYY-MM-DD "
            "(e.g. 2025-07-14) or as an ISO date-time (2025-07-14T09:30:00+03:00)"
        ) from None


def parse_language(value: str | None) -> str | None:
    """A language hint as a lowercase ISO 639 code ("pt-BR" → "pt"), or None when not given.

    Only the language is kept: the models work per language, not per region.
    """
    if value is None or not value.strip():
        return None
    stripped = value.strip()
    if not _LANGUAGE.fullmatch(stripped):
        raise InputError(
            f"language {value!r} is not an ISO 639 language code; use a code such as "
            "'en', 'ru', 'fr', 'de', 'it' or 'pl'"
        )
    return re.split(r"[-_]", stripped, maxsplit=1)[0].lower()
