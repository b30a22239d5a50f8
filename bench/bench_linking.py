"""Time ``link_incidents`` on a synthetic collection of articles with hand-made events.

    .venv/bin/python bench/bench_linking.py [--articles 10000] [--seed 1]

The collection imitates news: incidents of a few event types at a few hundred places over two
years, each reported by 1-6 articles (most by one or two) whose texts share the incident's
particulars (capitalised names) among common words, with counts that drift between reports,
some undated events, 0-3 secondary events per article (background, extraction errors) and some
syndicated copies. Only the linking is timed; the event extraction is
not run. The B-cubed score against the generated truth is printed as a sanity check of the
rule on easy data, not as an accuracy figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time

from presslens.document import Article, Span
from presslens.evaluate.gva_link import article_clusters, bcubed
from presslens.events.model import Count, DateRange, Event, Place
from presslens.incidents import link_incidents

TYPES = ("violence_against_civilians", "armed_clash", "shelling", "raid", "arrest", "protest")
COUNT_OF_TYPE = {"raid": "detained", "arrest": "detained", "protest": "detained"}
START = dt.date(2023, 1, 1)


def make_places(rng: random.Random, count: int) -> list[Place]:
    places = []
    for i in range(count):
        resolved = rng.random() < 0.8
        lat, lon = rng.uniform(35, 60), rng.uniform(-10, 50)
        places.append(
            Place(
                text=f"Town{i}",
                name=f"Town{i}",
                geonames_id=100_000 + i if resolved else None,
                admin1=f"Region{i % 40}",
                country="Freedonia",
                lat=lat if resolved else None,
                lon=lon if resolved else None,
            )
        )
    return places


def words(rng: random.Random, vocabulary: list[str], n: int) -> list[str]:
    return rng.choices(vocabulary, weights=[1 / (r + 1) for r in range(len(vocabulary))], k=n)


def reported(rng: random.Random, figure: int) -> Count:
    drift = max(0, figure + rng.choice((0, 0, 0, 1, -1)))
    if rng.random() < 0.15:
        return Count(drift, None, None, "at least")
    return Count(drift, drift, drift, str(drift))


def side_event(rng: random.Random, places: list[Place]) -> Event:
    """A secondary event of an article: background, an earlier case, or an extraction error."""
    day = START + dt.timedelta(days=rng.randrange(730))
    return Event(
        type=rng.choice(TYPES),
        evidence=[Span(30, 40)],
        place=rng.choice(places) if rng.random() < 0.5 else None,
        date=DateRange(day.isoformat(), day.isoformat(), "day", "on")
        if rng.random() < 0.5
        else None,
        score=0.5,
    )


def make_collection(n_articles: int, seed: int) -> tuple[list[Article], dict[str, str]]:
    rng = random.Random(seed)
    places = make_places(rng, 400)
    vocabulary = [f"w{i}" for i in range(3000)]
    articles: list[Article] = []
    truth: dict[str, str] = {}
    incident = 0
    while len(articles) < n_articles:
        incident += 1
        kind = rng.choice(TYPES)
        place = rng.choice(places)
        day = START + dt.timedelta(days=rng.randrange(730))
        category = COUNT_OF_TYPE.get(kind, "killed")
        figure = rng.choice((0, 1, 1, 2, 3, 5, 12))
        particulars = [f"Name{incident}x{k}" for k in range(6)]
        reports = min(rng.choice((1, 1, 1, 2, 2, 3, 4, 6)), n_articles - len(articles))
        previous = ""
        for _ in range(reports):
            if previous and rng.random() < 0.2:
                text = "Syndicated. " + previous
            else:
                body = words(rng, vocabulary, 250) + rng.sample(particulars, 4) + [place.text]
                rng.shuffle(body)
                text = " ".join(body)
            previous = text
            dated = rng.random() < 0.75
            events = [side_event(rng, places) for _ in range(rng.choice((0, 1, 2, 3)))]
            event = Event(
                type=kind if rng.random() < 0.9 else rng.choice(TYPES),
                evidence=[Span(0, 20)],
                place=place if rng.random() < 0.85 else None,
                date=DateRange(day.isoformat(), day.isoformat(), "day", "on") if dated else None,
                counts={category: reported(rng, figure)},
            )
            article_id = f"a{len(articles)}"
            published = day + dt.timedelta(days=rng.choice((0, 1, 1, 2, 5)))
            events.insert(0, event)
            articles.append(Article(text=text, id=article_id, published=published, events=events))
            truth[article_id] = f"i{incident}"
    return articles, truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    articles, truth = make_collection(args.articles, args.seed)
    started = time.perf_counter()
    incidents = link_incidents(articles)
    seconds = time.perf_counter() - started
    precision, recall, f1 = bcubed(article_clusters(articles, incidents), truth)
    _, _, floor = bcubed({}, truth)
    result = {
        "articles": len(articles),
        "true_incidents": len(set(truth.values())),
        "incidents": len(incidents),
        "link_seconds": round(seconds, 2),
        "synthetic_b3": {"precision": precision, "recall": recall, "f1": f1, "f1_floor": floor},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
