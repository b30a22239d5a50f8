"""The exceptions presslens raises, as one small tree.

    PresslensError
    ├── InputError          a file or text we cannot read (missing, empty, binary, too big, ...)
    │   └── RecordError     one record of a multi-record input (a JSONL line) is bad
    ├── ModelError          a model file is missing, corrupt or from another version
    ├── DataError           a labelled data set is missing or not in the expected layout
    └── StoreError          the article database cannot be opened or written

Messages say what went wrong and, where there is one, the fix. The CLI prints
``TypeName: message`` on one line and exits non-zero; it never shows a traceback for these.
"""

from __future__ import annotations


class PresslensError(Exception):
    """Base class of every error presslens raises on purpose."""


class InputError(PresslensError):
    """An input that cannot be analysed as given."""


class RecordError(InputError):
    """One record of a multi-record input is bad; the others can still be used."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class ModelError(PresslensError):
    """A model file is missing, corrupt, or was written by an incompatible version."""


class DataError(PresslensError):
    """A labelled data set is missing or not in the layout the reader expects."""


class StoreError(PresslensError):
    """The article database cannot be opened, read or written."""
