"""The events an article claims: the pipeline component and its steps.

1. Each sentence is read on its own (:mod:`presslens.events.sentence`): event types from
   triggers, figures, actor and target, victims' groups, who asserts it. The title, when it is
   part of the text, is read too: headlines carry figures ("3 killed, 4 hurt in shooting").
2. Figures no event of their sentence takes ("he died at the hospital") go to the latest
   event before them that can have casualties, violence or a raid (the first violent one
   after them when none comes before); a sentence that only says when or where the previous
   event happened ("It happened just before 1 a.m. Saturday") joins it.
3. Each sentence event gets its date and place (:mod:`presslens.events.context`).
4. The sentence events are merged into the article's events (:mod:`presslens.events.merge`).
5. A title given beside the text ("3 killed, 4 hurt in shooting" above the story) lends its
   casualty figures to the article's main violent event: the body often names one victim at
   a time and never sums them, while the headline does. The figures combine as a merged
   event's do (the largest per category; "4 shot" in the title and "one died" in the body: 3
   injured). When the body tells of no violent event ("Suspect arrested in fatal shooting",
   a page whose text is a photo caption or a sign-up form), the title makes one of its own
   when it gives figures or reads as a violent event ("Police identify suspect in Saturday
   shooting"), with no evidence in the text (the linker does not join such events by
   near-copy alone, see :mod:`presslens.incidents.link`).
   Such an event undated by its title takes the first day the body's lead names ("Hunter hurt
   in woods" above "Deputies were called to Pine Lake at 4:10 p.m. Sunday").
6. The main event (:func:`main_event`) takes the town the whole article is about
   (:func:`presslens.events.places_story.story_place`: headline, dateline and lead weigh most).
7. The main event takes the day of the incident the lead tells, when it is not itself in the
   lead: the headline's figures may match a story told further down ("Boy wounded by stray
   bullet" above Monday's shooting, and lower down a boy wounded there in June), while the
   lead tells the incident of the day. A main event without a single day of its own takes
   the first one another event of its kind gives: a shooting dated "in 2014" by a sentence
   that tells of an earlier one, while the story's other shooting sentences say "Oct. 27".
   Only violent events share days this way; any other event takes one of its own type's.
8. A learnt ranker then weighs every day the title and text state against the rules' choice
   (:mod:`presslens.events.dates_rank`): a story names the days of arrests, hearings and
   funerals beside the incident's, and where and how each is named tells them apart better
   than cue words one sentence at a time.

English and Russian have lexicons; other languages get no events rather than wrong ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

from presslens.document import Article, Paragraph, Span
from presslens.events.attribution import attribute
from presslens.events.context import add_context, lead_day
from presslens.events.counts import CountFinding, find_counts
from presslens.events.dates import earlier_stamp
from presslens.events.dates_rank import default_day_ranker
from presslens.events.merge import counts_of, merge
from presslens.events.model import Event
from presslens.events.places_story import story_place
from presslens.events.sentence import Draft, continuation, read_sentence
from presslens.events.taxonomy import CASUALTY_TYPES, DEFAULT_TYPE_FOR_COUNT, VIOLENT_TYPES

#: Languages with trigger, figure and participant lexicons.
LANGUAGES = ("en", "ru")
#: The figures that identify an incident in a headline.
CASUALTIES = ("killed", "injured")
#: The title's figures that a main event takes: "shot" ones become injured once deaths are known.
_TITLE_CATEGORIES = (*CASUALTIES, "shot")
#: The score of an event only the title tells of: the least a violent event scores, as it has
#: no sentence, date or place in the text.
TITLE_ONLY_SCORE = 0.5
#: Body paragraphs that count as the lead (with the title) when ranking an article's events.
LEAD_PARAGRAPHS = 2


def _language(article: Article) -> str | None:
    language = (article.language or article.language_hint or "").lower()
    return language if language in LANGUAGES else None


def _adopt(
    article: Article, language: str, drafts: list[Draft], orphans: list[tuple[CountFinding, Span]]
) -> bool:
    """Give figures without an event of their own to the latest event before them that can
    have casualties (a violent one or a raid: "Police raided the compound. Two people died.").
    Their sentence's source becomes the event's when the event had none: "according to the
    ministry, two people died" is the ministry's claim, whoever told of the raid.

    False when there is no such event yet: the caller keeps them for the next one ("Four
    women were injured at a party Sunday." before "The party was interrupted by gunfire.").
    """
    home = next((d for d in reversed(drafts) if d.type in CASUALTY_TYPES), None)
    if home is None:
        return False
    for finding, sentence in orphans:
        home.findings.append(finding)
        if sentence not in home.evidence:
            home.evidence.append(sentence)
        if home.attribution.kind == "author":
            home.attribution = attribute(article.text, sentence.start, sentence.end, language)
    return True


def _drafts(article: Article, language: str) -> list[Draft]:
    drafts: list[Draft] = []
    waiting: list[tuple[CountFinding, Span]] = []
    body_seen = 0
    for index, paragraph in enumerate(article.paragraphs):
        lead = paragraph.is_title or body_seen < LEAD_PARAGRAPHS
        body_seen += not paragraph.is_title
        for sentence in paragraph.sentences or [paragraph.span]:
            found, orphans = read_sentence(article, index, sentence, language)
            if not found and drafts:
                follow = continuation(article, index, sentence, language, drafts[-1])
                found = [follow] if follow is not None else []
            for draft in found:
                draft.lead = lead
            drafts.extend(found)
            waiting.extend((finding, sentence) for finding in orphans)
            if waiting and _adopt(article, language, drafts, waiting):
                waiting = []
    return drafts


def extract_events(article: Article, *, rank_days: bool = True) -> list[Event]:
    """The events an article claims, in the order the text first states them.

    Needs ``article.paragraphs`` (with sentences) and ``article.language`` as the segmenter
    sets them; dates are resolved against ``article.published``, or against the page's own
    stamp when that is earlier (:func:`presslens.events.dates.earlier_stamp`).
    ``rank_days=False`` leaves the main event the rules' day (step 8 of the module docstring
    is skipped): the day ranker is trained on what the rules choose.
    """
    language = _language(article)
    if language is None:
        return []
    return _extract(anchored(article, language), language, rank_days)


def anchored(article: Article, language: str) -> Article:
    """The article as its events' dates read it: with the page's own stamp as its publication
    date when that is earlier (:func:`presslens.events.dates.earlier_stamp`), else itself.
    The copy shares the text and its segmentation, so every span still points into both."""
    stamp = earlier_stamp(article.text, article.published, language)
    return article if stamp is None else replace(article, published=stamp)


def _extract(article: Article, language: str, rank_days: bool) -> list[Event]:
    """:func:`extract_events` over an article already :func:`anchored`."""
    drafts = _drafts(article, language)
    if drafts:
        add_context(article, drafts, language)
    title = _title_findings(article, language)
    events = merge(drafts, title, partial(_title_home, _casualty_figures(title)))
    if not any(e.type in VIOLENT_TYPES for e in events):
        told = [s for e in events for s in e.evidence]
        headline = _title_event(article, title, language, told)
        if headline is not None:
            events.append(headline)
    if events:
        main = _main_of(article, events)
        _place_main_event(article, main)
        _date_main_event(article, events, main)
        if rank_days:
            main.date = default_day_ranker().choose(article, main, events, language)
    return events


def _place_main_event(article: Article, main: Event) -> None:
    """The main event happened in the town the article is about (step 6 of the docstring).

    A story is filed from, headlined with and led by the town of its incident, while the
    sentence that tells the incident often names only a street, a neighbourhood or nothing.
    """
    story = story_place(article)
    if story is not None:
        main.place = story


def _in_lead(article: Article, event: Event) -> bool:
    """Whether the title or the first body paragraphs tell of the event (one that only the
    title tells of has no evidence in the text)."""
    if not event.evidence:
        return True
    lead = [p for p in article.paragraphs if not p.is_title][:LEAD_PARAGRAPHS]
    return bool(lead) and event.evidence[0].start < lead[-1].span.end


def _date_main_event(article: Article, events: list[Event], main: Event) -> None:
    """The main event's day: the lead's violent event's when the main event is not in the
    lead, else its own, else the first one an event of its kind gives (any violent one for a
    violent event, one of its own type for another: a raid's Tuesday does not date "two men
    were deported last week"; step 7 of the docstring). Its figures and place stay its own."""
    dated = [e for e in events if e.date is not None and e.date.is_one_day]
    if not _in_lead(article, main):
        told = next((e for e in dated if e.type in VIOLENT_TYPES and _in_lead(article, e)), None)
        if told is not None:
            main.date = told.date
            return
    violent = main.type in VIOLENT_TYPES
    kin = next(
        (e for e in dated if (e.type in VIOLENT_TYPES if violent else e.type == main.type)),
        None,
    )
    if (main.date is None or not main.date.is_one_day) and kin is not None:
        main.date = kin.date


def _title_findings(article: Article, language: str) -> list[CountFinding]:
    """Casualty figures of a title that stands beside the text (one in it was read already).

    Their spans point into the title, not the text, so they are dropped.
    """
    title = article.title or ""
    if not title or article.title_span is not None:
        return []
    return [
        replace(finding, count=replace(finding.count, span=None))
        for finding in find_counts(title, 0, len(title), language)
        if finding.category in _TITLE_CATEGORIES
    ]


def _title_home(figures: dict[str, int], events: list[Event]) -> int | None:
    """The main violent event, which takes the title's figures (step 5 of the module
    docstring); None when there is none."""
    violent = [e for e in events if e.type in VIOLENT_TYPES]
    return events.index(_ranked(violent, figures)) if violent else None


def _title_event(
    article: Article, findings: list[CountFinding], language: str, told: list[Span]
) -> Event | None:
    """The violent event a title's figures tell of, read from the title as from a sentence:
    its type, place and date (else the type such figures default to, and none).

    The body stays in the text read, as the context that resolves a place ("Springfield" on
    a page of an Illinois paper), but gives no place of its own: it tells of other things.
    Spans point into the headline, not the text, so they are dropped. A title without a day
    takes the day the body's lead names outside the sentences ``told`` of its other events
    (:func:`presslens.events.context.lead_day`): the lead says when the headline's incident
    happened even where no sentence of it reads as one.
    """
    title = article.title or ""
    if not title or article.title_span is not None:
        return None
    head = Span(0, len(title))
    headline = Article(
        text=f"{title}\n\n{article.text}",
        title=title,
        title_span=head,
        published=article.published,
        language=language,
        paragraphs=[Paragraph(head, [head], is_title=True)],
    )
    drafts, _ = read_sentence(headline, 0, head, language)
    read = next((d for d in drafts if d.type in VIOLENT_TYPES), None)
    if read is None and not findings:
        return None
    if read is not None:
        add_context(headline, [read], language)
    return Event(
        type=read.type if read else DEFAULT_TYPE_FOR_COUNT[findings[0].category],
        evidence=[],
        place=replace(read.place, span=None) if read and read.place else None,
        date=replace(read.date, span=None)
        if read and read.date
        else lead_day(article, language, LEAD_PARAGRAPHS, told),
        counts=counts_of(findings),
        score=TITLE_ONLY_SCORE,
    )


def _title_figures(article: Article) -> dict[str, int]:
    """The casualty figures the title gives ("1 killed, 3 hurt in shooting"), by category.

    Only casualties: they identify an incident, while "suspect arrested" fits the follow-up
    as well as the incident it follows.
    """
    language = _language(article)
    title = article.title or ""
    if language is None or not title:
        return {}
    return _casualty_figures(find_counts(title, 0, len(title), language))


def _casualty_figures(findings: list[CountFinding]) -> dict[str, int]:
    """The killed and injured figures that findings come to, by category."""
    return {c: count.figure for c, count in counts_of(findings).items() if c in CASUALTIES}


def _agreement(event: Event, figures: dict[str, int]) -> int:
    """How many of the title's figures the event states too."""
    return sum(
        1
        for category, value in figures.items()
        if category in event.counts and event.counts[category].figure == value
    )


def _ranked(events: list[Event], figures: dict[str, int]) -> Event:
    """The event whose figures agree most with the title's, then the highest score, then the
    earliest."""
    return min(
        events,
        key=lambda e: (
            -_agreement(e, figures),
            -e.score,
            e.evidence[0].start if e.evidence else 0,
        ),
    )


def _main_of(article: Article, events: list[Event]) -> Event:
    """The main one of an article's (non-empty) events (see :func:`main_event`)."""
    return _ranked(events, _title_figures(article) if len(events) > 1 else {})


def main_event(article: Article) -> Event | None:
    """The event an article is mainly about: the one whose figures the title repeats, then the
    highest score, then the earliest.

    A headline names the figures of the story's incident; the body may also tell of earlier
    incidents or follow-ups, which the score alone cannot tell apart from it.
    """
    events: list[Event] = article.events
    return _main_of(article, events) if events else None


class EventExtractor:
    """Pipeline component: sets ``article.events`` (see :func:`extract_events`)."""

    name = "events"

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            language = _language(article)
            if language is None:
                article.events = []
                continue
            reader = anchored(article, language)
            article.events = _extract(reader, language, rank_days=True)
            if reader is not article and reader.published and article.events:
                article.warnings.append(_stamp_warning(reader.published, article.published))
        return articles


def _stamp_warning(stamp: dt.date, given: dt.date | None) -> str:
    """Say that the events' dates count from the page's stamp, not the publication date given:
    a reader checking "Saturday" → a date needs to know which week it counts from."""
    return (
        f"event dates count from the page's own stamp, {stamp.isoformat()}, "
        f"not the publication date given ({given.isoformat() if given else 'none'})"
    )
