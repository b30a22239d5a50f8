"""The usage example in the package docstring runs and prints what it says."""

from __future__ import annotations

import doctest

import presslens


def test_api_docstring_example_holds() -> None:
    result = doctest.testmod(presslens, verbose=False)

    assert result.attempted == 3 and result.failed == 0
