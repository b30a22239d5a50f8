"""Events only a headline tells of (the body is page furniture) in linking."""

from __future__ import annotations

import datetime as dt

from presslens.document import Article, Span
from presslens.events.model import Count, Event, Place
from presslens.incidents import LinkConfig, link_incidents

KOVROVO = Place("Kovrovo", "Kovrovo", 7001, "Northern Region", "Freedonia", 61.10, 40.20)
#: The furniture of one site's pages, around whatever headline they carry.
FURNITURE = (
    "Sign up for our newsletter. Weather: snow showers in the Northern Region tonight. "
    "Most read: Kovrovo council approves budget; Harbour festival returns; Ice on the "
    "Lipovaya bridge closes two lanes; School board meets on Thursday. Follow us on social "
    "media. Contact the newsroom of the Kovrovo Courier. Copyright Kovrovo Courier."
)


def headline_page(id: str, title: str, published: str, killed: int, **fields: object) -> Article:
    """A page whose body tells of nothing: its one event comes from its title."""
    count = Count(killed, killed, killed, title)
    headline = Event(
        type="violence_against_civilians", evidence=[], counts={"killed": count},
        score=0.5, **fields,  # type: ignore[arg-type]
    )  # fmt: skip
    day = dt.date.fromisoformat(published)
    return Article(text=FURNITURE, title=title, id=id, published=day, events=[headline])


def told(id: str, text: str, published: str, killed: int, **fields: object) -> Article:
    """An article whose body tells of its event."""
    start = text.index("killed")
    event = Event(
        type="violence_against_civilians", evidence=[Span(start, start + 6)],
        counts={"killed": Count(killed, killed, killed, "killed")}, **fields,  # type: ignore[arg-type]
    )  # fmt: skip
    return Article(text=text, title=text.split(".")[0], id=id,
                   published=dt.date.fromisoformat(published), events=[event])  # fmt: skip


def test_pages_of_one_site_with_different_headlines_are_not_one_incident() -> None:
    """Near-copies by their furniture alone: the headlines tell of two shootings."""
    first = headline_page("a", "Man killed in shooting at Kovrovo gas station", "2025-03-03", 1)
    second = headline_page("b", "Two teens shot dead near river park", "2025-03-04", 2)
    incidents = link_incidents([first, second])
    assert len(incidents) == 2
    assert all(incident.duplicates == [] for incident in incidents)


def test_a_headline_never_overrules_a_contradiction() -> None:
    """With no sentence to compare, a headline's similarity cannot outweigh clashing figures."""
    text = "Three people were killed in a shooting at a Kovrovo gas station on Monday."
    report = told("r", text, "2025-03-03", 3, place=KOVROVO)
    page = headline_page(
        "p", "Three people killed in shooting at Kovrovo gas station", "2025-03-03", 9,
        place=KOVROVO,
    )  # fmt: skip
    assert len(link_incidents([report, page])) == 2
    assert len(link_incidents([report, page], config=LinkConfig(min_similarity_conflict=0))) == 2
    page.events[0].counts["killed"] = Count(3, 3, 3, "Three people killed")
    assert len(link_incidents([report, page])) == 1


def test_same_headline_and_body_of_one_incident_still_link() -> None:
    a = headline_page("a", "Man killed in Kovrovo gas station shooting", "2025-03-03", 1)
    b = headline_page("b", "Man killed in Kovrovo gas station shooting", "2025-03-03", 1)
    (incident,) = link_incidents([a, b])
    assert incident.duplicates == [["a", "b"]]
