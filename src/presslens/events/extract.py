"""The events an article claims: the pipeline component and its steps.

1. Each sentence is read on its own (:mod:`presslens.events.sentence`): event types from
   triggers, figures, actor and target, victims' groups, who asserts it. The title, when it is
   part of the text, is read too: headlines carry figures ("3 killed, 4 hurt in shooting").
2. Figures no event of their sentence takes ("he died at the hospital") go to the latest
   violent event before them; a sentence that only says when or where the previous event
   happened ("It happened just before 1 a.m. Saturday") joins it.
3. Each sentence event gets its date and place (:mod:`presslens.events.context`).
4. The sentence events are merged into the article's events (:mod:`presslens.events.merge`).

English and Russian have lexicons; other languages get no events rather than wrong ones.
"""

from __future__ import annotations

from presslens.document import Article, Span
from presslens.events.context import add_context
from presslens.events.counts import CountFinding
from presslens.events.merge import merge
from presslens.events.model import Event
from presslens.events.sentence import Draft, continuation, read_sentence
from presslens.events.taxonomy import VIOLENT_TYPES

#: Languages with trigger, figure and participant lexicons.
LANGUAGES = ("en", "ru")
#: Body paragraphs that count as the lead (with the title) when ranking an article's events.
LEAD_PARAGRAPHS = 2


def _language(article: Article) -> str | None:
    language = (article.language or article.language_hint or "").lower()
    return language if language in LANGUAGES else None


def _adopt(drafts: list[Draft], orphans: list[CountFinding], sentence: Span) -> None:
    """Give figures without an event of their own to the latest violent event before them."""
    home = next((d for d in reversed(drafts) if d.type in VIOLENT_TYPES), None)
    if home is None or not orphans:
        return
    home.findings.extend(orphans)
    if sentence not in home.evidence:
        home.evidence.append(sentence)


def _drafts(article: Article, language: str) -> list[Draft]:
    drafts: list[Draft] = []
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
            _adopt(drafts, orphans, sentence)
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


def main_event(article: Article) -> Event | None:
    """The event an article is mainly about: the highest score, the earliest on ties."""
    events: list[Event] = article.events
    if not events:
        return None
    return min(events, key=lambda e: (-e.score, e.evidence[0].start if e.evidence else 0))


class EventExtractor:
    """Pipeline component: sets ``article.events`` (see :func:`extract_events`)."""

    name = "events"

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.events = extract_events(article)
        return articles
