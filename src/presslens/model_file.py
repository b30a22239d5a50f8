"""Reading the model files presslens ships: numpy arrays only, one error for every way one fails.

Each model is a ``.npz`` read with ``allow_pickle=False``, so loading one runs no code. A file
that is missing, unreadable or made for other features is a :class:`ModelError` whose message
names the file and how to get a good one: a user never meets numpy's traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from presslens.errors import ModelError


def read_arrays(path: Path, what: str, fix: str) -> dict[str, np.ndarray]:
    """Every array in the file at ``path``; ``what`` names the model and ``fix`` says how to
    make a good file, in the error raised when it is missing or unreadable."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            return {name: stored[name] for name in stored.files}
    except FileNotFoundError as exc:
        raise ModelError(f"{what} {path} is missing; {fix}") from exc
    except (OSError, ValueError) as exc:
        raise ModelError(f"{what} {path} is unreadable ({exc}); {fix}") from exc


def json_header(arrays: dict[str, np.ndarray], what: str, path: Path, fix: str) -> dict[str, Any]:
    """Take the JSON header (labels, settings, versions) out of a model's arrays."""
    try:
        header = json.loads(arrays.pop("header").tobytes().decode("utf-8"))
    except (KeyError, ValueError) as exc:  # UnicodeDecodeError is a ValueError
        raise ModelError(f"{what} {path} has no readable header; {fix}") from exc
    if not isinstance(header, dict):
        raise ModelError(f"{what} {path} has no readable header; {fix}")
    return header


def check_version(found: object, expected: int, what: str, path: Path, fix: str) -> None:
    """Refuse a file made for another version of the features (or format) than this code's."""
    if found != expected:
        raise ModelError(
            f"{what} {path} was made for version {found}, this presslens reads version "
            f"{expected}; {fix}"
        )
