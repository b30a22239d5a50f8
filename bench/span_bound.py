"""How far above the whole-paragraph span floor any evidence can rise, per language.

The span floor gives each predicted (paragraph, technique) its whole paragraph as evidence.
With the *gold* paragraph decisions, the floor's recall is 1 and its precision is the share of
a paragraph the gold spans cover; the best evidence scores 1.0. So a perfect system, right on
every paragraph and every word, scores only 1 / floor times its own floor. This prints that
ratio per language, on the validation split and on all training articles: where it is below 3,
"span F1 three times the floor" can be met only by deciding paragraphs worse.

    .venv/bin/python bench/span_bound.py [--data ../shared/data/semeval2023-task3/data]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from presslens.evaluate.floors import paragraph_spans
from presslens.evaluate.metrics import span_scores
from presslens.evaluate.semeval import carve_validation, load_splits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/semeval2023-task3/data"))
    args = parser.parse_args()
    splits = load_splits(args.data, "train")
    held_out = carve_validation(splits)
    report = {}
    for lang, split in sorted(splits.items()):
        if not split.spans:
            continue
        for name, part in (("validation", split.partition(held_out[lang])[1]), ("all", split)):
            floor = span_scores(part.spans, paragraph_spans(part.paragraphs, part.articles))
            report[f"{lang}/{name}"] = {
                "gold_decision_floor": round(floor.f1, 3),
                "perfect_system_ratio": round(1 / floor.f1, 2),
            }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
