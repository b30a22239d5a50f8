"""Time expressions in article text, normalised against the publication date.

``find_dates`` returns the dated expressions as inclusive ISO day ranges with a granularity
("late last year" in an article of July 2025 → 2024-09-01..2024-12-31, month). ``find_timexes``
returns every expression with its TimeML value (dates, durations, sets, PRESENT_REF ...) and is
what the TempEval-3 evaluation scores. Both run the same rules.

Rules are regular expressions compiled at import (no per-call setup, no model to load) and are
grouped per language: English and Russian get absolute and relative dates; French, German,
Italian and Polish get absolute dates ("22 février 2022"); any other language gets numeric
dates and years only.

Without a publication date only absolute expressions resolve. Relative ones ("yesterday",
"в прошлом году", "in March") are left out rather than returned unresolved: a date is never
invented from the day the analysis happens to run.

Anchoring: weekdays and months named without a year are the latest ones on or before the
publication date ("on Tuesday" in a Tuesday article is that day), or the next ones when the
clause is in the future tense ("will meet on Tuesday"); "last weekend" is the latest one over
before publication, and a holiday ("Easter", "the Fourth of July") the latest one. Days told
from another day ("the night before", "that night") follow the last day the text named, and
are left out when it named none. A week is returned as its Monday–Sunday range and a quarter
as its three months; their granularity is that of the range ends (day, month). "early / mid /
late" take the first, middle or last third of the period, one unit finer.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from presslens.document import Span
from presslens.events import dates_en, dates_ru
from presslens.events.dates_core import Context, Rule, TimexType, Triggers, value_range
from presslens.events.dates_intl import other_language_rules
from presslens.events.dates_lexicon import WEEKDAYS_EN, WEEKDAYS_RU, alternation
from presslens.events.model import DateRange

_NEVER = re.compile(r"(?!)")
_YEAR = re.compile(r"\d{4}")
_EMPTY = re.compile(r"")


#: How far (characters) before and after a trigger word a match may start and end.
_BEFORE, _AFTER = 48, 64


@dataclass(frozen=True, slots=True)
class _Language:
    """The rules of one language, the words that trigger them, its future-tense markers, and
    the words to trim off the start of a match (Russian rules match "в" for context)."""

    rules: list[Rule]
    triggers: Triggers
    future: re.Pattern[str] = _NEVER
    leading: re.Pattern[str] = _EMPTY


_LANGUAGES: dict[str, _Language] = {
    "en": _Language(dates_en.RULES, dates_en.TRIGGERS, dates_en.FUTURE),
    "ru": _Language(
        dates_ru.RULES, dates_ru.TRIGGERS, dates_ru.FUTURE, dates_ru.LEADING_PREPOSITION
    ),
}


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression with its TimeML type and value (``mod``: START, MID, END or None)."""

    span: Span
    text: str
    type: TimexType
    value: str
    mod: str | None = None


def _language(code: str) -> _Language:
    """The rules for ``code`` (ISO 639-1); other languages get absolute dates only."""
    key = code.lower()[:2]
    if key not in _LANGUAGES:
        _LANGUAGES[key] = _Language(*other_language_rules(key))
    return _LANGUAGES[key]


def _windows(positions: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Merged ranges around trigger positions where a rule's matches can lie."""
    windows: list[tuple[int, int]] = []
    for position in sorted(positions):
        lo, hi = max(start, position - _BEFORE), min(end, position + _AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _lower(text: str) -> str:
    """``text`` in lower case with every character kept at its index (rules match on it)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _bounded(rule: Rule, text: str, match: re.Match[str]) -> bool:
    """True when ``match`` starts and ends on word boundaries and follows no ``not_after``."""
    start, end = match.span()
    if start > 0:
        before = text[start - 1]
        if before in rule.not_after or (before.isalnum() and text[start].isalnum()):
            return False
    return end == len(text) or not (text[end].isalnum() and text[end - 1].isalnum())


def _matches(
    rule: Rule, lowered: str, windows: list[tuple[int, int]], end: int
) -> list[re.Match[str]]:
    """Matches of ``rule`` inside ``windows``, each also with any prefix found right before it;
    a match cut short by a window edge is redone on the full text."""
    found = []
    for lo, hi in windows:
        for match in rule.pattern.finditer(lowered, lo, hi):
            if match.end() == hi < end:
                match = rule.pattern.match(lowered, match.start(), end) or match
            found.append(match)
            for prefix, full in rule.prefixed:
                head = prefix.search(lowered, max(0, match.start() - _BEFORE), match.start())
                longer = head and full.match(lowered, head.start(), end)
                if longer:
                    found.append(longer)
    return [m for m in found if m.end() > m.start() and _bounded(rule, lowered, m)]


def _non_overlapping(found: list[tuple[re.Match[str], int]]) -> list[tuple[re.Match[str], int]]:
    """The longest matches (then those of earlier rules) that overlap no longer one, in text
    order. ``taken`` stays sorted and disjoint, so one bisect finds the neighbours to check."""
    found.sort(key=lambda c: (c[0].start() - c[0].end(), c[1]))
    starts: list[int] = []
    taken: list[tuple[re.Match[str], int]] = []
    for match, index in found:
        i = bisect.bisect(starts, match.start())
        if i and taken[i - 1][0].end() > match.start():
            continue
        if i < len(taken) and taken[i][0].start() < match.end():
            continue
        starts.insert(i, match.start())
        taken.insert(i, (match, index))
    return taken


def _candidates(
    lang: _Language, lowered: str, start: int, end: int
) -> list[tuple[re.Match[str], Rule]]:
    """Matches of every rule near its trigger words, overlaps resolved, in text order."""
    spots: dict[str, list[int]] = {}
    index = lang.triggers.families
    for trigger in lang.triggers.pattern.finditer(lowered, start, end):
        word = trigger.group()
        for family in index.get(word) or index.get(word[0], ()):
            spots.setdefault(family, []).append(trigger.start())
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    found: list[tuple[re.Match[str], int]] = []
    for i, rule in enumerate(lang.rules):
        if rule.on not in windows:
            positions = [p for family in rule.on for p in spots.get(family, ())]
            windows[rule.on] = _windows(positions, start, end)
        found.extend((m, i) for m in _matches(rule, lowered, windows[rule.on], end))
    return [(match, lang.rules[i]) for match, i in _non_overlapping(found)]


def find_timexes(
    text: str,
    published: dt.date | None,
    language: str,
    start: int = 0,
    end: int | None = None,
) -> list[Timex]:
    """Every time expression in ``text[start:end]`` with its TimeML value, in text order."""
    lang = _language(language)
    if isinstance(published, dt.datetime):
        published = published.date()
    ctx = Context(dct=published, text=text, future_markers=lang.future)
    stop = len(text) if end is None else min(end, len(text))
    found: list[Timex] = []
    for match, rule in _candidates(lang, _lower(text), start, stop):
        value = rule.build(match, ctx)
        if value is None:
            continue
        lo, hi = match.span()
        trim = lang.leading.match(text, lo, hi)
        lo += len(trim[0]) if trim else 0
        found.append(Timex(Span(lo, hi), text[lo:hi], value.type, value.value, value.mod))
        if rule.anchors:
            ctx.refer(value, match.end())
    return found


def find_dates(
    text: str,
    published: dt.date | None,
    language: str,
    start: int = 0,
    end: int | None = None,
) -> list[DateRange]:
    """Dated expressions in ``text[start:end]`` as inclusive ISO ranges, in text order.

    Durations ("three years"), sets ("every day") and vague references ("now", "recently") are
    not dates and are left out, and so is anything relative when ``published`` is None. So are
    a page's own time stamps ("Posted: Friday, July 10, 2015 6:47 AM", the "(@handle) July 20,
    2016" that signs an embedded post): they say when the page was written, not when anything
    it reports happened.
    """
    ranges: list[DateRange] = []
    for timex in _without_stamps(text, find_timexes(text, published, language, start, end)):
        if timex.type not in ("DATE", "TIME"):
            continue
        bounds = value_range(timex.value, timex.mod)
        if bounds is None:
            continue
        first, last, granularity = bounds
        ranges.append(
            DateRange(first.isoformat(), last.isoformat(), granularity, timex.text, timex.span)
        )
    return [r for r in ranges if not _contradicted_weekday(text, r, ranges)]


#: The words that label a page's own time stamp ("Posted:", "Created:", "Обновлено").
_STAMP_WORDS = (
    r"\b(?:posted|updated?|published|created|last\s+modified|опубликовано|обновлено)\b\s*[:|]?"
)
#: A label that puts a page's time stamp right after it, or the handle that signs a post.
_STAMP_LABEL = re.compile(rf"(?:{_STAMP_WORDS}|\(@\w+\))\s*(?:on\s+)?$", re.IGNORECASE)
#: A stamp label read forwards, to find the stamp after it.
_STAMP_AHEAD = re.compile(rf"{_STAMP_WORDS}\s*(?:on\s+)?", re.IGNORECASE)
#: How far into the text a page's stamp is looked for: the masthead, above the story.
STAMP_CHARS = 600
#: What may stand between a stamp's label and its date ("Posted: Monday, May 4, 2015").
_STAMP_PREFIX = re.compile(
    rf"[\s,|–—-]*(?:{alternation([*WEEKDAYS_EN, *WEEKDAYS_RU])},?\s*)?", re.IGNORECASE
)
#: What joins the parts of one stamp ("July 10, 2015 6:47 AM", "Jul 1, 2016 - 12:02 PM").
_STAMP_JOIN = re.compile(r"[\s,|–—-]*(?:at\s+)?")


def _without_stamps(text: str, timexes: list[Timex]) -> list[Timex]:
    """``timexes`` less the page stamps: a timex right after a stamp label on its line, or
    right after another part of the same stamp."""
    kept: list[Timex] = []
    previous_end: int | None = None  # end of the last stamp part, None when the last was not
    for timex in timexes:
        lo = max(text.rfind("\n", 0, timex.span.start) + 1, timex.span.start - 40)
        joined = previous_end is not None and _STAMP_JOIN.fullmatch(
            text, previous_end, timex.span.start
        )
        if joined or _STAMP_LABEL.search(text, lo, timex.span.start):
            previous_end = timex.span.end
            continue
        previous_end = None
        kept.append(timex)
    return kept


def page_day(text: str, language: str) -> dt.date | None:
    """The earliest day the page's own stamps name near its top, where they give the year
    ("Created: 08/26/2015 5:11 AM", "Posted: Monday, May 4, 2015"); None when there is none.

    The stamp says when the page was first written, which the publication date given with an
    article does not always: feeds and crawls hand on the day a page was fetched.
    """
    days: list[dt.date] = []
    for label in _STAMP_AHEAD.finditer(text, 0, STAMP_CHARS):
        window = text[label.end() : label.end() + 60]
        stamp = next(iter(find_timexes(window, None, language)), None)
        if (
            stamp is None
            or not _STAMP_PREFIX.fullmatch(window, 0, stamp.span.start)
            or not _YEAR.search(stamp.text)
        ):
            continue
        bounds = value_range(stamp.value, stamp.mod)
        if bounds is not None and bounds[0] == bounds[1]:
            days.append(bounds[0])
    return min(days, default=None)


def earlier_stamp(text: str, published: dt.date | None, language: str) -> dt.date | None:
    """The page's own stamp (:func:`page_day`) when an article's relative dates ("Saturday",
    "last week") should count from it rather than from the publication date given: when it
    is earlier, or no publication date was given. A story posted on 26 August 2015 and handed
    on with the date it was crawled, in 2017, still tells of the Saturday before 26 August
    2015. None when the publication date stands."""
    if isinstance(published, dt.datetime):
        published = published.date()
    stamp = page_day(text, language)
    if stamp is not None and (published is None or stamp < published):
        return stamp
    return None


#: How close (in characters) a broader date must be to overrule a bare weekday.
_WEEKDAY_CONTEXT = 80


#: The end of a sentence: a period stops applying to the weekdays after it.
_SENTENCE_END = re.compile(r"[.!?][\s\"”’']|\n")


def _contradicted_weekday(text: str, day: DateRange, ranges: list[DateRange]) -> bool:
    """A bare weekday after a relative period it falls outside, in the same sentence ("late
    last year, on a cold Tuesday"): the weekday lies somewhere in that period, not in the week
    before publication. In the next sentence it starts a new story ("... killed in April. The
    girl was shot Sunday")."""
    if day.granularity != "day" or day.span is None or any(c.isdigit() for c in day.text):
        return False
    return any(
        other.granularity != "day"
        and other.span is not None
        and 0 < day.span.start - other.span.start <= _WEEKDAY_CONTEXT
        and not _SENTENCE_END.search(text, other.span.end, day.span.start)
        and not any(c.isdigit() for c in other.text)  # "the 2019 ruling" is another matter
        and not other.start <= day.start <= other.end
        for other in ranges
    )


def normalise_timex(text: str, dct: dt.date | None, language: str) -> str | None:
    """The TimeML value of the time expression ``text`` ("last month" → "1998-10"), or None.

    When ``text`` holds several expressions the longest one is taken.
    """
    timexes = find_timexes(text, dct, language)
    if not timexes:
        return None
    return max(timexes, key=lambda t: len(t.span)).value
