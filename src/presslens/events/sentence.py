"""One sentence at a time: which events it states, with figures, participants and source.

A sentence's triggers (:mod:`presslens.events.taxonomy`) give its event types: one violent
type, the most specific one present, plus every non-violent type ("police detained two men
after a shooting" is an attack *and* an arrest). A death or injury with a non-violent cause
("killed in a car crash") makes no violent event unless a weapon is named. An official
statement counts only when nothing else happens in the sentence and an official body speaks.

Figures (:mod:`presslens.events.counts`) go to the event they belong to: killed, injured and
shot to the violent one (to a raid when the sentence has no violent one), detained to the
arrest, deported to the deportation (a sentence that says "three were detained" is an arrest
even without another trigger). Figures that no event of the sentence takes ("he died at the
hospital") are returned as orphans for the article to place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from presslens.document import Article, Span
from presslens.events.actors import assign_roles, find_participants, find_victims_groups
from presslens.events.attribution import attribute
from presslens.events.counts import CountFinding, find_counts
from presslens.events.model import Attribution, DateRange, Mention, Place
from presslens.events.taxonomy import (
    BY_ID,
    CASUALTY_TYPES,
    DEFAULT_TYPE_FOR_COUNT,
    NON_VIOLENT_CAUSE,
    TYPES,
    VIOLENT_TYPES,
)

_WEAPON = {
    "en": re.compile(r"\b(?:shot|shoot\w*|gun\w*|stabb\w*|knife|rifle|pistol|bomb\w*)\b", re.I),
    "ru": re.compile(r"(?:стрел|огнестрел|нож|пистолет|автомат|ружь|бомб|взрыв)", re.I),
}
_OFFICIAL_KINDS = frozenset({"government", "state_security", "military", "armed_group"})
#: A sentence that goes on about the event before it ("It happened just before 1 a.m.",
#: "Officers were called at 12:39 p.m. Saturday"): it lends that event its date and place.
_CONTINUATION = {
    "en": re.compile(
        r"\b(?:(?:it|this|that|the\s+(?:incident|attack|shooting|violence|clash|explosion|"
        r"situation|stabbing|fight|confrontation))\s+(?:all\s+)?(?:happened|occurred|"
        r"took\s+place|unfolded|began|started)|(?:officers|police|deputies|troopers|"
        r"authorities|firefighters|paramedics)\s+(?:\w+\s+)?(?:were\s+)?(?:called|dispatched|"
        r"responded|arrived|summoned)|among\s+the\s+(?:dead|killed|injured|wounded|victims|"
        r"casualties|detainees|detained|arrested)|the\s+(?:dead|victims)\s+includ(?:e|ed))\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:(?:инцидент|происшествие|это|нападение|стрельба|взрыв)\s+(?:\w+\s+)?"
        r"(?:произош[её]л\w*|случил\w*)|(?:полици\w*|полицейские|сотрудники)\s+(?:\w+\s+)?"
        r"(?:прибыл\w*|выехал\w*)|среди\s+(?:погибш\w+|убит\w+|раненых|пострадавш\w+|"
        r"жертв|задержанн\w+|пленн\w+))",
        re.IGNORECASE,
    ),
}


@dataclass(slots=True)
class Draft:
    """One event as one sentence states it, before the article's events are merged."""

    type: str
    sentence: Span
    paragraph: int
    trigger: Span
    evidence: list[Span]
    findings: list[CountFinding] = field(default_factory=list)
    actor: Mention | None = None
    target: Mention | None = None
    victims_group: list[Mention] = field(default_factory=list)
    attribution: Attribution = field(default_factory=lambda: Attribution(kind="author"))
    date: DateRange | None = None
    #: Whether the date comes from other sentences or is a weak day ("yesterday"): it then
    #: cannot split events.
    date_inherited: bool = False
    place: Place | None = None
    #: Whether the sentence itself names the place (else it comes from the context).
    place_stated: bool = False
    lead: bool = False


def _type_triggers(text: str, sentence: Span, language: str) -> dict[str, Span]:
    """Event types whose triggers occur in the sentence, with the first trigger of each."""
    found: dict[str, Span] = {}
    for event_type in TYPES:
        match = event_type.triggers[language].search(text, sentence.start, sentence.end)
        if match:
            found[event_type.id] = Span(match.start(), match.end())
    return found


def _select_types(
    text: str, sentence: Span, language: str, found: dict[str, Span]
) -> dict[str, Span]:
    """The most specific violent type plus the non-violent ones, minus implausible ones."""
    violent = sorted((BY_ID[t].rank, t) for t in found if t in VIOLENT_TYPES)
    chosen = {t: s for t, s in found.items() if t not in VIOLENT_TYPES}
    if violent:
        best = violent[0][1]
        accidental = NON_VIOLENT_CAUSE[language].search(text, sentence.start, sentence.end)
        armed = _WEAPON[language].search(text, sentence.start, sentence.end)
        if not (best == "violence_against_civilians" and accidental and not armed):
            chosen[best] = found[best]
    if "riot" in chosen:
        chosen.pop("protest", None)  # the same crowd, turned violent
    return chosen


def _home_type(finding: CountFinding, types: Mapping[str, object]) -> str | None:
    """Which of the sentence's event types a figure belongs to."""
    if finding.category in ("killed", "injured", "shot"):
        violent = next((t for t in types if t in VIOLENT_TYPES), None)
        return violent or next((t for t in types if t in CASUALTY_TYPES), None)
    wanted = DEFAULT_TYPE_FOR_COUNT[finding.category]
    return wanted if wanted in types else None


def _has_official(text: str, sentence: Span, language: str) -> bool:
    participants = find_participants(text, sentence.start, sentence.end, language)
    return any(m.kind in _OFFICIAL_KINDS for m in participants)


def _source_span(text: str, sentence: Span, attribution: Attribution) -> Span | None:
    """Where the cited source stands in the sentence, if the sentence cites one."""
    if not attribution.source:
        return None
    at = text.find(attribution.source, sentence.start, sentence.end)
    return Span(at, at + len(attribution.source)) if at >= 0 else None


def _draft(
    text: str, paragraph: int, sentence: Span, language: str, type_id: str, trigger: Span
) -> Draft:
    attribution = attribute(text, sentence.start, sentence.end, language)
    source = _source_span(text, sentence, attribution)
    actor, target = assign_roles(text, sentence, trigger, language, source)
    exclude = actor.span if actor is not None else None
    victims = find_victims_groups(text, sentence.start, sentence.end, language, exclude)
    if target is None and victims:
        # "detained two ethnic Azerbaijanis": the group the text names is who it happened to
        target = Mention(text=victims[0].text, kind="civilians", span=victims[0].span)
    return Draft(
        type=type_id,
        sentence=sentence,
        paragraph=paragraph,
        trigger=trigger,
        evidence=[sentence],
        actor=actor,
        target=target,
        victims_group=victims,
        attribution=attribution,
    )


def read_sentence(
    article: Article, paragraph: int, sentence: Span, language: str
) -> tuple[list[Draft], list[CountFinding]]:
    """The events of one sentence, and the figures it states that no event there takes."""
    text = article.text
    types = _select_types(text, sentence, language, _type_triggers(text, sentence, language))
    findings = find_counts(text, sentence.start, sentence.end, language)
    for finding in findings:
        own_event = finding.category in ("detained", "deported") and finding.count.low > 0
        if own_event and _home_type(finding, types) is None:
            types[DEFAULT_TYPE_FOR_COUNT[finding.category]] = finding.count.span or sentence
    if "statement" in types and (len(types) > 1 or not _has_official(text, sentence, language)):
        types.pop("statement")
    drafts = [
        _draft(text, paragraph, sentence, language, type_id, trigger)
        for type_id, trigger in sorted(types.items(), key=lambda item: item[1].start)
    ]
    by_type = {d.type: d for d in drafts}
    orphans: list[CountFinding] = []
    for finding in findings:
        home = _home_type(finding, by_type)
        if home is not None:
            by_type[home].findings.append(finding)
        elif finding.count.low > 0:
            orphans.append(finding)
    return drafts, orphans


def continuation(
    article: Article, paragraph: int, sentence: Span, language: str, last: Draft
) -> Draft | None:
    """A sentence that tells when or where the previous event happened, as part of it."""
    match = _CONTINUATION[language].search(article.text, sentence.start, sentence.end)
    if match is None:
        return None
    trigger = Span(match.start(), match.end())
    return _draft(article.text, paragraph, sentence, language, last.type, trigger)
