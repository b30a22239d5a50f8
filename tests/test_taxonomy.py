"""The label taxonomy: the shared-task strings, their groups, and forgiving look-ups."""

from __future__ import annotations

import dataclasses

import pytest

from presslens import taxonomy
from presslens.errors import InputError
from presslens.evaluate import labels

GROUP_SIZES = {
    "Attack on Reputation": 5,
    "Justification": 5,
    "Distraction": 3,
    "Simplification": 3,
    "Call": 3,
    "Manipulative Wording": 4,
}


def test_23_techniques_in_the_6_coarse_groups() -> None:
    assert len(taxonomy.TECHNIQUES) == 23
    assert len(set(taxonomy.TECHNIQUE_LABELS)) == 23
    assert {g: len(ts) for g, ts in taxonomy.TECHNIQUES_BY_GROUP.items()} == GROUP_SIZES
    assert all(t.group in taxonomy.GROUPS and t.kind == "technique" for t in taxonomy.TECHNIQUES)


@pytest.mark.parametrize(
    ("label", "group"),
    [
        ("Appeal_to_Values", "Justification"),  # a copied constants file wrongly says Distraction
        ("Name_Calling-Labeling", "Attack on Reputation"),
        ("Whataboutism", "Distraction"),
        ("False_Dilemma-No_Choice", "Simplification"),
        ("Appeal_to_Time", "Call"),
        ("Obfuscation-Vagueness-Confusion", "Manipulative Wording"),
    ],
)
def test_technique_groups(label: str, group: str) -> None:
    assert taxonomy.BY_LABEL[label].group == group


def test_14_frames_and_3_genres_with_exact_strings() -> None:
    assert set(taxonomy.FRAME_LABELS) == set(labels.FRAMES)
    assert set(taxonomy.TECHNIQUE_LABELS) == set(labels.TECHNIQUES)
    assert set(taxonomy.GENRE_LABELS) == set(labels.GENRES)
    assert len(taxonomy.FRAMES) == 14
    assert set(taxonomy.GENRE_LABELS) == {"opinion", "reporting", "satire"}
    assert all(e.group is None for e in taxonomy.FRAMES + taxonomy.GENRES)


@pytest.mark.parametrize("entry", taxonomy.ALL, ids=lambda e: e.label)
def test_every_entry_has_a_name_definition_and_example(entry: taxonomy.LabelInfo) -> None:
    assert entry.name.strip()
    assert entry.definition.strip().endswith(".")
    assert 20 < len(entry.definition) < 300
    assert entry.example.strip() and entry.example != entry.definition
    assert entry.to_dict()["label"] == entry.label


def test_labels_are_unique_across_kinds() -> None:
    assert len(taxonomy.BY_LABEL) == len(taxonomy.ALL) == 40


def test_entries_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        taxonomy.TECHNIQUES[0].definition = "changed"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("loaded language", "Loaded_Language"),
        ("LOADED-LANGUAGE", "Loaded_Language"),
        ("name calling", "Name_Calling-Labeling"),
        ("Name calling or labelling", "Name_Calling-Labeling"),
        ("false dilemma", "False_Dilemma-No_Choice"),
        ("appeal to fear / prejudice", "Appeal_to_Fear-Prejudice"),
        ("slippery slope", "Consequential_Oversimplification"),
        ("Security & defence", "Security_and_defense"),
        ("  public opinion ", "Public_opinion"),
        ("Opinion", "opinion"),
    ],
)
def test_lookup_ignores_case_spaces_and_hyphens(typed: str, label: str) -> None:
    assert taxonomy.lookup(typed).label == label


@pytest.mark.parametrize("entry", taxonomy.ALL, ids=lambda e: e.label)
def test_every_entry_is_found_by_label_and_by_name(entry: taxonomy.LabelInfo) -> None:
    assert taxonomy.find(entry.label) is entry
    assert taxonomy.find(entry.name.upper()) is entry
    assert taxonomy.find(entry.label.replace("_", " ").lower()) is entry


def test_kind_restricts_the_lookup() -> None:
    assert taxonomy.find("opinion", kind="frame") is None
    assert taxonomy.find("public opinion", kind="frame") is not None
    with pytest.raises(InputError, match="unknown technique"):
        taxonomy.lookup("Economic", kind="technique")


@pytest.mark.parametrize(
    ("typo", "label"),
    [
        ("lodaed langauge", "Loaded_Language"),
        ("whatabout", "Whataboutism"),
        ("hypocricy", "Appeal_to_Hypocrisy"),
        ("econmic", "Economic"),
    ],
)
def test_unknown_names_get_close_suggestions(typo: str, label: str) -> None:
    assert taxonomy.find(typo) is None
    assert taxonomy.suggest(typo)[0] == label
    with pytest.raises(InputError, match=f"Did you mean: {label}"):
        taxonomy.lookup(typo)


def test_nonsense_gets_no_suggestion_but_a_hint() -> None:
    assert taxonomy.suggest("xyzzy") == []
    with pytest.raises(InputError, match="presslens explain --list"):
        taxonomy.lookup("xyzzy")
