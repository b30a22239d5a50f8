"""How well the place resolver finds the city and state of a Gun Violence Archive incident.

GVA gives, per incident, the city (or county) and the state; each linked article should name
them. For each article we take its most salient US city (see :func:`salient_city`) and compare
it with the gold city. Accuracy is reported over all articles and over those whose text names
the gold city at all (the rest cannot be found by any reader of the text), next to the floor of
always answering the most frequent city / state of the training split.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from presslens.document import Article, Span
from presslens.evaluate.gva_data import (
    GvaDocument,
    GvaIncident,
    Split,
    load_documents,
    load_incidents,
)
from presslens.events.gazetteer import KIND_CITY, KIND_COUNTY, load_gazetteer, name_key
from presslens.events.model import Place
from presslens.events.places import find_place_mentions, has_cue, resolve_places

#: Mentions this close to the start (title, lead) count as the story's own place...
LEAD_CHARS = 600
LEAD_WEIGHT = 2.0
#: ...and a dateline most of all.
DATELINE_WEIGHT = 4.0
#: A bare name ("Davis") counts this much of one framed as a place ("in Davis", "Davis police").
BARE_WEIGHT = 0.5
#: A place this close to a city this many times its size counts as part of that city.
ENCLOSING_KM = 20.0
ENCLOSING_RATIO = 10


def gold_city_key(city: str) -> str:
    """GVA's "Chicago (Englewood)" means Chicago; "Orange (county)" means Orange County."""
    match = re.fullmatch(r"\s*(.*?)\s*\(([^)]*)\)\s*", city)
    if match:
        head, note = match.groups()
        if note.strip().casefold() == "county":
            return name_key(f"{head} County")
        city = head
    return name_key(city)


def _us_places(places: list[Place | None]) -> list[Place]:
    return [p for p in places if p is not None and p.country == "US" and p.name]


def _is_county(place: Place) -> bool:
    return place.geonames_id is None and name_key(place.name or "").endswith(" county")


def _is_local(place: Place) -> bool:
    """A city, town or county, resolved or at least pinned to a state ("Arverne, N.Y.")."""
    if place.geonames_id is None:
        return place.admin1 is not None and place.name is not None
    entry = load_gazetteer().by_geonames_id(place.geonames_id)
    return entry is not None and entry.kind in (KIND_CITY, KIND_COUNTY)


def _weight(article: Article, place: Place) -> float:
    """Datelines ("NORFOLK, Va. —") name the story's place; the title and lead come next, and
    a name framed as a place ("in Norfolk", "Norfolk police") counts double a bare one."""
    if place.span is None:
        return 1.0
    start = place.span.start
    line_start = start == 0 or article.text[:start].rstrip(" \t").endswith("\n")
    if line_start and place.text.split(",")[0].isupper():
        return DATELINE_WEIGHT
    weight = LEAD_WEIGHT if start < LEAD_CHARS else 1.0
    return weight if has_cue(article.text, place.span) else weight * BARE_WEIGHT


def salient_city(article: Article) -> Place | None:
    """The article's own city: the one with the most weighted mentions (see :func:`_weight`).

    Towns beat counties: GVA, like most reports, files an incident under the town, and an
    article names the county mostly for its sheriff or prosecutor.
    """
    mentions = find_place_mentions(article.text, language="en")
    local = [p for p in _us_places(resolve_places(article, mentions)) if _is_local(p)]
    towns = [p for p in local if not _is_county(p)]
    candidates = towns or local
    if not candidates:
        return None
    scores: dict[tuple[str | None, str | None], float] = defaultdict(float)
    first: dict[tuple[str | None, str | None], Place] = {}
    for place in candidates:
        home = _enclosing_city(place, candidates) or place
        key = (home.name, home.admin1)
        scores[key] += _weight(article, place)
        first.setdefault(key, home)
    best = max(scores.values())
    return next(first[k] for k in first if scores[k] == best)


def _enclosing_city(place: Place, others: list[Place]) -> Place | None:
    """A much bigger named city next door: "Charles Village" → Baltimore, "Dyker Heights" →
    Brooklyn. GeoNames lists many neighbourhoods as towns; GVA files them under the city."""
    gaz = load_gazetteer()
    entry = gaz.by_geonames_id(place.geonames_id) if place.geonames_id else None
    if entry is None or place.lat is None or place.lon is None:
        return None
    best: tuple[int, Place] | None = None
    for other in others:
        big = gaz.by_geonames_id(other.geonames_id) if other.geonames_id else None
        if big is None or big.population < ENCLOSING_RATIO * max(entry.population, 1):
            continue
        if other.lat is None or other.lon is None:
            continue
        near = _km(place.lat, place.lon, other.lat, other.lon) <= ENCLOSING_KM
        if near and (best is None or big.population > best[0]):
            best = (big.population, other)
    return best[1] if best else None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def salient_state(article: Article, city: Place | None) -> str | None:
    """The state of the salient city, else the US state the article names most often."""
    if city is not None and city.admin1:
        return city.admin1
    mentions = find_place_mentions(article.text, language="en")
    states = Counter(p.admin1 for p in _us_places(resolve_places(article, mentions)) if p.admin1)
    return states.most_common(1)[0][0] if states else None


def _article(doc: GvaDocument) -> Article:
    title = doc.title.strip()
    text = f"{title}\n\n{doc.text}" if title else doc.text
    return Article(
        text=text,
        title=title or None,
        title_span=Span(0, len(title)) if title else None,
        id=doc.id,
        published=doc.published,
        language="en",
    )


def _city_correct(place: Place | None, gold: GvaIncident) -> bool:
    if place is None or place.admin1 != gold.state:
        return False
    gold_key = gold_city_key(gold.city)
    if name_key(place.name or "") == gold_key or name_key(place.text.split(",")[0]) == gold_key:
        return True
    return any(
        e.geonames_id == place.geonames_id and e.geonames_id is not None
        for e in load_gazetteer().lookup(gold_key)
    )


def _names_gold_city(article: Article, gold: GvaIncident) -> bool:
    return f" {gold_city_key(gold.city)} " in f" {name_key(article.text)} "


def gva_place_accuracy(
    data_dir: Path, split: Split = "validation", limit: int | None = None
) -> dict[str, Any]:
    """City and state accuracy of :func:`salient_city` on GVA articles, with their floors.

    ``data_dir`` is the ``gva-incidents`` folder; ``limit`` keeps the first articles only (for
    quick checks). Floors answer the most frequent city / state of the *training* incidents'
    articles for every article of ``split``.
    """
    incidents = load_incidents(data_dir, "all")
    docs = [d for d in load_documents(data_dir, split) if d.incident_id in incidents][:limit]
    train_docs = [d for d in load_documents(data_dir, "train") if d.incident_id in incidents]
    city_floor = Counter(
        (gold_city_key(incidents[d.incident_id].city), incidents[d.incident_id].state)
        for d in train_docs
    ).most_common(1)[0][0]
    state_floor = Counter(incidents[d.incident_id].state for d in train_docs).most_common(1)[0][0]
    city_hits = state_hits = named = named_hits = answered = floor_city = floor_state = 0
    for doc in docs:
        gold = incidents[doc.incident_id]
        article = _article(doc)
        city = salient_city(article)
        correct = _city_correct(city, gold)
        city_hits += correct
        answered += city is not None
        state_hits += salient_state(article, city) == gold.state
        if _names_gold_city(article, gold):
            named += 1
            named_hits += correct
        floor_city += (gold_city_key(gold.city), gold.state) == city_floor
        floor_state += gold.state == state_floor
    n = max(len(docs), 1)
    return {
        "split": split,
        "articles": len(docs),
        "city_accuracy": city_hits / n,
        "city_accuracy_when_named": named_hits / max(named, 1),
        "articles_naming_city": named,
        "answered": answered / n,
        "city_precision": city_hits / max(answered, 1),
        "state_accuracy": state_hits / n,
        "floor_city": floor_city / n,
        "floor_city_value": f"{city_floor[0]}, {city_floor[1]}",
        "floor_state": floor_state / n,
        "floor_state_value": state_floor,
    }
