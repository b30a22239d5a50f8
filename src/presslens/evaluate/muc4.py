"""MUC-4 role fillers with the metric of GRIT (Du, Rush & Cardie, EACL 2021).

The data is GRIT's processed MUC-4 (``data/muc/processed/{train,dev,test}.json``: one
document a line, lower-cased text, and per role a list of entities, each a list of coreferent
``[mention, offset]`` pairs). The roles are PerpInd, PerpOrg, Target, Victim and Weapon.

The metric, as in GRIT's ``eval.py`` (CEAF-REE with its "strict" similarity): mentions are
normalised (lower case, punctuation and the articles a/an/the removed, spaces collapsed); per
document and role, a predicted entity matches a gold entity when *every* predicted mention is one
of the gold entity's mentions; predicted and gold entities are paired one-to-one so that the
number of matches is largest (GRIT solves the assignment with the Hungarian algorithm; with
0/1 similarities that is a maximum bipartite matching, done here with augmenting paths).
Precision is matches over predicted entities, recall matches over gold entities, both summed
over documents; the micro average sums all roles.

The extractor is presslens's learnt role tagger (:mod:`presslens.events.roles`), trained on
the training split only (its decoding tuned on out-of-fold scores of it); its score is
``muc4_f1``. The rule extractor it replaced is kept as a reference measure (``muc4_f1_rules``):
it reads the lower-cased wire text as it is: sentences with an attack, bombing, abduction or
sabotage trigger (armed clashes are not terrorism in MUC's sense and are skipped) give their
weapons from a lexicon, their perpetrators from the participant lexicon (organisations by name
shape: "... front", "... army", an acronym the text defines), and their targets and victims
from the noun phrase a trigger governs ("bombed the bank", "the priests were murdered", "the
assassination of ..."). Each predicted entity has one mention, in both extractors.

Floors on the same documents: predicting nothing, and predicting for every document each role's
most frequent training mention.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from presslens.document import Span
from presslens.errors import DataError
from presslens.events.actors import find_participants
from presslens.events.quantities import words
from presslens.events.roles import RoleTagger, default_tagger
from presslens.events.roles_features import PERSON_HEAD, PHYSICAL, TITLE_WORDS, WEAPON
from presslens.events.taxonomy import BY_ID

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")

Entities = list[list[str]]
Extracts = dict[str, Entities]

#: Where GRIT's processed files are inside the ``muc4`` data folder.
PROCESSED = Path("data/muc/processed")

_MUC_TYPES = ("violence_against_civilians", "bombing", "abduction", "infrastructure_attack")


@dataclass(slots=True)
class MucDocument:
    """One document; ``mentions`` are ``(role, start, end)`` of every gold mention, to train on."""

    id: str
    text: str
    gold: Extracts
    mentions: tuple[tuple[str, int, int], ...] = ()


def _processed_dir(data_dir: Path) -> Path:
    """The folder holding ``dev.json``: ``data_dir`` itself or GRIT's layout under it."""
    for candidate in (data_dir, data_dir / PROCESSED, data_dir / "muc4" / PROCESSED):
        if (candidate / "dev.json").is_file() or (candidate / "train.json").is_file():
            return candidate
    raise DataError(
        f"no MUC-4 dev.json or train.json under {data_dir}: expected GRIT's processed files "
        f"(data/muc/processed/*.json) of the muc4 data set"
    )


def load_muc(data_dir: Path, split: str = "dev") -> list[MucDocument]:
    """The documents of one split, with gold entities as lists of mention strings."""
    path = _processed_dir(data_dir) / f"{split}.json"
    if not path.is_file():
        raise DataError(f"{path} not found: the muc4 folder has no {split} split")
    documents = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            gold = {
                role: [[m[0] for m in entity] for entity in row["extracts"].get(role, []) if entity]
                for role in ROLES
            }
            mentions = tuple(
                (role, offset, offset + len(mention))
                for role in ROLES
                for entity in row["extracts"].get(role, [])
                for mention, offset in entity
            )
            documents.append(MucDocument(str(row["docid"]), row["doctext"], gold, mentions))
    return documents


# ------------------------------------------------------------------------------- metric

_PUNCTUATION = re.compile(r"[!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~]")
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")


def normalise_mention(text: str) -> str:
    """GRIT's (SQuAD's) normalisation: lower case, no punctuation, no articles, single spaces."""
    return " ".join(_ARTICLES.sub(" ", _PUNCTUATION.sub("", text.lower())).split())


def _matches(predicted: Entities, gold: Entities) -> int:
    """Largest number of one-to-one pairs where all of a prediction's mentions are gold's."""
    gold_sets = [{normalise_mention(m) for m in entity} for entity in gold]
    edges = [
        [
            g
            for g, mentions in enumerate(gold_sets)
            if all(normalise_mention(m) in mentions for m in p)
        ]
        for p in predicted
    ]
    owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(augment(p, set()) for p in range(len(predicted)))


def score(predictions: dict[str, Extracts], documents: Sequence[MucDocument]) -> dict[str, float]:
    """Per-role and micro-averaged precision, recall and F1 (GRIT's strict CEAF-REE)."""
    totals = {role: [0, 0, 0] for role in ROLES}  # matched, predicted, gold
    for document in documents:
        predicted = predictions.get(document.id, {})
        for role in ROLES:
            guesses, answers = predicted.get(role, []), document.gold.get(role, [])
            totals[role][0] += _matches(guesses, answers)
            totals[role][1] += len(guesses)
            totals[role][2] += len(answers)
    totals["micro"] = [sum(t[i] for t in totals.values()) for i in range(3)]
    result = {}
    for name, (matched, n_predicted, n_gold) in totals.items():
        precision = matched / n_predicted if n_predicted else 0.0
        recall = matched / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result.update(
            {
                f"{name}_p": round(precision, 4),
                f"{name}_r": round(recall, 4),
                f"{name}_f1": round(f1, 4),
            }
        )
    return result


# ---------------------------------------------------------------------------- extraction

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_INDIVIDUAL_HEAD = re.compile(
    r"\b(?:guerrill?as?|terrorists?|rebels?|insurgents?|militants?|gunm[ae]n|m[ae]n|"
    r"individuals?|persons?|people|members?|attackers?|assailants?|killers?|suspects?|youths?|"
    r"subjects?|soldiers?|troops|militiamen|separatists?|extremists?|jihadists?|snipers?|"
    r"bombers?|kidnappers?|commandos?|hitmen|traffickers?|narcoterrorists?|perpetrators?|"
    r"robbers?|abductors?|hijackers?|intruders?|shooters?)$"
)
_ACRONYM = re.compile(r"(?P<name>(?:[a-z'-]+\s+){1,6}?[a-z'-]+)\s+\((?P<acronym>[a-z0-9-]{2,8})\)")
_NAME_STOP = frozenset(
    words(
        "the of by from and a an to in on at for with against that which who members member "
        "terrorists guerrillas rebels"
    )
)
_FUNCTION_WORDS = frozenset(
    words(
        "the a an this that these those his her their its of in on at by for with from to near "
        "during after before while when as and or but who which was were is are has have had been "
        "be being said reported today yesterday tonight last this morning night also then there "
        "here not no it they he she we i you him them one some several where whose whom what "
        "into onto over under between against outside inside around about than"
    )
)
_DETERMINERS = frozenset(words("the a an his her their its this that these those"))
_NOT_VICTIM = re.compile(
    r"\b(?:gunm[ae]n|attackers?|assailants?|terrorists?|guerrillas?|rebels?|killers?|ago|"
    r"today|yesterday|months?|years?|days?|weeks?)\b"
)
_TARGET_TRIGGER = re.compile(
    r"\b(?:attacked|bombed|dynamited|burned|burnt|destroyed|damaged|blew\s+up|blown\s+up|"
    r"set\s+fire\s+to|set\s+on\s+fire|raided|sabotaged|hit|struck|(?:exploded|explosion|"
    r"blast|attack|bomb|bombing|bombs)\s+(?:at|in|near|outside|against|on|in\s+front\s+of))\s+"
)
_TARGET_PASSIVE = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:destroyed|damaged|"
    r"burned|bombed|attacked|dynamited|blown\s+up|hit|set\s+on\s+fire)\b"
)
_VICTIM_TRIGGER = re.compile(
    r"\b(?:killed|murdered|assassinated|kidnapped|abducted|wounded|injured|shot|executed|"
    r"massacred|(?:assassination|murder|killing|kidnapping|abduction|death|massacre)\s+of)\s+"
)
_VICTIM_PASSIVE = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:killed|murdered|"
    r"assassinated|kidnapped|abducted|wounded|injured|shot|executed|massacred)\b"
)
_TITLES = re.compile(
    r"^(?:(?:vice\s+president|attorney\s+general|u\s?s|" + "|".join(sorted(TITLE_WORDS)) + r")\s+)+"
)
_MAX_PHRASE_WORDS = 7
_QUANTIFIERS = frozenset(words("least about some nearly almost more over"))


def _sentences(text: str) -> Iterator[Span]:
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            yield Span(match.start(), match.end())


def _is_muc_event(text: str, sentence: Span) -> bool:
    """A sentence about an attack on people or property, not a battle between armed sides."""
    if BY_ID["armed_clash"].triggers["en"].search(text, sentence.start, sentence.end):
        return False
    return any(
        BY_ID[t].triggers["en"].search(text, sentence.start, sentence.end) for t in _MUC_TYPES
    )


def _phrase_after(text: str, start: int, end: int) -> str:
    """The noun phrase starting at ``start``: words up to a function word or punctuation."""
    kept: list[str] = []
    for match in re.finditer(r"[a-z0-9'-]+|[^\sa-z0-9'-]", text[start:end]):
        word = match.group()
        if (word in _DETERMINERS or word in ("at", "least")) and not kept:
            continue
        if word in _FUNCTION_WORDS or not word[0].isalnum():
            break
        kept.append(word)
        if len(kept) == _MAX_PHRASE_WORDS:
            break
    return " ".join(kept)


def _phrase_before(text: str, start: int, end: int) -> str:
    """The noun phrase ending at ``end``, read backwards up to a function word."""
    kept: list[str] = []
    for word in reversed(re.findall(r"[a-z0-9'-]+|[^\sa-z0-9'-]", text[start:end])):
        if word in _FUNCTION_WORDS or not word[0].isalnum():
            break
        kept.insert(0, word)
        if len(kept) == _MAX_PHRASE_WORDS:
            break
    return " ".join(kept)


def _organisations(text: str) -> dict[str, str]:
    """Acronyms the text defines ("... liberation front (fmln)") → the full name."""
    found = {}
    for match in _ACRONYM.finditer(text):
        tokens = match.group("name").split()
        cut = max((i for i, w in enumerate(tokens) if w in _NAME_STOP), default=-1)
        name = " ".join(tokens[cut + 1 :])
        if len(name.split()) >= 2:
            found[match.group("acronym")] = name
    return found


def _perpetrators(text: str, sentence: Span, known: dict[str, str]) -> Iterator[tuple[str, str]]:
    """(role, mention) for the perpetrators a sentence names."""
    for mention in find_participants(text, sentence.start, sentence.end, "en"):
        if mention.kind in ("armed_group", "perpetrator"):
            role = "PerpInd" if _INDIVIDUAL_HEAD.search(mention.text) else "PerpOrg"
            yield role, mention.text
    for acronym, name in known.items():
        if re.search(
            rf"\b(?:{re.escape(acronym)}|{re.escape(name)})\b", text[sentence.start : sentence.end]
        ):
            yield "PerpOrg", name


def _governed(
    text: str,
    sentence: Span,
    trigger: re.Pattern[str],
    passive: re.Pattern[str],
    head: re.Pattern[str],
) -> Iterator[str]:
    """Noun phrases a trigger governs, active object or passive subject, with a fitting head."""
    for match in trigger.finditer(text, sentence.start, sentence.end):
        phrase = _phrase_after(text, match.end(), sentence.end)
        if phrase:
            yield phrase
    for match in passive.finditer(text, sentence.start, sentence.end):
        phrase = _phrase_before(text, sentence.start, match.start())
        if phrase and head.search(phrase):
            yield phrase


def _victim(phrase: str) -> str:
    """A victim's name without the titles before it ("jesuit priest ignacio ellacuria")."""
    tokens = phrase.split()
    while tokens and tokens[0] in _QUANTIFIERS:
        tokens.pop(0)
    last_title = max((i for i, w in enumerate(tokens) if _TITLES.fullmatch(w + " ")), default=-1)
    rest = tokens[last_title + 1 :]
    return " ".join(rest if rest else tokens)


def rule_roles(text: str) -> Extracts:
    """Role fillers of one MUC document by the rules, each entity one mention."""
    known = _organisations(text)
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    for sentence in _sentences(text):
        if not _is_muc_event(text, sentence):
            continue
        for role, mention in _perpetrators(text, sentence, known):
            found[role].append(mention)
        found["Weapon"].extend(
            m.group() for m in WEAPON.finditer(text, sentence.start, sentence.end)
        )
        found["Target"].extend(
            p
            for p in _governed(text, sentence, _TARGET_TRIGGER, _TARGET_PASSIVE, PHYSICAL)
            if PHYSICAL.search(p)
        )
        found["Victim"].extend(
            _victim(p)
            for p in _governed(text, sentence, _VICTIM_TRIGGER, _VICTIM_PASSIVE, PERSON_HEAD)
            if not PHYSICAL.search(p) and not _NOT_VICTIM.search(p)
        )
    return {role: [[m] for m in _distinct(mentions)] for role, mentions in found.items()}


def extract_roles(text: str, tagger: RoleTagger | None = None) -> Extracts:
    """Role fillers of one MUC document by the learnt tagger, each entity its best phrase."""
    fillers = (tagger or default_tagger()).fillers(text)
    return {role: [[filler.text] for filler in fillers[role]] for role in ROLES}


def _distinct(mentions: Iterable[str]) -> list[str]:
    """One mention per entity: later mentions with the same words (or plural) are dropped."""
    seen: set[str] = set()
    kept = []
    for mention in mentions:
        key = normalise_mention(mention).rstrip("s")
        if key and key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


# ---------------------------------------------------------------------------- evaluation


def _majority(documents: Sequence[MucDocument]) -> Extracts:
    """Each role's most frequent first mention in training, as a one-entity answer."""
    answer: Extracts = {}
    for role in ROLES:
        counts = Counter(e[0] for d in documents for e in d.gold[role])
        answer[role] = [[counts.most_common(1)[0][0]]] if counts else []
    return answer


def evaluate_muc4(data_dir: Path, split: str = "dev") -> dict[str, float]:
    """Role-filler F1 on a split (GRIT's metric), with the floors, as named measures."""
    documents = load_muc(data_dir, split)
    predictions = {d.id: extract_roles(d.text) for d in documents}
    measures = {f"muc4_{k}": v for k, v in score(predictions, documents).items()}
    measures["muc4_f1"] = measures["muc4_micro_f1"]
    rules = {d.id: rule_roles(d.text) for d in documents}
    measures["muc4_f1_rules"] = score(rules, documents)["micro_f1"]
    measures["muc4_f1_floor_nothing"] = 0.0
    train_path = _processed_dir(data_dir) / "train.json"
    if train_path.is_file():
        majority = _majority(load_muc(data_dir, "train"))
        floor = score({d.id: majority for d in documents}, documents)
        measures["muc4_f1_floor_majority"] = floor["micro_f1"]
    measures["muc4_documents"] = len(documents)
    return measures
