"""Search and aggregate filters: one options object, one place that turns it into SQL.

The CLI flags, the HTTP query string and the web page's form all become a :class:`Filters`
(through :meth:`Filters.from_mapping`), so every entry point filters the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, replace
from typing import Any

from presslens.errors import InputError

#: Names of the filters, as query parameters, CLI destinations and :class:`Filters` fields.
FILTER_NAMES = (
    "q",
    "outlet",
    "language",
    "date_from",
    "date_to",
    "genre",
    "frame",
    "technique",
    "event_type",
    "place",
)


@dataclass(frozen=True, kw_only=True)
class Filters:
    """Which stored articles a search, aggregate or export looks at (latest versions only).

    ``q`` is an SQLite FTS5 query over title and text (``drone AND "power plant"``,
    ``title:ceasefire``, ``kyiv*``); ``place`` matches an event's place name or text
    (substring, case-insensitive) or its country code; dates are inclusive ISO dates.
    """

    q: str | None = None
    outlet: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    genre: str | None = None
    frame: str | None = None
    technique: str | None = None
    event_type: str | None = None
    place: str | None = None

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is None:
                continue
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                raise InputError(
                    f"{name} must be an ISO date such as 2025-03-01; got {value!r}"
                ) from None

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> Filters:
        """Filters from a query string or parsed CLI arguments; blank values mean "any"."""
        picked = {}
        for name in FILTER_NAMES:
            value = values.get(name)
            if value is not None and str(value).strip():
                picked[name] = str(value).strip()
        return cls(**picked)

    def to_dict(self) -> dict[str, str]:
        """The filters that are set, under their public names."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    def where(self, alias: str = "a", *, with_text: bool = True) -> tuple[str, list[Any]]:
        """An SQL condition on the ``articles`` table (as ``alias``) and its parameters.

        ``with_text=False`` leaves ``q`` out, for queries that join the FTS table themselves
        to rank by relevance.
        """
        a = alias
        clauses = [f"{a}.is_latest = 1"]
        params: list[Any] = []
        if self.q and with_text:
            clauses.append(f"{a}.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(self.q)
        for column in ("outlet", "language", "genre"):
            value = getattr(self, column)
            if value:
                clauses.append(f"{a}.{column} = ?")
                params.append(value)
        if self.date_from:
            clauses.append(f"{a}.published >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append(f"{a}.published <= ?")  # stored as the date alone
            params.append(self.date_to)
        for kind, value in (
            ("technique", self.technique),
            ("frame", self.frame),
            ("event", self.event_type),
        ):
            if value:
                clauses.append(
                    f"{a}.id IN (SELECT article_id FROM labels "
                    "WHERE kind = ? AND label = ? AND is_latest = 1)"
                )
                params.extend([kind, value])
        if self.place:
            pattern = "%" + _escape_like(self.place) + "%"
            clauses.append(
                f"{a}.id IN (SELECT article_id FROM events WHERE place LIKE ? ESCAPE '\\' "
                "OR place_text LIKE ? ESCAPE '\\' OR country = ? COLLATE NOCASE)"
            )
            params.extend([pattern, pattern, self.place])
        return " AND ".join(clauses), params

    @property
    def on_labels_only(self) -> bool:
        """Whether ``labels``' own columns can answer every filter (see :meth:`label_where`)."""
        return not self._beyond_labels().to_dict()

    def _beyond_labels(self) -> Filters:
        return replace(self, outlet=None, date_from=None, date_to=None)

    def label_where(self) -> tuple[str, list[Any]]:
        """An SQL condition on the ``labels`` table (as ``l``) and its parameters.

        Outlet and dates are columns of ``labels`` itself, so aggregates filtered by them scan
        one covering index; the other filters select article ids in a subquery (the FTS index
        alone when the text query is the only one).
        """
        clauses: list[str] = ["l.is_latest = 1"]
        params: list[Any] = []
        for column, value, operator in (
            ("outlet", self.outlet, "="),
            ("published", self.date_from, ">="),
            ("published", self.date_to, "<="),
        ):
            if value:
                clauses.append(f"l.{column} {operator} ?")
                params.append(value)
        rest = self._beyond_labels()
        if rest.to_dict() == {"q": self.q}:
            clauses.append(
                "l.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            )
            params.append(self.q)
        elif rest.to_dict():
            where, more = rest.where()
            clauses.append(f"l.article_id IN (SELECT a.id FROM articles a WHERE {where})")
            params.extend(more)
        return " AND ".join(clauses), params


def _escape_like(value: str) -> str:
    """A user's words as a literal inside a LIKE pattern."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
