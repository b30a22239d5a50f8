"""Training of the evidence tagger from SemEval-2023 Task 3 technique spans.

Each training example is one (paragraph, technique) pair of the gold paragraph labels: the
paragraph's tokens, labelled 1 where they lie inside a gold span of that technique. Only
paragraphs that contain the technique are used, because the tagger is only ever asked about
those (the paragraph classifier decides *whether*, the tagger *where*).

The weights are fitted by AdaGrad logistic regression over pairs in a seeded order (numpy
only, so the result is the same on every run). The decoding numbers of each technique are
then tuned, by coordinate ascent on the pooled span F1, on an inner validation split carved
from the training articles; finally the weights are refitted on all training articles.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import product

import numpy as np

from presslens.evaluate.labels import TECHNIQUES
from presslens.evaluate.semeval import SemevalSplit, carve_validation, paragraph_offsets
from presslens.numeric import sigmoid
from presslens.persuasion.evidence import (
    SHARED_SALT,
    EvidenceTagger,
    decode,
    technique_salt,
)
from presslens.persuasion.evidence_features import ParagraphTokens, tokenize, weight_indices

#: log2 of the weight table size: 2**21 float16 weights, 4 MB before compression.
BITS = 21
EPOCHS = 4
LEARNING_RATE = 0.2
L2 = 1e-6
#: Grids the decoding numbers are tuned over (threshold above 1 switches the absolute rule off).
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 1.01)
RELATIVE = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


@dataclass(frozen=True, slots=True)
class Example:
    """One (paragraph, technique) pair: token labels and the gold spans to score against."""

    lang: str
    article_id: str
    tokens: ParagraphTokens
    salt: int
    labels: np.ndarray
    gold: np.ndarray


def fit_evidence(
    splits: Mapping[str, SemevalSplit],
    exclude: Mapping[str, set[str]],
    seed: int = 13,
) -> EvidenceTagger:
    """Train on every article with gold spans except ``exclude`` (e.g. the validation ids)."""
    started = time.perf_counter()
    train = {
        lang: split.partition(exclude.get(lang, set()))[0]
        for lang, split in sorted(splits.items())
        if "spans" in split.labelled
    }
    examples = build_examples(train)
    inner = carve_validation(train, seed=seed)
    fit_part = [e for e in examples if e.article_id not in inner[e.lang]]
    tune_part = [e for e in examples if e.article_id in inner[e.lang]]
    weights = train_weights(fit_part, seed)
    thresholds, relative, inner_f1 = tune_decoding(weights, tune_part)
    weights = train_weights(examples, seed)
    meta = {
        "seed": seed,
        "bits": BITS,
        "epochs": EPOCHS,
        "learning_rate": LEARNING_RATE,
        "l2": L2,
        "languages": sorted(train),
        "examples": len(examples),
        "excluded_articles": {lang: len(ids) for lang, ids in sorted(exclude.items())},
        "inner_validation_span_f1": round(inner_f1, 4),
        "training_seconds": round(time.perf_counter() - started, 1),
    }
    return EvidenceTagger(weights, thresholds, relative, meta)


def build_examples(splits: Mapping[str, SemevalSplit]) -> list[Example]:
    """One example per gold (paragraph, technique) pair of the splits' articles."""
    examples = []
    for lang, split in sorted(splits.items()):
        offsets_of = {a: paragraph_offsets(text) for a, text in split.articles.items()}
        for (article_id, number), techniques in sorted(split.paragraphs.items()):
            if not techniques or number not in offsets_of.get(article_id, {}):
                continue
            start, end = offsets_of[article_id][number]
            tokens = tokenize(split.articles[article_id], start, end)
            if not len(tokens.offsets):
                continue
            spans = split.spans.get(article_id, [])
            for technique in sorted(set(techniques) & set(TECHNIQUES)):
                gold = _merged(
                    [(s, e) for t, s, e in spans if t == technique and s < end and start < e]
                )
                examples.append(
                    Example(
                        lang=lang,
                        article_id=article_id,
                        tokens=tokens,
                        salt=technique_salt(technique),
                        labels=_token_labels(tokens.offsets, gold),
                        gold=gold,
                    )
                )
    return examples


def _merged(spans: Sequence[tuple[int, int]]) -> np.ndarray:
    """Overlapping spans joined, as the scorer joins them; ``(k, 2)`` int array."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return np.array(merged, dtype=np.int64).reshape(-1, 2)


def _token_labels(offsets: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """1.0 for tokens at least half inside a gold span."""
    if not len(gold):
        return np.zeros(len(offsets))
    shared = np.clip(
        np.minimum(offsets[:, None, 1], gold[None, :, 1])
        - np.maximum(offsets[:, None, 0], gold[None, :, 0]),
        0,
        None,
    ).sum(axis=1)
    return (2 * shared >= offsets[:, 1] - offsets[:, 0]).astype(np.float64)


def train_weights(examples: Sequence[Example], seed: int) -> np.ndarray:
    """AdaGrad logistic regression over all examples, ``EPOCHS`` seeded passes."""
    weights = np.zeros(2**BITS, dtype=np.float64)
    squares = np.full(2**BITS, 1e-8, dtype=np.float64)
    rng = np.random.default_rng(seed)
    for _ in range(EPOCHS):
        for i in rng.permutation(len(examples)):
            _step(weights, squares, examples[i])
    return weights.astype(np.float32)


def _step(weights: np.ndarray, squares: np.ndarray, example: Example) -> None:
    """One AdaGrad step on one example's tokens (technique and shared weights together)."""
    parts = [weight_indices(example.tokens, salt, BITS) for salt in (example.salt, SHARED_SALT)]
    logits = sum(part.logits(weights) for part in parts)
    error = sigmoid(np.asarray(logits)) - example.labels
    indices, gradients = [], []
    for part in parts:
        indices.append(part.tokens.ravel())
        gradients.append(np.repeat(error, part.tokens.shape[1]))
        per_sentence = np.bincount(part.sentence_of, weights=error, minlength=len(part.bag_scale))
        indices.append(part.bag)
        gradients.append((per_sentence * part.bag_scale)[part.bag_sentence])
    unique, inverse = np.unique(np.concatenate(indices), return_inverse=True)
    gradient = np.bincount(inverse, weights=np.concatenate(gradients)) + L2 * weights[unique]
    squares[unique] += gradient**2
    weights[unique] -= LEARNING_RATE * gradient / np.sqrt(squares[unique])


def tune_decoding(
    weights: np.ndarray, examples: Sequence[Example]
) -> tuple[np.ndarray, np.ndarray, float]:
    """Per-technique (threshold, relative) maximising the pooled span F1 on ``examples``.

    Span F1 pools credit over all techniques, so one technique's best setting depends on the
    others'; each technique's contribution (precision credit, predicted count, recall credit)
    is tabulated over the grid once, then three rounds of coordinate ascent pick the settings.
    """
    tagger = EvidenceTagger(weights, np.ones(len(TECHNIQUES)), np.ones(len(TECHNIQUES)))
    grid = list(product(THRESHOLDS, RELATIVE))
    table = np.zeros((len(TECHNIQUES), len(grid), 3))
    n_gold = 0
    for example in examples:
        probabilities = tagger.probabilities(example.tokens, example.salt)
        n_gold += len(example.gold)
        for g, (threshold, relative) in enumerate(grid):
            table[example.salt - 1, g] += _credit(
                decode(example.tokens, probabilities, threshold, relative), example.gold
            )
    choice = np.array([grid.index((0.5, 1.0))] * len(TECHNIQUES))
    for _ in range(3):
        for t in range(len(TECHNIQUES)):
            totals = table[np.arange(len(TECHNIQUES)), choice].sum(axis=0) - table[t, choice[t]]
            choice[t] = int(np.argmax([_f1(totals + row, n_gold) for row in table[t]]))
    best = _f1(table[np.arange(len(TECHNIQUES)), choice].sum(axis=0), n_gold)
    chosen_thresholds = np.array([grid[c][0] for c in choice])
    chosen_relative = np.array([grid[c][1] for c in choice])
    return chosen_thresholds, chosen_relative, best


def _credit(spans: Sequence[tuple[int, int, float]], gold: np.ndarray) -> np.ndarray:
    """(precision credit, predicted spans, recall credit) of one example's spans."""
    if not spans or not len(gold):
        return np.array([0.0, len(spans), 0.0])
    predicted = np.array([(s, e) for s, e, _ in spans], dtype=np.float64)
    shared = np.clip(
        np.minimum(predicted[:, None, 1], gold[None, :, 1])
        - np.maximum(predicted[:, None, 0], gold[None, :, 0]),
        0,
        None,
    )
    precision = (shared / (predicted[:, 1] - predicted[:, 0])[:, None]).sum()
    recall = (shared / (gold[:, 1] - gold[:, 0])[None, :]).sum()
    return np.array([precision, len(spans), recall])


def _f1(totals: np.ndarray, n_gold: int) -> float:
    precision_credit, n_predicted, recall_credit = totals
    precision = precision_credit / n_predicted if n_predicted else 0.0
    recall = recall_credit / n_gold if n_gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
