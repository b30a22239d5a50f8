"""Who asserts a claim: the author, a named source, or hedged wording.

A sentence is the author's claim unless it names a source ("police said", "according to the
ministry", "по словам", "сообщили в МВД") or hedges ("allegedly", "reportedly", "якобы",
"по некоторым данным") or denies it ("denied reports that", "опроверг"). Hedging wins over a
source, because "police said the man allegedly fired first" is still an unconfirmed claim; the
source is kept beside it.
"""

from __future__ import annotations

import re

from presslens.events.model import Attribution

#: Denying a claim ("denied reports that", "опроверг"): who denies is a source, and the claim
#: is hedged. "Denied bail" or "denied entry" denies no claim.
_DENIAL = {
    "en": r"refut(?:e|es|ed)|den(?:y|ies|ied|ying)(?!\s+(?:\w+\s+)?(?:bail|bond|parole|entry|"
    r"access|a\s+visa))",
    "ru": r"опроверг\w*|опроверга\w+|отрица\w+",
}

_HEDGES = {
    "en": re.compile(
        r"\b(?:allegedly|alleged|reportedly|purportedly|supposedly|apparently|presumably|"
        r"possibly|unconfirmed|unverified|rumou?red|it\s+is\s+(?:claimed|alleged|believed|"
        r"thought)|(?:is|are|was|were)\s+(?:said|believed|thought|understood)\s+to|"
        rf"(?:may|might|could)\s+have|(?:some|media|local)\s+reports|{_DENIAL['en']})\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:якобы|предположительно|по\s+некоторым\s+(?:данным|сведениям)|"
        r"по\s+неподтвержд[её]нн\w+\s+(?:данным|сведениям|информации)|"
        r"по\s+предварительн\w+\s+(?:данным|сведениям|информации)|как\s+утверждается|"
        r"по\s+слухам|вероятно|возможно|судя\s+по\s+всему|по\s+всей\s+видимости|"
        rf"по\s+(?:имеющимся\s+)?неофициальн\w+\s+(?:данным|сведениям)|{_DENIAL['ru']})(?![\w-])",
        re.IGNORECASE,
    ),
}

#: A source named after its cue: "according to police", "по словам министра".
_SOURCE_AFTER_CUE = {
    "en": re.compile(
        r"\baccording\s+to\s+(?P<src>[^,.;:!?\"“”()]{2,80}?)\s*(?=[,.;:!?\"“”()]|$)",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:по\s+(?:словам|данным|информации|сообщению|сведениям|заявлению|"
        r"оценкам)|как\s+(?:сообщил\w*|сообщает|сообщают|заявил\w*|рассказал\w*|передает|"
        r"передаёт|пишет|пишут|отметил\w*|уточнил\w*|утвержда(?:ет|ют|л\w*))|"
        r"со\s+ссылкой\s+на)\s+"
        r"(?P<src>[^,.;:!?\"«»“”()]{2,80}?)\s*(?=[,.;:!?\"«»“”()]|$)",
        re.IGNORECASE,
    ),
}

_SAY = {
    "en": re.compile(
        r"\b(?:said|says|say|told|reported|reports|stated|announced|confirmed|claimed|"
        rf"added|noted|explained|wrote|tweeted|posted|{_DENIAL['en']})\b",
        re.IGNORECASE,
    ),
    "ru": re.compile(
        r"(?<![\w-])(?:сообщил\w*|сообщает|сообщают|заявил\w*|заявляет|заявляют|рассказал\w*|"
        r"передает|передаёт|пишет|пишут|утвержда\w+|подтвердил\w*|отметил\w*|уточнил\w*|"
        rf"добавил\w*|информирует|{_DENIAL['ru']})(?![\w-])",
        re.IGNORECASE,
    ),
}
_CHUNK_EDGE = re.compile(r"[,;:\"“”«»()—–]|\bthat\b|\bthat's\b|\bи\b|\bчто\b", re.IGNORECASE)
_TRAILING_FILLER = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|have|has|had|then|further|allegedly|reportedly|"
    r"on\s+\w+|якобы|также|ранее|уже|в\s+\w+))+$",
    re.IGNORECASE,
)
#: A connective set off by commas before the verb: "Residents, however, say ...", "Местные
#: жители, напротив, утверждают ...". The source stands before it, not after the verb.
_ASIDE = re.compile(
    r",\s*(?:however|though|meanwhile|in\s+turn|too|for\s+(?:their|its|his|her)\s+part|"
    r"напротив|однако|в\s+свою\s+очередь|тем\s+временем|также|же|со\s+своей\s+стороны)"
    r"\s*,\s*$",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|он|она|они|оно|мы|я)$", re.IGNORECASE)
_MAX_SOURCE_WORDS = 8


def _before(sentence: str, verb_start: int) -> str:
    """The words before a reporting verb, back to the previous clause edge."""
    head = sentence[:verb_start]
    edges = list(_CHUNK_EDGE.finditer(head))
    chunk = head[edges[-1].end() :] if edges else head
    chunk = _TRAILING_FILLER.sub("", chunk.strip())
    words = chunk.split()
    return " ".join(words[-_MAX_SOURCE_WORDS:])


def _after(sentence: str, verb_end: int) -> str:
    """The words after a reporting verb up to the next clause edge ("..., said Officer Li.")."""
    tail = sentence[verb_end:]
    edge = _CHUNK_EDGE.search(tail)
    chunk = (tail[: edge.start()] if edge else tail).strip(" .!?")
    chunk = re.sub(r"^(?:в|во|на)\s+", "", chunk)
    words = chunk.split()
    return " ".join(words[:_MAX_SOURCE_WORDS]) if len(words) <= _MAX_SOURCE_WORDS else ""


def _named_source(sentence: str, language: str) -> tuple[str, str] | None:
    """(source, cue text) for the first source the sentence names, if any."""
    cue = _SOURCE_AFTER_CUE[language].search(sentence)
    if cue:
        return cue.group("src").strip(), cue.group().strip()
    for verb in _SAY[language].finditer(sentence):
        head = sentence[: verb.start()]
        aside = _ASIDE.search(head)
        head = head[: aside.start()] if aside else head
        inverted = not aside and (
            re.search(r"[,\"”»]\s*$", head) or (language == "ru" and not head.strip())
        )
        source = _after(sentence, verb.end()) if inverted else _before(head, len(head))
        if not source and not inverted:
            source = _after(sentence, verb.end())
        if source and not _PRONOUN.match(source):
            start = sentence.find(source)
            lo, hi = min(start, verb.start()), max(start + len(source), verb.end())
            return source, sentence[lo:hi]
    return None


def attribute(text: str, start: int, end: int, language: str) -> Attribution:
    """Who asserts the claim made in ``text[start:end]`` (one sentence)."""
    if language not in _HEDGES:
        return Attribution(kind="author")
    sentence = text[start:end]
    named = _named_source(sentence, language)
    hedge = _HEDGES[language].search(sentence)
    if hedge:
        return Attribution(kind="hedged", source=named[0] if named else None, text=hedge.group())
    if named:
        return Attribution(kind="source", source=named[0], text=named[1])
    return Attribution(kind="author")
