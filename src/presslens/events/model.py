"""What an article claims happened, as plain data.

These dataclasses are the contract between event extraction (``presslens.events``), incident
linking (``presslens.incidents``), storage and every view. ``to_dict`` gives the documented JSON
shape (docs/events.md); field names are stable within a schema version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from presslens.document import Span

CountKind = Literal["killed", "injured", "detained", "deported"]
AttributionKind = Literal["author", "source", "hedged"]
Granularity = Literal["day", "month", "season", "year", "decade", "century"]


@dataclass(slots=True)
class Mention:
    """A participant as the text names it, plus a normalised kind (e.g. ``state_security``)."""

    text: str
    kind: str
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind}


@dataclass(slots=True)
class Place:
    """A place named in the text, resolved offline to GeoNames when that is unambiguous."""

    text: str
    name: str | None = None
    geonames_id: int | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "geonames_id": self.geonames_id,
            "admin1": self.admin1,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass(slots=True)
class DateRange:
    """A date normalised against the publication date, as an inclusive ISO range."""

    start: str
    end: str
    granularity: Granularity
    text: str
    span: Span | None = None

    @property
    def is_one_day(self) -> bool:
        """Whether the range names a single day ("on Saturday"), not a span of days such as
        "last weekend" or a coarser granularity: only such a date can be an incident's day."""
        return self.granularity == "day" and self.start == self.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "granularity": self.granularity,
            "text": self.text,
        }


@dataclass(slots=True)
class Count:
    """A casualty figure as the text gives it.

    ``exact`` is set only when the text states one number ("three", "12"). Vague words keep a
    conservative lower bound in ``low`` ("dozens" → 12) and ``high`` is None when open-ended.
    """

    low: int
    high: int | None
    exact: int | None
    text: str
    span: Span | None = None

    @property
    def figure(self) -> int:
        """One number to compare counts by: the exact figure, else the conservative lower bound."""
        return self.exact if self.exact is not None else self.low

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "exact": self.exact, "text": self.text}


@dataclass(slots=True)
class Attribution:
    """Who asserts the claim: the author, a named source, or hedged wording."""

    kind: AttributionKind
    source: str | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "source": self.source, "text": self.text}


@dataclass(slots=True)
class Event:
    """One claimed event: who did what to whom, where, when, with what casualties."""

    type: str
    evidence: list[Span]
    actor: Mention | None = None
    target: Mention | None = None
    victims_group: list[Mention] = field(default_factory=list)
    place: Place | None = None
    date: DateRange | None = None
    counts: dict[str, Count] = field(default_factory=dict)
    attribution: Attribution = field(default_factory=lambda: Attribution(kind="author"))
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "score": round(self.score, 4),
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "victims_group": [m.to_dict() for m in self.victims_group],
            "place": self.place.to_dict() if self.place else None,
            "date": self.date.to_dict() if self.date else None,
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "attribution": self.attribution.to_dict(),
            "evidence": [s.to_dict() for s in self.evidence],
        }
