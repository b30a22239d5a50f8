"""Search, filters, aggregates, facets and export records over a small hand-written collection."""

from __future__ import annotations

from typing import Any

import pytest

from presslens.errors import InputError
from presslens.ingest.fake import keyword_analyzer
from presslens.read import article_from_text
from presslens.serialize import article_to_dict
from presslens.store import Filters, Store

#: (outlet, published, text): what the stand-in analyser finds is spelled out in each text.
ARTICLES = [
    (
        "Daily",
        "2025-03-03",
        "Drone strike\n\nA drone attack hit Kharkiv; two civilians were killed. A shocking night.",
    ),
    ("Daily", "2025-03-05", "Budget vote\n\nParliament debated the tax plan and the economy."),
    ("Daily", "2025-03-12", "Power plant\n\nThe power plant in Lyon was allegedly sabotaged."),
    (
        "Post",
        "2025-03-04",
        "Strike again\n\nAnother drone attack on Kharkiv; three civilians were "
        "killed. Our nation mourns!",
    ),
    ("Post", "2025-03-11", "Market day\n\nPrices at the market rose; the minister blamed them."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("search") / "s.db")
    for i, (outlet, published, text) in enumerate(ARTICLES):
        article = article_from_text(
            text, outlet=outlet, published=published, url=f"https://example.org/{i}"
        )
        store.add(article_to_dict(keyword_analyzer([article])[0]))
    return store


def titles(page: dict[str, Any]) -> list[str]:
    return [r["title"] for r in page["results"]]


def test_store_search_full_text_ranks_and_marks_matches(store: Store) -> None:
    page = store.search(Filters(q="drone"))
    assert page["total"] == 2 and set(titles(page)) == {"Drone strike", "Strike again"}
    matched = [p["text"] for r in page["results"] for p in r["snippet"] if p["match"]]
    assert matched and {m.lower() for m in matched} == {"drone"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(outlet="Post"), {"Strike again", "Market day"}),
        (Filters(date_from="2025-03-05", date_to="2025-03-11"), {"Budget vote", "Market day"}),
        (Filters(technique="Loaded_Language"), {"Drone strike"}),
        (Filters(technique="Doubt"), {"Power plant"}),
        (Filters(frame="Economic"), {"Budget vote", "Market day"}),
        (Filters(genre="opinion"), {"Strike again"}),
        (Filters(event_type="violence_against_civilians"), {"Drone strike", "Strike again"}),
        (Filters(place="kharkiv"), {"Drone strike", "Strike again"}),
        (Filters(place="UA", outlet="Daily"), {"Drone strike"}),
        (Filters(q='"power plant"'), {"Power plant"}),
        (Filters(q="title:strike"), {"Drone strike", "Strike again"}),
        (Filters(q="mark*"), {"Market day"}),
        (Filters(q="drone NOT shocking"), {"Strike again"}),
        (Filters(language="en", q="nothingmatches"), set()),
    ],
)
def test_store_search_filters(store: Store, filters: Filters, expected: set[str]) -> None:
    assert set(titles(store.search(filters))) == expected


@pytest.mark.parametrize(
    "query", ['U.S. "sanctions', "drone AND", "nosuchcolumn:word", "(a", '"', "*", "NEAR(a b"]
)
def test_store_search_reports_query_syntax_errors_with_a_fix(store: Store, query: str) -> None:
    with pytest.raises(InputError, match=r"cannot understand the search query .* double quotes"):
        store.search(Filters(q=query))


def test_store_search_sorts_and_pages(store: Store) -> None:
    newest = titles(store.search(Filters(), sort="newest"))
    assert newest[0] == "Power plant" and newest[-1] == "Drone strike"
    assert titles(store.search(Filters(), sort="oldest")) == newest[::-1]
    assert titles(store.search(Filters(), sort="title"))[0] == "Budget vote"
    assert titles(store.search(Filters(), sort="-outlet"))[0] in {"Strike again", "Market day"}
    page = store.search(Filters(), sort="newest", limit=2, offset=2)
    assert titles(page) == newest[2:4] and page["total"] == 5


def test_store_search_without_query_shows_the_lead_after_the_title(store: Store) -> None:
    result = store.search(Filters(outlet="Post"), sort="oldest")["results"][0]
    assert result["snippet"][0]["text"].startswith("Another drone attack")
    assert {t["label"] for t in result["techniques"]} == {"Flag_Waving"}
    assert result["events"] == [{"label": "violence_against_civilians", "n": 1}]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sort": "random"}, "sort must be one of"),
        ({"limit": 0}, "limit must be"),
        ({"offset": -1}, "offset 0 or more"),
    ],
)
def test_store_search_rejects_bad_paging(store: Store, kwargs: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        store.search(Filters(), **kwargs)


def test_store_filters_reject_bad_dates() -> None:
    with pytest.raises(InputError, match="ISO date"):
        Filters(date_from="03/05/2025")
    assert Filters.from_mapping({"outlet": " ", "place": " Lyon ", "other": "x"}).to_dict() == {
        "place": "Lyon"
    }


def test_store_aggregate_shares_per_outlet(store: Store) -> None:
    result = store.aggregate("frame", "outlet", Filters())
    groups = {g["key"]: g for g in result["groups"]}
    assert groups["Daily"]["articles"] == 3 and groups["Post"]["articles"] == 2
    assert groups["Daily"]["counts"]["Security_and_defense"] == 1
    assert groups["Post"]["shares"]["Economic"] == 0.5
    assert result["labels"][0] in {"Economic", "Security_and_defense"}


def test_store_aggregate_per_week_follows_filters(store: Store) -> None:
    result = store.aggregate("technique", "week", Filters(q="drone"))
    assert [g["key"] for g in result["groups"]] == ["2025-03-03"]
    (week,) = result["groups"]
    assert week["articles"] == 2
    assert week["shares"] == {"Loaded_Language": 0.5, "Flag_Waving": 0.5}


def test_store_aggregate_rejects_unknown_kinds(store: Store) -> None:
    with pytest.raises(InputError, match="kind must be one of"):
        store.aggregate("colour", "outlet", Filters())
    with pytest.raises(InputError, match="by must be one of"):
        store.aggregate("frame", "author", Filters())


def test_store_facets_list_values_with_counts(store: Store) -> None:
    facets = store.facets()
    assert facets["articles"] == 5
    assert facets["outlets"] == [{"value": "Daily", "count": 3}, {"value": "Post", "count": 2}]
    assert {f["value"] for f in facets["event_types"]} == {"violence_against_civilians"}
    assert facets["published"] == {"first": "2025-03-03", "last": "2025-03-12"}


def test_store_export_findings_carry_the_evidence_words(store: Store) -> None:
    findings = list(store.export("findings", Filters(outlet="Daily"), flat=True))
    assert {(f["technique"], f["evidence"]) for f in findings} == {
        ("Loaded_Language", "shocking"),
        ("Doubt", "allegedly"),
    }


def test_store_export_events_flat_and_nested(store: Store) -> None:
    (flat,) = store.export("events", Filters(outlet="Post"), flat=True)
    assert (flat["place"], flat["country"], flat["killed_exact"]) == ("Kharkiv", "UA", 3)
    (nested,) = store.export("events", Filters(outlet="Post"), flat=False)
    assert nested["event"]["counts"]["killed"]["exact"] == 3


def test_store_export_articles_flat_and_nested(store: Store) -> None:
    rows = list(store.export("articles", Filters(), flat=True))
    assert [r["published"] for r in rows] == sorted(r["published"] for r in rows)
    assert rows[0]["techniques"] == "Loaded_Language" and rows[0]["events"] == 1
    (nested,) = store.export("articles", Filters(q="budget"), flat=False)
    assert nested["article"]["title"] == "Budget vote" and nested["article"]["text"]


def test_store_events_come_with_their_article(store: Store) -> None:
    events = store.events(Filters(place="Kharkiv"))
    assert [e["outlet"] for e in events] == ["Daily", "Post"]
    assert all(e["event"]["place"]["name"] == "Kharkiv" for e in events)


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(outlet="Daily"),
        Filters(date_from="2025-03-04", date_to="2025-03-11"),
        Filters(q="drone"),
        Filters(q="drone", outlet="Post"),
        Filters(place="Kharkiv", date_from="2025-03-01"),
        Filters(frame="Economic", outlet="Post"),
    ],
)
@pytest.mark.parametrize("kind", ["technique", "frame", "event"])
def test_store_aggregate_counts_match_the_search_results(
    store: Store, filters: Filters, kind: str
) -> None:
    """Aggregates take shortcuts (labels' own columns, the FTS index alone); same answer."""
    key = {"technique": "techniques", "frame": "frames", "event": "events"}[kind]
    expected: dict[tuple[str, str], int] = {}
    for result in store.search(filters, limit=500)["results"]:
        for label in result[key]:
            group = (result["outlet"], label["label"])
            expected[group] = expected.get(group, 0) + 1
    result = store.aggregate(kind, "outlet", filters)
    got = {(g["key"], label): n for g in result["groups"] for label, n in g["counts"].items()}
    assert got == expected
