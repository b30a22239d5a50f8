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
* :func:`story_place` names the town a whole article is about, from where its places stand
  (headline without the outlet's name, dateline, lead) and the state the article is mostly
  about; an event's own sentence often names only a street, a neighbourhood or nothing.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from presslens.document import Article, Span
from presslens.events.gazetteer import (
    KIND_ADMIN1,
    KIND_CITY,
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
    "father"
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
_INSTITUTION_PATTERN = "|".join(w.capitalize() for w in sorted(_INSTITUTION_WORDS | _AFTER_CUES))
#: Never places on their own, whatever the gazetteer says ("in March" is not March, England).
_NEVER_ALONE = _words(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday christmas easter god metro "
    "university college"
)
#: What stands before a street name, not a town: "the 1200 block of", "160", "No. 4".
_STREET_BEFORE = re.compile(
    r"(?:\bblock\s+of|\b\d+[A-Za-z]?|\bNo\.\s*\d+)\s+"
    r"(?:(?:North|South|East|West|[NSEW])\.?\s+)?$"
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
        key, entries = gaz.lookup_inflected(name_key(phrase))
        if entries:
            return _Match(i, j, key, entries, tokens[j].end, None)
    return _compound_head(gaz, text, tokens, i)


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
    """A ", Va." / ", Illinois" / ", Ukraine" right after token ``j``: (last token, end, areas)."""
    if j + 1 >= len(tokens) or not re.fullmatch(
        r"\s*,\s*", text[tokens[j].end : tokens[j + 1].start]
    ):
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
        if following.key not in _INSTITUTION_WORDS and not (
            before or is_area or inflected or titled or dated
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
        return _keep_common_word(tokens[i], largest, area_first, cue, dateline, headline)
    if is_area or cue or all(e.kind == KIND_COUNTY for e in entries):
        return True
    if not english and tokens[i].sentence_initial and i == j and largest < MAJOR_CITY:
        return False  # German "Auch ..." ("also"): no list of everyday words outside English
    return largest >= SMALL_TOWN


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


def _police_after(text: str, tokens: list[_Token], j: int) -> bool:
    following = _adjacent_token(text, tokens, j, 1)
    return following is not None and following.key in _AFTER_CUES


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
            match.qualifier = None  # a list: "Ohio, New Jersey and New York"
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
    """A mention's candidates after its own qualifier, and what it adds to the article context."""

    key: str
    entries: list[GeoEntry]
    qualifiers: list[GeoEntry]
    firm: GeoEntry | None = None
    weight: float = 0.0


def _split_mention(text: str) -> tuple[str, str | None]:
    head, comma, rest = text.partition(",")
    return head.strip(), rest.strip() if comma else None


def _candidates(gaz: Gazetteer, text: str) -> _Resolved:
    head, qualifier_text = _split_mention(text)
    key, entries = gaz.lookup_inflected(name_key(head))
    qualifiers: list[GeoEntry] = []
    if qualifier_text:
        qualifier_key, _ = gaz.lookup_inflected(name_key(qualifier_text))
        qualifiers = gaz.qualifier(qualifier_key)
    if qualifiers:
        entries = [e for e in entries if any(_within(e, q) for q in qualifiers)]
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
    name = _split_mention(text)[0] if r.qualifiers and not r.entries else None
    return Place(text=text, name=name, admin1=admin1, country=country, span=span)


@functools.lru_cache(maxsize=4096)
def _person_patterns(head: str, small: bool) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The patterns of :func:`_person_like` for one name, compiled once: a news stream repeats
    the same names, and compiling them per article was most of the time events took."""
    name = re.escape(head)
    act = rf"(?:,? (?:{_SPEECH_VERBS}|was|is|has|had|who)\b|, \d{{1,2}},)"
    alternatives = [
        rf"\b(?:{_TITLE_PATTERN})\.? {name}\b",
        rf"\b(?P<given>[A-Z][a-z]+) {name}{act}",
        rf"\b{name}, \d{{1,2}},",
        rf"\byear-old (?P<aged>[A-Z][a-z]+) {name}\b",
        rf"\b(?:says|said) {name}[.,]",
    ]
    if small:  # "Libby Moore said", not "Marietta Police said"
        alternatives.append(rf"\b{name} (?!(?:{_INSTITUTION_PATTERN})\b)[A-Z][a-z]+{act}")
    speech = re.compile(rf"\b{name} (?:{_SPEECH_VERBS})\b") if small else None
    return re.compile("|".join(f"(?:{a})" for a in alternatives)), speech


def _person_like(article_text: str, head: str, small: bool) -> bool:
    """Does the article use the name for a person? Only clear patterns count: a title
    ("Mr. Jackson", "Officer Tyler"), an age ("Jackson, 25,"; "17-year-old Maria Jackson"), a
    verb of saying or a charge after a full name ("Tyrone Jackson said", "says Jackson.",
    "Jackson pleaded") and, for a small town, a given name ("Libby Moore said"). A word of
    direction is no given name: "South Baltimore, who"."""
    if " " in head or not head[:1].isupper():
        return False
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
    for (text, _), r in zip(everything, resolved, strict=True):
        small = all(e.population < MAJOR_CITY and not e.is_area for e in r.entries)
        if not r.qualifiers and _person_like(article.text, _split_mention(text)[0], small):
            r.entries = []
        _first_pass(r)
    context = _Context(resolved)
    places: list[Place | None] = []
    for index, ((text, span), r) in enumerate(zip(mentions, resolved, strict=False)):
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


def article_places(article: Article, language: str | None = None) -> list[Place]:
    """Every place mention of an article, resolved; a convenience for callers and the CLI."""
    lang = language or article.language or article.language_hint or "en"
    mentions = find_place_mentions(article.text, language=lang)
    return [p for p in resolve_places(article, mentions) if p is not None]


# --------------------------------------------------------------------------- the story's town

#: Where a mention stands says how surely it is the story's own town: the title names the
#: incident's town, a dateline where the reporter files (often a station's city, so it ranks
#: below the title), the lead where things happened; later mentions are often background.
TITLE_WEIGHT = 6.0
DATELINE_WEIGHT = 4.0
LEAD_WEIGHT = 2.0
LEAD_CHARS = 600
#: A bare name ("Davis") counts this much of one framed as a place ("in Davis", "Davis police").
BARE_WEIGHT = 0.5
#: A place this close to a named city this many times its size counts as part of that city.
ENCLOSING_KM = 12.0
ENCLOSING_RATIO = 10
#: A town outside the division the article points at this many times more strongly counts
#: this much.
DIVISION_LEAD = 2.0
OTHER_DIVISION_FACTOR = 0.25
#: A town this far from a big city that the article names, in a division that nothing else in
#: the article names, is a namesake of one of that city's neighbourhoods.
NAMESAKE_KM = 200.0


#: A title segment that names the outlet, not the story: "- KSLA News 12 Shreveport, Louisiana",
#: "| Chattanooga News, Weather & Sports", "« CBS San Francisco".
_OUTLET = re.compile(
    r"\b(?:[KW][A-Z]{2,3}|CBS|NBC|ABC|FOX|CNN)\d*\b|"
    r"(?i:\b(?:news|weather|sports|tv|channel|radio)\b|\.com\b)"
)
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—«»]\s+|\s*\|\s*")


def strip_outlet(title: str) -> str:
    """The title less the segments that name the outlet (see :data:`_OUTLET`) and those after
    them: a station's home town in "... - WMC Action News 5 - Memphis, Tennessee" is not where
    the story happened."""
    segments = [s.strip() for s in _TITLE_SEPARATOR.split(title) if s.strip()]
    if len(segments) < 2:
        return title.strip()
    if _OUTLET.search(segments[0]):
        segments = segments[1:]  # "CBS 58 - Fatal shooting ..."
    outlet = next((i for i, s in enumerate(segments) if i and _OUTLET.search(s)), len(segments))
    return " - ".join(segments[:outlet])  # what follows the outlet is its home: "- Memphis, TN"


def _with_title(article: Article) -> tuple[Article, int]:
    """The article with its headline as the first line (when the text lacks the title), and
    the number of characters the headline adds before the original text."""
    title = strip_outlet(article.title or "")
    if not title or article.title_span is not None:
        return article, 0
    language = article.language or article.language_hint or "en"
    framed = Article(
        text=f"{title}\n\n{article.text}",
        title=title,
        title_span=Span(0, len(title)),
        language=language,
    )
    return framed, len(title) + 2


def _is_local(gaz: Gazetteer, place: Place, home: str | None) -> bool:
    """A town or county of the country ``home``: resolved, pinned to a division ("Arverne,
    N.Y."), or an ambiguous name with a town among its readings there ("Richmond")."""
    if place.geonames_id is not None:
        entry = gaz.by_geonames_id(place.geonames_id)
        in_home = home is None or place.country == home
        return in_home and entry is not None and entry.kind in (KIND_CITY, KIND_COUNTY)
    if place.name is not None:
        return place.admin1 is not None and place.country == home
    readings = [e for e in _readings(gaz, place) if e.country == home or home is None]
    return any(e.kind in (KIND_CITY, KIND_COUNTY) for e in readings)


def _town_key(place: Place) -> tuple[str, str | None]:
    """What identifies a town among an article's mentions: its name and its division."""
    return name_key(place.name or _split_mention(place.text)[0]), place.admin1


def _is_county(place: Place) -> bool:
    return name_key(place.name or place.text).endswith((" county", " parish"))


def _story_weight(article: Article, place: Place) -> float:
    """How much one mention says "this is the story's town" (see :data:`TITLE_WEIGHT`)."""
    if place.span is None:
        return 1.0
    start = place.span.start
    if article.title_span is not None and start < article.title_span.end:
        return TITLE_WEIGHT
    line_start = start == 0 or article.text[:start].rstrip(" \t").endswith("\n")
    if line_start and place.text.split(",")[0].isupper():
        return DATELINE_WEIGHT
    body = article.title_span.end if article.title_span is not None else 0
    weight = LEAD_WEIGHT if start - body < LEAD_CHARS else 1.0
    language = article.language or article.language_hint or "en"
    return weight if has_cue(article.text, place.span, language) else weight * BARE_WEIGHT


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine) between two places with coordinates."""
    lat1, lon1, lat2, lon2 = (math.radians(v or 0.0) for v in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _enclosing_city(gaz: Gazetteer, place: Place, others: list[Place]) -> Place | None:
    """A much bigger named city next door: "Charles Village" → Baltimore. GeoNames lists many
    neighbourhoods as towns, while reports and registers file them under the city."""
    entry = gaz.by_geonames_id(place.geonames_id) if place.geonames_id else None
    if entry is None or place.lat is None:
        return None
    best: tuple[int, Place] | None = None
    for other in others:
        big = gaz.by_geonames_id(other.geonames_id) if other.geonames_id else None
        if big is None or big.population < ENCLOSING_RATIO * max(entry.population, 1):
            continue
        near = other.lat is not None and _km(place, other) <= ENCLOSING_KM
        if near and (best is None or big.population > best[0]):
            best = (big.population, other)
    return best[1] if best else None


def _home_country(gaz: Gazetteer, article: Article, places: list[Place]) -> str | None:
    """The country the article's places point at most strongly: each name votes once, with the
    :func:`_story_weight` of its weightiest mention, so that a surname repeated down the text
    ("Rangel", "Ivanov") does not outvote the towns of the title and the dateline. An ambiguous
    name splits its vote among the countries of its readings."""
    strongest: dict[str, tuple[float, Place]] = {}
    for place in places:
        key = name_key(place.text)
        weight = _story_weight(article, place)
        if key not in strongest or weight > strongest[key][0]:
            strongest[key] = (weight, place)
    votes: dict[str, float] = defaultdict(float)
    for weight, place in strongest.values():
        countries = [place.country] if place.country else _countries(gaz, place)
        for country in countries:
            votes[country] += weight / len(countries)
    ranked = _ranked(votes)
    if not ranked or (len(ranked) == 2 and math.isclose(ranked[0][1], ranked[1][1])):
        return None  # "Toledo" alone: Ohio, Spain, Belize, Brazil, ...
    return ranked[0][0]


def _readings(gaz: Gazetteer, place: Place) -> list[GeoEntry]:
    """The gazetteer's readings of an unresolved place's name."""
    return gaz.lookup_inflected(name_key(_split_mention(place.text)[0]))[1]


def _countries(gaz: Gazetteer, place: Place) -> list[str]:
    """The countries an ambiguous name may lie in, each once."""
    return list(dict.fromkeys(e.country for e in _readings(gaz, place)))


def story_place(article: Article) -> Place | None:
    """The town an article is about: its local places (towns, counties) weighed by where they
    stand (:func:`_story_weight`), a neighbourhood counted for the much bigger city next
    door that the article names, towns before counties (a county is named mostly for its
    sheriff or prosecutor), and only places of the article's main country. A town of another
    division than the one the article is mostly about counts for little: "Gresham" read as the
    town in Oregon in a story from Chicago is a neighbourhood the gazetteer lacks.

    None when the article names no town or county. The place returned is the first mention
    of the winner; a place named only in a title kept apart from the text has no span.
    """
    gaz = load_gazetteer()
    framed, offset = _with_title(article)
    language = framed.language or framed.language_hint or "en"
    mentions = list(_article_mentions(framed.text, language))  # shared with resolve_places
    resolved = [p for p in resolve_places(framed, mentions) if p is not None]
    resolved = _namesakes_as_neighbourhoods(gaz, framed, resolved)
    home = _home_country(gaz, framed, resolved)
    local = [p for p in resolved if _is_local(gaz, p, home)]
    candidates = [p for p in local if not _is_county(p)] or local
    weights = _weights(framed, candidates)
    divisions = _division_votes(framed, resolved, home)
    candidates = [_by_division(gaz, p, home, divisions) for p in candidates]
    scores: dict[tuple[str, str | None], float] = defaultdict(float)
    first: dict[tuple[str, str | None], Place] = {}
    for place, weight in zip(candidates, weights, strict=True):
        city = _enclosing_city(gaz, place, candidates) or place
        key = _town_key(city)
        scores[key] += weight * _division_factor(city, divisions)
        if key not in first or _before(first[key], offset):
            first[key] = city  # the first mention in the text itself, when there is one
    _fold_unresolved(scores)
    if not scores:
        return None
    best = max(scores, key=lambda k: scores[k])
    return _unframed(first[best], offset)


def _namesakes_as_neighbourhoods(
    gaz: Gazetteer, article: Article, places: list[Place]
) -> list[Place]:
    """The places with each misread namesake read again where the article points.

    An unqualified name is read as the biggest town of its name anywhere, and a neighbourhood
    the gazetteer lacks as a town far away: "Portland" beside "BANGOR —" as the city in
    Oregon, "Whitehaven" (Memphis) as the town in England, "Roxbury" (Boston) as a village in
    Wisconsin. When nothing else in the article names that reading's state
    (:func:`_unsupported`), the name is read as its namesake in a state the article does name
    (:func:`_namesake_there`); failing that, as part of the far-off big city the article
    names (:func:`_far_city`). A real town out of state comes with its state ("Scottsbluff,
    Nebraska"). The mentions keep their spans and text, so they weigh as much as before.
    """
    totals: dict[tuple[str, str | None], float] = defaultdict(float)
    for place in places:
        totals[_town_key(place)] += _story_weight(article, place)
    places = _reread(
        places, totals, gaz, lambda p, others: _namesake_there(gaz, article, p, others)
    )
    places = _reread(places, totals, gaz, lambda p, others: _far_city(gaz, p, others, totals))
    return _ambiguous_quarters(gaz, article, places, totals)


def _ambiguous_quarters(
    gaz: Gazetteer,
    article: Article,
    places: list[Place],
    totals: dict[tuple[str, str | None], float],
) -> list[Place]:
    """The places with each ambiguous bare name that has no town in the state the rest of the
    article points at read as part of the big city the article names there: "Madisonville"
    (towns in Kentucky, Tennessee, Texas, ...) beside "Cincinnati" is a Cincinnati quarter."""
    result = list(places)
    for key in {_town_key(p) for p in places if p.geonames_id is None and p.admin1 is None}:
        same = [p for p in places if _town_key(p) == key]
        if any(_split_mention(p.text)[1] is not None for p in same):
            continue
        others = [p for p in places if _town_key(p) != key]
        city = _city_without_namesake(gaz, article, same[0], others, totals)
        if city is not None:
            result = [
                replace(city, text=p.text, span=p.span) if _town_key(p) == key else p
                for p in result
            ]
    return result


def _city_without_namesake(
    gaz: Gazetteer,
    article: Article,
    place: Place,
    others: list[Place],
    totals: dict[tuple[str, str | None], float],
) -> Place | None:
    """The heaviest big city named in the division the other places point at most strongly,
    when the place's name has no town there; None otherwise."""
    votes: dict[tuple[str, str], float] = defaultdict(float)
    for other in others:
        if other.country and other.admin1 and not _hamlet(gaz, other):
            votes[other.country, other.admin1] += _story_weight(article, other)
    if not votes:
        return None
    country, admin1 = max(votes, key=lambda k: votes[k])
    readings = _readings(gaz, place)
    if not readings or any(
        e.country == country and _place(gaz, place.text, Span(0, 0), e).admin1 == admin1
        for e in readings
    ):
        return None
    bigs = [
        b
        for b in others
        if b.country == country
        and b.admin1 == admin1
        and _population(gaz, b) >= MAJOR_CITY
        and not _has_rival(gaz, b, others)
    ]
    return max(bigs, key=lambda b: totals[_town_key(b)], default=None)


def _reread(
    places: list[Place],
    totals: dict[tuple[str, str | None], float],
    gaz: Gazetteer,
    reading: Callable[[Place, list[Place]], Place | None],
) -> list[Place]:
    """The places with each name that :func:`_unsupported` finds read by ``reading`` (given
    the place and the article's other places), weightiest name first, each against the
    readings before it: "Liberty City" in a title, read in Florida beside "Miami", makes
    "Miami" Florida's, not a namesake in Texas."""
    for key in sorted(totals, key=lambda k: -totals[k]):
        place = next((p for p in places if _town_key(p) == key), None)
        if place is None or not _unsupported(gaz, place, places):
            continue
        city = reading(place, [p for p in places if _town_key(p) != key])
        if city is not None:
            places = [
                replace(city, text=p.text, span=p.span) if _town_key(p) == key else p
                for p in places
            ]
    return places


def _unsupported(gaz: Gazetteer, place: Place, places: list[Place]) -> bool:
    """A town read from its bare name alone: no mention qualifies it ("Roxbury, Wis."), and
    nothing else in the article lies in its state."""
    entry = gaz.by_geonames_id(place.geonames_id) if place.geonames_id else None
    if entry is None or entry.kind != KIND_CITY or place.lat is None or place.span is None:
        return False
    key = _town_key(place)
    same = [p for p in places if _town_key(p) == key]
    return all(_split_mention(p.text)[1] is None for p in same) and not any(
        p.country == place.country and p.admin1 == place.admin1
        for p in places
        if _town_key(p) != key
    )


def _namesake_there(
    gaz: Gazetteer, article: Article, place: Place, others: list[Place]
) -> Place | None:
    """The town of the place's name in the division the rest of the article points at most
    strongly, if there is one: "Portland" beside "BANGOR —" is Portland, Maine."""
    votes: dict[tuple[str, str], float] = defaultdict(float)
    for other in others:
        if other.country and other.admin1 and not _hamlet(gaz, other):
            votes[other.country, other.admin1] += _story_weight(article, other)
    assert place.span is not None  # _unsupported checked it
    readings = [
        _place(gaz, place.text, place.span, e)
        for e in _readings(gaz, place)
        if e.kind == KIND_CITY and e.geonames_id != place.geonames_id
    ]
    there = [r for r in readings if votes.get((r.country or "", r.admin1 or ""), 0.0) > 0]
    return max(there, key=lambda r: votes[r.country or "", r.admin1 or ""], default=None)


def _hamlet(gaz: Gazetteer, place: Place) -> bool:
    """A small town named bare: often itself a misread namesake ("Liberty City", Texas, for
    the quarter of Miami), so it says nothing about the article's state."""
    return 0 < _population(gaz, place) < SMALL_TOWN and _split_mention(place.text)[1] is None


def _far_city(
    gaz: Gazetteer,
    place: Place,
    others: list[Place],
    totals: dict[tuple[str, str | None], float],
) -> Place | None:
    """The big city far from the place that the article names, the heaviest if several: the
    place is one of its neighbourhoods. None when the article names another town of that
    city's state (:func:`_has_rival`)."""
    far = [
        b
        for b in others
        if _population(gaz, b) >= max(MAJOR_CITY, 2 * _population(gaz, place))
        and b.lat is not None
        and _km(place, b) > NAMESAKE_KM
        and not _has_rival(gaz, b, others)
    ]
    return max(far, key=lambda b: totals[_town_key(b)], default=None)


def _has_rival(gaz: Gazetteer, city: Place, places: list[Place]) -> bool:
    """Whether the article names another town of the city's division beyond its edge: then
    the story may be that town's ("Saltsburg" beside "Pittsburgh"), and a stray word read as
    a far-off namesake ("Sale") should not tip it to the city."""
    return any(
        p.admin1 == city.admin1
        and p.country == city.country
        and _town_key(p) != _town_key(city)
        and _population(gaz, p) > 0
        and p.lat is not None
        and _km(p, city) > ENCLOSING_KM
        for p in places
    )


def _population(gaz: Gazetteer, place: Place) -> int:
    entry = gaz.by_geonames_id(place.geonames_id) if place.geonames_id else None
    return entry.population if entry is not None and entry.kind == KIND_CITY else 0


def _before(place: Place, offset: int) -> bool:
    return place.span is not None and place.span.start < offset


def _fold_unresolved(scores: dict[tuple[str, str | None], float]) -> None:
    """Add the votes of an ambiguous name ("Richmond") to its one resolved namesake in the
    article ("Richmond, Va."); with none or several, the name stands on its own."""
    for key in [k for k in scores if k[1] is None]:
        namesakes = [k for k in scores if k[0] == key[0] and k[1] is not None]
        if len(namesakes) == 1:
            scores[namesakes[0]] += scores.pop(key)


def _weights(article: Article, places: list[Place]) -> list[float]:
    """:func:`_story_weight` of each place, the title's share split among the distinct towns it
    names ("Chino, San Dimas men arrested")."""
    weights = [_story_weight(article, p) for p in places]
    in_title = [i for i, p in enumerate(places) if _in_title(article, p)]
    names = {_town_key(places[i]) for i in in_title}
    for i in in_title:
        weights[i] /= max(1, len(names))
    return weights


def _in_title(article: Article, place: Place) -> bool:
    return (
        article.title_span is not None
        and place.span is not None
        and place.span.start < article.title_span.end
    )


def _division_votes(article: Article, places: list[Place], home: str | None) -> dict[str, float]:
    """How strongly the article's text points at each first-level division of its main country.
    The title is left out: its town is the one being judged, and a neighbourhood missing from
    the gazetteer is read there as a namesake elsewhere ("Gresham" in a story from Chicago)."""
    votes: dict[str, float] = defaultdict(float)
    for place in places:
        if place.country == home and place.admin1 and not _in_title(article, place):
            votes[place.admin1] += _story_weight(article, place)
    return votes


def _ranked(votes: dict[str, float]) -> list[tuple[str, float]]:
    """The two largest votes, largest first (the first on ties)."""
    return sorted(votes.items(), key=lambda item: -item[1])[:2]


def _top_division(votes: dict[str, float]) -> str | None:
    """The division the article points at at least :data:`DIVISION_LEAD` times as strongly as
    at any other, if any."""
    ranked = _ranked(votes)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < DIVISION_LEAD * ranked[1][1]):
        return None
    return ranked[0][0]


def _division_factor(place: Place, votes: dict[str, float]) -> float:
    """1, or :data:`OTHER_DIVISION_FACTOR` when the place (or, for an ambiguous name, each of
    its readings) lies outside a division that the article points at at least
    :data:`DIVISION_LEAD` times as strongly as at the place's own."""
    if not votes:
        return 1.0
    top, top_votes = _ranked(votes)[0]
    if place.admin1 is None:
        return 1.0 if place.geonames_id is not None else OTHER_DIVISION_FACTOR
    if top != place.admin1 and top_votes >= DIVISION_LEAD * votes.get(place.admin1, 0.0):
        return OTHER_DIVISION_FACTOR
    return 1.0


def _by_division(gaz: Gazetteer, place: Place, home: str | None, votes: dict[str, float]) -> Place:
    """An ambiguous name ("Richmond") read as its one namesake in the division the article is
    about (:func:`_top_division`); the place as it is otherwise."""
    top = _top_division(votes)
    if place.geonames_id is not None or place.admin1 is not None or top is None:
        return place
    there = [
        e for e in _readings(gaz, place) if e.country == home and e.admin1 == top and not e.is_area
    ]
    if len(there) != 1 or place.span is None:
        return place
    return _place(gaz, place.text, place.span, there[0])


def _unframed(place: Place, offset: int) -> Place:
    """The place with its span back in the article's own text (None when it lies in a title
    that the text lacks)."""
    if offset == 0 or place.span is None:
        return place
    start, end = place.span.start - offset, place.span.end - offset
    return replace(place, span=Span(start, end) if start >= 0 else None)
