"""Link the events of many articles into incidents, without comparing all pairs.

How (docs/incidents.md has the user-facing version, with the numbers):

1. **Mentions.** Every event of every article becomes a mention with a type *family*
   (:data:`~presslens.incidents.compare.TYPE_FAMILIES`) and a window of days it can have
   happened on (its stated date range; for an undated event, the week before publication).
2. **Within an article**, mentions of one family link unless their places are far apart or
   their figures clash: an article tells one story, over several days.
3. **Blocking.** A mention is filed under ``(family, week, place)``, ``(family, week, map
   cell)`` and ``(family, week, rare name)`` for every week its window touches (widened by the
   date tolerance), and under ``(family, rare name)``. Only mentions sharing a key are compared.
4. **Rule across articles** (:meth:`_Linker.compatible`): dates that do not meet, places far
   apart and clashing figures are contradictions; with none, the articles need a little
   similarity (:class:`~presslens.incidents.textsim.StorySimilarity`), more when the agreement
   is weak, much more with one contradiction; two forbid the link, and so does one when an
   event has no evidence in its text (only its headline tells of it, see
   :mod:`presslens.events.extract`): such an article is compared by its title alone.
5. **Closure.** Links are merged with union-find, refusing merges of groups whose stated dates
   never meet (:class:`_Groups`); near-copies of an article always link, except events only
   their headlines tell of (two pages of one site may share nothing but their furniture).
   Each group is an incident.

Linking 10,000 articles takes seconds (bench/bench_linking.py).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field

from presslens.document import Article
from presslens.events.model import Event, Place
from presslens.incidents.compare import (
    PlaceRelation,
    actors_compatible,
    all_counts_compatible,
    date_window,
    place_relation,
    type_family,
    windows_meet,
)
from presslens.incidents.minhash import MinHasher, similar_pairs
from presslens.incidents.model import Incident, IncidentSource
from presslens.incidents.summary import (
    incident_id,
    merge_article_counts,
    place_key,
    summary_counts,
    summary_date,
    summary_place,
    summary_type,
)
from presslens.incidents.textsim import StorySimilarity
from presslens.incidents.tokens import Tokenized, tokenize

_STRONG_PLACES = frozenset({PlaceRelation.SAME, PlaceRelation.NEAR})


@dataclass(frozen=True, slots=True)
class LinkConfig:
    """The knobs of the linking rule; the defaults were tuned on the GVA training split."""

    #: Places whose coordinates are at most this far apart count as the same place.
    near_km: float = 25.0
    #: Date ranges this many days apart still meet ("late Monday" against "early Tuesday").
    date_tolerance_days: int = 1
    #: An undated event can have happened this many days before its article was published.
    undated_lookback_days: int = 7
    #: Wider ranges ("last year") are too vague to file by week or to count as agreeing: such
    #: events meet others only through shared rare names, and need the weak bar.
    max_window_days: int = 62
    #: Shingle Jaccard from which two articles are near-copies.
    duplicate_threshold: float = 0.8
    #: Counts may differ by ``max(count_slack, count_ratio × larger)`` and still fit.
    count_slack: int = 1
    count_ratio: float = 0.34
    #: Article similarity (:class:`~presslens.incidents.textsim.StorySimilarity`) needed when
    #: the places and dates agree ...
    min_similarity: float = 0.1
    #: ... when a place is missing, only a region, or unclear, or the actors are on different
    #: sides (extracted actors are often the source, "police said") ...
    min_similarity_weak: float = 0.15
    #: ... and when one thing contradicts: dates that do not meet, places far apart or clashing
    #: figures. Only articles this similar overrule a contradiction (extracted places and dates
    #: do err, and follow-ups date their main event to the latest news).
    min_similarity_conflict: float = 0.25
    #: Rare names per article used as blocking keys (its first ones shared with 2 to
    #: ``max_term_df`` articles).
    rare_terms: int = 8
    max_term_df: int = 20
    #: Side of the map cells used to block nearby places, in degrees of latitude.
    cell_degrees: float = 0.5


@dataclass(slots=True)
class _Mention:
    """One event of one article, as the linker sees it."""

    article: int
    event: Event
    family: str
    window: tuple[dt.date, dt.date] | None
    #: Whether the window is the event's own date (not the publication week).
    stated: bool


@dataclass(slots=True)
class _UnionFind:
    parent: list[int]
    rank: list[int] = field(default_factory=list)

    @classmethod
    def of_size(cls, size: int) -> _UnionFind:
        return cls(parent=list(range(size)), rank=[0] * size)

    def find(self, item: int) -> int:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1


class _Groups:
    """Union-find over mentions that also knows the stated dates of each group.

    Linking is single-linkage, so one loose link can chain two incidents of one town months
    apart. A link between two groups is therefore refused when both groups have stated dates
    and no date of one meets a date of the other: a follow-up article that restates the day of
    the shooting still joins its incident, a different shooting in the same town does not.
    """

    def __init__(self, mentions: Sequence[_Mention], tolerance: int) -> None:
        self.sets = _UnionFind.of_size(len(mentions))
        self.tolerance = tolerance
        self.windows: dict[int, list[tuple[dt.date, dt.date]]] = {
            i: [m.window] for i, m in enumerate(mentions) if m.stated and m.window is not None
        }

    def find(self, item: int) -> int:
        return self.sets.find(item)

    def dates_agree(self, a: int, b: int) -> bool:
        """True when either group has no stated date or some stated dates of both meet."""
        left = self.windows.get(self.find(a), [])
        right = self.windows.get(self.find(b), [])
        return (
            not left
            or not right
            or any(windows_meet(x, y, self.tolerance) for x in left for y in right)
        )

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        self.sets.union(ra, rb)
        merged = self.windows.pop(ra, []) + self.windows.pop(rb, [])
        if merged:  # a big story repeats its dates: keep each once
            self.windows[self.find(ra)] = list(dict.fromkeys(merged))


def source_names(articles: Sequence[Article]) -> list[str]:
    """The name each article has in ``sources``: its JSONL id, else its path.

    Names that would collide (the same id in two files) become ``path#id``, and any that still
    collide get ``@position`` appended, so every source name is unique.
    """
    names = [a.id or a.source or f"article-{i + 1}" for i, a in enumerate(articles)]
    taken = Counter(names)
    names = [
        f"{a.source}#{a.id}" if taken[n] > 1 and a.source and a.id and a.source != a.id else n
        for a, n in zip(articles, names, strict=True)
    ]
    taken = Counter(names)
    return [f"{n}@{i + 1}" if taken[n] > 1 else n for i, n in enumerate(names)]


def _event_start(event: Event) -> int:
    return event.evidence[0].start if event.evidence else 0


def _mentions(articles: Sequence[Article], config: LinkConfig) -> list[_Mention]:
    mentions = []
    for index, article in enumerate(articles):
        for event in sorted(article.events, key=_event_start):
            window = date_window(
                event, article.published, undated_lookback_days=config.undated_lookback_days
            )
            family = type_family(event.type)
            stated = window is not None and window[2]
            mentions.append(_Mention(index, event, family, window and window[:2], stated))
    return mentions


def _weeks(window: tuple[dt.date, dt.date], config: LinkConfig) -> range:
    """Week numbers the window touches, widened by the tolerance; empty when too wide."""
    start, end = window
    if (end - start).days > config.max_window_days:
        return range(0)
    pad = config.date_tolerance_days
    return range((start.toordinal() - pad) // 7, (end.toordinal() + pad) // 7 + 1)


def _cells(place: Place, config: LinkConfig) -> list[tuple[int, int]]:
    """The map cell of a place with coordinates and its 8 neighbours (so near places meet)."""
    if place.lat is None or place.lon is None:
        return []
    size = config.cell_degrees
    row = math.floor(place.lat / size)
    # Widen cells east-west with latitude so that a cell is never narrower than it is tall.
    lon_size = size / max(math.cos(math.radians(min(abs(place.lat), 80.0))), 0.17)
    col = math.floor(place.lon / lon_size)
    return [(row + dr, col + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]


def _keys(
    mention: _Mention, rare: Sequence[int], config: LinkConfig
) -> Iterator[tuple[Hashable, ...]]:
    """Blocking keys: place, map cell and rare name per week, and rare name alone.

    The week-less rare-name keys let articles that share their particulars meet even when
    their dates disagree; the rule then asks them to be very similar.
    """
    terms: list[Hashable] = [("term", term) for term in rare]
    for key in terms:
        yield (mention.family, None, key)
    if mention.window is None:
        return
    place = mention.event.place
    place_keys = [*terms]
    if place is not None:
        place_keys.append(("place", place_key(place)))
        place_keys.extend(("cell", cell) for cell in _cells(place, config))
    for week in _weeks(mention.window, config):
        for key in place_keys:
            yield (mention.family, week, key)


class _Linker:
    """Holds what the rule needs about a collection, so each pair check is cheap."""

    def __init__(self, articles: Sequence[Article], config: LinkConfig) -> None:
        self.articles = articles
        self.config = config
        self.mentions = _mentions(articles, config)
        with_events = sorted({m.article for m in self.mentions})
        self.position = {article: i for i, article in enumerate(with_events)}
        texts = [_text(articles[i]) for i in with_events]
        told = [_told(articles[i]) for i in with_events]
        stories = [_story(articles[i]) for i in with_events]
        tokenized = tokenize(texts)
        names = tokenized if told == texts else tokenize(told)
        story = names if stories == told else tokenize(stories)
        self.vectors = StorySimilarity(names, story)
        self.duplicates = [
            (with_events[i], with_events[j])
            for i, j in _near_copies(tokenized, config.duplicate_threshold)
        ]
        self.partners: dict[int, list[int]] = defaultdict(list)
        for a, b in self.duplicates:
            self.partners[a].append(b)
            self.partners[b].append(a)
        self._similarity: dict[tuple[int, int], float] = {}

    def similarity(self, a: int, b: int) -> float:
        key = (a, b) if a < b else (b, a)
        if key not in self._similarity:
            self._similarity[key] = self.vectors(self.position[a], self.position[b])
        return self._similarity[key]

    def compatible(self, a: _Mention, b: _Mention) -> bool:
        """The linking rule for two mentions of different articles that share a blocking key.

        Contradictions are dates that do not meet, places far apart and clashing figures. With
        none, the articles need a little similarity when the places agree and the actors are
        not on different sides, more otherwise; one contradiction needs much similarity (the
        extraction errs, and a follow-up article dates its main event to the latest news);
        two or more forbid the link, and one does when either event only a headline tells of
        (a title is too short for its similarity to outweigh anything).
        """
        config = self.config
        if a.family != b.family:
            return False
        relation = place_relation(a.event.place, b.event.place, near_km=config.near_km)
        contradictions = self._contradictions(a, b, relation)
        if contradictions > 1 or (contradictions and not (a.event.evidence and b.event.evidence)):
            return False
        if contradictions:
            needed = config.min_similarity_conflict
        elif (
            relation in _STRONG_PLACES
            and self._precise(a)
            and self._precise(b)
            and actors_compatible(a.event.actor, b.event.actor)
        ):
            needed = config.min_similarity
        else:
            needed = config.min_similarity_weak
        return self.similarity(a.article, b.article) >= needed

    def _contradictions(self, a: _Mention, b: _Mention, relation: PlaceRelation) -> int:
        """How many of date, place and figures exclude each other."""
        config = self.config
        dates_apart = (
            a.window is not None
            and b.window is not None
            and not windows_meet(a.window, b.window, config.date_tolerance_days)
        )
        figures_clash = not all_counts_compatible(
            a.event, b.event, slack=config.count_slack, ratio=config.count_ratio
        )
        return dates_apart + (relation is PlaceRelation.FAR) + figures_clash

    def _precise(self, mention: _Mention) -> bool:
        window = mention.window
        return window is not None and (window[1] - window[0]).days <= self.config.max_window_days

    def same_article(self, a: _Mention, b: _Mention) -> bool:
        """The rule for two events of one article: one incident unless places or figures clash.

        An article tells one story: its events of one family are one incident even when their
        dates differ (a follow-up dates the shooting, the arrest and the funeral), so dates
        are not compared and article similarity says nothing. Places far apart (a round-up of
        strikes on two cities) or clashing figures keep them apart.
        """
        config = self.config
        return (
            a.family == b.family
            and all_counts_compatible(
                a.event, b.event, slack=config.count_slack, ratio=config.count_ratio
            )
            and place_relation(a.event.place, b.event.place, near_km=config.near_km)
            is not PlaceRelation.FAR
        )

    def link(self) -> _Groups:
        """Group all mentions, with every accepted link merged."""
        groups = _Groups(self.mentions, self.config.date_tolerance_days)
        by_article: dict[int, list[int]] = defaultdict(list)
        for index, mention in enumerate(self.mentions):
            by_article[mention.article].append(index)
        for members in by_article.values():
            self._link_pairs(groups, members, self.same_article)
        for members in self._blocks().values():
            self._link_pairs(groups, members, self.compatible, across_articles=True)
        for a, b in self.duplicates:
            self._link_copies(groups, by_article[a], by_article[b])
        return groups

    def _blocks(self) -> dict[tuple[Hashable, ...], list[int]]:
        blocks: dict[tuple[Hashable, ...], list[int]] = defaultdict(list)
        for index, mention in enumerate(self.mentions):
            rare = self._rare_terms(mention.article)
            for key in dict.fromkeys(_keys(mention, rare, self.config)):
                blocks[key].append(index)
        return blocks

    def _link_pairs(
        self,
        groups: _Groups,
        members: list[int],
        rule: Callable[[_Mention, _Mention], bool],
        *,
        across_articles: bool = False,
    ) -> None:
        """Check the pairs of one block (skipping those already in one group) and link."""
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                left, right = self.mentions[i], self.mentions[j]
                if across_articles and left.article == right.article:
                    continue
                if groups.find(i) == groups.find(j) or not rule(left, right):
                    continue
                if not across_articles or groups.dates_agree(i, j):
                    groups.union(i, j)

    def _rare_terms(self, article: int) -> list[int]:
        config = self.config
        return self.vectors.rare_terms(
            self.position[article], limit=config.rare_terms, max_df=config.max_term_df
        )

    def _link_copies(self, groups: _Groups, left: list[int], right: list[int]) -> None:
        """Near-copies report the same events in the same order: pair them up per family.

        Only events the texts tell of: one only a title tells of (its body is a caption or a
        page of links) says nothing about the body the two pages share, which may be the page
        furniture of one site around two different headlines.
        """
        by_family: dict[str, list[int]] = defaultdict(list)
        for index in (i for i in right if self.mentions[i].event.evidence):
            by_family[self.mentions[index].family].append(index)
        used: Counter[str] = Counter()
        for index in (i for i in left if self.mentions[i].event.evidence):
            family = self.mentions[index].family
            if used[family] < len(by_family[family]):
                groups.union(index, by_family[family][used[family]])
                used[family] += 1


def _near_copies(tokenized: Tokenized, threshold: float) -> list[tuple[int, int]]:
    """Pairs of texts whose word shingles overlap at least ``threshold`` (Jaccard)."""
    hasher = MinHasher()
    table = tokenized.word_hashes()
    shingles = [hasher.shingles(table[ids]) for ids in tokenized.texts]
    return [(i, j) for i, j, _ in similar_pairs(shingles, threshold=threshold, hasher=hasher)]


def _story(article: Article) -> str:
    """The title and the paragraphs that hold the article's event evidence.

    Without paragraphs (an article that was not segmented) the whole text stands in; an
    article whose events only its title tells of is its title.
    """
    starts = [span.start for event in article.events for span in event.evidence]
    paragraphs = [
        article.slice(p.span)
        for p in article.paragraphs
        if any(p.span.start <= start < p.span.end for start in starts)
    ]
    if not paragraphs:
        return _told(article)
    return "\n".join([article.title or "", *paragraphs])


def _told(article: Article) -> str:
    """The text whose names say what the article reports: all of it, or only its title when
    the title alone tells of its events (the body is a caption or a page of links, whose
    names are the site's, shared with its pages on other incidents)."""
    if article.title and not any(event.evidence for event in article.events):
        return article.title
    return _text(article)


def _text(article: Article) -> str:
    """The article's text, with its title in front when the text does not start with it."""
    if article.title and article.title not in article.text[: len(article.title) + 200]:
        return f"{article.title}\n{article.text}"
    return article.text


def _incident(linker: _Linker, members: list[int], names: Sequence[str]) -> Incident:
    by_article: dict[int, list[Event]] = defaultdict(list)
    for index in members:
        mention = linker.mentions[index]
        by_article[mention.article].append(mention.event)
    articles = linker.articles
    sources = [
        IncidentSource(names[a], articles[a], events, merge_article_counts(events))
        for a, events in by_article.items()
    ]
    sources.sort(key=lambda s: (s.article.published or dt.date.max, s.source))
    return Incident(
        id=incident_id(sources),
        type=summary_type(sources),
        date=summary_date(sources),
        place=summary_place(sources),
        counts=summary_counts(sources),
        sources=sources,
        duplicates=_duplicate_groups(linker.partners, set(by_article), names),
    )


def _duplicate_groups(
    partners: dict[int, list[int]], articles: set[int], names: Sequence[str]
) -> list[list[str]]:
    """Connected groups of near-copies among one incident's articles, as sorted names."""
    inside = [(a, b) for a in articles for b in partners.get(a, ()) if a < b and b in articles]
    if not inside:
        return []
    members = sorted({x for pair in inside for x in pair})
    local = {article: i for i, article in enumerate(members)}
    groups = _UnionFind.of_size(len(members))
    for a, b in inside:
        groups.union(local[a], local[b])
    found: dict[int, list[str]] = defaultdict(list)
    for article in members:
        found[groups.find(local[article])].append(names[article])
    return sorted(sorted(group) for group in found.values())


def link_incidents(
    articles: Sequence[Article], *, config: LinkConfig | None = None
) -> list[Incident]:
    """Link the events of analysed articles into incidents, sorted by date.

    Args:
        articles: articles whose ``events`` the pipeline has filled (``presslens.events``);
            articles without events take part in nothing. A source is named by the article's
            ``id`` (the JSONL id) or else its ``source`` (the path), see :func:`source_names`.
        config: the linking rule's parameters; the default is tuned on GVA training data.

    Returns:
        One :class:`Incident` per group of linked events, each with its sources, a conservative
        summary and its groups of near-copy sources; undated incidents come last.

    Example::

        pipeline = presslens.load_pipeline(("segment", "events"))
        incidents = link_incidents(pipeline(articles))
        print(json.dumps([i.to_dict() for i in incidents]))
    """
    linker = _Linker(articles, config or LinkConfig())
    groups = linker.link()
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(linker.mentions)):
        members[groups.find(index)].append(index)
    names = source_names(articles)
    incidents = [_incident(linker, group, names) for group in members.values()]
    incidents.sort(key=lambda i: (i.date.start if i.date else "9999", i.id))
    return incidents
