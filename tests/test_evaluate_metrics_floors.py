"""Floors (majority genre, greedy constant label sets, whole-paragraph spans) and the report."""

from __future__ import annotations

import json
import random

import pytest

from presslens.errors import InputError
from presslens.evaluate.floors import (
    LanguageFloors,
    constant_predictions,
    learn_constant_labels,
    learn_floors,
    majority_label,
    paragraph_spans,
)
from presslens.evaluate.metrics import multilabel_scores
from presslens.evaluate.semeval import SemevalSplit
from presslens.evaluate.semeval_report import semeval_report

LABELS = ("Doubt", "Slogans", "Repetition", "Straw_Man", "Whataboutism")
TEXT = "Storm closes the bridge\n\n  Officials blame the weather.  \n\nResidents blame the mayor.\n"


def _naive_greedy(rows: dict[str, set[str]], labels: tuple[str, ...]) -> list[str]:
    """The floor's definition, computed the slow way with the official metric."""
    chosen: list[str] = []
    best = multilabel_scores(rows, constant_predictions(rows, chosen), labels).micro_f1
    while True:
        trials = [
            (multilabel_scores(rows, constant_predictions(rows, [*chosen, x]), labels).micro_f1, x)
            for x in labels
            if x not in chosen
        ]
        if not trials:
            return chosen
        score = max(s for s, _ in trials)
        if score <= best:
            return chosen
        chosen.append(next(x for s, x in trials if s == score))
        best = score


def test_floors_majority_label_and_its_ties() -> None:
    assert majority_label(["satire", "opinion", "opinion", "reporting"]) == "opinion"
    assert majority_label(["satire", "reporting"]) == "reporting"
    with pytest.raises(InputError, match="no labels"):
        majority_label([])


def test_floors_constant_labels_by_hand() -> None:
    rows = [{"Doubt"}, {"Doubt"}, {"Doubt", "Slogans"}, set()]

    # {Doubt}: 2*3/(4+4) = 0.75; adding Slogans: 2*4/(8+4) = 0.67, so stop
    assert learn_constant_labels(rows, LABELS) == ["Doubt"]
    assert learn_constant_labels([set(), set()], LABELS) == []


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_floors_constant_labels_equal_the_naive_greedy(seed: int) -> None:
    rng = random.Random(seed)
    rates = {label: rng.uniform(0.05, 0.8) for label in LABELS}
    rows = {str(i): {x for x in LABELS if rng.random() < rates[x]} for i in range(60)}

    assert learn_constant_labels(rows.values(), LABELS) == _naive_greedy(rows, LABELS)


def test_floors_constant_labels_ignore_labels_outside_the_list() -> None:
    rows = [{"Retired_Technique"}] * 5 + [{"Doubt"}] * 2

    assert learn_constant_labels(rows, LABELS) == ["Doubt"]
    assert learn_constant_labels(rows) == ["Retired_Technique"]


def test_floors_paragraph_spans_cover_the_trimmed_paragraph() -> None:
    paragraphs = {("9", 1): set(), ("9", 3): {"Slogans", "Doubt"}, ("9", 5): set()}

    spans = paragraph_spans(paragraphs, {"9": TEXT})

    assert [TEXT[s:e] for _, s, e in spans["9"]] == ["Officials blame the weather."] * 2
    assert [t for t, _, _ in spans["9"]] == ["Doubt", "Slogans"]
    with pytest.raises(InputError, match="no non-blank line 2"):
        paragraph_spans({("9", 2): {"Doubt"}}, {"9": TEXT})
    with pytest.raises(InputError, match="no text for article 8"):
        paragraph_spans({("8", 1): {"Doubt"}}, {"9": TEXT})


def _gold() -> SemevalSplit:
    start = TEXT.index("blame the mayor")
    return SemevalSplit(
        lang="xx",
        split="train",
        articles={"9": TEXT, "10": TEXT},
        genre={"9": "opinion", "10": "reporting"},
        frames={"9": {"Political"}, "10": {"Political", "Economic"}},
        paragraphs={
            ("9", 1): set(),
            ("9", 3): {"Doubt"},
            ("9", 5): {"Doubt", "Slogans"},
            ("10", 1): set(),
            ("10", 3): set(),
            ("10", 5): {"Doubt"},
        },
        spans={"9": [("Doubt", start, start + len("blame the mayor"))], "10": []},
        labelled=frozenset({"genre", "frames", "techniques", "spans"}),
    )


def test_floors_learnt_from_a_training_split() -> None:
    floors = learn_floors(_gold())

    assert floors.frames == ("Political", "Economic")  # Economic in 1 of 2: 0.5 > 0.8 / 2
    assert floors.techniques == ("Doubt",)
    assert floors.genre == "opinion"  # tie with reporting, broken alphabetically
    assert learn_floors(SemevalSplit(lang="xx")) == LanguageFloors(None, None, None)


def test_floors_report_puts_every_score_beside_its_floor() -> None:
    gold = _gold()
    start = TEXT.index("the mayor")
    predicted = SemevalSplit(
        lang="xx",
        genre={"9": "opinion", "10": "opinion"},
        frames={"9": {"Political"}, "10": {"Political"}},
        paragraphs={**constant_predictions(gold.paragraphs, []), ("9", 5): {"Doubt"}},
        spans={"9": [("Doubt", start, start + len("the mayor"))]},
    )
    floors = {"xx": LanguageFloors("opinion", ("Political",), ("Doubt",))}

    report = semeval_report({"xx": gold}, {"xx": predicted}, floors)

    assert set(report) == {"subtask1", "subtask2", "subtask3"}
    genre = report["subtask1"]["xx"]
    assert genre == {"macro_f1": 0.3333, "floor": 0.3333, "floor_label": "opinion", "n_articles": 2}
    frames = report["subtask2"]["xx"]
    assert frames["micro_f1"] == frames["floor"] == 0.8
    assert frames["per_label"]["Economic"]["support"] == 1
    assert frames["n_articles"] == 2
    techniques = report["subtask3"]["xx"]
    assert techniques["micro_f1"] == 0.4  # 1 TP, 0 FP, 3 FN
    assert techniques["floor"] == round(2 * 3 / (2 * 3 + 3 + 1), 4)
    assert techniques["n_paragraphs"] == 6
    assert techniques["span_f1"] == round(2 * 1.0 * 0.6 / 1.6, 4)
    assert 0 < techniques["span_floor"] < techniques["span_f1"]
    # The one correct decision given its gold span finds all the gold evidence there is.
    assert techniques["span_ceiling"] == 1.0
    assert techniques["per_label"]["Doubt"] == {
        "precision": 1.0,
        "recall": 0.3333,
        "f1": 0.5,
        "support": 3,
        "predicted": 1,
    }
    json.dumps(report)


def test_floors_report_skips_what_is_not_there() -> None:
    gold = _gold()
    gold.labelled = frozenset({"techniques"})
    predicted = SemevalSplit(lang="xx", paragraphs=constant_predictions(gold.paragraphs, []))

    report = semeval_report({"xx": gold, "yy": gold}, {"xx": predicted}, floors={})

    assert set(report) == {"subtask3"}
    assert set(report["subtask3"]) == {"xx"}
    block = report["subtask3"]["xx"]
    assert block["floor"] is None and block["span_f1"] is None and block["span_floor"] is None
    assert block["span_ceiling"] is None
