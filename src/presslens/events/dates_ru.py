"""Russian time expressions → TimeML values, anchored on the publication date.

Same conventions as the English rules (see :mod:`presslens.events.dates_en`): "в понедельник"
is the latest Monday on or before publication unless the clause is in the future tense
("встреча состоится в понедельник"), "в марте" the latest March, "прошлым летом" the last summer
before the current one. Inflected forms are listed in the lexicon or matched by endings
("в прошлом году", "на прошлой неделе", "в конце прошлого года", "24 года назад").
"""

from __future__ import annotations

import datetime as dt
import re

from presslens.events.dates_core import (
    Context,
    Rule,
    TimeValue,
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
    MONTH_ABBREVIATIONS_RU,
    MONTHS_RU,
    NUMBERS_RU,
    SEASONS_RU,
    WEEKDAYS_RU,
    alternation,
)

FUTURE = re.compile(
    r"(?<![а-яё])(?:будет|будут|буду|будем|будете|состоится|состоятся|пройд[её]т|пройдут|"
    r"планиру[а-яё]*|намерен[а-яё]*|собира[а-яё]*|предстоит|ожида[а-яё]*|начн[её]тся|"
    r"назначен[а-яё]*|намечен[а-яё]*)(?![а-яё])",
    re.IGNORECASE,
)

LEADING_PREPOSITION = re.compile(
    r"(?:в|во|с|со|до|к|ко|по|на|от|за|около|между|и|или)\s+(?!(?:начал|середин|конц|конец))",
    re.IGNORECASE,
)

#: Word ends that work for Cyrillic next to digits and Latin letters alike.
_E = r"(?![а-яёa-z0-9])"
MONTH = month_pattern(MONTHS_RU, MONTH_ABBREVIATIONS_RU)
YEAR_RU = rf"{YEAR}(?:-?(?:го|м)(?![а-яё]))?(?:\s*(?:года|году|годом|год|г\.?){_E})?"
PREPOSITIONS = ("в", "во", "с", "со", "до", "к", "ко", "по", "на", "от", "за", "около", "между")
UNIT = (
    rf"(?P<unit>год(?:а|у|ом)?|лет|месяц(?:а|е|ев|у)?|недел[яюиье]|недель|день|дня|дней|"
    rf"сутки|суток|квартал(?:а|е|ов)?|десятилети[еяий]|век(?:а|е|ов)?){_E}"
)
PART = rf"(?:\s+(?P<part>утром|дн[её]м|вечером|ночью){_E})?"
NUM = (
    rf"(?P<num>{alternation([*NUMBERS_RU, 'несколько', *(str(d) for d in range(10))])}[0-9]{{0,2}})"
)
WEEKDAY = rf"(?P<weekday>{alternation(WEEKDAYS_RU)}){_E}"
SEASON = rf"(?P<season>{alternation(SEASONS_RU)}){_E}"
_PARTS = {"утром": "MO", "днём": "AF", "днем": "AF", "вечером": "EV", "ночью": "NI"}
_REL_OFFSETS = {
    "позапрошл": -2,
    "прошл": -1,
    "минувш": -1,
    "эт": 0,
    "текущ": 0,
    "нынешн": 0,
    "следующ": 1,
    "будущ": 1,
    "ближайш": 1,
}
_DAY_OFFSETS = {"сегодня": 0, "вчера": -1, "завтра": 1, "позавчера": -2, "послезавтра": 2}
_UNIT_STEMS: dict[str, Unit] = {
    "год": "year",
    "лет": "year",
    "мес": "month",
    "нед": "week",
    "ден": "day",
    "дня": "day",
    "дне": "day",
    "сут": "day",
    "ква": "quarter",
    "дес": "decade",
    "век": "century",
}
_DECADE_STEMS = {
    "двадцат": 2,
    "тридцат": 3,
    "сороков": 4,
    "пятидесят": 5,
    "шестидесят": 6,
    "семидесят": 7,
    "восьмидесят": 8,
    "девяност": 9,
}
_ORDINAL_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четв": 4}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def rel(group: str) -> str:
    """A named group matching "прошлый / этом / следующей / минувшего ..." in any case."""
    return rf"(?P<{group}>{alternation(_REL_OFFSETS)}[а-яё]{{1,3}}){_E}"


def _offset(word: str) -> int:
    word = word.lower()
    return next(v for stem, v in _REL_OFFSETS.items() if word.startswith(stem))


def _mod(match: re.Match[str]) -> str | None:
    """START / MID / END from "в начале", "в середине", "к концу" ..."""
    word = match["mod"] or ""
    if not word:
        return None
    if "начал" in word:
        return "START"
    return "MID" if "середин" in word else "END"


def _unit(word: str) -> Unit:
    return _UNIT_STEMS[word.lower()[:3]]


def _number(word: str | None) -> int | None:
    """A count from digits or number words; 1 when absent ("год назад"), None when vague."""
    if not word:
        return 1
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else NUMBERS_RU.get(word)


def _roman(text: str) -> int:
    values = [_ROMAN[c] for c in text.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _year_of(match: re.Match[str], ctx: Context) -> int | None:
    """The year a phrase names: "2022 года", "прошлого года", or None when it names none."""
    if match["year"]:
        return int(match["year"])
    if match["yrel"] and ctx.dct is not None:
        return ctx.dct.year + _offset(match["yrel"])
    return None


# --- builders -----------------------------------------------------------------------------


def _day_month(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "22 февраля 2022 года", "22-го февраля", "5 марта прошлого года"."""
    year = _year_of(match, ctx)
    if year is None and match["yrel"]:
        return None
    return dated(match, ctx, year, month_number(MONTHS_RU, match["month"]), int(match["day"]))


def _month(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "в феврале 2022 года", "в марте прошлого года", "в начале марта", "в марте"."""
    month = month_number(MONTHS_RU, match["month"])
    year = _year_of(match, ctx)
    if year is None:
        if ctx.dct is None:
            return None
        if not (match["prep"] or match["mod"]) and ctx.text[match.start("month")].isupper():
            return None  # "Марта" at a sentence start may be a name
        year = month_year(ctx.dct, month, ctx.future(match))
    return TimeValue("DATE", month_value(year, month), _mod(match))


def _decade(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "в 1990-х", "90-е годы", "в конце девяностых"."""
    decade = decade_value(match["full"], match["short"])
    if decade is None:
        stem = next(s for s in _DECADE_STEMS if match["words"].lower().startswith(s))
        decade = f"19{_DECADE_STEMS[stem]}"
    return TimeValue("DATE", decade, _mod(match))


def _century(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "в XX веке", "в 19 веке", "в начале XXI века"."""
    text = match["cent"]
    if text.isdigit():
        number = int(text)
    elif set(text) <= set("ivxl"):
        number = _roman(text)
    else:
        return None
    century = century_value(number)
    return TimeValue("DATE", century, _mod(match)) if century else None


def _relative_day(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "вчера", "сегодня утром", "позавчера"."""
    if ctx.dct is None:
        return None
    d = ctx.dct + dt.timedelta(days=_DAY_OFFSETS[match["word"].lower()])
    if match["part"]:
        return TimeValue("TIME", part_value(d, _PARTS[match["part"].lower()]))
    return TimeValue("DATE", day_value(d))


def _this_part(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "этой ночью", "прошлой ночью", "этим утром"."""
    if ctx.dct is None:
        return None
    back = 1 if _offset(match["rel"]) < 0 else 0
    d = ctx.dct - dt.timedelta(days=back)
    return TimeValue("TIME", part_value(d, _PARTS[match["part"].lower()]))


def _weekday(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "в понедельник", "в прошлую пятницу", "в среду вечером" (the day)."""
    if ctx.dct is None:
        return None
    weekday = WEEKDAYS_RU[match["weekday"].lower()]
    offset = max(-1, min(1, _offset(match["rel"]))) if match["rel"] else 0
    return TimeValue("DATE", weekday_value(ctx.dct, weekday, offset, ctx.future(match)))


def _relative_period(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "в прошлом году", "на этой неделе", "в конце прошлого года", "в прошлом веке"."""
    if ctx.dct is None:
        return None
    unit, offset = _unit(match["unit"]), _offset(match["rel"])
    if unit == "decade":
        return TimeValue("DATE", f"{ctx.dct.year // 10 + offset:03d}", _mod(match))
    return TimeValue("DATE", shift(ctx.dct, unit, offset), _mod(match))


def _weekend(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "в минувшие выходные", "в эти выходные", "на выходных"."""
    if ctx.dct is None:
        return None
    offset = _offset(match["rel"]) if match["rel"] else 0
    ahead = offset > 0 or (offset == 0 and ctx.future(match))
    return TimeValue("DATE", weekend_value(ctx.dct, ahead))


def _ago(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "24 года назад", "два года назад", "год назад", "полгода назад", "через неделю"."""
    if ctx.dct is None:
        return None
    sign = 1 if match.group().startswith("через") else -1
    if not match["unit"]:  # полгода
        return TimeValue("DATE", shift(ctx.dct, "month", sign * 6))
    n = _number(match["num"])
    if n is None:
        return None
    return TimeValue("DATE", ago_value(ctx.dct, _unit(match["unit"]), sign * n))


def _season(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "прошлым летом", "летом 2022 года", "весной прошлого года", "в конце зимы"."""
    season = SEASONS_RU[match["season"].lower()]
    year = _year_of(match, ctx)
    if year is not None:
        return TimeValue("DATE", f"{year:04d}-{season}", _mod(match))
    if ctx.dct is None:
        return None
    offset = _offset(match["rel"]) if match["rel"] else 0
    value = season_value(
        ctx.dct, season, "last" if offset < 0 else "next" if offset > 0 else "this"
    )
    return TimeValue("DATE", value, _mod(match))


def _part_of_year(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "в третьем квартале 2023 года", "в первой половине прошлого года", "I квартал"."""
    text = match["ord"].rstrip("-ыйоегмя")
    if text.isdigit():
        n = int(text)
    elif set(text) <= set("iv"):
        n = _roman(text)
    else:
        n = _ORDINAL_STEMS.get(text[:4].replace("ё", "е"), 0)
    kind = "Q" if match["what"].startswith("квартал") else "H"
    if not 1 <= n <= (4 if kind == "Q" else 2):
        return None
    year = _year_of(match, ctx)
    if year is None:
        if ctx.dct is None:
            return None
        latest = quarter_of(ctx.dct) if kind == "Q" else (ctx.dct.month - 1) // 6 + 1
        year = ctx.dct.year if n <= latest else ctx.dct.year - 1
    return TimeValue("DATE", f"{year:04d}-{kind}{n}")


def _clock(match: re.Match[str], ctx: Context) -> TimeValue | None:
    """ "в 15:30" on the publication day."""
    hour, minute = int(match["hour"]), int(match["minute"])
    if ctx.dct is None or hour > 24:
        return None
    return TimeValue("TIME", f"{day_value(ctx.dct)}T{hour:02d}:{minute:02d}")


_YEARS = rf"(?:\s+год(?:ах|ов|ы|ами){_E})?"
_YEAR_TAIL = rf"(?:\s+(?:{rel('yrel')}\s+года|{YEAR_RU}))?"
_MODS = [f"{p} {w}" for p in ("в", "к", "с", "до") for w in ("начале", "началу", "начала")]
_MODS += [f"{p} {w}" for p in ("в", "к") for w in ("середине", "середину")]
_MODS += [f"{p} {w}" for p in ("в", "к", "до") for w in ("конце", "концу", "конца")]
_MODS += ["начало", "начала", "середина", "середины", "конец", "конца"]
MOD = rf"(?P<mod>{alternation(_MODS)})\s+"
PREP = rf"(?P<prep>{alternation(PREPOSITIONS)})\s+"
REL = rf"{rel('rel')}\s+"

_ORDINAL_WORDS = alternation(
    ["перв", "втор", "трет", "четверт", "четвёрт", "1", "2", "3", "4", "i", "ii", "iii", "iv"]
)

#: Trigger families: a rule runs only near a word of one of its families.
TRIGGERS = trigger_index(
    {
        "word": (*_DAY_OFFSETS, *_PARTS, *SEASONS_RU, *_DECADE_STEMS),
        "weekday": tuple(WEEKDAYS_RU),
        "month": tuple(MONTHS_RU),
        "unit": (
            *[
                "год",
                "года",
                "году",
                "годом",
                "лет",
                "полгода",
                "месяц",
                "месяца",
                "месяце",
                "месяцев",
                "неделя",
                "неделю",
                "недели",
                "неделе",
                "недель",
                "день",
                "дня",
                "дней",
                "сутки",
                "суток",
                "квартал",
                "квартала",
                "квартале",
                "половина",
                "половине",
                "половину",
                "половины",
                "десятилетие",
                "десятилетия",
                "десятилетии",
                "десятилетий",
                "век",
                "века",
                "веке",
                "веку",
                "выходные",
                "выходных",
            ],
        ),
    }
)

RULES: list[Rule] = [
    *numeric_rules(month_first=False),
    *rules(
        "day_month",
        rf"{DAY}(?:-?(?:го|е|ое))?\s+{MONTH}{_YEAR_TAIL}",
        _day_month,
        on="month",
        not_after=".,",
    ),
    *rules("month", rf"{MONTH}{_YEAR_TAIL}", _month, on="month", prefixes=(MOD, PREP)),
    *rules(
        "year", YEAR_RU, modified_year(_mod), on="digit", prefixes=MOD, not_after=NOT_BEFORE_YEAR
    ),
    *rules(
        "decade",
        (
            rf"(?P<full>1[0-9][0-9]0|20[0-9]0)-?(?:х|е|ых|ые|ми|м){_E}{_YEARS}",
            rf"(?P<short>[0-9]0)-?(?:х|е|ых|ые|ми|м){_E}{_YEARS}",
            rf"(?P<words>{alternation(_DECADE_STEMS)})(?:ые|ых|ыми){_E}{_YEARS}",
        ),
        _decade,
        on=("digit", "word"),
        prefixes=MOD,
    ),
    *rules(
        "century",
        rf"(?P<cent>[ivxl0-9][ivxl0-9]{{0,4}})(?:-?(?:м|го|й))?\s+век(?:а|е|у)?{_E}",
        _century,
        on="unit",
        prefixes=MOD,
    ),
    *rules(
        "relative_day",
        rf"(?P<word>{alternation(_DAY_OFFSETS)}){_E}{PART}",
        _relative_day,
        on="word",
    ),
    *rules(
        "this_part", rf"{rel('rel')}\s+(?P<part>утром|вечером|ночью){_E}", _this_part, on="word"
    ),
    *rules(
        "weekday",
        rf"{alternation(PREPOSITIONS)}\s+(?:{rel('rel')}\s+)?{WEEKDAY}{PART}",
        _weekday,
        on="weekday",
    ),
    *rules(
        "relative_period",
        rf"{rel('rel')}\s+{UNIT}",
        _relative_period,
        on="unit",
        prefixes=MOD,
    ),
    *rules(
        "weekend",
        rf"(?:в|на|за)\s+(?:{rel('rel')}\s+)?выходны[еха]{_E}",
        _weekend,
        on="unit",
    ),
    *rules(
        "ago",
        (
            rf"{NUM}\s+{UNIT}\s+(?:тому\s+)?назад{_E}",
            rf"{UNIT}\s+(?:тому\s+)?назад{_E}",
            rf"полгода\s+назад{_E}",
            rf"через\s+(?:{NUM}\s+)?(?:{UNIT}|полгода{_E})",
        ),
        _ago,
        on="unit",
    ),
    *rules("season", rf"{SEASON}{_YEAR_TAIL}", _season, on="word", prefixes=(REL, MOD, MOD + REL)),
    *rules(
        "part_of_year",
        rf"(?P<ord>{_ORDINAL_WORDS}[а-яё-]{{0,4}})"
        rf"\s+(?P<what>квартал[а-яё]{{0,2}}|половин[а-яё]{{1,2}}){_E}{_YEAR_TAIL}",
        _part_of_year,
        on="unit",
        prefixes=PREP,
    ),
    *rules(
        "clock",
        rf"{alternation(['в', 'к', 'около', 'до', 'с', 'со'])}\s+(?P<hour>[0-9][0-9]?):"
        r"(?P<minute>[0-5][0-9])(?![0-9])",
        _clock,
        on="digit",
    ),
]
