"""Casualty, detention and deportation figures: what happened to how many people.

A figure (:mod:`presslens.events.quantities`) is linked to a *category trigger* ("were
killed", "wounding", "задержаны") in one of two ways:

- figure first, as the trigger's subject: "three people were killed", "two dead",
  "трое погибли", "a 27-year-old woman was shot to death". Nothing may stand between them
  that ends the clause (a preposition, a conjunction, "said", a negation); a trigger with an
  object of its own ("two men shot *a clerk*") takes no subject figure; a Russian participle
  used as a noun names who is counted, and the verb after it what befell them ("двое
  задержанных были депортированы": two deported);
- trigger first, the figure as its object: "killing three", "wounding 5", "shot himself",
  "wounding another", "погибли 12 человек", "death toll rose to 14".

"Three men and two women were killed" and "shot her husband and three sons" are one figure,
the sum. Statements of zero ("no one was hurt", "никто не погиб") are exact zeros. Some
figures are single words: "a double homicide" (2 killed), "a third victim has died" (at least
3), "murder-suicide" (at least 2), "three counts of murder" (at least 3); one death is also
told by a noun ("a fatal shooting", "the teen's death", "slain clerk") or by a gun turned on
oneself. A bare plural of the dead ("children are killed by ...") is no figure: it is too often
a general statement, not the toll of one incident.

Besides the four published categories (killed, injured, detained, deported) the finder reports
``shot``: people hit whose fate the phrase leaves open ("four people were shot", "taken to the
hospital"). The event extractor turns it into injured figures once it knows how many died.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, cast

from presslens.document import Span
from presslens.events.model import Count
from presslens.events.quantities import (
    EN_NUMBER,
    EN_PERSON,
    EN_WORDS,
    RU_PERSON,
    RU_WORDS,
    UNIT,
    Quantity,
    find_quantities,
    number_value,
    words,
)

Category = Literal["killed", "injured", "detained", "deported", "shot"]


@dataclass(frozen=True, slots=True)
class CountFinding:
    """One figure found in a sentence: its category and the count as stated."""

    category: Category
    count: Count


@dataclass(frozen=True, slots=True)
class _Trigger:
    category: Category
    start: int
    end: int
    takes_object: bool
    toll: bool


#: Category triggers, longest composites first (``shot dead`` is killed, ``shot`` alone is not).
#: Group names end in ``_obj`` when the trigger can take its figure as an object ("killing
#: three", "погибли 12 человек"), in ``_toll`` for "death toll ... N".
_TRIGGERS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?<![\w-])(?:"
        r"(?P<killed_toll>death\s+toll|number\s+of\s+(?:dead|deaths|fatalities))|"
        r"(?P<killed_obj>(?:fatal\s+shooting|shooting\s+death|slaying|murder|homicide|killing)"
        r"\s+of|shot\s+(?:and|&)\s+killed|(?:shot|stabbed|beaten)\s+to\s+death|"
        r"shot\s+dead|shot,?\s+killed|fatally\s+(?:shot|wounded|injured|stabbed|struck|hit)|"
        r"kill(?:ed|ing|s)|murder(?:ed|ing)|gunned\s+down)|"
        r"(?P<killed>dead|died|dies|dying|slain|deaths?|fatalit(?:y|ies)|fatally|"
        r"lost\s+(?:his|her|their)\s+li(?:fe|ves)|pronounced\s+dead|(?:bodies|body)\b)|"
        r"(?P<injured_obj>shot\s+and\s+(?:wounded|injured)|"
        r"injur(?:ed|ing|es)|wound(?:ed|ing)|wounds(?=\s+(?:an?|another|the|his|her|\d+|"
        rf"{EN_NUMBER})\b)|hurt(?:ing)?)|"
        r"(?P<injured>shot,?\s+but\s+survived|injuries|hospitali[sz]ed|(?:in|listed\s+in)\s+"
        r"(?:critical|serious|stable|fair|good|grave)\s+condition|critically|"
        r"treated\s+and\s+released|"
        r"treated\s+(?:at|in)\s+(?:\S+\s+){1,5}?and\s+released|released\s+from\s+(?:the\s+|a\s+)?"
        r"hospital|treated\s+for\s+(?:\S+\s+){0,3}?(?:injuries|wounds)|"
        r"expected\s+to\s+(?:recover|survive))|"
        r"(?P<shot_obj>shot(?!\s+(?:down|back|out|up)\b)(?!\s+at\s*(?:[.,;]|$|(?:him|her|them|us|"
        r"me|police|officers?|deputies|troopers|agents|the\s+(?:officers?|police|deputies))\b))|"
        r"shooting(?=\s+(?:him|her|them)\b))|"
        r"(?P<shot>struck\s+by\s+(?:gun)?fire|struck\s+by\s+(?:a\s+)?(?:bullet|stray\s+bullet)s?|"
        r"hit\s+by\s+(?:gun)?fire|(?:(?:with|suffering\s+from|suffered|sustained)\s+"
        r"(?:an?\s+|multiple\s+|several\s+)?(?:[\w-]+\s+)??)?gunshot\s+wounds?|"
        r"(?:struck|hit|grazed)\s+in\s+the\s+(?:head|face|neck|chest|back|arm|arms|leg|legs|"
        r"foot|hand|shoulder|stomach|abdomen|torso|side|hip|thigh|buttocks?)|"
        r"grazed\s+by\s+(?:a\s+)?bullets?|"
        r"(?:(?:taken|transported|rushed|flown|driven|airlifted|sent)\s+to|(?:arrived|showed\s+up)"
        r"\s+at)\s+(?:an?\s+|the\s+|"
        r"area\s+|local\s+|nearby\s+|several\s+|two\s+|different\s+)?(?:[\w’'.-]+\s+){0,3}?"
        r"(?:hospitals?|medical\s+cent(?:er|re)s?|trauma\s+cent(?:er|re)s?))|"
        r"(?P<detained_obj>arrest(?:ed|ing)|detain(?:ed|ing)|apprehended|jailed|captured)|"
        r"(?P<detained>arrests|taken\s+into\s+custody|in\s+custody|rounded\s+up)|"
        r"(?P<deported_obj>deport(?:ed|ing)|expel(?:led|ling)|forcibly\s+returned)|"
        r"(?P<deported>deportations?|expulsions?)"
        r")(?![\w-])",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:"
        r"(?P<killed_toll>(?:число|количество)\s+(?:погибших|жертв|убитых))|"
        r"(?P<injured_toll>(?:число|количество)\s+(?:раненых|пострадавших))|"
        r"(?P<detained_toll>(?:число|количество)\s+задержанных)|"
        r"(?P<killed_obj>смертельно\s+ранен\w*|погиб\w*|убит\w*|убил\w*|убив|застрел\w*|"
        r"расстрел\w*|скончал\w*|жертвами\s+стал\w*)|"
        r"(?P<injured_obj>ранен\w*|ранил\w*|ранив|пострадал\w*|получил\w*\s+(?:\w+\s+)?"
        r"(?:ранени\w*|травм\w*)|госпитализирова\w*)|"
        r"(?P<detained_obj>задержа(?:н|л|ни)\w*|арестова\w*|взят\w*\s+под\s+стражу|"
        r"(?:заключ|помещ)[её]н\w*\s+под\s+стражу)|"
        r"(?P<deported_obj>депортирова\w*|депортаци\w*|выдвор\w*|выслан\w*|выслал\w*|высылк\w*)"
        r")",
        re.IGNORECASE,
    ),
}

#: Statements of zero ("no one was hurt", "no officers were injured", "никто не погиб").
_ZEROS: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"(?<![\w-])(?:"
        r"(?P<killed>no\s*(?:one|body|(?:other\s+)?[a-z]+s)\s+(?:else\s+)?(?:was|were|has\s+been|"
        r"have\s+been|had\s+been)\s+killed|no\s+(?:other\s+)?(?:deaths|fatalities)\b)|"
        r"(?P<injured>no\s*(?:one|body|(?:other\s+)?[a-z]+s)\s+(?:else\s+)?(?:was|were|has\s+been|"
        r"have\s+been|had\s+been)\s+(?:\w+\s+)?(?:injured|hurt|wounded|struck|hit)|"
        r"no\s+(?:other\s+|further\s+|serious\s+|reported\s+)?injuries)|"
        r"(?P<detained>no\s+arrests|no\s+one\s+(?:has\s+been|had\s+been|was|is)\s+"
        r"(?:arrested|in\s+custody)|no\s+suspects?\s+(?:is|are|was|were|have\s+been|"
        r"has\s+been)\s+(?:in\s+custody|arrested))"
        r")(?![\w-])",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:"
        r"(?P<killed>никто\s+не\s+погиб|погибших\s+нет|жертв\s+нет|обошлось\s+без\s+жертв)|"
        r"(?P<injured>никто\s+не\s+(?:пострадал|был\s+ранен|ранен)|пострадавших\s+нет|"
        r"раненых\s+нет|обошлось\s+без\s+пострадавших)|"
        r"(?P<detained>никто\s+не\s+(?:был\s+)?задержан|задержанных\s+нет)"
        r")(?![\w-])",
        re.IGNORECASE,
    ),
}

#: Figures that are words of their own (see the module docstring).
_MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5, "двойн": 2, "тройн": 3}
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_SPECIAL: dict[str, re.Pattern[str]] = {
    "en": re.compile(
        r"\b(?:(?P<mult>double|triple|quadruple|quintuple)[-\s](?:(?P<mk>homicide|murder|"
        r"killing|slaying|fatal\s+shooting)|shooting)s?|"
        r"(?P<ord>second|third|fourth|fifth|sixth)\s+(?:person|victim|man|woman|teen|child|"
        r"officer)\s+(?:has\s+|had\s+)?(?:died|dies|dead|succumbed)|"
        r"(?P<pair>murder-suicide|murder\s+suicide)|(?P<homicide>homicide\s+victim)|"
        r"(?P<self>turn(?:ed|ing|s)?\s+(?:the|a|his|her)\s+(?:gun|weapon|rifle|pistol)\s+on\s+"
        r"(?:him|her)self)|"
        r"sent\s+(?P<sent>an?|one|two|three|four|five|six|\d+)\s+(?:[\w’'-]+\s+){0,4}?to\s+"
        r"(?:the\s+|a\s+|an\s+|area\s+|local\s+|nearby\s+)?hospitals?|"
        rf"(?P<charges>{EN_NUMBER})\s+counts?\s+of\s+(?:(?:first|second|1st|2nd)[-\s]degree\s+|"
        r"capital\s+|aggravated\s+)?(?:murder|homicide))\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(r"(?<![\w-])(?P<mult>двойн|тройн)\w*\s+(?P<mk>убийств)\w*", re.IGNORECASE),
}

#: Words that end the stretch between a figure and its trigger (prepositions, conjunctions,
#: reporting verbs, negation): "three years after he was killed" is not "three killed".
_BREAKERS = {
    "en": frozenset(
        words(
            "in at on after before during to with by for since near when while as than and or "
            "but said says say told that which if because where outside inside into not never "
            "n't no nor without against"
        )
    ),
    "ru": frozenset(
        words(
            "в во на после перед при за из-за когда пока что чтобы и или но а однако не ни без "
            "сообщил сообщила сообщили заявил заявила заявили против"
        )
    ),
}
#: Prepositions that may stand inside a figure's stretch when a determiner follows them
#: ("two people in a car were shot"), but not otherwise ("three years after ...").
_PLACE_PREPOSITIONS = frozenset(words("in at on inside outside near from"))
_DETERMINERS = frozenset(words("a an the his her their its"))
#: Words that may stand between a trigger and its object figure ("killing another two").
_OBJECT_GAP = frozenset(
    words("another a total of an additional all the his her their ещё еще всего более")
)
_MAX_GAP_WORDS = 8
_MAX_WEAK_GAP_WORDS = 3
_GAP_WORD = re.compile(r"[^\W_](?:[\w’'-]*\w)?|[^\w\s]")
_OBJECT_PERSON = re.compile(
    r"\s+(?P<q>(?:his|her)\s+(?:[\w-]+\s+)?"
    + EN_PERSON
    + r"|(?:his|her)\s+(?:\w+-)?(?:wife|husband|son|daughter|mother|father|girlfriend|"
    r"boyfriend|brother|sister|friend|cousin|uncle|aunt|nephew|niece|grandson|granddaughter)"
    r"|(?-i:(?:\d+-year-old\s+)?[A-Z][a-zA-Z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+){1,2})"
    r"|(?:another|one\s+other)(?=\s*(?:[.,;:]|$)|\s+(?:and|in|at|on|during|before|after|"
    r"when|while|as|who)\b)|him(?:self)?|her(?:self)?)\b(?!['’])",
    re.IGNORECASE,
)
_OBJECT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|their|him|them|its)\b", re.IGNORECASE)
#: "And" right between a person and a figure, possibly with a possessive: "and (her) three".
_AND_ALSO = re.compile(r"\s+and\s+(?:(?:his|her|their)\s+)?", re.IGNORECASE)
_AND = {
    "en": re.compile(r"(?:\s+[\w’'-]+){0,2}\s+and\s+"),
    "ru": re.compile(r"(?:\s+[\w-]+){0,2}\s+и\s+"),
}
#: A Russian singular verb with a singular person noun ("погиб мужчина") counts one person.
_RU_SINGULAR_VERBS = (
    r"погиб|погибла|убит|убита|застрелен|застрелена|скончался|скончалась|ранен|ранена|"
    r"пострадал|пострадала|задержан|задержана|арестован|арестована|депортирован|депортирована|"
    r"выслан|выслана"
)
_RU_SINGLE = re.compile(
    rf"(?<![\w-])(?:(?P<verb1>{_RU_SINGULAR_VERBS})\s+(?:[\w-]+\s+){{0,2}}?{RU_PERSON}"
    rf"|{RU_PERSON}\s+(?:[\w-]+\s+){{0,2}}?(?:был[аи]?\s+)?(?P<verb2>{_RU_SINGULAR_VERBS}))"
    rf"(?![\w-])",
    re.IGNORECASE,
)
_RU_SINGLE_CATEGORY: dict[str, Category] = {
    "погиб": "killed", "убит": "killed", "застрел": "killed", "скончал": "killed",
    "ранен": "injured", "пострадал": "injured", "задержан": "detained",
    "арестован": "detained", "депортирован": "deported", "выслан": "deported",
}  # fmt: skip


#: One person's death, from a name or a singular verb: "Watford died at the scene",
#: "Erica Robinson, a 26-year-old resident, was killed", "left Kelvin Watford dead", "the boy
#: who was shot Tuesday has died". Singular agreement ("was killed", "has died") says one.
_EN_NAME = r"(?-i:[A-Z][a-zA-Z’'-]+(?:\s+[A-Z][a-zA-Z’'-]+){0,2})"
_EN_DEATH = (
    r"was\s+(?:killed|pronounced\s+dead|found\s+dead|shot\s+(?:and\s+killed|to\s+death|dead)|"
    r"fatally\s+(?:shot|wounded|stabbed)|shot\s+(?:[\w-]+\s+){0,3}?and\s+(?:later\s+)?died)"
)
_EN_SINGLE = re.compile(
    rf"(?<![\w-])(?:(?P<name>{_EN_NAME})(?:,\s*[^,.;]{{1,60}},)?\s+(?:later\s+|eventually\s+|"
    rf"also\s+|then\s+)?(?:died|{_EN_DEATH})|left\s+(?P<object>{_EN_NAME})\s+dead|"
    rf"(?P<verb>(?:has|had)\s+(?:since\s+|now\s+|later\s+)?died|{_EN_DEATH}|"
    r"shot\s+(?:him|her)self\s+and\s+(?:later\s+)?died|"
    r"(?:claimed|took)\s+the\s+life\s+of)|"
    r"(?P<noun>(?:fatal|deadly)\s+(?:shooting|stabbing|gunshot\s+wound)|shooting\s+death|"
    rf"slain\s+(?:[\w-]+\s+)??{EN_PERSON}\b|"
    r"[\w-]+[’']s\s+(?:shooting\s+)?death(?!\s+(?:toll|penalty|rate|row|threats?)\b)))"
    r"(?![\w-])",
    re.IGNORECASE,
)
#: Capitalised words that open a sentence without naming one person ("Police were ...").
_NOT_A_NAME = frozenset(
    words(
        "police nobody everyone everybody someone somebody many several some others both all "
        "none neither who it they we this that there authorities officials investigators "
        "witnesses family relatives"
    )
)


#: A subject that tells no one in particular: "the army denied that anyone was killed".
_ANYONE_BEFORE = re.compile(r"\b(?:anyone|anybody|whoever)\s+$", re.IGNORECASE)


def _en_singles(text: str, start: int, end: int, found: list[CountFinding]) -> list[CountFinding]:
    """One person killed, from a name or a singular verb (see :data:`_EN_SINGLE`), when the
    sentence gives no other figure of the dead."""
    if any(f.category == "killed" for f in found):
        return []
    for match in _EN_SINGLE.finditer(text, start, end):
        name = match.group("name") or match.group("object")
        first = name.split()[0].lower() if name else ""
        if first in _NOT_A_NAME or first in EN_WORDS:
            continue
        if match.group("verb") and _ANYONE_BEFORE.search(text, start, match.start()):
            continue  # "denied that anyone was killed": no death is told
        count = Count(1, 1, 1, match.group(), Span(match.start(), match.end()))
        return [CountFinding("killed", count)]
    return []


def _gap_words(text: str) -> list[str]:
    return _GAP_WORD.findall(text)


def _gap_ok(gap: str, language: str, weak: bool) -> bool:
    """Whether the words between a figure and a later trigger keep them in one clause."""
    tokens = _gap_words(gap)
    if len(tokens) > (_MAX_WEAK_GAP_WORDS if weak else _MAX_GAP_WORDS):
        return False
    breakers = _BREAKERS[language]
    for index, word in enumerate(tokens):
        lower = word.lower()
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if lower in _PLACE_PREPOSITIONS and following in _DETERMINERS and not weak:
            continue
        if lower in breakers or not (word[0].isalnum() or word in "’'"):
            return False
        if lower in EN_WORDS or lower.isdigit() or lower in RU_WORDS:
            return False  # another figure stands in between
    return True


def _triggers(text: str, start: int, end: int, language: str) -> list[_Trigger]:
    found = []
    for match in _TRIGGERS[language].finditer(text, start, end):
        group = match.lastgroup or ""
        found.append(
            _Trigger(
                category=cast(Category, group.split("_", 1)[0]),
                start=match.start(),
                end=match.end(),
                takes_object=group.endswith("_obj"),
                toll=group.endswith("_toll"),
            )
        )
    return found


def _finding(text: str, category: Category, quantity: Quantity, trigger: _Trigger) -> CountFinding:
    start, end = min(quantity.start, trigger.start), max(quantity.end, trigger.end)
    count = Count(quantity.low, quantity.high, quantity.exact, text[start:end], Span(start, end))
    return CountFinding(category, count)


def _conjoined(
    text: str, first: Quantity | None, second: Quantity | None, language: str
) -> Quantity | None:
    """ "Three men and two women", "he and three others": one figure, the sum of both."""
    if first is None or second is None:
        return None
    if not _AND[language].fullmatch(text, first.end, second.start):
        return None
    exact = None if first.exact is None or second.exact is None else first.exact + second.exact
    high = None if first.high is None or second.high is None else first.high + second.high
    return Quantity(first.low + second.low, high, exact, first.start, second.end)


def _object_gap_word(word: str) -> bool:
    """A word that may stand between a trigger and its object figure: "killing another two",
    "killed his ex-girlfriend's two daughters"."""
    lower = word.lower()
    return lower in _OBJECT_GAP or lower.endswith(("'s", "’s"))


def _object_figure(
    text: str,
    trigger: _Trigger,
    quantities: list[Quantity],
    later: list[_Trigger],
    language: str,
    end: int,
) -> Quantity | None:
    """The figure a trigger takes as its object ("killing three", "shot himself").

    ``later`` are the triggers after this one: a figure right before one of them is its
    subject, not this trigger's object ("1 killed 3 injured").
    """
    if language == "en" and trigger.takes_object:
        match = _OBJECT_PERSON.match(text, trigger.end, end)
        if match:
            one = Quantity(1, 1, 1, match.start("q"), match.end("q"))
            more = next((q for q in quantities if q.start > one.end and not q.weak), None)
            if more is None or not _AND_ALSO.fullmatch(text, one.end, more.start):
                return one
            # "her husband and three sons": one figure, the sum
            high = None if more.high is None else more.high + 1
            exact = None if more.exact is None else more.exact + 1
            return Quantity(more.low + 1, high, exact, one.start, more.end)
    max_gap = 5 if trigger.toll else 2
    quantity = next((q for q in quantities if q.start >= trigger.end), None)
    if quantity is None or (quantity.weak and not quantity.noun):
        return None
    gap_words = _gap_words(text[trigger.end : quantity.start])
    if len(gap_words) > (0 if quantity.weak else max_gap):
        return None
    if not trigger.toll and not all(_object_gap_word(w) for w in gap_words):
        return None
    if UNIT.match(text, quantity.end, end):
        return None
    if any(_gap_ok(text[quantity.end : t.start], language, False) for t in later):
        return None
    if trigger.toll and text[quantity.start : quantity.end].lower().startswith(("до ", "to ")):
        # "rose to 14" reaches 14; it is not "up to 14"
        top = quantity.high or 1
        return Quantity(top, top, top, quantity.start, quantity.end)
    following = (q for q in quantities if q.start > quantity.end and not q.weak)
    return _conjoined(text, quantity, next(following, None), language) or quantity


def _subject_trigger(
    text: str,
    quantity: Quantity,
    triggers: list[_Trigger],
    with_object: set[int],
    others: list[Quantity],
    language: str,
    end: int,
) -> _Trigger | None:
    """The trigger a figure is the subject of: the next one, if nothing breaks the clause, no
    other figure stands between, and it has no object of its own ("two men shot *a clerk*"
    says nothing about the two)."""
    for index, trigger in enumerate(triggers):
        if trigger.start < quantity.end:
            continue
        has_object = trigger.takes_object and _OBJECT_AFTER.match(text, trigger.end, end)
        between = any(quantity.end <= q.start < trigger.start for q in others)
        if index in with_object or has_object or between:
            return None
        gap = text[quantity.end : trigger.start]
        if not _gap_ok(gap, language, quantity.weak):
            return None
        return _past_the_noun(text, quantity, trigger, triggers[index + 1 :], language) or trigger
    return None


#: A Russian participle used as the noun a figure counts ("двое *задержанных*", "трое раненых").
_RU_PARTICIPLE_NOUN = re.compile(r"\w+(?:ых|их)", re.IGNORECASE)


def _past_the_noun(
    text: str, quantity: Quantity, noun: _Trigger, later: list[_Trigger], language: str
) -> _Trigger | None:
    """In "двое задержанных были депортированы" the participle names who the two are; what
    happens to them is the verb after it. None when no such verb follows in the clause, so
    that "двое задержанных" alone stays two detained."""
    if language != "ru" or text[quantity.end : noun.start].strip():
        return None
    if not _RU_PARTICIPLE_NOUN.fullmatch(text, noun.start, noun.end):
        return None
    verb = next((t for t in later if t.start >= noun.end), None)
    if verb is None or verb.category == noun.category:
        return None
    return verb if _gap_ok(text[noun.end : verb.start], language, quantity.weak) else None


def _generic(quantity: Quantity) -> bool:
    """A bare plural ("children killed", "people are being killed"): as the dead of one
    incident it is too often a general statement ("no more kids killed by unsecured guns")."""
    return quantity.weak and quantity.noun and quantity.exact is None


def _zero_findings(text: str, start: int, end: int, language: str) -> list[CountFinding]:
    findings = []
    for match in _ZEROS[language].finditer(text, start, end):
        category = cast(Category, match.lastgroup)
        count = Count(0, 0, 0, match.group(), Span(match.start(), match.end()))
        findings.append(CountFinding(category, count))
    return findings


def _special_findings(text: str, start: int, end: int, language: str) -> list[CountFinding]:
    """Figures stated by a single word (see the module docstring)."""
    findings = []
    for match in _SPECIAL[language].finditer(text, start, end):
        groups = match.groupdict()
        span = Span(match.start(), match.end())
        category: Category = "killed"
        if groups.get("mult"):
            value = _MULTIPLES[groups["mult"].lower()[: 5 if language == "ru" else None]]
            count = Count(value, value, value, match.group(), span)
            category = "killed" if groups.get("mk") else "shot"
        elif groups.get("sent"):
            said = groups["sent"].lower()
            value = 1 if said in ("a", "an") else number_value(said, language)
            count = Count(value, value, value, match.group(), span)
            category = "shot"
        elif groups.get("charges"):
            count = Count(
                number_value(groups["charges"], language), None, None, match.group(), span
            )
        elif groups.get("ord"):
            count = Count(_ORDINALS[groups["ord"].lower()], None, None, match.group(), span)
        elif groups.get("homicide") or groups.get("self"):
            count = Count(1, 1, 1, match.group(), span)
        else:  # murder-suicide: the victim and the killer
            count = Count(2, None, None, match.group(), span)
        findings.append(CountFinding(category, count))
    return findings


def _ru_singles(text: str, start: int, end: int, found: list[CountFinding]) -> list[CountFinding]:
    """One person, from a Russian singular verb and noun ("задержан подозреваемый")."""
    taken = {f.category for f in found}
    singles = []
    for match in _RU_SINGLE.finditer(text, start, end):
        verb = (match.group("verb1") or match.group("verb2")).lower()
        category = next(c for stem, c in _RU_SINGLE_CATEGORY.items() if verb.startswith(stem))
        if category not in taken:
            count = Count(1, 1, 1, match.group(), Span(match.start(), match.end()))
            singles.append(CountFinding(category, count))
    return singles


def find_counts(text: str, start: int, end: int, language: str) -> list[CountFinding]:
    """Figures stated in ``text[start:end]`` (one sentence), with absolute spans.

    ``language`` picks the word lists ("en" or "ru"); other languages get no figures, because a
    wrong figure is worse than none.
    """
    if language not in _TRIGGERS:
        return []
    findings = _zero_findings(text, start, end, language)
    findings.extend(_special_findings(text, start, end, language))
    triggers = _triggers(text, start, end, language)
    if not triggers:
        return findings + (_en_singles(text, start, end, findings) if language == "en" else [])
    zeros = [f.count.span for f in findings if f.count.span is not None and f.count.low == 0]
    quantities = [
        q
        for q in find_quantities(text, start, end, language)
        if not any(z.start <= q.start < z.end for z in zeros)
    ]
    used: set[int] = set()
    with_object: set[int] = set()
    for index, trigger in enumerate(triggers):
        if not (trigger.takes_object or trigger.toll):
            continue
        later = [t for t in triggers[index + 1 :] if t.start >= trigger.end]
        figure = _object_figure(text, trigger, quantities, later, language, end)
        if figure is not None:
            findings.append(_finding(text, trigger.category, figure, trigger))
            used.add(figure.start)
            with_object.add(index)
    previous: Quantity | None = None  # the last figure that found no trigger of its own
    for quantity in quantities:
        if quantity.start in used:
            continue
        subject = _conjoined(text, previous, quantity, language) or quantity
        verb = _subject_trigger(text, quantity, triggers, with_object, quantities, language, end)
        if verb is not None and not (verb.category == "killed" and _generic(subject)):
            findings.append(_finding(text, verb.category, subject, verb))
        previous = None if verb is not None else quantity
    if language == "ru":
        findings.extend(_ru_singles(text, start, end, findings))
    else:
        findings.extend(_en_singles(text, start, end, findings))
    return findings
