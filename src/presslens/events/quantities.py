"""How many people a phrase names: exact, vague, open-ended, or one singled-out person.

:func:`find_quantities` reads the figures of a sentence ("three", "at least 12", "dozens",
"не менее пяти", "a man", "teenagers"); :mod:`presslens.events.counts` links each to what
happened to those people. Only a figure the text states as one number is exact. Vague words keep
a conservative lower bound and are never made exact (the choices, ACLED-style):

=======================================  =======  ======  ======================================
words                                    low      high    why
=======================================  =======  ======  ======================================
"three", "12", "трое", "двадцать три"    N        N       exact: the text states one number
"a man", "the victim", "he", "J. Smith"  1        1       exact: one singled-out person
"teenagers", "others" (bare plural)      2        None    a plural is at least two
"at least five", "не менее пяти"         5        None    open-ended
"more than 10", "свыше 10"               11       None    open-ended, strictly more
"up to 20", "до 20", "nearly 20"         1        20      a ceiling only: at least one is implied
"fewer than 10", "менее 10"              1        9       a ceiling only
"about 20", "около 20"                   20       20      the stated figure, as ACLED codes it,
                                                          but never exact
"3 to 5", "от 3 до 5", "two or three"    3        5       a range
"a few", "a handful", "multiple"         2        None    the least the word can mean
"a couple", "пара"                       2        3
"several"                                3        None    English "several" means more than two
"несколько"                              2        None    Russian "несколько" admits two
"a dozen" / "десяток"                    12 / 10  same    idiomatic, so not exact
"both", "оба"                            2        2       exact: two singled-out people
"dozens"                                 12       None    ACLED's rule for "dozens"
"tens", "десятки"                        10       None    ACLED's rule for "tens"
"scores"                                 20       None    one score, as "dozens" is one dozen
"hundreds", "сотни", "thousands", ...    100, ..  None    ACLED's rule for "hundreds"
"many", "numerous", "многие", "немало"   3        None    more than a couple
=======================================  =======  ======  ======================================

A number is not a figure of people when a unit follows it ("three years", "5 shots"), when it
is a day of a month ("Dec. 15"), or a year ("the 2016 death"); "911 calls" are no callers, and
"his 12- and 10-year-old sons" are two ages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from presslens.events.dates_lexicon import MONTH_NAMES


def words(text: str) -> tuple[str, ...]:
    """The space-separated words of a literal list, so that word lists read as prose."""
    return tuple(text.split())


EN_UNITS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
EN_TENS = words("twenty thirty forty fifty sixty seventy eighty ninety")
EN_WORDS: dict[str, int] = {w: i for i, w in enumerate(EN_UNITS)} | {
    w: 20 + 10 * i for i, w in enumerate(EN_TENS)
}


def _ru_number_forms() -> dict[str, int]:
    """Russian cardinals 1–100 and collectives in every case, as one lookup table."""
    forms: dict[str, int] = {}
    irregular = {
        1: "один одна одно одного одной одному одним одном одну",
        2: "два две двух двум двумя двое двоих двоим двоими",
        3: "три трех трёх трем трём тремя трое троих троим троими",
        4: "четыре четырех четырёх четырем четырём четырьмя четверо четверых четверым",
        8: "восемь восьми восемью восьмью восьмеро восьмерых",
        40: "сорок сорока",
        50: "пятьдесят пятидесяти пятьюдесятью",
        60: "шестьдесят шестидесяти шестьюдесятью",
        70: "семьдесят семидесяти семьюдесятью",
        80: "восемьдесят восьмидесяти восемьюдесятью",
        90: "девяносто девяноста",
        100: "сто ста",
    }
    for value, names in irregular.items():
        forms.update(dict.fromkeys(names.split(), value))
    regular = {
        5: "пять", 6: "шесть", 7: "семь", 9: "девять", 10: "десять", 11: "одиннадцать",
        12: "двенадцать", 13: "тринадцать", 14: "четырнадцать", 15: "пятнадцать",
        16: "шестнадцать", 17: "семнадцать", 18: "восемнадцать", 19: "девятнадцать",
        20: "двадцать", 30: "тридцать",
    }  # fmt: skip
    for value, word in regular.items():
        stem = word[:-1]
        forms.update({word: value, stem + "и": value, stem + "ью": value})
    collectives = {5: "пятер", 6: "шестер", 7: "семер", 9: "девятер", 10: "десятер"}
    for value, stem in collectives.items():
        forms.update({stem + "о": value, stem + "ых": value, stem + "ым": value})
    return forms


RU_WORDS = _ru_number_forms()

#: Vague quantity words: (low, high); ``high`` None is open-ended. See the module table.
VAGUE: dict[str, tuple[int, int | None]] = {
    "several": (3, None), "a few": (2, None), "a couple": (2, 3), "a couple of": (2, 3),
    "a handful": (2, None), "a handful of": (2, None), "a dozen": (12, 12),
    "dozens": (12, None), "scores": (20, None), "tens": (10, None), "hundreds": (100, None),
    "thousands": (1000, None), "tens of thousands": (10_000, None),
    "hundreds of thousands": (100_000, None), "millions": (1_000_000, None),
    "many": (3, None), "numerous": (3, None), "multiple": (2, None), "a number of": (2, None),
    "несколько": (2, None), "нескольких": (2, None), "нескольким": (2, None),
    "несколькими": (2, None), "пара": (2, 3), "пару": (2, 3), "пары": (2, 3),
    "десяток": (10, 10), "десятка": (10, 10), "полтора десятка": (15, 15),
    "десятки": (10, None), "десятков": (10, None), "сотни": (100, None), "сотен": (100, None),
    "тысячи": (1000, None), "тысяч": (1000, None), "десятки тысяч": (10_000, None),
    "десятков тысяч": (10_000, None), "сотни тысяч": (100_000, None),
    "сотен тысяч": (100_000, None), "многие": (3, None), "многих": (3, None),
    "много": (3, None), "множество": (3, None), "немало": (3, None),
    # "several dozen" is at least two dozen: counting the multiplier as the smallest plural
    # keeps the bound conservative, as ACLED's 12 for "dozens" does.
    "several dozen": (24, None), "a few dozen": (24, None), "several hundred": (200, None),
    "a few hundred": (200, None), "несколько десятков": (20, None),
    "нескольких десятков": (20, None), "несколько сотен": (200, None),
    "нескольких сотен": (200, None),
}  # fmt: skip

#: Modifiers and what they do to a stated number N (see the module table).
MODIFIERS: dict[str, str] = {
    **dict.fromkeys(
        ["at least", "no fewer than", "no less than", "a minimum of", "не менее", "не меньше",
         "по меньшей мере", "как минимум", "минимум"],
        "at_least",
    ),
    **dict.fromkeys(
        ["more than", "over", "upwards of", "in excess of", "более чем", "более", "свыше",
         "больше"],
        "more_than",
    ),
    **dict.fromkeys(
        ["up to", "as many as", "a maximum of", "at most", "no more than", "вплоть до", "до",
         "не более", "не больше", "максимум", "nearly", "almost", "почти", "close to"],
        "up_to",
    ),
    **dict.fromkeys(["fewer than", "less than", "under", "менее", "меньше"], "fewer_than"),
    **dict.fromkeys(
        ["about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
         "около", "примерно", "приблизительно", "порядка", "где-то", "ориентировочно"],
        "approx",
    ),
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """Longest-first regex alternation of literal words, spaces matching any whitespace."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_EN_WORDNUM = (
    rf"(?:(?:{'|'.join(EN_TENS)})(?:[-\s](?:{'|'.join(EN_UNITS[1:10])}))?|"
    rf"(?:{alternation(EN_UNITS)}))"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w'’]|[.:,]\d|%|-[^\W\d]|-\s)"
EN_NUMBER = rf"(?:{_DIGITS}|{_EN_WORDNUM}\b(?!-[^\W\d]))(?:\s+(?:hundred|thousand)\b)?"
_RU_NUMBER = (
    rf"(?:{_DIGITS}|(?:{alternation(w for w, v in RU_WORDS.items() if v >= 20)})"
    rf"(?:\s+(?:{alternation(w for w, v in RU_WORDS.items() if v < 10)}))?|"
    rf"(?:{alternation(RU_WORDS)}))(?![\w-])(?:\s+тысяч\w*)?"
)

#: One person named by a singular noun ("a 27-year-old woman", "Toddler fatally shot").
EN_PERSON = (
    r"(?:man|woman|boy|girl|teen|teenager|person|child|toddler|baby|infant|victim|officer|"
    r"deputy|trooper|policeman|policewoman|student|resident|driver|passenger|customer|"
    r"bystander|worker|employee|clerk|father|mother|son|daughter|brother|sister|husband|wife|"
    r"girlfriend|boyfriend|relative|juvenile|youth|male|female|suspect|gunman|soldier|civilian|"
    r"journalist|reporter|protester|activist|migrant|citizen|national|member|guard|neighbou?r|"
    r"friend|cousin|grandmother|grandfather|adult|individual|pedestrian|motorist|homeowner|"
    r"owner|teacher|pastor|priest|doctor|nurse|patient|prisoner|inmate|detainee|refugee|"
    r"tourist|foreigner|agent|fighter|militant|rebel|serviceman|conscript|shooter|bailiff|"
    r"attacker|assailant|robber|firefighter|veteran|grandson|granddaughter|nephew|niece|"
    r"\w+-(?:year|month|week)-old|(?:\w+-)?grader)"
)
RU_PERSON = (
    r"(?:мужчина|женщина|человек|реб[её]нок|подросток|мальчик|девочка|девушка|юноша|"
    r"военнослужащий|военный|полицейский|сотрудник|житель|жительница|гражданин|гражданка|"
    r"водитель|пассажир|пассажирка|студент|студентка|журналист|журналистка|активист|"
    r"активистка|мигрант|школьник|школьница|пенсионер|пенсионерка|подозреваемый|подозреваемая|"
    r"боевик|солдат|офицер|участник|участница|охранник|прохожий|фермер)"
)
#: People named by a bare plural: at least two ("teenagers fatally shot", "others were hurt").
_EN_PEOPLE = (
    r"people|persons|men|women|boys|girls|teens|teenagers|children|kids|victims|officers|"
    r"deputies|troopers|students|residents|civilians|bystanders|passengers|customers|workers|"
    r"brothers|sisters|siblings|cousins|friends|relatives|adults|juveniles|suspects|soldiers|"
    r"policemen|protesters|demonstrators|activists|journalists|migrants|villagers|worshipp?ers|"
    r"shoppers|pedestrians|toddlers|infants|babies|others"
)

_PATTERNS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        rf"(?<![\w$#/.-])(?:"
        rf"(?:(?P<mod>{alternation(k for k in MODIFIERS if k.isascii())})\s+)?"
        rf"(?:(?:between|from)\s+(?P<rlo>{EN_NUMBER})\s+(?:and|to)\s+(?P<rhi>{EN_NUMBER})|"
        rf"(?P<num>{EN_NUMBER})(?:\s*(?:-|–|to|or)\s*(?P<num2>{EN_NUMBER}))?|"
        rf"(?P<vague>{alternation(k for k in VAGUE if k.isascii())})\b)"
        rf"(?P<suffix>\s+or\s+more\b|\s+or\s+so\b|\+)?"
        rf"|(?P<one>\b(?:a|an|another|the)\b)(?=\s+(?:[\w’'-]+\s+){{0,3}}?{EN_PERSON}\b(?!['’]))"
        rf"|(?P<sg>\b{EN_PERSON}\b(?!['’])(?:,\s*\d{{1,2}},)?)"
        rf"|(?P<plural>\b(?:{_EN_PEOPLE})\b(?!['’]))"
        rf"|(?P<both>\bboth\b)"
        rf"|(?P<pron>\b(?:he|she)\b)"
        rf"|(?-i:(?P<name>(?:[A-Z][a-z’'-]+\s+){{1,3}}[A-Z][a-z’'-]+)(?:,\s*\d{{1,2}},)?)"
        rf"(?=\s+(?:was|is|has\s+been|had\s+been|died|dies)\b))",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        rf"(?<![\w$#/.-])(?:"
        rf"(?:(?P<mod>{alternation(k for k in MODIFIERS if not k.isascii())})\s+)?"
        rf"(?:от\s+(?P<rlo>{_RU_NUMBER})\s+до\s+(?P<rhi>{_RU_NUMBER})|"
        rf"(?P<num>{_RU_NUMBER})(?:\s*(?:-|–|или)\s*(?P<num2>{_RU_NUMBER}))?|"
        rf"(?P<vague>{alternation(k for k in VAGUE if not k.isascii())})(?![\w-]))"
        rf"(?P<suffix>\s+(?:и|или)\s+более\b|\+)?"
        rf"|(?P<both>\b(?:оба|обе|обоих|обеих|обоим|обеим)\b))",
        re.IGNORECASE,
    ),
}

#: A figure followed by one of these measures time or distance, not people.
UNIT = re.compile(
    r"\s*(?:-|\s)?(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|times|rounds|shots|"
    r"bullets|blocks?|miles?|feet|foot|yards?|meters?|metres?|km|percent|per\s+cent|%|"
    r"call(?:er)?s?\b|a\.m\.|p\.m\.|am\b|pm\b|o'clock|:\d|лет|года?\b|месяц\w*|недел\w*|дн\w+|час\w*|минут\w*|"
    r"секунд\w*|раз\w*|километр\w*|метр\w*|процент\w*)",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(rf"\b{MONTH_NAMES}\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s+{MONTH_NAMES}\b", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(
    r"\s+(?:people|persons|men|women|protesters|demonstrators|migrants|refugees|человек|люд\w*|"
    r"протестующ\w*|демонстрант\w*|мигрант\w*|беженц\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure of people in the text, ``[start, end)`` absolute.

    ``weak`` figures (a pronoun, a name, a bare noun) count only as the close subject of a
    trigger; ``noun`` figures (a bare noun) are dropped when they are the head of a figure just
    before them ("three *people*").
    """

    low: int
    high: int | None
    exact: int | None
    start: int
    end: int
    weak: bool = False
    noun: bool = False


def number_value(phrase: str, language: str) -> int:
    """Value of a number expression ("twenty-five", "3,000", "two hundred", "двадцать три")."""
    table = RU_WORDS if language == "ru" else EN_WORDS
    total, multiplier = 0, 1
    for part in phrase.lower().replace(",", "").replace("-", " ").split():
        if part == "hundred":
            total = max(total, 1) * 100
        elif part == "thousand" or part.startswith("тысяч"):
            multiplier = 1000
        elif part.isdigit():
            total += int(part)
        else:
            total += table[part]
    return total * multiplier


def _apply_modifier(
    modifier: str | None, low: int, high: int | None, exact: int | None
) -> tuple[int, int | None, int | None]:
    """Bounds of a figure after its modifier; see the module table."""
    kind = MODIFIERS.get(" ".join(modifier.lower().split())) if modifier else None
    stated = exact if exact is not None else low
    if kind == "at_least":
        return low, None, None
    if kind == "more_than":
        return stated + 1, None, None
    if kind == "up_to":
        return 1, high if high is not None else stated, None
    if kind == "fewer_than":
        return 1, max(1, stated - 1), None
    if kind == "approx":
        return low, high if high is not None else stated, None
    return low, high, exact


def _not_people(match: re.Match[str]) -> bool:
    """A number that dates or measures something ("Dec. 15", "15 мая", "three years")."""
    text, start, end = match.string, match.start(), match.end()
    if match.group("num") and (
        _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end)
    ):
        return True
    numeric = match.group("num") or match.group("vague") or match.group("rhi")
    if numeric and UNIT.match(text, end):
        return True
    said = match.group()
    return said.isdigit() and 1900 <= int(said) <= 2100 and not _PEOPLE_AFTER.match(text, end)


def _quantity(match: re.Match[str], language: str) -> Quantity | None:
    """The figure of one match, or None when it is not a figure of people."""
    groups = match.groupdict()
    start, end = match.start(), match.end()
    if _not_people(match):
        return None
    if groups.get("one") or groups.get("sg") or groups.get("pron") or groups.get("name"):
        weak, noun = not groups.get("one"), bool(groups.get("sg"))
        return Quantity(1, 1, 1, start, end, weak=weak, noun=noun)
    if groups.get("plural"):
        return Quantity(2, None, None, start, end, weak=True, noun=True)
    if groups.get("both"):
        return Quantity(2, 2, 2, start, end)
    high: int | None
    exact: int | None
    if groups.get("rlo"):
        low = number_value(groups["rlo"], language)
        high, exact = number_value(groups["rhi"], language), None
    elif groups.get("num"):
        low = number_value(groups["num"], language)
        high, exact = low, low
        if groups.get("num2"):
            high, exact = number_value(groups["num2"], language), None
            if high <= low:  # "3-1" is a score, not a range
                return None
    else:
        low, high = VAGUE[" ".join(groups["vague"].lower().split())]
        exact = None
    low, high, exact = _apply_modifier(groups.get("mod"), low, high, exact)
    suffix = (groups.get("suffix") or "").strip().lower()
    if suffix == "or so":
        exact = None
    elif suffix:  # "or more", "и более", "+"
        high, exact = None, None
    return Quantity(low, high, exact, start, end)


def find_quantities(text: str, start: int, end: int, language: str) -> list[Quantity]:
    """Figures of people in ``text[start:end]``, in text order ("en" and "ru" only)."""
    pattern = _PATTERNS.get(language)
    if pattern is None:
        return []
    found = [q for m in pattern.finditer(text, start, end) if (q := _quantity(m, language))]
    kept: list[Quantity] = []
    for quantity in found:
        head_of_previous = kept and len(text[kept[-1].end : quantity.start].split()) <= 3
        if quantity.noun and head_of_previous:
            continue
        kept.append(quantity)
    return kept
