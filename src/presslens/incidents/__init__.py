"""The same incident across articles: link claimed events into incidents with all sources.

    >>> from presslens.incidents import link_incidents
    >>> incidents = link_incidents(analysed_articles)   # articles with .events filled
    >>> incidents[0].to_dict()["sources"]

See :func:`link_incidents` for the rule and docs/incidents.md for the JSON.
"""

from __future__ import annotations

from presslens.events import main_event
from presslens.incidents.link import LinkConfig, link_incidents, source_names
from presslens.incidents.model import COUNT_KINDS, Incident, IncidentSource

#: The pipeline components whose output linking needs: sentences, then events.
COMPONENTS = ("segment", "events")

__all__ = [
    "COMPONENTS",
    "COUNT_KINDS",
    "Incident",
    "IncidentSource",
    "LinkConfig",
    "link_incidents",
    "main_event",
    "source_names",
]
