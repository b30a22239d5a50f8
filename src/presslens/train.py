"""Train the persuasion model from data in the SemEval-2023 Task 3 layout.

Reproducible: a fixed seed, a validation split carved from the training data by a fixed rule
(:func:`presslens.evaluate.semeval.carve_validation`), and nothing tuned on it. Thresholds are
tuned on out-of-fold predictions of the training side only (folds grouped by article, so no
article is on both sides of a fold). Needs scikit-learn (``pip install presslens[train]``);
the model it writes needs only numpy.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from presslens.document import Article
from presslens.errors import DataError, PresslensError
from presslens.evaluate.floors import learn_constant_labels, learn_floors
from presslens.evaluate.persuasion import line_number, semeval_article
from presslens.evaluate.semeval import SemevalSplit
from presslens.persuasion.features import (
    ArticleInput,
    article_features,
    embed_articles,
    paragraph_features,
)
from presslens.persuasion.model import MultiLabelHead, PersuasionModel, SoftmaxHead

log = logging.getLogger(__name__)

#: Regularisation of every logistic regression (inverse strength), chosen by out-of-fold
#: micro-F1 on the training side (see docs/models.md).
C_TECHNIQUES = 0.1
C_ARTICLE = 0.3
FOLDS = 5
#: A language gets thresholds of its own only with this many out-of-fold paragraphs.
MIN_PARAGRAPHS_PER_LANGUAGE = 1000
THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)


@dataclass(slots=True)
class TrainingArticle:
    """One labelled article, segmented exactly as ``presslens analyze`` segments it."""

    lang: str
    id: str
    article: Article
    lines: list[int]
    techniques: list[set[str] | None]
    genre: str | None
    frames: set[str] | None


def training_articles(split: SemevalSplit) -> list[TrainingArticle]:
    """Articles of one language with their labels mapped onto our paragraphs.

    A paragraph's labels are those of its line (SemEval paragraph numbers are line numbers);
    paragraphs whose line has no label row are left out of the technique training.
    """
    out = []
    for article_id in sorted(split.articles):
        text = split.articles[article_id]
        if not text.strip():
            continue
        article = semeval_article(text, split.lang)
        lines = [line_number(text, p.span.start) for p in article.paragraphs]
        labelled = "techniques" in split.labelled
        out.append(
            TrainingArticle(
                lang=split.lang,
                id=article_id,
                article=article,
                lines=lines,
                techniques=[
                    split.paragraphs.get((article_id, line)) if labelled else None for line in lines
                ],
                genre=split.genre.get(article_id),
                frames=split.frames.get(article_id) if "frames" in split.labelled else None,
            )
        )
    return out


def cached_encoder(cache_dir: Path | None) -> Callable[[Sequence[str]], np.ndarray]:
    """The encoder, memoised on disk by text hash so retraining skips the slow part."""
    from presslens import embed

    if cache_dir is None:
        return embed.encode

    def encode(texts: Sequence[str]) -> np.ndarray:
        cache_dir.mkdir(parents=True, exist_ok=True)
        path = cache_dir / "embeddings.npz"
        known: dict[str, np.ndarray] = {}
        if path.is_file():
            with np.load(path) as data:
                known = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
        if missing:
            vectors = embed.encode([t for _, t in missing])
            known.update({k: v for (k, _), v in zip(missing, vectors, strict=True)})
            np.savez(path, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
        return np.stack([known[k] for k in keys]) if keys else embed.encode([])

    return encode


def _require_sklearn() -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise PresslensError("training needs scikit-learn: pip install 'presslens[train]'") from exc


def _fit_binary(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    if y.all() or not y.any():
        # A label that never (or always) occurs: a constant, very sure answer.
        return np.zeros(x.shape[1]), -8.0 if not y.any() else 8.0
    model = LogisticRegression(C=c, max_iter=500, class_weight="balanced")
    model.fit(x, y)
    return model.coef_[0], float(model.intercept_[0])


def fit_multilabel(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights (features × labels) and biases of one logistic regression per label."""
    fitted = [_fit_binary(x, y[:, j], c) for j in range(y.shape[1])]
    return np.stack([w for w, _ in fitted], axis=1), np.array([b for _, b in fitted])


def out_of_fold(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, c: float, seed: int
) -> np.ndarray:
    """Probabilities for every row from models that never saw its article."""
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(y.shape, dtype=np.float64)
    folds = GroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    for train_rows, held_rows in folds.split(x, y, groups):
        weights, bias = fit_multilabel(x[train_rows], y[train_rows], c)
        oof[held_rows] = 1.0 / (1.0 + np.exp(-(x[held_rows] @ weights + bias)))
    return oof


def micro_f1(predicted: np.ndarray, gold: np.ndarray) -> float:
    tp = int((predicted & gold).sum())
    wrong = int((predicted != gold).sum())
    return 2 * tp / max(1, 2 * tp + wrong)


def tune_thresholds(
    scores: np.ndarray, gold: np.ndarray, rounds: int = 2, start: np.ndarray | None = None
) -> np.ndarray:
    """Per-label thresholds maximising pooled micro-F1, by coordinate ascent.

    Micro-F1 pools all labels, so each threshold is tuned with the others fixed, twice over.
    """
    thresholds = np.full(gold.shape[1], 0.5) if start is None else start.copy()
    for _ in range(rounds):
        for j in range(gold.shape[1]):
            best, best_f1 = thresholds[j], -1.0
            for value in THRESHOLD_GRID:
                thresholds[j] = value
                f1 = micro_f1(scores >= thresholds, gold)
                if f1 > best_f1:
                    best, best_f1 = value, f1
            thresholds[j] = best
    return thresholds


def _macro_f1(gold: np.ndarray, predicted: np.ndarray, n: int) -> float:
    f1s = []
    for k in range(n):
        tp = int(((gold == k) & (predicted == k)).sum())
        denominator = int((gold == k).sum() + (predicted == k).sum())
        if denominator:
            f1s.append(2 * tp / denominator)
    return float(np.mean(f1s)) if f1s else 0.0


def tune_offsets(probs: np.ndarray, gold: np.ndarray) -> np.ndarray:
    """Log-probability offsets per class maximising macro-F1 (rare genres need a push)."""
    offsets = np.zeros(probs.shape[1])
    logp = np.log(np.clip(probs, 1e-9, 1.0))
    grid = np.arange(-1.0, 4.01, 0.25)
    for _ in range(2):
        for k in range(1, probs.shape[1]):
            best, best_f1 = offsets[k], -1.0
            for value in grid:
                offsets[k] = value
                f1 = _macro_f1(gold, np.argmax(logp + offsets, axis=1), probs.shape[1])
                if f1 > best_f1:
                    best, best_f1 = value, f1
            offsets[k] = best
    return offsets


def fit_genre(x: np.ndarray, y: np.ndarray, n_classes: int, seed: int) -> tuple[np.ndarray, ...]:
    """Softmax weights and biases, with offsets tuned out of fold for macro-F1."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    def fit(rows: np.ndarray) -> Any:
        model = LogisticRegression(C=C_ARTICLE, max_iter=1000, class_weight="balanced")
        return model.fit(x[rows], y[rows])

    oof = np.zeros((len(y), n_classes))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    for train_rows, held_rows in folds.split(x, y):
        model = fit(train_rows)
        oof[np.ix_(held_rows, model.classes_)] = model.predict_proba(x[held_rows])
    model = fit(np.arange(len(y)))
    if len(model.classes_) < 2:
        raise DataError("genre training needs examples of at least two genres")
    weights = np.zeros((x.shape[1], n_classes))
    bias = np.full(n_classes, -30.0)  # a genre never seen in training is never predicted
    if len(model.classes_) == 2:  # sklearn keeps one row: the second class against the first
        bias[model.classes_[0]] = 0.0
        weights[:, model.classes_[1]] = model.coef_[0]
        bias[model.classes_[1]] = model.intercept_[0]
    else:
        weights[:, model.classes_] = model.coef_.T
        bias[model.classes_] = model.intercept_
    return weights, bias + tune_offsets(oof, y)


@dataclass(slots=True)
class Corpus:
    """Features and labels of the training side, ready for the estimators."""

    items: list[TrainingArticle]
    inputs: list[ArticleInput]
    rows: list[np.ndarray]


def _technique_matrix(
    corpus: Corpus, labels: Sequence[str]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[tuple[int, int]]]:
    x, y, groups, where = [], [], [], []
    for a, (item, rows) in enumerate(zip(corpus.items, corpus.rows, strict=True)):
        for p, gold in enumerate(item.techniques):
            if gold is None:
                continue
            x.append(rows[p])
            y.append([label in gold for label in labels])
            groups.append(a)
            where.append((a, p))
    return np.array(x), np.array(y, dtype=bool), np.array(groups), where


def train_model(
    splits: Mapping[str, SemevalSplit],
    *,
    labels: Mapping[str, Sequence[str]],
    seed: int = 13,
    cache_dir: Path | None = None,
    progress: Callable[[str], None] = log.info,
) -> PersuasionModel:
    """Fit the three heads on ``splits`` (the training side only) and return the model."""
    _require_sklearn()
    items = [item for lang in sorted(splits) for item in training_articles(splits[lang])]
    if not items:
        raise DataError("no training articles found")
    progress(f"embedding {sum(len(i.article.paragraphs) for i in items)} paragraphs")
    inputs = embed_articles([i.article for i in items], cached_encoder(cache_dir))
    corpus = Corpus(items, inputs, [paragraph_features(i) for i in inputs])

    techniques = list(labels["techniques"])
    x, y, groups, where = _technique_matrix(corpus, techniques)
    progress(f"techniques: {len(x)} paragraphs, out-of-fold predictions for thresholds")
    oof = out_of_fold(x, y, groups, C_TECHNIQUES, seed)
    languages = np.array([corpus.items[a].article.language for a, _ in where])
    technique_head = _technique_head(x, y, oof, techniques, languages)

    progress("frames and genre")
    article_x = _article_matrix(corpus, technique_head, oof, where)
    frames_head = _frames_head(corpus, article_x, list(labels["frames"]), seed)
    genre_head = _genre_head(corpus, article_x, list(labels["genre"]), seed)
    floors = {lang: learn_floors(split) for lang, split in splits.items()}
    meta = {
        "seed": seed,
        "trained_on": {lang: len(split.articles) for lang, split in splits.items()},
        "floors": {
            lang: {"genre": f.genre, "frames": f.frames, "techniques": f.techniques}
            for lang, f in floors.items()
        },
        "oof_technique_micro_f1": round(micro_f1(oof >= technique_head.thresholds, y), 4),
        "oof_technique_by_language": _oof_by_language(technique_head, oof, y, languages),
    }
    return PersuasionModel(technique_head, frames_head, genre_head, meta)


def _technique_head(
    x: np.ndarray, y: np.ndarray, oof: np.ndarray, labels: list[str], languages: np.ndarray
) -> MultiLabelHead:
    """Pooled thresholds, refined per language where it has enough paragraphs."""
    weights, bias = fit_multilabel(x, y, C_TECHNIQUES)
    pooled = tune_thresholds(oof, y)
    by_language = {
        str(lang): tune_thresholds(oof[languages == lang], y[languages == lang], start=pooled)
        for lang in np.unique(languages)
        if (languages == lang).sum() >= MIN_PARAGRAPHS_PER_LANGUAGE
    }
    return MultiLabelHead(tuple(labels), weights, bias, pooled, by_language)


def _oof_by_language(
    head: MultiLabelHead, oof: np.ndarray, y: np.ndarray, languages: np.ndarray
) -> dict[str, dict[str, float]]:
    """Out-of-fold technique micro-F1 per language beside the constant-label floor.

    Steadier than a small validation split (every training paragraph counts), though a little
    optimistic: the thresholds were tuned on these same out-of-fold scores.
    """
    out = {}
    for lang in sorted(set(languages.tolist())):
        rows = languages == lang
        gold = y[rows]
        names = [{head.labels[j] for j in np.flatnonzero(r)} for r in gold]
        constant = learn_constant_labels(names, head.labels)
        floor = np.zeros_like(gold)
        floor[:, [head.labels.index(label) for label in constant]] = True
        decided = head.decide(oof[rows], str(lang))
        out[str(lang)] = {
            "micro_f1": round(micro_f1(decided, gold), 4),
            "floor": round(micro_f1(floor, gold), 4),
            "paragraphs": int(rows.sum()),
        }
    return out


def _article_matrix(
    corpus: Corpus, head: MultiLabelHead, oof: np.ndarray, where: list[tuple[int, int]]
) -> np.ndarray:
    """Article features, with out-of-fold technique scores where a paragraph has them.

    Using the final model's scores on its own training paragraphs would show the article
    heads a technique profile far cleaner than any new article will have.
    """
    scores = [head.scores(rows) for rows in corpus.rows]
    for (a, p), row in zip(where, oof, strict=True):
        scores[a][p] = row
    return np.stack(
        [
            article_features(item, rows, s)
            for item, rows, s in zip(corpus.inputs, corpus.rows, scores, strict=True)
        ]
    )


def _frames_head(corpus: Corpus, x: np.ndarray, labels: list[str], seed: int) -> MultiLabelHead:
    keep = [i for i, item in enumerate(corpus.items) if item.frames is not None]
    y = np.array([[f in (corpus.items[i].frames or set()) for f in labels] for i in keep])
    groups = np.arange(len(keep))
    oof = out_of_fold(x[keep], y, groups, C_ARTICLE, seed)
    weights, bias = fit_multilabel(x[keep], y, C_ARTICLE)
    return MultiLabelHead(tuple(labels), weights, bias, tune_thresholds(oof, y))


def _genre_head(corpus: Corpus, x: np.ndarray, labels: list[str], seed: int) -> SoftmaxHead:
    keep = [i for i, item in enumerate(corpus.items) if item.genre in labels]
    y = np.array([labels.index(corpus.items[i].genre or "") for i in keep])
    weights, bias = fit_genre(x[keep], y, len(labels), seed)
    return SoftmaxHead(tuple(labels), weights, bias)


def _cell(block: Mapping[str, Any] | None, score: str, floor: str = "floor") -> str:
    if not block or block.get(score) is None:
        return "–"
    return f"{block[score]:.3f} ({block.get(floor, float('nan')):.3f})"


def _pooled_per_technique(subtask3: Mapping[str, Any]) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per technique, pooled over languages."""
    pooled: dict[str, list[int]] = {}
    for block in subtask3.values():
        for label, s in (block.get("per_label") or {}).items():
            tp = round(s["recall"] * s["support"])
            counts = pooled.setdefault(label, [0, 0, 0])
            counts[0] += tp
            counts[1] += int(s.get("predicted", 0))
            counts[2] += int(s["support"])
    return {label: (c[0], c[1], c[2]) for label, c in pooled.items()}


def model_card(
    model: PersuasionModel,
    report: Mapping[str, Any],
    held_out: Mapping[str, set[str]],
    command: str,
) -> str:
    """The model card: data, command, seed, and validation scores beside their floors."""
    langs = sorted(set(report.get("subtask1", {})) | set(report.get("subtask3", {})))
    rows = [
        f"| {lang} | {len(held_out.get(lang, ()))} "
        f"| {_cell(report.get('subtask1', {}).get(lang), 'macro_f1')} "
        f"| {_cell(report.get('subtask2', {}).get(lang), 'micro_f1')} "
        f"| {_cell(report.get('subtask3', {}).get(lang), 'micro_f1')} "
        f"| {_cell(report.get('subtask3', {}).get(lang), 'span_f1', 'span_floor')} |"
        for lang in langs
    ]
    for name, sub in (report.get("subsets") or {}).get("subtask3", {}).items():
        genre = (report.get("subsets") or {}).get("subtask1", {}).get(name)
        frames = (report.get("subsets") or {}).get("subtask2", {}).get(name)
        rows.append(
            f"| {name} | – | {_cell(genre, 'macro_f1')} | {_cell(frames, 'micro_f1')} "
            f"| {_cell(sub, 'micro_f1')} | {_cell(sub, 'span_f1', 'span_floor')} |"
        )
    technique_rows = []
    for label, (tp, predicted, gold) in sorted(
        _pooled_per_technique(report.get("subtask3", {})).items()
    ):
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        technique_rows.append(
            f"| {label} | {gold} | {predicted} | {precision:.2f} | {recall:.2f} |"
        )
    return "\n".join(
        [
            "# Model card: persuasion (genre, frames, techniques)",
            "",
            "- **Data**: SemEval-2023 Task 3 training split, six languages together "
            f"(articles per language: {model.meta.get('trained_on')}), minus the validation "
            "articles (15% per language, stratified by genre and, in English, by origin; "
            "`presslens.evaluate.semeval.carve_validation`).",
            f"- **Command**: `{command}`",
            f"- **Seed**: {model.meta.get('seed')}",
            "- **Model**: frozen multilingual USE v3 paragraph embeddings with context "
            "(article mean, neighbours, title, language, surface cues); one logistic regression "
            "per technique with per-technique thresholds tuned on 5-fold out-of-fold predictions "
            "of the training side; frames and genre from article features plus the technique "
            "profile. Evidence: `evidence.md`.",
            "- **Out-of-fold technique micro-F1 (training side)**: "
            f"{model.meta.get('oof_technique_micro_f1')}",
            "",
            "## Validation scores (floor in brackets)",
            "",
            "Floors are learnt on the training side: majority genre, best constant frame and "
            "technique sets, and for evidence the whole paragraph of every predicted technique.",
            "",
            "| language | articles | genre macro-F1 | frames micro-F1 "
            "| techniques micro-F1 | evidence span F1 |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            "## Techniques out of fold on the training side (floor in brackets)",
            "",
            "5-fold out-of-fold micro-F1 per language over every training paragraph: steadier "
            "than the small validation split, slightly optimistic (thresholds were tuned on it).",
            "",
            "| language | paragraphs | techniques micro-F1 |",
            "|---|---|---|",
            *[
                f"| {lang} | {v['paragraphs']} | {v['micro_f1']:.3f} ({v['floor']:.3f}) |"
                for lang, v in model.meta.get("oof_technique_by_language", {}).items()
            ],
            "",
            "## Per technique, pooled over languages (validation)",
            "",
            "| technique | gold | predicted | precision | recall |",
            "|---|---|---|---|---|",
            *technique_rows,
            "",
        ]
    )


def evidence_card(meta: Mapping[str, Any], report: Mapping[str, Any], command: str) -> str:
    """The evidence tagger's card: training, and span scores beside floor and ceiling."""
    rows = [
        f"| {lang} | {_cell(block, 'span_f1', 'span_floor')} | {block.get('span_ceiling')} |"
        for lang, block in sorted(report.get("subtask3", {}).items())
    ]
    settings = ", ".join(f"{k}: {meta[k]}" for k in sorted(meta) if k != "excluded_articles")
    return "\n".join(
        [
            "# Model card: evidence tagger",
            "",
            "- **What**: a linear token tagger over hashed word features, one weight per "
            "technique plus a shared one; contiguous confident runs become spans "
            "(`presslens.persuasion.evidence`).",
            "- **Data**: the gold technique spans of the SemEval-2023 Task 3 training split, six "
            "languages, minus the validation articles; decoding thresholds tuned on an inner "
            "split of the training side.",
            f"- **Command**: `{command}`",
            f"- **Settings**: {settings}",
            "",
            "## Validation span F1, with the paragraph classifier's own decisions",
            "",
            "Floor (in brackets): each decided (paragraph, technique) with its whole paragraph as "
            "evidence. Ceiling: each correct decision with exactly its gold spans. See "
            "docs/models.md for why three times the floor can exceed the ceiling.",
            "",
            "| language | span F1 (floor) | ceiling |",
            "|---|---|---|",
            *rows,
            "",
        ]
    )
