"""Who did it, to whom, with what: a learnt tagger of MUC-4's role fillers.

:class:`RoleTagger` works in two stages. A linear token tagger with one sigmoid per role
(PerpInd, PerpOrg, Target, Victim, Weapon) over the hashed features of
:mod:`presslens.events.roles_features` gives each token a probability of lying in a filler of
each role. Rules alone find the phrases near a trigger but cannot tell which of a wire story's
many attacks, victims and guerrilla groups are *the* incident's; the tagger learns that from
the words, the lexicons, the nearest verbs and how early a phrase comes. A fine-tuned
transformer (:mod:`presslens.events.roles_encoder`) reads each word in its passage, and the two
probabilities are averaged (:func:`blended`) before anything below reads them.

The role fillers are document-level entities, so the second stage judges entities, not tokens:
runs of tokens over several probability levels give candidate phrases of each role, nested ones
included ("urban guerrillas" inside "urban guerrillas of the fmln"), and except for individual
perpetrators each run is also widened to its noun phrase's edges, since the tagger's
probabilities fade at a long name's edges while the answer keys name whole phrases; every
distinct phrase is one candidate, whatever the number of places it stands, and a small logistic
regression, averaged with boosted trees over the same features
(:mod:`presslens.events.roles_trees`), scores it from what its mentions say together: the
probabilities over its best mention, how many mentions it has and how early the first comes, how
sharply its edges fall, how much the other roles claim it, its rank among the role's candidates,
how strongly the document as a whole speaks of an incident (half of MUC-4's stories have none,
and a weak document should yield nothing), how many of the phrase's occurrences stand in
sentences that report an attack and after "by" or "of", how often the phrase and its head
word were the role's fillers among the training candidates (:class:`Lexicon`), and what the
sentence encoder says (:mod:`presslens.events.roles_semantic`): how likely the phrase's
sentences are to hold a filler of the role, how much the phrase itself reads like one, and what
the sentences say about the phrase's slot (each with the phrase replaced by "someone": "someone
attacked the embassy" against "the attackers killed someone"). A victim's candidates lose the
titles before a name, which answer keys leave out. Each role then keeps its best candidates over
a threshold, at most ``limit`` of them, dropping a phrase whose words lie inside a better one
("the guerrillas" beside "urban guerrillas"). The token weights, the sentence, phrase and
masked-sentence models, the entity scorer and the decoding numbers are all fitted on
MUC-4's training documents (see :mod:`presslens.events.roles_train`).

Inference is pure numpy; the model file is a float16 weight table, the sentence model, the
entity scorer (regression weights, the trees' node arrays) with its hashed lexicon counts,
phrase model and masked-sentence model, and the decoding numbers; the encoder is a file of its
own (``roles_encoder.npz``).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from presslens.embed import DIM
from presslens.errors import ModelError
from presslens.events.quantities import words as word_list
from presslens.events.roles_encoder import TokenEncoder, default_encoder
from presslens.events.roles_features import (
    FEATURE_VERSION,
    TITLE_WORDS,
    DocumentTokens,
    sentences,
    tokenize,
)
from presslens.events.roles_semantic import (
    RoleDirections,
    masked_sentence,
    phrase_embeddings,
    sentence_probabilities,
)
from presslens.events.roles_trees import Forest
from presslens.model_file import check_version, read_arrays
from presslens.numeric import sigmoid

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
DEFAULT_PATH = Path(__file__).resolve().parent.parent / "models" / "roles.npz"
#: Token probabilities at which runs become candidate phrases: a low level gives a long name
#: its weak edges, a high one the confident core alone; the entity scorer picks between them.
LEVELS = (0.08, 0.15, 0.25, 0.4, 0.6, 0.8)
ENTITY_FEATURES = (
    "mean",
    "min",
    "max",
    "mentions",
    "first_position",
    "first_sentence",
    "words",
    "other_roles",
    "edge",
    "mentions_mean",
    "document_role",
    "document",
    "document_top5",
    "attack_share",
    "attack_any",
    "after_by",
    "after_of",
    "first_edge",
    "last_edge",
    "low_share",
    "sentence_max",
    "sentence_mean",
    "sentence_document",
    "sentence_best",
    "rank",
    "head_odds",
    "head_seen",
    "phrase_odds",
    "phrase_seen",
    "phrase_role",
    "context_max",
    "context_mean",
)
#: Prefixes of the entity scorer's tree arrays and of the sentence, phrase and masked-sentence
#: models' arrays in the model file.
_FOREST = "forest_"
_SENTENCES = "sentences_"
_PHRASES = "phrases_"
_CONTEXTS = "contexts_"
#: log2 of the rows of the lexicon's hashed count tables.
LEXICON_BITS = 18
_ARTICLES = frozenset(("the", "a", "an"))
_POSSESSIVES = frozenset(("'s", "’s"))
_SENTENCE_END = frozenset(".!?")
_MOST_WORDS = 6
#: Words that end a noun phrase when a candidate is widened to its edges.
_NOT_IN_PHRASE = frozenset(
    word_list(
        """the a an of by from and or but to in on at for with against that which who whom whose
    this these those his her its their our my your he she it they we i you him them us was were
    is are be been being has have had will would could should may might can said says say
    according reported today yesterday tonight last when while after before during as than then
    also not no near into over under between about through where there here what how why all
    some any other another such 's"""
    )
)
#: Most words a candidate is widened by on each side, and after an "of".
_REACH = 3
#: Roles whose candidates are also widened: generic perpetrators ("guerrillas") lose by it.
_WIDENED_ROLES = frozenset(("PerpOrg", "Target", "Victim", "Weapon"))
_TOP = 5
#: A phrase's words (without articles), and a token range ``(first, end)``.
Key = tuple[str, ...]
Range = tuple[int, int]


@dataclass(frozen=True, slots=True)
class RoleFiller:
    """One entity's best phrase: its role, text, character range and entity probability."""

    role: str
    text: str
    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Candidate:
    """A phrase that may fill a role: its words, best mention's token range, features, the
    sentence encoder's vector of its words and ``contexts``, ``(occurrences, DIM)``: the vectors
    of its sentences with the phrase masked, one per place its words stand (at least one)."""

    role: int
    words: tuple[str, ...]
    first: int
    end: int
    features: np.ndarray
    embedding: np.ndarray
    contexts: np.ndarray


@dataclass(frozen=True, slots=True)
class Decoding:
    """Per role, the entity probability a filler needs and the most fillers a document keeps."""

    thresholds: tuple[float, ...]
    limits: tuple[int, ...]


def feature_matrix(tokens: DocumentTokens, bits: int) -> tuple[np.ndarray, np.ndarray]:
    """``(rows, columns)`` of the tokens' features folded into a table of ``2**bits`` rows."""
    lengths = [len(f) for f in tokens.features]
    rows = np.repeat(np.arange(len(lengths)), lengths)
    flat = np.fromiter((h for f in tokens.features for h in f), dtype=np.int64, count=sum(lengths))
    return rows, flat & ((1 << bits) - 1)


def _logit(p: float | np.ndarray) -> np.ndarray:
    """Log-odds, clipped: the entity scorer is linear in them, not in probabilities."""
    q = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(q / (1 - q))


def _key(words: list[str]) -> tuple[str, ...]:
    """A phrase's identity: its words without articles (as the metric normalises)."""
    return tuple(w for w in words if w not in _ARTICLES)


def _inside(small: tuple[str, ...], large: tuple[str, ...]) -> bool:
    """Whether ``small`` is a contiguous run of ``large``'s words (or a plural-less copy)."""
    n = len(small)
    stems = tuple(w.rstrip("s") for w in large)
    short = tuple(w.rstrip("s") for w in small)
    return any(stems[i : i + n] == short for i in range(len(large) - n + 1))


def _in_phrase(word: str) -> bool:
    """Words and a possessive "'s" may be inside a phrase; other punctuation ends it."""
    return word[0].isalnum() or word in _POSSESSIVES


def _spans(mask: np.ndarray, words: list[str]) -> list[tuple[int, int]]:
    """``(first, end)`` of the runs of masked tokens, punctuation breaking a run.

    A run loses leading articles and punctuation and trailing punctuation, as the metric
    ignores them and the same phrase should be one candidate however it was cut.
    """
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not mask[i] or not _in_phrase(words[i]):
            i += 1
            continue
        j = i + 1
        while j < len(words) and mask[j] and _in_phrase(words[j]):
            j += 1
        first, end = i, j
        while first < end and (words[first] in _ARTICLES or not words[first][0].isalnum()):
            first += 1
        while end > first and not words[end - 1][0].isalnum():
            end -= 1
        if first < end:
            spans.append((first, end))
        i = j
    return spans


def _phrase_word(word: str) -> bool:
    """Whether a word may stand inside a noun phrase that a candidate is widened over."""
    return word[0].isalnum() and word not in _NOT_IN_PHRASE


def _phrase_end(words: list[str], index: int) -> int:
    """Where the noun phrase's words from ``index`` on end, at most :data:`_REACH` of them."""
    end = index
    while end < len(words) and end - index < _REACH and _phrase_word(words[end]):
        end += 1
    return end


def _widened(spans: list[tuple[int, int]], words: list[str]) -> list[tuple[int, int]]:
    """The spans with variants widened to the noun phrase's edges and over an "of" phrase.

    The tagger's probabilities fade at a long name's edges ("farabundo marti national
    liberation front", "offices of the labor unions"), while the answer keys name whole noun
    phrases and the metric matches them exactly: each variant is a candidate of its own, and
    the entity scorer chooses between them.
    """
    found = set(spans)
    for first, end in spans:
        start, stop = first, _phrase_end(words, end)
        while start > 0 and first - start < _REACH and _phrase_word(words[start - 1]):
            start -= 1
        found |= {(start, end), (first, stop), (start, stop)}
        if stop + 1 < len(words) and words[stop] == "of":
            head = stop + 1
            while head < len(words) and words[head] in _ARTICLES:
                head += 1
            tail = _phrase_end(words, head)
            if tail > head:
                found |= {(first, tail), (start, tail)}
    return sorted(found)


def _untitled(words: list[str], first: int, end: int) -> int:
    """Where a victim's name starts after its titles, keeping at least the last word.

    Answer keys name victims without them (7 of the 638 training mentions keep one).
    """
    while first < end - 1 and words[first] in TITLE_WORDS:
        first += 1
    return first


def _sentence_index(words: list[str]) -> np.ndarray:
    """Per token, the number of sentences before its own."""
    ends = np.fromiter((w in _SENTENCE_END for w in words), dtype=np.int64, count=len(words))
    return np.concatenate(([0], np.cumsum(ends)[:-1]))


@dataclass(frozen=True, slots=True)
class _Context:
    """What every candidate of a document reads besides its own mentions."""

    tokens: DocumentTokens
    probabilities: np.ndarray
    sentence: np.ndarray
    sentences: np.ndarray
    document: tuple[np.ndarray, ...]


def _mentions(words: list[str], probabilities: np.ndarray, role: int) -> dict[Key, set[Range]]:
    """The token ranges of each phrase that a run of ``role`` over one of the levels makes."""
    mentions: dict[Key, set[Range]] = {}
    for level in LEVELS:
        spans = _spans(probabilities[:, role] >= level, words)
        if ROLES[role] in _WIDENED_ROLES:
            spans = _widened(spans, words)
        for first, end in spans:
            if ROLES[role] == "Victim":
                first = _untitled(words, first, end)
            key = _key(words[first:end])
            if key:
                mentions.setdefault(key, set()).add((first, end))
    return mentions


def candidates(
    text: str, tokens: DocumentTokens, probabilities: np.ndarray, in_sentence: np.ndarray
) -> list[Candidate]:
    """Every phrase that a run over one of :data:`LEVELS` makes, once per role and words.

    ``tokens`` are ``text``'s; ``in_sentence`` is ``(n_sentences, 5)``: the probability that
    each sentence holds a filler of each role
    (:func:`presslens.events.roles_semantic.sentence_probabilities`).
    """
    words = tokens.words
    if not words:
        return []
    strongest = np.sort(probabilities.max(axis=1))[-_TOP:]
    context = _Context(
        tokens,
        probabilities,
        _sentence_index(words),
        in_sentence,
        (_logit(probabilities.max()), _logit(strongest.mean())),
    )
    per_role = [_mentions(words, probabilities, role) for role in range(len(ROLES))]
    keys = [key for mentions in per_role for key in mentions]
    vectors = iter(phrase_embeddings([" ".join(key) for key in keys]))
    found: list[Candidate] = []
    for role, mentions in enumerate(per_role):
        own = [
            _candidate(context, role, key, sorted(spans), next(vectors))
            for key, spans in mentions.items()
        ]
        found.extend(_ranked(own))
    return _with_contexts(text, context, found)


def _with_contexts(text: str, context: _Context, found: list[Candidate]) -> list[Candidate]:
    """The candidates with the vectors of their masked sentences, one per place they stand.

    The sentence model reads a whole sentence, the phrase model the phrase alone; neither
    says which part the phrase plays in the sentence ("the men attacked the embassy" against
    "the attackers killed the men"). With the phrase's words replaced by a placeholder, the
    encoder reads the slot. Each distinct masked sentence of the document is encoded once.
    """
    if not found:
        return found
    tokens, bounds = context.tokens, sentences(context.tokens.words)
    texts: list[str] = []
    counts: list[int] = []
    for c in found:
        starts = _occurrences(tokens.words, c.first, c.end)
        texts += [
            masked_sentence(
                text, tokens, bounds[context.sentence[s]], (s, s + c.end - c.first), c.role
            )
            for s in starts
        ]
        counts.append(len(starts))
    vectors = np.split(phrase_embeddings(texts), np.cumsum(counts)[:-1])
    return [replace(c, contexts=v) for c, v in zip(found, vectors, strict=True)]


def _ranked(own: list[Candidate]) -> list[Candidate]:
    """The candidates of one role with their rank by best mention appended as a feature.

    A document has few fillers of a role, so the fifth best candidate is unlikely whatever
    its probability: the rank says what the raw probabilities cannot.
    """
    order = np.argsort(np.argsort([-c.features[0] for c in own], kind="stable"))
    return [
        replace(c, features=np.append(c.features, np.log1p(rank)))
        for c, rank in zip(own, order, strict=True)
    ]


def _candidate(
    context: _Context, role: int, key: Key, spans: list[Range], embedding: np.ndarray
) -> Candidate:
    """One candidate with the features of :data:`ENTITY_FEATURES` up to the rank; its masked
    sentences are encoded later, with the whole document's (:func:`_with_contexts`)."""
    tokens, probabilities, sentence = context.tokens, context.probabilities, context.sentence
    means = [float(probabilities[first:end, role].mean()) for first, end in spans]
    first, end = spans[int(np.argmax(means))]
    inside = probabilities[first:end]
    n_tokens = len(probabilities)
    before = probabilities[first - 1, role] if first > 0 else 0.0
    after = probabilities[end, role] if end < n_tokens else 0.0
    others = np.delete(inside.mean(axis=0), role)
    own = inside[:, role]
    starts = _occurrences(tokens.words, first, end)
    features = np.array(
        [
            _logit(max(means)),
            _logit(own.min()),
            _logit(own.max()),
            np.log1p(len(spans)),
            spans[0][0] / n_tokens,
            np.log1p(sentence[spans[0][0]]),
            min(len(key), _MOST_WORDS),
            _logit(others.max()),
            _logit(max(before, after)),
            _logit(float(np.mean(means))),
            _logit(probabilities[:, role].max()),
            *context.document,
            *_occurrence_context(tokens, starts),
            _logit(own[0]),
            _logit(own[-1]),
            float((own < LEVELS[0]).mean()),
            *_sentence_context(context, role, starts, first),
        ]
    )
    return Candidate(role, key, first, end, features, embedding, np.zeros((0, DIM)))


def _occurrences(words: list[str], first: int, end: int) -> list[int]:
    """Where the words of ``words[first:end]`` start anywhere in the document."""
    phrase = words[first:end]
    found = [
        i
        for i, word in enumerate(words)
        if word == phrase[0] and words[i : i + len(phrase)] == phrase
    ]
    return found or [first]


def _sentence_context(
    context: _Context, role: int, starts: list[int], first: int
) -> list[np.ndarray]:
    """How likely the sentences of the phrase's occurrences are to hold a filler of its role.

    The sentence encoder reads what a sentence is about, which hashed token features miss:
    a phrase whose best sentence reports the incident is more likely its filler. Also the
    document's strongest such sentence and the best mention's own sentence.
    """
    column = context.sentences[:, role]
    values = column[context.sentence[starts]]
    return [
        _logit(values.max()),
        _logit(values.mean()),
        _logit(column.max()),
        _logit(column[context.sentence[first]]),
    ]


def _occurrence_context(tokens: DocumentTokens, starts: list[int]) -> list[float]:
    """Where the best mention's words stand anywhere in the document, tagged or not.

    A filler is named in the sentences that report the attack, while a group named only in
    a background sentence ("the fmln, which ...") is not the incident's; a perpetrator is
    often the phrase after "by" or "members of". The tagger sees these per token; the
    scorer needs them over all of the phrase's occurrences.
    """
    words = tokens.words
    in_attack = [float(tokens.attack[i]) for i in starts]
    return [
        float(np.mean(in_attack)),
        max(in_attack),
        float(np.mean([i > 0 and words[i - 1] == "by" for i in starts])),
        float(np.mean([i > 0 and words[i - 1] == "of" for i in starts])),
    ]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """How often a candidate phrase, and a candidate with its head word, was a role's filler.

    Learnt from the training candidates: the token tagger sees every word in context, but not
    that "fmln" as a PerpOrg candidate is the answer only one time in three while a named
    victim nearly always is. Counts are kept in hashed tables, per role, so the model file
    holds no list of the corpus's phrases.
    """

    positive: np.ndarray
    total: np.ndarray

    @staticmethod
    def keys(candidate: Candidate) -> tuple[int, int]:
        """Table rows of the candidate's role with its head word, and with its whole phrase."""
        role, head, phrase = ROLES[candidate.role], candidate.words[-1], " ".join(candidate.words)
        mask = (1 << LEXICON_BITS) - 1
        return (
            zlib.crc32(f"{role}|head|{head}".encode()) & mask,
            zlib.crc32(f"{role}|phrase|{phrase}".encode()) & mask,
        )

    @classmethod
    def count(cls, found: Sequence[Candidate], labels: np.ndarray) -> Lexicon:
        """The tables of candidates with their labels (whether each was a gold filler)."""
        rows = np.array([Lexicon.keys(c) for c in found], dtype=np.int64).reshape(-1, 2)
        positive = np.zeros(1 << LEXICON_BITS, dtype=np.int32)
        total = np.zeros(1 << LEXICON_BITS, dtype=np.int32)
        for column in range(2):
            np.add.at(total, rows[:, column], 1)
            np.add.at(positive, rows[:, column], labels.astype(np.int32))
        return cls(positive, total)

    def features(self, candidate: Candidate) -> list[float]:
        """Smoothed log-odds of being a filler and log count, for the head and the phrase."""
        values: list[float] = []
        for row in self.keys(candidate):
            positive, total = float(self.positive[row]), float(self.total[row])
            values += [np.log((positive + 0.5) / (total - positive + 2.0)), np.log1p(total)]
        return values


def entity_matrix(
    found: Sequence[Candidate], lexicon: Lexicon, phrases: RoleDirections, contexts: RoleDirections
) -> np.ndarray:
    """``(n_candidates, len(ENTITY_FEATURES))``: the candidates' features, the lexicon's, how
    much each phrase reads like its role's fillers (``phrases``' log-odds) and what its masked
    sentences say of its slot (:func:`context_odds`)."""
    if not found:
        return np.zeros((0, len(ENTITY_FEATURES)))
    decisions = phrases.decision(np.array([c.embedding for c in found]))
    likeness = decisions[np.arange(len(found)), [c.role for c in found]]
    rows = np.array([[*c.features, *lexicon.features(c)] for c in found])
    return np.column_stack([rows, likeness, context_odds(found, contexts)])


def context_odds(found: Sequence[Candidate], contexts: RoleDirections) -> np.ndarray:
    """``(n, 2)``: the strongest and the mean log-odds, over a candidate's masked sentences,
    that its slot holds a filler of its role (``contexts``: the masked-sentence model)."""
    counts = np.array([len(c.contexts) for c in found])
    roles = np.repeat([c.role for c in found], counts)
    decisions = contexts.decision(np.vstack([c.contexts for c in found]))
    own = decisions[np.arange(len(roles)), roles]
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    return np.column_stack(
        [np.maximum.reduceat(own, starts), np.add.reduceat(own, starts) / counts]
    )


def forest_rows(features: np.ndarray, roles: np.ndarray) -> np.ndarray:
    """The trees' input: a one-hot of the role, then :func:`entity_matrix`'s columns."""
    return np.hstack([np.eye(len(ROLES))[roles], features])


@dataclass(frozen=True, slots=True)
class EntityScorer:
    """One logistic regression per role over :func:`entity_matrix`, with its lexicon, phrase
    model and masked-sentence model, and optionally boosted trees over the same features
    (:class:`Forest`).

    ``weights`` is ``(5, len(ENTITY_FEATURES))``, ``bias`` the five intercepts. With trees the
    score is the mean of the two probabilities: the trees learn the features' interactions
    (document strength × rank × role), the regression's smooth ranking steadies them, and
    their mean beat either alone on the training folds.
    """

    weights: np.ndarray
    bias: np.ndarray
    lexicon: Lexicon
    phrases: RoleDirections
    contexts: RoleDirections
    forest: Forest | None = None

    def scores(self, found: Sequence[Candidate]) -> np.ndarray:
        """The probability that each candidate fills its role."""
        if not found:
            return np.zeros(0)
        roles = np.array([c.role for c in found])
        features = entity_matrix(found, self.lexicon, self.phrases, self.contexts)
        linear = sigmoid((features * self.weights[roles]).sum(axis=1) + self.bias[roles])
        if self.forest is None:
            return linear
        return (linear + sigmoid(self.forest.decision(forest_rows(features, roles)))) / 2


def select(
    text: str,
    tokens: DocumentTokens,
    found: Sequence[Candidate],
    scores: np.ndarray,
    decoding: Decoding,
) -> dict[str, list[RoleFiller]]:
    """Each role's best candidates over its threshold, one per entity, at most its limit."""
    result: dict[str, list[RoleFiller]] = {role: [] for role in ROLES}
    kept: dict[int, list[tuple[str, ...]]] = {}
    for index in np.argsort(-scores, kind="stable"):
        candidate, value = found[index], float(scores[index])
        role = candidate.role
        others = kept.setdefault(role, [])
        if value < decoding.thresholds[role] or len(others) >= decoding.limits[role]:
            continue
        if any(_inside(candidate.words, o) or _inside(o, candidate.words) for o in others):
            continue
        others.append(candidate.words)
        start, stop = tokens.offsets[candidate.first][0], tokens.offsets[candidate.end - 1][1]
        result[ROLES[role]].append(RoleFiller(ROLES[role], text[start:stop], start, stop, value))
    return result


def blended(linear: np.ndarray, encoder: np.ndarray) -> np.ndarray:
    """The token probabilities that candidates and features read: the mean of the linear
    tagger's and the fine-tuned encoder's (each is right where the other errs: the encoder
    reads the whole passage, the tagger the lexicons and the document's repetitions)."""
    return (linear + encoder) / 2


class RoleTagger:
    """The role tagger: token weights and biases, the sentence model, the entity scorer, the
    decoding numbers and the fine-tuned encoder whose probabilities it blends in."""

    def __init__(
        self,
        weights: np.ndarray,
        bias: np.ndarray,
        sentences: RoleDirections,
        scorer: EntityScorer,
        decoding: Decoding,
        bits: int,
        encoder: TokenEncoder | None = None,
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.sentences = sentences
        self.scorer = scorer
        self.decoding = decoding
        self.bits = bits
        self.encoder = encoder

    def probabilities(self, tokens: DocumentTokens) -> np.ndarray:
        """``(n_tokens, 5)``: the probability of each token lying in a filler of each role."""
        if not tokens.features:
            return np.zeros((0, len(ROLES)))
        rows, columns = feature_matrix(tokens, self.bits)
        scores = np.zeros((len(tokens.features), len(ROLES)), dtype=np.float64)
        np.add.at(scores, rows, self.weights[columns].astype(np.float64))
        return sigmoid(scores + self.bias)

    def token_probabilities(self, tokens: DocumentTokens) -> np.ndarray:
        """The linear tagger's probabilities, blended with the encoder's where there is one."""
        linear = self.probabilities(tokens)
        if self.encoder is None:
            return linear
        return blended(linear, self.encoder.probabilities(tokens.words))

    def fillers(self, text: str) -> dict[str, list[RoleFiller]]:
        """The role fillers of a document, each role's best first."""
        tokens = tokenize(text)
        found = candidates(
            text,
            tokens,
            self.token_probabilities(tokens),
            sentence_probabilities(self.sentences, text, tokens),
        )
        return select(text, tokens, found, self.scorer.scores(found), self.decoding)

    def save(self, path: Path) -> None:
        """Write the model as a compressed ``.npz`` of plain arrays (no pickle)."""
        arrays: dict[str, Any] = dict(
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            entity_weights=self.scorer.weights.astype(np.float64),
            entity_bias=self.scorer.bias.astype(np.float64),
            lexicon_positive=self.scorer.lexicon.positive.astype(np.int32),
            lexicon_total=self.scorer.lexicon.total.astype(np.int32),
            thresholds=np.asarray(self.decoding.thresholds, dtype=np.float64),
            limits=np.asarray(self.decoding.limits, dtype=np.int32),
            bits=np.int32(self.bits),
            feature_version=np.int32(FEATURE_VERSION),
        )
        arrays.update(self.sentences.arrays(_SENTENCES))
        arrays.update(self.scorer.phrases.arrays(_PHRASES))
        arrays.update(self.scorer.contexts.arrays(_CONTEXTS))
        if self.scorer.forest is not None:
            arrays.update(self.scorer.forest.arrays(_FOREST))
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: Path = DEFAULT_PATH, encoder: TokenEncoder | None = None) -> RoleTagger:
        """Read a model written by :meth:`save`; a missing or stale file is a model error.

        The fine-tuned encoder is a model file of its own (:mod:`presslens.events.roles_encoder`);
        the tagger was trained on its probabilities, so the shipped one comes with it unless
        another is given.
        """
        what = "role tagger model"
        fix = "train it with `python -m presslens.events.roles_train --data ../shared/data/muc4`"
        data = read_arrays(path, what, fix)
        check_version(data.get("feature_version"), FEATURE_VERSION, what, path, fix)
        if f"{_CONTEXTS}weights" not in data or data["entity_weights"].shape[1] != len(
            ENTITY_FEATURES
        ):
            raise ModelError(f"{what} {path} has an entity scorer of other features; {fix}")
        decoding = Decoding(
            tuple(float(t) for t in data["thresholds"]),
            tuple(int(k) for k in data["limits"]),
        )
        forest = Forest.from_arrays(data, _FOREST) if f"{_FOREST}roots" in data else None
        scorer = EntityScorer(
            data["entity_weights"],
            data["entity_bias"],
            Lexicon(data["lexicon_positive"], data["lexicon_total"]),
            RoleDirections.from_arrays(data, _PHRASES),
            RoleDirections.from_arrays(data, _CONTEXTS),
            forest,
        )
        sentences = RoleDirections.from_arrays(data, _SENTENCES)
        weights, bias, bits = data["weights"], data["bias"], int(data["bits"])
        return cls(weights, bias, sentences, scorer, decoding, bits, encoder or default_encoder())


@lru_cache(maxsize=1)
def default_tagger() -> RoleTagger:
    """The shipped model, read once per process."""
    return RoleTagger.load()
