"""When and where: the date and the place of each sentence event.

Dates come from :func:`presslens.events.dates.find_dates`, normalised against the publication
date. A sentence event takes the date in its sentence nearest its trigger; a sentence without
one takes the nearest earlier date of the same paragraph. An event still undated inherits a
day (an inherited date never splits events, see :mod:`presslens.events.merge`): the last single
day of the closest earlier paragraph that names one; else, for a lead that says what happened
but not when, the day the first later sentence of the same kind of event gives ("A boy was
shot in Fresno." ... "The shooting happened Sunday night."), else the first later event
sentence's day, else the first later paragraph's (a bare clock time there, "around 2 a.m.",
counts too), else the day the title names ("Police identify suspect in Saturday shooting").
Else the date is unknown. It is never the publication date: an undated event is unknown, not
"today". A span of days ("last month", "this year") is made precise by a day inside it that
an event sentence or else the article names ("a shooting last month" ... "about 1:30 a.m.
Nov. 27"). Some dates are passed over: days after publication (what is scheduled has not
happened), the day something was *said* or done in court or after the fact ("police said
Monday", "Officials Wednesday identified", "was arraigned Wednesday", "an autopsy conducted
Tuesday", "pleaded not guilty Friday", "was being held Thursday", "in a Friday interview",
"died Sunday from his injuries", "the family spoke to reporters on Wednesday"), the day of an
arrest for a violent event ("was arrested Tuesday in Saturday's shooting"), and a bare clock
time ("at 1:25 p.m. local time") when the sentence also names a day. A bare clock time
otherwise falls on the last day the text named before it ("on May 28, 2016 ... at 1:30
p.m."), or the day after it for the small hours after a night ("late Friday night" ...
"at 12:30 a.m." is Saturday). A day counted back from an unknown moment ("last night" in a
witness's words, "yesterday" in an update posted later) is weak: like an inherited date, it
neither splits events nor outweighs a named day.

Places come from :mod:`presslens.events.places` (mentions, then resolution against the
article's context). They are tried finest first: a town in the sentence nearest the trigger,
else the last one earlier in the paragraph, the article's dateline ("STOCKTON, Calif. —"), or
the last one earlier in the article; only then a country or region; and last a name that could
not be resolved. A place that says who the victims are ("гражданин России") is not where it
happened.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from presslens.document import Article, Span
from presslens.events.dates import find_dates
from presslens.events.gazetteer import is_coarse
from presslens.events.model import DateRange, Place
from presslens.events.places import find_place_mentions, resolve_places
from presslens.events.sentence import Draft
from presslens.events.taxonomy import VIOLENT_TYPES

T = TypeVar("T")

#: A date right after these words is when something was said or done in court.
_NOT_EVENT_DATE = {
    "en": re.compile(
        r"\b(?:said|says|announced|told\s+[\w.’']+(?:\s+[\w.’']+)?|reported|confirmed|stated|"
        r"added|identified\s+\w+(?:\s+\w+)?|charged|arraigned|indicted|sentenced|unsealed|"
        r"interviewed|pleaded\s+(?:not\s+)?\w+|convicted|appeared\s+in\s+court|released|"
        r"testified|booked|ruled|filed|ordered|denied|waived|tweeted|posted|wrote|"
        r"(?:news|press)\s+(?:conference|release)|statement|interview|hearing|court|jail|prison|"
        r"custody|bond|searching|investigating|investigated|conducted|autopsy|judge|jury|trial|"
        r"vigil|funeral|memorial|warrant|(?:released|issued)\s+(?:an?\s+|the\s+)?\w+|"
        r"held|unclear|shock|charges?|counts?|parole|probation|dismissed|"
        r"bars|services|underway|scheduled)[,\s]+(?:on\s+|late\s+|early\s+)?$",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:сообщил\w*|заявил\w*|рассказал\w*|подтвердил\w*|объявил\w*|"
        r"приговорил\w*|осудил\w*)\s+$",
        re.IGNORECASE,
    ),
}
#: A date a few words after these verbs is the day of a follow-up, not of the event ("The family
#: spoke to reporters on Wednesday", "Classes resumed Wednesday after four students were shot").
_FOLLOW_UP = re.compile(
    r"\b(?:spoke|speaks|visited|met|attended|rallied|marched|mourned|remembered|"
    r"honou?red|buried|laid\s+to\s+rest|resumed|reopened|canvassed|addressed|struggled)"
    r"(?:\s+[\w’'-]+){0,5}\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE,
)
#: A date right before these words is when something was said, or is the day of a follow-up
#: ("Officials Wednesday identified ...", "in a Friday interview", "died Sunday from his
#: injuries").
_NOT_EVENT_AFTER = re.compile(
    r"(?:[’']s)?\s+(?:interview|hearing|court\s+(?:hearing|appearance|date)|"
    r"(?:news|press)\s+conference|funeral|vigil|memorial|arraignment)\b|"
    r"\s+(?:from|of)\s+(?:his|her|their|the)\s+(?:injuries|wounds)\b",
    re.IGNORECASE,
)
#: An agent right before a date and a verb of saying right after it ("Officials Wednesday
#: identified ...", "Police on Monday said ..."): the day of the statement.
_AGENT = re.compile(
    r"\b(?:police|officials|authorities|investigators|deputies|detectives|prosecutors|"
    r"troopers|officers|sheriff|coroner|family|relatives)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_STATED = re.compile(
    r"\s+(?:(?:have|has|had)\s+)?(?:said|identified|announced|confirmed|released|charged|"
    r"arrested|asked|urged|named)\b",
    re.IGNORECASE,
)
#: A date right after these words is when someone was arrested: the day of an arrest event,
#: not of the attack it follows ("was arrested Tuesday in Saturday's shooting").
_ARREST_DATE = {
    "en": re.compile(
        r"\b(?:arrested|detained|apprehended|booked|captured|taken\s+into\s+custody|"
        r"turned\s+(?:himself|herself)\s+in)\s+(?:on\s+|late\s+|early\s+)?$",
        re.IGNORECASE,
    ),
    "ru": re.compile(r"(?<![\w-])(?:задержа\w*|арестова\w*)\s+$", re.IGNORECASE),
}
_CLOCK = re.compile(
    r"^(?:about\s+|around\s+)?\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*(?:local\s+time|[ECMP][SD]?T|UTC|GMT))?$|^(?:noon|midnight)$",
    re.I,
)
#: Days counted back from the moment of writing or speaking, which a quote or a later update
#: may not share with the publication date (see :func:`_weak`).
_DEICTIC = {
    "en": re.compile(r"\b(?:yesterday|last\s+night|this\s+(?:morning|afternoon|evening))\b", re.I),
    "ru": re.compile(
        r"(?<![\w-])(?:вчера|прошлой\s+ночью|сегодня\s+(?:утром|днём|днем))(?![\w-])", re.I
    ),
}
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?))?"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}"
)
_LOOKBEHIND = 40
#: A clock time after midnight ("at 12:28 a.m.", "about 2 a.m.") and a day named as a night
#: ("Friday night", "late Saturday", "10 p.m. Friday"): the small hours after that night fall
#: on the next day.
_SMALL_HOURS = re.compile(r"^(?:about\s+|around\s+)?(?:12|0?[1-5])(?::\d\d)?\s*a\.?m\.?$", re.I)
_NIGHT = re.compile(r"\b(?:night|evening|p\.?m\.?)(?!\w)|^late\s+\w+day$", re.I)


def _nearest(items: Sequence[tuple[Span, T]], sentence: Span, trigger: Span) -> T | None:
    """The item inside the sentence nearest the trigger, else the last one before it."""
    inside = [(s, v) for s, v in items if sentence.start <= s.start < sentence.end]
    if inside:
        return min(inside, key=lambda item: abs(item[0].start - trigger.start))[1]
    before = [(s, v) for s, v in items if s.start < sentence.start]
    return before[-1][1] if before else None


def _paragraph_dates(
    article: Article, paragraph: Span, language: str
) -> list[tuple[Span, DateRange]]:
    """Dates of one paragraph, minus the days statements were made ("police said Monday") and
    days after publication: what is still to come ("the trial was rescheduled for May 16") has
    not happened, so it is not when a reported event did."""
    found = find_dates(article.text, article.published, language, paragraph.start, paragraph.end)
    pattern = _NOT_EVENT_DATE[language]
    latest = article.published.isoformat() if article.published else None
    kept = []
    for date in found:
        if latest is not None and date.start > latest:
            continue
        where = date.span or paragraph
        possessive = date.text.endswith(("’s", "'s")) or article.text.startswith(
            ("’s", "'s"), where.end
        )  # "said Friday's shooting"
        said = pattern.search(
            article.text, max(paragraph.start, where.start - _LOOKBEHIND), where.start
        )  # not across paragraphs: "... witnesses told reporters.\n\nLast year, ..."
        if (possessive or not said) and not _follow_up_day(
            article.text, paragraph, where, language
        ):
            kept.append((where, date))
    return kept


def _follow_up_day(text: str, paragraph: Span, where: Span, language: str) -> bool:
    """Whether the words around the date make it a follow-up's day (see :data:`_FOLLOW_UP`,
    :data:`_NOT_EVENT_AFTER`, :data:`_AGENT`); the cues are English only so far."""
    if language != "en":
        return False
    return bool(
        _NOT_EVENT_AFTER.match(text, where.end, paragraph.end)
        or (
            _AGENT.search(text, max(paragraph.start, where.start - 20), where.start)
            and _STATED.match(text, where.end, paragraph.end)
        )
        or _FOLLOW_UP.search(text, max(paragraph.start, where.start - _LOOKBEHIND), where.start)
    )


def _arrest_day(article: Article, where: Span, language: str) -> bool:
    """Whether the date says when someone was arrested (see :data:`_ARREST_DATE`)."""
    start = max(0, where.start - _LOOKBEHIND)
    return bool(_ARREST_DATE[language].search(article.text, start, where.start))


def _without_clock(
    dates: list[tuple[Span, DateRange]], sentence: Span
) -> list[tuple[Span, DateRange]]:
    """The dates, less the sentence's bare clock times when the sentence also names a day."""
    inside = [(s, d) for s, d in dates if sentence.start <= s.start < sentence.end]
    clocks = [(s, d) for s, d in inside if _is_clock(d)]
    if len(clocks) == len(inside):
        return dates
    return [item for item in dates if item not in clocks]


def dateline(article: Article) -> tuple[str, Span] | None:
    """The place of the dateline ("STOCKTON, Calif. —") that opens a first body paragraph."""
    for paragraph in article.body_paragraphs[:3]:
        match = _DATELINE.match(article.text, paragraph.span.start, paragraph.span.end)
        if match:
            region = match.group("region")
            name = match.group("city").title() + (f", {region}" if region else "")
            end = match.end("region") if region else match.end("city")
            return name, Span(match.start("city"), end)
    return None


def _places(
    article: Article, drafts: list[Draft], language: str
) -> tuple[
    list[tuple[Span, Place]], list[tuple[Span, Place]], list[tuple[Span, Place]], Place | None
]:
    """Fine (towns), coarse (regions, countries) and unresolved places, and the dateline's."""
    groups = [m.span for d in drafts for m in d.victims_group if m.span is not None]
    mentions = []
    for index in sorted({d.paragraph for d in drafts}):
        span = article.paragraphs[index].span
        for name, where in find_place_mentions(article.text, span.start, span.end, language):
            if not any(where.overlap(g) for g in groups):
                mentions.append((name, where))
    head = dateline(article)
    if head is not None:
        mentions.append(head)
    fine: list[tuple[Span, Place]] = []
    coarse: list[tuple[Span, Place]] = []
    unresolved: list[tuple[Span, Place]] = []
    resolved = resolve_places(article, mentions) if mentions else []
    for (name, span), place in zip(mentions, resolved, strict=True):
        if place is None or place.geonames_id is None:
            unresolved.append((span, place or Place(text=name, span=span)))
        else:
            (coarse if is_coarse(place) else fine).append((span, place))
    fine, strays = _home_country(fine + coarse, fine)
    unresolved.extend((s, Place(text=p.text, span=s)) for s, p in strays)
    at_dateline = next((p for s, p in fine if head is not None and s == head[1]), None)
    return fine, coarse, unresolved, at_dateline


def _home_country(
    everything: list[tuple[Span, Place]], fine: list[tuple[Span, Place]]
) -> tuple[list[tuple[Span, Place]], list[tuple[Span, Place]]]:
    """Towns of the article's country, and towns abroad named without a qualifier.

    When most places an article names are in one country, a bare name read as a town
    elsewhere ("Pérez", "Zamora", "Young" in a story from Connecticut) is far more often a
    person than a trip abroad: it is left unresolved rather than guessed.
    """
    countries = Counter(p.country for _, p in everything if p.country)
    if not countries:
        return fine, []
    home, votes = countries.most_common(1)[0]
    if votes < 2 or votes * 2 <= sum(countries.values()):
        return fine, []
    kept = [(s, p) for s, p in fine if p.country == home or "," in p.text]
    return kept, [(s, p) for s, p in fine if (s, p) not in kept]


def _is_clock(date: DateRange) -> bool:
    return bool(_CLOCK.match(date.text.strip()))


def _is_day(date: DateRange | None) -> bool:
    """Whether the date names one day of its own (not a span, nor a bare clock time)."""
    return date is not None and date.start == date.end and not _is_clock(date)


def _is_moment(date: DateRange | None) -> bool:
    """Whether the date is one day, named or a clock time on one ("at 2 a.m.")."""
    return date is not None and date.start == date.end


def _weak(date: DateRange, language: str) -> bool:
    """Whether the date counts back from an unknown moment ("last night" in a witness's words,
    "yesterday" in an update posted a day after the page's date): right often enough to keep
    when nothing else dates the event, too often a day off to outweigh a named day."""
    return bool(_DEICTIC[language].search(date.text))


def _anchored(
    date: DateRange | None, index: int, dates_of: Callable[[int], list[tuple[Span, DateRange]]]
) -> DateRange | None:
    """A bare clock time ("at 1:30 p.m.") on the last day the text named before it ("May 28,
    2016"), in its paragraph or an earlier one; on the publication day only when none."""
    if date is None or date.span is None or not _is_clock(date):
        return date
    for number in range(index, -1, -1):
        for where, day in reversed(dates_of(number)):
            if where.start < date.span.start and day.start == day.end and not _is_clock(day):
                start = day.start
                if _SMALL_HOURS.match(date.text.strip()) and _NIGHT.search(day.text):
                    start = (dt.date.fromisoformat(start) + dt.timedelta(days=1)).isoformat()
                return DateRange(start, start, day.granularity, date.text, date.span)
    return date


def _earlier(
    index: int, dates_of: Callable[[int], list[tuple[Span, DateRange]]]
) -> DateRange | None:
    """The last single day of the closest earlier paragraph that names one."""
    for number in range(index - 1, -1, -1):
        days = [d for _, d in dates_of(number) if _is_day(d)]
        if days:
            return days[-1]
    return None


def _later(
    index: int, count: int, dates_of: Callable[[int], list[tuple[Span, DateRange]]]
) -> DateRange | None:
    """The first single day (or clock time) of the closest later paragraph that names one: a
    lead that says what happened without when ("A boy was shot in Fresno") is dated by the
    story below it ("The shooting happened Sunday night", "Police were called at 2 a.m.")."""
    for number in range(index + 1, count):
        days = [d for _, d in dates_of(number) if _is_moment(d)]
        if days:
            return days[0]
    return None


def _later_event(
    draft: Draft, later: list[Draft], dates: list[DateRange | None]
) -> DateRange | None:
    """The day the first later sentence of the same kind of event (violent or not) states, else
    the first later event sentence's day: the story below an undated lead ("A man was charged
    in the shooting of a friend") tells when it happened ("Tolbert was shot May 11"), while a
    paragraph between them may date something else ("He pleaded not guilty Friday"). A clock
    time of the same kind ("The shooting happened around 12:30 a.m.") comes after a named day
    of the same kind, before one of the other kind."""
    violent = draft.type in VIOLENT_TYPES
    days = [(d.type in VIOLENT_TYPES, day) for d, day in zip(later, dates, strict=True)]
    same = [day for kind, day in days if kind == violent]
    return (
        next((day for day in same if _is_day(day)), None)
        or next((day for day in same if _is_moment(day)), None)
        or next((day for _, day in days if _is_day(day)), None)
    )


def _within(
    date: DateRange,
    type_id: str,
    events: list[tuple[str, DateRange | None]],
    count: int,
    dates_of: Callable[[int], list[tuple[Span, DateRange]]],
) -> DateRange | None:
    """The day a violent event's span of days ("last month", "this year") is made precise by:
    the first event sentence's day inside it, else the first day inside it that the article
    names ("a shooting on Bourbon Street last month" ... "about 1:30 a.m. Nov. 27"). Any
    other event's span only by a day an event of its own type has: "two detainees were
    deported last week" is not dated by the raid's Tuesday inside that week."""
    if type_id in VIOLENT_TYPES:
        days = [d for _, d in events if _is_day(d)]
        days += [d for number in range(count) for _, d in dates_of(number) if _is_day(d)]
    else:
        days = [d for kind, d in events if kind == type_id and _is_day(d)]
    return next((d for d in days if d is not None and date.start <= d.start <= date.end), None)


def _headline_day(article: Article, language: str) -> DateRange | None:
    """The day the title names ("Police identify suspect in Saturday shooting"), without a
    span: the title is not part of the text (when it is, its days are the first paragraph's)."""
    if not article.title or article.title_span is not None:
        return None
    found = find_dates(article.title, article.published, language)
    latest = article.published.isoformat() if article.published else None
    day = next((d for d in found if _is_day(d) and (latest is None or d.start <= latest)), None)
    return None if day is None else DateRange(day.start, day.end, day.granularity, day.text)


def _dates_by_paragraph(
    article: Article, language: str
) -> Callable[[int], list[tuple[Span, DateRange]]]:
    """The event dates of each paragraph (:func:`_paragraph_dates`), each found once."""
    dates: dict[int, list[tuple[Span, DateRange]]] = {}

    def dates_of(index: int) -> list[tuple[Span, DateRange]]:
        if index not in dates:
            span = article.paragraphs[index].span
            dates[index] = _paragraph_dates(article, span, language)
        return dates[index]

    return dates_of


def lead_day(
    article: Article, language: str, paragraphs: int, others: Sequence[Span] = ()
) -> DateRange | None:
    """The first day (or clock time on one) that the first ``paragraphs`` body paragraphs
    name, for an event only the headline tells of: the lead says when what the headline sums
    up happened ("Hunter hurt in woods" above "Deputies were called to Pine Lake at 4:10 p.m.
    Sunday"). A day in a sentence of ``others`` (the evidence of the article's other events:
    "Police arrested a man on Tuesday") is theirs; days of statements, of arrests and after
    publication are passed over, as for any violent event."""
    dates_of = _dates_by_paragraph(article, language)
    body = [i for i, p in enumerate(article.paragraphs) if not p.is_title][:paragraphs]
    for index in body:
        moment = next(
            (
                d
                for w, d in dates_of(index)
                if _is_moment(d)
                and not _arrest_day(article, w, language)
                and not any(s.start <= w.start < s.end for s in others)
            ),
            None,
        )
        if moment is not None:
            return _anchored(moment, index, dates_of)
    return None


def _date_drafts(article: Article, drafts: list[Draft], language: str) -> None:
    """Give each draft its date: its own sentence's or paragraph's first, then an inherited one
    (in the order the module docstring gives)."""
    dates_of = _dates_by_paragraph(article, language)
    for draft in drafts:
        candidates = dates_of(draft.paragraph)
        if draft.type in VIOLENT_TYPES:
            candidates = [(w, d) for w, d in candidates if not _arrest_day(article, w, language)]
        draft.date = _anchored(
            _nearest(_without_clock(candidates, draft.sentence), draft.sentence, draft.trigger),
            draft.paragraph,
            dates_of,
        )
        draft.date_inherited = draft.date is not None and _weak(draft.date, language)
    own = [d.date for d in drafts]
    headline = _headline_day(article, language)
    for number, draft in enumerate(drafts):
        if draft.date is not None:
            continue
        draft.date = (
            _earlier(draft.paragraph, dates_of)
            or _later_event(draft, drafts[number + 1 :], own[number + 1 :])
            or _later(draft.paragraph, len(article.paragraphs), dates_of)
            or headline
        )
        draft.date_inherited = draft.date is not None
    dated = [(d.type, d.date) for d in drafts]
    for draft in drafts:
        if draft.date is not None and draft.date.start != draft.date.end:
            draft.date = (
                _within(draft.date, draft.type, dated, len(article.paragraphs), dates_of)
                or draft.date
            )


def add_context(article: Article, drafts: list[Draft], language: str) -> None:
    """Give each draft its date and place (in the order the module docstring gives)."""
    _date_drafts(article, drafts, language)
    fine, coarse, unresolved, at_dateline = _places(article, drafts, language)
    for draft in drafts:
        paragraph = article.paragraphs[draft.paragraph].span
        local = [(s, p) for s, p in fine if paragraph.start <= s.start < paragraph.end]
        earlier = [p for s, p in fine if s.start < paragraph.start]
        stated = _nearest(local, draft.sentence, draft.trigger)
        draft.place_stated = stated is not None and any(
            p is stated and draft.sentence.start <= s.start < draft.sentence.end for s, p in local
        )
        draft.place = (
            stated
            or at_dateline
            or (earlier[-1] if earlier else None)
            or _nearest(coarse, draft.sentence, draft.trigger)
            or _nearest(unresolved, draft.sentence, draft.trigger)
        )
