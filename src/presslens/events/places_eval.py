"""How well the place resolver finds the city and state of a Gun Violence Archive incident.

GVA gives, per incident, the city (or county) and the state; each linked article should name
them. For each article we take its most salient US city (see :func:`salient_city`) and compare
it with the gold city. Accuracy is reported over all articles and over those whose text names
the gold city at all (the rest cannot be found by any reader of the text), next to the floor of
always answering the most frequent city / state of the training split.
"""

from __future__ import annotations

import re
from collections import Counter
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
from presslens.events.gazetteer import load_gazetteer, name_key
from presslens.events.model import Place
from presslens.events.places import find_place_mentions, resolve_places
from presslens.events.places_story import story_place


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


def salient_city(article: Article) -> Place | None:
    """The article's own town (:func:`presslens.events.places_story.story_place`)."""
    return story_place(article)


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
