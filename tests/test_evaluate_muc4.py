"""MUC-4 with GRIT's metric: strict one-to-one entity matching, and the rule extractor."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.evaluate.muc4 import (
    MucDocument,
    evaluate_muc4,
    extract_roles,
    normalise_mention,
    rule_roles,
    score,
)


def _document(**gold: list[list[str]]) -> MucDocument:
    roles = {
        role: gold.get(role, []) for role in ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
    }
    return MucDocument("D1", "", roles)


def test_muc4_normalise_mention_like_grit() -> None:
    assert normalise_mention("The  Car-Bomb, ") == "carbomb"
    assert normalise_mention("an army patrol") == "army patrol"


def test_muc4_prediction_matches_any_mention_of_the_gold_entity() -> None:
    document = _document(PerpOrg=[["national liberation front", "nlf"]])
    result = score({"D1": {"PerpOrg": [["NLF"]]}}, [document])
    assert (result["PerpOrg_p"], result["PerpOrg_r"], result["micro_f1"]) == (1.0, 1.0, 1.0)


def test_muc4_entities_pair_one_to_one() -> None:
    document = _document(Weapon=[["bomb"]])
    result = score({"D1": {"Weapon": [["bomb"], ["the bomb"]]}}, [document])
    assert (result["Weapon_p"], result["Weapon_r"]) == (0.5, 1.0)


def test_muc4_strict_similarity_needs_every_predicted_mention() -> None:
    document = _document(Victim=[["mayor"]])
    result = score({"D1": {"Victim": [["mayor", "his driver"]]}}, [document])
    assert result["Victim_f1"] == 0.0


def test_muc4_matching_finds_the_largest_pairing() -> None:
    document = _document(Target=[["bank", "branch"], ["branch office"]])
    predictions = {"D1": {"Target": [["branch"], ["bank"]]}}
    assert score(predictions, [document])["Target_r"] == 0.5


_WIRE = (
    "urban guerrillas of the people's revolutionary front (prf) dynamited the telephone "
    "exchange in the capital last night. a bomb also damaged two buses."
)


def test_muc4_rule_roles_from_a_wire_sentence() -> None:
    roles = rule_roles(_WIRE)
    assert ["bomb"] in roles["Weapon"]
    assert ["telephone exchange"] in roles["Target"]
    assert ["people's revolutionary front"] in roles["PerpOrg"]
    assert ["urban guerrillas"] in roles["PerpInd"]


def test_muc4_extract_roles_gives_one_mention_per_entity_from_the_text() -> None:
    roles = extract_roles(_WIRE)
    assert set(roles) == {"PerpInd", "PerpOrg", "Target", "Victim", "Weapon"}
    assert ["bomb"] in roles["Weapon"]
    assert all(len(entity) == 1 and entity[0] in _WIRE for r in roles.values() for entity in r)


@pytest.mark.data
def test_muc4_dev_beats_its_floors(shared_data: Path) -> None:
    measures = evaluate_muc4(shared_data / "muc4", "dev")
    assert measures["muc4_documents"] == 200
    assert measures["muc4_f1"] > measures["muc4_f1_floor_majority"] > 0.0
    assert measures["muc4_f1"] > measures["muc4_f1_rules"]
