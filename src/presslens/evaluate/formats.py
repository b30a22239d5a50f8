r"""Prediction files in the official SemEval-2023 Task 3 formats, ready for the organisers' scorers.

* subtask 1: ``id<TAB>genre``
* subtask 2: ``id<TAB>frame,frame,...`` (``id<TAB>`` when no frame)
* subtask 3: ``id<TAB>paragraph<TAB>technique,...`` for every template paragraph
  (``id<TAB>paragraph<TAB>`` when no technique)

Every line, the last one included, ends in ``"\n"``: the subtask-2 scorer recognises an empty
label list only as a line ending in ``"\t\n"``. Rows are sorted by numeric id (then paragraph)
and labels follow the order of the official list, so the same predictions always give the same
bytes. Labels outside the official list are refused here rather than by the scorer later.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path

from presslens.errors import InputError
from presslens.evaluate.labels import FRAMES, GENRES, TECHNIQUES
from presslens.evaluate.semeval import ParagraphKey


def write_genre(
    path: Path, predictions: Mapping[str, str], labels: Collection[str] = GENRES
) -> None:
    """Subtask-1 file: one genre per article."""
    for article_id, genre in predictions.items():
        _check(article_id, [genre], labels)
    rows = ([article_id, predictions[article_id]] for article_id in _sorted_ids(predictions))
    _write(path, rows)


def write_frames(
    path: Path, predictions: Mapping[str, Collection[str]], labels: Sequence[str] = FRAMES
) -> None:
    """Subtask-2 file: each article's frames, possibly none."""
    rows = (
        [article_id, _joined(article_id, predictions[article_id], labels)]
        for article_id in _sorted_ids(predictions)
    )
    _write(path, rows)


def write_techniques(
    path: Path,
    predictions: Mapping[ParagraphKey, Collection[str]],
    labels: Sequence[str] = TECHNIQUES,
) -> None:
    """Subtask-3 file: each paragraph's techniques, possibly none.

    ``predictions`` must hold every template paragraph; the scorer rejects a file that skips one.
    """
    keys = sorted(predictions, key=lambda key: (_id_order(key[0]), key[1]))
    rows = (
        [key[0], str(key[1]), _joined(f"{key[0]} paragraph {key[1]}", predictions[key], labels)]
        for key in keys
    )
    _write(path, rows)


def _check(item: str, values: Collection[str], labels: Collection[str]) -> None:
    unknown = sorted(set(values) - set(labels))
    if unknown:
        raise InputError(
            f"prediction for {item} has labels outside the official list: {unknown}; "
            f"valid labels are {sorted(labels)}"
        )


def _joined(item: str, values: Collection[str], labels: Sequence[str]) -> str:
    _check(item, values, labels)
    return ",".join(label for label in labels if label in values)


def _id_order(article_id: str) -> tuple[int, int, str]:
    """Numeric order for numeric ids (the SemEval ones), text order after them for others."""
    return (0, int(article_id), "") if article_id.isdigit() else (1, 0, article_id)


def _sorted_ids(predictions: Mapping[str, object]) -> list[str]:
    return sorted(predictions, key=_id_order)


def _write(path: Path, rows: Iterable[list[str]]) -> None:
    text = "".join("\t".join(row) + "\n" for row in rows)
    try:
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise InputError(f"cannot write predictions to {path}: {error.strerror}") from error
