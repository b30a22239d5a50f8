"""What the sentence encoder tells the role tagger: which sentences hold a role's filler, and
which phrases read like one.

The token tagger's hashed features see words and their neighbours, not what a sentence is
about: "the army reported that guerrillas attacked a bus" and "the army attacked a guerrilla
camp" share most words. The multilingual sentence encoder of :mod:`presslens.embed` gives each
sentence and each candidate phrase a vector that places them by meaning, and a linear model per
role over those vectors answers two questions the entity scorer asks: does this sentence hold a
filler of the role (its candidates then take the strongest of their sentences), and does this
phrase read like the role's fillers ("the guerrillas" as a perpetrator, "the army" as a victim
or a perpetrator, a bus as a target)? A third reads each place a candidate stands: its sentence
with the candidate's words replaced by "someone" or "something" says what the sentence tells of
that slot ("someone attacked the embassy" against "the attackers killed someone"), which neither
the phrase alone nor the whole sentence does. All are fitted in
:mod:`presslens.events.roles_train` on MUC-4's training documents; inference is numpy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from presslens import embed
from presslens.events.roles_features import DocumentTokens, sentences
from presslens.numeric import sigmoid

#: Threads of the encoder. With two, a few vectors of a training run differ from another run's
#: in the seventh decimal (measured: 155 of 20,905 sentences), which is enough to change the
#: regressions fitted on them; with one, every run gives the same vectors, hence the same model.
_THREADS = 1
#: What stands in a candidate's place in its masked sentence, per role (PerpInd, PerpOrg, Target,
#: Victim, Weapon): natural words, as the encoder was trained on natural sentences.
PLACEHOLDERS = ("someone", "someone", "something", "someone", "something")


@dataclass(frozen=True, slots=True)
class RoleDirections:
    """One linear model per role over embeddings: ``weights`` ``(roles, DIM)``, ``bias``."""

    weights: np.ndarray
    bias: np.ndarray

    def decision(self, embeddings: np.ndarray) -> np.ndarray:
        """``(n, roles)``: each embedding's log-odds of belonging to each role."""
        return np.asarray(embeddings @ self.weights.T + self.bias, dtype=np.float64)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The arrays to save, each name under ``prefix``."""
        return {
            f"{prefix}weights": self.weights.astype(np.float32),
            f"{prefix}bias": self.bias.astype(np.float64),
        }

    @classmethod
    def from_arrays(cls, data: Mapping[str, np.ndarray], prefix: str) -> RoleDirections:
        """Read the arrays written by :meth:`arrays`."""
        return cls(data[f"{prefix}weights"], data[f"{prefix}bias"])


def sentence_texts(text: str, tokens: DocumentTokens) -> list[str]:
    """The text of each sentence of a tokenised document, as the tagger cuts them."""
    return [
        text[tokens.offsets[first][0] : tokens.offsets[end - 1][1]]
        for first, end in sentences(tokens.words)
    ]


def sentence_embeddings(text: str, tokens: DocumentTokens) -> np.ndarray:
    """``(n_sentences, DIM)``: the encoder's vector of each sentence."""
    return embed.encode(sentence_texts(text, tokens), threads=_THREADS)


def phrase_embeddings(phrases: Sequence[str]) -> np.ndarray:
    """``(n, DIM)``: the encoder's vector of each phrase (or masked sentence), each distinct text
    encoded once."""
    distinct = sorted(set(phrases))
    vectors = embed.encode(distinct, threads=_THREADS)
    row = {phrase: i for i, phrase in enumerate(distinct)}
    return vectors[[row[p] for p in phrases]] if phrases else vectors


def masked_sentence(
    text: str,
    tokens: DocumentTokens,
    sentence: tuple[int, int],
    mention: tuple[int, int],
    role: int,
) -> str:
    """The text of a sentence (a token range) with a mention's tokens replaced by the role's
    placeholder: what the sentence says about the slot, whatever fills it."""
    offsets = tokens.offsets
    (first, end), (start, stop) = sentence, mention
    return (
        text[offsets[first][0] : offsets[start][0]]
        + PLACEHOLDERS[role]
        + text[offsets[stop - 1][1] : offsets[end - 1][1]]
    )


def sentence_probabilities(
    directions: RoleDirections, text: str, tokens: DocumentTokens
) -> np.ndarray:
    """``(n_sentences, roles)``: the probability that each sentence holds a filler of a role."""
    return sigmoid(directions.decision(sentence_embeddings(text, tokens)))
