"""Training of the role tagger from MUC-4's training documents (GRIT's processed split).

Every token inside a gold mention is labelled with the mention's role (the first role when two
overlap), every other token with none. A one-vs-rest logistic regression per role is fitted by
scikit-learn's SGD on the hashed features with a fixed seed, so a run gives the same model on
every machine. The decoding numbers (per-role thresholds and phrase limits) are tuned by
coordinate ascent on GRIT's micro F1 over a validation fifth of the training documents (by a
hash of the document id); then the weights are refitted on all training documents. The dev and
test splits are never read here.

    python -m presslens.events.roles_train --data ../shared/data/muc4 [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import zlib
from collections.abc import Iterator, Sequence
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np

from presslens.evaluate.muc4 import MucDocument, load_muc, score
from presslens.events.roles import (
    DEFAULT_PATH,
    ROLES,
    Decoding,
    RoleFiller,
    RoleTagger,
    decode,
    feature_matrix,
)
from presslens.events.roles_features import DocumentTokens, tokenize

#: log2 of the weight table's rows: 2**18 rows of five float16 weights, 2.6 MB raw.
BITS = 18
SEED = 0
ALPHA = 2e-6
EPOCHS = 12
THRESHOLDS = (0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7)
LIMITS = (1, 2, 3, 4, 6, 1000)
GROWTH = (0.05, 0.1, 0.15, 0.25, 0.4, 0.6, 1.0)
_ROUNDS = 3


def is_validation(document_id: str) -> bool:
    """A fixed fifth of the training documents, for tuning the decoding."""
    return zlib.crc32(document_id.encode("utf-8")) % 5 == 0


def _occurrences(document: MucDocument) -> Iterator[tuple[str, int, int]]:
    """Every place a gold mention's words occur, not only the offsets GRIT kept.

    The role fillers are document-level and decoding reads every occurrence of a phrase, so a
    repeated name is labelled wherever it stands rather than taught as a role here and as none
    a sentence later.
    """
    for role, start, end in document.mentions:
        pattern = r"(?<![\w'-])" + re.escape(document.text[start:end]) + r"(?![\w-])"
        for match in re.finditer(pattern, document.text):
            yield role, match.start(), match.end()


def token_labels(document: MucDocument, tokens: DocumentTokens) -> np.ndarray:
    """Per token, the index of the role of a gold mention it lies in, or -1."""
    labels = np.full(len(tokens.offsets), -1, dtype=np.int64)
    starts = np.array([start for start, _ in tokens.offsets], dtype=np.int64)
    for role, start, end in _occurrences(document):
        first, last = np.searchsorted(starts, start), np.searchsorted(starts, end)
        span = labels[first:last]
        span[span < 0] = ROLES.index(role)
    return labels


def _design(tokenized: Sequence[DocumentTokens]) -> Any:
    """The sparse binary design matrix of all tokens of all documents."""
    from scipy.sparse import csr_matrix

    parts = [feature_matrix(tokens, BITS) for tokens in tokenized]
    offsets = np.cumsum([0] + [len(t.offsets) for t in tokenized])
    rows = np.concatenate([r + o for (r, _), o in zip(parts, offsets, strict=False)])
    columns = np.concatenate([c for _, c in parts])
    matrix = csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, columns)), shape=(offsets[-1], 1 << BITS)
    )
    matrix.data[:] = 1.0  # a feature hashed twice onto one row counts once
    return matrix


def fit(
    documents: Sequence[MucDocument], tokenized: Sequence[DocumentTokens]
) -> tuple[np.ndarray, np.ndarray]:
    """Weights ``(2**BITS, 5)`` and biases of the one-vs-rest logistic regressions."""
    from sklearn.linear_model import SGDClassifier

    labels = np.concatenate([token_labels(d, t) for d, t in zip(documents, tokenized, strict=True)])
    model = SGDClassifier(
        loss="log_loss",
        alpha=ALPHA,
        max_iter=EPOCHS,
        tol=None,
        random_state=SEED,
    )
    model.fit(_design(tokenized), labels)
    order = [list(model.classes_).index(r) for r in range(len(ROLES))]
    return model.coef_[order].T.astype(np.float32), model.intercept_[order].astype(np.float32)


def _predictions(
    fillers: Sequence[dict[str, list[RoleFiller]]], documents: Sequence[MucDocument]
) -> dict[str, dict[str, list[list[str]]]]:
    return {
        d.id: {role: [[f.text] for f in found[role]] for role in ROLES}
        for d, found in zip(documents, fillers, strict=True)
    }


def tune(
    documents: Sequence[MucDocument],
    tokenized: Sequence[DocumentTokens],
    probabilities: Sequence[np.ndarray],
) -> tuple[Decoding, float]:
    """Thresholds and limits that maximise micro F1 on held-out documents, one at a time."""
    decoding = Decoding((0.3,) * len(ROLES), (1000,) * len(ROLES), 0.4)

    def f1(candidate: Decoding) -> float:
        found = [
            decode(d.text, t, p, candidate)
            for d, t, p in zip(documents, tokenized, probabilities, strict=True)
        ]
        return score(_predictions(found, documents), documents)["micro_f1"]

    best = f1(decoding)
    for _ in range(_ROUNDS):
        for role in range(len(ROLES)):
            for threshold, limit in product(THRESHOLDS, LIMITS):
                thresholds = list(decoding.thresholds)
                limits = list(decoding.limits)
                thresholds[role], limits[role] = threshold, limit
                candidate = Decoding(tuple(thresholds), tuple(limits), decoding.grow)
                value = f1(candidate)
                if value > best:
                    best, decoding = value, candidate
        for grow in GROWTH:
            candidate = Decoding(decoding.thresholds, decoding.limits, grow)
            value = f1(candidate)
            if value > best:
                best, decoding = value, candidate
    return decoding, best


def train(data_dir: Path, out: Path = DEFAULT_PATH) -> dict[str, Any]:
    """Fit, tune on the validation fifth, refit on all training documents and save."""
    documents = load_muc(data_dir, "train")
    tokenized = [tokenize(d.text) for d in documents]
    inner = [i for i, d in enumerate(documents) if not is_validation(d.id)]
    held = [i for i, d in enumerate(documents) if is_validation(d.id)]
    weights, bias = fit([documents[i] for i in inner], [tokenized[i] for i in inner])
    tagger = RoleTagger(weights.astype(np.float16), bias, Decoding((0.5,) * 5, (1,) * 5), BITS)
    held_docs = [documents[i] for i in held]
    held_tokens = [tokenized[i] for i in held]
    probabilities = [tagger.probabilities(t) for t in held_tokens]
    decoding, validation_f1 = tune(held_docs, held_tokens, probabilities)
    tagger.decoding = decoding
    found = [
        decode(d.text, t, p, decoding)
        for d, t, p in zip(held_docs, held_tokens, probabilities, strict=True)
    ]
    validation = score(_predictions(found, held_docs), held_docs)
    weights, bias = fit(documents, tokenized)
    RoleTagger(weights.astype(np.float16), bias, decoding, BITS).save(out)
    return {
        "validation_documents": len(held),
        "validation_micro_f1": round(validation_f1, 4),
        "validation": validation,
        "thresholds": decoding.thresholds,
        "limits": decoding.limits,
        "grow": decoding.grow,
        "model": str(out),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/muc4"))
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    print(json.dumps(train(args.data, args.out), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
