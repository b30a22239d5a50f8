"""Which stated day is the main event's: a learnt ranker over the days an article names.

The rules of :mod:`presslens.events.context` date each event from its own sentence and
paragraph, and :mod:`presslens.events.extract` gives the main event the lead's day. A news
story names many days, though: the shooting's, the arrest's, the court hearing's, the funeral's,
the day the police spoke. Cue words cannot sort them out one by one ("charged Thursday in the
shooting Monday night"), while the pattern over a whole article can: the incident's day tends
to come early, with a time of day, a few days before publication, in a sentence with a
shooting verb, often more than once. :class:`DayRanker` weighs such features of each distinct
one-day date the title and text state (see :func:`candidate_features`), the rules' own choice
among them, and picks the best. It chooses only among days the article states, and only for a
main event the rules gave a day: the ranker tells which stated day is the event's, on the
premise that one is, and that premise holds when the rules found one. An event the rules left
undated stays undated, since a wrong day misleads more than none ("the suspect testified Monday"
is not the day of the killing the sentence tells of).

Training is in :mod:`presslens.events.dates_rank_train` (Gun Violence Archive training
articles); the model is a hashed linear scorer, pure numpy at inference.
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from presslens.document import Article, Span
from presslens.events.dates import find_dates
from presslens.events.dates_lexicon import (
    MONTH_NAMES,
    WEEKDAYS_EN,
    WEEKDAYS_RU,
    alternation,
)
from presslens.events.model import DateRange, Event
from presslens.model_file import check_version, read_arrays

#: Changes whenever the features change: a model trained on other features is refused.
FEATURE_VERSION = 6
BITS = 16
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "event_day.npz"
#: Weight of each word of a mention's sentence, against 1 for the structural features.
WORD_WEIGHT = 0.3
#: Mentions of one day whose wording and sentence are read (the first ones).
MENTIONS_READ = 3
#: A date this early in the text (characters) stands in the lead.
LEAD_CHARS = 300

#: The kinds of wording of a date (:func:`_wording`); weekdays and months from the lexicons
#: the date rules read.
_WEEKDAY = re.compile(rf"\b{alternation([*WEEKDAYS_EN, *WEEKDAYS_RU])}\b", re.IGNORECASE)
_MONTH = re.compile(rf"\b{MONTH_NAMES}\b", re.IGNORECASE)
_TIME_OF_DAY = re.compile(
    r"morning|afternoon|evening|night|noon|midnight|\ba\.?m\b|\bp\.?m\b|\d:\d\d"
    r"|утр|дн[её]м|вечер|ноч|полдень|полноч",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"today|yesterday|tonight|last night|this morning|сегодня|вчера|накануне|этой ночью",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\d{4}")
#: Finer kinds of wording (:func:`_named`): the part of the day, a clock time, a possessive
#: ("Saturday's shooting"). Around midnight one incident is named by two days ("10:40 p.m.
#: Sunday", "early Monday"), and which of them is the incident's depends on how each is worded
#: and how long before publication it lies.
_FINE = (
    ("early", re.compile(r"\bearly\b|\bрано\b", re.IGNORECASE)),
    ("late", re.compile(r"\blate\b|поздн", re.IGNORECASE)),
    ("night", re.compile(r"night|ноч", re.IGNORECASE)),
    ("morning", re.compile(r"morning|утр", re.IGNORECASE)),
    ("afternoon", re.compile(r"afternoon|noon|дн[её]м|полдень", re.IGNORECASE)),
    ("evening", re.compile(r"evening|вечер", re.IGNORECASE)),
    ("am", re.compile(r"\ba\.?m\b", re.IGNORECASE)),
    ("pm", re.compile(r"\bp\.?m\b", re.IGNORECASE)),
    ("clock", re.compile(r"\d(?::\d\d)?\s*[ap]\.?m|\d:\d\d", re.IGNORECASE)),
    ("possessive", re.compile(r"['’]s\b")),
)
_FINE_NAMES = frozenset(name for name, _ in _FINE)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class DayCandidate:
    """One day the article states, with every mention of it in text order.

    ``sentences`` holds, per mention, the sentence it stands in (the title for a title kept
    beside the text, whose mentions have no span); ``paragraph`` is the index of the first
    paragraph of the text that names the day.
    """

    day: str
    mentions: list[DateRange] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    in_title: bool = False
    paragraph: int | None = None

    @property
    def first(self) -> int | None:
        """Where the first mention in the text starts; None when only the title names it."""
        starts = [m.span.start for m in self.mentions if m.span is not None]
        return min(starts) if starts else None


def _position(candidate: DayCandidate) -> int:
    """Where a day is first named; the title comes before the text."""
    first = candidate.first
    return -1 if first is None else first


def _where(article: Article, span: Span) -> tuple[int | None, str, bool]:
    """The paragraph (index) and sentence (text) a date stands in, and whether it is the
    title's."""
    for index, paragraph in enumerate(article.paragraphs):
        if paragraph.span.start <= span.start < paragraph.span.end:
            around = next(
                (s for s in paragraph.sentences if s.start <= span.start < s.end), paragraph.span
            )
            return index, article.text[around.start : around.end], paragraph.is_title
    return None, "", False


def day_candidates(article: Article, language: str) -> list[DayCandidate]:
    """The distinct one-day dates of the title (when kept beside the text) and the text, in
    the order of their first mention (title first)."""
    by_day: dict[str, DayCandidate] = {}
    title = article.title or ""
    if title and article.title_span is None:
        for date in find_dates(title, article.published, language):
            if date.is_one_day:
                candidate = by_day.setdefault(date.start, DayCandidate(date.start))
                candidate.mentions.append(replace(date, span=None))
                candidate.sentences.append(title)
                candidate.in_title = True
    for date in find_dates(article.text, article.published, language):
        if date.is_one_day and date.span is not None:
            paragraph, sentence, in_title = _where(article, date.span)
            candidate = by_day.setdefault(date.start, DayCandidate(date.start))
            candidate.mentions.append(date)
            candidate.sentences.append(sentence)
            candidate.in_title = candidate.in_title or in_title
            if candidate.paragraph is None:
                candidate.paragraph = paragraph
    return list(by_day.values())


def _days_before(published: dt.date | None, day: str) -> str | None:
    """How long before publication the day is, in the buckets the ranker tells apart."""
    if published is None:
        return None
    days = (published - dt.date.fromisoformat(day)).days
    if -1 <= days <= 3:
        return str(days)
    return "after" if days < -1 else ("week" if days <= 7 else "older")


def _wording(text: str) -> list[str]:
    """What kind of expression a mention is: weekday, time of day, month, year, relative."""
    kinds = [
        name
        for name, pattern in (
            ("weekday", _WEEKDAY),
            ("time", _TIME_OF_DAY),
            ("month", _MONTH),
            ("year", _YEAR),
            ("relative", _RELATIVE),
        )
        if pattern.search(text)
    ]
    if "weekday" in kinds and "time" in kinds:
        kinds.append("weekday+time")
    return kinds


def _named(
    texts: Sequence[str], wordings: Sequence[list[str]], before: str | None
) -> list[tuple[str, float]]:
    """The kinds of wording of a day's first mentions (``texts``, their :func:`_wording`
    kinds in ``wordings``; finer ones of :data:`_FINE`), each also joined with how long before
    publication the day is: "early" or "a.m." names the small hours after a night, a day after
    "late Friday night" and maybe the day of publication, whereas "Friday night" three days
    back names the night itself."""
    kinds: set[str] = {kind for wording in wordings for kind in wording}
    for text in texts:
        kinds.update(name for name, pattern in _FINE if pattern.search(text))
    pairs = [(f"named:{kind}", 1.0) for kind in sorted(kinds) if kind in _FINE_NAMES]
    if before is not None:
        pairs += [(f"named:{kind}@{before}", 1.0) for kind in sorted(kinds)]
    return pairs


def _hash(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & ((1 << BITS) - 1)


def _structure(
    article: Article, candidate: DayCandidate, rank: int, count: int, rules: str | None
) -> list[tuple[str, float]]:
    """The features of where and how often a day is named, and of the rules' choice."""
    pairs: list[tuple[str, float]] = [
        ("mentions", min(len(candidate.mentions), 5) / 5),
        (f"rank{min(rank, 3)}", 1.0),
    ]
    if candidate.day == rules:
        pairs += [("rules", 1.0), (f"rules_rank{min(rank, 3)}", 1.0)]
        pairs.append((f"rules_of{min(count, 4)}", 1.0))
    if candidate.in_title:
        pairs.append(("title", 1.0))
    if candidate.paragraph is not None:
        pairs.append((f"par{min(candidate.paragraph, 6)}", 1.0))
    first = candidate.first
    if first is not None:
        pairs.append(("position", first / max(1, len(article.text))))
        if first < LEAD_CHARS:
            pairs.append(("lead", 1.0))
    before = _days_before(article.published, candidate.day)
    if before is not None:
        pairs.append((f"before:{before}", 1.0))
    return pairs


def _told(span: Span | None, events: Sequence[Event], main: Event) -> list[str]:
    """Which events a date's sentence tells: the main one, and each event's type."""
    if span is None:
        return ["told:title"]
    telling = [e for e in events if any(s.start <= span.start < s.end for s in e.evidence)]
    kinds = [f"told:{e.type}" for e in telling] or ["told:none"]
    return kinds + (["told:main"] if main in telling else [])


def candidate_features(
    article: Article,
    candidates: Sequence[DayCandidate],
    main: Event,
    events: Sequence[Event],
    language: str,
) -> list[dict[int, float]]:
    """Hashed features of each candidate day: where and how often it is named, how long before
    publication, how it is worded (also joined with how long before), the words of its
    sentences, which events its sentences tell, whether it is the earliest or latest day named
    and whether the rules chose it for the ``main`` event (a one-day date)."""
    rules = main.date
    chosen = rules.start if rules is not None and rules.is_one_day else None
    order = sorted(range(len(candidates)), key=lambda i: _position(candidates[i]))
    days = sorted(c.day for c in candidates)
    rows = []
    for index, candidate in enumerate(candidates):
        pairs = _structure(article, candidate, order.index(index), len(candidates), chosen)
        if candidate.day == days[0]:
            pairs.append(("earliest", 1.0))
        if candidate.day == days[-1]:
            pairs.append(("latest", 1.0))
        read = list(zip(candidate.mentions, candidate.sentences, strict=True))[:MENTIONS_READ]
        wordings = [_wording(mention.text) for mention, _ in read]
        before = _days_before(article.published, candidate.day)
        pairs += _named([mention.text for mention, _ in read], wordings, before)
        for (mention, sentence), wording in zip(read, wordings, strict=True):
            pairs += [(f"wording:{kind}", 1.0) for kind in wording]
            pairs += [(kind, 1.0) for kind in _told(mention.span, events, main)]
            words = sorted({w.lower() for w in _WORD.findall(sentence)})  # one order every run
            pairs += [(f"word:{language}:{w}", WORD_WEIGHT) for w in words]
        row: dict[int, float] = {}
        for key, value in pairs:
            slot = _hash(key)
            row[slot] = row.get(slot, 0.0) + value
        rows.append(row)
    return rows


@dataclass(frozen=True, slots=True)
class DayRanker:
    """A linear scorer over hashed candidate features; the best day wins.

    The scores are a conditional logit's: only their differences within one article mean
    anything (the softmax of an article's scores is the chance that each of its days is the
    event's, given that one is), so the model has no bias.
    """

    weights: np.ndarray

    def scores(self, rows: Sequence[dict[int, float]]) -> np.ndarray:
        """Each candidate's score; the highest is the likeliest day."""
        return np.array(
            [sum(self.weights[k] * v for k, v in row.items()) for row in rows], dtype=np.float64
        )

    def choose(
        self, article: Article, main: Event, events: Sequence[Event], language: str
    ) -> DateRange | None:
        """The main event's date: the best scoring day the article states when the rules gave
        the event a day, else the rules' date."""
        rules = main.date
        if rules is None or not rules.is_one_day:
            return rules
        candidates = day_candidates(article, language)
        if not candidates:
            return rules
        scores = self.scores(candidate_features(article, candidates, main, events, language))
        winner = candidates[int(np.argmax(scores))]
        if rules.start == winner.day:
            return rules
        in_text = [m for m in winner.mentions if m.span is not None]
        return in_text[0] if in_text else winner.mentions[0]

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            bits=np.int32(BITS),
            feature_version=np.int32(FEATURE_VERSION),
        )

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH) -> DayRanker:
        """Read a model written by :meth:`save`; a missing or stale file is a model error."""
        what = "event day model"
        fix = (
            "train it with `python -m presslens.events.dates_rank_train "
            "--data ../shared/data/gva-incidents`"
        )
        data = read_arrays(path, what, fix)
        check_version(data.get("feature_version"), FEATURE_VERSION, what, path, fix)
        check_version(data.get("bits"), BITS, f"{what} (hash bits)", path, fix)
        return cls(data["weights"].astype(np.float64))


@lru_cache(maxsize=1)
def default_day_ranker() -> DayRanker:
    """The shipped model, read once per process."""
    return DayRanker.load()
