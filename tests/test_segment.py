"""Sentence splitting: an event's trigger, figures and date must stay in one sentence."""

from __future__ import annotations

import pytest

from presslens.document import Span
from presslens.segment import sentence_spans


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("He was shot at 9 p.m. Saturday, police said.", 1),
        ("The shooting on Sept. 5 was the third.", 1),
        ("Sgt. Brown and Gov. Scott spoke in St. Louis.", 1),
        ("In St. Paul the mayor spoke.", 1),
        ("He lives on Main St. Police came.", 2),
        ("It ended at 9 p.m. Police left.", 2),
    ],
)
def test_english_abbreviations_do_not_end_a_sentence(text: str, pieces: int) -> None:
    assert len(sentence_spans(text, Span(0, len(text)))) == pieces
