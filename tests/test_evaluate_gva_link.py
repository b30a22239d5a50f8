"""B-cubed and the incident-summary measures of cross-article linking, on hand-made data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from presslens.document import Article, Span
from presslens.evaluate.gva_data import GvaIncident, normalise_place
from presslens.evaluate.gva_link import Floors, bcubed, linking_measures
from presslens.events.model import Count, DateRange, Event, Place


def test_bcubed_known_values() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    # a alone, b wrongly with c: P = (1 + 1/2 + 1/2) / 3, R = (1/2 + 1/2 + 1) / 3.
    precision, recall, f1 = bcubed({"a": "x", "b": "y", "c": "y"}, gold)
    assert (precision, recall, f1) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    # Everything alone (the floor): P = 1, R = 2/3, F1 = 0.8.
    assert bcubed({}, gold) == pytest.approx((1.0, 2 / 3, 0.8))
    assert bcubed({"a": 0, "b": 0, "c": 1}, gold) == pytest.approx((1.0, 1.0, 1.0))
    assert bcubed({"a": 0, "b": 0, "c": 0}, gold)[0] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def test_normalise_city_folds_county_and_saint() -> None:
    assert normalise_place("St. Louis") == normalise_place("Saint Louis") == "saint louis"
    assert normalise_place("Cook (county)") == "cook"


ELMWOOD = Place("Elmwood", "Elmwood", 11, "Ohio", "US", 40.0, -83.0)
RIVERTON = Place("Riverton", "Riverton", 12, "Ohio", "US", 41.0, -81.0)


def shooting(text: str, place: Place, iso: str, killed: int, injured: int) -> Event:
    return Event(
        type="violence_against_civilians",
        evidence=[Span(0, 10)],
        place=place,
        date=DateRange(iso, iso, "day", "Saturday"),
        counts={
            "killed": Count(killed, killed, killed, "k"),
            "injured": Count(injured, injured, injured, "i"),
        },
    )


def gva_article(id: str, text: str, published: str, *events: Event) -> Article:
    return Article(
        text=text, id=id, published=dt.date.fromisoformat(published), events=list(events)
    )


def test_linking_measures_on_hand_made_articles() -> None:
    shared = "Darnell Quist was shot outside the Elmwood laundromat on Saturday night."
    articles = [
        gva_article("1", shared, "2016-05-08", shooting(shared, ELMWOOD, "2016-05-07", 1, 1)),
        gva_article(
            "2", shared + " He died.", "2016-05-09", shooting(shared, ELMWOOD, "2016-05-07", 1, 2)
        ),
        gva_article(
            "3", "Two hurt in Riverton.", "2016-05-08", shooting("x", RIVERTON, "2016-05-07", 0, 2)
        ),
        gva_article("4", "No events found here.", "2016-05-08"),
    ]
    gold_of = {"1": "g1", "2": "g1", "3": "g2", "4": "g2"}
    gold = {
        "g1": GvaIncident("g1", dt.date(2016, 5, 7), "Ohio", "Elmwood", killed=1, injured=1),
        "g2": GvaIncident("g2", dt.date(2016, 5, 7), "Ohio", "Riverton", killed=0, injured=2),
    }
    measures = linking_measures(
        articles, gold_of, gold, Floors(killed=0, injured=1, city="elmwood")
    )
    # Clusters {1,2} {3} {4} against gold {1,2} {3,4}: P = 1, R = (1 + 1 + 1/2 + 1/2) / 4.
    assert measures["link_b3_precision"] == pytest.approx(1.0)
    assert measures["link_b3_recall"] == pytest.approx(0.75)
    assert measures["link_b3_f1_floor"] == pytest.approx(2 / 3)  # P = 1, R = 1/2
    # g1: killed 1, injured min(1, 2) = 1, Elmwood, 7 May: all right. g2: all right too.
    for name in ("killed", "injured", "city", "day", "all"):
        assert measures[f"summary_{name}"] == 1.0
    # Floors: 0 killed fits g2, 1 injured fits g1, "elmwood" fits g1, first publication day none.
    assert measures["summary_killed_floor"] == measures["summary_injured_floor"] == 0.5
    assert measures["summary_city_floor"] == 0.5
    assert measures["summary_day_floor"] == 0.0
    assert measures["summary_incidents"] == 2


@pytest.mark.data
def test_link_measures_runs_on_a_gva_sample(shared_data: Path) -> None:
    events = pytest.importorskip("presslens.events")
    if not hasattr(events, "EventExtractor"):
        pytest.skip("presslens.events.EventExtractor is not there yet")
    from presslens.evaluate.gva_link import link_measures

    measures = link_measures(shared_data / "gva-incidents", "train", max_incidents=3)
    assert 0.0 <= measures["link_b3_f1"] <= 1.0
    assert measures["link_gold_incidents"] == 3
