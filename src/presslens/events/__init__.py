"""What an article claims happened: typed events with figures, participants, source, date, place.

``EventExtractor`` is the pipeline component; :func:`extract_events` does the same for one
article. The taxonomy is in :mod:`presslens.events.taxonomy`, the JSON shape in docs/events.md.
"""

from presslens.events.extract import EventExtractor, extract_events, main_event
from presslens.events.model import Attribution, Count, DateRange, Event, Mention, Place

__all__ = [
    "Attribution",
    "Count",
    "DateRange",
    "Event",
    "EventExtractor",
    "Mention",
    "Place",
    "extract_events",
    "main_event",
]
