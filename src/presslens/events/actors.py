"""Who did it, to whom, and which group the victims belong to.

Participants are found from lexicons of group nouns ("security forces", "militants",
"силовики", "мирные жители"), each with a normalised kind close to ACLED's actor types and
PLOVER's sectors. A mention's text grows leftwards over its modifiers ("unidentified gunmen",
"Russian security forces"). Roles come from the clause around the event's trigger: the agent of
a passive ("killed by militants") or the subject of an active verb is the actor, the object or
passive subject the target; when the clause does not tell, the kind decides (security forces act,
civilians are acted upon).

Victims' groups are what the text says about ethnicity, nationality, citizenship or religion
("two ethnic Azerbaijanis, one of them a Russian citizen", "граждане Узбекистана").
"""

from __future__ import annotations

import re

from presslens.document import Span
from presslens.events.model import Mention

#: Kinds that usually do the acting, and kinds that are usually acted upon.
ACTOR_KINDS = frozenset({"state_security", "military", "government", "armed_group", "perpetrator"})
TARGET_KINDS = frozenset({"civilians", "protesters", "journalists", "migrants", "detainees"})


def _lexicon(pairs: dict[str, str]) -> re.Pattern[str]:
    """One pattern with a named group per kind; Russian stems run on, English words end."""
    parts = [rf"(?P<{kind}>{body})" for kind, body in pairs.items()]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


_PARTICIPANTS: dict[str, re.Pattern[str]] = {
    "en": _lexicon(
        {
            "state_security": r"police(?:\s+officers?|m[ae]n|wom[ae]n)?|officers?|cops?|"
            r"deput(?:y|ies)|sheriff(?:'s\s+office)?|troopers?|security\s+(?:forces|services|"
            r"officers|agents|personnel)|special\s+forces|riot\s+police|national\s+guard|"
            r"gendarm(?:es?|erie)|border\s+guards?|intelligence\s+(?:services?|agents?|"
            r"officers?)|fsb|sbu|kgb|omon|rosgvardia|law\s+enforcement|agents",
            "military": r"soldiers?|troops|army|military|armed\s+forces|servicem[ae]n|marines|"
            r"paratroopers?|navy|air\s+force|forces",
            "government": r"government|ministry|ministers?|authorities|officials?|president|"
            r"prime\s+minister|court|judge|prosecutors?|parliament|kremlin|administration|"
            r"mayor|governor|embassy|diplomats?|state\s+department|foreign\s+office",
            "armed_group": r"militants?|rebels?|insurgents?|guerrill?as?|separatists?|"
            r"terrorists?|jihadists?|militias?|militiamen|paramilitar(?:y|ies)|gangs?|"
            r"gang\s+members?|extremists?|islamists?|taliban|hamas|hezbollah|al-qaeda|isis|isil|"
            r"islamic\s+state|boko\s+haram|death\s+squads?|shining\s+path|sendero\s+luminoso|farc|"
            r"eln|fmln|urng|mrta|m-19|contras|medell[ií]n\s+cartel|cali\s+cartel|extraditables|"
            r"ira|eta|pkk|al-shabaab|wagner",
            "perpetrator": r"gunm[ae]n|shooters?|attackers?|assailants?|suspects?|killers?|"
            r"perpetrators?|snipers?|bombers?|hijackers?|kidnappers?|abductors?|robbers?|"
            r"intruders?",
            "protesters": r"protesters?|demonstrators?|activists?|marchers?|"
            r"opposition\s+supporters?",
            "journalists": r"journalists?|reporters?|photographers?|bloggers?|media\s+workers?",
            "migrants": r"migrants?|refugees?|asylum[-\s]seekers?|immigrants?",
            "detainees": r"prisoners?|inmates?|detainees?|hostages?",
            "civilians": r"civilians?|residents?|people|villagers?|passers-?by|bystanders?|"
            r"shoppers?|worshipp?ers?|students?|child(?:ren)?|kids?|famil(?:y|ies)|m[ae]n|"
            r"wom[ae]n|boys?|girls?|teen(?:ager)?s?|toddlers?|bab(?:y|ies)|infants?|victims?|"
            r"passengers?|customers?|pedestrians?|patients?|farmers?|workers?|peasants?|traders?|"
            r"vendors?|merchants?|shopkeepers?",
        }
    ),
    "ru": _lexicon(
        {
            "state_security": r"полици\w*|полицейск\w*|силовик\w*|фсб|омон\w*|росгварди\w*|"
            r"спецназ\w*|пограничник\w*|сотрудник\w*\s+(?:полиции|фсб|мвд|дпс|гибдд|спецслужб|"
            r"силовых\s+структур|правоохранительных\s+органов)|мвд|правоохранител\w*|"
            r"спецслужб\w*|оперативник\w*|сбу|кгб",
            "military": r"военн(?:ые|ых|ыми|ым)|военнослужащ\w*|солдат\w*|арми(?:я|и|ю|ей)|"
            r"войск\w*|всу|десантник\w*|морпех\w*|минобороны",
            "government": r"правительств\w*|министерств\w*|министр\w*|власт(?:и|ей|ям|ями)|"
            r"мид|кремл\w*|президент\w*|суд(?:а|ом|е|ы)?|прокуратур\w*|прокурор\w*|"
            r"администраци\w*|губернатор\w*|посольств\w*|чиновник\w*|дипломат\w*",
            "armed_group": r"боевик\w*|повстанц\w*|террорист\w*|сепаратист\w*|экстремист\w*|"
            r"ополченц\w*|бандит\w*|группировк\w*|радикал\w*|джихадист\w*",
            "perpetrator": r"стрелк(?:а|ом|и|ов)|стрел[оа]к|нападавш\w*|злоумышленник\w*|"
            r"подозреваем\w*|убийц\w*|преступник\w*|смертник\w*|похитител\w*",
            "protesters": r"протестующ\w*|демонстрант\w*|активист\w*|митингующ\w*|"
            r"оппозиционер\w*",
            "journalists": r"журналист\w*|корреспондент\w*|репорт[её]р\w*|блогер\w*|фотограф\w*",
            "migrants": r"мигрант\w*|беженц\w*|иммигрант\w*|переселенц\w*",
            "detainees": r"заключ[её]нн\w*|арестант\w*|пленн\w*|военнопленн\w*|заложник\w*",
            "civilians": r"мирн\w*\s+жител\w*|жител\w*|люд(?:и|ей|ям|ьми)|человек|мужчин\w*|"
            r"женщин\w*|дет(?:и|ей|ям|ьми)|реб[её]н\w*|подростк\w*|подросток|пассажир\w*|"
            r"прохож\w*|школьник\w*|студент\w*|пенсионер\w*|сельчан\w*|"
            r"гражданск\w*\s+(?:лиц|населени)\w*",
        }
    ),
}

#: Words a mention may grow leftwards over ("unidentified gunmen", "riot police").
_MODIFIER = {
    "en": re.compile(
        r"(?:unidentified|unknown|armed|heavily|masked|hooded|suspected|alleged|urban|rural|"
        r"leftist|rightist|left-wing|right-wing|radical|local|federal|state|"
        r"government|pro-government|pro-\w+|anti-\w+|rebel|opposition|foreign|regional|"
        r"several|two|three|four|five|many|[A-Z][\w'’.-]*)$"
    ),
    "ru": re.compile(r"(?:[\w-]+(?:ые|ие|ых|их|ыми|ими|ый|ий|ой|ая|ое|ую|ого|его|ому|ым|им))$"),
}
_ARMED = re.compile(r"\b(?:armed|masked|hooded|вооруж[её]нн\w*|неизвестн\w*|в\s+масках)", re.I)
_LEFT_WORD = re.compile(r"([\w'’.-]+)\s+$")
_DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its"]
)


def _grow_left(text: str, start: int, floor: int, language: str) -> int:
    """Start of a mention once its modifiers are included (at most three words)."""
    modifier = _MODIFIER.get(language, _MODIFIER["en"])
    for _ in range(3):
        match = _LEFT_WORD.search(text, floor, start)
        if not match or match.end() != start:
            break
        word = match.group(1)
        if word.lower() in _DETERMINERS or not modifier.match(word):
            break
        start = match.start(1)
    return start


def find_participants(text: str, start: int, end: int, language: str) -> list[Mention]:
    """Group mentions in ``text[start:end]`` with their kinds, in text order."""
    pattern = _PARTICIPANTS.get(language)
    if pattern is None:
        return []
    mentions = []
    for match in pattern.finditer(text, start, end):
        kind = match.lastgroup or "unknown"
        left = _grow_left(text, match.start(), start, language)
        if kind == "civilians" and _ARMED.search(text, left, match.start()):
            kind = "perpetrator"  # "armed men", "masked people"
        span = Span(left, match.end())
        mentions.append(Mention(text=text[left : match.end()], kind=kind, span=span))
    return mentions


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got|get)\s+(?:\w+ly\s+)?$", re.I)
_AGENT_GAP = {
    "en": re.compile(r"^(?:[\s\w,'’-]{0,60}?)\bby\s+(?:the\s+|a\s+|an\s+)?$", re.I),
    "ru": re.compile(r"^\s*(?:[\w-]+\s+){0,3}$"),
}
_PASSIVE_OPENING = re.compile(r"(?:was|were|been|being|got)\s", re.I)
_RU_PASSIVE_TRIGGER = re.compile(r"\w+(?:ан|ен|ян|ит|ыт)(?:а|о|ы)?$", re.I)
_RU_INSTRUMENTAL = re.compile(r"\w+(?:ами|ями|ом|ем|ой|ей)$", re.I)
_CLAUSE_BREAK = re.compile(r"[;:—–]|,\s+(?:and|but|while|which|who|что|который|которые)\b", re.I)


def _same_clause(text: str, a: int, b: int) -> bool:
    return _CLAUSE_BREAK.search(text, a, b) is None


def _is_passive(text: str, sentence: Span, trigger: Span, language: str) -> bool:
    if language == "ru":
        return bool(_RU_PASSIVE_TRIGGER.match(text, trigger.start, trigger.end))
    before = text[max(sentence.start, trigger.start - 30) : trigger.start]
    # A trigger may carry its auxiliary itself ("were wounded", "was shot and killed").
    return bool(_PASSIVE_BEFORE.search(before) or _PASSIVE_OPENING.match(text, trigger.start))


def _agent(text: str, mentions: list[Mention], trigger: Span, language: str) -> Mention | None:
    """The agent of a passive: "killed by militants", "задержаны сотрудниками полиции"."""
    for mention in mentions:
        if mention.span is None or mention.span.start < trigger.end:
            continue
        gap = text[trigger.end : mention.span.start]
        if language == "ru":
            first_word = mention.text.split()[0]
            if _AGENT_GAP["ru"].match(gap) and _RU_INSTRUMENTAL.match(first_word):
                return mention
        elif _AGENT_GAP["en"].match(gap):
            return mention
    return None


def assign_roles(
    text: str, sentence: Span, trigger: Span, language: str, exclude: Span | None = None
) -> tuple[Mention | None, Mention | None]:
    """Actor and target of the event whose trigger is ``trigger``, as far as the text says.

    ``exclude`` is the source the sentence cites ("the ministry said"): who tells of an event
    is not one of its participants.
    """
    mentions = [
        m
        for m in find_participants(text, sentence.start, sentence.end, language)
        if exclude is None or m.span is None or not m.span.overlap(exclude)
    ]
    if not mentions:
        return None, None
    before = [
        m
        for m in mentions
        if m.span is not None
        and m.span.end <= trigger.start
        and _same_clause(text, m.span.end, trigger.start)
    ]
    after = [
        m
        for m in mentions
        if m.span is not None
        and m.span.start >= trigger.end
        and _same_clause(text, trigger.end, m.span.start)
    ]
    actor: Mention | None
    target: Mention | None
    if _is_passive(text, sentence, trigger, language):
        actor = _agent(text, after, trigger, language)
        target = before[-1] if before else None
        if target is None and language == "ru":
            target = next((m for m in after if m is not actor), None)
    else:
        actor = before[-1] if before else None
        target = after[0] if after else None
    return _by_kind(mentions, actor, target)


def _by_kind(
    mentions: list[Mention], actor: Mention | None, target: Mention | None
) -> tuple[Mention | None, Mention | None]:
    """Fill an empty role from the kinds, and swap roles the kinds make implausible."""
    if (
        actor is not None
        and target is not None
        and actor.kind in TARGET_KINDS
        and target.kind in ACTOR_KINDS
        and target.kind != "government"
    ):
        actor, target = target, actor
    if actor is None:
        actor = next((m for m in mentions if m.kind in ACTOR_KINDS and m is not target), None)
    if target is None:
        target = next((m for m in mentions if m.kind in TARGET_KINDS and m is not actor), None)
    return actor, target


# ------------------------------------------------------------------------ victims' groups

_EN_DEMONYMS = (
    "Afghan|Albanian|Algerian|American|Armenian|Avar|Azerbaijani|Azeri|Baloch|Bangladeshi|"
    "Bashkir|Belarusian|Bosnian|British|Burmese|Buryat|Chechen|Chinese|Circassian|Colombian|"
    "Croatian|Cuban|Dagestani|Egyptian|Eritrean|Estonian|Ethiopian|Filipino|Finnish|French|"
    "Georgian|German|Guatemalan|Haitian|Hazara|Honduran|Hungarian|Indian|Indonesian|Ingush|"
    "Iranian|Iraqi|Israeli|Japanese|Jordanian|Kabardian|Kalmyk|Kazakh|Korean|Kosovar|Kurdish|"
    "Kyrgyz|Latvian|Lebanese|Lezgin|Libyan|Lithuanian|Malian|Mexican|Moldovan|Moroccan|"
    "Nigerian|Pakistani|Palestinian|Pashtun|Polish|Roma|Romanian|Russian|Rohingya|Salvadoran|"
    "Saudi|Serbian|Somali|Sudanese|Syrian|Tajik|Tatar|Crimean Tatar|Thai|Tibetan|Tunisian|"
    "Turkish|Turkmen|Ukrainian|Uyghur|Uighur|Uzbek|Venezuelan|Vietnamese|Yakut|Yemeni"
)
_EN_GROUP_NOUNS = (
    r"people|m[ae]n|wom[ae]n|migrants?|workers?|students?|famil(?:y|ies)|child(?:ren)?|"
    r"refugees?|journalists?|activists?|civilians?|tourists?|residents?|minority|"
    r"communit(?:y|ies)|villagers?|soldiers?|servicem[ae]n|prisoners?|detainees?|boys?|girls?|"
    r"teenagers?|pensioners?|Muslims|Christians"
)
_RELIGION_EN = (
    r"Muslims?|Christians?|Jews|Jewish|Hindus?|Buddhists?|Sikhs?|Catholics?|Protestants?|"
    r"Orthodox(?:\s+Christians?)?|Shi(?:a|'ite|ite)s?|Sunnis?|Alawites?|Ahmadis?|Yazidis?|"
    r"Jehovah's\s+Witness(?:es)?|Baha'?is?|Baptists?|Pentecostals?"
)
_RU_ETHNONYMS = (
    r"азербайджан(?:ец|цы|цев|цам|цами|ка|ки)|узбек(?:и|ов|ам|ами|ка|чка)?|"
    r"таджик(?:и|ов|ам|ами|чка)?|киргиз(?:ы|ов|ам)?|кыргыз(?:ы|ов)?|казах(?:и|ов)?|"
    r"туркмен(?:ы|ов)?|чечен(?:ец|цы|цев|ка|ки)|ингуш(?:и|ей)?|дагестан(?:ец|цы|цев)|"
    r"армян(?:е|ин|ка|ки)?|грузин(?:ы|ка|ки)?|украин(?:ец|цы|цев|ка|ки|цам)|"
    r"россиян(?:е|ин|ка|ки)?|белорус(?:ы|ов|ка)?|молдаван(?:е|ин)?|"
    r"(?:крымск\w+\s+)?татар(?:ы|ин|ка)?|цыган(?:е|ин|ка)?|курд(?:ы|ов)?|уйгур(?:ы|ов)?|"
    r"афган(?:ец|цы|цев)|сирий(?:ец|цы|цев)|вьетнам(?:ец|цы|цев)|кита(?:ец|йцы|йцев)|"
    r"коре(?:ец|йцы|йцев)"
)
_RELIGION_RU = (
    r"мусульман\w*|христиан(?:е|ин|ка|ки)|евре(?:й|и|ев|ям|ями)|иуде\w+|православн(?:ые|ых)|"
    r"католик\w*|протестант\w*|буддист\w*|свидетел\w+\s+иеговы|шиит\w*|суннит\w*|баптист\w*|"
    r"пятидесятник\w*"
)

_GROUPS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "en": [
        ("ethnicity", re.compile(r"\bethnic\s+(?:[A-Z][\w'-]+\s+)?[A-Z][\w'-]+")),
        ("ethnicity", re.compile(rf"\bof\s+(?:{_EN_DEMONYMS})\s+(?:origin|descent)\b")),
        (
            "citizenship",
            re.compile(
                rf"\b(?:(?:{_EN_DEMONYMS}|dual)\s+)(?:citizens?|nationals?|"
                r"passport\s+holders?)\b|\bcitizens?\s+of\s+(?:the\s+)?[A-Z][\w-]+"
                r"(?:\s+[A-Z][\w-]+)?"
            ),
        ),
        ("religion", re.compile(rf"\b(?:{_RELIGION_EN})\b")),
        (
            "nationality",
            re.compile(
                rf"\b(?:{_EN_DEMONYMS})\s+(?:{_EN_GROUP_NOUNS})\b|"
                r"\b(?:Azerbaijanis|Azeris|Chechens|Uzbeks|Tajiks|Kurds|Uyghurs|Uighurs|Tatars|"
                r"Armenians|Georgians|Ukrainians|Russians|Kazakhs|Kyrgyz|Afghans|Syrians|"
                r"Palestinians|Hazaras|Pashtuns|Rohingya|Roma)\b"
            ),
        ),
    ],
    "ru": [
        (
            "ethnicity",
            re.compile(
                rf"(?<![\w-])(?:этническ\w+\s+\w+|по\s+национальности\s+\w+|"
                rf"(?:{_RU_ETHNONYMS})\s+по\s+национальности)",
                re.IGNORECASE,
            ),
        ),
        (
            "citizenship",
            re.compile(
                r"(?<![\w-])(?:граждан(?:ин|ка|е|ина|ки|ам|ами|ах|ку)?\s+"
                r"(?:[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?|рф)|"
                r"[\w-]+ск(?:ий|ая|ие|их|им|ого|ому|ими|ую)\s+граждан\w*|"
                r"подданн\w+\s+[А-ЯЁ][\w-]+)"
            ),
        ),
        ("religion", re.compile(rf"(?<![\w-])(?:{_RELIGION_RU})(?![\w-])", re.IGNORECASE)),
        (
            "nationality",
            re.compile(
                rf"(?<![\w-])(?:(?:{_RU_ETHNONYMS})(?![\w-])|уроженц?\w+\s+[А-ЯЁ][\w-]+|"
                r"выходц\w+\s+из\s+[А-ЯЁ][\w-]+(?:\s+[А-ЯЁ][\w-]+)?|"
                r"[\w-]+ск(?:ий|ая|ие|их|им|ого|ому|ими|ую)\s+(?:мигрант|рабоч|студент|журналист|"
                r"беженц|семь|жител|работник)\w*)",
                re.IGNORECASE,
            ),
        ),
    ],
}


def find_victims_groups(
    text: str, start: int, end: int, language: str, exclude: Span | None = None
) -> list[Mention]:
    """Ethnicity, nationality, citizenship and religion named in ``text[start:end]``.

    ``exclude`` is the actor's mention: "Russian security forces" says who acted, not who the
    victims were. A span claimed by one kind (citizenship) is not reported again as another.
    """
    found: list[Mention] = []
    taken: list[Span] = [exclude] if exclude is not None else []
    for kind, pattern in _GROUPS.get(language, []):
        for match in pattern.finditer(text, start, end):
            span = Span(match.start(), match.end())
            if any(span.overlap(other) for other in taken):
                continue
            taken.append(span)
            found.append(Mention(text=match.group(), kind=kind, span=span))
    found.sort(key=lambda m: m.span.start if m.span else 0)
    return found
