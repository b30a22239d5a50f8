"""The event types presslens reports, modelled on ACLED's event and sub-event types.

ACLED's six event types (battles, explosions/remote violence, violence against civilians,
protests, riots, strategic developments) are too coarse for what news about states and minorities
reports, and its 25 sub-types need context a sentence rarely gives. So the taxonomy keeps ACLED's
distinctions that a sentence *can* show (an air strike is not shelling, a raid is not an arrest)
and adds deportation, attacks on infrastructure (cyberattacks included), the shooting down of an
aircraft, agreements and official statements or accusations.

Each type has trigger patterns for English and Russian (stems, so that one pattern covers the
Russian cases and genders), an example sentence, and a rank: when a sentence has triggers of
several *violent* types, the most specific one (lowest rank) names the event, because "a drone
strike killed three" is an air/drone strike, not generic violence against civilians.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventType:
    """One event type: what it means, where it sits in ACLED, how a sentence shows it."""

    id: str
    label: str
    acled: str
    description: str
    example: str
    example_ru: str
    triggers: dict[str, re.Pattern[str]]
    violent: bool
    rank: int


def _pattern(*alternatives: str) -> re.Pattern[str]:
    r"""One case-insensitive pattern, whole words at the left edge (Russian stems run on)."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + ")", re.IGNORECASE)


_AIRCRAFT = (
    r"(?:plane|aircraft|airliner|jet|helicopter|drone|uav|fighter|bomber|"
    r"самол[её]т\w*|вертол[её]т\w*|беспилотник\w*|дрон\w*|истребител\w*|бомбардировщик\w*|"
    r"бпла|су-\d+|ил-\d+|ан-\d+|ми-\d+)"
)

#: "shot", "shooting" and "killed" that hurt nobody: "a mug shot", "a flu shot", "shooting
#: stars", "a shooting guard", "shooting a film", "killed the bill", "killing peace talks".
_NOT_A_GUNSHOT = "".join(
    f"(?<!{w} )" for w in ("mug", "flu", "long", "booster", "vaccine", "photo", "big", "jump")
)
_NOT_AT_PEOPLE = (
    r"(?!\s+(?:stars?|guards?|galler(?:y|ies)|schedules?|hoops|baskets?|the\s+breeze"
    r"|(?:a|the|his|her|their)\s+(?:films?|movies?|videos?|photos?|pictures?|scenes?))\b)"
)
_NOT_A_LIFE = (
    r"(?!\s+(?:(?:the|a|any|its|their|his|her|peace)\s+)?(?:time|deals?|bills?|talks|proposals?"
    r"|ideas?|plans?|mood|momentum|engines?|lights?|buzz|jokes?|rumou?rs?)\b)"
)
#: A "protest" that is a diplomatic act, not a crowd: "lodged a formal protest", "a protest
#: note", "МИД заявил протест", "вручили ноту протеста". The statement type reads those.
_RALLY_FREE = ("lodged a", "lodged an", "formal", "diplomatic", "официальный", "решительный")
_NOT_A_RALLY = "".join(
    f"(?<!{w} )"
    for w in (
        *_RALLY_FREE,
        *(f"нот{end}" for end in ("у", "а", "ы", "ой")),
        *(f"{verb}{end}" for verb in ("заявил", "выразил") for end in ("", "а", "о", "и")),
    )
)

TYPES: tuple[EventType, ...] = (
    EventType(
        id="aircraft_downing",
        label="Shooting down of an aircraft",
        acled="Explosions/Remote violence (no sub-type); Strategic developments",
        description="An aircraft or drone is shot down or brought down by weapons.",
        example="Air defence units shot down a military transport plane over the border region.",
        example_ru="Силы ПВО сбили военно-транспортный самолёт над приграничным районом.",
        triggers={
            "en": _pattern(
                r"(?:shot|shoots|shoot|shooting|brought|bring|brings)\s+down\s+(?:[\w-]+\s+){0,4}"
                + _AIRCRAFT,
                _AIRCRAFT + r"s?\s+(?:was|were|had been|has been)\s+(?:\w+\s+)?"
                r"(?:shot|brought)\s+down",
                r"downing\s+of",
                r"downed\s+(?:\w+\s+){0,2}" + _AIRCRAFT,
            ),
            "ru": _pattern(
                r"сбит\w*\s+(?:[\w-]+\s+){0,3}" + _AIRCRAFT,
                _AIRCRAFT + r"\s+(?:[\w-]+\s+){0,3}(?:был\w*\s+)?сбит\w*",
                r"сбил\w*\s+(?:[\w-]+\s+){0,3}" + _AIRCRAFT,
                r"уничтожени\w+\s+" + _AIRCRAFT,
            ),
        },
        violent=True,
        rank=0,
    ),
    EventType(
        id="air_drone_strike",
        label="Air or drone strike",
        acled="Explosions/Remote violence: Air/drone strike",
        description="Bombs or missiles delivered from aircraft or drones.",
        example="A drone strike on the village killed two farmers on Tuesday.",
        example_ru="В результате удара беспилотника по селу погибли два фермера.",
        triggers={
            "en": _pattern(
                r"air\s*strikes?",
                r"air\s*raids?",
                r"drone\s+(?:strike|attack)s?",
                r"warplanes?",
                r"aerial\s+(?:bombardment|bombing|attack)s?",
                r"kamikaze\s+drones?",
                r"drones?\s+(?:hit|struck|attacked)",
                r"bombed\s+from\s+the\s+air",
            ),
            "ru": _pattern(
                r"авиаудар\w*",
                r"авиана[лл][её]т\w*",
                r"(?:удар\w*|атак\w*|налет\w*|налёт\w*)\s+(?:\w+\s+)?(?:беспилотник\w*|дрон\w*|бпла)",
                r"(?:беспилотник\w*|дрон\w*)\s+(?:\w+\s+)?(?:атаковал\w*|удар\w*|ударил\w*)",
                r"бомбардировк\w*",
                r"авиаци\w+\s+нанес\w*",
            ),
        },
        violent=True,
        rank=1,
    ),
    EventType(
        id="shelling",
        label="Shelling, artillery or missile attack",
        acled="Explosions/Remote violence: Shelling/artillery/missile attack",
        description="Artillery, mortars, rockets or missiles fired from the ground or sea.",
        example="Artillery shelled the outskirts of the town overnight, damaging a school.",
        example_ru="Ночью артиллерия обстреляла окраины города, повреждена школа.",
        triggers={
            "en": _pattern(
                r"shell(?:ing|ed|s)\b",
                r"artillery",
                r"mortars?\b",
                r"rockets?\s+(?:fire|attack|strike)s?",
                r"rocket-fire",
                r"missiles?\s+(?:strike|attack|hit|struck)s?",
                r"missile\s+strikes?",
                r"barrages?",
            ),
            "ru": _pattern(
                # The noun ("обстрел") is shelling; the verb alone ("были обстреляны", came under
                # fire) is any shooting and is an armed clash unless artillery is named.
                r"обстрел(?:а|у|ом|е|ы|ов|ами|ах)?\b",
                r"артиллери\w*",
                r"мином[её]т\w*",
                r"ракетн\w+\s+удар\w*",
                r"ракет\w*\s+(?:\w+\s+)?(?:удар\w*|попал\w*)",
                r"рсзо",
                r"снаряд(?!ж)\w*",
            ),
        },
        violent=True,
        rank=2,
    ),
    EventType(
        id="bombing",
        label="Bombing or explosion",
        acled="Explosions/Remote violence: Remote explosive/landmine/IED; Suicide bomb; Grenade",
        description="An explosive device set off on the ground: bomb, IED, mine, grenade.",
        example="A car bomb exploded outside the police station, wounding twelve people.",
        example_ru="У здания полиции взорвался заминированный автомобиль, ранены 12 человек.",
        triggers={
            "en": _pattern(
                r"bomb(?:s|ed|ing|ings|er|ers)?\b",
                r"explosions?",
                r"explod(?:ed|es|ing)",
                r"explosives?",
                r"blasts?\b",
                r"ieds?\b",
                r"improvised\s+explosive",
                r"landmines?",
                r"grenades?",
                r"detonat(?:ed|es|ing)",
                r"dynamite",
            ),
            "ru": _pattern(
                r"взрыв\w*",
                r"взорвал\w*",
                r"взорван\w*",
                r"бомб(?!ардир)\w*",
                r"смертни\w+",
                r"самодельн\w+\s+взрывн\w+",
                r"сву\b",
                r"гранат\w*",
                r"фугас\w*",
                r"(?:мина|мины|мину|миной)\b",
            ),
        },
        violent=True,
        rank=3,
    ),
    EventType(
        id="armed_clash",
        label="Armed clash",
        acled="Battles: Armed clash",
        description="Armed, organised sides fighting each other (both sides shoot).",
        example="Government troops clashed with rebels near the border; five soldiers died.",
        example_ru="Правительственные войска вступили в бой с повстанцами у границы.",
        triggers={
            "en": _pattern(
                r"clash(?:es|ed)?\b",
                r"fighting\b(?!\s+for\s+(?:his|her|their|its|my|our)\s+li)",
                r"(?<!legal )(?<!court )(?<!custody )battles?\b",
                r"exchang(?:ed|e|ing)\s+(?:gun)?fire",
                r"shoot-?outs?",
                r"gun\s*fights?",
                r"gun\s+battles?",
                r"fire\s*fights?",
                r"skirmish(?:es)?",
                r"ambush(?:ed|es)?",
            ),
            "ru": _pattern(
                r"столкновени\w*",
                r"бо(?:й|я|ю|ем|и|ев|ях|ями)\b",
                r"сражени\w*",
                r"перестрелк\w*",
                r"обстрел(?:ял|ян)\w*",
                r"стычк\w*",
                r"засад\w*",
                r"вступил\w*\s+в\s+бой",
            ),
        },
        violent=True,
        rank=4,
    ),
    EventType(
        id="riot",
        label="Riot",
        acled="Riots: Violent demonstration; Mob violence",
        description="A crowd turns violent: rioting, looting, mob attacks.",
        example="Rioters set cars on fire and looted shops in the city centre overnight.",
        example_ru="Участники беспорядков поджигали машины и громили магазины в центре города.",
        triggers={
            "en": _pattern(
                r"riot(?:s|ed|ing|ers?)?\b",
                r"loot(?:ed|ing|ers)\b",
                r"mob\s+(?:violence|attack|attacked|beat)",
                r"lynch(?:ed|ing)?",
                r"pogroms?",
            ),
            "ru": _pattern(
                r"беспорядк\w*",
                r"погром\w*",
                r"мар[оа]д[её]р\w*",
                r"бунт\w*",
                r"самосуд\w*",
            ),
        },
        violent=True,
        rank=5,
    ),
    EventType(
        id="abduction",
        label="Abduction or forced disappearance",
        acled="Violence against civilians: Abduction/forced disappearance",
        description="People are kidnapped, taken hostage or disappeared.",
        example="Armed men kidnapped two aid workers on the road to the provincial capital.",
        example_ru="Вооружённые люди похитили двух сотрудников гуманитарной миссии.",
        triggers={
            "en": _pattern(
                r"kidnap(?:ped|ping|pings|pers?)?\b",
                r"abduct(?:ed|ion|ions|ing)?\b",
                r"taken\s+hostage",
                r"hostages?\b",
                r"forcibly\s+disappeared",
                r"enforced\s+disappearances?",
            ),
            "ru": _pattern(
                r"похи[щт]\w*",
                r"заложник\w*",
                r"насильственн\w+\s+исчезновен\w*",
            ),
        },
        violent=True,
        rank=6,
    ),
    EventType(
        id="violence_against_civilians",
        label="Attack (violence against civilians)",
        acled="Violence against civilians: Attack",
        description="People are shot, stabbed, beaten or killed by one side that meets no "
        "armed resistance; the catch-all for killings and shootings.",
        example="A gunman shot dead three shoppers at the market on Sunday.",
        example_ru="Неизвестный застрелил трёх покупателей на рынке в воскресенье.",
        triggers={
            "en": _pattern(
                rf"{_NOT_A_GUNSHOT}shot\b",
                rf"(?<!photo )(?<!video )(?<!film )shoot(?:s|ing|ings)?\b{_NOT_AT_PEOPLE}",
                r"gunfire",
                r"gunshots?",
                r"opened\s+fire",
                r"open\s+fire",
                r"gunm[ae]n\b",
                r"shooters?\b",
                r"stabb(?:ed|ing|ings)",
                r"murder(?:ed|s)?\b",
                r"homicides?",
                rf"kill(?:ed|ing|ings|s)?\b{_NOT_A_LIFE}",
                r"slain",
                r"massacre(?:d|s)?\b",
                r"summarily\s+executed",
                r"execution-style",
                r"beat(?:en)?\s+to\s+death",
                r"(?<!cyber )(?<!hacker )(?<!ddos )(?<!heart )attack(?:ed|s)?\b",
                r"assault(?:ed|s)?\b",
                r"gunned\s+down",
                # accidental and unaimed shootings: "fired his gun", "the rifle discharged",
                # "struck by a stray bullet", "wounding himself while hunting"
                r"fired\s+(?:(?:a|his|her|the|their|several|multiple|\d+)\s+)?"
                r"(?:guns?|shots?|rounds?|weapons?|rifles?|pistols?|handguns?|shotguns?)\b",
                r"(?:guns?|rifles?|pistols?|handguns?|shotguns?|weapons?|firearms?)\s+"
                r"(?:\w+\s+){0,2}discharg(?:ed|es|ing)\b",
                r"discharg(?:ed|es|ing)\s+(?:(?:a|his|her|the|their)\s+)?"
                r"(?:guns?|rifles?|pistols?|handguns?|shotguns?|weapons?|firearms?|rounds?|bullets?)",
                r"(?:struck|grazed|hit)\s+by\s+(?:a\s+)?(?:stray\s+)?(?:bullets?|gunfire)",
                r"(?:was|were|been|being|critically|seriously|fatally|mortally|badly)\s+wounded",
                r"wound(?:ed|ing)\s+(?:him|her|them|himself|herself|themselves|a|an|the|\d+"
                r"|two|three|four|five|six|several)\b",
            ),
            "ru": _pattern(
                r"убил\w*",
                r"убит\w*",
                r"убив\b",
                r"убийств\w*",
                r"застрел\w*",
                r"расстрел\w*",
                r"стрельб\w*",
                r"открыл\w*\s+огонь",
                r"напал\w*",
                r"нападени\w*",
                r"атаковал\w*",
                r"ранил\w*",
                r"ранив\b",
                r"ранен[аоы]?\b",
                r"выстрелил\w*",
                r"зарезал\w*",
                r"избил\w*",
                r"избиени\w*",
                r"казн[ие]\w*",
                r"резн\w*",
            ),
        },
        violent=True,
        rank=7,
    ),
    EventType(
        id="infrastructure_attack",
        label="Attack on infrastructure (incl. cyberattack)",
        acled="Strategic developments: Looting/property destruction (no cyber type in ACLED)",
        description="Sabotage, arson or a cyberattack against property or infrastructure.",
        example="Hackers launched a cyberattack that took the railway's ticket system offline.",
        example_ru="Хакеры провели кибератаку на систему продажи билетов железной дороги.",
        triggers={
            "en": _pattern(
                r"cyber-?\s?attacks?",
                r"cyber\s+attacks?",
                r"hack(?:ed|ers?|ing)\b",
                r"ddos",
                r"ransomware",
                r"sabotag(?:e|ed|ing)",
                r"saboteurs?",
                r"arson",
                r"set\s+fire\s+to",
                r"torched",
                r"derail(?:ed|ing|ment)",
                r"vandali[sz](?:ed|ing|m)",
            ),
            "ru": _pattern(
                r"кибератак\w*",
                r"хакер\w*",
                r"ddos",
                r"взлом\w*",
                r"диверси\w*",
                r"поджог\w*",
                r"подожгл?\w*",
                r"вандал\w*",
                r"сход\w*\s+(?:\w+\s+)?с\s+рельс",
            ),
        },
        violent=False,
        rank=8,
    ),
    EventType(
        id="raid",
        label="Raid or police operation",
        acled="Strategic developments: Other (raids that meet resistance are Battles)",
        description="Security forces search, storm or sweep a place.",
        example="Security services raided the offices of the newspaper early on Tuesday.",
        example_ru="Силовики провели обыски в редакции газеты во вторник утром.",
        triggers={
            "en": _pattern(
                r"raid(?:s|ed|ing)?\b",
                r"search(?:ed|es)\s+(?:the\s+)?(?:home|homes|house|houses|office|offices|"
                r"apartment|apartments|premises|flat)",
                r"(?:police|security|counter-?terrorism|special)\s+operations?",
                r"stormed",
                r"swoops?\b",
                r"crackdown",
            ),
            "ru": _pattern(
                r"обыск\w*",
                r"рейд\w*",
                r"спецопераци\w*",
                r"облав\w*",
                r"контртеррористическ\w+\s+операци\w*",
                r"штурм\w*",
                r"зачистк\w*",
                r"оперативно-розыскн\w+\s+мероприяти\w*",
            ),
        },
        violent=False,
        rank=9,
    ),
    EventType(
        id="arrest",
        label="Arrest or detention",
        acled="Strategic developments: Arrests",
        description="People are arrested, detained or taken into custody.",
        example="Police detained fifteen protesters outside the parliament building.",
        example_ru="Полиция задержала пятнадцать протестующих у здания парламента.",
        triggers={
            "en": _pattern(
                r"arrest(?:ed|s|ing)?\b",
                r"detain(?:ed|s|ing)?\b",
                r"detention",
                r"taken\s+into\s+custody",
                r"in\s+custody",
                r"apprehended",
                r"rounded\s+up",
                r"jailed",
            ),
            "ru": _pattern(
                r"задержа(?:н|л|ни|ть|ли|на|ны|но|ла|ва)\w*",
                r"задерж(?:ат|ит|им|ив)\w*",
                r"арест\w*",
                r"взят\w*\s+под\s+стражу",
                r"(?:заключ|помещ)[её]н\w*\s+под\s+стражу",
            ),
        },
        violent=False,
        rank=10,
    ),
    EventType(
        id="deportation",
        label="Deportation or expulsion",
        acled="Strategic developments: Other",
        description="People are deported, expelled or forcibly returned; diplomats expelled.",
        example="The authorities deported forty Uzbek migrants last week.",
        example_ru="Власти депортировали сорок узбекских мигрантов на прошлой неделе.",
        triggers={
            "en": _pattern(
                r"deport(?:ed|s|ing|ation|ations)?\b",
                r"expel(?:led|s|ling)?\b",
                r"expulsions?",
                r"persona\s+non\s+grata",
                r"forcibly\s+returned",
                r"ordered\s+to\s+leave\s+the\s+country",
            ),
            "ru": _pattern(
                r"депорт\w*",
                r"выдвор\w*",
                r"высыл\w*",
                r"выслан\w*",
                r"выслал\w*",
                r"выслать",
                r"персон\w+\s+нон\s+грата",
            ),
        },
        violent=False,
        rank=11,
    ),
    EventType(
        id="protest",
        label="Protest",
        acled="Protests: Peaceful protest; Protest with intervention",
        description="People gather to demonstrate, march, picket or strike.",
        example="Thousands of people rallied in the capital against the new language law.",
        example_ru="Тысячи человек вышли на митинг в столице против нового закона о языке.",
        triggers={
            "en": _pattern(
                rf"{_NOT_A_RALLY}protest(?:s|ed|ers?|ing)?\b(?!\s+notes?\b)",
                r"demonstrat(?:ion|ions|ors?)\b",
                r"rall(?:y|ies|ied)\b",
                r"(?-i:march(?:ed|es)?)\b",
                r"pickets?\b",
                r"sit-ins?",
                r"(?:went|go|going)\s+on\s+strike",
                r"(?:general|hunger)\s+strikes?",
                r"took\s+to\s+the\s+streets",
            ),
            "ru": _pattern(
                rf"{_NOT_A_RALLY}протест(?!ант)\w*",
                r"митинг\w*",
                r"демонстрац\w*",
                r"демонстрант\w*",
                r"пикет\w*",
                r"шестви\w*",
                r"забастовк\w*",
                r"голодовк\w*",
                r"вышл\w+\s+на\s+улиц\w*",
            ),
        },
        violent=False,
        rank=12,
    ),
    EventType(
        id="agreement",
        label="Agreement signed",
        acled="Strategic developments: Agreement",
        description="Parties sign or reach an agreement, treaty, ceasefire or deal.",
        example="The two governments signed a ceasefire agreement in Geneva on Friday.",
        example_ru="Правительства двух стран подписали соглашение о прекращении огня в Женеве.",
        triggers={
            "en": _pattern(
                r"sign(?:ed|s|ing)?\s+(?:\w+\s+){0,3}(?:agreement|deal|treaty|memorandum|accord|"
                r"protocol|ceasefire|truce)",
                r"reach(?:ed|es)?\s+(?:an?\s+)?(?:\w+\s+)?(?:agreement|deal|accord)",
                r"(?:peace|ceasefire)\s+(?:deal|agreement|accord)",
                r"ceasefire",
                r"truce",
            ),
            "ru": _pattern(
                r"подписал\w*\s+(?:\w+\s+){0,3}(?:соглашени\w*|договор\w*|меморандум\w*|"
                r"протокол\w*)",
                r"(?:заключил\w*|достигл\w*)\s+(?:\w+\s+)?(?:соглашени\w*|договор[её]нност\w*)",
                r"договорил\w*",
                r"перемири\w*",
                r"прекращени\w+\s+огня",
            ),
        },
        violent=False,
        rank=13,
    ),
    EventType(
        id="statement",
        label="Official statement or accusation",
        acled="Strategic developments: Other",
        description="An official body accuses, condemns, denies or protests (only when no other "
        "event is in the sentence and an official actor is named).",
        example="The foreign ministry accused the neighbouring state of staging the incident.",
        example_ru="МИД обвинил соседнее государство в организации провокации.",
        triggers={
            "en": _pattern(
                r"accus(?:ed|es|ing|ation|ations)\b",
                r"condemn(?:ed|s|ing)?\b",
                r"denounc(?:ed|es|ing)",
                r"blamed",
                r"summoned\s+(?:\w+\s+){0,3}ambassador",
                r"(?:protest|diplomatic)\s+note",
                r"(?:lodged|filed)\s+an?\s+(?:\w+\s+)?protest",
                r"issued\s+a\s+statement",
                r"demanded",
            ),
            "ru": _pattern(
                r"обвинил\w*",
                r"обвиня\w*",
                r"осудил\w*",
                r"(?:заявил|выразил)\w*\s+протест",
                r"нот\w+\s+протеста",
                r"вызвал\w*\s+посла",
                r"потребовал\w*",
                r"возложил\w*\s+ответственност\w*",
            ),
        },
        violent=False,
        rank=14,
    ),
)

BY_ID: dict[str, EventType] = {t.id: t for t in TYPES}

#: The types whose counts are casualties (killed, injured): where those figures attach.
VIOLENT_TYPES = frozenset(t.id for t in TYPES if t.violent)
#: The types that can have casualties: the violent ones, and a raid, which turns deadly when it
#: meets resistance ("в ходе спецоперации погибли два человека", "two died during the raid").
#: A sentence's figures go to its violent event first; a raid takes them when it is the only
#: one there, or the latest one before a sentence whose figures have no event of their own.
CASUALTY_TYPES = VIOLENT_TYPES | {"raid"}

#: Where a count category belongs when a sentence names no event of a fitting type.
DEFAULT_TYPE_FOR_COUNT = {
    "killed": "violence_against_civilians",
    "injured": "violence_against_civilians",
    "shot": "violence_against_civilians",
    "detained": "arrest",
    "deported": "deportation",
}

#: Words that say a death or injury was not an act of violence ("killed in a car crash"):
#: sentences with them need a strong trigger (a weapon) before they make a violent event.
NON_VIOLENT_CAUSE = {
    "en": re.compile(
        r"\b(?:crash(?:es|ed)?|collision|car\s+accident|traffic\s+accident|house\s+fire|blaze|"
        r"earthquake|flood(?:s|ing)?|storm|tornado|hurricane|overdose|illness|cancer|"
        r"heart\s+attack|drown(?:ed|ing))\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:дтп|авари\w*|столкновени\w+\s+(?:автомобил|поезд)\w*|пожар\w*|"
        r"землетрясени\w*|наводнени\w*|шторм\w*|урага\w*|передозировк\w*|болезн\w*|"
        r"утонул\w*)",
        re.IGNORECASE,
    ),
}
