"""The learnt chooser of the main event's day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from presslens.document import Article
from presslens.errors import ModelError
from presslens.events import Event, extract_events, main_event
from presslens.events.dates_rank import (
    BITS,
    DayCandidate,
    DayRanker,
    _named,
    _wording,
    candidate_features,
    day_candidates,
    default_day_ranker,
)
from presslens.events.dates_rank_train import _answer, _Article, _fit
from presslens.read import article_from_text
from presslens.segment import Segmenter

PUBLISHED = dt.date(2025, 3, 12)  # a Wednesday


def _article(text: str, title: str | None = None, language: str = "en") -> Article:
    article = article_from_text(text, title=title, published=PUBLISHED, language=language)
    Segmenter()([article])
    return article


def _main(article: Article, *, rank_days: bool = True) -> Event:
    article.events = extract_events(article, rank_days=rank_days)
    event = main_event(article)
    assert event is not None
    return event


COURT_STORY = (
    "A man accused of killing his neighbour appeared in court on Monday and pleaded not guilty."
    "\n\nPolice say he shot the neighbour twice outside a bar late Friday night after an "
    "argument over a parking space. The victim died at the scene.\n\n"
    "The judge set bail at $1 million on Monday."
)


def test_candidates_are_the_distinct_days_stated_in_title_and_text() -> None:
    article = _article(COURT_STORY, title="Man charged in Friday night killing")
    days = [c.day for c in day_candidates(article, "en")]
    assert days == ["2025-03-07", "2025-03-10"]  # Friday first: the title names it first
    friday = day_candidates(article, "en")[0]
    assert friday.in_title and len(friday.mentions) == 2
    assert friday.mentions[0].span is None  # the title's mention points into no text


def test_features_change_only_for_the_day_the_rules_chose() -> None:
    article = _article(COURT_STORY)
    main = _main(article, rank_days=False)
    assert main.date is not None and main.date.start == "2025-03-07"
    candidates = day_candidates(article, "en")
    chosen = candidate_features(article, candidates, main, article.events, "en")
    main.date = None
    unchosen = candidate_features(article, candidates, main, article.events, "en")
    assert [c.day for c in candidates] == ["2025-03-10", "2025-03-07"]  # the court day first
    assert chosen[0] == unchosen[0] and chosen[1] != unchosen[1]
    assert all(all(0 <= key < 1 << BITS for key in row) for row in chosen)


def test_a_day_is_told_by_the_part_of_the_day_it_is_named_with() -> None:
    """Around midnight two days name one incident ("10:40 p.m. Sunday", "early Monday"): how
    each is worded, also against how long before publication it lies, tells them apart."""
    article = _article(
        "Two men were shot early Monday outside a bar. Police said shots were fired about "
        "10:40 p.m. Sunday."
    )
    monday, sunday = day_candidates(article, "en")
    assert (monday.day, sunday.day) == ("2025-03-10", "2025-03-09")
    early = _named_keys(monday, "2")
    late = _named_keys(sunday, "3")
    assert {"named:early", "named:early@2", "named:weekday@2"} <= early
    assert {"named:pm", "named:clock", "named:clock@3"} <= late
    assert "named:early" not in late and "named:pm" not in early
    assert all(not key.startswith("named:weekday") for key in _named_keys(monday, None))


def _named_keys(candidate: DayCandidate, before: str | None) -> set[str]:
    texts = [mention.text for mention in candidate.mentions]
    return {key for key, _ in _named(texts, [_wording(t) for t in texts], before)}


def test_the_shipped_ranker_picks_the_shooting_day_over_the_court_days() -> None:
    article = _article(COURT_STORY)
    event = _main(article)
    assert event.date is not None
    assert event.date.start == "2025-03-07"
    assert event.date.span is not None
    assert article.text[event.date.span.start : event.date.span.end] == event.date.text


def test_a_story_that_states_no_day_stays_undated() -> None:
    article = _article("A man was shot and killed outside a bar after an argument, police said.")
    assert _main(article).date is None


def test_a_day_stated_only_in_the_title_keeps_no_span() -> None:
    article = _article(
        "Police say two men were shot outside a bar. Both were taken to hospital.",
        title="Two wounded in Sunday shooting",
    )
    date = _main(article).date
    assert date is not None and date.start == "2025-03-09" and date.span is None


def test_a_russian_story_takes_one_of_the_days_it_states() -> None:
    """The ranker never saw Russian words; it must still choose a stated day, with its span.
    (Here it takes Monday's arrest, as the rules do: the first sentence tells of the killing.)"""
    text = (
        "В понедельник суд арестовал мужчину, обвиняемого в убийстве соседа.\n\n"
        "По данным полиции, в пятницу вечером он застрелил соседа во дворе дома."
    )
    article = _article(text, language="ru")
    date = _main(article).date
    assert date is not None and date.start in {"2025-03-07", "2025-03-10"}
    assert date.span is not None and article.text[date.span.start : date.span.end] == date.text


def test_an_event_the_rules_left_undated_stays_undated() -> None:
    """The ranker picks among stated days only for an event the rules dated: here the one
    day stated is the arrest's, and a ranker that likes every day still leaves it alone."""
    ranker = DayRanker(np.ones(1 << BITS))
    article = _article("A man was shot outside a bar. Police arrested a suspect on Monday.")
    main = _main(article, rank_days=False)
    main.date = None
    assert ranker.choose(article, main, article.events, "en") is None


def test_a_missing_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="dates_rank_train"):
        DayRanker.load(tmp_path / "absent.npz")


def test_the_model_round_trips(tmp_path: Path) -> None:
    shipped = default_day_ranker()
    path = tmp_path / "day.npz"
    shipped.save(path)
    loaded = DayRanker.load(path)
    assert np.allclose(loaded.weights, shipped.weights)


def _training_article(right_first: bool, *, rules_dated: bool = True) -> _Article:
    """Two candidate days: feature 1 marks the right one, feature 2 the other, feature 3 both."""
    right, wrong = {1: 1.0, 3: 1.0}, {2: 1.0, 3: 1.0}
    labels = [right_first, not right_first]
    return _Article(
        fold=0,
        rows=[right, wrong] if right_first else [wrong, right],
        labels=labels,
        days=["2025-03-10", "2025-03-11"],
        rules="2025-03-10" if rules_dated else None,
        rules_one_day=rules_dated,
        gold="2025-03-10" if right_first else "2025-03-11",
    )


def test_training_learns_what_marks_the_right_day() -> None:
    articles = [_training_article(i % 2 == 0) for i in range(10)]
    weights = _fit(articles, penalty=1.0)
    assert weights[1] > 0 > weights[2]
    assert abs(weights[3]) < 1e-9  # on every candidate alike, it tells none apart
    assert all(_answer(a, DayRanker(weights).scores(a.rows)) == a.gold for a in articles)


def test_training_reads_only_articles_the_ranker_decides() -> None:
    decided = [_training_article(True) for _ in range(4)]
    undated = [_training_article(False, rules_dated=False) for _ in range(40)]
    weights = _fit(decided + undated, penalty=1.0)
    assert weights[1] > 0 > weights[2]
    assert _answer(undated[0], DayRanker(weights).scores(undated[0].rows)) is None
