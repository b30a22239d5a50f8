"""Words of a collection of texts, split once and shared by near-copy detection and similarity.

Texts are split into ``\\w+`` words and lower-cased; each distinct word gets an integer id, so
later steps work on numpy arrays instead of strings.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Tokenized:
    """Each text as an array of word ids (in text order), and the words behind the ids.

    ``capitalised`` marks, per text, the words written with a capital first letter: in the
    scripts that have case these are mostly names, the particulars of a story.
    """

    words: list[str]
    texts: list[NDArray[np.int64]]
    capitalised: list[NDArray[np.bool_]]

    def word_hashes(self) -> NDArray[np.uint64]:
        """A stable 32-bit hash (CRC32) of every word, indexed by word id."""
        return np.array([zlib.crc32(w.encode("utf-8")) for w in self.words], dtype=np.uint64)


def tokenize(texts: Sequence[str]) -> Tokenized:
    """Split every text into lower-cased words and number the distinct words."""
    vocabulary: dict[str, int] = {}
    encoded, capitalised = [], []
    for text in texts:
        found = _WORD.findall(text)
        ids = [vocabulary.setdefault(w.lower(), len(vocabulary)) for w in found]
        encoded.append(np.array(ids, dtype=np.int64))
        capitalised.append(np.array([w[0].isupper() for w in found], dtype=bool))
    return Tokenized(words=list(vocabulary), texts=encoded, capitalised=capitalised)
