"""The gazetteer index: name keys, Russian case forms, the stored file and its generator."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from presslens.errors import ModelError
from presslens.events import gazetteer_build
from presslens.events.gazetteer import (
    GeoEntry,
    encode_index,
    load_gazetteer,
    name_key,
    read_gazetteer,
    russian_variants,
)
from presslens.events.gazetteer_build import (
    _add_postal_towns,
    _Index,
    _postal_names,
    _region_forms,
    _Row,
    usable_name,
    write_index,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("St. Louis", "Saint Louis"),
        ("ST LOUIS", "saint louis"),
        ("Winston-Salem", "Winston Salem"),
        ("Zürich", "Zurich"),
        ("U.S.", "US"),
        ("D.C.", "dc"),
        ("Coeur d’Alene", "Coeur d'Alene"),
        ("Clinton Twp.", "Clinton Township"),
        ("Bay St. Louis", "Bay Saint Louis"),
        ("Соединённые Штаты", "Соединенные штаты"),
    ],
)
def test_name_key_folds_spelling_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_leaves_a_last_st_a_street() -> None:
    assert name_key("Main St.") == "main st"


def test_name_key_keeps_cyrillic_letters_whole() -> None:
    assert name_key("Китай") == "китай"  # the breve of "й" is not a removable accent


@pytest.mark.parametrize(
    ("inflected", "nominative"),
    [
        ("киеве", "киев"),
        ("москвы", "москва"),
        ("брюсселе", "брюссель"),
        ("германии", "германия"),
        ("запорожья", "запорожье"),
        ("нижнем новгороде", "нижний новгород"),
        ("харьковской области", "харьковская область"),
        ("филиппинах", "филиппины"),
    ],
)
def test_russian_variants_reach_the_nominative(inflected: str, nominative: str) -> None:
    assert nominative in set(russian_variants(inflected))


def test_russian_variants_leave_latin_words_alone() -> None:
    assert list(russian_variants("kyiv")) == ["kyiv"]


def test_packaged_index_answers_lookups() -> None:
    gaz = load_gazetteer()
    assert load_gazetteer() is gaz  # read once per process
    kinds = {e.kind for e in gaz.lookup(name_key("Georgia"))}
    assert kinds == {"A", "C"}  # the US state and the country
    key, hits = gaz.lookup_inflected(name_key("Харькове"))
    assert key == "харьков" and {e.country for e in hits} == {"UA"}
    (virginia,) = gaz.qualifier(name_key("Va."))
    assert (virginia.kind, virginia.name) == ("A", "Virginia")
    assert gaz.is_common_word("mission") and not gaz.is_common_word("chicago")
    city = next(e for e in gaz.lookup("chicago") if e.kind == "P")
    assert city.geonames_id is not None and gaz.by_geonames_id(city.geonames_id) == city
    assert gaz.admin1_entry(city.admin1) == next(e for e in gaz.lookup("illinois") if e.kind == "A")


def test_us_hamlets_are_indexed_and_flagged() -> None:
    gaz = load_gazetteer()
    (montfort,) = [e for e in gaz.lookup(name_key("Montfort")) if e.country == "US"]
    assert montfort.admin1 == "US.WI" and montfort.is_hamlet
    chicago = next(e for e in gaz.lookup("chicago") if e.kind == "P")
    assert not chicago.is_hamlet


def test_us_postal_towns_are_indexed_without_a_geonames_id() -> None:
    gaz = load_gazetteer()
    (pelzer,) = [e for e in gaz.lookup(name_key("Pelzer")) if e.country == "US"]
    assert pelzer.admin1 == "US.SC" and pelzer.geonames_id is None and pelzer.population == 0
    assert pelzer.is_postal and pelzer.is_hamlet
    assert pelzer.lat is not None and 34 < pelzer.lat < 35 and pelzer.lon is not None
    chicago = next(e for e in gaz.lookup("chicago") if e.kind == "P")
    assert not chicago.is_postal


def test_postal_names_drop_usps_abbreviations() -> None:
    zipcode = {
        "city": "Harbor Springs",
        "acceptable_cities": ["Harbor Spgs", "E Harbor Springs", "Wequetonsing"],
    }
    assert _postal_names(zipcode) == ["Harbor Springs", "Wequetonsing"]


def test_postal_towns_fill_only_what_geonames_lacks(monkeypatch: pytest.MonkeyPatch) -> None:
    index = _Index()
    for code, name in (("US.SC", "South Carolina"), ("US.VA", "Virginia")):
        index.add(_Row("A", 1, name, "US", code), [name])
    index.add(_Row("P", 2, "McLean", "US", "US.VA", 38.9, -77.2, 48000), ["McLean"])
    towns = {
        ("Pelzerton", "SC"): [(34.0, -82.0), (34.2, -82.4)],
        ("Mc Lean", "VA"): [(38.9, -77.2)],  # GeoNames' McLean
        ("Virginia", "SC"): [(34.5, -81.0)],  # a state's name
        ("Islaville", "PR"): [(18.2, -66.5)],  # a territory without a state row
    }
    monkeypatch.setattr(gazetteer_build, "_postal_towns", lambda: towns)
    _add_postal_towns(index)
    added = index.rows[3:]
    assert [(r.name, r.admin1, r.geonames_id, r.population) for r in added] == [
        ("Pelzerton", "US.SC", None, 0)
    ]
    assert (added[0].lat, added[0].lon) == (34.1, -82.2)
    assert index.names["pelzerton"] == [3]


def _tiny_columns() -> dict[str, object]:
    return {
        "attribution": "made up for a test",
        "max_words": 2,
        "gid": [10, None, 30],
        "kind": "CAP",
        "name": ["Freedonia", "North Province", "Fredville"],
        "cc": ["FD", "FD", "FD"],
        "admin1": [None, "FD.01", "FD.01"],
        "lat": [None, None, 1.5],
        "lon": [None, None, -2.25],
        "pop": [1000000, 500000, 20000],
        "keys": ["fredville", "freedonia", "north province"],
        "offsets": [0, 1, 2, 3],
        "targets": [2, 0, 1],
        "common": [],
        "foreign_country_keys": [],
        "qualifiers": {"np": 1},
    }


def test_written_index_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.npz"
    assert write_index(_tiny_columns(), path) > 0
    gaz = read_gazetteer(path)
    assert len(gaz) == 3
    assert gaz.lookup("fredville") == [
        GeoEntry(2, "P", 30, "Fredville", "FD", "FD.01", 1.5, -2.25, 20000)
    ]
    province = gaz.lookup("north province")[0]
    assert province.geonames_id is None and province.lat is None
    assert gaz.qualifier("np") == [province]
    assert gaz.lookup("nowhere") == []


def test_unsorted_keys_are_refused() -> None:
    columns = _tiny_columns()
    columns["keys"] = ["north province", "fredville", "freedonia"]
    with pytest.raises(ValueError, match="sorted"):
        encode_index(columns)


def test_missing_or_foreign_index_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="gazetteer_build"):
        read_gazetteer(tmp_path / "absent.npz")
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not an npz file")
    with pytest.raises(ModelError, match="unreadable"):
        read_gazetteer(junk)
    old = tmp_path / "old.npz"
    arrays = encode_index(_tiny_columns())
    arrays["meta"][0] = 0
    np.savez(old, **arrays)
    with pytest.raises(ModelError, match="made for version 0"):
        read_gazetteer(old)


@pytest.mark.parametrize(
    ("name", "usable"),
    [
        ("Kharkiv", True),
        ("Харьков", True),
        ("ha er ke fu", False),  # lower-case transliteration
        ("HRK", False),  # airport code
        ("Мәскәү", False),  # not Russian or Ukrainian Cyrillic
        ("ハリコフ", False),
    ],
)
def test_usable_name(name: str, usable: bool) -> None:
    assert usable_name(name) is usable


def test_region_forms() -> None:
    assert "Kharkiv region" in _region_forms("Kharkiv Oblast")
    assert _region_forms("Kharkiv") == []
