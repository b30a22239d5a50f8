"""How an incident's summary is formed from its sources: whose figures, which place."""

from __future__ import annotations

from presslens.document import Article, Span
from presslens.events.model import Count, Event, Place
from presslens.incidents.model import IncidentSource
from presslens.incidents.summary import merge_article_counts, summary_counts, summary_place

TEXT = (
    "Two men were shot dead in Lindenburg on Friday night. "
    "In March, five people were wounded in a shooting in Oakfield. "
    "Police in Lindenburg County are asking for witnesses."
)
CITY = Place("Lindenburg", "Lindenburg", 1, "North", "Freedonia", 50.0, 10.0)
COUNTY = Place("Lindenburg County", "Lindenburg County", 2, "North", "Freedonia", 50.2, 10.2)
SUBURB = Place("Oakfield", "Oakfield", 3, "North", "Freedonia", 50.1, 10.1)


def figure(n: int, words: str) -> Count:
    return Count(n, n, n, words)


def event(start: int, place: Place | None, counts: dict[str, Count], score: float = 1.0) -> Event:
    return Event("shooting", [Span(start, start + 10)], place=place, counts=counts, score=score)


def source(name: str, events: list[Event], main: Event | None = None) -> IncidentSource:
    """A source whose article's events are ``events`` plus ``main`` (its main event) if given."""
    article = Article(TEXT, title="Two killed in Lindenburg", id=name)
    article.events = [*events, main] if main is not None else list(events)
    return IncidentSource(name, article, list(events), merge_article_counts(events))


def test_a_source_takes_all_its_figures_from_one_event() -> None:
    lede = event(0, CITY, {"killed": figure(2, "two")})
    recalled = event(54, SUBURB, {"injured": figure(5, "five")})
    assert merge_article_counts([recalled, lede]) == {"killed": figure(2, "two")}


def test_events_without_figures_do_not_silence_a_later_one() -> None:
    bare = event(0, CITY, {})
    later = event(54, CITY, {"killed": figure(2, "two"), "injured": figure(1, "one")})
    assert merge_article_counts([later, bare]) == later.counts
    assert merge_article_counts([bare]) == {}


def test_a_source_silent_on_injured_leaves_the_others_figure() -> None:
    lede_only = source("a", [event(0, CITY, {"killed": figure(2, "two")})])
    both = source("b", [event(0, CITY, {"killed": figure(3, "three"), "injured": figure(4, "4")})])
    counts = summary_counts([lede_only, both])
    assert counts["killed"].exact == 2  # the lower exact figure: conservative
    assert counts["injured"].exact == 4  # silence is not zero


def test_each_source_votes_once_for_its_main_events_place() -> None:
    # a's events name the county first, then its main event's city: a votes for the city
    # only, so the city the article is about outvotes the county that b names once.
    main = event(54, CITY, {"killed": figure(2, "two")}, score=2.0)
    a = source("a", [event(0, COUNTY, {}), main])
    b = source("b", [event(0, COUNTY, {})])
    c = source("c", [event(0, CITY, {})])
    assert summary_place([a, b, c]) == CITY


def test_a_tied_vote_goes_to_the_place_named_most() -> None:
    main = event(0, CITY, {"killed": figure(2, "two")}, score=2.0)
    a = source("a", [main, event(100, COUNTY, {}), event(120, COUNTY, {})])
    b = source("b", [event(0, COUNTY, {})])
    assert summary_place([a, b]) == COUNTY  # one vote each; the county is named 3 times


def test_a_source_without_its_main_event_votes_for_its_most_named_place() -> None:
    elsewhere = event(0, SUBURB, {}, score=5.0)  # the article's main story, not linked here
    a = source(
        "a", [event(54, CITY, {}), event(100, COUNTY, {}), event(120, COUNTY, {})], elsewhere
    )
    b = source("b", [event(0, CITY, {})])
    c = source("c", [event(0, COUNTY, {}), event(60, CITY, {})], event(90, SUBURB, {}, 9.0))
    # a votes county (named twice), b city, c county (its first place): county wins 2-1.
    assert summary_place([a, b, c]) == COUNTY


def test_no_place_no_summary_place() -> None:
    assert summary_place([source("a", [event(0, None, {})])]) is None
