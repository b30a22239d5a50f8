"""Token features of the role tagger, shared by its training and by extraction.

A document is cut into words (hyphens and inner apostrophes stay inside: "m-16", "d'aubuisson"),
single punctuation marks, and into sentences. Every token gets hashed feature ids: its word,
affixes and shape; the words up to three places either side and the bigrams around it; the
lexicons it falls in (weapons, physical targets, people, the participant kinds of
:mod:`presslens.events.actors`); the nearest past participle or event verb on each side in its
sentence, which stands in for the parse the role depends on ("kidnapped *the mayor*", "*the
mayor* was kidnapped by ..."); whether its sentence has an attack trigger of the taxonomy; how
early in the document the sentence is (the incident a wire story is about comes first); and how
often and where the word recurs in the document.

Words are lower-cased one at a time (a whole-text ``lower()`` can change the length of some
Unicode texts, and the offsets must stay those of the text). Hashing is ``zlib.crc32``, never
Python's ``hash()``, which changes from process to process.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass

import numpy as np

from presslens.events.actors import find_participants
from presslens.events.quantities import words as word_list
from presslens.events.taxonomy import BY_ID

#: Changes whenever the features below change, so an old model file is refused, not misread.
FEATURE_VERSION = 2
#: Words keep inner hyphens and apostrophes ("m-16", "d'aubuisson") but a possessive "'s" is a
#: token of its own, as are other marks that are not spaces.
TOKEN = re.compile(r"\w+(?:-\w+)*(?:['’](?!s\b)\w+(?:-\w+)*)*|['’]s\b|[^\w\s]")

WEAPON = re.compile(
    r"\b(?:car[-\s]bombs?|bombs?|dynamite(?:\s+(?:charges?|sticks?|attacks?))?|"
    r"sticks\s+of\s+dynamite|explosives?|explosive\s+(?:devices?|charges?)|grenades?|"
    r"(?:sub)?machine\s?guns?|rifles?|m-16s?|ak-47s?|mortars?|rockets?|firearms?|pistols?|"
    r"revolvers?|bullets?|incendiary\s+(?:bombs?|devices?)|molotov\s+cocktails?|landmines?|"
    r"automatic\s+weapons?|machetes?|knives|knife)\b",
    re.IGNORECASE,
)
PHYSICAL = re.compile(
    r"\b(?:buildings?|hous(?:e|es)|homes?|offices?|headquarters|embassy|embassies|banks?|farms?|"
    r"bus(?:es)?|vehicles?|cars?|trucks?|jeeps?|stations?|substations?|towers?|pylons?|bridges?|"
    r"plants?|facilities|installations?|church(?:es)?|schools?|university|hotels?|stores?|"
    r"shops?|restaurants?|residences?|posts?|barracks|pipelines?|lines|networks?|systems?|"
    r"exchanges?|compan(?:y|ies)|factor(?:y|ies)|warehouses?|airports?|helicopters?|planes?|"
    r"aircraft|trains?|ship|boats?|premises|establishments?|centers?|centres?|markets?|"
    r"supermarkets?|mall|agency|agencies|ministry|dams?|transmission|antennas?|"
    r"transformers?|oil\s+\w+|patrol|convoy|checkpoint|court(?:house)?|hall|theater|club|"
    r"branch|branches|property|properties|equipment|machinery|tanker|terminal|port)$"
)
PERSON_HEAD = re.compile(
    r"\b(?:m[ae]n|wom[ae]n|people|persons?|peasants?|civilians?|children|child|students?|"
    r"priests?|soldiers?|policem[ae]n|police(?:men)?|officers?|agents?|guards?|judges?|"
    r"journalists?|mayors?|leaders?|members?|workers?|employees?|passengers?|residents?|"
    r"individuals?|citizens?|nationals?|diplomats?|ambassadors?|businessm[ae]n|farmers?|"
    r"teachers?|nuns?|bishops?|archbishop|senators?|deputies|deputy|candidates?|officials?|"
    r"relatives?|family|sons?|daughters?|wife|husband|brothers?|youths?|victims?)$"
)
#: Words a name may follow that MUC-4's answer keys leave out ("msgr oscar arnulfo romero" is
#: the victim "oscar arnulfo romero"): titles, ranks, trades and the adjectives before them.
TITLE_WORDS = frozenset(
    word_list(
        "former late presidential liberal conservative leftist jesuit catholic salvadoran "
        "colombian peruvian guatemalan us president candidate senator attorney general colonel "
        "col lieutenant lt captain capt major sergeant journalist mayor leader archbishop "
        "monsignor msgr father priest dr mr mrs minister judge councilman deputy businessman "
        "lawyer professor rector director chief commander governor ambassador union labor party "
        "student peasant"
    )
)
#: Event verbs that are no past participle but decide roles as much ("blew up", "shot").
_EVENT_WORDS = frozenset(
    word_list(
        "by shot hit blew blown burnt set killing murder assassination kidnapping attack attacks "
        "bomb bombing explosion death massacre of against"
    )
)
_ATTACK_TYPES = ("violence_against_civilians", "bombing", "abduction", "infrastructure_attack")
_SENTENCE_END = frozenset(".!?")
_WINDOW = 3


@dataclass(frozen=True, slots=True)
class DocumentTokens:
    """A document as the tagger sees it.

    ``offsets`` are ``(start, end)`` of each token in the text; ``words`` the lower-cased
    tokens; ``features`` one list of hashed ids per token (unbounded ints: the model folds them
    into its table); ``attack`` whether each token's sentence reports an attack or a clash.
    """

    offsets: list[tuple[int, int]]
    words: list[str]
    features: list[list[int]]
    attack: list[bool]


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def sentences(words: list[str]) -> list[tuple[int, int]]:
    """Token ranges of the sentences: a sentence ends after ., ! or ?."""
    ranges, start = [], 0
    for i, word in enumerate(words):
        if word in _SENTENCE_END:
            ranges.append((start, i + 1))
            start = i + 1
    if start < len(words):
        ranges.append((start, len(words)))
    return ranges


def _bucket(value: int) -> str:
    """A coarse, log-like bucket, so that positions and counts generalise."""
    for limit in (0, 1, 2, 3, 5, 8, 15):
        if value <= limit:
            return str(limit)
    return "many"


def _shape(word: str) -> str:
    if word.isdigit():
        return "digits"
    if any(c.isdigit() for c in word):
        return "alnum"
    if not word[0].isalnum():
        return "punct"
    if word[0].isupper():
        return "upper"
    return "hyphen" if "-" in word else "lower"


def _lexicon_tags(text: str, offsets: list[tuple[int, int]], words: list[str]) -> list[str]:
    """Per token, the lexicon it falls in: weapon, physical, person or a participant kind."""
    tags = ["" for _ in words]
    starts = np.array([start for start, _ in offsets], dtype=np.int64)

    def mark(start: int, end: int, tag: str) -> None:
        first = int(np.searchsorted(starts, start))
        last = int(np.searchsorted(starts, end))
        for i in range(first, last):
            tags[i] = tags[i] or tag

    if offsets:
        for mention in find_participants(text, offsets[0][0], offsets[-1][1], "en"):
            if mention.span is not None:
                mark(mention.span.start, mention.span.end, mention.kind)
        for match in WEAPON.finditer(text, offsets[0][0], offsets[-1][1]):
            mark(match.start(), match.end(), "weapon")
    for i, word in enumerate(words):
        if not tags[i] and PHYSICAL.search(word):
            tags[i] = "physical"
        elif not tags[i] and PERSON_HEAD.search(word):
            tags[i] = "person"
    return tags


def _nearest_verbs(words: list[str], start: int, end: int) -> tuple[list[str], list[str]]:
    """Per token of a sentence, the nearest event word to its left and to its right."""
    is_verb = [w.endswith("ed") or w in _EVENT_WORDS or w.endswith("ion") for w in words[start:end]]
    left, right = [], []
    last = ""
    for i in range(start, end):
        left.append(last)
        if is_verb[i - start]:
            last = words[i]
    upcoming = ""
    for i in range(end - 1, start - 1, -1):
        right.append(upcoming)
        if is_verb[i - start]:
            upcoming = words[i]
    right.reverse()
    return left, right


def _has_attack(text: str, offsets: list[tuple[int, int]], start: int, end: int) -> str:
    """ "attack", "clash" or "none": what kind of violent event the sentence reports."""
    if start >= end:
        return "none"
    lo, hi = offsets[start][0], offsets[end - 1][1]
    if BY_ID["armed_clash"].triggers["en"].search(text, lo, hi):
        return "clash"
    if any(BY_ID[t].triggers["en"].search(text, lo, hi) for t in _ATTACK_TYPES):
        return "attack"
    return "none"


def tokenize(text: str) -> DocumentTokens:
    """Tokens and hashed feature ids of a whole document."""
    matches = list(TOKEN.finditer(text))
    offsets = [(m.start(), m.end()) for m in matches]
    words = [m.group().lower() for m in matches]
    lexicon = _lexicon_tags(text, offsets, words)
    counts = Counter(words)
    seen: set[str] = set()
    features: list[list[int]] = []
    attack: list[bool] = []
    for index, (start, end) in enumerate(sentences(words)):
        left_verbs, right_verbs = _nearest_verbs(words, start, end)
        event = _has_attack(text, offsets, start, end)
        position = _bucket(index)
        attack.extend([event != "none"] * (end - start))
        for i in range(start, end):
            word = words[i]
            near = [
                words[j] if start <= j < end else "<s>" for j in range(i - _WINDOW, i + _WINDOW + 1)
            ]
            names = [
                "bias",
                f"w={word}",
                f"p3={word[:3]}",
                f"s3={word[-3:]}",
                f"shape={_shape(matches[i].group())}",
                f"lex={lexicon[i]}",
                f"lex-1={lexicon[i - 1] if i > start else '<s>'}",
                f"lex+1={lexicon[i + 1] if i + 1 < end else '<s>'}",
                f"b-1={near[_WINDOW - 1]}|{word}",
                f"b+1={word}|{near[_WINDOW + 1]}",
                f"b-2={near[_WINDOW - 2]}|{near[_WINDOW - 1]}",
                f"b+2={near[_WINDOW + 1]}|{near[_WINDOW + 2]}",
                f"lv={left_verbs[i - start]}",
                f"rv={right_verbs[i - start]}",
                f"lv|lex={left_verbs[i - start]}|{lexicon[i]}",
                f"rv|lex={right_verbs[i - start]}|{lexicon[i]}",
                f"event={event}",
                f"event|lex={event}|{lexicon[i]}",
                f"event|w={event}|{word}",
                f"sent={position}",
                f"sent|lex={position}|{lexicon[i]}",
                f"count={_bucket(counts[word])}",
                f"first={word not in seen}",
            ]
            names.extend(
                f"w{d}={near[_WINDOW + d]}" for d in range(-_WINDOW, _WINDOW + 1) if d != 0
            )
            seen.add(word)
            features.append([_hash(name) for name in names])
    return DocumentTokens(offsets, words, features, attack)
