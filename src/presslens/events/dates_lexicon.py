"""Words the date rules match: month, weekday, season and number names per language.

Kept apart from the rules so that each table is written once and every pattern is built from it.
Russian and Polish tables list the inflected forms news text uses ("февраля", "феврале",
"lutego"), because a stemmer would be slower and would also match words that are not dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _numbered(entries: list[str], start: int = 1) -> dict[str, int]:
    """Word → number of its entry, counted from ``start``; an entry lists its forms by spaces.

    One builder for every month and weekday table, so each table is just its words; an empty
    entry keeps the numbering where a language has no abbreviation for that month.
    """
    return {form: start + i for i, forms in enumerate(entries) for form in forms.split()}


_EN_MONTH_ABBREVIATIONS = [
    "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep sept", "oct", "nov", "dec"
]  # fmt: skip

MONTHS_EN: dict[str, int] = {
    **_numbered(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    ),
    **_numbered(_EN_MONTH_ABBREVIATIONS),
}

#: Month abbreviations, which may end in a dot ("Sept.", "февр.").
MONTH_ABBREVIATIONS_EN = tuple(_numbered(_EN_MONTH_ABBREVIATIONS))

_RU_MONTH_STEMS = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
]


def _ru_month_forms(stem: str) -> list[str]:
    """All case forms of one Russian month ("февраль", "февраля", "феврале", ...)."""
    if stem in ("март", "август"):
        return [stem + end for end in ("", "а", "е", "у", "ом")]
    if stem == "ма":
        return ["май", "мая", "мае", "маю", "маем"]
    return [stem + end for end in ("ь", "я", "е", "ю", "ём", "ем")]


_RU_MONTH_ABBREVIATIONS = [
    "янв", "фев февр", "мар", "апр", "", "", "", "авг", "сен сент", "окт", "нояб", "дек"
]  # fmt: skip

MONTHS_RU: dict[str, int] = {
    **{form: i + 1 for i, stem in enumerate(_RU_MONTH_STEMS) for form in _ru_month_forms(stem)},
    **_numbered(_RU_MONTH_ABBREVIATIONS),
}

MONTH_ABBREVIATIONS_RU = tuple(_numbered(_RU_MONTH_ABBREVIATIONS))

MONTHS_FR: dict[str, int] = _numbered(
    [
        "janvier",
        "février fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août aout",
        "septembre",
        "octobre",
        "novembre",
        "décembre decembre",
    ]
)

MONTHS_DE: dict[str, int] = _numbered(
    [
        "januar jänner",
        "februar",
        "märz maerz",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "dezember",
    ]
)

MONTHS_IT: dict[str, int] = _numbered(
    [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ]
)

MONTHS_PL: dict[str, int] = _numbered(
    [
        "styczeń stycznia styczniu",
        "luty lutego lutym",
        "marzec marca marcu",
        "kwiecień kwietnia kwietniu",
        "maj maja maju",
        "czerwiec czerwca czerwcu",
        "lipiec lipca lipcu",
        "sierpień sierpnia sierpniu",
        "wrzesień września wrześniu",
        "październik października październiku",
        "listopad listopada listopadzie",
        "grudzień grudnia grudniu",
    ]
)

#: Month tables of the languages that get absolute dates only ("22 février 2022").
MONTHS_OTHER: dict[str, dict[str, int]] = {
    "fr": MONTHS_FR,
    "de": MONTHS_DE,
    "it": MONTHS_IT,
    "pl": MONTHS_PL,
}

WEEKDAYS_EN: dict[str, int] = _numbered(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], start=0
)

#: Weekdays in the nominative, accusative and genitive ("в среду", "во вторник", "до пятницы").
WEEKDAYS_RU: dict[str, int] = _numbered(
    [
        "понедельник понедельника",
        "вторник вторника",
        "среда среду среды",
        "четверг четверга",
        "пятница пятницу пятницы",
        "суббота субботу субботы",
        "воскресенье воскресенья",
    ],
    start=0,
)

SEASONS_EN: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

#: Season nouns in the cases news uses: "летом", "лето", "лета", "летом прошлого года".
SEASONS_RU: dict[str, str] = {
    **dict.fromkeys(("весна", "весной", "весну", "весны", "весною"), "SP"),
    **dict.fromkeys(("лето", "летом", "лета"), "SU"),
    **dict.fromkeys(("осень", "осенью", "осени"), "FA"),
    **dict.fromkeys(("зима", "зимой", "зиму", "зимы", "зимою"), "WI"),
}

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _compose(units: list[str], tens: list[str], joiners: Iterable[str]) -> dict[str, int]:
    """Number words 0-99 from unit and tens words ("twenty-four", "двадцать четыре")."""
    table = {word: i for i, word in enumerate(units)}
    for i, ten in enumerate(tens):
        value = 20 + 10 * i
        table[ten] = value
        for joiner in joiners:
            table.update({ten + joiner + units[u]: value + u for u in range(1, 10)})
    return table


NUMBERS_EN: dict[str, int] = {
    **_compose(_EN_UNITS, _EN_TENS, ("-", " ")),
    "a": 1,
    "an": 1,
    "a couple of": 2,
    "a dozen": 12,
    "a hundred": 100,
    "one hundred": 100,
}

#: Vague amounts: they give TimeML "X" values ("several years" → PXY) and no date range.
VAGUE_EN: frozenset[str] = frozenset(
    ("several", "a few", "few", "many", "some", "a number of", "numerous")
)

_RU_UNITS = [
    "ноль",
    "один",
    "два",
    "три",
    "четыре",
    "пять",
    "шесть",
    "семь",
    "восемь",
    "девять",
    "десять",
    "одиннадцать",
    "двенадцать",
    "тринадцать",
    "четырнадцать",
    "пятнадцать",
    "шестнадцать",
    "семнадцать",
    "восемнадцать",
    "девятнадцать",
]
_RU_TENS = [
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
]

NUMBERS_RU: dict[str, int] = {
    **_compose(_RU_UNITS, _RU_TENS, (" ",)),
    "одна": 1,
    "одну": 1,
    "две": 2,
    "пару": 2,
    "сто": 100,
}

VAGUE_RU: frozenset[str] = frozenset(("несколько", "много"))


_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex matching any of ``words``, built as a character trie.

    A trie ("jan(?:uary)?|ju(?:ly|ne)") lets the regex engine reject a position after one or
    two characters instead of trying every word in turn, which keeps the month, weekday and
    number-word patterns fast. Longer words are tried first; a space matches any whitespace.
    """
    trie: _Trie = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: _Trie) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


#: Any English or Russian month name or abbreviation, as a regex (no word boundaries): what
#: tells a number that dates ("Dec. 15", "15 мая") and a date's wording apart.
MONTH_NAMES = alternation([*MONTHS_EN, *MONTHS_RU])
