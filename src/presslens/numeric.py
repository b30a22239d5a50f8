"""Numeric helpers shared by the linear models: persuasion heads, evidence and role taggers."""

from __future__ import annotations

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    """The logistic function, clipped so that large logits neither overflow nor warn."""
    return 1.0 / (1.0 + np.exp(-np.clip(x, -30.0, 30.0)))
