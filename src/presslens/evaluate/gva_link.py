"""Cross-article linking measured on GVA: B-cubed of the clustering, and summary accuracy.

The articles of a GVA slice are analysed (segment → events) and linked with
:func:`presslens.incidents.link_incidents`. Each article is put in the incident of its main
event (:func:`presslens.incidents.main_event`); an article without events stays alone. The
clustering is scored with B-cubed (Bagga & Baldwin, 1998) against the gold incidents, beside its
floor: every article alone. Then, per gold incident, the predicted incident holding most of its
articles is taken as its summary and checked: killed, injured, city and day.
"""

from __future__ import annotations

import hashlib
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslens.document import Article
from presslens.errors import DataError
from presslens.evaluate.gva_data import (
    GvaDocument,
    GvaIncident,
    Split,
    answers_city,
    count_figure,
    document_article,
    gold_city_names,
    load_documents,
    load_incidents,
    names_city,
    normalise_place,
    share,
)
from presslens.events.model import Place
from presslens.incidents import COMPONENTS, Incident, LinkConfig, link_incidents, main_event
from presslens.incidents.compare import distance_km


def bcubed(
    predicted: Mapping[str, Hashable], gold: Mapping[str, Hashable]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering of the items in ``gold``.

    For each item, precision is the share of its predicted cluster that shares its gold
    cluster, recall the share of its gold cluster that shares its predicted cluster; both are
    averaged over items. An item missing from ``predicted`` is a cluster of its own.
    """
    if not gold:
        raise ValueError("bcubed needs at least one item")
    clusters = {item: predicted.get(item, ("alone", item)) for item in gold}
    joint = Counter((clusters[i], gold[i]) for i in gold)
    predicted_size = Counter(clusters.values())
    gold_size = Counter(gold.values())
    precision = sum(joint[clusters[i], gold[i]] / predicted_size[clusters[i]] for i in gold)
    recall = sum(joint[clusters[i], gold[i]] / gold_size[gold[i]] for i in gold)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def sample_incidents(documents: Sequence[GvaDocument], limit: int | None) -> list[GvaDocument]:
    """The documents of ``limit`` incidents chosen by a fixed hash (all when None)."""
    if limit is None:
        return list(documents)
    ids = sorted(
        {d.incident_id for d in documents}, key=lambda i: hashlib.sha1(i.encode()).digest()
    )
    keep = set(ids[:limit])
    return [d for d in documents if d.incident_id in keep]


def analyse(
    documents: Sequence[GvaDocument], components: tuple[str, ...] = COMPONENTS
) -> list[Article]:
    """Run the pipeline over the documents, in their order."""
    from presslens.pipeline import load_pipeline

    return list(load_pipeline(components).pipe(document_article(d) for d in documents))


def article_clusters(articles: Sequence[Article], incidents: Sequence[Incident]) -> dict[str, str]:
    """Article id → the id of its main event's incident (articles without events: none)."""
    incident_of_event = {
        id(event): incident.id
        for incident in incidents
        for source in incident.sources
        for event in source.events
    }
    clusters = {}
    for article in articles:
        event = main_event(article)
        if event is not None and article.id is not None:
            clusters[article.id] = incident_of_event[id(event)]
    return clusters


#: A summary place this close to GVA's coordinates of the incident is "near" it.
NEAR_KM = 25.0


@dataclass(frozen=True, slots=True)
class Floors:
    """Trivial answers for an incident summary, fixed from the training split."""

    killed: int
    injured: int
    city: str
    #: Where the most common city lies (median of its incidents' coordinates), if known.
    city_place: Place | None = None

    @classmethod
    def from_training(cls, incidents: Mapping[str, GvaIncident]) -> Floors:
        """The most common killed, injured and city values among the training incidents."""

        def mode(values: list[Any]) -> Any:
            return Counter(values).most_common(1)[0][0]

        rows = list(incidents.values())
        city = mode([i.city for i in rows])
        located = [i for i in rows if i.city == city and i.lat is not None and i.lon is not None]
        place = None
        if located:
            lat = statistics.median(i.lat for i in located if i.lat is not None)
            lon = statistics.median(i.lon for i in located if i.lon is not None)
            place = Place(text=city, lat=lat, lon=lon)
        return cls(
            killed=mode([i.killed for i in rows]),
            injured=mode([i.injured for i in rows]),
            city=normalise_place(city),
            city_place=place,
        )


#: The parts of a summary that are checked, and count towards "all right".
SUMMARY_PARTS = ("killed", "injured", "city", "day")


def _near(place: Place | None, gold: GvaIncident) -> bool:
    """The place lies within :data:`NEAR_KM` of GVA's coordinates of the incident."""
    if place is None or gold.lat is None or gold.lon is None:
        return False
    distance = distance_km(place, Place(text=gold.city, lat=gold.lat, lon=gold.lon))
    return distance is not None and distance <= NEAR_KM


def _summary_checks(incident: Incident | None, gold: GvaIncident) -> dict[str, bool]:
    if incident is None:
        return dict.fromkeys((*SUMMARY_PARTS, "place_25km"), False)
    place, date = incident.place, incident.date
    return {
        "killed": count_figure(incident.counts, "killed") == gold.killed,
        "injured": count_figure(incident.counts, "injured") == gold.injured,
        "city": answers_city(place, gold.city),
        "day": date is not None
        and gold.date is not None
        and date.start == date.end == gold.date.isoformat(),
        "place_25km": _near(place, gold),
    }


def _floor_checks(
    articles: Sequence[Article], gold: GvaIncident, floors: Floors
) -> dict[str, bool]:
    published = [a.published for a in articles if a.published is not None]
    return {
        "killed": floors.killed == gold.killed,
        "injured": floors.injured == gold.injured,
        "city": floors.city in gold_city_names(gold.city),
        "day": bool(published) and min(published) == gold.date,
        "place_25km": _near(floors.city_place, gold),
    }


def _city_named(gold: GvaIncident, articles: Sequence[Article]) -> bool:
    """Some article names (one of the names of) the incident's city."""
    return any(names_city(a.text, gold.city) for a in articles)


def summary_measures(
    articles: Sequence[Article],
    incidents: Sequence[Incident],
    gold_of: Mapping[str, str],
    gold_incidents: Mapping[str, GvaIncident],
    floors: Floors,
) -> dict[str, float]:
    """Share of gold incidents whose summary has killed, injured, city and day right.

    A gold incident's summary is that of the predicted incident holding the main events of
    most of its articles (ties: the one with more sources, then the first article's, in input
    order; a headline-only page that stands alone should not speak for a story others tell).
    ``summary_city_named`` counts only the incidents whose city is named in at least one of
    their articles.
    """
    clusters = article_clusters(articles, incidents)
    by_id = {i.id: i for i in incidents}
    members: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.id is not None and article.id in gold_of:
            members[gold_of[article.id]].append(article)
    results: dict[str, list[bool]] = defaultdict(list)
    for incident_id, group in members.items():
        gold = gold_incidents.get(incident_id)
        if gold is None:
            continue
        votes = Counter(clusters[a.id] for a in group if a.id in clusters)
        chosen = (
            by_id[max(votes, key=lambda i: (votes[i], len(by_id[i].sources)))] if votes else None
        )
        checks = _summary_checks(chosen, gold)
        floor = _floor_checks(group, gold, floors)
        for name in checks:
            if name == "place_25km" and gold.lat is None:
                continue  # GVA has no coordinates for this incident
            results[f"summary_{name}"].append(checks[name])
            results[f"summary_{name}_floor"].append(floor[name])
        results["summary_all"].append(all(checks[part] for part in SUMMARY_PARTS))
        results["summary_all_floor"].append(all(floor[part] for part in SUMMARY_PARTS))
        if _city_named(gold, group):
            results["summary_city_named"].append(checks["city"])
    measures = {name: share(flags) for name, flags in results.items()}
    measures["summary_incidents"] = len(results["summary_all"])
    return measures


def linking_measures(
    articles: Sequence[Article],
    gold_of: Mapping[str, str],
    gold_incidents: Mapping[str, GvaIncident],
    floors: Floors,
    config: LinkConfig | None = None,
) -> dict[str, float]:
    """Link analysed articles and score the clustering and the summaries."""
    started = time.perf_counter()
    incidents = link_incidents(articles, config=config)
    seconds = time.perf_counter() - started
    ids = [a.id for a in articles if a.id in gold_of]
    gold = {i: gold_of[i] for i in ids if i is not None}
    precision, recall, f1 = bcubed(article_clusters(articles, incidents), gold)
    _, floor_recall, floor_f1 = bcubed({}, gold)
    return {
        "link_b3_precision": precision,
        "link_b3_recall": recall,
        "link_b3_f1": f1,
        "link_b3_f1_floor": floor_f1,
        "link_b3_recall_floor": floor_recall,
        **summary_measures(articles, incidents, gold_of, gold_incidents, floors),
        "link_articles": len(gold),
        "link_articles_with_events": sum(bool(a.events) for a in articles),
        "link_incidents_predicted": len(incidents),
        "link_gold_incidents": len(set(gold.values())),
        "link_seconds": round(seconds, 3),
    }


def link_measures(
    data_dir: Path,
    split: Split = "validation",
    *,
    max_incidents: int | None = None,
    config: LinkConfig | None = None,
) -> dict[str, float]:
    """Run segment → events → linking over a GVA slice and return the named measures.

    Args:
        data_dir: the ``gva-incidents`` folder (``incidents.jsonl``, ``documents.jsonl``).
        split: which incidents (by the fixed hash split of :mod:`gva_data`); tune on "train".
        max_incidents: score only this many incidents (a fixed hash sample), to cap the time.
        config: the linking rule's parameters (default: :class:`LinkConfig`).

    Returns:
        ``link_b3_precision/recall/f1`` with ``link_b3_f1_floor`` (every article alone),
        ``summary_killed/injured/city/day/all`` with their ``_floor`` (the training split's
        most common value; for the day, the first publication date), ``summary_city_named``,
        counts of articles and incidents, and the seconds spent analysing and linking.
    """
    documents = sample_incidents(load_documents(data_dir, split), max_incidents)
    training = load_incidents(data_dir, "train")
    if not documents or not training:
        raise DataError(
            f"{data_dir} has no {split} articles or no training incidents to take the floors "
            "from; point --data at the full gva-incidents folder"
        )
    gold_incidents = load_incidents(data_dir, split)
    floors = Floors.from_training(training)
    started = time.perf_counter()
    articles = analyse(documents)
    analysed = time.perf_counter() - started
    gold_of = {d.id: d.incident_id for d in documents}
    measures = linking_measures(articles, gold_of, gold_incidents, floors, config)
    measures["analyse_seconds"] = round(analysed, 3)
    return measures
