"""Whether two claimed events can be the same incident: type, date, place, counts, actors.

Each test here is deliberately lenient about what is *missing* (no place, no count) and strict
about what *contradicts* (two distant places, 1 killed against 30 killed): missing facts are the
normal state of news reporting, contradictions are evidence of two incidents.
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum

from presslens.events.model import Count, Event, Mention, Place

#: Event types (presslens.events.taxonomy) that reports of one incident use interchangeably,
#: grouped into one family; two events can link only within a family. A type not listed here
#: is a family of its own. The groups follow ACLED's event types: a strike one outlet calls
#: shelling another calls an air strike; a police operation is a raid to one and arrests to
#: another; a protest turns into a riot.
TYPE_FAMILIES: dict[str, str] = {
    "violence_against_civilians": "violence",
    "armed_clash": "violence",
    "air_drone_strike": "remote_violence",
    "shelling": "remote_violence",
    "bombing": "remote_violence",
    "raid": "police_operation",
    "arrest": "police_operation",
    "protest": "demonstration",
    "riot": "demonstration",
}

#: Which side an actor kind (presslens.events.actors) is on. Kinds not listed (civilians,
#: unknown, ...) are on no side and never contradict another actor.
ACTOR_SIDES: dict[str, str] = {
    "state_security": "state",
    "military": "state",
    "government": "state",
    "armed_group": "non_state",
    "perpetrator": "non_state",
}

_EARTH_RADIUS_KM = 6371.0


def type_family(event_type: str) -> str:
    """The family of an event type (see :data:`TYPE_FAMILIES`)."""
    return TYPE_FAMILIES.get(event_type, event_type)


def parse_day(value: str) -> dt.date | None:
    """An ISO date (``YYYY-MM-DD``, or its prefix ``YYYY-MM`` / ``YYYY``) as a day; else None."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    parts = value.split("-")
    try:
        return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
    except (ValueError, IndexError):
        return None


def date_window(
    event: Event, published: dt.date | None, *, undated_lookback_days: int
) -> tuple[dt.date, dt.date, bool] | None:
    """The days the event can have happened on, and whether the text dated it.

    An event the text dates gets its own range. An undated event in an article with a
    publication date gets the window ``[published − lookback, published]``: news reports
    recent events, but the event is *not* assumed to be on the publication day. With neither,
    the date is unknown (None) and the event links only to near-copies of its article.
    """
    if event.date is not None:
        start, end = parse_day(event.date.start), parse_day(event.date.end)
        if start is not None and end is not None and start <= end:
            return start, end, True
    if published is None:
        return None
    return published - dt.timedelta(days=undated_lookback_days), published, False


def windows_meet(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date], tolerance: int) -> bool:
    """True when the two day ranges overlap or are at most ``tolerance`` days apart."""
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap.days <= tolerance


class PlaceRelation(Enum):
    """How two places relate; the linking rule asks more textual evidence for the weak ones."""

    SAME = "same"  # same GeoNames id, or same name with no conflicting region
    NEAR = "near"  # coordinates within the configured distance
    UNKNOWN = "unknown"  # at least one event has no place
    CONTAINS = "contains"  # one is a region (division or country) the other may lie in
    DIFFERENT = "different"  # different names, nothing to say how far apart
    FAR = "far"  # coordinates, regions or countries that exclude each other


def place_name(place: Place) -> str:
    """The normalised name used to compare places (resolved name, else the text)."""
    return " ".join((place.name or place.text).casefold().split())


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places with coordinates, else None."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _differ(x: str | None, y: str | None) -> bool:
    return x is not None and y is not None and x.casefold() != y.casefold()


def is_area(place: Place) -> bool:
    """True for a first-level division or a country rather than a town.

    The extractor (presslens.events.places) gives a division its own name as ``admin1`` and a
    country no ``admin1``; a resolved town always has its division.
    """
    if place.admin1 is not None:
        return place_name(place) == place.admin1.casefold()
    return place.geonames_id is not None


def _area_relation(a: Place, b: Place) -> PlaceRelation:
    """Relation when at least one place is a region: containment, or regions that exclude."""
    if is_area(a) and is_area(b):
        if place_name(a) == place_name(b):
            return PlaceRelation.SAME
        if a.admin1 is not None and b.admin1 is not None:
            return PlaceRelation.FAR  # two different divisions
        return PlaceRelation.CONTAINS  # a country and one of its divisions
    region, inner = (a, b) if is_area(a) else (b, a)
    if region.admin1 is None or inner.admin1 is None:
        return PlaceRelation.CONTAINS
    return (
        PlaceRelation.CONTAINS
        if region.admin1.casefold() == inner.admin1.casefold()
        else PlaceRelation.FAR
    )


def place_relation(a: Place | None, b: Place | None, *, near_km: float) -> PlaceRelation:
    """Compare two places: identity first, then regions, then distance, then names."""
    if a is None or b is None:
        return PlaceRelation.UNKNOWN
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return PlaceRelation.SAME
    if _differ(a.country, b.country):
        return PlaceRelation.FAR
    if is_area(a) or is_area(b):
        return _area_relation(a, b)
    distance = distance_km(a, b)
    if distance is not None:
        return PlaceRelation.NEAR if distance <= near_km else PlaceRelation.FAR
    if _differ(a.admin1, b.admin1):
        return PlaceRelation.FAR
    if place_name(a) == place_name(b):
        return PlaceRelation.SAME
    return PlaceRelation.DIFFERENT


def _bounds(count: Count) -> tuple[float, float]:
    low = count.exact if count.exact is not None else count.low
    if count.exact is not None:
        return low, low
    return low, math.inf if count.high is None else count.high


def counts_compatible(a: Count, b: Count, *, slack: int, ratio: float) -> bool:
    """True unless the two figures are too far apart to describe one incident.

    Figures change as news develops (an injured victim dies), so a gap is allowed up to
    ``max(slack, ratio × larger figure)``: 1 and 2 killed fit, 1 and 5 do not.
    """
    (a_low, a_high), (b_low, b_high) = _bounds(a), _bounds(b)
    if a_high >= b_low and b_high >= a_low:
        return True
    below, above = (a_high, b_low) if a_high < b_low else (b_high, a_low)
    return above - below <= max(slack, ratio * above)


def all_counts_compatible(a: Event, b: Event, *, slack: int, ratio: float) -> bool:
    """Every casualty category both events give is compatible (see :func:`counts_compatible`)."""
    return all(
        counts_compatible(a.counts[kind], b.counts[kind], slack=slack, ratio=ratio)
        for kind in a.counts.keys() & b.counts.keys()
    )


def actors_compatible(a: Mention | None, b: Mention | None) -> bool:
    """False only when the two actors are on different sides (state forces, armed group)."""
    if a is None or b is None:
        return True
    sides = {ACTOR_SIDES.get(a.kind), ACTOR_SIDES.get(b.kind)}
    return None in sides or len(sides) == 1
