"""City and state of GVA articles (needs ../shared/data; skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.events.places_eval import gold_city_key, gva_place_accuracy


def test_gold_city_names_are_normalised() -> None:
    assert gold_city_key("Chicago (Englewood)") == gold_city_key("Chicago")
    assert gold_city_key("Orange (county)") == gold_city_key("Orange County")
    assert gold_city_key("Saint Louis") == gold_city_key("St. Louis")


@pytest.mark.data
def test_gva_city_accuracy_beats_the_floor(shared_data: Path) -> None:
    result = gva_place_accuracy(shared_data / "gva-incidents", "train", limit=120)
    assert result["articles"] == 120
    assert result["city_accuracy"] > result["floor_city"] + 0.3
    assert result["state_accuracy"] > result["floor_state"] + 0.4
    assert result["city_accuracy_when_named"] >= result["city_accuracy"]
