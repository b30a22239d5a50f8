"""The SemEval-2023 Task 3 label inventories, spelt exactly as the official scorers spell them.

Models, prediction writers and metrics import these tuples so that one list decides which
strings are valid. The order is that of the organisers' ``scorers/frames_subtask2.txt`` and
``scorers/techniques_subtask3.txt`` (and of ``CLASSES`` in the subtask-1 scorer); readers use
those files instead when they ship with the data (see
:func:`presslens.evaluate.semeval.label_inventory`).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Subtask 1: one genre per article.
GENRES: tuple[str, ...] = ("reporting", "opinion", "satire")

#: Subtask 2: the 14 framing dimensions (the Media Frames Corpus frames minus "Other").
FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
)

#: Subtask 3: the 23 persuasion techniques.
TECHNIQUES: tuple[str, ...] = (
    "Appeal_to_Authority",
    "Appeal_to_Popularity",
    "Appeal_to_Values",
    "Appeal_to_Fear-Prejudice",
    "Flag_Waving",
    "Causal_Oversimplification",
    "False_Dilemma-No_Choice",
    "Consequential_Oversimplification",
    "Straw_Man",
    "Red_Herring",
    "Whataboutism",
    "Slogans",
    "Appeal_to_Time",
    "Conversation_Killer",
    "Loaded_Language",
    "Repetition",
    "Exaggeration-Minimisation",
    "Obfuscation-Vagueness-Confusion",
    "Name_Calling-Labeling",
    "Doubt",
    "Guilt_by_Association",
    "Appeal_to_Hypocrisy",
    "Questioning_the_Reputation",
)


@dataclass(frozen=True, slots=True)
class LabelInventory:
    """The valid labels of each subtask; the official scorers binarise over these lists."""

    genres: tuple[str, ...] = GENRES
    frames: tuple[str, ...] = FRAMES
    techniques: tuple[str, ...] = TECHNIQUES
