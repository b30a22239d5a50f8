"""Linking hand-made events of made-up articles into incidents."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.document import Article, Span
from presslens.events.model import Count, DateRange, Event, Mention, Place
from presslens.incidents import Incident, LinkConfig, link_incidents, source_names

KOVROVO = Place("Kovrovo", "Kovrovo", 7001, "Northern Region", "Freedonia", 61.10, 40.20)
SALTMARSH = Place("Saltmarsh", "Saltmarsh", 7002, "Southern Region", "Freedonia", 55.00, 33.00)

RAID_A = (
    "Police raid Kovrovo homes\n\n"
    "Riot police raided three homes in the village of Kovrovo on 3 March 2025 and detained "
    "12 people, the regional interior ministry said. Officers from the Northern Region unit "
    "searched the houses of members of the Ashkar community on Lipovaya street."
)
RAID_B = (
    "Activists: at least 15 held in Kovrovo\n\n"
    "Masked officers stormed houses on Lipovaya street in Kovrovo on Monday, 3 March, and took "
    "at least 15 residents away, activists of the Ashkar community told reporters. The "
    "Northern Region police declined to comment."
)
OTHER = (
    "Protest dispersed in Saltmarsh\n\n"
    "Police in Saltmarsh detained two demonstrators outside the port authority on 3 March "
    "2025, local reporters said."
)
SYNDICATED = "Reposted with permission.\n" + RAID_A


def day(iso: str, text: str) -> DateRange:
    return DateRange(iso, iso, "day", text)


def exact(n: int, text: str) -> Count:
    return Count(n, n, n, text)


def event(text: str, phrase: str, **fields: object) -> Event:
    start = text.index(phrase)
    defaults: dict[str, object] = {"type": "raid", "evidence": [Span(start, start + len(phrase))]}
    return Event(**(defaults | fields))  # type: ignore[arg-type]


def article(id: str, text: str, published: str, *events: Event) -> Article:
    title = text.split("\n", 1)[0]
    return Article(
        text=text, title=title, id=id, published=dt.date.fromisoformat(published),
        events=list(events),
    )  # fmt: skip


def raid_a(id: str = "a", text: str = RAID_A) -> Article:
    return article(
        id, text, "2025-03-03",
        event(
            text, "raided three homes", place=KOVROVO, date=day("2025-03-03", "on 3 March 2025"),
            counts={"detained": exact(12, "detained 12 people")},
            actor=Mention("Riot police", "state_security"),
        ),
    )  # fmt: skip


def raid_b() -> Article:
    return article(
        "b", RAID_B, "2025-03-04",
        event(
            RAID_B, "stormed houses", place=KOVROVO, date=day("2025-03-03", "on Monday, 3 March"),
            counts={"detained": Count(15, None, None, "at least 15 residents")},
            actor=Mention("Masked officers", "state_security"),
        ),
    )  # fmt: skip


def other() -> Article:
    return article(
        "c", OTHER, "2025-03-03",
        event(
            OTHER, "detained two demonstrators", type="arrest", place=SALTMARSH,
            date=day("2025-03-03", "on 3 March 2025"),
            counts={"detained": exact(2, "two demonstrators")},
        ),
    )  # fmt: skip


def by_sources(incidents: list[Incident]) -> dict[tuple[str, ...], Incident]:
    return {tuple(sorted(s.source for s in i.sources)): i for i in incidents}


def test_link_incidents_same_raid_two_sources_conservative_summary() -> None:
    incidents = by_sources(link_incidents([raid_a(), raid_b(), other()]))
    assert set(incidents) == {("a", "b"), ("c",)}
    raid = incidents[("a", "b")]
    assert raid.type == "raid"
    assert raid.place is KOVROVO
    assert raid.date is not None and (raid.date.start, raid.date.end) == ("2025-03-03",) * 2
    detained = raid.counts["detained"]
    # The only exact figure is the lower one; the range keeps the open-ended "at least 15".
    assert (detained.exact, detained.low, detained.high) == (12, 12, None)
    per_source = {s.source: s.counts["detained"].text for s in raid.sources}
    assert per_source == {"a": "detained 12 people", "b": "at least 15 residents"}
    assert raid.duplicates == []


LATER = (
    "Second search in Kovrovo\n\n"
    "Weeks after the first raid, officers returned to Kovrovo on 20 April and questioned "
    "shopkeepers near the bus station about unpaid fines, the district prosecutor said."
)


def later_raid(**changes: object) -> Article:
    fields: dict[str, object] = {
        "place": KOVROVO,
        "date": day("2025-04-20", "on 20 April"),
        "counts": {"detained": exact(14, "14")},
    }
    fields.update(changes)
    return article("l", LATER, "2025-04-21", event(LATER, "returned to Kovrovo", **fields))


def test_link_incidents_keeps_apart_other_dates_places_and_figures() -> None:
    # Different reports (little shared wording) that contradict the raid on one point each.
    assert len(link_incidents([raid_a(), later_raid()])) == 2
    march = day("2025-03-03", "3 March")
    assert len(link_incidents([raid_a(), later_raid(date=march, place=SALTMARSH)])) == 2
    clash = {"detained": exact(140, "140")}
    assert len(link_incidents([raid_a(), later_raid(date=march, counts=clash)])) == 2
    assert len(link_incidents([raid_a(), later_raid(date=march)])) == 1


def test_one_contradiction_is_overruled_only_by_very_similar_articles() -> None:
    elsewhere = raid_b()
    elsewhere.events[0].place = SALTMARSH  # a misplaced report of the same raid, same wording
    assert len(link_incidents([raid_a(), elsewhere])) == 1
    strict = LinkConfig(min_similarity_conflict=1.01)
    assert len(link_incidents([raid_a(), elsewhere], config=strict)) == 2
    elsewhere.events[0].date = day("2025-04-20", "on 20 April")  # two contradictions: never
    assert len(link_incidents([raid_a(), elsewhere])) == 2


def test_similar_articles_with_stated_dates_that_never_meet_stay_apart() -> None:
    april = raid_b()
    april.events[0].date = day("2025-04-20", "on 20 April")
    assert len(link_incidents([raid_a(), april])) == 2
    # A follow-up that also states the day of the raid joins it.
    start = RAID_B.index("on Monday")
    april.events.append(
        Event(type="raid", evidence=[Span(start, start + 9)], place=KOVROVO,
              date=day("2025-03-03", "on Monday, 3 March"))
    )  # fmt: skip
    (incident,) = link_incidents([raid_a(), april])
    assert incident.date is not None and incident.date.start == "2025-03-03"


def test_link_incidents_reports_syndicated_copy_as_duplicate() -> None:
    incidents = link_incidents([raid_a(), raid_b(), raid_a("copy", SYNDICATED)])
    assert len(incidents) == 1
    assert incidents[0].duplicates == [["a", "copy"]]


def test_link_incidents_undated_event_links_through_publication_week_without_a_date() -> None:
    undated = raid_b()
    undated.events[0].date = None
    (incident,) = link_incidents([undated])
    assert incident.date is None  # the publication date is never taken as the event's date
    linked = link_incidents([raid_a(), undated])
    assert len(linked) == 1 and linked[0].date is not None
    assert linked[0].date.start == "2025-03-03"


def test_link_incidents_summary_date_is_what_most_sources_allow() -> None:
    tuesday = raid_b()
    tuesday.events[0].date = day("2025-03-04", "on Tuesday")
    # Two sources say 3 March, one 4 March: the majority's day, not the hull of both.
    (incident,) = link_incidents([raid_a(), raid_a("a2"), tuesday])
    assert incident.date is not None
    assert (incident.date.start, incident.date.end, incident.date.granularity) == (
        "2025-03-03", "2025-03-03", "day",
    )  # fmt: skip
    # "Early March" overlaps both days; 3 and 4 March then have two sources each, and the
    # tie goes to the earlier day.
    early_march = raid_b()
    early_march.id = "b2"
    early_march.events[0].date = DateRange("2025-03-01", "2025-03-10", "month", "early March")
    (incident,) = link_incidents([raid_a(), tuesday, early_march])
    assert incident.date is not None and incident.date.start == incident.date.end == "2025-03-03"


def test_link_incidents_id_does_not_depend_on_input_order() -> None:
    forward = link_incidents([raid_a(), raid_b(), other()])
    backward = link_incidents([other(), raid_b(), raid_a()])
    assert sorted(i.id for i in forward) == sorted(i.id for i in backward)
    assert len({i.id for i in forward}) == 2


def test_incident_to_dict_has_exactly_the_documented_fields() -> None:
    (incident, _) = sorted(
        link_incidents([raid_a(), raid_b(), other()]), key=lambda i: -len(i.sources)
    )
    data = incident.to_dict()
    assert list(data) == ["id", "type", "date", "place", "counts", "sources", "duplicates"]
    assert set(data["sources"][0]) == {"source", "counts", "evidence"}
    first = data["sources"][0]
    span = first["evidence"][0]
    assert RAID_A[span["start"] : span["end"]] == "raided three homes"
    assert data["counts"]["detained"] == {
        "low": 12,
        "high": None,
        "exact": 12,
        "text": "detained 12 people",
    }


def test_link_incidents_ignores_articles_without_events() -> None:
    assert link_incidents([Article(text="Nothing happened.")]) == []


def test_two_events_of_one_article_in_two_places_stay_apart() -> None:
    text = "Raids in Kovrovo and in Saltmarsh on 3 March 2025."
    roundup = article(
        "r", text, "2025-03-03",
        event(text, "Kovrovo", place=KOVROVO, date=day("2025-03-03", "3 March 2025")),
        event(text, "Saltmarsh", place=SALTMARSH, date=day("2025-03-03", "3 March 2025")),
    )  # fmt: skip
    assert len(link_incidents([roundup])) == 2


def test_weak_place_match_needs_similar_articles() -> None:
    b = raid_b()
    b.events[0].place = None
    strict = LinkConfig(min_similarity_weak=1.01)
    assert len(link_incidents([raid_a(), b], config=strict)) == 2
    assert len(link_incidents([raid_a(), b], config=LinkConfig(min_similarity_weak=0.0))) == 1


@pytest.mark.parametrize(
    ("ids", "sources", "expected"),
    [
        (["1", "2"], ["f.jsonl", "f.jsonl"], ["1", "2"]),
        (["1", "1"], ["a.jsonl", "b.jsonl"], ["a.jsonl#1", "b.jsonl#1"]),
        ([None, None], ["x.txt", "y.txt"], ["x.txt", "y.txt"]),
        (["1", "1"], ["a.jsonl", "a.jsonl"], ["a.jsonl#1@1", "a.jsonl#1@2"]),
    ],
)
def test_source_names_are_unique(
    ids: list[str | None], sources: list[str], expected: list[str]
) -> None:
    articles = [Article(text="t", id=i, source=s) for i, s in zip(ids, sources, strict=True)]
    assert source_names(articles) == expected
