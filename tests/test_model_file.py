"""Every way a model file can be wrong is one ModelError that names the file and the fix."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from presslens.errors import ModelError
from presslens.model_file import check_version, json_header, read_arrays

FIX = "rebuild it with `make model`"


def test_arrays_of_a_good_file_come_back_by_name(tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    np.savez(path, weights=np.arange(3), bias=np.float64(0.5))
    arrays = read_arrays(path, "test model", FIX)
    assert sorted(arrays) == ["bias", "weights"] and arrays["weights"].tolist() == [0, 1, 2]


def test_missing_and_unreadable_files_name_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"is missing; rebuild it"):
        read_arrays(tmp_path / "absent.npz", "test model", FIX)
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a zip archive")
    with pytest.raises(ModelError, match="unreadable"):
        read_arrays(junk, "test model", FIX)


def test_a_header_is_read_once_and_must_be_an_object(tmp_path: Path) -> None:
    header = np.frombuffer(json.dumps({"feature_version": 2}).encode(), dtype=np.uint8)
    arrays = {"header": header, "weights": np.zeros(2)}
    assert json_header(arrays, "test model", tmp_path, FIX) == {"feature_version": 2}
    assert "header" not in arrays
    with pytest.raises(ModelError, match="no readable header"):
        json_header({"weights": np.zeros(2)}, "test model", tmp_path, FIX)
    listed = np.frombuffer(b"[1, 2]", dtype=np.uint8)
    with pytest.raises(ModelError, match="no readable header"):
        json_header({"header": listed}, "test model", tmp_path, FIX)


def test_another_version_is_refused(tmp_path: Path) -> None:
    check_version(np.int32(3), 3, "test model", tmp_path, FIX)
    with pytest.raises(ModelError, match="made for version None, this presslens reads version 3"):
        check_version(None, 3, "test model", tmp_path, FIX)
