"""English time expressions → TimeML values, anchored on the publication date.

The rules follow the TimeML/TIMEX3 conventions that TempEval-3 scores (TimeBank annotation):
weekdays and month names without a year are the latest ones not after publication unless the
clause is in the future tense; "the quarter" and "a year earlier" follow the last quarter the
text mentioned, as financial news uses them; "the past two years" is a duration, "two years
ago" a date. Expressions whose value would be a guess ("a few years ago") are not tagged.
"""

from __future__ import annotations

import datetime as dt
import re

from presslens.events.dates_core import (
    Build,
    Context,
    Rule,
    TimeValue,
    TimexType,
    Unit,
    ago_value,
    century_value,
    day_value,
    decade_value,
    month_value,
    month_year,
    part_value,
    quarter_of,
    rules,
    season_value,
    shift,
    trigger_index,
    value_range,
    week_value,
    weekday_date,
    weekday_value,
    weekend_value,
)
from presslens.events.dates_intl import (
    DAY,
    NOT_BEFORE_YEAR,
    YEAR,
    dated,
    modified_year,
    month_number,
    month_pattern,
    numeric_rules,
)
from presslens.events.dates_lexicon import (
    MONTH_ABBREVIATIONS_EN,
    MONTHS_EN,
    NUMBERS_EN,
    SEASONS_EN,
    VAGUE_EN,
    WEEKDAYS_EN,
    alternation,
)

FUTURE = re.compile(
    r"\b(?:will|won't|shall|going\s+to|scheduled|plans?\s+to|planning\s+to|is\s+to|are\s+to|"
    r"expects?\s+to|expected\s+to|due\s+to|upcoming|as\s+soon\s+as|as\s+early\s+as|"
    r"set\s+to)\b|'ll\b",
    re.IGNORECASE,
)

MONTH = month_pattern(MONTHS_EN, MONTH_ABBREVIATIONS_EN)
WEEKDAY = rf"(?P<weekday>{alternation(WEEKDAYS_EN)})"
#: A part of the day after a weekday; "Friday nights" recur (a set, not a date), and "Friday
#: nightclub" is a Friday before another word.
PART = (
    r"(?:\s+(?P<part>morning|afternoon|evening|night)\b)?"
    r"(?!\s+(?:morning|afternoon|evening|night)s\b)"
)
UNIT = r"(?P<unit>day|week|month|quarter|year|decade|centur(?:y|ie)|hour|minute|second)s?"
_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_MODS = {
    "early": "START",
    "earlier": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "later": "END",
    "end": "END",
}
_UNITS: dict[str, Unit] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
    "centurie": "century",
}
#: TimeML duration parts per unit: (time designator, letter, multiplier, letter when vague).
_DURATIONS: dict[str, tuple[str, str, int, str]] = {
    "year": ("", "Y", 1, "Y"),
    "month": ("", "M", 1, "M"),
    "week": ("", "W", 1, "W"),
    "day": ("", "D", 1, "D"),
    "quarter": ("", "Q", 1, "Q"),
    "decade": ("", "Y", 10, "DE"),
    "century": ("", "Y", 100, "CE"),
    "centurie": ("", "Y", 100, "CE"),
    "hour": ("T", "H", 1, "H"),
    "minute": ("T", "M", 1, "M"),
    "second": ("T", "S", 1, "S"),
}
#: Half of one unit in the next smaller one, for "2 1/2 years" (P2Y6M).
_HALVES = {"Y": "6M", "H": "30M", "D": "T12H"}
_ORDINALS = {
    word: i + 1
    for i, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "twenty-first",
        ]
    )
}
_DECADE_WORDS = {
    word: i + 2
    for i, word in enumerate(
        [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ]
    )
}
#: How far (characters) a quarter stays the anchor of "a year ago" and "the quarter".
QUARTER_FOCUS = 1000
_FULL_MONTHS = frozenset(
    name for name in MONTHS_EN if len(name) > 4 or name in ("may", "june", "july")
)
_OFFSETS = {"last": -1, "previous": -1, "next": 1, "coming": 1, "this": 0, "current": 0}


def _words(text: str | None) -> str:
    """Lower-case words joined by single spaces ("the  Next" → "the next")."""
    return " ".join((text or "").lower().split())


def _mod(match: re.Match[str]) -> str | None:
    """START / MID / END from "early", "the end of", "mid-" ..."""
    words = _words(match["mod"]).split()
    if not words:
        return None
    return _MODS[words[-2] if words[-1] == "of" else words[-1]]


def _number(word: str) -> int | None:
    """A count from digits or number words; None for vague amounts ("several")."""
    word = _words(word)
    return int(word) if word.isdigit() else NUMBERS_EN.get(word)


def _capitalised(match: re.Match[str], ctx: Context, name: str) -> bool:
    """True when group ``name`` starts with a capital in the original text ("May", not "may")."""
    return ctx.text[match.start(name)].isupper()


def _name_like(match: re.Match[str], ctx: Context, name: str) -> bool:
    """True when group ``name`` is capitalised inside a sentence, as a name is ("in Spring,
    Texas", "the Spring family") and a common noun is not."""
    if not _capitalised(match, ctx, name):
        return False
    before = ctx.text[: match.start(name)].rstrip()
    return bool(before) and before[-1] not in '.!?:"“(' and not before.endswith("\n")


def _offset(rel: str) -> int:
    """-1, 0 or 1 from "last", "this", "the coming" ..."""
    return _OFFSETS[_words(rel).split()[-1]]


def _constant(value: str, type_: TimexType = "DATE") -> Build:
    def build(match: re.Match[str], ctx: Context) -> TimeValue | None:
        return TimeValue(type_, value)

    return build


# --- absolute dates -------------------------------------------------------------------------


def _month_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "February 22, 2022", "22 February", "Monday, Oct. 26"."""
    if not _capitalised(match, ctx, "month"):
        return None
    year = int(match["year"]) if match["year"] else None
    return dated(match, ctx, year, month_number(MONTHS_EN, match["month"]), int(match["day"]))


def _month_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    if not _capitalised(match, ctx, "month"):
        return None
    month = month_number(MONTHS_EN, match["month"])
    return TimeValue("DATE", month_value(int(match["year"]), month), _mod(match))


def _month_relative_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "June last year", "January of next year"."""
    if not _capitalised(match, ctx, "month") or ctx.dct is None:
        return None
    year = ctx.dct.year + _offset(match["rel"])
    return TimeValue("DATE", month_value(year, month_number(MONTHS_EN, match["month"])))


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|until|till|by|from|through|to|during|of|on|before|after|between|and|or|the)"
    r"\s+$",
    re.IGNORECASE,
)


def _month_alone(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "in March", "last April", "early December": the month of the nearest fitting year.

    "May" and "March" are also a verb and a modal, so bare they need a preposition before them;
    abbreviations without a day are not taken at all ("Jan Kavan").
    """
    word = match["month"]
    if ctx.dct is None or not _capitalised(match, ctx, "month"):
        return None
    if word not in _FULL_MONTHS and not word.endswith("."):
        return None
    rel = _words(match["rel"])
    bare = not (rel or _mod(match)) and word in ("may", "march")
    if bare and not _PREPOSITION_BEFORE.search(ctx.text, max(0, match.start() - 10), match.start()):
        return None
    month, dct = month_number(MONTHS_EN, word), ctx.dct
    if rel.endswith(("last", "past")):
        year = dct.year if month < dct.month else dct.year - 1
    elif rel.endswith(("next", "coming")):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    else:
        year = month_year(dct, month, ctx.future(match))
    return TimeValue("DATE", month_value(year, month), _mod(match))


def _decade(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the 1990s", "the early '80s", "the nineties" → TimeML "199"."""
    decade = decade_value(match["full"], match["short"])
    words = match["words"].lower()
    return TimeValue("DATE", decade or f"19{_DECADE_WORDS[words]}", _mod(match))


def _century(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the 20th century" → TimeML "19"."""
    word = match["ord"]
    digits = re.match(r"[0-9]+", word)
    century = century_value(int(digits[0]) if digits else _ORDINALS.get(word, 0))
    return TimeValue("DATE", century, _mod(match)) if century else None


def _spelled_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "nineteen ninety-six" (broadcast transcripts spell years out)."""
    tail = NUMBERS_EN.get(_words(match["rest"]).replace(" ", "-"))
    if tail is None:
        return None
    century = 19 if match["head"].lower() == "nineteen" else 20
    return TimeValue("DATE", f"{century}{tail:02d}")


# --- relative to the publication date --------------------------------------------------------

_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _relative_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "yesterday", "tomorrow morning", "earlier today"."""
    if ctx.dct is None:
        return None
    d = ctx.dct + dt.timedelta(days=_DAY_OFFSETS[_words(match["word"])])
    if match["part"]:
        return TimeValue("TIME", part_value(d, _PARTS[match["part"].lower()]), _mod(match))
    return TimeValue("DATE", day_value(d), _mod(match))


def _this_part(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "this morning", "last night"."""
    if ctx.dct is None:
        return None
    d = ctx.dct - dt.timedelta(days=1 if match["rel"].lower() == "last" else 0)
    return TimeValue("TIME", part_value(d, _PARTS[match["part"].lower()]))


def _weekday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "Tuesday", "last Friday", "Friday night" (the day: TimeBank rarely keeps the part)."""
    if ctx.dct is None or not _capitalised(match, ctx, "weekday"):
        return None
    weekday = WEEKDAYS_EN[match["weekday"].lower()]
    rel = _words(match["rel"])
    offset = -1 if rel.endswith(("last", "past")) else 1 if rel.endswith(("next", "coming")) else 0
    value = weekday_value(ctx.dct, weekday, offset, not offset and ctx.future(match))
    return TimeValue("DATE", value, _mod(match))


def _relative_period(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "last week", "this year", "early next month", "the end of last year"."""
    if ctx.dct is None:
        return None
    unit, offset = match["unit"].lower(), _offset(match["rel"])
    if unit == "weekend":
        return TimeValue("DATE", _relative_weekend(ctx.dct, offset))
    if unit == "decade":
        return TimeValue("DATE", f"{ctx.dct.year // 10 + offset:03d}", _mod(match))
    return TimeValue("DATE", shift(ctx.dct, _UNITS[unit], offset), _mod(match))


def _relative_weekend(dct: dt.date, offset: int) -> str:
    """ "last weekend" is the latest one over before publication (in a Friday article, the one
    five days back, not twelve); "this" and "next" weekend the one ahead, or a week after it."""
    if offset < 0:
        return week_value(weekday_date(dct - dt.timedelta(days=2), 5, -1)) + "-WE"
    return week_value(weekday_date(dct + dt.timedelta(weeks=offset), 5, 1)) + "-WE"


def _following(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the following year", "the previous day": from the date in focus, else publication."""
    if ctx.dct is None:
        return None
    sign = -1 if _words(match["rel"]).endswith(("previous", "preceding")) else 1
    bounds = value_range(ctx.reference) if ctx.reference else None
    anchor = bounds[0] if bounds else ctx.dct
    return TimeValue("DATE", shift(anchor, _UNITS[match["unit"].lower()], sign))


_PART_SHIFTS = {
    "next": 1,
    "following": 1,
    "after": 1,
    "previous": -1,
    "preceding": -1,
    "before": -1,
}


def _day_part(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the night before", "the next morning", "that night": the day next to the day in focus
    ("died Sunday after being shot the night before" → Saturday; TimeBank values the day, not
    the part). With no day in focus they tell of an undated moment, so they are left out."""
    reference = value_range(ctx.reference) if ctx.reference else None
    if reference is None or reference[2] != "day" or reference[0] != reference[1]:
        return None
    shift_days = _PART_SHIFTS.get(_words(match["rel"]), 0)
    return TimeValue("DATE", day_value(reference[0] + dt.timedelta(days=shift_days)))


def _season(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "last summer", "this spring", "the fall of 2023", "winter 2022"."""
    season = SEASONS_EN[match["season"].lower()]
    if match["year"]:
        return TimeValue("DATE", f"{match['year']}-{season}", _mod(match))
    rel = _words(match["rel"])
    if ctx.dct is None or (not rel and season == "FA"):
        return None
    if rel in ("", "the") and not match["mod"] and _name_like(match, ctx, "season"):
        return None
    if rel.endswith(("last", "past")):
        value = season_value(ctx.dct, season, "last")
    elif rel == "next":
        value = season_value(ctx.dct, season, "next")
    else:
        value = season_value(ctx.dct, season, "this")
    return TimeValue("DATE", value, _mod(match))


def _reference_quarter(ctx: Context, at: int) -> tuple[int, int] | None:
    """(year, quarter) of the last quarter the text named, if it is near ``at`` (in focus)."""
    ref = ctx.reference or ""
    if len(ref) == 7 and ref[5] == "Q" and at - ctx.reference_end <= QUARTER_FOCUS:
        return int(ref[:4]), int(ref[6])
    return None


def _ago(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "two years ago", "a year earlier", "three days later", "a decade ago"."""
    n = _number(match["num"])
    unit = _UNITS.get(match["unit"].lower())
    if ctx.dct is None or n is None or unit is None or match["half"]:
        return None
    direction = match["dir"].lower().split()[0]
    sign = 1 if direction in ("later", "from", "hence") else -1
    quarter = _reference_quarter(ctx, match.start())
    if unit == "year" and n == 1 and quarter and sign < 0:
        return TimeValue("DATE", f"{quarter[0] - 1:04d}-Q{quarter[1]}")
    return TimeValue("DATE", ago_value(ctx.dct, unit, sign * n))


def _duration(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "three years", "a two-week", "the past five days", "several months", "2 1/2 years"."""
    time, letter, scale, vague = _DURATIONS[match["unit"].lower()]
    n = _number(match["num"])
    if match["num"].lower() in ("a", "an") and _is_rate(match, ctx):
        return None
    if "-" in match.group() and match.group().lower().endswith("quarters"):
        return None  # "three-quarters of its food"
    if n is None:
        return TimeValue("DURATION", f"P{time}X{vague}")
    half = _HALVES.get(letter, "") if match["half"] else ""
    if match["half"] and not half:
        return None
    return TimeValue("DURATION", f"P{time}{n * scale}{letter}{half}")


_RATE_BEFORE = re.compile(
    r"(?:[0-9%]|\b(?:million|billion|thousand|hundred|percent|times|once|twice|cents?|"
    r"dollars?|shares?|flights|seats|people))\s*$",
    re.IGNORECASE,
)


def _is_rate(match: re.Match[str], ctx: Context) -> bool:
    """True for "a" + unit used as a rate ("$2 a year", "24 hours a day") or an ordinal
    ("a second time"), which are not durations."""
    if match["unit"].lower() in ("second", "quarter"):
        return True
    return _RATE_BEFORE.search(ctx.text, max(0, match.start() - 20), match.start()) is not None


def _unit_duration(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the past year": one unit up to publication, a TimeML duration."""
    time, letter, scale, _ = _DURATIONS[match["unit"].lower()]
    return TimeValue("DURATION", f"P{time}{scale}{letter}")


def _vague_duration(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "recent years", "in recent months": an unknown number of units."""
    time, _, _, vague = _DURATIONS[match["unit"].lower()]
    return TimeValue("DURATION", f"P{time}X{vague}")


def _year_end(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "by year end", "the end of the year": the end of the publication year."""
    return TimeValue("DATE", f"{ctx.dct.year:04d}", "END") if ctx.dct else None


def _weekend(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "over the weekend": the last weekend, or the next one when the clause looks ahead."""
    if ctx.dct is None:
        return None
    ahead = ctx.future(match) or "ahead" in _words(match.group())
    return TimeValue("DATE", weekend_value(ctx.dct, ahead))


def _that_unit(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "that year", "that day", "that quarter": the date in focus, at that unit."""
    reference = ctx.reference
    bounds = value_range(reference) if reference else None
    if bounds is None:
        return None
    unit = match["unit"].lower()
    if unit == "quarter":
        quarter = _reference_quarter(ctx, match.start())
        return TimeValue("DATE", f"{quarter[0]:04d}-Q{quarter[1]}") if quarter else None
    if bounds[2] != "day" and unit == "day":
        return None
    return TimeValue("DATE", shift(bounds[0], _UNITS[unit], 0))


def _latest_quarter(dct: dt.date, q: int) -> int:
    """Year of the latest quarter ``q`` that has begun by ``dct``."""
    return dct.year if q <= quarter_of(dct) else dct.year - 1


def _quarter(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the third quarter", "third-quarter", "Q3 2023", "last year's fourth quarter"."""
    if match["q"] and ctx.text[match.start("q") - 1] != "Q":
        return None  # "q3" in lower case is not a quarter
    word = match["ord"] or match["q"]
    q = int(word[0]) if word[0].isdigit() else _ORDINALS[word]
    year_text = match["year"] or match["before"]
    if year_text:
        return TimeValue("DATE", f"{year_text}-Q{q}")
    if ctx.dct is None:
        return None
    whose = _words(match["whose"])
    if whose.startswith("last"):
        year = ctx.dct.year - 1
    elif whose.startswith("next"):
        year = ctx.dct.year + 1
    elif whose.startswith("this"):
        year = ctx.dct.year
    else:
        year = _latest_quarter(ctx.dct, q) - (1 if whose else 0)
    return TimeValue("DATE", f"{year:04d}-Q{q}")


def _anaphoric_quarter(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the quarter", "the latest quarter", "this quarter": the quarter in focus."""
    if ctx.dct is None:
        return None
    which = _words(match["which"])
    if which in ("this", "the current"):
        return TimeValue("DATE", shift(ctx.dct, "quarter", 0))
    if which in ("next", "the next", "the coming"):
        return TimeValue("DATE", shift(ctx.dct, "quarter", 1))
    reference = _reference_quarter(ctx, match.start())
    if reference:
        return TimeValue("DATE", f"{reference[0]:04d}-Q{reference[1]}")
    return TimeValue("DATE", shift(ctx.dct, "quarter", -1))


def _year_ago(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the year-earlier period", "year-ago": the same period a year before the one in focus."""
    if ctx.dct is None:
        return None
    quarter = _reference_quarter(ctx, match.start())
    if quarter:
        return TimeValue("DATE", f"{quarter[0] - 1:04d}-Q{quarter[1]}")
    return TimeValue("DATE", f"{ctx.dct.year - 1:04d}")


def _half(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "the first half of 2023" → 2023-H1."""
    half = 1 if match["ord"].lower() in ("first", "1st") else 2
    if match["year"]:
        return TimeValue("DATE", f"{match['year']}-H{half}")
    if ctx.dct is None:
        return None
    offset = _offset(match["rel"]) if match["rel"] else 0
    return TimeValue("DATE", f"{ctx.dct.year + offset:04d}-H{half}")


def _fiscal_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    return TimeValue("DATE", match["year"])


def _clock(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "10:35 a.m.", "5 p.m. Tuesday", "noon Thursday", "5 p.m. EST Nov. 9"."""
    if match["named"]:
        hour, minute = (24, 0) if match["named"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    day = _clock_day(match, ctx)
    return TimeValue("TIME", f"{day}T{hour:02d}:{minute:02d}") if day else None


def _clock_day(match: re.Match[str], ctx: Context) -> str | None:
    """The day a clock time falls on: the one named after it, else the publication date."""
    if match["month"]:
        value = dated(match, ctx, None, month_number(MONTHS_EN, match["month"]), int(match["day"]))
        return value.value if value else None
    if ctx.dct is None:
        return None
    if match["weekday"]:
        return weekday_value(ctx.dct, WEEKDAYS_EN[match["weekday"].lower()], 0, ctx.future(match))
    offset = _DAY_OFFSETS[match["word"].lower()] if match["word"] else 0
    return day_value(ctx.dct + dt.timedelta(days=offset))


def _holiday_date(name: str, year: int) -> dt.date:
    """The date of a (US) holiday in ``year``."""
    fixed = {
        "christmas eve": (12, 24),
        "christmas": (12, 25),
        "christmas day": (12, 25),
        "new year's eve": (12, 31),
        "new year's day": (1, 1),
        "independence day": (7, 4),
        "halloween": (10, 31),
        "valentine's day": (2, 14),
        "veterans day": (11, 11),
        "fourth of july": (7, 4),
        "the fourth of july": (7, 4),
        "july fourth": (7, 4),
        "st. patrick's day": (3, 17),
        "saint patrick's day": (3, 17),
    }
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("easter"):
        return _easter(year)
    if name == "mother's day":
        return weekday_date(dt.date(year, 5, 1), 6, 1) + dt.timedelta(weeks=1)
    if name == "father's day":
        return weekday_date(dt.date(year, 6, 1), 6, 1) + dt.timedelta(weeks=2)
    if name.startswith(("martin", "mlk")):
        return weekday_date(dt.date(year, 1, 1), 0, 1) + dt.timedelta(weeks=2)
    if name.startswith("thanksgiving"):
        return weekday_date(dt.date(year, 11, 1), 3, 1) + dt.timedelta(weeks=3)
    if name == "labor day":
        return weekday_date(dt.date(year, 9, 1), 0, 1)
    if name == "memorial day":
        return weekday_date(dt.date(year, 5, 31), 0, -1)
    return weekday_date(dt.date(year, 11, 2), 1, 1)  # election day: Tuesday after 1st Monday


def _easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    week = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * week) // 433
    month = (h + week - 7 * m + 90) // 25
    return dt.date(year, month, (h + week - 7 * m + 33 * month + 19) % 32)


def _holiday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "Christmas", "Thanksgiving Day 1998": the nearest past one, or next if future tense."""
    name = _words(match["holiday"]).replace("’", "'")
    if match["year"]:
        return TimeValue("DATE", day_value(_holiday_date(name, int(match["year"]))))
    if ctx.dct is None:
        return None
    future = ctx.future(match)
    day = _holiday_date(name, ctx.dct.year)
    if future and day < ctx.dct:
        day = _holiday_date(name, ctx.dct.year + 1)
    elif not future and day > ctx.dct + dt.timedelta(days=7):
        day = _holiday_date(name, ctx.dct.year - 1)
    return TimeValue("DATE", day_value(day))


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M"}
_ADVERB_SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hourly": "PT1H",
}


def _set(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "every day", "each Thursday", "daily": TimeML sets."""
    if match["adverb"]:
        return TimeValue("SET", _ADVERB_SETS[match["adverb"].lower()])
    if match["weekday"]:
        return TimeValue("SET", f"XXXX-WXX-{WEEKDAYS_EN[match['weekday'].lower()] + 1}")
    if match["month"]:
        return TimeValue("SET", f"XXXX-{month_number(MONTHS_EN, match['month']):02d}")
    return TimeValue("SET", _SET_UNITS[match["unit"].lower()])


_HOLIDAY_NAMES = (
    "christmas eve",
    "christmas day",
    "christmas",
    "new year's eve",
    "new year's day",
    "independence day",
    "halloween",
    "valentine's day",
    "veterans day",
    "thanksgiving day",
    "thanksgiving",
    "labor day",
    "memorial day",
    "election day",
    "easter sunday",
    "easter",
    "fourth of july",
    "the fourth of july",
    "july fourth",
    "mother's day",
    "father's day",
    "martin luther king day",
    "martin luther king jr. day",
    "martin luther king jr day",
    "martin luther king, jr. day",
    "mlk day",
    "st. patrick's day",
    "saint patrick's day",
)
#: What a holiday's name may qualify rather than date: "a Christmas party" or "the Thanksgiving
#: weekend" may be days before or after the holiday itself.
_HOLIDAY_THINGS = (
    alternation(
        [
            "party",
            "parties",
            "dinner",
            "parade",
            "tree",
            "lights",
            "shopping",
            "shoppers",
            "sale",
            "sales",
            "gifts",
            "presents",
            "season",
            "break",
            "vacation",
            "celebration",
            "gathering",
            "concert",
            "market",
            "decorations",
            "display",
            "holidays",
            "festivities",
            "weekend",
            # and no shorter name inside a longer one: "Christmas" in "Christmas Eve party"
            "eve",
            "day",
        ]
    )
    + r"\b"
)
#: Holiday names as written, with either apostrophe ("New Year’s Eve").
_HOLIDAY_SPELLINGS = {n.replace("'", q) for n in _HOLIDAY_NAMES for q in "'’"}
_AGO = alternation(["ago", "earlier", "later", "from now", "hence", "back"])
_SPELLED_TAIL = alternation(w for w, n in NUMBERS_EN.items() if 1 <= n <= 99 and " " not in w)
_DIGIT_WORDS = [str(d) for d in range(10)]

# Optional prefixes, each a variant of its rule (see dates_core.rules).
MOD = (
    "(?P<mod>"
    + alternation(
        [
            *("early", "late", "mid", "earlier", "later"),
            *(f"{at}the {part} of" for at in ("", "at ") for part in ("beginning", "start")),
            *(f"{at}the {part} of" for at in ("", "at ") for part in ("end", "middle")),
        ]
    )
    + r")[\s-]+(?:in\s+)?"
)
THE = r"the\s+"
REL = "(?P<rel>" + alternation(
    ["last", "next", "this", "this past", "this coming", "past", "coming"]
)
REL += r")\s+"
SEASON_REL = (
    "(?P<rel>" + alternation(["last", "next", "this", "this past", "past", "the"]) + r")\s+"
)
DETERMINER = (
    alternation(["the", "its", "their", "his", "her"])
    + r"\s+(?:"
    + alternation(
        [
            "past",
            "last",
            "next",
            "first",
            "previous",
            "coming",
            "following",
            "final",
            "latest",
            "remaining",
        ]
    )
    + r"\s+)?"
)
WHOSE = (
    "(?P<whose>"
    + alternation(
        [
            "this year's",
            "last year's",
            "next year's",
            "the year-ago",
            "the year-earlier",
            "year-ago",
            "year-earlier",
        ]
    )
    + r")\s+"
)
NUM = (
    rf"(?P<num>{alternation([*NUMBERS_EN, *VAGUE_EN, *_DIGIT_WORDS])}[0-9]{{0,2}})"
    r"(?P<half>\s+1/2|\s+and\s+a\s+half)?"
)
MONTH_DAY = rf"{MONTH}\s*{DAY}(?:st|nd|rd|th)?(?![0-9]|:[0-9])"
CLOCK_TAIL = (
    r"(?:\s+(?:est|edt|cst|cdt|pst|pdt|gmt|utc|local\s+time))?"
    rf"(?:,?\s+(?:on\s+)?(?:{WEEKDAY}|(?P<word>today|yesterday|tomorrow)|{MONTH_DAY}))?"
)
_UNIT_WORDS = [
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
]

_PERIOD_RELS = alternation(
    ["last", "next", "this", "previous", "current", "the current", "the coming"]
)
_QUARTER_WHICH = alternation(
    [
        "the latest",
        "the last",
        "the most recent",
        "the current",
        "the same",
        "the next",
        "the coming",
        "this",
        "next",
        "the",
    ]
)

#: "before" / "after" that ends a phrase ("the night before, ..."), unlike "the day before
#: the shooting", which dates the day by the event named after it.
_BEFORE_AFTER = (
    r"(?P<rel>before|after)\b"
    r"(?=\s*(?:[.,;)]|$)|\s+(?:and|when|at|around|about|in|on|while|as|by)\b)"
)

#: Trigger families: a rule runs only near a word of one of its families.
TRIGGERS = trigger_index(
    {
        "word": (
            *[
                "today",
                "tonight",
                "tomorrow",
                "yesterday",
                "morning",
                "afternoon",
                "evening",
                "night",
                "noon",
                "midday",
                "midnight",
                "now",
                "currently",
                "nowadays",
                "presently",
                "present",
                "moment",
                "recently",
                "past",
                "future",
                "spring",
                "summer",
                "fall",
                "autumn",
                "winter",
                "every",
                "each",
                "per",
                "daily",
                "weekly",
                "monthly",
                "yearly",
                "annually",
                "hourly",
                "nineteen",
                "two",
                "half",
                "christmas",
                "new",
                "independence",
                "halloween",
                "valentine's",
                "veterans",
                "thanksgiving",
                "labor",
                "memorial",
                "election",
                "easter",
                "fourth",
                "mother's",
                "mother’s",
                "father's",
                "father’s",
                "luther",
                "mlk",
                "patrick's",
                "patrick’s",
            ],
            *_DECADE_WORDS,
        ),
        "weekday": tuple(WEEKDAYS_EN),
        "month": tuple(MONTHS_EN),
        "unit": tuple(_UNIT_WORDS),
    }
)

RULES: list[Rule] = [
    *numeric_rules(month_first=True),
    *rules(
        "month_day",
        rf"{MONTH_DAY}(?:\s*,?\s*{YEAR})?",
        _month_day,
        on=("month", "weekday"),
        # "early October 27" is the 27th early in the day, not early October
        prefixes=(rf"{alternation(WEEKDAYS_EN)}\s*,?\s+", MOD),
    ),
    *rules(
        "day_month",
        rf"{DAY}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:\s*,?\s*{YEAR})?",
        _month_day,
        on="month",
        not_after=".,$",
    ),
    *rules(
        "month_year",
        rf"{MONTH}\s*,?\s+(?:of\s+)?{YEAR}",
        _month_year,
        on="month",
        prefixes=MOD,
    ),
    *rules(
        "month_relative_year",
        rf"{MONTH}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year",
        _month_relative_year,
        on="month",
    ),
    *rules("month", MONTH, _month_alone, on="month", prefixes=(REL, MOD)),
    *rules("year", YEAR, modified_year(_mod), on="digit", prefixes=MOD, not_after=NOT_BEFORE_YEAR),
    *rules("fiscal_year", rf"(?:fiscal(?:\s+year)?|fy)[\s-]?{YEAR}", _fiscal_year, on="digit"),
    *rules(
        "decade",
        (
            r"(?P<full>1[0-9][0-9]0|20[0-9]0)['’]?s\b",
            r"['’](?P<short>[0-9]0)['’]?s\b",
            rf"(?P<words>{alternation(_DECADE_WORDS)})\b",
        ),
        _decade,
        on=("digit", "word"),
        prefixes=(THE, MOD, THE + MOD, MOD + THE),
    ),
    *rules(
        "century",
        rf"(?P<ord>{alternation([*_ORDINALS, *_DIGIT_WORDS])}[0-9]?(?:st|nd|rd|th)?)"
        r"[\s-]+century",
        _century,
        on="unit",
        prefixes=(THE, MOD, MOD + THE),
    ),
    *rules(
        "spelled_year",
        rf"(?P<head>nineteen|two\s+thousand(?:\s+and)?)[\s-]+(?P<rest>{_SPELLED_TAIL}"
        rf"(?:[\s-]+{_SPELLED_TAIL})?)\b",
        _spelled_year,
        on="word",
    ),
    *rules(
        "relative_day",
        rf"(?P<word>{alternation(_DAY_OFFSETS)})\b{PART}",
        _relative_day,
        on="word",
        prefixes=MOD,
    ),
    *rules(
        "this_part",
        r"(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b",
        _this_part,
        on="word",
    ),
    *rules(
        "weekday",
        rf"{WEEKDAY}\b(?:['’]s)?{PART}",
        _weekday,
        on="weekday",
        prefixes=(REL, MOD, MOD + REL),
    ),
    *rules(
        "relative_period",
        rf"(?P<rel>{_PERIOD_RELS})\s+(?P<unit>week|weekend|month|quarter|year|decade)\b",
        _relative_period,
        on="unit",
        prefixes=MOD,
    ),
    *rules(
        "following",
        r"the\s+(?P<rel>following|next|previous|preceding)\s+(?P<unit>day|week|month|year)\b",
        _following,
        on="unit",
        anchors=False,
    ),
    *rules(
        "day_part",
        (
            r"the\s+(?P<rel>following|next|previous|preceding)\s+"
            r"(?P<part>morning|afternoon|evening|night)\b",
            rf"the\s+(?P<part>night|morning|evening)\s+{_BEFORE_AFTER}",
            r"that\s+(?P<part>morning|afternoon|evening|night)\b",
        ),
        _day_part,
        on="word",
        anchors=False,
    ),
    *rules(
        "day_before", rf"the\s+(?P<part>day)\s+{_BEFORE_AFTER}", _day_part, on="unit", anchors=False
    ),
    *rules(
        "past_unit",
        rf"{alternation(['past', 'the past', 'the last'])}\s+"
        r"(?P<unit>week|month|year|decade|century)\b",
        _unit_duration,
        on="unit",
    ),
    *rules(
        "recent_units",
        r"recent\s+(?P<unit>day|week|month|quarter|year|decade)s\b",
        _vague_duration,
        on="unit",
    ),
    *rules(
        "vague_units",
        r"(?:for|within)\s+(?P<unit>day|week|month|year|decade|centur(?:y|ie))s\b",
        _vague_duration,
        on="unit",
    ),
    *rules(
        "season",
        rf"(?P<season>{alternation(SEASONS_EN)})\b(?:\s+(?:of\s+)?{YEAR})?",
        _season,
        on="word",
        prefixes=(SEASON_REL, MOD, MOD + SEASON_REL),
    ),
    *rules("ago", rf"{NUM}[\s-]+{UNIT}\s+(?P<dir>{_AGO})\b", _ago, on="unit", anchors=False),
    *rules(
        "duration",
        rf"{NUM}[\s-]+{UNIT}\b(?![\s-]*(?:old|{_AGO}))",
        _duration,
        on="unit",
        prefixes=DETERMINER,
    ),
    *rules(
        "quarter",
        (
            rf"(?P<ord>{alternation([*_ORDINALS, '1st', '2nd', '3rd', '4th'])})[\s-]+"
            rf"(?:fiscal[\s-]+)?quarter\b(?:(?:\s+of\s+(?:fiscal\s+)?|\s*){YEAR})?",
            rf"q(?P<q>[1-4])\b(?:\s*{YEAR})?",
        ),
        _quarter,
        on=("unit", "digit"),
        prefixes=(WHOSE, r"(?P<before>1[89][0-9]{2}|20[0-9]{2})\s+", r"fiscal[\s-]+"),
    ),
    *rules(
        "anaphoric_quarter",
        rf"(?P<which>{_QUARTER_WHICH})\s+(?:fiscal\s+)?quarter\b",
        _anaphoric_quarter,
        on="unit",
        anchors=False,
    ),
    *rules(
        "year_ago",
        r"year-(?:ago|earlier)(?:\s+(?:period|quarter|level))?",
        _year_ago,
        on="unit",
        prefixes=alternation(["the", "the comparable", "comparable"]) + r"\s+",
        anchors=False,
    ),
    *rules(
        "half",
        rf"the\s+(?P<ord>first|second|1st|2nd)\s+half(?:\s+of\s+(?:{YEAR}|"
        r"(?P<rel>this|last|next)\s+year))?",
        _half,
        on="word",
    ),
    *rules(
        "present",
        alternation(
            [
                "now",
                "currently",
                "nowadays",
                "at present",
                "presently",
                "these days",
                "at the moment",
            ]
        )
        + r"\b",
        _constant("PRESENT_REF"),
        on="word",
    ),
    *rules("past", r"(?:recently|the\s+past)\b", _constant("PAST_REF"), on="word"),
    *rules("future", r"(?:the\s+future|in\s+future)\b", _constant("FUTURE_REF"), on="word"),
    *rules(
        "year_end",
        alternation(
            [
                "the end of the year",
                "end of the year",
                "year's end",
                "year’s end",
                "year end",
                "year-end",
            ]
        )
        + r"\b",
        _year_end,
        on="unit",
    ),
    *rules(
        "weekend",
        r"the\s+weekend\b",
        _weekend,
        on="unit",
        prefixes=alternation(["over", "during", "ahead of"]) + r"\s+",
    ),
    *rules(
        "that_unit",
        r"that\s+(?P<unit>day|week|month|quarter|year)\b",
        _that_unit,
        on="unit",
        prefixes=r"(?:earlier|later)\s+",
        anchors=False,
    ),
    *rules(
        "clock",
        (
            r"(?P<hour>[0-9][0-9]?)(?::(?P<minute>[0-5][0-9]))?\s*(?P<ampm>[ap]\.m\.?|[ap]m\b)"
            + CLOCK_TAIL,
            r"(?P<named>noon|midday|midnight)" + CLOCK_TAIL,
        ),
        _clock,
        on=("digit", "word"),
    ),
    *rules(
        "holiday",
        rf"(?P<holiday>{alternation(_HOLIDAY_SPELLINGS)})(?:\s+{YEAR})?(?!\s+{_HOLIDAY_THINGS})",
        _holiday,
        on="word",
    ),
    *rules(
        "set",
        (
            r"(?:every|each|per)\s+(?:(?P<unit>day|week|month|year|quarter)|"
            rf"{WEEKDAY}|{MONTH})\b",
            r"(?P<adverb>daily|weekly|monthly|yearly|annually|hourly)\b",
        ),
        _set,
        on=("word", "weekday", "month", "unit"),
    ),
]
