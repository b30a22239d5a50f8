"""Speed of event extraction (presslens.events) on made-up English and Russian news articles.

The events step may add at most half of the ~60 ms the core analysis of an article takes, so it
should stay under ~30 ms per article, dates and places included. The articles are segmented
once; only the EventExtractor is timed (the first call, which loads the gazetteer, is not).

    .venv/bin/python bench/bench_events.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from presslens.document import Article
from presslens.events import EventExtractor
from presslens.read import article_from_text
from presslens.segment import Segmenter

PUBLISHED = dt.date(2025, 7, 10)
ARTICLE_CHARS = 4000

EN_ARTICLE = """Three killed, several hurt as gunmen attack market in northern town

KANO, Nigeria — Gunmen opened fire on a crowded market on Tuesday, killing three traders and \
wounding at least seven others, police said.
The attackers fled on motorcycles before security forces arrived, according to a police \
spokesman. Dozens of people were taken to hospital, some with serious injuries.
Police later detained two suspects in a nearby village. Officials said the men were ethnic \
Fulani herders, one of them a citizen of Niger.
It happened just before 10 a.m. Tuesday, witnesses told reporters.
Last year, a similar attack on the same market killed 12 people.
The governor condemned the violence and promised to rebuild the stalls that were set on fire.
"""

RU_ARTICLE = """В результате обстрела Белгорода погибли два человека

Во вторник вечером в результате обстрела Белгорода погибли два человека, ещё несколько \
получили ранения, сообщил губернатор области.
По словам губернатора, повреждены жилые дома и линия электропередачи.
Полиция задержала троих подозреваемых в поджоге подстанции, сообщили в МВД.
Депортированы не менее десяти граждан Узбекистана, нарушивших режим пребывания.
Ранее, 22 февраля 2022 года, в городе прошёл митинг против закрытия школы.
"""


def _articles(text: str, language: str, copies: int) -> list[Article]:
    """``copies`` articles of about 4,000 characters: the title, then the body repeated."""
    title, body = text.split("\n\n", 1)
    long_text = title + "\n\n" + "\n".join([body.strip()] * max(1, ARTICLE_CHARS // len(body)))
    articles = [
        article_from_text(long_text, published=PUBLISHED, language=language) for _ in range(copies)
    ]
    return Segmenter()(articles)


def _milliseconds(articles: list[Article], repeat: int) -> float:
    """Milliseconds per article of the EventExtractor, after a warm-up call."""
    extractor = EventExtractor()
    extractor(articles[:1])
    start = time.perf_counter()
    for _ in range(repeat):
        extractor(articles)
    return (time.perf_counter() - start) * 1000 / (repeat * len(articles))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    for language, text in (("en", EN_ARTICLE), ("ru", RU_ARTICLE)):
        articles = _articles(text, language, copies=10)
        ms = _milliseconds(articles, args.repeat)
        events = len(articles[0].events)
        chars = len(articles[0].text)
        print(f"{language}: {ms:.2f} ms/article ({chars} chars, {events} events)")


if __name__ == "__main__":
    main()
