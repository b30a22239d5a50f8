"""An incident: one real-world event as several articles report it, with a conservative summary.

``Incident.to_dict`` is the documented JSON shape of ``presslens incidents --format json``
(docs/incidents.md); its field names are stable within a schema version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from presslens.document import Article, Span
from presslens.events.model import Count, DateRange, Event, Place

#: Casualty categories, in the order every view lists them.
COUNT_KINDS = ("killed", "injured", "detained", "deported")


def counts_dict(counts: dict[str, Count]) -> dict[str, Any]:
    """Counts as JSON, in :data:`COUNT_KINDS` order."""
    return {kind: counts[kind].to_dict() for kind in COUNT_KINDS if kind in counts} | {
        kind: count.to_dict() for kind, count in counts.items() if kind not in COUNT_KINDS
    }


@dataclass(slots=True)
class IncidentSource:
    """One article's account of an incident: its events, figures and evidence.

    ``counts`` are the figures of the article's first event (in text order) that gives any,
    all from that one event: an article repeating its lede later does not count twice, and a
    figure the lede leaves out is not filled from an event further down (often another
    incident the article recalls, or an update).
    """

    source: str
    article: Article
    events: list[Event]
    counts: dict[str, Count]

    @property
    def evidence(self) -> list[Span]:
        """The evidence spans of all the article's events in this incident, in text order."""
        return sorted({span for event in self.events for span in event.evidence},
                      key=lambda s: (s.start, s.end))  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "counts": counts_dict(self.counts),
            "evidence": [span.to_dict() for span in self.evidence],
        }


@dataclass(slots=True)
class Incident:
    """Linked events of one or more articles, with the summary the sources support.

    ``date``, ``place`` and ``counts`` are summaries (see :mod:`presslens.incidents.summary`
    for the rules); each source keeps its own figures in ``sources``. ``duplicates`` lists the
    groups of sources that are near-copies of each other (syndicated or re-posted articles).
    """

    id: str
    type: str
    date: DateRange | None
    place: Place | None
    counts: dict[str, Count]
    sources: list[IncidentSource]
    duplicates: list[list[str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "date": self.date.to_dict() if self.date else None,
            "place": self.place.to_dict() if self.place else None,
            "counts": counts_dict(self.counts),
            "sources": [source.to_dict() for source in self.sources],
            "duplicates": [list(group) for group in self.duplicates],
        }
