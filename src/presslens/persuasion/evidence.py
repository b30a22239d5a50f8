"""Word-level evidence: which words of a paragraph carry a technique it was found to contain.

The paragraph classifier says *that* a paragraph uses, say, Loaded_Language; this module says
*where*. :class:`EvidenceTagger` is one linear token tagger shared by all 23 techniques: every
hashed feature (see :mod:`presslens.persuasion.evidence_features`) has a weight per technique
and a shared weight, so rare techniques borrow from what all spans have in common (quotes,
exclamations, emotive words) while frequent ones learn their own cues. A token's probability
of lying inside the technique's span is the sigmoid of the summed weights.

Decoding turns the probabilities into spans, with two numbers per technique tuned on held-out
training articles: a token is evidence when its probability reaches the technique's
``threshold`` or ``relative`` times the paragraph's best token. The relative rule guarantees
at least one span per call (the paragraph was said to contain the technique, so its most
likely words are the best evidence we have); the absolute rule adds every other confident
run. Runs one token apart are joined and punctuation is trimmed off their edges, so spans
begin and end on words, like the annotators' spans.

Inference is pure numpy; the model file is a float16 weight table plus the decoding numbers.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from presslens.errors import InputError, ModelError
from presslens.evaluate.floors import paragraph_spans
from presslens.evaluate.labels import TECHNIQUES
from presslens.evaluate.metrics import span_scores
from presslens.evaluate.semeval import ParagraphKey, SemevalSplit, SpanTuple, paragraph_offsets
from presslens.model_file import check_version, json_header, read_arrays
from presslens.numeric import sigmoid
from presslens.persuasion.evidence_features import (
    FEATURE_VERSION,
    ParagraphTokens,
    WeightIndices,
    tokenize,
    weight_indices,
)

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "evidence.npz"
#: Salt of the weights every technique shares; technique i of TECHNIQUES uses salt i + 1.
SHARED_SALT = 0
#: An evidence span is (start, end, score): absolute offsets into the text, end exclusive.
EvidenceSpan = tuple[int, int, float]
#: Predicted paragraph techniques per language, for :func:`evaluate_evidence`.
Predictions = Mapping[str, Mapping[ParagraphKey, Collection[str]]]


def technique_salt(technique: str) -> int:
    """The salt of a technique's own weights; an unknown name is an input error."""
    try:
        return TECHNIQUES.index(technique) + 1
    except ValueError:
        raise InputError(
            f"unknown technique {technique!r}: evidence is trained for the 23 SemEval-2023 "
            "techniques (presslens.evaluate.labels.TECHNIQUES)"
        ) from None


def decode(
    tokens: ParagraphTokens, probabilities: np.ndarray, threshold: float, relative: float
) -> list[EvidenceSpan]:
    """Spans of the tokens scoring at least ``threshold`` or ``relative`` × the best token.

    Gaps of one token inside a run are filled (an article or a comma between two loaded
    words belongs to the phrase), and punctuation is trimmed off both ends. Each span's score
    is the mean probability of its tokens. Very short spans give way to longer ones
    (:data:`MIN_SPAN_CHARS`); training tunes the thresholds through this same function.
    """
    if not len(probabilities):
        return []
    keep = (probabilities >= threshold) | (probabilities >= relative * probabilities.max())
    keep[1:-1] |= keep[:-2] & keep[2:]
    keep &= _between_words(keep, tokens.is_word)
    spans: list[EvidenceSpan] = []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], keep.astype(np.int8), [0]])))
    for first, stop in zip(edges[::2], edges[1::2], strict=True):
        spans.append(
            (
                int(tokens.offsets[first, 0]),
                int(tokens.offsets[stop - 1, 1]),
                float(probabilities[first:stop].mean()),
            )
        )
    return _meaningful(spans, tokens, probabilities)


def _between_words(keep: np.ndarray, is_word: np.ndarray) -> np.ndarray:
    """True for kept tokens that have a kept word at or before and at or after them in the run.

    This trims punctuation off the ends of every run without splitting it in the middle.
    """
    run_id = np.cumsum(np.concatenate([[1], (keep[1:] != keep[:-1]).astype(np.int64)]))
    word = keep & is_word
    index = np.arange(len(keep))
    last_word_before = np.maximum.accumulate(np.where(word, index, -1))
    next_word_after = np.minimum.accumulate(np.where(word, index, len(keep))[::-1])[::-1]
    has_before = (last_word_before >= 0) & (run_id[np.maximum(last_word_before, 0)] == run_id)
    has_after = (next_word_after < len(keep)) & (
        run_id[np.minimum(next_word_after, len(keep) - 1)] == run_id
    )
    return has_before & has_after


#: Spans shorter than this ("in", "the", "way") are dropped when longer ones remain. Measured on
#: the validation split with the model's own decisions, this raised span F1 in EN (0.130 →
#: 0.144), IT and RU, and it spares readers highlights of lone function words.
MIN_SPAN_CHARS = 5


def _meaningful(
    spans: list[EvidenceSpan], tokens: ParagraphTokens, probabilities: np.ndarray
) -> list[EvidenceSpan]:
    """Drop very short spans; never return nothing for a paragraph that has a word."""
    kept = [span for span in spans if span[1] - span[0] >= MIN_SPAN_CHARS] or spans[:1]
    if kept or not tokens.is_word.any():
        return kept
    best = int(np.argmax(np.where(tokens.is_word, probabilities, -1.0)))
    return [
        (int(tokens.offsets[best, 0]), int(tokens.offsets[best, 1]), float(probabilities[best]))
    ]


class EvidenceTagger:
    """Token tagger for technique evidence; see the module docstring for how it decides."""

    def __init__(
        self,
        weights: np.ndarray,
        thresholds: np.ndarray,
        relative: np.ndarray,
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        bits = int(np.log2(len(weights)))
        if len(weights) != 2**bits:
            raise ModelError(f"evidence weight table has {len(weights)} rows, not a power of 2")
        if thresholds.shape != (len(TECHNIQUES),) or relative.shape != (len(TECHNIQUES),):
            raise ModelError(
                f"evidence model needs one threshold per technique ({len(TECHNIQUES)}), "
                f"found {thresholds.shape} and {relative.shape}"
            )
        self.weights = weights.astype(np.float32)
        self.bits = bits
        self.thresholds = thresholds.astype(np.float32)
        self.relative = relative.astype(np.float32)
        self.meta: dict[str, Any] = dict(meta or {})
        self._cache: tuple[str, int, int, ParagraphTokens, np.ndarray] | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> EvidenceTagger:
        """Load a model file (default: the one shipped in the package)."""
        path = path or DEFAULT_PATH
        what, fix = "evidence model", "reinstall presslens or retrain it with `presslens train`"
        arrays = read_arrays(path, what, fix)
        header = json_header(arrays, what, path, fix)
        check_version(header.get("feature_version"), FEATURE_VERSION, what, path, fix)
        if header.get("techniques") != list(TECHNIQUES):
            raise ModelError(f"{what} {path} was trained for another technique list; {fix}")
        try:
            return cls(arrays["weights"], arrays["thresholds"], arrays["relative"], header)
        except KeyError as exc:
            raise ModelError(f"{what} {path} lacks the array {exc}; {fix}") from exc

    def save(self, path: Path) -> None:
        """Write a compressed ``.npz`` (float16 weights, JSON header, no pickles)."""
        header = {
            **self.meta,
            "feature_version": FEATURE_VERSION,
            "techniques": list(TECHNIQUES),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            thresholds=self.thresholds,
            relative=self.relative,
            header=np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
        )

    def predict(self, text: str, start: int, end: int, technique: str) -> list[EvidenceSpan]:
        """Evidence spans of ``technique`` in ``text[start:end]``, absolute offsets, with scores.

        Calls for several techniques of one paragraph share its tokens and shared scores
        (pass the same ``text`` object), so each further technique costs only its own lookups.
        """
        salt = technique_salt(technique)
        if not 0 <= start <= end <= len(text):
            raise InputError(f"paragraph range [{start}, {end}) is outside a text of {len(text)}")
        tokens, shared = self._paragraph(text, start, end)
        probabilities = self.probabilities(tokens, salt, shared)
        index = salt - 1
        return decode(tokens, probabilities, self.thresholds[index], self.relative[index])

    def probabilities(
        self, tokens: ParagraphTokens, salt: int, shared: np.ndarray | None = None
    ) -> np.ndarray:
        """Each token's probability of lying in the span of the technique with ``salt``."""
        if shared is None:
            shared = self.indices(tokens, SHARED_SALT).logits(self.weights)
        return sigmoid(self.indices(tokens, salt).logits(self.weights) + shared)

    def indices(self, tokens: ParagraphTokens, salt: int) -> WeightIndices:
        return weight_indices(tokens, salt, self.bits)

    def _paragraph(self, text: str, start: int, end: int) -> tuple[ParagraphTokens, np.ndarray]:
        cached = self._cache
        if cached is not None and cached[0] is text and cached[1:3] == (start, end):
            return cached[3], cached[4]
        tokens = tokenize(text, start, end)
        shared = self.indices(tokens, SHARED_SALT).logits(self.weights)
        self._cache = (text, start, end, tokens, shared)
        return tokens, shared


def evaluate_evidence(
    tagger: EvidenceTagger,
    splits: Mapping[str, SemevalSplit],
    ids_by_lang: Mapping[str, Collection[str]],
    predicted: Predictions | None = None,
) -> dict[str, dict[str, float]]:
    """Span P/R/F1 of the tagger's evidence, per language, beside the whole-paragraph floor.

    Without ``predicted`` the gold paragraph techniques are the "predicted" ones (an oracle
    that isolates span quality from the paragraph classifier's errors); with it, those
    (paragraph, technique) pairs get evidence. ``span_floor`` gives the same pairs their whole
    paragraph as evidence. Every article of ``ids_by_lang`` counts, with or without gold spans.
    """
    results: dict[str, dict[str, float]] = {}
    for lang, ids in sorted(ids_by_lang.items()):
        split = splits[lang].subset(ids)
        pairs = predicted[lang] if predicted is not None else split.paragraphs
        pairs = {key: techniques for key, techniques in pairs.items() if key[0] in split.articles}
        gold = {article_id: split.spans.get(article_id, []) for article_id in split.articles}
        scores = span_scores(gold, evidence_spans(tagger, pairs, split.articles))
        floor = span_scores(gold, paragraph_spans(pairs, split.articles))
        results[lang] = {
            "span_f1": scores.f1,
            "span_floor": floor.f1,
            "span_precision": scores.precision,
            "span_recall": scores.recall,
        }
    return results


def evidence_spans(
    tagger: EvidenceTagger,
    pairs: Mapping[ParagraphKey, Collection[str]],
    articles: Mapping[str, str],
) -> dict[str, list[SpanTuple]]:
    """The tagger's spans for every (paragraph, technique) pair, in the scorer's format."""
    spans: dict[str, list[SpanTuple]] = {}
    for (article_id, number), techniques in sorted(pairs.items()):
        text = articles[article_id]
        start, end = paragraph_offsets(text)[number]
        for technique in sorted(techniques):
            found = tagger.predict(text, start, end, technique)
            spans.setdefault(article_id, []).extend((technique, s, e) for s, e, _ in found)
    return spans
