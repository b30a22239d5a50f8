"""Per-article GVA measures: the comparison helpers, and a small run on the real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.evaluate.gva import evaluate_gva
from presslens.evaluate.gva_data import (
    answers_city,
    count_figure,
    names_city,
    names_city_verbatim,
    normalise_place,
)
from presslens.events.model import Count, Event, Place


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("St. Louis", "saint louis"),
        ("Saint Louis", "saint louis"),
        ("Dekalb (county)", "dekalb"),
        ("DeKalb County", "dekalb"),
        ("Winston-Salem", "winston salem"),
        ("Mt. Pleasant", "mount pleasant"),
        ("Ft. Worth", "fort worth"),
    ],
)
def test_gva_normalise_place(name: str, key: str) -> None:
    assert normalise_place(name) == key


def test_gva_names_city_whole_words_only() -> None:
    assert names_city("Shots were fired in St. Louis on Friday.", "Saint Louis")
    assert not names_city("Shots were fired in Parisville.", "Paris")


def test_gva_city_written_with_its_neighbourhood_accepts_either() -> None:
    assert names_city("A man was shot in Englewood.", "Chicago (Englewood)")
    assert answers_city(Place(text="Chicago", name="Chicago"), "Chicago (Englewood)")
    assert answers_city(Place(text="Englewood"), "Chicago (Englewood)")
    assert not answers_city(Place(text="Gary", name="Gary"), "Chicago (Englewood)")
    assert not answers_city(None, "Chicago")


def test_gva_a_county_and_its_namesake_town_are_two_places() -> None:
    assert not names_city("Fresno County deputies were called.", "Fresno")
    assert names_city("Fresno County deputies were called to a home in Fresno.", "Fresno")
    assert names_city("FRESNO COUNTY, Calif. — Deputies were called.", "Fresno (county)")
    assert names_city("Noble Co. deputies were called.", "Noble County")
    assert not names_city("Deputies were called to a home in Fresno.", "Fresno (county)")
    assert not answers_city(Place(text="Fresno County", name="Fresno County"), "Fresno")
    assert answers_city(Place(text="Fresno County", name="Fresno County"), "Fresno (county)")
    assert not answers_city(Place(text="Fresno", name="Fresno"), "Fresno (county)")


def test_gva_verbatim_naming_takes_the_label_as_written() -> None:
    assert names_city_verbatim("Shots were fired in Saint Louis.", "Saint Louis")
    assert not names_city_verbatim("Shots were fired in St. Louis.", "Saint Louis")
    assert names_city_verbatim("Copyright Chicago Tribune.", "Chicago")
    assert not names_city_verbatim("A man was shot in Englewood.", "Chicago (Englewood)")


def test_gva_figure_is_exact_else_lower_bound_else_zero() -> None:
    event = Event(
        type="violence_against_civilians",
        evidence=[],
        counts={
            "killed": Count(3, 3, 3, "three killed"),
            "injured": Count(12, None, None, "dozens"),
        },
    )
    assert count_figure(event.counts, "killed") == 3
    assert count_figure(event.counts, "injured") == 12
    assert count_figure(event.counts, "detained") == 0


@pytest.mark.data
def test_gva_measures_beside_their_floors(shared_data: Path) -> None:
    measures = evaluate_gva(shared_data / "gva-incidents", "train", limit=40)
    assert measures["articles"] == 40
    names = ("killed_exact", "injured_exact", "city", "city_named_verbatim", "state", "date_day")
    for name in names:
        assert 0.0 <= measures[name] <= 1.0
        assert f"{name}_floor" in measures
    assert measures["killed_exact"] > measures["killed_exact_floor"]
