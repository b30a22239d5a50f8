"""presslens: how an article persuades and what it claims happened, with evidence.

    >>> import presslens
    >>> result = presslens.analyze("Title\\n\\nFirst paragraph.\\nSecond paragraph.")
    >>> result["schema_version"], [p["start"] for p in result["paragraphs"]]
    ('1.0', [0, 7, 24])

``analyze`` returns the documented JSON analysis (docs/schema.md) as a dict.
"""

from __future__ import annotations

__version__ = "0.1.0"

from presslens.document import Article, Paragraph, Span
from presslens.errors import DataError, InputError, ModelError, PresslensError, RecordError
from presslens.pipeline import analyze, load_pipeline

__all__ = [
    "Article",
    "DataError",
    "InputError",
    "ModelError",
    "Paragraph",
    "PresslensError",
    "RecordError",
    "Span",
    "__version__",
    "analyze",
    "load_pipeline",
]
