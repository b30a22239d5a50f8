"""Shared machinery of the date rules: TimeML values, anchoring arithmetic and value → range.

Every rule turns a regex match into a TimeML ``VALUE`` (``1998-02-13``, ``1998-W07``,
``1998-Q3``, ``199``, ``P2Y``, ``PRESENT_REF`` ...). One representation serves both users: the
TempEval-3 scorer compares the values as they are, and :func:`value_range` turns the dated ones
into the inclusive day ranges events need. Anchoring follows news usage: an expression without
a year ("on Tuesday", "in March") means the most recent one not after publication, unless the
clause is in the future tense.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from presslens.events.dates_lexicon import alternation
from presslens.events.model import Granularity

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Unit = Literal["century", "decade", "year", "quarter", "month", "week", "day"]

#: How many months each season value spans, from its first month. Winter of year Y is the one
#: that ends in Y (December of Y-1 to February of Y), so that "зимой 2022 года" covers January.
_SEASON_START: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 0}


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A TimeML value with its type and an optional modifier (START, MID, END, APPROX ...)."""

    type: TimexType
    value: str
    mod: str | None = None


@dataclass(slots=True)
class Context:
    """What a rule may look at besides its match: the anchor date and the text around it.

    ``reference`` is the last dated value seen in the document, the anchor of anaphoric
    expressions ("a year earlier", "the quarter").
    """

    dct: dt.date | None
    text: str
    future_markers: re.Pattern[str]
    reference: str | None = None
    reference_end: int = 0

    def refer(self, value: TimeValue, end: int) -> None:
        """Make ``value`` (ending at ``end``) the anchor of later anaphora if it is a date."""
        if value.type == "DATE" and value.value[:1].isdigit():
            self.reference = value.value
            self.reference_end = end

    def future(self, match: re.Match[str]) -> bool:
        """True when the clause holding ``match`` is in the future tense ("will meet Tuesday").

        The clause runs back to the sentence start (at most 80 characters) and on to the next
        punctuation mark (at most 30), so that a "will" in the next clause does not count.
        """
        text, start, end = self.text, match.start(), match.end()
        lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), start - 80) + 1
        hi = min(_first(text, ".,;\n", end), end + 30)
        return self.future_markers.search(text, lo, hi) is not None


def _first(text: str, chars: str, start: int) -> int:
    """Index of the first of ``chars`` at or after ``start`` (``len(text)`` when none)."""
    found = [i for i in (text.find(c, start) for c in chars) if i >= 0]
    return min(found, default=len(text))


Build = Callable[[re.Match[str], Context], TimeValue | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern and the function that turns its match into a value (None: not a date).

    Patterns are lower-case and run on the lower-cased text; builders read the original
    text through :class:`Context` when case matters ("May" vs "may"). A pattern begins with a
    literal word or digit (no optional part, no look-behind) so that the regex engine can
    skip ahead quickly. Optional prefixes ("early", "the", "в начале") are looked for only
    right before a match: each entry of ``prefixed`` is a pattern that must end where the
    match starts and the full pattern to match from there. A match must start and end on a
    word boundary and may not follow any of ``not_after``. ``on`` names the trigger families
    (see :func:`trigger_index`) of which every match holds a word; the rule runs only near
    them. ``anchors`` is False for anaphoric rules ("a year earlier"), whose values must not
    anchor the expressions after them.
    """

    name: str
    pattern: re.Pattern[str]
    build: Build
    on: tuple[str, ...]
    prefixed: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()
    not_after: str = ""
    anchors: bool = True


def rules(
    name: str,
    core: str | tuple[str, ...],
    build: Build,
    *,
    on: str | tuple[str, ...],
    prefixes: str | tuple[str, ...] = (),
    not_after: str = "",
    anchors: bool = True,
) -> list[Rule]:
    """One rule per core pattern, with its optional prefixes, compiled once at import.

    Every pattern gets every named group of the others (as an empty group at its end), so a
    builder can read ``match["mod"]`` whichever variant matched: absent means "".
    """
    cores = (core,) if isinstance(core, str) else core
    prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
    variants = [*cores, *(prefix + body for body in cores for prefix in prefixes)]
    names = list(dict.fromkeys(n for v in variants for n in re.compile(v).groupindex))

    def padded(pattern: str) -> re.Pattern[str]:
        present = re.compile(pattern).groupindex
        return re.compile(pattern + "".join(f"(?P<{n}>)" for n in names if n not in present))

    families = (on,) if isinstance(on, str) else on
    return [
        Rule(
            name,
            padded(body),
            build,
            families,
            tuple((re.compile(f"(?:{p})\\Z"), padded(p + body)) for p in prefixes),
            not_after,
            anchors,
        )
        for body in cores
    ]


@dataclass(frozen=True, slots=True)
class Triggers:
    """The words that can occur in a date, each mapped to the families it belongs to.

    Scanning a text once for these words and running each rule only in windows around its
    family's words keeps ~60 patterns cheap on a long article: most of it holds no date word.
    """

    pattern: re.Pattern[str]
    families: dict[str, tuple[str, ...]]


def trigger_index(families: dict[str, tuple[str, ...]]) -> Triggers:
    """Triggers for single lower-case words by family; a run of digits is of family "digit"
    (looked up by its first digit)."""
    index: dict[str, tuple[str, ...]] = {d: ("digit",) for d in "0123456789"}
    for family, words in families.items():
        for word in words:
            index[word] = (*index.get(word, ()), family)
    return Triggers(re.compile(alternation(index) + "[0-9]*"), index)


# --- value formatting -----------------------------------------------------------------------


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by ``n`` months."""
    index = year * 12 + month - 1 + n
    return index // 12, index % 12 + 1


def shift(dct: dt.date, unit: Unit, n: int) -> str:
    """The value of the ``unit`` that lies ``n`` units from ``dct`` ("2 weeks ago" → n=-2)."""
    if unit == "day":
        return day_value(dct + dt.timedelta(days=n))
    if unit == "week":
        return week_value(dct + dt.timedelta(weeks=n))
    if unit == "month":
        return month_value(*add_months(dct.year, dct.month, n))
    if unit == "quarter":
        index = dct.year * 4 + quarter_of(dct) - 1 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    if unit == "year":
        return f"{dct.year + n:04d}"
    if unit == "decade":
        return f"{dct.year + 10 * n:04d}"
    return f"{dct.year // 100 + n:02d}"


def ago_value(dct: dt.date, unit: Unit, n: int) -> str:
    """The value ``n`` units from ``dct`` ("two years ago" → n=-2). A decade or a century ago is
    a year ("a decade ago" in 2025 → "2015"), not the decade or century holding it."""
    if unit in ("decade", "century"):
        return shift(dct, "year", n * (10 if unit == "decade" else 100))
    return shift(dct, unit, n)


def decade_value(full: str | None, short: str | None) -> str | None:
    """TimeML decade ("199") of "1990s" (``full``) or "'90s" / "90-х" (``short``); None when
    neither is given (the decade is spelled out)."""
    if full:
        return full[:3]
    if short:
        two = int(short)
        return f"{19 if two >= 30 else 20}{two // 10}"
    return None


def century_value(number: int) -> str | None:
    """TimeML century ("19") of the 20th century; None for a number no news century has."""
    return f"{number - 1:02d}" if 1 <= number <= 21 else None


def part_value(day: dt.date, part: str) -> str:
    """TimeML value of part of a day ("MO", "AF", "EV", "NI"): "2025-07-09TNI"."""
    return f"{day_value(day)}T{part}"


def weekday_value(dct: dt.date, weekday: int, offset: int, future: bool) -> str:
    """The day of a weekday: "last Friday" (``offset`` -1) and "next Friday" (+1) skip the
    publication day; a bare one (0) is the latest on or before it, or the next one on or after
    it when the clause is in the future tense."""
    if offset:
        return day_value(weekday_date(dct, weekday, 2 * offset))
    return day_value(weekday_date(dct, weekday, 1 if future else -1))


def weekday_date(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """The ``weekday`` nearest ``dct``: -1 on or before, +1 on or after, ±2 strictly so."""
    if direction < 0:
        back = (dct.weekday() - weekday) % 7
        return dct - dt.timedelta(days=back or (7 if direction == -2 else 0))
    ahead = (weekday - dct.weekday()) % 7
    return dct + dt.timedelta(days=ahead or (7 if direction == 2 else 0))


def weekend_value(dct: dt.date, ahead: bool) -> str:
    """TimeML value of the weekend on or before ``dct``, or of the next one when ``ahead``."""
    saturday = weekday_date(dct, 5, 1 if ahead else -1)
    return week_value(saturday) + "-WE"


def month_year(dct: dt.date, month: int, future: bool) -> int:
    """Year of a month named without one: the latest not after ``dct``, or next if future."""
    if future:
        return dct.year if month >= dct.month else dct.year + 1
    return dct.year if month <= dct.month else dct.year - 1


def day_month_year(dct: dt.date, month: int, day: int, future: bool) -> int:
    """Year of "March 5" written without one: the one that puts the day in a window around
    ``dct``. News mostly looks back, but a date a few weeks ahead is common ("payable Jan. 2"),
    so the window reaches 90 days ahead, or most of a year ahead in a future-tense clause."""
    before, after = (30, 335) if future else (275, 90)
    for year in (dct.year, dct.year - 1, dct.year + 1):
        if valid_day(year, month, day):
            delta = (dt.date(year, month, day) - dct).days
            if -before <= delta <= after:
                return year
    return dct.year


def valid_day(year: int, month: int, day: int) -> bool:
    """True when ``day`` exists in ``month`` of ``year``."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def season_value(dct: dt.date, season: str, which: Literal["last", "this", "next"]) -> str:
    """The season ``last`` (latest that ended before ``dct``), ``next`` (first to start after
    it) or ``this`` (the one holding ``dct``, else the nearest: "this summer" said in March is
    the coming one, "this winter" said in July the one that ended in February)."""
    spans = []
    for year in range(dct.year - 1, dct.year + 3):
        value = f"{year:04d}-{season}"
        first, last, _ = _months(year, _SEASON_START[season], 3)
        spans.append((value, first, last))
    if which == "last":
        return [v for v, _, last in spans if last < dct][-1]
    if which == "next":
        return next(v for v, first, _ in spans if first > dct)
    return min(spans, key=lambda s: max((s[1] - dct).days, (dct - s[2]).days, 0))[0]


# --- value → range --------------------------------------------------------------------------

_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?$")
_MONTH = re.compile(r"(\d{4})-(\d\d)$")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEARISH = re.compile(r"\d{2,4}$")

Range = tuple[dt.date, dt.date, Granularity]
_SCALES: dict[int, Granularity] = {1: "year", 10: "decade", 100: "century"}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, count: int) -> Range:
    """A run of ``count`` months starting at (year, first); first may be 0 (= December before)."""
    y0, m0 = add_months(year, first, 0) if first else (year - 1, 12)
    y1, m1 = add_months(y0, m0, count - 1)
    return dt.date(y0, m0, 1), _month_end(y1, m1), "month"


def _plain_range(value: str) -> Range | None:
    """The range a TimeML date value covers, before any START/MID/END modifier."""
    if m := _DAY.match(value):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d, "day"
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        first = monday + dt.timedelta(days=5) if m[3] else monday
        return first, monday + dt.timedelta(days=6), "day"
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), _month_end(year, month), "month"
    if m := _PART.match(value):
        year, part = int(m[1]), m[2]
        if part[0] == "Q":
            return _months(year, 3 * int(part[1]) - 2, 3)
        if part[0] == "H":
            return _months(year, 6 * int(part[1]) - 5, 6)
        start, end, _ = _months(year, _SEASON_START[part], 3)
        return start, end, "season"
    if _YEARISH.match(value):
        scale = 10 ** (4 - len(value))
        first = int(value) * scale
        if first < 1:
            return None
        return dt.date(first, 1, 1), dt.date(first + scale - 1, 12, 31), _SCALES[scale]
    return None


def _third(start: dt.date, end: dt.date, granularity: Granularity, mod: str) -> Range:
    """The early / middle / late third of a range, one unit finer ("late 2024" → Sep–Dec)."""
    index = {"START": 0, "MID": 1, "END": 2}[mod]
    if granularity == "month" and (start.year, start.month) == (end.year, end.month):
        cuts = [(1, 10), (11, 20), (21, end.day)]
        lo, hi = cuts[index]
        return start.replace(day=lo), start.replace(day=hi), "day"
    if granularity in ("year", "season", "month"):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        size = -(-months // 3)
        first = add_months(start.year, start.month, index * size)
        last = add_months(start.year, start.month, min(months, (index + 1) * size) - 1)
        return dt.date(*first, 1), _month_end(*last), "month"
    years = end.year - start.year + 1
    step = years // 10 if years >= 100 else 1
    unit: Granularity = "decade" if years >= 100 else "year"
    bounds = [0, years * 4 // 10, years * 7 // 10, years]
    lo_year = start.year + bounds[index] // step * step
    hi_year = start.year + bounds[index + 1] - 1
    return dt.date(lo_year, 1, 1), dt.date(hi_year, 12, 31), unit


def value_range(value: str, mod: str | None = None) -> Range | None:
    """Inclusive (start, end, granularity) of a TimeML date value; None when it is not dated."""
    plain = _plain_range(value)
    if plain is None or mod not in ("START", "MID", "END") or plain[2] == "day":
        return plain
    return _third(*plain, mod)
