"""Stored event JSON turns back into the events the incident linker compares."""

from __future__ import annotations

from presslens.document import Span
from presslens.events.model import Attribution, Count, DateRange, Event, Mention, Place
from presslens.web.incidents import event_from_dict


def full_event() -> Event:
    """An event with every field set, so a field the reader forgets shows as a difference."""
    return Event(
        type="attack",
        evidence=[Span(4, 19), Span(40, 52)],
        actor=Mention("Gunmen", "armed_group"),
        target=Mention("a checkpoint", "facility"),
        victims_group=[Mention("two guards", "security"), Mention("a driver", "civilian")],
        place=Place("in Saltmarsh", "Saltmarsh", 1234, "North", "XX", 51.5, -0.25),
        date=DateRange("2025-03-01", "2025-03-02", "day", "at the weekend"),
        counts={"killed": Count(2, None, 2, "two"), "injured": Count(3, 5, None, "3 to 5")},
        attribution=Attribution("source", "police", "police said"),
        score=0.8125,
    )


def test_event_from_dict_inverts_to_dict() -> None:
    stored = full_event().to_dict()
    assert event_from_dict(stored).to_dict() == stored


def test_event_from_dict_fills_what_older_records_leave_out() -> None:
    event = event_from_dict({"type": "protest"})
    assert (event.evidence, event.place, event.date, event.counts) == ([], None, None, {})
    assert event.attribution.kind == "author" and event.score == 1.0
