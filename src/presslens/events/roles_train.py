"""Training of the role tagger from MUC-4's training documents (GRIT's processed split).

Every token inside a gold mention is labelled with the mention's role (the first role when two
overlap), every other token with none. A one-vs-rest logistic regression per role is fitted by
scikit-learn's SGD on the hashed features with a fixed seed, so a run gives the same model on
every machine. The training documents are cut into five folds (by a hash of the document id);
each fold's token probabilities come from a tagger fitted on the other four, and so do its
sentence probabilities (a logistic regression per role over the sentence encoder's vectors: does
the sentence hold a token of the role's filler), and the candidate entities read off them
(:func:`presslens.events.roles.candidates`) train the entity scorer, a logistic regression and
boosted trees (scikit-learn's histogram boosting, exported to numpy arrays), whose probabilities
it averages; beside the lexicon, the phrase model (a logistic regression per role over the
vectors of the role's candidate phrases) and the masked-sentence model (the same over the vectors
of the sentences a candidate stands in, its words masked) are cross-fitted the same way. The
decoding numbers (per-role thresholds and limits) are tuned by coordinate ascent on GRIT's micro
F1 over all training documents, with each fold's entities scored by a scorer fitted on the other
folds; then the entity scorer is refitted on all candidates and the token weights and sentence
model on all documents. The dev and test splits are never read here.

    python -m presslens.events.roles_train --data ../shared/data/muc4 [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import re
import zlib
from collections.abc import Callable, Iterator, Sequence
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np

from presslens.embed import DIM
from presslens.errors import ModelError, PresslensError
from presslens.evaluate.muc4 import MucDocument, load_muc, normalise_mention, score
from presslens.events.roles import (
    DEFAULT_PATH,
    ENTITY_FEATURES,
    ROLES,
    Candidate,
    Decoding,
    EntityScorer,
    Lexicon,
    RoleFiller,
    RoleTagger,
    blended,
    candidates,
    entity_matrix,
    feature_matrix,
    forest_rows,
    select,
)
from presslens.events.roles_features import DocumentTokens, sentences, tokenize
from presslens.events.roles_semantic import RoleDirections, sentence_embeddings
from presslens.events.roles_trees import Forest
from presslens.model_file import read_arrays
from presslens.numeric import sigmoid

#: log2 of the weight table's rows: 2**18 rows of five float16 weights, 2.6 MB raw.
BITS = 18
SEED = 0
ALPHA = 2e-6
EPOCHS = 12
#: Folds of the training documents, by a hash of the document id.
FOLDS = 5
#: Inverse regularisation of the entity scorer's logistic regression, and of the sentence and
#: phrase models' over the encoder's vectors.
ENTITY_C = 1.0
DIRECTIONS_C = 1.0
#: The entity trees: at most this many rounds (early stopping ends sooner), leaves per tree,
#: rows per leaf, learning rate; picked on the training folds (out-of-fold F1).
FOREST_TREES = 200
FOREST_LEAVES = 15
FOREST_MIN_LEAF = 40
FOREST_RATE = 0.05
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7)
LIMITS = (1, 2, 3, 4, 6, 1000)
_ROUNDS = 2
#: Where :mod:`presslens.events.roles_encoder_train` writes the encoder's out-of-fold word
#: probabilities of the training documents.
ENCODER_OOF = Path("build/roles_encoder_oof.npz")


def fold_of(document_id: str) -> int:
    """The fold of a training document: fixed, whatever the order of the file."""
    return zlib.crc32(document_id.encode("utf-8")) % FOLDS


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


def out_of_fold_probabilities(
    documents: Sequence[MucDocument], tokenized: Sequence[DocumentTokens]
) -> list[np.ndarray]:
    """Each document's token probabilities from a tagger fitted on the other folds.

    The entity scorer must learn from probabilities like those of unseen text, not from the
    over-confident ones of the documents the tagger was fitted on.
    """
    folds = [fold_of(d.id) for d in documents]
    probabilities: list[np.ndarray] = [np.zeros((0, len(ROLES)))] * len(documents)
    for k in range(FOLDS):
        inner = [i for i, f in enumerate(folds) if f != k]
        weights, bias = fit([documents[i] for i in inner], [tokenized[i] for i in inner])
        tagger = _token_tagger(weights, bias)
        for i, f in enumerate(folds):
            if f == k:
                probabilities[i] = tagger.probabilities(tokenized[i])
    return probabilities


def encoder_probabilities(path: Path, tokenized: Sequence[DocumentTokens]) -> list[np.ndarray]:
    """Each document's out-of-fold word probabilities from the fine-tuned encoder, as
    :mod:`presslens.events.roles_encoder_train` wrote them (same folds as here)."""
    fix = "fine-tune the encoder first: python -m presslens.events.roles_encoder_train --help"
    data = read_arrays(path, "encoder's out-of-fold probabilities", fix)
    counts = data.get("document_words")
    if counts is None or list(counts) != [len(t.words) for t in tokenized]:
        raise ModelError(f"{path} was written for other documents or tokens; {fix}")
    return np.split(data["probabilities"].astype(np.float64), np.cumsum(counts)[:-1])


def _no_directions() -> RoleDirections:
    """A sentence or phrase model that has learnt nothing (every log-odds 0)."""
    return RoleDirections(np.zeros((len(ROLES), DIM), dtype=np.float32), np.zeros(len(ROLES)))


def _token_tagger(weights: np.ndarray, bias: np.ndarray) -> RoleTagger:
    """A tagger with token weights only, to read probabilities from."""
    return RoleTagger(
        weights.astype(np.float16),
        bias,
        _no_directions(),
        EntityScorer(
            np.zeros((len(ROLES), len(ENTITY_FEATURES))),
            np.zeros(len(ROLES)),
            Lexicon.count([], np.zeros(0, dtype=bool)),
            _no_directions(),
            _no_directions(),
        ),
        Decoding((0.5,) * len(ROLES), (1,) * len(ROLES)),
        BITS,
    )


def sentence_labels(document: MucDocument, tokens: DocumentTokens) -> np.ndarray:
    """``(n_sentences, 5)``: whether each sentence holds a token of a gold filler of a role."""
    labels = token_labels(document, tokens)
    return np.array(
        [[(labels[first:end] == role).any() for role in range(len(ROLES))]
         for first, end in sentences(tokens.words)],
        dtype=bool,
    ).reshape(-1, len(ROLES))  # fmt: skip


def fit_directions(embeddings: np.ndarray, labels: np.ndarray, roles: np.ndarray) -> RoleDirections:
    """One logistic regression per role over embeddings; ``roles`` says which rows each sees.

    ``labels`` and ``roles`` are ``(n, 5)`` booleans: a sentence model trains every role on
    every sentence, a phrase model each role on its own candidates only. A role whose rows
    are all of one class (none at all, in a tiny corpus) keeps log-odds 0: it says nothing.
    """
    from sklearn.linear_model import LogisticRegression

    weights, bias = _no_directions().weights, np.zeros(len(ROLES))
    for role in range(len(ROLES)):
        rows = roles[:, role]
        if len(np.unique(labels[rows, role])) < 2:
            continue
        model = LogisticRegression(C=DIRECTIONS_C, max_iter=2000)
        model.fit(embeddings[rows], labels[rows, role])
        weights[role], bias[role] = model.coef_[0], model.intercept_[0]
    return RoleDirections(weights, bias)


def out_of_fold_sentences(
    documents: Sequence[MucDocument],
    embeddings: Sequence[np.ndarray],
    labels: Sequence[np.ndarray],
) -> list[np.ndarray]:
    """Each document's sentence probabilities from a sentence model fitted on the other folds."""
    folds = [fold_of(d.id) for d in documents]
    probabilities: list[np.ndarray] = [np.zeros((0, len(ROLES)))] * len(documents)
    for k in range(FOLDS):
        model = fit_sentences([i for i, f in enumerate(folds) if f != k], embeddings, labels)
        for i in (i for i, f in enumerate(folds) if f == k):
            probabilities[i] = sigmoid(model.decision(embeddings[i]))
    return probabilities


def fit_sentences(
    members: Sequence[int], embeddings: Sequence[np.ndarray], labels: Sequence[np.ndarray]
) -> RoleDirections:
    """The sentence model of some documents: every sentence of theirs, for every role."""
    rows = np.vstack([labels[i] for i in members])
    return fit_directions(
        np.vstack([embeddings[i] for i in members]), rows, np.ones_like(rows, dtype=bool)
    )


def fit_phrases(
    found: Sequence[Sequence[Candidate]], labels: Sequence[np.ndarray], members: Sequence[int]
) -> RoleDirections:
    """The phrase model of some documents: per role, whether its candidates were fillers."""
    return _fit_candidate_vectors(found, labels, members, lambda c: c.embedding[None, :])


def fit_contexts(
    found: Sequence[Sequence[Candidate]], labels: Sequence[np.ndarray], members: Sequence[int]
) -> RoleDirections:
    """The masked-sentence model of some documents: per role, whether the candidate whose
    words a masked sentence held was a filler (one row per place a candidate stands)."""
    return _fit_candidate_vectors(found, labels, members, lambda c: c.contexts)


def _fit_candidate_vectors(
    found: Sequence[Sequence[Candidate]],
    labels: Sequence[np.ndarray],
    members: Sequence[int],
    vectors: Callable[[Candidate], np.ndarray],
) -> RoleDirections:
    """One regression per role over the ``vectors`` (rows) of the role's candidates, each row
    labelled with whether its candidate was a filler."""
    chosen = [c for i in members for c in found[i]]
    rows = [vectors(c).reshape(-1, DIM) for c in chosen]
    counts = [len(r) for r in rows]
    roles = np.eye(len(ROLES), dtype=bool)[np.repeat([c.role for c in chosen], counts)]
    target = np.repeat(np.concatenate([labels[i] for i in members]), counts)
    return fit_directions(np.vstack(rows), roles & target[:, None], roles)


def entity_labels(
    document: MucDocument, tokens: DocumentTokens, found: Sequence[Candidate]
) -> np.ndarray:
    """Per candidate, whether its phrase is a mention of a gold entity of its role."""
    gold = {
        role: {normalise_mention(m) for entity in document.gold[role] for m in entity}
        for role in ROLES
    }
    phrases = (
        document.text[tokens.offsets[c.first][0] : tokens.offsets[c.end - 1][1]] for c in found
    )
    return np.array(
        [normalise_mention(p) in gold[ROLES[c.role]] for p, c in zip(phrases, found, strict=True)],
        dtype=bool,
    )


def _entity_design(features: np.ndarray, roles: np.ndarray) -> np.ndarray:
    """Features shared by all roles, then a copy and an intercept per role.

    The shared part learns what makes any entity a filler from few examples; the copies let
    each role weigh differently (a weapon recurs, a perpetrator group is named once).
    """
    own = np.hstack([features, np.ones((len(features), 1))])
    per_role = np.eye(len(ROLES))[roles][:, :, None] * own[:, None, :]
    return np.hstack([features, per_role.reshape(len(features), -1)])


def fit_entities(
    features: np.ndarray, roles: np.ndarray, labels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per-role weights ``(5, n_features)`` and biases of the entity scorer.

    A standardised logistic regression over :func:`_entity_design`; being linear, it folds
    into one weight vector and bias per role, read off at zero and at each unit feature.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(StandardScaler(), LogisticRegression(C=ENTITY_C, max_iter=5000))
    model.fit(_entity_design(features, roles), labels)
    n = features.shape[1]
    probes = np.vstack([np.zeros(n), np.eye(n)])
    weights, bias = np.zeros((len(ROLES), n)), np.zeros(len(ROLES))
    for role in range(len(ROLES)):
        values = model.decision_function(_entity_design(probes, np.full(n + 1, role)))
        bias[role], weights[role] = values[0], values[1:] - values[0]
    return weights, bias


def fit_forest(rows: np.ndarray, labels: np.ndarray) -> Forest:
    """Boosted trees over :func:`forest_rows`, exported to plain arrays.

    scikit-learn's histogram boosting with a fixed seed (its early stopping holds out a
    seeded tenth); the export is checked against sklearn's own decision on the training rows.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(
        learning_rate=FOREST_RATE,
        max_iter=FOREST_TREES,
        max_leaf_nodes=FOREST_LEAVES,
        min_samples_leaf=FOREST_MIN_LEAF,
        l2_regularization=1.0,
        early_stopping=True,
        random_state=SEED,
    )
    model.fit(rows, labels)
    forest = _exported(model)
    if not np.allclose(forest.decision(rows), model.decision_function(rows), atol=1e-6):
        raise ModelError(
            "the exported entity trees disagree with scikit-learn's own decisions: this "
            "scikit-learn stores its trees in a layout the export does not know (trained with 1.9)"
        )
    return forest


def _exported(model: Any) -> Forest:
    """The fitted trees' nodes as flat arrays (one tree per boosting round, binary task)."""
    trees = [predictors[0].nodes for predictors in model._predictors]
    starts = np.cumsum([0] + [len(t) for t in trees[:-1]])
    leaf = np.concatenate([t["is_leaf"].astype(bool) for t in trees])
    shift = np.concatenate([np.full(len(t), s) for t, s in zip(trees, starts, strict=True)])
    left = np.concatenate([t["left"] for t in trees]).astype(np.int64) + shift
    right = np.concatenate([t["right"] for t in trees]).astype(np.int64) + shift
    feature = np.concatenate([t["feature_idx"] for t in trees]).astype(np.int64)
    return Forest(
        np.where(leaf, 0, feature),
        np.concatenate([t["num_threshold"] for t in trees]),
        np.where(leaf, -1, left),
        np.where(leaf, -1, right),
        np.concatenate([t["value"] for t in trees]),
        starts.astype(np.int64),
        float(np.ravel(model._baseline_prediction)[0]),
    )


def fit_scorer(
    found: Sequence[Sequence[Candidate]],
    labels: Sequence[np.ndarray],
    folds: Sequence[int],
    members: Sequence[int],
) -> EntityScorer:
    """The entity scorer of some documents: their lexicon and a regression fitted on them.

    The regression must see lexicon counts and phrase and masked-sentence log-odds as they are
    for unseen text, so each fold's rows read a lexicon counted, and phrase and masked-sentence
    models fitted, on the other folds of ``members``; the scorer keeps those of all of them.
    """
    rows, targets, roles = [], [], []
    for k in sorted({folds[i] for i in members}):
        outer = [i for i in members if folds[i] != k]
        lexicon = Lexicon.count(
            [c for i in outer for c in found[i]], np.concatenate([labels[i] for i in outer])
        )
        phrases, contexts = fit_phrases(found, labels, outer), fit_contexts(found, labels, outer)
        for i in (i for i in members if folds[i] == k):
            rows.append(entity_matrix(found[i], lexicon, phrases, contexts))
            targets.append(labels[i])
            roles.append(np.array([c.role for c in found[i]], dtype=np.int64))
    features, role, target = np.vstack(rows), np.concatenate(roles), np.concatenate(targets)
    weights, bias = fit_entities(features, role, target)
    forest = fit_forest(forest_rows(features, role), target)
    lexicon = Lexicon.count(
        [c for i in members for c in found[i]], np.concatenate([labels[i] for i in members])
    )
    return EntityScorer(
        weights,
        bias,
        lexicon,
        fit_phrases(found, labels, members),
        fit_contexts(found, labels, members),
        forest,
    )


def cross_fitted_scores(
    documents: Sequence[MucDocument],
    found: Sequence[Sequence[Candidate]],
    labels: Sequence[np.ndarray],
) -> list[np.ndarray]:
    """Each document's candidate scores from an entity scorer fitted on the other folds."""
    folds = [fold_of(d.id) for d in documents]
    scores: list[np.ndarray] = [np.zeros(0)] * len(documents)
    for k in range(FOLDS):
        scorer = fit_scorer(found, labels, folds, [i for i, f in enumerate(folds) if f != k])
        for i in (i for i, f in enumerate(folds) if f == k):
            scores[i] = scorer.scores(found[i])
    return scores


def _f1(
    documents: Sequence[MucDocument],
    tokenized: Sequence[DocumentTokens],
    found: Sequence[Sequence[Candidate]],
    scores: Sequence[np.ndarray],
    decoding: Decoding,
) -> dict[str, float]:
    fillers = [
        select(d.text, t, c, s, decoding)
        for d, t, c, s in zip(documents, tokenized, found, scores, strict=True)
    ]
    return score(_predictions(fillers, documents), documents)


def tune(
    documents: Sequence[MucDocument],
    tokenized: Sequence[DocumentTokens],
    found: Sequence[Sequence[Candidate]],
    scores: Sequence[np.ndarray],
) -> tuple[Decoding, float]:
    """Thresholds and limits that maximise micro F1 on held-out scores, a role at a time."""
    decoding = Decoding((0.5,) * len(ROLES), (1000,) * len(ROLES))
    best = _f1(documents, tokenized, found, scores, decoding)["micro_f1"]
    for _ in range(_ROUNDS):
        for role in range(len(ROLES)):
            for threshold, limit in product(THRESHOLDS, LIMITS):
                thresholds, limits = list(decoding.thresholds), list(decoding.limits)
                thresholds[role], limits[role] = threshold, limit
                candidate = Decoding(tuple(thresholds), tuple(limits))
                value = _f1(documents, tokenized, found, scores, candidate)["micro_f1"]
                if value > best:
                    best, decoding = value, candidate
    return decoding, best


def train(
    data_dir: Path, out: Path = DEFAULT_PATH, encoder_oof: Path = ENCODER_OOF
) -> dict[str, Any]:
    """Fit on out-of-fold probabilities, tune on cross-fitted scores, refit on all and save."""
    documents = load_muc(data_dir, "train")
    tokenized = [tokenize(d.text) for d in documents]
    encoder = encoder_probabilities(encoder_oof, tokenized)  # read first: it may be missing
    probabilities = [
        blended(linear, e)
        for linear, e in zip(out_of_fold_probabilities(documents, tokenized), encoder, strict=True)
    ]
    embeddings = [sentence_embeddings(d.text, t) for d, t in zip(documents, tokenized, strict=True)]
    in_sentence = [sentence_labels(d, t) for d, t in zip(documents, tokenized, strict=True)]
    sentence_probabilities = out_of_fold_sentences(documents, embeddings, in_sentence)
    found = [
        candidates(d.text, t, p, s)
        for d, t, p, s in zip(
            documents, tokenized, probabilities, sentence_probabilities, strict=True
        )
    ]
    labels = [entity_labels(d, t, c) for d, t, c in zip(documents, tokenized, found, strict=True)]
    scores = cross_fitted_scores(documents, found, labels)
    decoding, f1 = tune(documents, tokenized, found, scores)
    folds = [fold_of(d.id) for d in documents]
    per_fold = []
    for k in range(FOLDS):
        part = [i for i, f in enumerate(folds) if f == k]
        measures = _f1(
            [documents[i] for i in part],
            [tokenized[i] for i in part],
            [found[i] for i in part],
            [scores[i] for i in part],
            decoding,
        )
        per_fold.append(measures["micro_f1"])
    scorer = fit_scorer(found, labels, folds, range(len(documents)))
    weights, bias = fit(documents, tokenized)
    sentence_model = fit_sentences(range(len(documents)), embeddings, in_sentence)
    tagger = RoleTagger(weights.astype(np.float16), bias, sentence_model, scorer, decoding, BITS)
    tagger.save(out)
    return {
        "documents": len(documents),
        "out_of_fold_micro_f1": round(f1, 4),
        "out_of_fold": _f1(documents, tokenized, found, scores, decoding),
        "fold_micro_f1": per_fold,
        "thresholds": decoding.thresholds,
        "limits": decoding.limits,
        "model": str(out),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/muc4"))
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument(
        "--encoder-oof",
        type=Path,
        default=ENCODER_OOF,
        help="the fine-tuned encoder's out-of-fold probabilities "
        "(written by python -m presslens.events.roles_encoder_train)",
    )
    args = parser.parse_args(argv)
    try:
        print(json.dumps(train(args.data, args.out, args.encoder_oof), indent=1))
    except PresslensError as error:
        parser.exit(1, f"error: {error}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
