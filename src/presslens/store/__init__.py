"""Where collections of analysed articles live: one SQLite file with a full-text index.

    >>> from presslens.store import Filters, Store
    >>> with Store("presslens.db") as store:
    ...     page = store.search(Filters(q="drone", outlet="Daily Example"))

See docs/collections.md for the layout, the identity rules (URL, normalised content, versions)
and the query syntax.
"""

from __future__ import annotations

from presslens.store._filters import FILTER_NAMES, Filters
from presslens.store._identity import content_hash, normalise_url
from presslens.store._records import EXPORT_KINDS
from presslens.store._schema import SCHEMA_VERSION
from presslens.store._store import (
    AGGREGATE_GROUPS,
    AGGREGATE_KINDS,
    DEFAULT_DB,
    MAX_LIMIT,
    SORTS,
    AddResult,
    Store,
)

__all__ = [
    "AGGREGATE_GROUPS",
    "AGGREGATE_KINDS",
    "DEFAULT_DB",
    "EXPORT_KINDS",
    "FILTER_NAMES",
    "MAX_LIMIT",
    "SCHEMA_VERSION",
    "SORTS",
    "AddResult",
    "Filters",
    "Store",
    "content_hash",
    "normalise_url",
]
