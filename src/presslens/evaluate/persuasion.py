"""Score the persuasion analyser on data in the SemEval-2023 Task 3 layout.

The articles go through the same code as ``presslens analyze`` (read → segment → persuasion),
so the scores describe what users get. Every score stands beside its floor, learnt on training
data only: on the training side of our carve-out when evaluating the validation split, on the
folder's ``train`` split when evaluating another split, otherwise the floors stored in the model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from presslens.document import Article
from presslens.errors import DataError
from presslens.evaluate.floors import LanguageFloors, learn_floors
from presslens.evaluate.semeval import (
    ISO_LANGUAGE,
    SemevalSplit,
    carve_validation,
    is_ptc_article,
    load_splits,
)
from presslens.evaluate.semeval_report import semeval_report
from presslens.persuasion.component import PersuasionAnalyzer
from presslens.read import article_from_text
from presslens.segment import split_paragraphs

#: Name under which ``--validation`` results for the 2022 English articles alone are reported.
EN_2022 = "en-2022"


def line_number(text: str, offset: int) -> int:
    """The 1-based line of ``offset``: SemEval paragraph numbers are line numbers."""
    return text.count("\n", 0, offset) + 1


def semeval_article(text: str, lang: str) -> Article:
    """A SemEval article as ``presslens analyze`` sees it: title line, one line a paragraph."""
    article = article_from_text(text, language=ISO_LANGUAGE.get(lang, lang))
    article.language = article.language_hint
    article.paragraphs = split_paragraphs(article)
    return article


def predict_split(
    analyzer: PersuasionAnalyzer,
    gold: SemevalSplit,
    batch_size: int = 16,
    progress: Callable[[int], None] | None = None,
) -> SemevalSplit:
    """The analyser's answers in the gold's shapes (every gold paragraph gets a label set)."""
    predicted = SemevalSplit(lang=gold.lang, split=gold.split, labelled=gold.labelled)
    ids = sorted(gold.articles)
    for begin in range(0, len(ids), batch_size):
        batch = ids[begin : begin + batch_size]
        articles = [semeval_article(gold.articles[i], gold.lang) for i in batch]
        analyzer(articles)
        for article_id, article in zip(batch, articles, strict=True):
            _collect(predicted, article_id, article)
        if progress:
            progress(len(batch))
    for key in gold.paragraphs:
        predicted.paragraphs.setdefault(key, set())
    return predicted


def _collect(predicted: SemevalSplit, article_id: str, article: Article) -> None:
    if article.genre:
        predicted.genre[article_id] = article.genre.label
    predicted.frames[article_id] = {f.label for f in article.frames}
    spans = predicted.spans.setdefault(article_id, [])
    for paragraph in article.paragraphs:
        line = line_number(article.text, paragraph.span.start)
        labels = predicted.paragraphs.setdefault((article_id, line), set())
        for finding in paragraph.techniques:
            labels.add(finding.label)
            spans.extend((finding.label, e.span.start, e.span.end) for e in finding.evidence)


def _floors(
    data_dir: Path, split: str, validation: bool, stored: Mapping[str, Any]
) -> dict[str, LanguageFloors]:
    if validation or split == "train":
        return {}  # learnt by the caller from the training side
    try:
        train = load_splits(data_dir, "train")
    except DataError:
        train = {}
    if train:
        return {lang: learn_floors(s) for lang, s in train.items()}
    return {
        lang: LanguageFloors(
            genre=f.get("genre"),
            frames=tuple(f["frames"]) if f.get("frames") else None,
            techniques=tuple(f["techniques"]) if f.get("techniques") else None,
        )
        for lang, f in stored.items()
    }


def evaluate_persuasion(
    data_dir: Path,
    split: str,
    *,
    validation: bool = False,
    languages: Iterable[str] | None = None,
    analyzer: PersuasionAnalyzer | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, Any], dict[str, SemevalSplit]]:
    """Official scores (and the predictions) of the analyser on one split of ``data_dir``.

    With ``validation``, only the articles of our carved validation split of ``split`` are
    scored, and floors are learnt on the rest.
    """
    gold = load_splits(data_dir, split)
    if languages:
        gold = {lang: s for lang, s in gold.items() if lang in set(languages)}
    if not gold:
        raise DataError(f"no '{split}' split found under {data_dir}")
    analyzer = analyzer or PersuasionAnalyzer.load()
    floors = _floors(data_dir, split, validation, analyzer.model.meta.get("floors", {}))
    if validation or split == "train":
        chosen = carve_validation(gold) if validation else {lang: set() for lang in gold}
        for lang, split_data in list(gold.items()):
            rest, held = split_data.partition(chosen[lang])
            floors[lang] = learn_floors(rest)
            if validation:
                gold[lang] = held
    predictions = {lang: predict_split(analyzer, g, progress=progress) for lang, g in gold.items()}
    report: dict[str, Any] = semeval_report(gold, predictions, floors)
    if validation and "en" in gold:
        fresh = {i for i in gold["en"].article_ids() if not is_ptc_article("en", i)}
        subset = {EN_2022: gold["en"].subset(fresh)}
        report["subsets"] = semeval_report(
            subset, {EN_2022: predictions["en"].subset(fresh)}, {EN_2022: floors["en"]}
        )
    return report, predictions
