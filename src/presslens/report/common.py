"""What the terminal and HTML reports share: evidence marks, text segments, event cells.

Both reports read the JSON analysis dict (docs/schema.md), never Article objects, so that a
report can be rebuilt from a stored or posted analysis. Evidence from different techniques (and
events) may overlap; :func:`segments` cuts a range into pieces that each carry every mark
covering them, so no highlight is lost or drawn twice.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from presslens import taxonomy

#: Marks text left out when a report shortens a paragraph or a quote.
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted range: a technique's evidence or an event's evidence.

    ``ref`` is the event's index for events; for techniques it numbers the evidence in reading
    order. ``score`` is the paragraph-level technique score, ``evidence_score`` that of the words.
    """

    start: int
    end: int
    kind: Literal["technique", "event"]
    label: str
    score: float
    evidence_score: float
    paragraph: int
    ref: int


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text ``[start, end)`` and every mark that covers all of it."""

    start: int
    end: int
    marks: tuple[Mark, ...]


def clip(start: Any, end: Any, length: int) -> tuple[int, int] | None:
    """A range forced into ``[0, length]``, or None when empty or malformed.

    A report must not crash on an analysis edited by hand or written by a newer version.
    """
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    start, end = max(0, start), min(length, end)
    return (start, end) if start < end else None


def technique_marks(result: Mapping[str, Any]) -> list[Mark]:
    """Every technique's evidence, in reading order."""
    length = len(result.get("text") or "")
    raw: list[tuple[int, int, str, float, float, int]] = []
    for paragraph in result.get("paragraphs") or []:
        for technique in paragraph.get("techniques") or []:
            for evidence in technique.get("evidence") or []:
                span = clip(evidence.get("start"), evidence.get("end"), length)
                if span is None:
                    continue
                raw.append(
                    (
                        *span,
                        str(technique.get("label")),
                        float(technique.get("score") or 0.0),
                        float(evidence.get("score") or 0.0),
                        int(paragraph.get("index") or 0),
                    )
                )
    raw.sort(key=lambda r: (r[0], r[1]))
    return [
        Mark(start, end, "technique", label, score, ev_score, par, ref)
        for ref, (start, end, label, score, ev_score, par) in enumerate(raw)
    ]


def event_marks(result: Mapping[str, Any]) -> list[Mark]:
    """Every event's evidence; ``ref`` is the event's index in ``result["events"]``."""
    length = len(result.get("text") or "")
    marks = []
    for index, event in enumerate(result.get("events") or []):
        score = float(event.get("score") or 0.0)
        for evidence in event.get("evidence") or []:
            span = clip(evidence.get("start"), evidence.get("end"), length)
            if span is not None:
                label = str(event.get("type"))
                marks.append(Mark(*span, "event", label, score, score, -1, index))
    return marks


def segments(start: int, end: int, marks: Iterable[Mark]) -> list[Segment]:
    """``[start, end)`` cut at every mark boundary; each piece lists the marks covering it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end} | {m.start for m in inside} | {m.end for m in inside})
    cuts = [c for c in cuts if start <= c <= end]
    return [
        Segment(a, b, tuple(m for m in inside if m.start <= a and m.end >= b))
        for a, b in itertools.pairwise(cuts)
    ]


def group_of(label: str) -> str | None:
    """The coarse group of a technique label, None for labels this version does not know."""
    entry = taxonomy.BY_LABEL.get(label)
    return entry.group if entry else None


def display_name(label: str) -> str:
    """The readable name of a label; unknown labels are shown as they are."""
    entry = taxonomy.BY_LABEL.get(label)
    return entry.name if entry else label


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)].rsplit(" ", 1)[0]
    return cut + ELLIPSIS


def excerpt_windows(
    text: str, spans: Sequence[tuple[int, int]], limit: int, context: int = 60
) -> list[tuple[int, int]]:
    """Which parts of a long ``text`` to show: each span with about ``context`` characters
    around it, cut at spaces so no word is split.

    Returns ``[(0, len(text))]`` when the text fits in ``limit``; windows are merged when they
    touch, and when there are no spans the first ``limit`` characters are kept.
    """
    length = len(text)
    if length <= limit:
        return [(0, length)]
    if not spans:
        return [(0, _word_end(text, 0, limit))]
    windows: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        lo = _word_start(text, max(0, start - context), start)
        hi = _word_end(text, end, min(length, end + context))
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    return windows


def _word_start(text: str, lo: int, limit: int) -> int:
    """``lo`` moved right to the start of a word, but not past ``limit``."""
    if lo == 0 or text[lo - 1].isspace():
        return lo
    space = text.find(" ", lo, limit)
    return lo if space == -1 else space + 1


def _word_end(text: str, limit: int, hi: int) -> int:
    """``hi`` moved left to the end of a word, but not before ``limit``."""
    if hi >= len(text) or text[hi].isspace():
        return hi
    space = text.rfind(" ", limit, hi)
    return hi if space == -1 else space


def format_counts(counts: Mapping[str, Any] | None) -> str:
    """``{"killed": {"low": 12, "high": None, ...}}`` → ``"killed 12+"``."""
    parts = []
    for kind, count in (counts or {}).items():
        parts.append(f"{kind} {format_count(count)}")
    return ", ".join(parts)


def format_count(count: Mapping[str, Any]) -> str:
    """One count as the text gives it: exact, a range, or an open lower bound."""
    if count.get("exact") is not None:
        return str(count["exact"])
    low, high = count.get("low"), count.get("high")
    if high is None:
        return f"{low}+"
    return str(low) if high == low else f"{low}–{high}"


def format_date(date: Mapping[str, Any] | None) -> str:
    """An inclusive ISO range, collapsed to one date when it is a single day."""
    if not date:
        return ""
    start, end = date.get("start") or "", date.get("end") or ""
    return start if start == end else f"{start}..{end}"


def format_place(place: Mapping[str, Any] | None) -> str:
    """The resolved name with its country when known, else the words of the text."""
    if not place:
        return ""
    name = place.get("name") or place.get("text") or ""
    country = place.get("country")
    return f"{name}, {country}" if country and name else str(name)


def format_attribution(attribution: Mapping[str, Any] | None) -> str:
    """Who asserts the event: "author", "source: Interior Ministry", "hedged"."""
    if not attribution:
        return ""
    kind, source = attribution.get("kind") or "", attribution.get("source")
    return f"{kind}: {source}" if source else str(kind)


def mention_text(mention: Mapping[str, Any] | None) -> str:
    return str(mention.get("text") or "") if mention else ""


#: Event columns in the order both reports show them.
EVENT_COLUMNS = ("type", "actor", "target", "victims", "counts", "date", "place", "attribution")


def event_cells(event: Mapping[str, Any]) -> dict[str, str]:
    """One event as display strings, keyed by :data:`EVENT_COLUMNS`."""
    return {
        "type": str(event.get("type") or ""),
        "actor": mention_text(event.get("actor")),
        "target": mention_text(event.get("target")),
        "victims": ", ".join(mention_text(m) for m in event.get("victims_group") or []),
        "counts": format_counts(event.get("counts")),
        "date": format_date(event.get("date")),
        "place": format_place(event.get("place")),
        "attribution": format_attribution(event.get("attribution")),
    }
