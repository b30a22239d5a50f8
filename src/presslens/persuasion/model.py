"""The trained classifiers as plain numpy arrays: loading them needs neither sklearn nor torch.

A model file (``models/persuasion.npz``) holds three heads over the features of
:mod:`presslens.persuasion.features`:

- techniques: one logistic regression per technique over paragraph features, each with its
  own decision threshold (tuned on out-of-fold predictions of the training data);
- frames: the same over article features;
- genre: a softmax over article features.

The file also carries a JSON header: label lists, the feature version, the constant-label
floors learnt on the training data, and the training command and seed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from presslens.model_file import check_version, json_header, read_arrays
from presslens.numeric import sigmoid
from presslens.persuasion.features import FEATURE_VERSION

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "persuasion.npz"


@dataclass(slots=True)
class MultiLabelHead:
    """One-vs-rest logistic regressions with one decision threshold per label.

    ``by_language`` optionally holds thresholds tuned for one language: label rates differ a
    lot between languages (Russian paragraphs carry Doubt far more often than English ones),
    and a language without its own falls back to the pooled ``thresholds``.
    """

    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: np.ndarray
    by_language: dict[str, np.ndarray] = field(default_factory=dict)

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Probability of each label, one row per input row."""
        return sigmoid(features @ self.weights + self.bias)

    def decide(self, scores: np.ndarray, language: str | None = None) -> np.ndarray:
        return scores >= self.by_language.get(language or "", self.thresholds)


@dataclass(slots=True)
class SoftmaxHead:
    """Multinomial logistic regression; ``bias`` includes the decision offsets tuned for F1."""

    labels: tuple[str, ...]
    weights: np.ndarray
    bias: np.ndarray

    def scores(self, features: np.ndarray) -> np.ndarray:
        logits = features @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)


@dataclass(slots=True)
class PersuasionModel:
    techniques: MultiLabelHead
    frames: MultiLabelHead
    genre: SoftmaxHead
    meta: dict[str, Any] = field(default_factory=dict)

    def save(self, path: Path) -> None:
        """Write the model as one compressed ``.npz`` (no pickles: safe to load)."""
        arrays: dict[str, Any] = {}
        for name, head in (("techniques", self.techniques), ("frames", self.frames)):
            arrays[f"{name}_weights"] = head.weights.astype(np.float16)
            arrays[f"{name}_bias"] = head.bias.astype(np.float32)
            arrays[f"{name}_thresholds"] = head.thresholds.astype(np.float32)
            for lang, values in head.by_language.items():
                arrays[f"{name}_thresholds@{lang}"] = values.astype(np.float32)
        arrays["genre_weights"] = self.genre.weights.astype(np.float16)
        arrays["genre_bias"] = self.genre.bias.astype(np.float32)
        header = {
            **self.meta,
            "feature_version": FEATURE_VERSION,
            "labels": {
                "techniques": list(self.techniques.labels),
                "frames": list(self.frames.labels),
                "genre": list(self.genre.labels),
            },
        }
        arrays["header"] = np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8)
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path | None = None) -> PersuasionModel:
        """Load a model file; a missing or foreign file raises :class:`ModelError`."""
        path = path or DEFAULT_PATH
        fix = "reinstall presslens or retrain it with `presslens train`"
        arrays = read_arrays(path, "persuasion model", fix)
        header = json_header(arrays, "persuasion model", path, fix)
        check_version(header.get("feature_version"), FEATURE_VERSION, "persuasion model", path, fix)
        labels = header.pop("labels")
        return cls(
            techniques=_multilabel(arrays, "techniques", labels),
            frames=_multilabel(arrays, "frames", labels),
            genre=SoftmaxHead(
                labels=tuple(labels["genre"]),
                weights=arrays["genre_weights"].astype(np.float32),
                bias=arrays["genre_bias"],
            ),
            meta=header,
        )


def _multilabel(arrays: dict[str, np.ndarray], name: str, labels: dict[str, Any]) -> MultiLabelHead:
    prefix = f"{name}_thresholds@"
    return MultiLabelHead(
        labels=tuple(labels[name]),
        weights=arrays[f"{name}_weights"].astype(np.float32),
        bias=arrays[f"{name}_bias"],
        thresholds=arrays[f"{name}_thresholds"],
        by_language={k[len(prefix) :]: v for k, v in arrays.items() if k.startswith(prefix)},
    )
