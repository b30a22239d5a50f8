"""From sentence events to an article's events: one per incident it tells of.

Sentence events of one type family merge unless their dates or places disagree, in which case
they are different events ("two people were killed on Monday; last year, a similar shooting
..."). All violent types are one family: an article's "shooting", "gunfight" and "ambush" are
usually one incident told with different words; the merged event takes the type most of its
sentences give. Dates disagree when they are more than a day apart; a date a sentence inherits
from an earlier paragraph never disagrees, and counts only when no sentence has a date of its
own. Places disagree only when both are resolved, farther apart than :data:`NEARBY_KM` (a
neighbourhood and its city are one scene), and the new sentence names its place itself (a
place a sentence inherits from its paragraph or the dateline says nothing new). The merged
event's place is the town most of its sentences give.

A merged event keeps every sentence as evidence and, per category, the largest figure the text
gives (an article that says "three killed" and then names one of the dead reports three; "a
third victim died" outweighs "a man died"), the exact one on ties. "Shot" figures become
injured figures once the deaths are subtracted ("five people were shot, two fatally" → 2
killed, 3 injured); a vague figure is never made exact by this arithmetic. A gunman who kills
himself after killing others is one more death. Its date is the earliest one-day date its
sentences give (follow-ups come after the incident: "was shot Saturday ... died Sunday"), one
they inherit when their own dates are only spans of days ("last week").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from presslens.events.counts import CountFinding
from presslens.events.gazetteer import is_coarse
from presslens.events.model import Attribution, Count, DateRange, Event, Mention, Place
from presslens.events.sentence import Draft
from presslens.events.taxonomy import BY_ID, TYPES, VIOLENT_TYPES

#: Places closer than this (km) are one scene.
NEARBY_KM = 40.0
_EARTH_RADIUS_KM = 6371.0
#: How much an event of a type weighs when choosing the article's main event.
_TYPE_WEIGHT = {t.id: 1.0 if t.violent else 0.8 for t in TYPES} | {"protest": 0.9, "statement": 0.5}
_SELF = re.compile(r"\b(?:himself|herself)$", re.IGNORECASE)
#: A killed figure that opens with the killing is its object: the people the killer killed.
_KILLED_BY = re.compile(
    r"(?!murder[-\s]suicide)(?:kill|murder|shoot|shot|fatally|stabb|gunn|slay|slew)", re.IGNORECASE
)


def _family(type_id: str) -> str:
    return "violent" if type_id in VIOLENT_TYPES else type_id


def _dates_agree(a: DateRange | None, b: DateRange | None) -> bool:
    """Unknown dates agree with anything; known ones must overlap or be a day apart."""
    if a is None or b is None:
        return True
    slack = dt.timedelta(days=1)
    a_start, a_end = dt.date.fromisoformat(a.start), dt.date.fromisoformat(a.end)
    b_start, b_end = dt.date.fromisoformat(b.start), dt.date.fromisoformat(b.end)
    return not (a_end + slack < b_start or b_end + slack < a_start)


def _within_any(date: DateRange, spans: list[DateRange]) -> bool:
    """Whether the date falls inside one of the spans, or there are none."""
    return not spans or any(s.start <= date.start <= s.end for s in spans)


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine) between two places with coordinates."""
    lat1, lon1, lat2, lon2 = (math.radians(v or 0.0) for v in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _places_agree(a: Place | None, b: Place | None) -> bool:
    """Only resolved places can disagree, and only when they are far apart."""
    if a is None or b is None or a.geonames_id is None or b.geonames_id is None:
        return True
    if a.geonames_id == b.geonames_id:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return _km(a, b) <= NEARBY_KM


@dataclass(slots=True)
class _Group:
    drafts: list[Draft]

    @property
    def type(self) -> str:
        """The type most sentences give; the most specific one on ties."""
        votes = Counter(d.type for d in self.drafts)
        return min(votes, key=lambda t: (-votes[t], BY_ID[t].rank))

    @property
    def date(self) -> DateRange | None:
        """The earliest single day the sentences give, else the earliest a sentence inherits,
        else the first date (own dates before inherited ones).

        A single day comes before a span of days: "last week" or "2014" in the event's own
        sentences says less than "late Thursday" that another of its sentences takes from
        its paragraph. A non-violent event does not take an inherited day outside every span
        it states: a raid "late last year" is not dated by a "today" further down a column.
        Violent events still do: in local news their undated sentences retell the incident of
        the day, and on the GVA training split the rule cost linking more (summary killed
        -0.26 point) than it gained per article (+0.03).
        """
        own = [d.date for d in self.drafts if d.date is not None and not d.date_inherited]
        violent = _family(self.drafts[0].type) == "violent"
        every = [
            d.date
            for d in self.drafts
            if d.date is not None and (violent or _within_any(d.date, own))
        ]
        dates = own or every
        days = [d for d in own if d.is_one_day] or [d for d in every if d.is_one_day]
        days = days or [d for d in dates if d.granularity == "day"]
        return min(days, key=lambda d: d.start) if days else (dates[0] if dates else None)

    @property
    def place(self) -> Place | None:
        """The town most sentences give (the first on ties), else the first resolved place,
        else the first place: a state named once in passing is not where it happened."""
        places = [d.place for d in self.drafts if d.place is not None]
        resolved = [p for p in places if p.geonames_id is not None]
        towns = [p for p in resolved if not is_coarse(p)]
        if towns:
            votes = Counter(p.geonames_id for p in towns)
            return max(towns, key=lambda p: votes[p.geonames_id])
        return next(iter(resolved or places), None)

    def takes(self, draft: Draft) -> bool:
        return (
            _family(self.drafts[0].type) == _family(draft.type)
            and (draft.date_inherited or _dates_agree(self.date, draft.date))
            and (not draft.place_stated or _places_agree(self.place, draft.place))
        )


def _best(findings: list[CountFinding]) -> Count | None:
    """The largest figure (exact, else the lower bound); the exact one on ties."""
    counts = [f.count for f in findings]
    return max(counts, key=lambda c: (c.figure, c.exact is not None)) if counts else None


def _with_self(killed: Count, findings: list[CountFinding]) -> Count:
    """ "Fatally shot seven people before killing himself": the gunman is one more death.

    Only when the figure is of the people he killed (the object of the killing): "three
    dead in murder-suicide" or "two people were found dead" counts him already.
    """
    selves = [f.count for f in findings if _SELF.search(f.count.text)]
    if not selves or killed in selves or not _KILLED_BY.match(killed.text):
        return killed
    total = killed.figure + 1
    exact = total if killed.exact is not None else None
    text = f"{killed.text}; {selves[0].text}"
    return Count(total, exact, exact, text, killed.span)


def _survivors(shot: Count, counts: dict[str, Count]) -> Count | None:
    """Injured figures from "shot" ones: the people hit who did not die, when both are exact."""
    killed = counts.get("killed")
    injured = counts.get("injured")
    if shot.exact is None:
        if killed is None and injured is None:
            return Count(shot.low, shot.high, None, shot.text, shot.span)
        return None
    dead = 0 if killed is None else killed.exact
    if dead is None or shot.exact <= dead:
        return None
    survivors = shot.exact - dead
    if injured is not None and injured.figure >= survivors:
        return None  # a vague "others were hurt" does not outweigh an exact count
    text = shot.text if killed is None else f"{shot.text}; {killed.text}"
    return Count(survivors, survivors, survivors, text, shot.span)


def counts_of(findings: list[CountFinding]) -> dict[str, Count]:
    """The published figures of a merged event (see the module docstring)."""
    by_category: dict[str, list[CountFinding]] = {}
    for finding in findings:
        by_category.setdefault(finding.category, []).append(finding)
    counts = {
        category: count
        for category, items in by_category.items()
        if category != "shot" and (count := _best(items)) is not None
    }
    if "killed" in counts:
        counts["killed"] = _with_self(counts["killed"], by_category["killed"])
    shot = _best(by_category.get("shot", []))
    injured = _survivors(shot, counts) if shot is not None else None
    if injured is not None:
        counts["injured"] = injured
    return counts


def _attribution(drafts: list[Draft]) -> Attribution:
    """Hedged if any sentence hedges, else the first named source, else the author."""
    hedged = next((d.attribution for d in drafts if d.attribution.kind == "hedged"), None)
    sourced = next((d.attribution for d in drafts if d.attribution.kind == "source"), None)
    return hedged or sourced or Attribution(kind="author")


def _victims(drafts: list[Draft]) -> list[Mention]:
    seen: dict[tuple[str, str], Mention] = {}
    for draft in drafts:
        for mention in draft.victims_group:
            seen.setdefault((mention.kind, mention.text.casefold()), mention)
    return list(seen.values())


def _score(group: _Group, counts: dict[str, Count]) -> float:
    """How central the event is to the article, 0..1: the main event scores highest.

    The type sets the ceiling (violence over arrests, statements lowest); within it, an event
    gains for being in the title or lead, for stating figures, for being told in more than one
    sentence and for having a date or place.
    """
    signals = (
        any(d.lead for d in group.drafts),
        any(c.low > 0 for c in counts.values()),
        len({s for d in group.drafts for s in d.evidence}) > 1,
        group.date is not None or group.place is not None,
    )
    return _TYPE_WEIGHT[group.type] * (0.5 + 0.5 * sum(signals) / len(signals))


def _event(group: _Group, extra: list[CountFinding]) -> Event:
    drafts = group.drafts
    counts = counts_of([f for d in drafts for f in d.findings] + extra)
    return Event(
        type=group.type,
        evidence=sorted({s for d in drafts for s in d.evidence}, key=lambda s: s.start),
        actor=next((d.actor for d in drafts if d.actor is not None), None),
        target=next((d.target for d in drafts if d.target is not None), None),
        victims_group=_victims(drafts),
        place=group.place,
        date=group.date,
        counts=counts,
        attribution=_attribution(drafts),
        score=_score(group, counts),
    )


def _groups(drafts: list[Draft]) -> list[_Group]:
    groups: list[_Group] = []
    for draft in drafts:
        home = next((g for g in reversed(groups) if g.takes(draft)), None)
        if home is None:
            groups.append(_Group([draft]))
        else:
            home.drafts.append(draft)
    return groups


def merge(
    drafts: list[Draft],
    extra: Sequence[CountFinding] = (),
    home: Callable[[list[Event]], int | None] | None = None,
) -> list[Event]:
    """The article's events, in the order the text first states them.

    ``extra`` are figures stated outside the text (a title beside it); ``home`` picks the
    index of the event they belong to (None: none). They combine with that event's own
    figures as if one of its sentences stated them ("4 shot" in the title and "one died" in
    the body: 1 killed, 3 injured).
    """
    groups = _groups(drafts)
    events = [_event(group, []) for group in groups]
    index = home(events) if extra and home is not None else None
    if index is not None:
        events[index] = _event(groups[index], list(extra))
    return events
