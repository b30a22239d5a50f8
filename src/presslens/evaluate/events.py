"""``presslens evaluate events``: one entry point for the event data sets.

Each data set is read in the layout it has in ``../shared/data``; ``data_dir`` is that data
set's folder (or any folder holding the files the reader needs). The result is one flat
dictionary of named measures, each beside its floor where one applies.

- ``gva``: per-article measures on the validation incidents (:mod:`presslens.evaluate.gva`),
  plus the cross-article linking measures (:mod:`presslens.evaluate.gva_link`) when that module
  is installed;
- ``muc4``: role-filler F1 on the dev split with GRIT's metric (:mod:`presslens.evaluate.muc4`);
- ``tempeval3``: time-expression scores (:mod:`presslens.evaluate.tempeval`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from presslens.errors import InputError

DATASETS = ("gva", "muc4", "tempeval3")


def _gva(data_dir: Path) -> dict[str, Any]:
    from presslens.evaluate.gva import evaluate_gva

    measures: dict[str, Any] = dict(evaluate_gva(data_dir, "validation"))
    link = _optional("presslens.evaluate.gva_link", "link_measures")
    if link is not None:
        measures.update(link(data_dir, "validation"))
    return measures


def _muc4(data_dir: Path) -> dict[str, Any]:
    from presslens.evaluate.muc4 import evaluate_muc4

    return dict(evaluate_muc4(data_dir, "dev"))


def _tempeval3(data_dir: Path) -> dict[str, Any]:
    from presslens.evaluate.tempeval import evaluate_tempeval

    return dict(evaluate_tempeval(data_dir))


def _optional(module: str, name: str) -> Callable[..., dict[str, Any]] | None:
    """A function of a module that another part of presslens provides, if it is installed."""
    try:
        function: Callable[..., dict[str, Any]] = getattr(importlib.import_module(module), name)
    except ImportError:
        return None
    return function


_RUNNERS: dict[str, Callable[[Path], dict[str, Any]]] = {
    "gva": _gva,
    "muc4": _muc4,
    "tempeval3": _tempeval3,
}


def evaluate_events(dataset: str, data_dir: Path) -> dict[str, Any]:
    """Named measures (with floors) of event extraction on one data set.

    Raises :class:`InputError` for an unknown data set name and
    :class:`~presslens.errors.DataError` when ``data_dir`` lacks the files the reader needs.
    """
    runner = _RUNNERS.get(dataset)
    if runner is None:
        raise InputError(
            f"unknown events data set {dataset!r}; choose one of {', '.join(DATASETS)}"
        )
    return {"dataset": dataset, **runner(Path(data_dir))}
