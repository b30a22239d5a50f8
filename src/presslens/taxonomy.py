"""What every label presslens outputs means, in plain words, with a short example.

The label strings are exactly those of SemEval-2023 Task 3 (genre, 14 framing dimensions from
the Media Frames Corpus, 23 persuasion techniques in 6 coarse groups), so models trained on that
data, the JSON analysis and these definitions share one vocabulary. Definitions and examples are
our own wording. The data is plain and immutable so that every view (CLI, terminal and HTML
reports, web UI) can show the same text without copying it.

    >>> from presslens import taxonomy
    >>> taxonomy.lookup("loaded language").label
    'Loaded_Language'
    >>> taxonomy.lookup("Appeal_to_Values").group
    'Justification'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from presslens.errors import InputError

#: The label set these entries follow; later taxonomies (e.g. with Appeal_to_Pity) get a new one.
LABEL_SET = "semeval2023-task3"

Kind = Literal["technique", "frame", "genre"]
KINDS: tuple[Kind, ...] = ("technique", "frame", "genre")

#: The six coarse technique groups, in the order of the SemEval-2023 Task 3 guidelines.
GROUPS = (
    "Attack on Reputation",
    "Justification",
    "Distraction",
    "Simplification",
    "Call",
    "Manipulative Wording",
)


@dataclass(frozen=True, slots=True)
class LabelInfo:
    """One label: its exact string, a readable name, a definition and an example sentence.

    ``group`` is the coarse group of a technique and None for frames and genres.
    """

    label: str
    kind: Kind
    name: str
    definition: str
    example: str
    group: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {
            "label": self.label,
            "kind": self.kind,
            "name": self.name,
            "group": self.group,
            "definition": self.definition,
            "example": self.example,
        }


def _technique(group: str, label: str, name: str, definition: str, example: str) -> LabelInfo:
    return LabelInfo(label, "technique", name, definition, example, group)


def _frame(label: str, name: str, definition: str, example: str) -> LabelInfo:
    return LabelInfo(label, "frame", name, definition, example)


def _genre(label: str, name: str, definition: str, example: str) -> LabelInfo:
    return LabelInfo(label, "genre", name, definition, example)


_ATTACK, _JUSTIFY, _DISTRACT, _SIMPLIFY, _CALL, _WORDING = GROUPS

#: The 23 persuasion techniques, grouped, in guideline order.
TECHNIQUES: tuple[LabelInfo, ...] = (
    _technique(
        _ATTACK,
        "Name_Calling-Labeling",
        "Name calling or labelling",
        "Giving a person or group an insulting or flattering label, so that readers judge them "
        "by the label rather than by what they actually did or said.",
        "The so-called reformers are nothing but a gang of career opportunists.",
    ),
    _technique(
        _ATTACK,
        "Guilt_by_Association",
        "Guilt by association",
        "Discrediting a person or an idea by linking it to a person, group or thing the audience "
        "already dislikes.",
        "The mayor's traffic plan is exactly what the old Soviet planners would have dreamt up.",
    ),
    _technique(
        _ATTACK,
        "Doubt",
        "Casting doubt",
        "Questioning someone's honesty, competence or motives to weaken their position, instead "
        "of answering their argument.",
        "Can we really trust a minister who cannot even balance his own household budget?",
    ),
    _technique(
        _ATTACK,
        "Appeal_to_Hypocrisy",
        "Appeal to hypocrisy",
        "Calling a person a hypocrite, by pointing at their own past words or deeds, so that what "
        "they say now can be dismissed.",
        "The senator lectures us about saving energy while flying to every meeting in a "
        "private jet.",
    ),
    _technique(
        _ATTACK,
        "Questioning_the_Reputation",
        "Questioning the reputation",
        "Making strong, often unsupported, negative claims about someone's character or record "
        "to damage their standing in general, not on the question at hand.",
        "Everyone in the trade knows her firm has been cutting corners for years.",
    ),
    _technique(
        _JUSTIFY,
        "Flag_Waving",
        "Flag waving",
        "Justifying a position by appealing to pride in a group, such as the nation, a religion "
        "or a class, or by claiming it serves that group's interests.",
        "Every true patriot will stand behind this bill.",
    ),
    _technique(
        _JUSTIFY,
        "Appeal_to_Authority",
        "Appeal to authority",
        "Presenting a claim as true because an expert, an institution or a famous person backs "
        "it, with no other support.",
        "Three Nobel laureates have endorsed the plan, so there is nothing left to debate.",
    ),
    _technique(
        _JUSTIFY,
        "Appeal_to_Popularity",
        "Appeal to popularity",
        "Claiming that something is right or good because many people, or 'everyone', already "
        "support it or do it (the bandwagon).",
        "Millions of families have already switched providers, so why haven't you?",
    ),
    _technique(
        _JUSTIFY,
        "Appeal_to_Values",
        "Appeal to values",
        "Tying a position to values the audience holds dear, such as freedom, tradition or "
        "fairness, as if that alone made it right.",
        "This plan honours the freedom and the traditions our town was built on.",
    ),
    _technique(
        _JUSTIFY,
        "Appeal_to_Fear-Prejudice",
        "Appeal to fear or prejudice",
        "Promoting or rejecting an idea by stirring up fear, anxiety or prejudice about the "
        "alternative or about a group.",
        "If the border opens, our streets will no longer be safe for our children.",
    ),
    _technique(
        _DISTRACT,
        "Straw_Man",
        "Straw man",
        "Replacing an opponent's position with a distorted, weaker version of it and then "
        "attacking that version instead.",
        "She wants to review the defence budget; apparently she would leave the country with no "
        "army at all.",
    ),
    _technique(
        _DISTRACT,
        "Red_Herring",
        "Red herring",
        "Bringing in an unrelated topic to pull attention away from the issue being discussed.",
        "Hospital waiting lists? Let us talk about what really matters: our team just brought "
        "home the cup.",
    ),
    _technique(
        _DISTRACT,
        "Whataboutism",
        "Whataboutism",
        "Answering criticism by accusing the critic, or someone else, of something similar, "
        "without addressing the criticism itself.",
        "We missed one deadline? What about the opposition, which missed every deadline for "
        "ten years?",
    ),
    _technique(
        _SIMPLIFY,
        "Causal_Oversimplification",
        "Causal oversimplification",
        "Blaming a complex problem on one single cause, or treating something that merely "
        "happened earlier as the cause.",
        "Crime rose the year the new mayor took office, so his policies are to blame.",
    ),
    _technique(
        _SIMPLIFY,
        "False_Dilemma-No_Choice",
        "False dilemma or no choice",
        "Presenting two options as the only ones when more exist, or presenting one option as "
        "the only possible choice.",
        "Either we build the motorway now or the whole region dies.",
    ),
    _technique(
        _SIMPLIFY,
        "Consequential_Oversimplification",
        "Consequential oversimplification",
        "Claiming that a first step will inevitably set off a chain of ever worse (or ever "
        "better) consequences, without showing why (the slippery slope).",
        "Allow one food truck on the square today and by next year every restaurant in the old "
        "town will be gone.",
    ),
    _technique(
        _CALL,
        "Slogans",
        "Slogan",
        "A short, catchy phrase that stands in for an argument, often built on a label or a "
        "stereotype.",
        "Our land, our rules!",
    ),
    _technique(
        _CALL,
        "Conversation_Killer",
        "Conversation killer",
        "A phrase that discourages further discussion or critical thought, for example by "
        "declaring the matter closed (a thought-terminating cliché).",
        "It is what it is, and there is nothing more to say about it.",
    ),
    _technique(
        _CALL,
        "Appeal_to_Time",
        "Appeal to time",
        "Arguing that now is the moment to act, that time is running out, instead of giving "
        "reasons for the action itself.",
        "The time for talking is over: we must act today.",
    ),
    _technique(
        _WORDING,
        "Loaded_Language",
        "Loaded language",
        "Words and phrases with strong emotional overtones, positive or negative, chosen to sway "
        "the reader rather than to describe.",
        "The reckless regime unleashed its thugs on peaceful villagers.",
    ),
    _technique(
        _WORDING,
        "Obfuscation-Vagueness-Confusion",
        "Obfuscation, vagueness or confusion",
        "Wording that is deliberately unclear, so that readers can read into it what they like "
        "or the writer avoids committing to anything.",
        "Certain measures may be taken in due course, as circumstances permit.",
    ),
    _technique(
        _WORDING,
        "Exaggeration-Minimisation",
        "Exaggeration or minimisation",
        "Making something look bigger, better or worse than it is, or playing down how important "
        "it is.",
        "It was just a small accounting slip of a few million.",
    ),
    _technique(
        _WORDING,
        "Repetition",
        "Repetition",
        "Repeating the same word, phrase or idea again and again so that the audience comes to "
        "accept it.",
        "We want jobs. Jobs for our young people, jobs for our towns, jobs now.",
    ),
)

#: The 14 framing dimensions (the Media Frames Corpus policy frames without "Other").
FRAMES: tuple[LabelInfo, ...] = (
    _frame(
        "Economic",
        "Economic",
        "The issue seen through money: costs, benefits and financial effects on people, firms or "
        "the economy.",
        "The new tariff will add about 300 euros a year to the average family's grocery bill.",
    ),
    _frame(
        "Capacity_and_resources",
        "Capacity and resources",
        "Whether there is enough, or too little, of something: staff, space, money, equipment or "
        "the capacity of a system.",
        "The region's hospitals have only twelve intensive-care beds left.",
    ),
    _frame(
        "Morality",
        "Morality",
        "What is right or wrong: ethical, religious or moral duties and principles.",
        "It is simply wrong to turn away people who are fleeing for their lives.",
    ),
    _frame(
        "Fairness_and_equality",
        "Fairness and equality",
        "Whether laws, burdens, rewards and resources are shared fairly or unequally between "
        "people or groups.",
        "Rural pensioners pay the same taxes but get half the services city residents get.",
    ),
    _frame(
        "Legality_Constitutionality_and_jurisprudence",
        "Legality, constitutionality and jurisprudence",
        "What the law or the constitution allows, legal rights and duties, and what courts decide.",
        "The court ruled that the surveillance programme breaches the right to privacy.",
    ),
    _frame(
        "Policy_prescription_and_evaluation",
        "Policy prescription and evaluation",
        "Specific policies proposed to deal with the issue, and whether existing policies work.",
        "The rent cap has failed to lower prices and should be replaced by a building programme.",
    ),
    _frame(
        "Crime_and_punishment",
        "Crime and punishment",
        "Breaking the law, its enforcement and its consequences: arrests, trials, sentences.",
        "The smugglers face up to ten years in prison if convicted.",
    ),
    _frame(
        "Security_and_defense",
        "Security and defence",
        "Threats to the safety of a country, group or person, and protection against them: "
        "military, terrorism, borders.",
        "The ministry is moving two more air-defence batteries to the northern border.",
    ),
    _frame(
        "Health_and_safety",
        "Health and safety",
        "Health care, illness, injury and disease, and the safety of the public.",
        "Doctors warn that the smog is sending hundreds of children to hospital every week.",
    ),
    _frame(
        "Quality_of_life",
        "Quality of life",
        "Effects on people's everyday lives: wealth, mobility, routines, community and well-being.",
        "Since the bridge closed, commuters spend an extra hour on the road every day.",
    ),
    _frame(
        "Cultural_identity",
        "Cultural identity",
        "The traditions, customs, language or values of a social group and how the issue "
        "touches them.",
        "For the islanders, the autumn fishing festival is the heart of who they are.",
    ),
    _frame(
        "Public_opinion",
        "Public opinion",
        "What the general public thinks: polls, protests, petitions and the public mood.",
        "A new poll shows that two thirds of voters oppose the plan.",
    ),
    _frame(
        "Political",
        "Political",
        "The issue as a matter of politics: parties, elections, campaigns, lobbying and who "
        "gains or loses politically.",
        "The coalition hopes the tax cut will win back voters before the autumn election.",
    ),
    _frame(
        "External_regulation_and_reputation",
        "External regulation and reputation",
        "A country's standing abroad and its relations with other countries: foreign policy, "
        "treaties, sanctions, international bodies.",
        "The sanctions have left the country isolated at the summit.",
    ),
)

#: The three genres (one per article).
GENRES: tuple[LabelInfo, ...] = (
    _genre(
        "opinion",
        "Opinion",
        "Writing that argues for the author's or the outlet's view, such as an editorial, a "
        "column or a commentary.",
        "The council's decision to close the library is short-sighted and must be reversed.",
    ),
    _genre(
        "reporting",
        "News reporting",
        "Writing that aims to inform about events and facts in a neutral tone, attributing "
        "claims to their sources.",
        "The city council voted 21 to 9 on Tuesday to close the old library, a spokeswoman said.",
    ),
    _genre(
        "satire",
        "Satire",
        "Writing that uses humour, irony or absurd exaggeration, often dressed up as news, to "
        "mock people or institutions.",
        "Council closes library to protect residents from the dangerous habit of reading.",
    ),
)

ALL: tuple[LabelInfo, ...] = TECHNIQUES + FRAMES + GENRES
TECHNIQUE_LABELS: tuple[str, ...] = tuple(t.label for t in TECHNIQUES)
FRAME_LABELS: tuple[str, ...] = tuple(f.label for f in FRAMES)
GENRE_LABELS: tuple[str, ...] = tuple(g.label for g in GENRES)

#: Exact label string → entry.
BY_LABEL: Mapping[str, LabelInfo] = MappingProxyType({e.label: e for e in ALL})

#: Coarse group → its techniques, in :data:`GROUPS` order.
TECHNIQUES_BY_GROUP: Mapping[str, tuple[LabelInfo, ...]] = MappingProxyType(
    {g: tuple(t for t in TECHNIQUES if t.group == g) for g in GROUPS}
)

#: Other names people use for a label (spelling variants, textbook names).
_ALIASES: dict[str, str] = {
    "labelling": "Name_Calling-Labeling",
    "tu quoque": "Appeal_to_Hypocrisy",
    "bandwagon": "Appeal_to_Popularity",
    "slippery slope": "Consequential_Oversimplification",
    "black and white fallacy": "False_Dilemma-No_Choice",
    "thought-terminating cliche": "Conversation_Killer",
    "thought-terminating cliché": "Conversation_Killer",
    "minimization": "Exaggeration-Minimisation",
    "news": "reporting",
    "security and defense": "Security_and_defense",
}


def _key(text: str) -> str:
    """Case, spaces, hyphens and underscores do not matter when a person types a label."""
    return re.sub(r"[\W_]+", "", text.casefold().replace("&", "and"))


def _names(entry: LabelInfo) -> Iterable[str]:
    """Every way a person may name ``entry``: its label, its name and each hyphenated part."""
    yield entry.label
    yield entry.name
    parts = entry.label.split("-")
    if len(parts) > 1:
        yield from parts


def _build_index() -> dict[str, LabelInfo]:
    index: dict[str, LabelInfo] = {}
    for entry in ALL:
        for name in _names(entry):
            index.setdefault(_key(name), entry)
    for alias, label in _ALIASES.items():
        index.setdefault(_key(alias), BY_LABEL[label])
    return index


_INDEX = _build_index()


def find(name: str, kind: Kind | None = None) -> LabelInfo | None:
    """The entry ``name`` refers to, ignoring case, spaces, hyphens and underscores, or None.

    ``kind`` restricts the search to techniques, frames or genres.
    """
    entry = _INDEX.get(_key(name))
    if entry is None or (kind is not None and entry.kind != kind):
        return None
    return entry


def _similarity(query: str, key: str) -> float:
    """How close a typed key is to a known one; a typo in the first word(s) also counts."""
    whole = difflib.SequenceMatcher(None, query, key).ratio()
    if len(query) < 3:
        return whole
    return max(whole, difflib.SequenceMatcher(None, query, key[: len(query)]).ratio())


def suggest(name: str, kind: Kind | None = None, n: int = 3) -> list[str]:
    """Labels close to a misspelt ``name``, best first (for "did you mean" messages)."""
    query = _key(name)
    scored = sorted(
        ((-_similarity(query, k), e.label) for k, e in _INDEX.items() if kind in (None, e.kind))
    )
    labels = dict.fromkeys(label for score, label in scored if -score >= 0.6)
    return list(labels)[:n]


def lookup(name: str, kind: Kind | None = None) -> LabelInfo:
    """Like :func:`find`, but an unknown name raises :class:`InputError` with suggestions."""
    entry = find(name, kind)
    if entry is not None:
        return entry
    what = kind or "technique, frame or genre"
    close = suggest(name, kind)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise InputError(
        f"unknown {what} {name!r}.{hint} Run `presslens explain --list` to see every label."
    )
