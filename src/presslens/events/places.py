"""Place names in article text, resolved offline to GeoNames with the article's own context.

Two steps, so that the event extractor can look for places inside the sentences it cares about
and still resolve them against the whole article:

* :func:`find_place_mentions` matches capitalised word sequences against the gazetteer's name
  index (longest match first, Russian case forms undone), keeps "City, State" / "City, Country"
  qualifiers with the mention, and drops matches that look like people, streets, newspapers or
  ordinary words ("Mission", "Police") unless a cue such as "in X" / "в X" backs them.
* :func:`resolve_places` picks a GeoNames entry only when the evidence decides: the mention's own
  qualifier, then the states and countries that the rest of the article names, then population,
  but only when one candidate dwarfs all the others. Anything else stays unresolved (a
  :class:`~presslens.events.model.Place` with the text alone): a wrong coordinate is worse than
  none.

:func:`~presslens.events.places_story.story_place` (its own module) then names the town a whole
article is about from these resolved places.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from presslens.document import Article, Span
from presslens.events.gazetteer import (
    KIND_ADMIN1,
    KIND_COUNTRY,
    KIND_COUNTY,
    Gazetteer,
    GeoEntry,
    has_cyrillic,
    load_gazetteer,
    name_key,
)
from presslens.events.model import Place


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: A word, keeping inner dots/apostrophes/hyphens ("U.S.", "d'Alene", "Winston-Salem", "W.Va."),
#: but not a sentence's dot that lost its space ("in Houston.Police were called").
_TOKEN = re.compile(r"[^\W\d_]+(?:(?:[’'-]|\.(?!(?<=[a-z]{3}\.)[A-Z][a-z]))[^\W\d_]+)*\.?")
_POSSESSIVE = re.compile(r"[^\W\d_]{2}['’]s$")
_COUNTY_AFTER = re.compile(r"\s+(?:County|Parish)\b")  # "Prince George's County" is a name
_SENTENCE_END = frozenset('.!?:;\n"“”«»—()[]')
#: Abbreviations whose dot belongs to the name ("St. Louis"), not to the sentence.
_DOTTED_PREFIXES = _words("st ste ft mt")

#: Words right before a place that make it one ("in Mission", "в Бахмуте").
CUE_WORDS = {
    "en": _words("in at near from outside into across throughout around toward towards via of"),
    "ru": _words(
        "в во из под около возле близ у через до по на над город города городе городом село "
        "села селе поселок поселка поселке деревня деревни деревне г"
    ),
    "uk": _words("в у з із під біля поблизу до на місто міста місті село селі"),
    "de": _words("in aus bei nach nahe von"),
    "fr": _words("à a en de près depuis"),
    "es": _words("en de desde cerca"),
    "it": _words("a in da di presso"),
    "pl": _words("w we z ze pod koło niedaleko"),
}
#: Cues that a Title Case headline capitalises: no unknown town's name runs across them.
_TITLE_CASE_CUES = _words("in at near from outside into")
#: Words right after a place that make it one ("Mission police").
_AFTER_CUES = _words(
    "police pd sheriff deputies officer officers man men woman women teen teens teenager boy "
    "boys girl girls child children toddler resident residents native couple family mother "
    "father home house"
)
#: Of those, the ones that make an everyday word opening a sentence a town: its police and its
#: residents ("Sulphur man arrested"), not a child or a home ("Young child accidentally shot").
_TOWNSFOLK_CUES = _words(
    "police pd sheriff deputies officer officers man men woman women resident residents native"
)
#: Nouns that follow a town in a Title Case headline ("Compton Shooting", "Brooklyn Baby").
_HEADLINE_NOUNS = _AFTER_CUES | _words(
    "baby babies infant student students shooter gunman victim victims home house shooting "
    "shootings shootout killing killings homicide homicides murder murders standoff stabbing "
    "crash party"
)
#: A capitalised word after a place name that keeps it a place ("Chicago Police Department").
_INSTITUTION_WORDS = _words(
    "police fire department sheriff sheriffs mayor governor gov council county city metro "
    "municipal district prosecutor prosecutors attorney attorneys public schools region oblast "
    "province state regional area residents officials authorities court courts circuit "
    "superior superintendent coroner medical examiner emergency metropolitan precinct station"
)
#: A capitalised word after a place name that turns it into something else ("Washington
#: Street", "Houston Chronicle"); "Buffalo Bills" is caught by the generic person/team rule.
_NON_PLACE_NEXT = _words(
    "street st avenue ave road rd boulevard blvd drive dr lane ln way court ct place pl parkway "
    "pkwy highway hwy terrace circle trail square post times tribune journal herald chronicle "
    "gazette star news daily sun courier examiner observer inquirer register university college "
    "school high elementary academy hospital mall church airport stadium arena"
)
#: Capitalised words after a small town's name that leave it the town ("in Hummelstown
#: Borough", "in Cherokee Co.", "in Elliston Thanksgiving Day").
_TOWN_NEXT = _words("borough township twp co thanksgiving christmas")
#: Words after a name that make it a part of town or a building, not the town itself.
_SUBPLACE_NEXT = _words(
    "neighborhood neighbourhood subdivision apartments apartment complex homes estates section "
    "projects housing"
)
#: Of those, the words that make even a lower-case follower a quarter: "a Brooklyn housing
#: development" is in Brooklyn, "the Gresham neighborhood" is not the town of Gresham.
_QUARTER_WORDS = _words("neighborhood neighbourhood subdivision section")
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
#: Capitalised words after a name that make it a park or a quarter ("Humboldt Park", "Logan
#: Heights"); a town of such a name ("Highland Park") matches as a whole before this applies.
_QUARTER_NEXT = _words(
    "park heights hill hills village gardens manor ridge woods commons lake creek river"
)
#: Lower-case words allowed inside a multi-word name ("Rostov-on-Don", "Kharkiv region").
_CONNECTORS = _words(
    "of the de la le les du des del della di da do dos das on upon am an der im sur en y e i "
    "and na nad pod под на над region oblast province state county parish krai governorate"
)
_CYRILLIC_REGION_STEMS = ("област", "край", "кра", "республик", "округ", "район")
#: Capitalised words that may stand right before a place without making it a surname.
_PREVIOUS_OK = _words(
    "the in at from near of and but or north south east west northern southern eastern western "
    "central downtown greater upstate suburban rural outside inside across metro northeast "
    "northwest southeast southwest"
)
#: Titles before a capitalised word mark a person ("Officer Tyler", "Mr. Jackson").
_TITLES = _words(
    "mr mrs ms dr officer sgt det deputy president sen rep gov judge lt capt chief mayor "
    "sheriff trooper agent pastor rev father coach"
)
_SPEECH_VERBS = "said|says|told|added|testified|pleaded|wrote|posted|admitted|denied"
_TITLE_PATTERN = "|".join(w.capitalize() for w in sorted(_TITLES))
#: Ranks and roles written out before a full name: "captain Chris Lyons", "Sgt. Trent Crump".
_ROLE_PATTERN = "|".join(
    sorted(
        _TITLES
        | _words(
            "captain sergeant detective lieutenant corporal investigator spokesman spokeswoman "
            "spokesperson prosecutor commissioner senator governor representative attorney"
        )
    )
)
#: Words right before a name that make this mention a place even where the article also uses
#: the name for a person ("shot in Tyler" beside "John Tyler was").
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$")
#: Whose a person's kin and counsel are: "Stafford's lawyers", "Richardson's father".
_KIN = (
    "father|mother|parents|brother|sister|son|daughter|wife|husband|girlfriend|boyfriend|"
    "family|attorneys?|lawyers?|uncle|aunt|grandmother|grandfather|cousin"
)
#: A rank and a given name or an initial ("Sheriff T. Walton"), kin or counsel, or a given name
#: and an age make a surname a person's (:func:`_named_people`).
_SURNAME = r"([A-Z][\w'’-]+)"
_ROLE_NAME = re.compile(rf"\b(?i:{_ROLE_PATTERN})\.? (?:[A-Z][a-z]+|[A-Z]\.) {_SURNAME}")
_KIN_NAME = re.compile(rf"\b{_SURNAME}['’]s (?:{_KIN})\b")
_AGED_NAME = re.compile(rf"\b([A-Z][a-z]+) {_SURNAME}, an? \d{{1,3}}-year-old\b")
#: Words after a town's name that keep it the town ("Marietta Police", "Kentwood's mayor").
_OWN_WORDS = _INSTITUTION_WORDS | _AFTER_CUES
_INSTITUTION_PATTERN = "|".join(w.capitalize() for w in sorted(_OWN_WORDS))
#: Never places on their own, whatever the gazetteer says ("in March" is not March, England).
_NEVER_ALONE = _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday christmas easter god metro "
    "university college"
)
#: Whose a person is, not where anything happened: "a citizen of Uzbekistan", "гражданин
#: Узбекистана", "уроженец Киева". Such a name would otherwise place the event in that country.
_CITIZEN_OF = re.compile(
    r"(?:\b(?:citizens?|nationals?|subjects?|passport\s+holders?)\s+of\s+(?:the\s+)?"
    r"|(?<![\w-])(?:граждан\w*|подданн\w*|уроженец|уроженц\w+)\s+)$",
    re.IGNORECASE,
)
#: What stands before a street name, not a town: "the 1200 block of", "160", "No. 4".
_STREET_BEFORE = re.compile(
    r"(?:\bblock[ \t]+of|\b\d+[A-Za-z]?|\bNo\.\s*\d+)[ \t]+"
    r"(?:(?:North|South|East|West|[NSEW])\.?[ \t]+)?$"
)
#: Two streets named together: "Poplar and Sutter streets", "Asylum and Plymouth avenues".
_STREETS = r"(?:streets|avenues|roads|drives|boulevards|lanes|sts|aves)\b"
_STREET_PAIR_AFTER = re.compile(rf"\s+and\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?\s+{_STREETS}")
_STREET_PAIR_END = re.compile(rf"\s+{_STREETS}", re.IGNORECASE)
#: Below this many people a town needs a cue or a qualifier to count as a place.
SMALL_TOWN = 15000
#: From this many people on, a capitalised everyday word mid-sentence counts as the city.
MAJOR_CITY = 100000
#: Scores of readings: log10(population) + these bonuses per piece of context (up to two).
ADMIN1_BONUS = 2.0
COUNTRY_BONUS = 1.0
COVERAGE_BONUS = 1.0
#: A reading wins when it leads the next by this much: 0.7 = five times the population.
DECISION_MARGIN = math.log10(5.0)
#: Alternate-name-only readings count this many times fewer people.
ALIAS_DISCOUNT = 10.0
#: Weight, as context, of a unique hamlet and of a population-only answer.
SMALL_TOWN_EVIDENCE = 0.3
PRIOR_EVIDENCE = 0.5
#: A city with this share of its division's people is what the shared name means.
CITY_SHARE = 0.25
_MAX_QUALIFIER_WORDS = 3
#: Words after a town's name that only a municipality has: "Mount Vernon police", "the Venice
#: mayor" (a neighbourhood is policed and governed by its city). They make the name a place
#: whoever else in the article bears it ("Detective Mary Gladstone" beside "the Gladstone
#: Police Department"), and a town of its own (:mod:`presslens.events.places_story`).
MUNICIPAL_AFTER = re.compile(
    r"\s+(?:police|pd|mayor|city\s+council|city\s+manager)\b", re.IGNORECASE
)
#: A possessive before a capitalised word, or a figure (not an age such as "13-year-old").
_RUNS_ON = re.compile(r"['’]s[ \t]+(?P<word>[A-Z][a-z]+)|[ \t]+\d+\b(?![-–])")
#: What follows the town of a dateline.
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,|\(|[—–-])")


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    key: str
    capitalised: bool
    dot_after: bool
    sentence_initial: bool


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    tokens = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        stop = m.end()
        dot_after = word.endswith(".") and "." not in word[:-1]
        if dot_after:
            stop -= 1  # a sentence's dot, unless the caller decides it is an abbreviation's
        elif _POSSESSIVE.search(word) and not _COUNTY_AFTER.match(text, stop):
            stop -= 2  # "Chicago's West Side": the name without its possessive
        tokens.append(
            _Token(
                start=m.start(),
                end=stop,
                key=name_key(text[m.start() : stop]),
                capitalised=word[0].isupper(),
                dot_after=dot_after,
                sentence_initial=_sentence_initial(text, m.start()),
            )
        )
    return tokens


def _sentence_initial(text: str, position: int) -> bool:
    """True when only spaces and punctuation stand between a sentence boundary and ``position``."""
    i = position - 1
    while i >= 0 and text[i] in " \t\"'“‘«([":
        i -= 1
    if i >= 0 and text[i] == ".":
        word = re.search(r"([^\W\d_]+)$", text[max(0, i - 12) : i])
        abbreviation = word.group(1).casefold() if word else ""
        if abbreviation in _TITLES or abbreviation in _DOTTED_PREFIXES or len(abbreviation) == 1:
            return False  # "Rep. Danny Davis", "J. Smith", "St. Louis"
    return i < 0 or text[i] in _SENTENCE_END


def _headline_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Lines written in Title Case or capitals, where capitalisation says nothing."""
    spans = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        words = re.findall(r"[^\W\d_]{4,}", m.group())
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            spans.append((start + m.start(), start + m.end()))
    return spans


def _adjacent(text: str, left: _Token, right: _Token) -> bool:
    """Two tokens of one name: only spaces between them, or "St." style abbreviation dots."""
    gap = text[left.end : right.start]
    if left.dot_after and text[left.start : left.end].casefold() in _DOTTED_PREFIXES:
        gap = gap[1:]
    return gap.isspace() and "\n" not in gap


@dataclass(slots=True)
class _Match:
    first: int
    last: int
    key: str
    entries: list[GeoEntry]
    end: int
    qualifier: tuple[int, int, list[GeoEntry]] | None


def _match_at(gaz: Gazetteer, text: str, tokens: list[_Token], i: int) -> _Match | None:
    """The longest gazetteer name starting at token ``i``."""
    last = i
    while (
        last + 1 < len(tokens)
        and last + 1 - i < gaz.max_words
        and _adjacent(text, tokens[last], tokens[last + 1])
    ):
        last += 1
    for j in range(last, i, -1):
        if not _inner_word(text, tokens[j]):
            last = j - 1
    for j in range(last, i - 1, -1):
        phrase = text[tokens[i].start : tokens[j].end]
        key = name_key(phrase)
        if text.startswith(".", tokens[j].end):  # "Burke Co."
            key = _spelt_out(key)
        key, entries = gaz.lookup_inflected(key)
        if entries:
            return _Match(i, j, key, entries, tokens[j].end, None)
    return _compound_head(gaz, text, tokens, i)


def _spelt_out(key: str) -> str:
    """A key ending in " co" (a mention of "Burke Co.") with "county" written out: Burke
    County, not the town of Burke."""
    return f"{key[:-2]}county" if key.endswith(" co") else key


def _inner_word(text: str, token: _Token) -> bool:
    """May this word continue a name? Capitalised words, connectors and region words may."""
    if token.capitalised or token.key in _CONNECTORS:
        return True
    return has_cyrillic(token.key) and token.key.startswith(_CYRILLIC_REGION_STEMS)


def _compound_head(gaz: Gazetteer, text: str, tokens: list[_Token], i: int) -> _Match | None:
    """The first part of a hyphenated pair of names: "Miami-Dade", "Savannah-Chatham"."""
    word = text[tokens[i].start : tokens[i].end]
    head, hyphen, rest = word.partition("-")
    if not hyphen or not rest[:1].isupper() or has_cyrillic(word):
        return None
    key, entries = gaz.lookup_inflected(name_key(head))
    if not entries:
        return None
    return _Match(i, i, key, entries, tokens[i].start + len(head), None)


def _qualifier_after(
    gaz: Gazetteer, text: str, tokens: list[_Token], j: int
) -> tuple[int, int, list[GeoEntry]] | None:
    """A ", Va." / ", Illinois" / ", Ukraine" right after token ``j`` (or after its full stop:
    "Burke Co., N.C."): (last token, end, areas)."""
    comma = r"\.\s*,\s*" if tokens[j].dot_after else r"\s*,\s*"
    if j + 1 >= len(tokens) or not re.fullmatch(comma, text[tokens[j].end : tokens[j + 1].start]):
        return None
    k = j + 1
    for last in range(min(k + _MAX_QUALIFIER_WORDS, len(tokens)) - 1, k - 1, -1):
        if any(not _adjacent(text, tokens[t], tokens[t + 1]) for t in range(k, last)):
            continue
        phrase = text[tokens[k].start : tokens[last].end]
        if not phrase[0].isupper() or not _plausible_code(text, tokens[last], phrase):
            continue
        key, _ = gaz.lookup_inflected(name_key(phrase))
        areas = gaz.qualifier(key)
        if areas:
            end = tokens[last].end
            if tokens[last].dot_after and _is_abbreviation(gaz, phrase):
                end += 1
            return last, end, areas
    return None


def _plausible_code(text: str, token: _Token, phrase: str) -> bool:
    """Two letters are a state as "VA", "Va." or "Pa –", not "IN" followed by more words."""
    if len(phrase) != 2 or token.dot_after:
        return True
    return not re.match(r"\s?[^\W\d_]", text[token.end : token.end + 2])


def _is_abbreviation(gaz: Gazetteer, phrase: str) -> bool:
    """Abbreviations such as "Va" / "Calif" (written "Va." / "Calif."), not "Illinois." at a
    sentence's end."""
    key = name_key(phrase)
    return bool(gaz.qualifier(key)) and len(key) <= 5 and not gaz.has_key(key)


def _cue_before(tokens: list[_Token], text: str, i: int, cues: frozenset[str]) -> bool:
    if i == 0:
        return False
    prev = tokens[i - 1]
    gap = text[prev.end : tokens[i].start]
    return prev.key in cues and "\n" not in gap and (gap.isspace() or gap.strip() == ".")


def _is_dateline(text: str, tokens: list[_Token], i: int, j: int) -> bool:
    """Capitals at the start of a line, then a comma, a bracket or a dash: "NORFOLK, Va. —",
    "CHICAGO (AP)"; not a heading such as "MORE: ..." or a call sign on a line of its own."""
    head = text[tokens[i].start : tokens[j].end]
    line_start = tokens[i].start == 0 or text[: tokens[i].start].rstrip(" \t").endswith("\n")
    closes = _DATELINE_AFTER.match(text, tokens[j].end + (1 if tokens[j].dot_after else 0))
    return line_start and head.isupper() and len(head) > 2 and closes is not None


def _adjacent_token(text: str, tokens: list[_Token], i: int, step: int) -> _Token | None:
    """The word right before (``step=-1``) or after (``step=1``) token ``i`` in the same name."""
    k = i + step
    if not 0 <= k < len(tokens):
        return None
    left, right = (tokens[k], tokens[i]) if step < 0 else (tokens[i], tokens[k])
    return tokens[k] if _adjacent(text, left, right) else None


def _keep(
    gaz: Gazetteer,
    text: str,
    tokens: list[_Token],
    match: _Match,
    cues: frozenset[str],
    headline: bool,
    english: bool,
) -> bool:
    """Whether a gazetteer hit reads as a place here, not a person, street or everyday word."""
    if match.qualifier:
        return True
    if match.key in _NEVER_ALONE:
        return False
    i, j, entries = match.first, match.last, match.entries
    if _STREET_BEFORE.search(
        text, max(0, tokens[i].start - 24), tokens[i].start
    ) and not _police_after(text, tokens, j):
        return False  # "the 1200 block of River Oaks", "160 Longfellow"; not "3 Chicago men"
    if _street_pair(text, tokens, i, j):
        return False
    if _CITIZEN_OF.search(text, max(0, tokens[i].start - 30), tokens[i].start):
        return False
    is_area = any(e.is_area for e in entries)
    largest = max(e.population for e in entries)
    major = is_area or largest >= MAJOR_CITY
    before = _cue_before(tokens, text, i, cues)
    dateline = _is_dateline(text, tokens, i, j) or _wire_credit(text, tokens[j])
    cue = before or dateline or _police_after(text, tokens, j)
    if english and gaz.is_foreign_country_name(match.key):
        return False  # "Dominique" (French for Dominica) in English text is a first name
    if is_area and largest < SMALL_TOWN and not cue:
        return False  # "Patrick", a parish of the Isle of Man
    previous = _adjacent_token(text, tokens, i, -1)
    following = _adjacent_token(text, tokens, j, 1)
    if previous is not None and previous.key in _TITLES:
        return False  # "Officer Tyler", "Mr. Jackson"
    # A small town's name that runs on is part of a longer name ("at Bethel Christian
    # Fellowship", "in Bailey's Grove", "near Loop 410"), even after "in" or "at".
    small = largest < SMALL_TOWN and not (
        is_area or headline or all(e.kind == KIND_COUNTY for e in entries)
    )
    if small and _runs_on(text, tokens[j]):
        return False
    quarter = following is not None and following.key in _SUBPLACE_NEXT
    if (
        quarter
        and following is not None
        and (following.capitalised or following.key in _QUARTER_WORDS)
    ):
        return False  # "the Gresham neighborhood", "Sunset Apartments"
    if following is not None and following.capitalised:
        if following.key in _NON_PLACE_NEXT or following.key in _QUARTER_NEXT:
            return False  # "Washington Street", "Houston Chronicle"
        inflected = match.key != name_key(text[tokens[i].start : tokens[j].end])
        titled = headline and following.key in _HEADLINE_NOUNS  # "Brooklyn Baby Struck"
        dated = following.key in _WEEKDAYS  # "shot in southwest Columbus Tuesday"
        cue_holds = before and (not small or following.key in _TOWN_NEXT)
        if following.key not in _INSTITUTION_WORDS and not (
            cue_holds or is_area or inflected or titled or dated
        ):
            return False  # "Austin Smith", "Buffalo Bills"; not "Мэр Москвы Сергей Собянин"
    if (
        previous is not None
        and previous.capitalised
        and not previous.sentence_initial
        and previous.key not in _PREVIOUS_OK
        and not _is_acronym(text, previous)
        and not (major or cue)
    ):
        return False  # "John Marion"
    if gaz.is_common_word(match.key) or _is_short(match):
        area_first = max(entries, key=lambda e: e.population).is_area  # not "Savannah", Ga.
        # An everyday word that opens a sentence before "child" or "home" is an adjective
        # ("Young child accidentally shot"); there only its police and its residents make it a
        # town. Mid-sentence the capital says it is one ("found at a Woodland home").
        if tokens[i].sentence_initial:
            cue = before or dateline or _police_after(text, tokens, j, _TOWNSFOLK_CUES)
        return _keep_common_word(tokens[i], largest, area_first, cue, dateline, headline)
    if is_area or cue or all(e.kind == KIND_COUNTY for e in entries):
        return True
    if not english and tokens[i].sentence_initial and i == j and largest < MAJOR_CITY:
        return False  # German "Auch ..." ("also"): no list of everyday words outside English
    return largest >= SMALL_TOWN


def _runs_on(text: str, token: _Token) -> bool:
    """Whether the name goes on past its possessive or into a figure ("Bailey's Grove", "Loop
    410"), not into its police ("Kentwood's police") or an age ("Elliston 13-year-old")."""
    m = _RUNS_ON.match(text, token.end)
    if m is None:
        return False
    word = m.group("word")
    return word is None or word.casefold() not in _OWN_WORDS


def _street_pair(text: str, tokens: list[_Token], i: int, j: int) -> bool:
    """One of two streets named together: "at Poplar and Sutter streets" (either name)."""
    if _STREET_PAIR_AFTER.match(text, tokens[j].end):
        return True
    before = re.search(r"\band\s+$", text[max(0, tokens[i].start - 6) : tokens[i].start])
    return bool(before) and bool(_STREET_PAIR_END.match(text, tokens[j].end))


def _keep_common_word(
    token: _Token, largest: int, is_area: bool, cue: bool, dateline: bool, headline: bool
) -> bool:
    """Everyday words ("Mission", "Mobile", "Buckeye") count as places after "in", before
    "police", in a dateline, or as a big city named mid-sentence, where the capital letter
    means something. Never as a region or country."""
    if is_area:
        return False
    if dateline:
        return True
    if headline:
        return False
    return cue or (largest >= MAJOR_CITY and not token.sentence_initial)


def _is_short(match: _Match) -> bool:
    """Names of three letters or fewer ("Ada", "Rye") other than countries ("US", "UAE")."""
    return len(match.key) <= 3 and not all(e.kind == KIND_COUNTRY for e in match.entries)


def _is_acronym(text: str, token: _Token) -> bool:
    """A broadcaster's call sign, not a given name: "CBS San Francisco", "WFAA Dallas"."""
    word = text[token.start : token.end]
    return word.isupper() and len(word) >= 2


def _wire_credit(text: str, token: _Token) -> bool:
    return bool(re.match(r"\s*\((?:AP|Reuters|CNN|AFP|UPI)\)", text[token.end : token.end + 12]))


def _police_after(
    text: str, tokens: list[_Token], j: int, cues: frozenset[str] = _AFTER_CUES
) -> bool:
    following = _adjacent_token(text, tokens, j, 1)
    return following is not None and following.key in cues


def find_place_mentions(
    text: str, start: int = 0, end: int | None = None, language: str = "en"
) -> list[tuple[str, Span]]:
    """Candidate place names in ``text[start:end]``, as (surface text, span into ``text``).

    A "City, State" or "City, Country" pair comes back as one mention, so the qualifier travels
    with it to :func:`resolve_places`. Names the gazetteer does not know are not returned,
    except a capitalised name directly qualified by a US state or a country ("Arverne, N.Y.").
    """
    end = len(text) if end is None else end
    gaz = load_gazetteer()
    tokens = _tokens(text, start, end)
    cues = CUE_WORDS.get(language, frozenset()) | CUE_WORDS["en"]
    headlines = _headline_lines(text, start, end)
    mentions: list[tuple[str, Span]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        match = _match_at(gaz, text, tokens, i) if token.capitalised else None
        if match is None and token.capitalised:
            match = _unknown_qualified(gaz, text, tokens, i)
        if match is None:
            i += 1
            continue
        if match.qualifier is None:
            match.qualifier = _qualifier_after(gaz, text, tokens, match.last)
        if match.qualifier and match.entries and not _inside_any(match.entries, match.qualifier[2]):
            # "Ira, Vt.": a town the gazetteer knows only elsewhere, pinned to its state; else
            # a list: "Ohio, New Jersey and New York" (areas of one kind in a row)
            listed = any(
                e.is_area and e.kind == area.kind
                for e in match.entries
                for area in match.qualifier[2]
            )
            pinned = None if listed else _unknown_qualified(gaz, text, tokens, i)
            if pinned is None:
                match.qualifier = None
            else:
                match = pinned
        qualifier = match.qualifier
        headline = any(a <= token.start < b for a, b in headlines)
        if _keep(gaz, text, tokens, match, cues, headline, language == "en"):
            stop = qualifier[1] if qualifier else match.end
            span = Span(token.start, stop)
            mentions.append((text[span.start : span.end], span))
            i = qualifier[0] + 1 if qualifier else match.last + 1
        else:
            i = match.last + 1
    return mentions


def _unknown_qualified(gaz: Gazetteer, text: str, tokens: list[_Token], i: int) -> _Match | None:
    """A name missing from the gazetteer but pinned by a state or country: "Arverne, N.Y."."""
    if tokens[i].key in _PREVIOUS_OK or tokens[i].key in _TITLES or len(tokens[i].key) < 2:
        return None  # "A Marietta, Ga.": the town is the known name after the article
    for j in range(i, min(i + 3, len(tokens))):
        if j > i and not (tokens[j].capitalised and _adjacent(text, tokens[j - 1], tokens[j])):
            return None
        if j > i and tokens[j].key in _TITLE_CASE_CUES:
            return None  # "Homicide In Paris, Texas": the town starts after the cue
        if tokens[i].sentence_initial and j == i and not _is_dateline(text, tokens, i, j):
            continue
        if text[tokens[i].start : tokens[j].end].isupper() and not _is_dateline(text, tokens, i, j):
            return None
        qualifier = _qualifier_after(gaz, text, tokens, j)
        if qualifier is None:
            continue
        last, end, _areas = qualifier
        closes = re.match(r"\s*(?:[,.;:)\n—–-]|\(|$)", text[end : end + 3])
        if _is_abbreviation(gaz, text[tokens[j + 1].start : tokens[last].end]) or closes:
            return _Match(i, j, tokens[i].key, [], tokens[j].end, qualifier)
    return None


# --------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class _Resolved:
    """A mention's candidates after its own qualifier, and what it adds to the article context.

    ``hamlets`` are readings of fewer than 1,000 people (:attr:`GeoEntry.is_hamlet`) set aside
    while a bigger place bears the name: they join the candidates only where the rest of the
    article names their division ("Wellston" beside "Oklahoma", not beside "Ohio"), so that a
    village does not make a well-known town's name ambiguous, nor weigh as context itself.
    A postal town (:attr:`GeoEntry.is_postal`) waits so even when it alone bears the name:
    "Avenue", Maryland, and "Jeremiah", Kentucky, are read only beside their state, or beside
    an ambiguous name that may lie there (:func:`_supported`).
    """

    key: str
    entries: list[GeoEntry]
    qualifiers: list[GeoEntry]
    firm: GeoEntry | None = None
    weight: float = 0.0
    hamlets: list[GeoEntry] = field(default_factory=list)


def _split_mention(text: str) -> tuple[str, str | None]:
    head, comma, rest = text.partition(",")
    return head.strip(), rest.strip() if comma else None


def _candidates(gaz: Gazetteer, text: str) -> _Resolved:
    head, qualifier_text = _split_mention(text)
    key, entries = gaz.lookup_inflected(_spelt_out(name_key(head)))
    qualifiers: list[GeoEntry] = []
    if qualifier_text:
        qualifier_key, _ = gaz.lookup_inflected(name_key(qualifier_text))
        qualifiers = gaz.qualifier(qualifier_key)
    if qualifiers:
        entries = [e for e in entries if any(_within(e, q) for q in qualifiers)]
    else:
        bigger = [e for e in entries if not e.is_hamlet]
        waiting = [e for e in entries if e.is_postal or (bigger and e.is_hamlet)]
        if waiting:  # they wait for context (see _Resolved)
            kept = [e for e in entries if e not in waiting]
            return _Resolved(key, _collapse(kept), qualifiers, hamlets=waiting)
    return _Resolved(key, _collapse(entries), qualifiers)


def _within(entry: GeoEntry, area: GeoEntry) -> bool:
    """Is ``entry`` inside ``area``? A county stands for its state ("Jacksonville, Onslow
    County" is the Jacksonville of North Carolina)."""
    if area.kind == KIND_COUNTRY:
        return entry.country == area.country and entry.kind != KIND_COUNTRY
    return entry.admin1 == area.admin1 and entry.kind not in (KIND_ADMIN1, area.kind)


def _inside_any(entries: list[GeoEntry], areas: list[GeoEntry]) -> bool:
    return any(_within(e, a) for e in entries for a in areas)


def _collapse(entries: list[GeoEntry]) -> list[GeoEntry]:
    """Drop readings that a same-named bigger reading subsumes.

    A country beats its own divisions and cities of the same name ("Mexico", "Singapore"); a
    city that holds a good share of its division's people beats the division ("New York",
    "Moscow", "Kyiv"), while "Oklahoma" stays the state although Oklahoma City lies in it.
    """
    unique = list({e.row: e for e in entries}.values())
    countries = {e.country for e in unique if e.kind == KIND_COUNTRY}
    unique = [e for e in unique if e.kind == KIND_COUNTRY or e.country not in countries]
    dominated = {
        a.row
        for a in unique
        if a.kind == KIND_ADMIN1
        for c in unique
        if not c.is_area and c.admin1 == a.admin1 and c.population >= CITY_SHARE * a.population
    }
    return [e for e in unique if e.row not in dominated]


def _priors(entries: list[GeoEntry], key: str) -> dict[int, float]:
    """log10 of each reading's population: the weak prior that context can overrule.

    Readings reached only through an alternate name ("Philadelphia" for Amman, "Canton" for
    Guangzhou) count a tenth when some reading bears the name itself. A state or country never
    outweighs a major city of the very same name: "Washington" the state outnumbers
    Washington, D.C., yet the name alone does not say which one is meant.
    """
    namesakes = {e.row: e for e in entries if name_key(e.name) == key}
    major_city = max(
        (e.population for e in namesakes.values() if not e.is_area and e.population >= MAJOR_CITY),
        default=0,
    )
    priors = {}
    for e in entries:
        population = float(e.population)
        if namesakes and e.row not in namesakes:
            population /= ALIAS_DISCOUNT
        if e.is_area and major_city:
            population = min(population, major_city)
        priors[e.row] = math.log10(population + 10.0)
    return priors


def _best(scores: dict[int, float], entries: list[GeoEntry]) -> GeoEntry | None:
    """The top reading when it leads the next by ``DECISION_MARGIN``, else None."""
    ranked = sorted(entries, key=lambda e: -scores[e.row])
    if len(ranked) == 1 or scores[ranked[0].row] - scores[ranked[1].row] >= DECISION_MARGIN:
        return ranked[0]
    return None


class _Context:
    """How often the article (minus one mention) points at each division and country."""

    def __init__(self, resolved: list[_Resolved]) -> None:
        self.admin1: dict[str, float] = defaultdict(float)
        self.country: dict[str, float] = defaultdict(float)
        self._own: list[list[tuple[str, str, float]]] = []
        self._keys = [r.key for r in resolved]
        self._coverage: dict[str, set[str]] = defaultdict(set)
        for r in resolved:
            if r.firm is None and not r.qualifiers:
                for e in r.entries:
                    self._coverage[e.admin1 or ""].add(r.key)
        for r in resolved:
            own = list(self._contributions(r))
            for admin1, country, weight in own:
                if admin1:
                    self.admin1[admin1] += weight
                self.country[country] += weight
            self._own.append(own)

    @staticmethod
    def _contributions(r: _Resolved) -> Iterable[tuple[str, str, float]]:
        areas = [(q, 1.0) for q in r.qualifiers]
        if r.firm is not None:
            areas.append((r.firm, r.weight))
        for entry, weight in areas:
            admin1 = entry.admin1 if entry.kind != KIND_COUNTRY else ""
            yield admin1 or "", entry.country, weight

    def coverage(self, index: int, entry: GeoEntry) -> int:
        """How many other ambiguous names of the article could also lie in ``entry``'s division:
        "Bluffton" and "Beaufort" are both in South Carolina (and in no other one state)."""
        if entry.kind == KIND_COUNTRY or not entry.admin1:
            return 0
        return len(self._coverage.get(entry.admin1, set()) - {self._keys[index]})

    def support(self, index: int, entry: GeoEntry) -> tuple[float, float]:
        """(division support, country support) for ``entry``, without mention ``index`` itself."""
        admin1 = self.admin1.get(entry.admin1 or "", 0.0) if entry.kind != KIND_COUNTRY else 0.0
        country = self.country.get(entry.country, 0.0)
        for own_admin1, own_country, weight in self._own[index]:
            if own_admin1 and own_admin1 == entry.admin1:
                admin1 -= weight
            if own_country == entry.country:
                country -= weight
        if entry.kind == KIND_COUNTRY:
            admin1 = country
        return admin1, country


def _supported(index: int, hamlet: GeoEntry, context: _Context) -> bool:
    """Whether the article points at the hamlet's division: it names it, or, for a postal town,
    another ambiguous name could lie there ("Olmstead" beside "Logan County")."""
    if context.support(index, hamlet)[0] > 0:
        return True
    return hamlet.is_postal and context.coverage(index, hamlet) > 0


def _first_pass(r: _Resolved) -> None:
    """Resolve what needs no context, and weigh it as context for the other mentions.

    A unique name of a real town counts fully, a unique hamlet or a population-only answer
    less: "Liberty City" (a Miami neighbourhood, and a small town in Texas) must not drag
    "Miami" to Texas.
    """
    if len(r.entries) == 1:
        only = r.entries[0]
        big = only.is_area or only.population >= SMALL_TOWN
        r.firm, r.weight = only, 1.0 if big else SMALL_TOWN_EVIDENCE
    elif r.entries:
        r.firm = _best(_priors(r.entries, r.key), r.entries)
        r.weight = PRIOR_EVIDENCE


def _decide(index: int, r: _Resolved, context: _Context) -> GeoEntry | None:
    """Prior plus context: the division named elsewhere in the article counts most, the
    country less, each capped so that a long article does not drown the prior."""
    if len(r.entries) <= 1:
        return r.entries[0] if r.entries else None
    scores = _priors(r.entries, r.key)
    for e in r.entries:
        admin1, country = context.support(index, e)
        scores[e.row] += ADMIN1_BONUS * min(admin1, 2.0) + COUNTRY_BONUS * min(country, 2.0)
        scores[e.row] += COVERAGE_BONUS * min(context.coverage(index, e), 2)
    return _best(scores, r.entries)


def _place(gaz: Gazetteer, text: str, span: Span, entry: GeoEntry) -> Place:
    if entry.kind == KIND_ADMIN1:
        admin1: str | None = entry.name
    else:
        division = gaz.admin1_entry(entry.admin1)
        admin1 = division.name if division else None
    return Place(
        text=text,
        name=entry.name,
        geonames_id=entry.geonames_id,
        admin1=admin1 if entry.kind != KIND_COUNTRY else None,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        span=span,
    )


def _unresolved(gaz: Gazetteer, text: str, span: Span, r: _Resolved) -> Place:
    """Text only, plus the division/country when every reading (or the qualifier) agrees."""
    readings = r.entries or r.qualifiers
    countries = {e.country for e in readings}
    admin1s = {e.admin1 for e in readings if e.kind != KIND_COUNTRY}
    country = countries.pop() if len(countries) == 1 else None
    admin1 = None
    if country and len(admin1s) == 1 and all(e.kind != KIND_COUNTRY for e in readings):
        division = gaz.admin1_entry(admin1s.pop())
        admin1 = division.name if division else None
    # "GEORGETOWN, Ind.": a town of that name in the division its qualifier names, whether the
    # gazetteer lacks it or holds several readings there (Puyallup; Tacoma's other name).
    pinned = bool(r.qualifiers) and (admin1 is not None or not r.entries)
    name = _split_mention(text)[0] if pinned else None
    return Place(text=text, name=name, admin1=admin1, country=country, span=span)


@functools.lru_cache(maxsize=16)
def _named_people(article_text: str) -> frozenset[str]:
    """The surnames the article gives a rank and a given name, kin or counsel, or a given name
    and an age (:func:`_person_like`): found once per article, whatever names it holds."""
    names = {m.group(1) for m in _ROLE_NAME.finditer(article_text)}
    names.update(m.group(1) for m in _KIN_NAME.finditer(article_text))
    names.update(
        m.group(2)
        for m in _AGED_NAME.finditer(article_text)
        if m.group(1).casefold() not in _PREVIOUS_OK
    )
    return frozenset(names)


@functools.lru_cache(maxsize=4096)
def _person_patterns(head: str, small: bool) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The patterns of :func:`_person_like` for one name, compiled once: a news stream repeats
    the same names, and compiling them per article was most of the time events took."""
    name = re.escape(head)
    aged = r", \d{1,2}(?:[,.;)]| and\b)"  # "Austin, 24.", "Lindsay, 24 and Duncan, 23"
    act = rf"(?:,? (?:{_SPEECH_VERBS}|was|is|has|had|who)\b|{aged})"
    alternatives = [
        rf"\b(?:{_TITLE_PATTERN})\.? {name}\b",
        rf"\b(?P<given>[A-Z][a-z]+) {name}{act}",
        rf"\b{name}{aged}",
        rf"\byear-old (?P<aged>[A-Z][a-z]+) {name}\b",
        rf"\b(?:says|said) {name}[.,]",
    ]
    if small:  # "Libby Moore said", not "Marietta Police said"
        alternatives.append(rf"\b{name} (?!(?:{_INSTITUTION_PATTERN})\b)[A-Z][a-z]+{act}")
    speech = re.compile(rf"\b{name} (?:{_SPEECH_VERBS})\b") if small else None
    return re.compile("|".join(f"(?:{a})" for a in alternatives)), speech


def _person_like(article_text: str, head: str, small: bool) -> bool:
    """Does the article use the name for a person? Only clear patterns count: a title
    ("Mr. Jackson", "Officer Tyler", "captain Chris Lyons"), an age ("Jackson, 25,"; "17-year-old
    Maria Jackson"; "Queric Richardson, a 17-year-old"), kin or counsel ("Stafford's lawyers"), a
    verb of saying or a charge after a full name ("Tyrone Jackson said", "says Jackson.",
    "Jackson pleaded") and, for a small town, a given name ("Libby Moore said"). A word of
    direction is no given name: "South Baltimore, who"."""
    if " " in head or not head[:1].isupper():
        return False
    if head in _named_people(article_text):
        return True
    person, speech = _person_patterns(head, small)
    for m in person.finditer(article_text):
        given = m.group("given") or m.group("aged")
        if given is None or given.casefold() not in _PREVIOUS_OK:
            return True
    if speech is None:
        return False  # "officials in Kherson Oblast and Zaporizhzhia said"
    for m in speech.finditer(article_text):
        before = re.search(r"(\w+)\W*$", article_text[max(0, m.start() - 20) : m.start()])
        if not (before and before.group(1).casefold() in CUE_WORDS["en"]):
            return True  # "Jackson said", not "a man from Sacramento said"
    return False


def resolve_places(article: Article, mentions: list[tuple[str, Span]]) -> list[Place | None]:
    """One :class:`Place` per mention, in order; ``None`` for text the gazetteer does not know.

    A place is resolved (``geonames_id`` set) only when its own qualifier, the divisions and
    countries named anywhere in the article, or a clear population gap decide it. Otherwise the
    Place carries the text, plus the country/division when all readings agree. The mentions may
    come from one paragraph only: the rest of the article is scanned for context all the same.
    """
    gaz = load_gazetteer()
    language = article.language or article.language_hint or "en"
    others = [
        m
        for m in _article_mentions(article.text, language)
        if not any(m[1].overlap(span) for _, span in mentions)
    ]
    everything = list(mentions) + others
    resolved = [_candidates(gaz, text) for text, _ in everything]
    for (text, span), r in zip(everything, resolved, strict=True):
        small = all(e.population < MAJOR_CITY and not e.is_area for e in r.entries)
        policed = MUNICIPAL_AFTER.match(article.text, span.end)
        placed = _PLACE_BEFORE.search(article.text, max(0, span.start - 12), span.start)
        if not (r.qualifiers or policed or placed) and _person_like(
            article.text, _split_mention(text)[0], small
        ):
            r.entries, r.hamlets = [], []
        _first_pass(r)
    context = _Context(resolved)
    places: list[Place | None] = []
    for index, ((text, span), r) in enumerate(zip(mentions, resolved, strict=False)):
        r.entries += [h for h in r.hamlets if _supported(index, h, context)]  # see _Resolved
        if not r.entries and not r.qualifiers:
            places.append(None)
            continue
        entry = _decide(index, r, context)
        places.append(_place(gaz, text, span, entry) if entry else _unresolved(gaz, text, span, r))
    return places


@functools.lru_cache(maxsize=16)
def _article_mentions(text: str, language: str) -> tuple[tuple[str, Span], ...]:
    """Every place mention of a text, cached: the extractor resolves paragraph by paragraph."""
    return tuple(find_place_mentions(text, language=language))


def has_cue(text: str, span: Span, language: str = "en") -> bool:
    """Is the mention at ``span`` framed as a place: a qualifier ("Norfolk, Va."), "in X" /
    "в X" before it, or "X police" / "X man" after it? Bare names are weaker evidence of
    what a story is about (they are often people or organisations)."""
    if "," in text[span.start : span.end]:
        return True
    before = re.search(r"([^\W\d_]+)\W{0,2}$", text[max(0, span.start - 20) : span.start])
    cues = CUE_WORDS.get(language, frozenset()) | CUE_WORDS["en"]
    if before and before.group(1).casefold() in cues:
        return True
    after = re.match(r"\s*(?:\((?:AP|Reuters|CNN|AFP|UPI)\)|([^\W\d_]+))", text[span.end :])
    return bool(after and (after.group(1) is None or after.group(1).casefold() in _AFTER_CUES))
