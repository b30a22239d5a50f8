"""A stand-in analyser and made-up articles, for tests, benchmarks and trying the web UI.

As httpx ships ``MockTransport``, presslens ships :func:`keyword_analyzer`: a component with the
real pipeline's signature (``list[Article] -> list[Article]``) that fills paragraphs,
techniques with evidence, frames, genre and events from fixed keyword lists, in microseconds and
without model files. Its labels are made up to exercise the store and the views, not to be right.
:func:`made_up_articles` writes a reproducible collection of small articles to feed it.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator

from presslens.document import Article, Evidence, LabelScore, Paragraph, Span, TechniqueFinding
from presslens.events.model import Count, DateRange, Event, Place
from presslens.segment import line_spans

#: Words that make the stand-in analyser report a technique, with the words as evidence.
TECHNIQUE_WORDS = {
    "Loaded_Language": ("shocking", "outrageous", "brutal", "disgraceful"),
    "Name_Calling-Labeling": ("thugs", "traitors", "puppets"),
    "Doubt": ("allegedly", "so-called", "questionable"),
    "Appeal_to_Fear-Prejudice": ("threat", "catastrophe", "danger"),
    "Flag_Waving": ("our nation", "patriots"),
    "Exaggeration-Minimisation": ("never before", "millions", "tiny"),
}
FRAME_WORDS = {
    "Security_and_defense": ("army", "drone", "attack", "military"),
    "Economic": ("price", "economy", "market", "tax"),
    "Political": ("election", "parliament", "minister"),
    "Crime_and_punishment": ("police", "arrest", "court"),
    "Health_and_safety": ("hospital", "injured"),
}
#: Places the stand-in analyser resolves: name → (country, lat, lon).
PLACES = {
    "Kharkiv": ("UA", 49.99, 36.23),
    "Lyon": ("FR", 45.76, 4.84),
    "Gdansk": ("PL", 54.35, 18.65),
    "Kazan": ("RU", 55.79, 49.12),
    "Bristol": ("GB", 51.45, -2.59),
}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_COUNT = re.compile(
    r"\b(\d+|" + "|".join(_NUMBERS) + r")\s+(?:people|civilians|residents|protesters)\s+"
    r"(?:were\s+)?(killed|injured|detained|arrested)",
    re.IGNORECASE,
)
_COUNT_KIND = {"killed": "killed", "injured": "injured", "detained": "detained"}
_EVENT_TYPE = {"killed": "violence_against_civilians", "injured": "violence_against_civilians"}
_OPINION = re.compile(r"\b(?:I|we must|in my view)\b|!")


def keyword_analyzer(articles: list[Article]) -> list[Article]:
    """Fill every article's findings from the keyword lists above; returns the same list."""
    for article in articles:
        _analyse(article)
    return articles


def _analyse(article: Article) -> None:
    text = article.text
    lower = text.lower()
    article.language = article.language_hint or "en"
    article.language_score = 1.0
    article.paragraphs = [
        Paragraph(
            span=span,
            sentences=[span],
            is_title=article.title_span is not None and span.overlap(article.title_span) > 0,
            techniques=_techniques(lower, span),
        )
        for span in line_spans(text)
    ]
    article.frame_scores = {
        label: min(1.0, 0.4 + 0.15 * sum(lower.count(word) for word in words))
        for label, words in FRAME_WORDS.items()
        if any(word in lower for word in words)
    }
    article.frames = [LabelScore(label, score) for label, score in article.frame_scores.items()]
    opinion = 0.8 if _OPINION.search(text) else 0.2
    article.genre_scores = {"opinion": opinion, "reporting": round(1 - opinion, 4)}
    genre = max(article.genre_scores, key=article.genre_scores.__getitem__)
    article.genre = LabelScore(genre, article.genre_scores[genre])
    article.events = [_event(article, match) for match in _COUNT.finditer(text)]


def _techniques(lower: str, paragraph: Span) -> list[TechniqueFinding]:
    findings = []
    for label, words in TECHNIQUE_WORDS.items():
        evidence = [
            Evidence(Span(m.start(), m.end()), 0.9)
            for word in words
            for m in re.finditer(re.escape(word), lower[: paragraph.end])
            if m.start() >= paragraph.start
        ]
        if evidence:
            findings.append(TechniqueFinding(label, 0.6 + 0.1 * min(len(evidence), 3), evidence))
    return findings


def _event(article: Article, match: re.Match[str]) -> Event:
    number = match.group(1).lower()
    value = int(number) if number.isdigit() else _NUMBERS[number]
    verb = match.group(2).lower()
    kind = _COUNT_KIND.get(verb, "detained")
    sentence = Span(match.start(), match.end())
    return Event(
        type=_EVENT_TYPE.get(verb, "arrest"),
        evidence=[sentence],
        place=_place(article.text),
        date=_date(article.published),
        counts={kind: Count(low=value, high=value, exact=value, text=match.group(0))},
    )


def _place(text: str) -> Place | None:
    for name, (country, lat, lon) in PLACES.items():
        if name in text:
            return Place(text=name, name=name, country=country, lat=lat, lon=lon)
    return None


def _date(published: dt.date | None) -> DateRange | None:
    if published is None:
        return None
    day = (published - dt.timedelta(days=1)).isoformat()
    return DateRange(start=day, end=day, granularity="day", text="yesterday")


_OUTLETS = ("Daily Example", "The Sample Post", "Morning Placeholder", "Evening Mock")
_OPENINGS = (
    "The minister spoke to parliament about the economy and the market.",
    "Police said {n} people were detained in {place} after the protest.",
    "A drone attack hit {place}; {n} civilians were killed, officials said.",
    "Prices rose again, and the tax plan faces a questionable future.",
    "The hospital in {place} treated {n} people injured in the crash.",
)
_COLOUR = (
    "Critics called the decision shocking and outrageous.",
    "Supporters say the so-called reform is a threat to our nation.",
    "Never before have millions watched an election so closely.",
    "The army denied the claims and called its critics traitors.",
    "We must stand together as patriots!",
    "The court will hear the case next month.",
)


def made_up_articles(n: int, *, seed: int = 0, start: dt.date | None = None) -> Iterator[Article]:
    """``n`` small made-up articles over 12 weeks and four outlets; same seed, same articles."""
    rng = random.Random(seed)
    first = start or dt.date(2025, 1, 6)
    places = list(PLACES)
    for i in range(n):
        outlet = _OUTLETS[i % len(_OUTLETS)]
        place = rng.choice(places)
        lines = [
            rng.choice(_OPENINGS).format(n=rng.choice(("two", "three", "12", "five")), place=place),
            *rng.sample(_COLOUR, 2),
            f"Report number {i} from {place}.",
        ]
        title = f"{place}: report {i}"
        yield Article(
            text=f"{title}\n\n" + "\n".join(lines),
            title=title,
            title_span=Span(0, len(title)),
            source=f"made-up#{i}",
            id=f"made-up-{i}",
            url=f"https://example.org/{outlet.lower().replace(' ', '-')}/{i}",
            outlet=outlet,
            published=first + dt.timedelta(days=rng.randrange(84)),
            language_hint="en",
        )
