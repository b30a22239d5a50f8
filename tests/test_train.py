"""`presslens train` and `presslens evaluate` end to end on a tiny corpus we make up.

A fake encoder (bag of hashed words) stands in for the sentence encoder so the test is fast
and the labels are learnable; the code paths are the real ones.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from presslens import embed
from presslens.cli import main
from presslens.train import micro_f1, tune_thresholds

pytest.importorskip("sklearn")

GENRES = ("opinion", "reporting", "satire")
CUES = {"Loaded_Language": "outrageous", "Doubt": "supposedly", "Flag_Waving": "homeland"}
FILLER = [
    "the",
    "council",
    "met",
    "on",
    "monday",
    "to",
    "discuss",
    "the",
    "budget",
    "and",
    "the",
    "roads",
]


def _fake_encode(texts: Sequence[str]) -> np.ndarray:
    out = np.zeros((len(texts), embed.DIM), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in text.lower().split():
            out[i, zlib.crc32(word.strip(".,!?").encode()) % embed.DIM] += 1.0
        out[i] /= max(1.0, float(np.linalg.norm(out[i])))
    return out


def _write_corpus(root: Path, lang: str, n: int, rng: np.random.Generator) -> None:
    folder = root / lang
    (folder / "train-articles-subtask-3").mkdir(parents=True)
    (folder / "train-labels-subtask-3-spans").mkdir()
    genre_rows, frame_rows, para_rows, template = [], [], [], []
    for k in range(n):
        aid = f"{(lang == 'en' and 9) or 8}{k:05d}"
        genre = GENRES[k % 3]
        lines, spans = [f"Title {k} {genre}", ""], []
        for p in range(6):
            labels = [t for t in CUES if rng.random() < 0.3]
            words = list(rng.choice(FILLER, 8)) + [CUES[t] for t in labels]
            lines.append(" ".join(words) + ".")
            para_rows.append(f"{aid}\t{p + 3}\t{','.join(labels)}")
            template.append(f"{aid}\t{p + 3}\t{lines[-1]}")
            offset = sum(len(line) + 1 for line in lines[:-1])
            for t in labels:
                start = offset + lines[-1].index(CUES[t])
                spans.append(f"{aid}\t{t}\t{start}\t{start + len(CUES[t])}")
        text = "\n".join(lines) + "\n"
        (folder / "train-articles-subtask-3" / f"article{aid}.txt").write_text(text)
        (folder / "train-labels-subtask-3-spans" / f"article{aid}-labels-subtask-3.txt").write_text(
            "\n".join(spans) + "\n"
        )
        genre_rows.append(f"{aid}\t{genre}")
        frame_rows.append(f"{aid}\t{'Economic' if genre == 'reporting' else 'Political'}")
    (folder / "train-labels-subtask-1.txt").write_text("\n".join(genre_rows) + "\n")
    (folder / "train-labels-subtask-2.txt").write_text("\n".join(frame_rows) + "\n")
    (folder / "train-labels-subtask-3.txt").write_text("\n".join(para_rows) + "\n")
    (folder / "train-labels-subtask-3.template").write_text("\n".join(template) + "\n")


def test_train_threshold_tuning_beats_the_default() -> None:
    rng = np.random.default_rng(0)
    gold = rng.random((400, 3)) < 0.2
    scores = np.clip(gold * 0.3 + rng.random((400, 3)) * 0.4, 0, 1)  # positives score higher

    tuned = tune_thresholds(scores, gold)

    assert micro_f1(scores >= tuned, gold) > micro_f1(scores >= 0.5, gold)


def test_train_and_evaluate_end_to_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(embed, "encode", _fake_encode)
    rng = np.random.default_rng(1)
    data = tmp_path / "data"
    for lang in ("en", "ru"):
        _write_corpus(data, lang, 30, rng)

    assert (
        main(["train", "--data", str(data), "--out", str(tmp_path / "model"), "--seed", "3"]) == 0
    )

    card = (tmp_path / "model" / "persuasion.md").read_text()
    assert "Seed**: 3" in card and "| en |" in card and "| ru |" in card
    capsys.readouterr()
    args = ["evaluate", "--data", str(data), "--split", "train", "--validation"]
    assert main([*args, "--model", str(tmp_path / "model"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    techniques = report["subtask3"]["en"]
    assert techniques["micro_f1"] > techniques["floor"]  # cue words are learnable
    assert 0 <= techniques["span_floor"] <= techniques["span_ceiling"] <= 1
    assert set(report["subtask1"]["ru"]) >= {"macro_f1", "floor"}
