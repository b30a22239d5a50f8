"""Shared report helpers, and the hand-written analysis dicts the report tests render."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from presslens.report.common import (
    Mark,
    event_cells,
    excerpt_windows,
    format_count,
    segments,
    technique_marks,
)

TITLE = "Council's reckless budget gamble leaves families behind"
PARAGRAPHS = (
    TITLE,
    "The so-called reformers on the city council rammed through a reckless budget on Tuesday, "
    "and every true patriot should be ashamed of what they have done.",
    "Police said officers detained 14 protesters outside the town hall in Riverton on 3 March, "
    "and at least two people were injured.",
    "Either we stop this madness now or our town will never recover.",
)

#: (paragraph index, technique, score, evidence phrases found in that paragraph)
Finding = tuple[int, str, float, Sequence[str]]
FINDINGS: tuple[Finding, ...] = (
    (0, "Loaded_Language", 0.81, ("reckless budget gamble",)),
    (1, "Name_Calling-Labeling", 0.77, ("so-called reformers",)),
    (1, "Loaded_Language", 0.9, ("rammed through a reckless budget",)),
    (1, "Flag_Waving", 0.66, ("every true patriot should be ashamed",)),
    (1, "Doubt", 0.41, ()),
    (3, "False_Dilemma-No_Choice", 0.7, ("Either we stop this madness now or our town",)),
    (3, "Loaded_Language", 0.62, ("this madness",)),
)


def _span(text: str, phrase: str, start: int = 0) -> dict[str, int]:
    begin = text.index(phrase, start)
    return {"start": begin, "end": begin + len(phrase)}


def build_result(
    paragraphs: Sequence[str] = PARAGRAPHS,
    findings: Sequence[Finding] = FINDINGS,
    *,
    title: str | None = TITLE,
    with_events: bool = True,
) -> dict[str, Any]:
    """An analysis dict shaped like serialize.article_to_dict's, offsets computed from phrases."""
    text = "\n".join(paragraphs)
    starts = [sum(len(p) + 1 for p in paragraphs[:i]) for i in range(len(paragraphs))]
    result_paragraphs = [
        {
            "index": i,
            "start": starts[i],
            "end": starts[i] + len(p),
            "is_title": title is not None and i == 0,
            "sentences": [{"start": starts[i], "end": starts[i] + len(p)}],
            "techniques": [
                {
                    "label": label,
                    "score": score,
                    "evidence": [
                        {**_span(text, phrase, starts[i]), "score": round(score - 0.05, 4)}
                        for phrase in phrases
                    ],
                }
                for index, label, score, phrases in findings
                if index == i
            ],
        }
        for i, p in enumerate(paragraphs)
    ]
    return {
        "schema_version": "1.0",
        "source": "examples/council.txt",
        "id": None,
        "title": title,
        "title_span": {"start": 0, "end": len(paragraphs[0])} if title else None,
        "url": "https://example.org/council",
        "outlet": "Example Gazette",
        "published": "2024-03-04",
        "language": "en",
        "language_score": 0.98,
        "best_effort": False,
        "warnings": [],
        "genre": {
            "label": "opinion",
            "scores": {"opinion": 0.82, "reporting": 0.15, "satire": 0.03},
        },
        "frames": [{"label": "Political", "score": 0.71}, {"label": "Economic", "score": 0.52}],
        "frame_scores": {"Political": 0.71, "Economic": 0.52, "Morality": 0.2},
        "paragraphs": result_paragraphs,
        "events": [_detention_event(text)] if with_events else [],
        "text": text,
    }


def _detention_event(text: str) -> dict[str, Any]:
    return {
        "type": "arrest_detention",
        "score": 0.88,
        "actor": {"text": "officers", "kind": "state_security"},
        "target": {"text": "14 protesters", "kind": "civilians"},
        "victims_group": [],
        "place": {
            "text": "Riverton",
            "name": "Riverton",
            "geonames_id": None,
            "admin1": None,
            "country": None,
            "lat": None,
            "lon": None,
        },
        "date": {
            "start": "2024-03-03",
            "end": "2024-03-03",
            "granularity": "day",
            "text": "3 March",
        },
        "counts": {
            "detained": {"low": 14, "high": 14, "exact": 14, "text": "14"},
            "injured": {"low": 2, "high": None, "exact": None, "text": "at least two"},
        },
        "attribution": {"kind": "source", "source": "Police", "text": "Police said"},
        "evidence": [_span(text, "officers detained 14 protesters outside the town hall")],
    }


def _mark(start: int, end: int, label: str) -> Mark:
    return Mark(start, end, "technique", label, 0.5, 0.5, 0, 0)


def test_segments_split_overlaps_and_keep_every_label() -> None:
    a, b = _mark(2, 8, "Doubt"), _mark(5, 12, "Loaded_Language")
    got = [(s.start, s.end, [m.label for m in s.marks]) for s in segments(0, 15, [a, b])]
    assert got == [
        (0, 2, []),
        (2, 5, ["Doubt"]),
        (5, 8, ["Doubt", "Loaded_Language"]),
        (8, 12, ["Loaded_Language"]),
        (12, 15, []),
    ]


def test_segments_clip_marks_to_the_range() -> None:
    got = segments(10, 20, [_mark(0, 15, "Doubt"), _mark(30, 40, "Slogans")])
    assert [(s.start, s.end, len(s.marks)) for s in got] == [(10, 15, 1), (15, 20, 0)]


def test_technique_marks_point_at_the_evidence_words() -> None:
    result = build_result()
    for mark in technique_marks(result):
        phrase = result["text"][mark.start : mark.end]
        assert any(phrase in phrases for _, _, _, phrases in FINDINGS)
    assert [m.start for m in technique_marks(result)] == sorted(
        m.start for m in technique_marks(result)
    )


def test_technique_marks_skip_malformed_evidence() -> None:
    result = build_result()
    result["paragraphs"][1]["techniques"][0]["evidence"] = [
        {"start": 50, "end": 10, "score": 1.0},
        {"start": "x", "end": 3, "score": 1.0},
        {"start": 0, "end": 10**6, "score": 1.0},
    ]
    marks = [m for m in technique_marks(result) if m.label == "Name_Calling-Labeling"]
    assert [(m.start, m.end) for m in marks] == [(0, len(result["text"]))]


def test_excerpt_windows_keep_evidence_with_context_and_whole_words() -> None:
    assert excerpt_windows("short text", [(0, 5)], limit=200) == [(0, 10)]
    text = "word " * 200
    windows = excerpt_windows(text, [(500, 509), (520, 529), (900, 904)], 100, 20)
    assert len(windows) == 2
    (lo1, hi1), (lo2, hi2) = windows
    assert lo1 <= 500 and hi1 >= 529 and lo2 <= 900 and hi2 >= 904
    for lo, hi in windows:
        assert text[lo] != " " and text[lo - 1] == " "
        assert text[hi] == " " and text[hi - 1] != " "
    assert excerpt_windows(text, [], 100)[0][0] == 0


def test_counts_read_as_the_text_gives_them() -> None:
    assert format_count({"low": 12, "high": None, "exact": None}) == "12+"
    assert format_count({"low": 3, "high": 3, "exact": 3}) == "3"
    assert format_count({"low": 10, "high": 20, "exact": None}) == "10–20"


def test_event_cells_flatten_the_event() -> None:
    cells = event_cells(build_result()["events"][0])
    assert cells["actor"] == "officers"
    assert cells["counts"] == "detained 14, injured 2+"
    assert cells["date"] == "2024-03-03"
    assert cells["place"] == "Riverton"
    assert cells["attribution"] == "source: Police"
