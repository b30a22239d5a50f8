"""TempEval-3 task A time-expression scoring of :mod:`presslens.events.dates` on TimeML files.

The data is the TBAQ-cleaned corpus (TimeBank + AQUAINT ``.tml`` files): each document has a
creation time (DCT) and gold ``TIMEX3`` tags with TimeML values. We tag the plain text of the
``TEXT`` element, anchored on the DCT, and score as TempEval-3 does:

* relaxed span match: a system timex matches a gold timex when they share a character (each gold
  and each system timex is matched at most once, largest overlap first);
* value F1: a matched pair is value-correct when the two VALUE strings are equal; precision is
  over all system timexes and recall over all gold timexes (the DCT itself is not scored).

There is no official split of this corpus here, so a fixed 20 % of the files (by a hash of the
file name) is held out for validation; the rules were developed on the other 80 % only.

The floor is a trivial tagger scored the same way: every 4-digit number from 1800 to 2099 is
tagged as a year with itself as the value.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from presslens.errors import DataError
from presslens.events.dates import find_timexes

#: Share of files (in percent) held out for validation.
VALIDATION_PERCENT = 20

Split = Literal["train", "validation", "all"]
_FLOOR_YEAR = re.compile(r"(?<![0-9])(?:18|19|20)[0-9]{2}(?![0-9])")


@dataclass(frozen=True, slots=True)
class Tagged:
    """A time expression as a character range into the document text, with its value."""

    start: int
    end: int
    value: str


@dataclass(frozen=True, slots=True)
class TimemlDocument:
    name: str
    dct: dt.date
    text: str
    gold: list[Tagged]


def is_validation(name: str) -> bool:
    """True for the fixed 20 % of files held out for validation (by file name, not path)."""
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
    return int(digest[:8], 16) % 100 < VALIDATION_PERCENT


def _flatten(element: ET.Element, parts: list[str], gold: list[Tagged], offset: int) -> int:
    """Append the text under ``element`` to ``parts``, recording TIMEX3 ranges; new offset."""
    start = offset
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _flatten(child, parts, gold, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3" and offset > start:
        gold.append(Tagged(start, offset, element.get("value", "")))
    return offset


def read_timeml(path: Path) -> TimemlDocument:
    """The plain text of a ``.tml`` file's TEXT element, its DCT and its gold timexes."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise DataError(f"{path} is not well-formed TimeML ({exc})") from exc
    dct_timex = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct_timex is None or body is None:
        raise DataError(f"{path} has no DCT or TEXT element: expected TempEval-3 TimeML")
    try:
        dct = dt.date.fromisoformat(dct_timex.get("value", "")[:10])
    except ValueError as exc:
        raise DataError(f"{path}: DCT value {dct_timex.get('value')!r} is not a date") from exc
    parts: list[str] = []
    gold: list[Tagged] = []
    body_text = body.text or ""
    parts.append(body_text)
    offset = len(body_text)
    for child in body:
        offset = _flatten(child, parts, gold, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return TimemlDocument(path.name, dct, "".join(parts), gold)


def timeml_files(data_dir: Path, split: Split = "all") -> list[Path]:
    """The ``.tml`` files under ``data_dir`` in ``split``, sorted by path."""
    if not data_dir.is_dir():
        raise DataError(f"{data_dir} not found: pass the folder holding the TempEval-3 .tml files")
    files = sorted(data_dir.rglob("*.tml"))
    if not files:
        raise DataError(f"no .tml files under {data_dir}: expected TimeBank/AQUAINT TimeML")
    if split == "all":
        return files
    return [f for f in files if is_validation(f.name) == (split == "validation")]


def _match(system: Sequence[Tagged], gold: Sequence[Tagged]) -> list[tuple[Tagged, Tagged]]:
    """One-to-one relaxed matches, pairs with the largest overlap first."""
    pairs = [
        (min(s.end, g.end) - max(s.start, g.start), i, j)
        for i, s in enumerate(system)
        for j, g in enumerate(gold)
        if min(s.end, g.end) > max(s.start, g.start)
    ]
    pairs.sort(reverse=True)
    used_s: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for _, i, j in pairs:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            matched.append((system[i], gold[j]))
    return matched


@dataclass(slots=True)
class _Counts:
    system: int = 0
    gold: int = 0
    matched: int = 0
    value_correct: int = 0

    def add(self, system: Sequence[Tagged], gold: Sequence[Tagged]) -> None:
        pairs = _match(system, gold)
        self.system += len(system)
        self.gold += len(gold)
        self.matched += len(pairs)
        self.value_correct += sum(s.value == g.value for s, g in pairs)

    def scores(self, correct: int) -> tuple[float, float, float]:
        precision = correct / self.system if self.system else 0.0
        recall = correct / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def system_timexes(document: TimemlDocument) -> list[Tagged]:
    """What presslens tags in ``document`` (English rules, anchored on its DCT)."""
    return [
        Tagged(t.span.start, t.span.end, t.value)
        for t in find_timexes(document.text, document.dct, "en")
    ]


def floor_timexes(document: TimemlDocument) -> list[Tagged]:
    """The trivial tagger: every 4-digit number 1800-2099 is a year valued as itself."""
    return [Tagged(m.start(), m.end(), m.group()) for m in _FLOOR_YEAR.finditer(document.text)]


def evaluate_tempeval(
    data_dir: Path, files: Iterable[Path] | None = None, split: Split = "all"
) -> dict[str, float | int | str]:
    """TempEval-3 timex scores of the date rules on the ``.tml`` files of ``data_dir``.

    ``files`` restricts the run to those paths; otherwise ``split`` picks the held-out
    validation files, the development files, or all of them.
    """
    paths = list(files) if files is not None else timeml_files(data_dir, split)
    ours, floor = _Counts(), _Counts()
    for path in paths:
        document = read_timeml(path)
        ours.add(system_timexes(document), document.gold)
        floor.add(floor_timexes(document), document.gold)
    precision, recall, f1 = ours.scores(ours.value_correct)
    _, _, span_f1 = ours.scores(ours.matched)
    return {
        "split": split if files is None else "files",
        "n_docs": len(paths),
        "n_gold": ours.gold,
        "n_system": ours.system,
        "timex_value_f1": round(f1, 4),
        "timex_value_precision": round(precision, 4),
        "timex_value_recall": round(recall, 4),
        "timex_span_f1_relaxed": round(span_f1, 4),
        "value_floor": round(floor.scores(floor.value_correct)[2], 4),
        "floor_rule": "every 4-digit number 1800-2099 tagged as a year valued as itself",
    }
