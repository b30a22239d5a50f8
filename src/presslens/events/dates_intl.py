"""Rules every language shares: numeric dates, bare years and "DAY MONTH YEAR" patterns.

Numeric dates are read day first (``22.02.2022``, ``22/02/2022``) except that English slashed
dates are read month first, as US wires write them, unless the first number cannot be a month.
French, German, Italian and Polish get absolute dates only: a day and month name, with or
without a year, and a month name with a year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from presslens.events.dates_core import (
    Build,
    Context,
    Rule,
    TimeValue,
    Triggers,
    day_month_year,
    day_value,
    month_value,
    rules,
    trigger_index,
    valid_day,
)
from presslens.events.dates_lexicon import MONTHS_OTHER, alternation

#: A year of the last millennium or this century, not glued to digits, decimals or a percent.
YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})(?![0-9]|[.,][0-9]|\s?%)"
#: What may not come right before a year ("$1990", "1,990", "No. 1990" are not years).
NOT_BEFORE_YEAR = "$£€#.,:/"
#: A one- or two-digit number; the builders check the range.
DAY = r"(?P<day>[0-9][0-9]?)"


def month_pattern(
    table: dict[str, int], abbreviations: tuple[str, ...] = (), group: str = "month"
) -> str:
    """A named group matching any month of ``table``; ``abbreviations`` may end in a dot."""
    by_length: dict[int, list[str]] = {}
    for abbreviation in abbreviations:
        by_length.setdefault(len(abbreviation), []).append(abbreviation)
    dots = "|".join(rf"(?<={'|'.join(words)})\." for words in by_length.values())
    return (
        rf"(?P<{group}>{alternation(table)}\b(?:{dots})?)"
        if dots
        else rf"(?P<{group}>{alternation(table)}\b)"
    )


def month_number(table: dict[str, int], word: str) -> int:
    """The month number of a matched month word ("Sept." → 9)."""
    return table[word.lower().rstrip(".")]


def dated(
    match: re.Match[str], ctx: Context, year: int | None, month: int, day: int
) -> TimeValue | None:
    """A day value, taking the year from the publication date when the text gives none."""
    if year is None:
        if ctx.dct is None:
            return None
        year = day_month_year(ctx.dct, month, day, ctx.future(match))
    if not valid_day(year, month, day):
        return None
    return TimeValue("DATE", day_value(dt.date(year, month, day)))


def _two_digit_year(text: str) -> int:
    """A full year from "98" or "2022": 00-49 are read as 20xx, the rest as 19xx."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 50 else 1900
    return year


def _iso(match: re.Match[str], ctx: Context) -> TimeValue | None:
    return dated(match, ctx, int(match["year"]), int(match["m"]), int(match["d"]))


def _dotted(match: re.Match[str], ctx: Context) -> TimeValue | None:
    return dated(match, ctx, _two_digit_year(match["y"]), int(match["b"]), int(match["a"]))


def _slashed(month_first: bool) -> list[Rule]:
    def build(match: re.Match[str], ctx: Context) -> TimeValue | None:
        a, b = int(match["a"]), int(match["b"])
        if (month_first and a <= 12) or b > 12:
            a, b = b, a
        return dated(match, ctx, _two_digit_year(match["y"]), b, a)

    return rules(
        "slashed",
        r"(?P<a>[0-9][0-9]?)/(?P<b>[0-9][0-9]?)/(?P<y>[0-9]{4}|[0-9]{2})(?![0-9/])",
        build,
        on="digit",
        not_after="/",
    )


def numeric_rules(month_first: bool) -> list[Rule]:
    """ISO, dotted and slashed dates; ``month_first`` reads 03/04/2022 as 4 March."""
    return [
        *rules(
            "iso",
            r"(?P<year>1[89][0-9]{2}|20[0-9]{2})-(?P<m>[0-9][0-9]?)-(?P<d>[0-9][0-9]?)(?![0-9])",
            _iso,
            on="digit",
            not_after=".-",
        ),
        *rules(
            "dotted",
            r"(?P<a>[0-9][0-9]?)\.(?P<b>[0-9][0-9]?)\.(?P<y>[0-9]{4}|[0-9]{2})(?![0-9]|\.[0-9])",
            _dotted,
            on="digit",
            not_after=".",
        ),
        *_slashed(month_first),
    ]


#: What follows a street number, not a year: "the 1700 block", "1816 N. Water",
#: "1311 Northwest 2nd Avenue", "2100 Main Street".
_ADDRESS_AFTER = re.compile(
    r"\s+(?:(?i:block)\b|(?:[NSEW]\.?|North|South|East|West|Northeast|Northwest|Southeast|"
    r"Southwest)\s+[A-Z0-9]|(?:[A-Z0-9][\w.'’-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|"
    r"Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Circle|"
    r"Terrace|Trail)\b)"
)


def year_value(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """A bare year; years before 1800 need a preposition before them to count, and a number
    that opens a street address is not a year at all."""
    year = int(match["year"])
    if _ADDRESS_AFTER.match(ctx.text, match.end("year")):
        return None
    if year < 1800 and not re.search(
        r"(?:in|since|from|until|by|of|year|в|с|до|году?)\s+$",
        ctx.text[max(0, match.start("year") - 8) : match.start("year")],
        re.IGNORECASE,
    ):
        return None
    return TimeValue("DATE", f"{year:04d}")


def modified_year(mod: Callable[[re.Match[str]], str | None]) -> Build:
    """The bare-year builder with a language's TimeML modifier ("early 2020" → START).

    English and Russian differ only in how they read the modifier, so each passes its reader.
    """

    def build(match: re.Match[str], ctx: Context) -> TimeValue | None:
        value = year_value(match, ctx)
        return value and TimeValue("DATE", value.value, mod(match))

    return build


def absolute_rules(table: dict[str, int]) -> list[Rule]:
    """ "22 février 2022", "22. Februar", "lutego 2022": day-month(-year) and month-year."""
    month = month_pattern(table)

    def day_month(match: re.Match[str], ctx: Context) -> TimeValue | None:
        year = int(match["year"]) if match["year"] else None
        return dated(match, ctx, year, month_number(table, match["month"]), int(match["day"]))

    def month_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
        return TimeValue(
            "DATE", month_value(int(match["year"]), month_number(table, match["month"]))
        )

    return [
        *rules(
            "day_month",
            rf"{DAY}(?:\.|er)?\s+{month}(?:\s+{YEAR})?",
            day_month,
            on="month",
            not_after=".,",
        ),
        *rules("month_year", rf"{month}\s+{YEAR}", month_year, on="month"),
    ]


def other_language_rules(language: str) -> tuple[list[Rule], Triggers]:
    """Rules and triggers for a language without relative dates (absolute ones only)."""
    table = MONTHS_OTHER.get(language, {})
    found = [
        *(absolute_rules(table) if table else []),
        *numeric_rules(month_first=False),
        *rules("year", YEAR, year_value, on="digit", not_after=NOT_BEFORE_YEAR),
    ]
    return found, trigger_index({"month": tuple(table)})
