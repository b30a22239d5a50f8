"""The events an article claims: the pipeline component and its steps.

1. Each sentence is read on its own (:mod:`presslens.events.sentence`): event types from
   triggers, figures, actor and target, victims' groups, who asserts it. The title, when it is
   part of the text, is read too: headlines carry figures ("3 killed, 4 hurt in shooting").
2. Figures no event of their sentence takes ("he died at the hospital") go to the latest
   violent event before them (the first one after them when none comes before); a sentence
   that only says when or where the previous event happened ("It happened just before 1 a.m.
   Saturday") joins it.
3. Each sentence event gets its date and place (:mod:`presslens.events.context`).
4. The sentence events are merged into the article's events (:mod:`presslens.events.merge`).

English and Russian have lexicons; other languages get no events rather than wrong ones.
"""

from __future__ import annotations

from presslens.document import Article, Span
from presslens.events.context import add_context
from presslens.events.counts import CountFinding, find_counts
from presslens.events.merge import counts_of, merge
from presslens.events.model import Event
from presslens.events.sentence import Draft, continuation, read_sentence
from presslens.events.taxonomy import VIOLENT_TYPES

#: Languages with trigger, figure and participant lexicons.
LANGUAGES = ("en", "ru")
#: The figures that identify an incident in a headline.
CASUALTIES = ("killed", "injured")
#: Body paragraphs that count as the lead (with the title) when ranking an article's events.
LEAD_PARAGRAPHS = 2


def _language(article: Article) -> str | None:
    language = (article.language or article.language_hint or "").lower()
    return language if language in LANGUAGES else None


def _adopt(drafts: list[Draft], orphans: list[tuple[CountFinding, Span]]) -> bool:
    """Give figures without an event of their own to the latest violent event before them.

    False when there is no such event yet: the caller keeps them for the next one ("Four
    women were injured at a party Sunday." before "The party was interrupted by gunfire.").
    """
    home = next((d for d in reversed(drafts) if d.type in VIOLENT_TYPES), None)
    if home is None:
        return False
    for finding, sentence in orphans:
        home.findings.append(finding)
        if sentence not in home.evidence:
            home.evidence.append(sentence)
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
            if waiting and _adopt(drafts, waiting):
                waiting = []
    return drafts


def extract_events(article: Article) -> list[Event]:
    """The events an article claims, in the order the text first states them.

    Needs ``article.paragraphs`` (with sentences) and ``article.language`` as the segmenter
    sets them; dates are resolved against ``article.published``.
    """
    language = _language(article)
    if language is None:
        return []
    drafts = _drafts(article, language)
    if not drafts:
        return []
    add_context(article, drafts, language)
    return merge(drafts)


def _title_figures(article: Article) -> dict[str, int]:
    """The casualty figures the title gives ("1 killed, 3 hurt in shooting"), by category.

    Only casualties: they identify an incident, while "suspect arrested" fits the follow-up
    as well as the incident it follows.
    """
    language = _language(article)
    title = article.title or ""
    if language is None or not title:
        return {}
    counts = counts_of(find_counts(title, 0, len(title), language))
    return {c: count.figure for c, count in counts.items() if c in CASUALTIES}


def _agreement(event: Event, figures: dict[str, int]) -> int:
    """How many of the title's figures the event states too."""
    return sum(
        1
        for category, value in figures.items()
        if category in event.counts and event.counts[category].figure == value
    )


def main_event(article: Article) -> Event | None:
    """The event an article is mainly about: the one whose figures the title repeats, then the
    highest score, then the earliest.

    A headline names the figures of the story's incident; the body may also tell of earlier
    incidents or follow-ups, which the score alone cannot tell apart from it.
    """
    events: list[Event] = article.events
    if not events:
        return None
    figures = _title_figures(article) if len(events) > 1 else {}
    return min(
        events,
        key=lambda e: (
            -_agreement(e, figures),
            -e.score,
            e.evidence[0].start if e.evidence else 0,
        ),
    )


class EventExtractor:
    """Pipeline component: sets ``article.events`` (see :func:`extract_events`)."""

    name = "events"

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.events = extract_events(article)
        return articles
