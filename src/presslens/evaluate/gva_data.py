"""Reader for the Gun Violence Archive incidents data set (SemEval-2018 Task 5 conversion).

The layout is ``incidents.jsonl`` (one GVA incident a line) and ``documents.jsonl`` (one
news article a line, ``incident_id`` pointing at its incident). Splits are by incident, never by
article, so that no incident has articles on both sides; the split is a fixed hash of the
incident id, so it is the same on every machine and needs no file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from presslens.document import Article
from presslens.errors import DataError
from presslens.events.model import Count, Place

#: Share of incidents (in percent) held out for validation.
VALIDATION_PERCENT = 15

Split = Literal["train", "validation", "all"]


@dataclass(slots=True)
class GvaIncident:
    id: str
    date: dt.date | None
    state: str
    city: str
    killed: int
    injured: int
    lat: float | None = None
    lon: float | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(slots=True)
class GvaDocument:
    id: str
    incident_id: str
    title: str
    text: str
    published: dt.date | None


def is_validation(incident_id: str) -> bool:
    """True for the fixed 15% of incidents held out for validation."""
    digest = hashlib.sha1(incident_id.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < VALIDATION_PERCENT


def _in_split(incident_id: str, split: Split) -> bool:
    return split == "all" or (split == "validation") == is_validation(incident_id)


def _date(value: str | None, fmt: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.strptime(value.strip(), fmt).date()
    except ValueError:
        return None


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise DataError(f"{path} not found: expected the gva-incidents layout")
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_incidents(data_dir: Path, split: Split = "all") -> dict[str, GvaIncident]:
    """Incidents by id; coordinates from ``all.lat_long.json`` when that file is there."""
    coords_path = data_dir / "all.lat_long.json"
    coords = json.loads(coords_path.read_text()) if coords_path.is_file() else {}
    incidents = {}
    for row in _jsonl(data_dir / "incidents.jsonl"):
        iid = str(row["incident_uri"])
        if not _in_split(iid, split):
            continue
        lat, lon = coords.get(iid, (None, None))
        incidents[iid] = GvaIncident(
            id=iid,
            date=_date(row.get("date"), "%B %d, %Y"),
            state=str(row.get("state") or "").strip(),
            city=str(row.get("city_or_county") or "").strip(),
            killed=int(row.get("num_killed") or 0),
            injured=int(row.get("num_injured") or 0),
            lat=lat,
            lon=lon,
            raw=row,
        )
    return incidents


def load_documents(data_dir: Path, split: Split = "all") -> list[GvaDocument]:
    """Articles with non-empty text whose incident falls in ``split``."""
    documents = []
    for row in _jsonl(data_dir / "documents.jsonl"):
        iid = str(row["incident_id"])
        text = row.get("content") or ""
        if not text.strip() or not _in_split(iid, split):
            continue
        documents.append(
            GvaDocument(
                id=str(row["id"]),
                incident_id=iid,
                title=row.get("title") or "",
                text=text,
                published=_date(row.get("dct"), "%Y-%m-%d"),
            )
        )
    return documents


_COUNTY = re.compile(r"\(?\bcounty\b\)?")
_SAINT = re.compile(r"\bst\b\.?")
#: Abbreviations a name is written with either way: "Mt. Pleasant", "Fort Myers", "Ft. Worth".
_ABBREVIATED = {
    "saint": _SAINT,
    "mount": re.compile(r"\bmt\b\.?"),
    "fort": re.compile(r"\bft\b\.?"),
}
_COUNTY_WORD = re.compile(r"\b(?:county|parish)\b", re.IGNORECASE)
#: What follows a county's name in folded text: "cook county", "cook co", "orleans parish".
_COUNTY_AFTER = ("county ", "co ", "parish ")
_THE = re.compile(r"^\s*the\s+")
_PARENTHESIS = re.compile(r"\(([^)]*)\)")
_NON_WORD = re.compile(r"[^\w]+")


def normalise_place(name: str, *, keep_county: bool = False) -> str:
    """A place name for comparison: case, punctuation, "(county)", "St."/"Saint", "Mt."/"Mount",
    "Ft."/"Fort" and a leading "The" ("The Bronx" is GVA's "Bronx") folded. ``keep_county``
    keeps the word "county", for running text, where "Fresno County" is not Fresno."""
    folded = _THE.sub("", name.casefold())
    folded = folded if keep_county else _COUNTY.sub(" ", folded)
    for word, pattern in _ABBREVIATED.items():
        folded = pattern.sub(word, folded)
    return _NON_WORD.sub(" ", folded).strip()


def gold_city_names(city: str) -> set[str]:
    """The names a GVA ``city_or_county`` allows: "Goleta (Isla Vista)" → both, normalised."""
    names = {normalise_place(_PARENTHESIS.sub(" ", city))}
    names.update(normalise_place(inner) for inner in _PARENTHESIS.findall(city))
    return names - {""}


def is_county(name: str) -> bool:
    """Whether a GVA label or a place's name is a county: "Cook (county)", "Noble County",
    "East Baton Rouge Parish"."""
    return _COUNTY_WORD.search(name) is not None


def names_city(text: str, city: str) -> bool:
    """Whether ``text`` names (one of the names of) the GVA city or county, as whole words: a
    county label by the name before "County" ("Cook County", "Cook Co."), a town by its name
    alone ("Fresno County" does not name the city of Fresno)."""
    folded = f" {normalise_place(text, keep_county=True)} "
    county = is_county(city)
    for name in gold_city_names(city):
        for match in re.finditer(f" {re.escape(name)} ", folded):
            if folded.startswith(_COUNTY_AFTER, match.end()) == county:
                return True
    return False


def names_city_verbatim(text: str, city: str) -> bool:
    """Whether ``text`` holds GVA's ``city_or_county`` label exactly as written: the reading of
    "the incident's city is named in only 73% of its articles" in the events issue (73.0% of
    all articles). Looser than :func:`names_city` inside words and names ("Chicago" in
    "Chicago Tribune" counts), stricter on spelling ("St. Louis" does not name "Saint Louis",
    and a label such as "Chicago (Englewood)" or "Cook (county)" is never named)."""
    return city in text


def answers_city(place: Place | None, city: str) -> bool:
    """Whether a predicted place is the GVA city: its gazetteer name or its text, a county
    for a county label and a town for a town's (Fresno County is not the city of Fresno)."""
    if place is None:
        return False
    answers = {normalise_place(place.name or ""), normalise_place(place.text)} - {""}
    return bool(gold_city_names(city) & answers) and is_county(place.name or place.text) == (
        is_county(city)
    )


def document_article(document: GvaDocument, *, title_in_text: bool = False) -> Article:
    """The document as presslens reads it: the JSONL record ``{id, title, text, published}``,
    or, with ``title_in_text``, a text file whose first line is the title."""
    from presslens.read import article_from_text

    text = f"{document.title}\n\n{document.text}" if title_in_text else document.text
    return article_from_text(
        text,
        title=document.title or None,
        published=document.published,
        source=document.id,
        id=document.id,
    )


def count_figure(counts: Mapping[str, Count], kind: str) -> int:
    """The figure of one category (:attr:`Count.figure`); 0 when the text gives none."""
    count = counts.get(kind)
    return count.figure if count is not None else 0


def share(flags: Sequence[bool]) -> float:
    """The share of True, rounded as every measure is reported."""
    return round(sum(flags) / len(flags), 4) if flags else 0.0
