"""Shared fixtures. Tests that need the labelled data sets skip, with a reason, when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("PRESSLENS_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ../shared/data folder; skips the test when it is not on this machine."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"labelled data sets not found at {SHARED_DATA} (set PRESSLENS_DATA)")
    return SHARED_DATA
