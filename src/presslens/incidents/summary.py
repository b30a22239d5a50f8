"""The summary of an incident from its sources' claims: type, date, place and counts.

The rules (also in docs/incidents.md):

* **type**: the type most sources give (ties: the earliest source's).
* **date**: only dates the texts state count (an undated event is never given its article's
  publication date). The summary is the *intersection* of the stated ranges that contain the
  day most sources allow: when the ranges overlap, their plain intersection (every source agrees
  the incident happened then); when they disagree, the majority's intersection (ties: the
  narrower, then the earlier), each source keeping its own date in its events.
* **place**: the place most sources name, each source voting once, for the place of its main
  event when that event is in the incident, else for the place its events name most (ties:
  the place most often named by the sources' events, then the more completely resolved
  place, then the earliest source).
* **counts**, per category, over the sources that give one (silence is not zero): ``exact`` is
  the *lowest* exact figure any source gives, ACLED's conservative rule when sources disagree,
  and null when none is exact; ``low`` is the lowest lower bound; ``high`` the highest upper
  bound, null when any source is open-ended ("at least 5"); ``text`` is the chosen source's.
  A source's figures are those of *one* of its events: the first, in text order, that gives
  any (see :func:`merge_article_counts`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence

from presslens.events import main_event
from presslens.events.model import Count, DateRange, Event, Place
from presslens.incidents.compare import parse_day, place_name
from presslens.incidents.model import COUNT_KINDS, IncidentSource


def _text_order(event: Event) -> int:
    """Where an event starts in its article; one only the title tells of comes first."""
    return event.evidence[0].start if event.evidence else 0


def merge_article_counts(events: Sequence[Event]) -> dict[str, Count]:
    """One article's figures: all those of its first event (text order) that gives any.

    The figures one sentence states together describe one moment of the story. Filling a
    category the lede leaves out ("two killed") from a later event ("five injured") pairs
    figures no one stated together: the later one is often another shooting the article
    recalls, or an update. A source silent on a category in its lede is silent on it (on the
    GVA training split, this raised right injured summaries by about one point, killed by half
    a point, over taking each category from the first event that gives it).
    """
    for event in sorted(events, key=_text_order):
        if event.counts:
            return dict(event.counts)
    return {}


def summary_type(sources: Sequence[IncidentSource]) -> str:
    """The event type given by most sources (ties: the earliest source's)."""
    votes = Counter(t for s in sources for t in dict.fromkeys(e.type for e in s.events))
    best = max(votes.values())
    return next(e.type for s in sources for e in s.events if votes[e.type] == best)


def _stated_ranges(
    sources: Sequence[IncidentSource],
) -> list[tuple[dt.date, dt.date, int, DateRange]]:
    """Every parseable date range the sources state, with the index of its source."""
    ranges = []
    for index, source in enumerate(sources):
        for event in source.events:
            if event.date is None:
                continue
            start, end = parse_day(event.date.start), parse_day(event.date.end)
            if start is not None and end is not None and start <= end:
                ranges.append((start, end, index, event.date))
    return ranges


def summary_date(sources: Sequence[IncidentSource]) -> DateRange | None:
    """The days most sources allow: the intersection of the ranges that contain them.

    The day contained in the stated ranges of the most sources is found (ties: the one whose
    ranges are narrowest, then the earliest), and the summary is the intersection of the ranges
    containing it. When all ranges overlap this is their plain intersection; a source whose
    range excludes that day is outvoted (its own date stays in its event).
    """
    ranges = _stated_ranges(sources)
    if not ranges:
        return None

    def rank(day: dt.date) -> tuple[int, int, int]:
        inside = [r for r in ranges if r[0] <= day <= r[1]]
        narrowest = min((r[1] - r[0]).days for r in inside)
        return len({r[2] for r in inside}), -narrowest, -day.toordinal()

    best = max({r[0] for r in ranges}, key=rank)
    inside = [r for r in ranges if r[0] <= best <= r[1]]
    start, end = max(r[0] for r in inside), min(r[1] for r in inside)
    narrowest = min(inside, key=lambda r: r[1] - r[0])[3]
    granularity = "day" if start == end else narrowest.granularity
    return DateRange(start.isoformat(), end.isoformat(), granularity, narrowest.text)


def place_key(place: Place) -> str:
    """A key equal for places that are the same: GeoNames id, else name and region."""
    if place.geonames_id is not None:
        return f"gn:{place.geonames_id}"
    return f"name:{place_name(place)}|{(place.admin1 or '').casefold()}|{place.country or ''}"


def _resolution(place: Place) -> int:
    return (
        (place.geonames_id is not None) * 4
        + (place.lat is not None) * 2
        + (place.admin1 is not None)
    )


def _source_place(source: IncidentSource, named: Counter[str]) -> str:
    """The place key a source votes for, among those its events name (``named``).

    The place of the article's main event, when that event is in the incident: the town the
    article is about, which its other events (a county, the state, a hospital's town) only
    surround. Otherwise the place its events name most (ties: the first in text order).
    """
    main = main_event(source.article)
    if main is not None and main.place is not None and any(main is e for e in source.events):
        return place_key(main.place)
    return max(named, key=lambda key: named[key])


def summary_place(sources: Sequence[IncidentSource]) -> Place | None:
    """The place most sources vote for (:func:`_source_place`), one vote each.

    Ties go to the place the sources' events name most often (a source's lesser places still
    say where the story is), then to the better-resolved one, then to the earliest source.
    """
    places: dict[str, list[Place]] = {}
    votes: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for source in sources:
        named: Counter[str] = Counter()
        for event in sorted(source.events, key=_text_order):
            if event.place is not None:
                key = place_key(event.place)
                places.setdefault(key, []).append(event.place)
                named[key] += 1
        if named:
            votes[_source_place(source, named)] += 1
            mentions.update(named)
    if not votes:
        return None
    order = list(places)
    best = max(
        order,
        key=lambda k: (votes[k], mentions[k], max(map(_resolution, places[k])), -order.index(k)),
    )
    return max(places[best], key=_resolution)


def _bounds(count: Count) -> tuple[int, int | None]:
    if count.exact is not None:
        return count.exact, count.exact
    return count.low, count.high


def summary_count(counts: Sequence[Count]) -> Count:
    """The conservative summary of several sources' figures for one category."""
    exact = [c for c in counts if c.exact is not None]
    chosen = min(exact, key=lambda c: c.exact or 0) if exact else min(counts, key=lambda c: c.low)
    bounds = [_bounds(c) for c in counts]
    highs = [high for _, high in bounds]
    return Count(
        low=min(low for low, _ in bounds),
        high=None if None in highs else max(h for h in highs if h is not None),
        exact=chosen.exact,
        text=chosen.text,
    )


def summary_counts(sources: Sequence[IncidentSource]) -> dict[str, Count]:
    """Per category, :func:`summary_count` over the sources that give that category."""
    kinds = [k for k in COUNT_KINDS if any(k in s.counts for s in sources)]
    kinds += sorted({k for s in sources for k in s.counts} - set(kinds))
    return {k: summary_count([s.counts[k] for s in sources if k in s.counts]) for k in kinds}


def incident_id(sources: Sequence[IncidentSource]) -> str:
    """A stable id: a hash of the earliest source and its first event in this incident.

    "Earliest" is by publication date, then source name, so the id does not depend on the
    order the articles were given in.
    """
    first = min(sources, key=lambda s: (s.article.published or dt.date.max, s.source))
    event = min(first.events, key=_text_order)
    start = event.evidence[0].start if event.evidence else 0
    digest = hashlib.sha1(f"{first.source}\n{event.type}\n{start}".encode()).hexdigest()
    return f"inc-{digest[:16]}"
