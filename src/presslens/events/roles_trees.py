"""A boosted tree ensemble evaluated with numpy alone, for the role tagger's entity scorer.

The entity scorer's logistic regression weighs each feature the same in every document, but
what makes a candidate a filler depends on combinations: a high token probability means little
in a document that reports no incident, a second-ranked perpetrator group is rarely the answer
while a second victim often is. Gradient-boosted trees (fitted by scikit-learn in
:mod:`presslens.events.roles_train`) learn such interactions; this module keeps only their
arrays, so inference needs no scikit-learn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Forest:
    """Binary trees stored as flat node arrays; a leaf has ``left == -1``.

    ``roots`` holds each tree's first node; an inner node sends a row left when
    ``x[feature] <= threshold``. The decision is ``baseline`` plus the leaves' values.
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    baseline: float

    def decision(self, rows: np.ndarray) -> np.ndarray:
        """The log-odds of each row of ``rows`` (``(n, n_features)``)."""
        node = np.tile(self.roots, (len(rows), 1))
        index = np.arange(len(rows))[:, None]
        inner = self.left[node] >= 0
        while inner.any():
            go_left = rows[index, self.feature[node]] <= self.threshold[node]
            step = np.where(go_left, self.left[node], self.right[node])
            node = np.where(inner, step, node)
            inner = self.left[node] >= 0
        return self.baseline + self.value[node].sum(axis=1)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The arrays to save, each name under ``prefix``."""
        return {
            f"{prefix}feature": self.feature.astype(np.int32),
            f"{prefix}threshold": self.threshold.astype(np.float64),
            f"{prefix}left": self.left.astype(np.int32),
            f"{prefix}right": self.right.astype(np.int32),
            f"{prefix}value": self.value.astype(np.float64),
            f"{prefix}roots": self.roots.astype(np.int32),
            f"{prefix}baseline": np.array(self.baseline, dtype=np.float64),
        }

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray], prefix: str) -> Forest:
        """Read the arrays written by :meth:`arrays`."""
        return cls(
            data[f"{prefix}feature"],
            data[f"{prefix}threshold"],
            data[f"{prefix}left"],
            data[f"{prefix}right"],
            data[f"{prefix}value"],
            data[f"{prefix}roots"],
            float(data[f"{prefix}baseline"]),
        )
