"""When and where: the date and the place of each sentence event.

Dates come from :func:`presslens.events.dates.find_dates`, normalised against the publication
date. A sentence event takes the date in its sentence nearest its trigger; a sentence without
one takes the nearest earlier date of the same paragraph; else the date is unknown. It is never
the publication date: an undated event is unknown, not "today". Two kinds of date are passed
over: the day something was *said* or done in court ("police said Monday", "was arraigned
Wednesday"), and a bare clock time when the sentence also names a day.

Places come from :mod:`presslens.events.places` (mentions, then resolution against the
article's context). They are tried finest first: a town in the sentence nearest the trigger,
else the last one earlier in the paragraph, the article's dateline ("STOCKTON, Calif. —"), or
the last one earlier in the article; only then a country or region; and last a name that could
not be resolved. A place that says who the victims are ("гражданин России") is not where it
happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from presslens.document import Article, Span
from presslens.events.dates import find_dates
from presslens.events.model import DateRange, Place
from presslens.events.places import find_place_mentions, resolve_places
from presslens.events.sentence import Draft

T = TypeVar("T")

#: A date right after these words is when something was said or done in court.
_NOT_EVENT_DATE = {
    "en": re.compile(
        r"\b(?:said|says|announced|told\s+[\w.’']+(?:\s+[\w.’']+)?|reported|confirmed|stated|"
        r"added|identified\s+\w+(?:\s+\w+)?|charged|arraigned|indicted|sentenced|unsealed|"
        r"interviewed|pleaded\s+\w+|convicted|appeared\s+in\s+court|released)\s+"
        r"(?:on\s+|late\s+|early\s+)?$",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:сообщил\w*|заявил\w*|рассказал\w*|подтвердил\w*|объявил\w*|"
        r"приговорил\w*|осудил\w*)\s+$",
        re.IGNORECASE,
    ),
}
_CLOCK = re.compile(
    r"^(?:about\s+|around\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?$|^(?:noon|midnight)$", re.I
)
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?))?"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}"
)
_LOOKBEHIND = 40


def _nearest(items: Sequence[tuple[Span, T]], sentence: Span, trigger: Span) -> T | None:
    """The item inside the sentence nearest the trigger, else the last one before it."""
    inside = [(s, v) for s, v in items if sentence.start <= s.start < sentence.end]
    if inside:
        return min(inside, key=lambda item: abs(item[0].start - trigger.start))[1]
    before = [(s, v) for s, v in items if s.start < sentence.start]
    return before[-1][1] if before else None


def _paragraph_dates(
    article: Article, paragraph: Span, language: str
) -> list[tuple[Span, DateRange]]:
    """Dates of one paragraph, minus the days statements were made ("police said Monday")."""
    found = find_dates(article.text, article.published, language, paragraph.start, paragraph.end)
    pattern = _NOT_EVENT_DATE[language]
    kept = []
    for date in found:
        where = date.span or paragraph
        possessive = article.text.startswith(("’s", "'s"), where.end)  # "said Friday's shooting"
        said = pattern.search(article.text, max(0, where.start - _LOOKBEHIND), where.start)
        if possessive or not said:
            kept.append((where, date))
    return kept


def _without_clock(
    dates: list[tuple[Span, DateRange]], sentence: Span
) -> list[tuple[Span, DateRange]]:
    """The dates, less the sentence's bare clock times when the sentence also names a day."""
    inside = [(s, d) for s, d in dates if sentence.start <= s.start < sentence.end]
    clocks = [(s, d) for s, d in inside if _CLOCK.match(d.text.strip())]
    if len(clocks) == len(inside):
        return dates
    return [item for item in dates if item not in clocks]


def dateline(article: Article) -> tuple[str, Span] | None:
    """The place of the dateline ("STOCKTON, Calif. —") that opens a first body paragraph."""
    for paragraph in article.body_paragraphs[:3]:
        match = _DATELINE.match(article.text, paragraph.span.start, paragraph.span.end)
        if match:
            region = match.group("region")
            name = match.group("city").title() + (f", {region}" if region else "")
            end = match.end("region") if region else match.end("city")
            return name, Span(match.start("city"), end)
    return None


def _is_coarse(place: Place) -> bool:
    """A country or first-level division: true, but not where an incident happened."""
    return place.admin1 is None or (place.name or "").casefold() == place.admin1.casefold()


def _places(
    article: Article, drafts: list[Draft], language: str
) -> tuple[
    list[tuple[Span, Place]], list[tuple[Span, Place]], list[tuple[Span, Place]], Place | None
]:
    """Fine (towns), coarse (regions, countries) and unresolved places, and the dateline's."""
    groups = [m.span for d in drafts for m in d.victims_group if m.span is not None]
    mentions = []
    for index in sorted({d.paragraph for d in drafts}):
        span = article.paragraphs[index].span
        for name, where in find_place_mentions(article.text, span.start, span.end, language):
            if not any(where.overlap(g) for g in groups):
                mentions.append((name, where))
    head = dateline(article)
    if head is not None:
        mentions.append(head)
    fine: list[tuple[Span, Place]] = []
    coarse: list[tuple[Span, Place]] = []
    unresolved: list[tuple[Span, Place]] = []
    resolved = resolve_places(article, mentions) if mentions else []
    for (name, span), place in zip(mentions, resolved, strict=True):
        if place is None or place.geonames_id is None:
            unresolved.append((span, place or Place(text=name, span=span)))
        else:
            (coarse if _is_coarse(place) else fine).append((span, place))
    at_dateline = next((p for s, p in fine if head is not None and s == head[1]), None)
    return fine, coarse, unresolved, at_dateline


def add_context(article: Article, drafts: list[Draft], language: str) -> None:
    """Give each draft its date and place (in the order the module docstring gives)."""
    paragraphs = {d.paragraph: article.paragraphs[d.paragraph].span for d in drafts}
    dates = {i: _paragraph_dates(article, span, language) for i, span in paragraphs.items()}
    fine, coarse, unresolved, at_dateline = _places(article, drafts, language)
    for draft in drafts:
        paragraph = paragraphs[draft.paragraph]
        draft.date = _nearest(
            _without_clock(dates[draft.paragraph], draft.sentence), draft.sentence, draft.trigger
        )
        local = [(s, p) for s, p in fine if paragraph.start <= s.start < paragraph.end]
        earlier = [p for s, p in fine if s.start < paragraph.start]
        draft.place = (
            _nearest(local, draft.sentence, draft.trigger)
            or at_dateline
            or (earlier[-1] if earlier else None)
            or _nearest(coarse, draft.sentence, draft.trigger)
            or _nearest(unresolved, draft.sentence, draft.trigger)
        )
