"""Train the main event's day ranker (:mod:`presslens.events.dates_rank`) on GVA articles.

Every training article of ``gva-incidents`` is read by the pipeline with the rules' day left on
its main event; each day the article states becomes a candidate, labelled by whether it is the
Gun Violence Archive's incident day. A logistic regression over the hashed candidate features
learns which day wins. Its strength ``C`` is chosen by two-fold cross-validation over
incidents inside the training split (the validation incidents are never read), then the model
is fitted on all training articles.

    python -m presslens.events.dates_rank_train --data ../shared/data/gva-incidents

prints the cross-validated day accuracy of the rules and of the ranker and writes the model.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from presslens.evaluate.gva_data import document_article, load_documents, load_incidents
from presslens.events.dates_rank import (
    BITS,
    DEFAULT_PATH,
    MIN_UNDATED,
    DayCandidate,
    DayRanker,
    candidate_features,
    day_candidates,
)
from presslens.events.extract import extract_events, main_event

SEED = 0
STRENGTHS = (0.5, 1.0, 2.0)


@dataclass(slots=True)
class _Article:
    """One training article: its candidates' features, which one is right, the rules' day."""

    fold: int
    rows: list[dict[int, float]]
    labels: list[bool]
    days: list[str]
    rules: str | None
    rules_one_day: bool
    gold: str


def _articles(data_dir: Path, limit: int | None) -> list[_Article]:
    from presslens.pipeline import load_pipeline

    incidents = load_incidents(data_dir, "train")
    documents = [d for d in load_documents(data_dir, "train") if d.incident_id in incidents]
    documents = documents[:limit] if limit is not None else documents
    segment = load_pipeline(("segment",))
    found = []
    for document, article in zip(
        documents, segment.pipe(document_article(d) for d in documents), strict=True
    ):
        gold = incidents[document.incident_id].date
        if gold is None:
            continue
        article.events = extract_events(article, rank_days=False)
        main = main_event(article)
        language = article.language or "en"
        candidates: list[DayCandidate] = day_candidates(article, language) if main else []
        rows = (
            candidate_features(article, candidates, main, article.events, language) if main else []
        )
        rules = main.date if main is not None else None
        found.append(
            _Article(
                fold=zlib.crc32(document.incident_id.encode()) % 2,
                rows=rows,
                labels=[c.day == gold.isoformat() for c in candidates],
                days=[c.day for c in candidates],
                rules=rules.start if rules is not None else None,
                rules_one_day=rules is not None and rules.is_one_day,
                gold=gold.isoformat(),
            )
        )
    return found


def _matrix(articles: Sequence[_Article]) -> tuple[object, np.ndarray]:
    from scipy.sparse import csr_matrix

    indices: list[int] = []
    values: list[float] = []
    pointers = [0]
    labels: list[bool] = []
    for article in articles:
        for row, label in zip(article.rows, article.labels, strict=True):
            indices += list(row)
            values += list(row.values())
            pointers.append(len(indices))
            labels.append(label)
    shape = (len(labels), 1 << BITS)
    return csr_matrix((values, indices, pointers), shape=shape), np.array(labels)


def _fit(articles: Sequence[_Article], strength: float) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    matrix, labels = _matrix(articles)
    model = LogisticRegression(C=strength, max_iter=3000, random_state=SEED)
    with threadpool_limits(limits=1):  # one thread sums in one order: the same file every run
        model.fit(matrix, labels)
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


def _answer(article: _Article, scores: np.ndarray) -> str | None:
    """The day the ranker gives the article (as :meth:`DayRanker.choose` does)."""
    if not article.days:
        return article.rules if article.rules_one_day else None
    best = int(np.argmax(scores))
    if not article.rules_one_day and scores[best] < MIN_UNDATED:
        return None
    return article.days[best]


def _accuracy(answers: Sequence[str | None], articles: Sequence[_Article]) -> float:
    return round(float(np.mean([a == x.gold for a, x in zip(answers, articles, strict=True)])), 4)


def _cross_validated(articles: Sequence[_Article]) -> dict[str, float]:
    """Day accuracy of the rules and of each setting, each fold scored by the other's model."""
    report = {
        "rules": _accuracy([a.rules if a.rules_one_day else None for a in articles], articles)
    }
    for strength in STRENGTHS:
        scores: list[np.ndarray] = [np.zeros(0)] * len(articles)
        for fold in (0, 1):
            weights, bias = _fit([a for a in articles if a.fold != fold], strength)
            ranker = DayRanker(weights, bias)
            for i, article in enumerate(articles):
                if article.fold == fold:
                    scores[i] = ranker.scores(article.rows)
        answers = [_answer(a, s) for a, s in zip(articles, scores, strict=True)]
        report[f"C={strength}"] = _accuracy(answers, articles)
        dated = [
            (x, a) for x, a in zip(articles, answers, strict=True) if a and not x.rules_one_day
        ]
        report[f"C={strength}: undated events dated"] = len(dated)
        report[f"C={strength}: of them right"] = _accuracy(
            [a for _, a in dated], [x for x, _ in dated]
        )
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/gva-incidents"))
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--limit", type=int, default=None, help="first articles only (a look)")
    args = parser.parse_args(argv)
    articles = _articles(args.data, args.limit)
    report = _cross_validated(articles)
    strength = max(STRENGTHS, key=lambda c: report[f"C={c}"])
    weights, bias = _fit(articles, strength)
    DayRanker(weights, bias).save(args.out)
    print(json.dumps({"articles": len(articles), "chosen": f"C={strength}", **report}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
