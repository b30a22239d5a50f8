"""The town a whole article is about, from where its resolved places stand.

Split from :mod:`presslens.events.places` (which finds and resolves mentions): this part weighs
the resolved places by position (headline without the outlet's name, dateline, lead) and by the
state the article is mostly about, because an event's own sentence often names only a street, a
neighbourhood or nothing.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

from presslens.document import Article, Span
from presslens.events.gazetteer import (
    KIND_CITY,
    KIND_COUNTY,
    Gazetteer,
    GeoEntry,
    is_coarse,
    load_gazetteer,
    name_key,
)
from presslens.events.model import Place
from presslens.events.places import (
    MAJOR_CITY,
    MUNICIPAL_AFTER,
    SMALL_TOWN,
    _article_mentions,
    _place,
    _split_mention,
    has_cue,
    resolve_places,
)

#: Where a mention stands says how surely it is the story's own town: the title names the
#: incident's town, a dateline where the reporter files (often a station's city, so it ranks
#: below the title), the lead where things happened; later mentions are often background.
TITLE_WEIGHT = 6.0
DATELINE_WEIGHT = 4.0
LEAD_WEIGHT = 2.0
LEAD_CHARS = 600
#: A dateline whose paragraph frames another town (:func:`_contested_dateline`) weighs this.
CONTESTED_DATELINE_WEIGHT = 1.0
#: A bare name ("Davis") counts this much of one framed as a place ("in Davis", "Davis police").
BARE_WEIGHT = 0.5
#: A place this close to a named city this many times its size counts as part of that city.
ENCLOSING_KM = 12.0
ENCLOSING_RATIO = 10
#: A big city named with its own police ("Chicago police") polices its far quarters too: a
#: place this many km times the square root of its millions of people away, and this many
#: times smaller, counts as part of it ("Rogers Park", 18 km from Chicago's centre).
POLICED_KM_PER_ROOT_MILLION = 25.0
POLICED_RATIO = 5
#: A town outside the division the article points at this many times more strongly counts
#: this much.
DIVISION_LEAD = 2.0
OTHER_DIVISION_FACTOR = 0.25
#: A town this far from a big city that the article names, in a division that nothing else in
#: the article names, is a namesake of one of that city's neighbourhoods.
NAMESAKE_KM = 200.0
#: A big city's bare name is read as a postal village of its name only where the rest of the
#: article points at the village's state more strongly than this (one lead mention's weight;
#: :func:`_namesake_there`).
POSTAL_NAMESAKE_VOTES = LEAD_WEIGHT
#: A name the text calls a neighbourhood belongs to the biggest named city this close to it.
QUARTER_KM = 40.0
#: What the outlet's home in a title ("- KSLA News 12 Shreveport, Louisiana") counts for its
#: division: as much as one body mention.
OUTLET_WEIGHT = 1.0
#: A mention that names a town's surroundings ("an Atlanta suburb") counts this much.
SURROUNDINGS_FACTOR = 0.25
#: A mention named as where the shooting happened counts this much more.
SCENE_FACTOR = 3.0
#: A mention of a town's police ("Venice police responded") counts this much more: the
#: police that answer the call are the town's where it happened.
POLICE_FACTOR = 2.0


#: A title segment that names the outlet, not the story: "- KSLA News 12 Shreveport, Louisiana",
#: "| Chattanooga News, Weather & Sports", "« CBS San Francisco".
_OUTLET = re.compile(
    r"\b(?:[KW][A-Z]{2,3}|CBS|NBC|ABC|FOX|CNN)\d*\b|"
    r"(?i:\b(?:news|weather|sports|tv|channel|radio)\b|\.com\b)"
)
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—«»]\s+|\s*\|\s*")
#: What stands around a town's name when the story is around the town, not in it: "an Atlanta
#: suburb", "Atlanta's northern suburbs", "the Houston area", "a Dallas-area man", "the Denver
#: metro", "suburban Denver" ("just outside Saltsburg" is, for police and registers, Saltsburg),
#: and the hospital a victim was taken to ("Methodist Hospital in Indianapolis").
_SURROUNDINGS_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+|-)(?:[a-z]+ern\s+)?(?:suburbs?|area|metro|region)\b", re.IGNORECASE
)
_SURROUNDINGS_BEFORE = re.compile(
    r"\bsuburban\s+$|\b(?:hospital|medical\s+center|trauma\s+center)\s+in\s+$", re.IGNORECASE
)
#: Words before a town that place the story beside it, not in it: "a street outside Atlanta".
_BESIDE_BEFORE = re.compile(r"\b(?:outside|near|nearby)(?:\s+of)?\s+$", re.IGNORECASE)
#: Words after a title's town that make it someone's home, not the story's: "Tampa man wounded
#: at Orlando nightclub".
_RESIDENT_AFTER = re.compile(
    r"\s+(?:man|men|woman|women|resident|residents|couple|teen|teens|teenager|boy|girl|native)\b",
    re.IGNORECASE,
)
#: Words before a town that make it the scene: "was shot in", "a shooting Sunday in", "happened
#: right outside of", "in the 1200 block of Main Street in", and a street's name before "in"
#: ("at a home on Sandy Dam Lane in").
_SCENE_BEFORE = re.compile(
    r"\b(?:shot|shooting|shootings|gunfire|killed|wounded|happened|occurred|took\s+place|fired|"
    r"found\s+dead|died|opened\s+fire|block\s+of)\b[^.;!?]{0,60}\b(?:in|near|outside)(?:\s+of)?"
    r"(?:\s+the)?\s+$|"
    r"\b(?:road|rd|street|avenue|ave|drive|dr|lane|ln|circle|boulevard|blvd|highway|hwy|"
    r"parkway|pkwy|loop|pike|trail|terrace)\.?\s+in\s+$",
    re.IGNORECASE,
)
#: A town's name before a place where things happen, after "at a" / "in a": "found at a Woodland
#: home", "shot in a Lexington park", "inside a Tyler nightclub".
_VENUE_BEFORE = re.compile(r"\b(?:at|in|inside|outside|near)\s+an?\s+$", re.IGNORECASE)
_VENUE_AFTER = re.compile(
    r"\s+(?:home|house|residence|apartments?|motel|hotel|park|bar|store|nightclub|club|"
    r"restaurant|church|school|parking|gas\s+station)\b",
    re.IGNORECASE,
)
#: Words before a name that call it a town of its own: "the Denver suburb of Wheat Ridge",
#: "the town of Bell", "the Town of Busti".
_TOWN_BEFORE = re.compile(
    r"\b(?:suburbs?|city|town|village|borough|township)\s+of\s+$", re.IGNORECASE
)
#: Words after a town's name that name its police: "Venice police", "the Taylor Police
#: Department", "Chicago's police", "Acworth officers".
_POLICE_AFTER = re.compile(r"(?:['’]s)?\s+(?:police|pd|officers?)\b", re.IGNORECASE)
#: A possessive before a name, after its owner's: "Toledo's Old West End", "Houston's Third".
_POSSESSOR_BEFORE = re.compile(r"['’]s\s+(?:[A-Z][a-z]+\s+)?$")
#: Words after a name that make it a part of a city: "the Uptown neighborhood".
_QUARTER_AFTER = r"\s+(?:neighbou?rhoods?|section|subdivision)\b"


def _outlet_votes(article: Article, home: str | None) -> dict[str, float]:
    """The divisions of the main country that the outlet's home in the title names ("wistv.com
    - Columbia, South Carolina"), each :data:`OUTLET_WEIGHT`: a local station reports mostly
    on its own state, though its home is not the story's town (:func:`strip_outlet`)."""
    outlet = _split_outlet(article.title or "")[1]
    if not outlet:
        return {}
    language = article.language or article.language_hint or "en"
    mentions = list(_article_mentions(outlet, language))
    places = resolve_places(Article(text=outlet, language=language), mentions)
    return {
        p.admin1: OUTLET_WEIGHT
        for p in places
        if p is not None and p.country == home and p.admin1 is not None
    }


def strip_outlet(title: str) -> str:
    """The title less the segments that name the outlet (see :data:`_OUTLET`) and those after
    them: a station's home town in "... - WMC Action News 5 - Memphis, Tennessee" is not where
    the story happened."""
    return _split_outlet(title)[0]


def _split_outlet(title: str) -> tuple[str, str]:
    """The title's story segments and its outlet segments (:func:`strip_outlet`), each joined
    by " - "."""
    segments = [s.strip() for s in _TITLE_SEPARATOR.split(title) if s.strip()]
    if len(segments) < 2:
        return title.strip(), ""
    lead = []
    if _OUTLET.search(segments[0]):
        lead, segments = segments[:1], segments[1:]  # "CBS 58 - Fatal shooting ..."
    outlet = next((i for i, s in enumerate(segments) if i and _OUTLET.search(s)), len(segments))
    return " - ".join(segments[:outlet]), " - ".join(lead + segments[outlet:])


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
    """How much one mention says "this is the story's town" (see :data:`TITLE_WEIGHT`); a
    title's town named as someone's home ("Tampa man wounded") counts as a lead mention."""
    if place.span is None:
        return 1.0
    start = place.span.start
    if article.title_span is not None and start < article.title_span.end:
        resident = _RESIDENT_AFTER.match(article.text, place.span.end)
        return LEAD_WEIGHT if resident else TITLE_WEIGHT  # a home counts as in the lead
    if _in_dateline(article, place):
        return DATELINE_WEIGHT
    body = article.title_span.end if article.title_span is not None else 0
    weight = LEAD_WEIGHT if start - body < LEAD_CHARS else 1.0
    language = article.language or article.language_hint or "en"
    return weight if has_cue(article.text, place.span, language) else weight * BARE_WEIGHT


def _in_dateline(article: Article, place: Place) -> bool:
    """Whether the mention is a dateline: capitals at the start of a line ("BOSTON (AP) —")."""
    if place.span is None:
        return False
    start = place.span.start
    line_start = start == 0 or article.text[:start].rstrip(" \t").endswith("\n")
    return line_start and place.text.split(",")[0].isupper()


def _pinned(place: Place) -> bool:
    """Whether the mention pins the town to its state ("Capitol Heights, Maryland")."""
    return _split_mention(place.text)[1] is not None


def _km(a: Place, b: Place) -> float:
    """Great-circle distance (haversine) between two places with coordinates."""
    lat1, lon1, lat2, lon2 = (math.radians(v or 0.0) for v in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _enclosing_city(
    gaz: Gazetteer,
    place: Place,
    others: list[Place],
    policed: frozenset[tuple[str, str | None]] = frozenset(),
) -> Place | None:
    """A much bigger named city next door in the same division: "Charles Village" →
    Baltimore. GeoNames lists many neighbourhoods as towns, while reports and registers file
    them under the city; a town across a state line is a town of its own. A city named with
    its police (its key in ``policed``) reaches further (:data:`POLICED_KM_PER_ROOT_MILLION`):
    a big city's quarters lie beyond :data:`ENCLOSING_KM` of its centre."""
    if not _is_town(gaz, place) or place.lat is None:
        return None
    population = _population(gaz, place)
    best: tuple[int, Place] | None = None
    for other in others:
        big = gaz.by_geonames_id(other.geonames_id) if other.geonames_id else None
        if big is None or other.admin1 != place.admin1:
            continue  # Capitol Heights, Maryland, is no part of Washington, D.C.
        radius, ratio = ENCLOSING_KM, ENCLOSING_RATIO
        if _town_key(other) in policed:
            reach = POLICED_KM_PER_ROOT_MILLION * math.sqrt(big.population / 1e6)
            radius, ratio = max(ENCLOSING_KM, reach), POLICED_RATIO
        if big.population < ratio * max(population, 1):
            continue
        near = other.lat is not None and _km(place, other) <= radius
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
    door that the article names (unless a mention shows a town of its own: its police or
    mayor, its state, "the town of": "Mount Vernon, N.Y.", beside the Bronx), towns before
    counties (a county is named mostly for its sheriff or prosecutor), and only places of
    the article's main country.
    A town of another division than the one the article is mostly about counts for little:
    "Gresham" read as the town in Oregon in a story from Chicago is a neighbourhood the
    gazetteer lacks. The outlet's home in the title counts towards that division
    (:func:`_outlet_votes`).

    None when the article names no town or county. The place returned is the first mention
    of the winner; a place named only in a title kept apart from the text has no span.
    """
    gaz = load_gazetteer()
    framed, offset = _with_title(article)
    language = framed.language or framed.language_hint or "en"
    mentions = list(_article_mentions(framed.text, language))  # shared with resolve_places
    resolved = [p for p in resolve_places(framed, mentions) if p is not None]
    resolved = _namesakes_as_neighbourhoods(gaz, framed, resolved)
    resolved = _quarters_as_cities(gaz, framed, resolved)
    resolved = _possessed_quarters(gaz, framed, resolved)
    home = _home_country(gaz, framed, resolved)
    local = [p for p in resolved if _is_local(gaz, p, home)]
    candidates = [p for p in local if not _is_county(p)] or local
    weights = _weights(framed, candidates)
    divisions = _division_votes(framed, resolved, home)
    for admin1, vote in _outlet_votes(article, home).items():
        divisions[admin1] += vote
    candidates = [_by_division(gaz, p, home, divisions) for p in candidates]
    scores: dict[tuple[str, str | None], float] = defaultdict(float)
    first: dict[tuple[str, str | None], Place] = {}
    # A town named with its police or mayor (MUNICIPAL_AFTER) or pinned to its state is a
    # town of its own, not a quarter GeoNames lists as a town; a big one so named reaches
    # further (_enclosing_city).
    policed = frozenset(
        _town_key(p) for p in candidates if _said_around(framed, p, MUNICIPAL_AFTER)
    )
    municipal = policed | {
        _town_key(p) for p in candidates if _pinned(p) or _called_a_town(framed, p)
    }
    for place, weight in zip(candidates, weights, strict=True):
        enclosing = (
            None
            if _town_key(place) in municipal
            else _enclosing_city(gaz, place, candidates, policed)
        )
        city = enclosing or place
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
    (towns in Kentucky, Tennessee, Texas, ...) beside "Cincinnati" is a Cincinnati quarter. A
    county is no quarter: "Morris County" beside "Naples" stays a county."""
    result = list(places)
    for key in {_town_key(p) for p in places if p.geonames_id is None and p.admin1 is None}:
        same = [p for p in places if _town_key(p) == key]
        if _is_county(same[0]) or any(_split_mention(p.text)[1] is not None for p in same):
            continue
        others = [p for p in places if _town_key(p) != key]
        city = _city_without_namesake(gaz, article, same[0], others, totals)
        if city is not None:
            result = _read_as(result, key, city)
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
            places = _read_as(places, key, city)
    return places


def _read_as(places: list[Place], key: tuple[str, str | None], city: Place) -> list[Place]:
    """The places with every mention of the town ``key`` read as ``city``; each mention keeps
    its own text and span, so it weighs where it stands."""
    return [replace(city, text=p.text, span=p.span) if _town_key(p) == key else p for p in places]


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
    strongly, if there is one: "Portland" beside "BANGOR —" is Portland, Maine. A big city is
    read as a postal village of its name only where the article points at the village's state
    more than one lead mention does (:data:`POSTAL_NAMESAKE_VOTES`): "Detroit" beside a "West
    Chicago" street is still Detroit, Michigan, not the village in Illinois."""
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
    big = _population(gaz, place) >= MAJOR_CITY

    def pointed_at(reading: Place) -> bool:
        vote = votes.get((reading.country or "", reading.admin1 or ""), 0.0)
        if big and reading.geonames_id is None:
            return vote > POSTAL_NAMESAKE_VOTES
        return vote > 0

    there = [r for r in readings if pointed_at(r)]
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


def _is_town(gaz: Gazetteer, place: Place) -> bool:
    """A place resolved to a town: a GeoNames town, or a postal town, which has coordinates
    but no GeoNames id (:attr:`.gazetteer.GeoEntry.is_postal`) and so no known population."""
    if place.geonames_id is None:
        return place.lat is not None and not is_coarse(place)
    entry = gaz.by_geonames_id(place.geonames_id)
    return entry is not None and entry.kind == KIND_CITY


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
    names ("Chino, San Dimas men arrested"), a town's surroundings
    (:func:`_names_surroundings`) and a contested dateline (:func:`_contested_dateline`)
    counting less."""
    around = [_names_surroundings(article, p) for p in places]
    weights = [
        _story_weight(article, p)
        * (SURROUNDINGS_FACTOR if around[i] else 1)
        * (SCENE_FACTOR if _names_scene(article, p) and not around[i] else 1)
        * (POLICE_FACTOR if _names_police(article, p) else 1)
        for i, p in enumerate(places)
    ]
    for i, place in enumerate(places):
        if weights[i] == DATELINE_WEIGHT and _contested_dateline(article, place, places):
            weights[i] = CONTESTED_DATELINE_WEIGHT
    in_title = [i for i, p in enumerate(places) if _in_title(article, p)]
    names = {_town_key(places[i]) for i in in_title}
    for i in in_title:
        weights[i] /= max(1, len(names))
    return weights


def _contested_dateline(article: Article, dateline: Place, places: list[Place]) -> bool:
    """Whether the dateline's own paragraph places the story in another town ("BOSTON (AP) —
    Five people were found shot in a home in Saco, Maine"): the dateline is then where the
    reporter or the station is."""
    assert dateline.span is not None  # a dateline weight needs a span
    end = article.text.find("\n", dateline.span.end)
    end = len(article.text) if end < 0 else end
    language = article.language or article.language_hint or "en"
    return any(
        p.span is not None
        and dateline.span.end < p.span.start < end
        and _town_key(p) != _town_key(dateline)
        and has_cue(article.text, p.span, language)
        and not _names_surroundings(article, p)
        and not _said_around(article, p, before=_BESIDE_BEFORE, reach=20)
        for p in places
    )


def _said_around(
    article: Article,
    place: Place,
    after: re.Pattern[str] | None = None,
    before: re.Pattern[str] | None = None,
    reach: int = 0,
) -> bool:
    """Whether the words right after a mention match ``after``, or the ``reach`` characters
    before it end in a match of ``before``: what a town's name is called in its own text."""
    if place.span is None:
        return False
    text, span = article.text, place.span
    if after is not None and after.match(text, span.end):
        return True
    return before is not None and bool(before.search(text, max(0, span.start - reach), span.start))


def _names_surroundings(article: Article, place: Place) -> bool:
    """Whether the mention names the land around a town rather than the town (see
    :data:`_SURROUNDINGS_AFTER`): a story from "an Atlanta suburb" is not Atlanta's."""
    return _said_around(article, place, _SURROUNDINGS_AFTER, _SURROUNDINGS_BEFORE, reach=20)


def _names_scene(article: Article, place: Place) -> bool:
    """Whether the mention is named as the shooting's scene (see :data:`_SCENE_BEFORE`), as
    the town of a place where people gather (:data:`_VENUE_BEFORE`: "found at a Woodland
    home"), or introduced as a town ("went to a home in the town of Archer"): it counts
    :data:`SCENE_FACTOR` more."""
    return (
        _said_around(article, place, before=_SCENE_BEFORE, reach=120)
        or _called_a_town(article, place)
        or (
            _said_around(article, place, before=_VENUE_BEFORE, reach=12)
            and _said_around(article, place, _VENUE_AFTER)
        )
    )


def _called_a_town(article: Article, place: Place) -> bool:
    """Whether the mention calls the place a town of its own (:data:`_TOWN_BEFORE`): such a
    town is no quarter of the big city next door ("the Denver suburb of Wheat Ridge"), and
    a report that introduces a town so is set there ("in the town of Isla Vista")."""
    return _said_around(article, place, before=_TOWN_BEFORE, reach=20)


def _names_police(article: Article, place: Place) -> bool:
    """Whether a mention outside the title names the town's police (:data:`_POLICE_AFTER`);
    a title's town already weighs the most."""
    return not _in_title(article, place) and _said_around(article, place, _POLICE_AFTER)


def _quarters_as_cities(gaz: Gazetteer, article: Article, places: list[Place]) -> list[Place]:
    """The places with each name the text calls a neighbourhood ("the Uptown neighborhood",
    "the Kensington section") read as the biggest city named in the article near it
    (:data:`QUARTER_KM`), else as the biggest city it names more than :data:`NAMESAKE_KM` away
    (the quarter was read as a namesake elsewhere): GeoNames lists many city quarters as towns,
    while a headline's "5 shot in Uptown" happened in Chicago. A quarter with no big city
    named stays as it is."""
    result = list(places)
    for key in dict.fromkeys(_town_key(p) for p in places):  # text order: the same every run
        name = _split_mention(next(p for p in places if _town_key(p) == key).text)[0]
        if not re.search(re.escape(name) + _QUARTER_AFTER, article.text, re.IGNORECASE):
            continue
        cities = [c for c in places if _town_key(c) != key and _population(gaz, c) >= MAJOR_CITY]
        quarter = next((p for p in places if _town_key(p) == key and p.lat is not None), None)
        near = [
            c
            for c in cities
            if quarter is not None
            and _population(gaz, c) > _population(gaz, quarter)
            and c.lat is not None
            and _km(quarter, c) <= QUARTER_KM
        ]
        far = [
            c for c in cities if quarter is None or c.lat is None or _km(quarter, c) > NAMESAKE_KM
        ]
        city = max(near or far, key=lambda c: _population(gaz, c), default=None)
        if city is not None:
            result = _read_as(result, key, city)
    return result


def _possessed_quarters(gaz: Gazetteer, article: Article, places: list[Place]) -> list[Place]:
    """The places with each name that a town's possessive owns read as that town: "Toledo's
    Old West End" is in Toledo, not the West End of Vancouver. The owner is a town, or a name
    the gazetteer could not settle, and bigger than a town it owns."""
    result = list(places)
    for place in places:
        owner = _possessor(gaz, article, place, places)
        if owner is not None:
            result = _read_as(result, _town_key(place), owner)
    return result


def _possessor(gaz: Gazetteer, article: Article, place: Place, places: list[Place]) -> Place | None:
    """The place whose possessive stands right before the mention (:data:`_POSSESSOR_BEFORE`)."""
    if place.span is None:
        return None
    start = place.span.start
    before = _POSSESSOR_BEFORE.search(article.text, max(0, start - 12), start)
    if before is None:
        return None
    for owner in places:
        owns = owner.span is not None and owner.span.end == before.start()
        if owns and owner.geonames_id is None:
            return owner
        if owns and _is_town(gaz, owner) and _population(gaz, owner) > _population(gaz, place):
            return owner
    return None


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
    if place.span is None:
        return place
    readings = [
        _place(gaz, place.text, place.span, e) for e in _readings(gaz, place) if not e.is_area
    ]
    there = [r for r in readings if r.country == home and r.admin1 == top]  # division names
    return there[0] if len(there) == 1 else place


def _unframed(place: Place, offset: int) -> Place:
    """The place with its span back in the article's own text (None when it lies in a title
    that the text lacks)."""
    if offset == 0 or place.span is None:
        return place
    start, end = place.span.start - offset, place.span.end - offset
    return replace(place, span=Span(start, end) if start >= 0 else None)
