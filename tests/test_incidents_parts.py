"""The pieces of incident linking: comparisons, summaries, near-copy detection, text similarity."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.events.model import Count, Place
from presslens.incidents.compare import (
    PlaceRelation,
    counts_compatible,
    date_window,
    parse_day,
    place_relation,
    windows_meet,
)
from presslens.incidents.minhash import MinHasher, jaccard, near_duplicate_pairs
from presslens.incidents.summary import summary_count
from presslens.incidents.textsim import term_vectors
from presslens.incidents.tokens import tokenize

D = dt.date


def count(low: int, high: int | None, exact: int | None = None) -> Count:
    return Count(low, high, exact, "text")


@pytest.mark.parametrize(
    ("a", "b", "fits"),
    [
        (count(1, 1, 1), count(2, 2, 2), True),  # an injured victim died later
        (count(1, 1, 1), count(5, 5, 5), False),
        (count(12, None), count(30, 30, 30), True),  # "dozens" and 30
        (count(10, 10, 10), count(13, 13, 13), True),
        (count(2, 2, 2), count(40, 40, 40), False),
        (count(3, 9), count(20, 20, 20), False),
    ],
)
def test_counts_compatible(a: Count, b: Count, fits: bool) -> None:
    assert counts_compatible(a, b, slack=1, ratio=0.34) is fits
    assert counts_compatible(b, a, slack=1, ratio=0.34) is fits


def test_summary_count_takes_lowest_exact_and_spans_all_claims() -> None:
    summary = summary_count([Count(3, 3, 3, "three"), Count(2, 2, 2, "two"), count(12, None)])
    assert (summary.exact, summary.low, summary.high, summary.text) == (2, 2, None, "two")
    vague = summary_count([Count(3, None, None, "several"), Count(12, None, None, "dozens")])
    assert (vague.exact, vague.low, vague.high, vague.text) == (None, 3, None, "several")


CITY = Place("Lindenburg", "Lindenburg", 1, "North", "Freedonia", 50.0, 10.0)
SUBURB = Place("Oakfield", "Oakfield", 2, "North", "Freedonia", 50.1, 10.1)  # ~13 km away
FAR_CITY = Place("Portmere", "Portmere", 3, "South", "Freedonia", 45.0, 12.0)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        (CITY, CITY, PlaceRelation.SAME),
        (CITY, SUBURB, PlaceRelation.NEAR),
        (CITY, FAR_CITY, PlaceRelation.FAR),
        (CITY, None, PlaceRelation.UNKNOWN),
        (Place("North", "North", 9, "North", "Freedonia", 51.0, 9.0), CITY, PlaceRelation.CONTAINS),
        (Place("South", "South", 8, "South", "Freedonia", 50.0, 10.0), CITY, PlaceRelation.FAR),
        (Place("Freedonia", "Freedonia", 7, None, "Freedonia"), CITY, PlaceRelation.CONTAINS),
        (CITY, Place("Lindenburg", "Lindenburg", 6, "West", "Ruritania"), PlaceRelation.FAR),
        (Place("Lindenburg"), Place("lindenburg "), PlaceRelation.SAME),
        (Place("Lindenburg"), Place("Oakfield"), PlaceRelation.DIFFERENT),
        (Place("Springs", admin1="North"), Place("Springs", admin1="South"), PlaceRelation.FAR),
    ],
)
def test_place_relation(a: Place, b: Place | None, relation: PlaceRelation) -> None:
    assert place_relation(a, b, near_km=25) is relation


def test_date_window_of_undated_event_is_the_week_before_publication() -> None:
    from presslens.events.model import DateRange, Event

    undated = Event(type="raid", evidence=[])
    assert date_window(undated, D(2025, 3, 9), undated_lookback_days=7) == (
        D(2025, 3, 2), D(2025, 3, 9), False,
    )  # fmt: skip
    assert date_window(undated, None, undated_lookback_days=7) is None
    month = Event(
        type="raid", evidence=[], date=DateRange("2024-09-01", "2024-12-31", "month", "t")
    )
    assert date_window(month, D(2025, 7, 1), undated_lookback_days=7) == (
        D(2024, 9, 1), D(2024, 12, 31), True,
    )  # fmt: skip


def test_windows_meet_within_tolerance() -> None:
    monday, tuesday, friday = D(2025, 3, 3), D(2025, 3, 4), D(2025, 3, 7)
    assert windows_meet((monday, monday), (tuesday, tuesday), 1)
    assert not windows_meet((monday, monday), (friday, friday), 1)
    assert windows_meet((monday, friday), (tuesday, tuesday), 0)


def test_parse_day_accepts_iso_prefixes_only() -> None:
    assert parse_day("2025-03-03") == D(2025, 3, 3)
    assert parse_day("2024-09") == D(2024, 9, 1)
    assert parse_day("2001") == D(2001, 1, 1)
    assert parse_day("last year") is None


STORY = (
    "The city council of Lindenburg voted on Tuesday to close the old harbour bridge for repairs "
    "after inspectors found corroded cables, and ferries will run every twenty minutes until "
    "the work is finished next spring, the mayor told a packed press conference at the town hall."
)


def test_near_duplicate_pairs_finds_copies_not_rewrites() -> None:
    copy = "Reposted from the Lindenburg Herald.\n" + STORY
    edited = STORY.replace("packed", "crowded")  # one word: 5 of 42 shingles change
    rewrite = (
        "Lindenburg's harbour bridge will shut for repairs, councillors decided, because of "
        "corroded cables; extra ferries are promised until spring."
    )
    pairs = near_duplicate_pairs([STORY, rewrite, copy, ""], threshold=0.8)
    assert [(i, j) for i, j, _ in pairs] == [(0, 2)]
    assert near_duplicate_pairs([STORY, edited], threshold=0.8) == []
    assert [p[:2] for p in near_duplicate_pairs([STORY, edited], threshold=0.75)] == [(0, 1)]
    assert pairs[0][2] == pytest.approx(jaccard(*MinHasher().text_shingles([STORY, copy])))


def test_minhash_signature_agreement_estimates_jaccard() -> None:
    hasher = MinHasher(permutations=256)
    words = STORY.split()
    half = " ".join(words[: len(words) // 2] + ["completely", "different", "ending", "here"] * 5)
    sets = hasher.text_shingles([STORY, half])
    signatures = hasher.signatures(sets)
    estimate = float((signatures[0] == signatures[1]).mean())
    assert estimate == pytest.approx(jaccard(*sets), abs=0.1)


def test_term_vectors_weigh_rare_shared_words_above_common_ones() -> None:
    texts = [
        "police said a man was shot on Elm street by Jonah Pilkerton",
        "Jonah Pilkerton was charged, police said",
        "police said a man was shot on Main street",
        "police said the weather was fine",
    ]
    tokenized = tokenize(texts)
    vectors = term_vectors(tokenized.words, tokenized.texts)
    assert vectors.cosine(0, 1) > vectors.cosine(1, 2)
    # "jonah" and "pilkerton" are in two texts; "charged" in one (no partner), "police" in all.
    assert len(vectors.rare_terms(1, limit=5, max_df=2)) == 2
    assert vectors.rare_terms(1, limit=5, max_df=1) == []
