r"""Reader for the SemEval-2023 Task 3 data layout, and the fixed validation carve-out.

The organisers' layout, for any split name (``train``, ``dev``, ``test``, ...)::

    DIR/<lang>/<split>-articles-subtask-{1,2,3}/article<ID>.txt
    DIR/<lang>/<split>-labels-subtask-1.txt        id<TAB>genre
    DIR/<lang>/<split>-labels-subtask-2.txt        id<TAB>frame,frame,...
    DIR/<lang>/<split>-labels-subtask-3.txt        id<TAB>paragraph<TAB>technique,...
    DIR/<lang>/<split>-labels-subtask-3.template   id<TAB>paragraph<TAB>paragraph text
    DIR/<lang>/<split>-labels-subtask-3-spans/article<ID>-labels-subtask-3.txt
                                                   id<TAB>technique<TAB>start<TAB>end

Every part is optional: the reader loads what is there and records in
:attr:`SemevalSplit.labelled` which gold it found, so an unlabelled test split reads as well as
a labelled training split. Quirks of the released files that shape this code:

* A paragraph number is the 1-based line number in the article file, lines split at ``"\n"``
  (line 1 is the title, line 2 is blank).
* Article files are decoded without newline translation. Most non-English files use
  ``"\r\n"`` and the span offsets count the ``"\r"``: read with universal newlines, 1-3% of the
  spans of those languages would land on the wrong characters.
* In fr/ge/it/po/ru train, each article's rows in the merged ``.template`` lack a final newline,
  so the next article's first row is glued to the end of a paragraph text. Rows are therefore
  recovered by pattern and keyed on (article id, paragraph), never matched by line position.
* The three article folders hold different article sets, and some ids have slightly different
  texts in them (sentence breaks, ``"\r\n"``). :attr:`SemevalSplit.articles` keeps the subtask-3
  text where there is one, because the span offsets and paragraph numbers refer to it.
"""

from __future__ import annotations

import math
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from presslens.errors import DataError, InputError
from presslens.evaluate.labels import FRAMES, TECHNIQUES, LabelInventory

#: (article id, paragraph number): the unit subtask 3 is scored on.
ParagraphKey = tuple[str, int]
#: (technique, start, end): a character range into the article text, end exclusive.
SpanTuple = tuple[str, int, int]
#: The kinds of gold a split can hold.
Gold = Literal["genre", "frames", "techniques", "spans"]

#: Where the shared data sets live, relative to the repository root.
DEFAULT_DATA_DIR = Path("../shared/data")
#: The SemEval-2023 Task 3 layout inside the shared data folder.
SEMEVAL_SUBDIR = Path("semeval2023-task3") / "data"

#: SemEval language folder name -> ISO 639-1 code (the folders say ge, po, gr for de, pl, el).
ISO_LANGUAGE: Mapping[str, str] = {
    "en": "en",
    "fr": "fr",
    "ge": "de",
    "it": "it",
    "po": "pl",
    "ru": "ru",
    "es": "es",
    "gr": "el",
    "ka": "ka",
}

#: Share of each language's eligible training articles held out for validation.
VALIDATION_FRACTION = 0.15
#: Seed of the validation carve-out; changing it changes every reported validation number.
VALIDATION_SEED = 2023

_ARTICLE_FILE = re.compile(r"article(\d+)\.txt")
_SPAN_FILE = re.compile(r"article(\d+)-labels-subtask-3\.txt")
_TEMPLATE_ROW_START = re.compile(r"(\d+)\t(\d+)(?:\t|$)")
_GLUED_TEMPLATE_ROW = re.compile(r"(\d+)\t(\d+)\t")


@dataclass(slots=True)
class SemevalSplit:
    """One language of one split: the article texts and whatever gold the files hold.

    ``paragraphs`` has a key for every paragraph of the labels file and of the template, with
    an empty set where the paragraph has no technique (or where no labels were released, see
    ``labelled``). ``spans`` lists each article's technique spans as character ranges into
    ``articles[id]``. The same shape serves for predictions: a model's output for a language
    is a SemevalSplit whose label dicts hold predicted labels.
    """

    lang: str
    split: str = ""
    articles: dict[str, str] = field(default_factory=dict)
    genre: dict[str, str] = field(default_factory=dict)
    frames: dict[str, set[str]] = field(default_factory=dict)
    paragraphs: dict[ParagraphKey, set[str]] = field(default_factory=dict)
    spans: dict[str, list[SpanTuple]] = field(default_factory=dict)
    labelled: frozenset[Gold] = frozenset()

    def article_ids(self) -> set[str]:
        """Every article id that has a text or any label in this split."""
        ids = set(self.articles) | set(self.genre) | set(self.frames) | set(self.spans)
        ids.update(article_id for article_id, _ in self.paragraphs)
        return ids

    def subset(self, ids: Iterable[str]) -> SemevalSplit:
        """A copy restricted to the articles ``ids`` (ids not in the split are ignored)."""
        keep = set(ids)
        return SemevalSplit(
            lang=self.lang,
            split=self.split,
            articles={k: v for k, v in self.articles.items() if k in keep},
            genre={k: v for k, v in self.genre.items() if k in keep},
            frames={k: set(v) for k, v in self.frames.items() if k in keep},
            paragraphs={k: set(v) for k, v in self.paragraphs.items() if k[0] in keep},
            spans={k: list(v) for k, v in self.spans.items() if k in keep},
            labelled=self.labelled,
        )

    def partition(self, ids: Iterable[str]) -> tuple[SemevalSplit, SemevalSplit]:
        """(the rest, the articles ``ids``): e.g. training and validation sides of a carve-out."""
        chosen = set(ids)
        return self.subset(self.article_ids() - chosen), self.subset(chosen)


def semeval_dir(data_dir: Path = DEFAULT_DATA_DIR) -> Path:
    """The folder that holds the language folders.

    Accepts the shared data folder (which has ``semeval2023-task3/data`` inside) or the layout
    folder itself, so callers can pass either the project default or an official bundle.
    """
    nested = data_dir / SEMEVAL_SUBDIR
    root = nested if nested.is_dir() else data_dir
    if not root.is_dir():
        raise DataError(
            f"{data_dir} not found: pass the shared data folder or a SemEval-2023 Task 3 "
            "data folder (the one with en/, fr/, ... inside)"
        )
    return root


def languages(data_dir: Path, split: str) -> list[str]:
    """The language folders that have files of ``split``, sorted."""
    root = semeval_dir(data_dir)
    return sorted(d.name for d in root.iterdir() if d.is_dir() and _has_split(d, split))


def load_split(data_dir: Path, lang: str, split: str) -> SemevalSplit:
    """Texts and gold of one language of one split (``train``, ``dev``, ``test``, ...)."""
    lang_dir = semeval_dir(data_dir) / lang
    if not lang_dir.is_dir() or not _has_split(lang_dir, split):
        present = ", ".join(languages(data_dir, split)) or "none"
        raise DataError(
            f"no {split!r} files for language {lang!r} in {lang_dir.parent} "
            f"(languages with that split: {present})"
        )
    result = SemevalSplit(lang=lang, split=split, articles=_read_articles(lang_dir, split))
    labelled: set[Gold] = set()
    genre_file = lang_dir / f"{split}-labels-subtask-1.txt"
    if genre_file.is_file():
        result.genre = _read_genre(genre_file)
        labelled.add("genre")
    frames_file = lang_dir / f"{split}-labels-subtask-2.txt"
    if frames_file.is_file():
        result.frames = _read_frames(frames_file)
        labelled.add("frames")
    techniques_file = lang_dir / f"{split}-labels-subtask-3.txt"
    if techniques_file.is_file():
        result.paragraphs = _read_paragraph_labels(techniques_file)
        labelled.add("techniques")
    template_file = lang_dir / f"{split}-labels-subtask-3.template"
    if template_file.is_file():
        known_ids = set(result.articles) | {article_id for article_id, _ in result.paragraphs}
        for key in _read_template_keys(template_file, known_ids):
            result.paragraphs.setdefault(key, set())
    spans_dir = lang_dir / f"{split}-labels-subtask-3-spans"
    if spans_dir.is_dir():
        result.spans = _read_spans(spans_dir)
        labelled.add("spans")
    result.labelled = frozenset(labelled)
    return result


def load_splits(data_dir: Path, split: str) -> dict[str, SemevalSplit]:
    """:func:`load_split` for every language that has ``split``."""
    return {lang: load_split(data_dir, lang, split) for lang in languages(data_dir, split)}


def label_inventory(data_dir: Path) -> LabelInventory:
    """The frame and technique lists from the bundle's ``scorers/`` folder, else the built-in ones.

    The official scorers binarise over these files, so when a bundle ships its own list (the
    organisers planned per-language technique lists) the scores must use it.
    """
    scorers = semeval_dir(data_dir).parent / "scorers"
    return LabelInventory(
        frames=_read_label_list(scorers / "frames_subtask2.txt") or FRAMES,
        techniques=_read_label_list(scorers / "techniques_subtask3.txt") or TECHNIQUES,
    )


def paragraph_offsets(text: str) -> dict[int, tuple[int, int]]:
    r"""Character range of every non-blank line, by SemEval paragraph number.

    Lines are split at ``"\n"`` only, as the paragraph numbers of the data are; each range is
    trimmed of surrounding whitespace (a trailing ``"\r"`` included), so it covers the words.
    """
    offsets: dict[int, tuple[int, int]] = {}
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped:
            left = start + len(line) - len(line.lstrip())
            offsets[number] = (left, left + len(stripped))
        start += len(line) + 1
    return offsets


def is_ptc_article(lang: str, article_id: str) -> bool:
    """True for English articles re-annotated from the SemEval-2020 Task 11 (PTC) corpus.

    Rule, checked against the v4 English training ids: ids ``1111111NN`` and nine-digit ids
    starting 69 to 79 are PTC (2017-2019 news with many more technique spans per article); the
    other English ids (81..., 82..., 83..., 99...) are the 2022 articles that resemble the
    official dev and test sets.
    """
    if lang != "en":
        return False
    return article_id.startswith("1111111") or (
        len(article_id) == 9 and "69" <= article_id[:2] <= "79"
    )


def carve_validation(
    splits: Mapping[str, SemevalSplit],
    fraction: float = VALIDATION_FRACTION,
    seed: int = VALIDATION_SEED,
) -> dict[str, set[str]]:
    """Validation article ids per language, carved from training data the same way everywhere.

    Takes ``fraction`` of each language's articles, stratified by genre (articles without a
    genre label form their own stratum) and, in English, by origin: the re-annotated PTC
    articles are 390 of the 453, so leaving them out would leave 9 English validation
    articles, too few to measure anything. Stratifying keeps the 2022 articles (which resemble
    the official dev and test sets) in the same proportion on both sides, and ``evaluate``
    also reports them alone (``en-2022``). Ids are sorted before a
    per-language ``random.Random`` shuffles them, so the result depends only on the ids, the
    fraction and the seed: the same on every machine and for every caller.
    """
    if not 0.0 < fraction < 1.0:
        raise InputError(f"validation fraction must be between 0 and 1, got {fraction}")
    return {lang: _carve_language(split, fraction, seed) for lang, split in splits.items()}


def _carve_language(split: SemevalSplit, fraction: float, seed: int) -> set[str]:
    strata: dict[str, list[str]] = defaultdict(list)
    for article_id in sorted(split.article_ids()):
        origin = "ptc" if is_ptc_article(split.lang, article_id) else ""
        strata[f"{split.genre.get(article_id, '')}:{origin}"].append(article_id)
    total = sum(len(ids) for ids in strata.values())
    quotas = _allocate(math.floor(fraction * total + 0.5), {k: len(v) for k, v in strata.items()})
    rng = random.Random(f"{seed}:{split.lang}")
    chosen: set[str] = set()
    for stratum in sorted(strata):
        ids = strata[stratum]
        rng.shuffle(ids)
        chosen.update(ids[: quotas[stratum]])
    return chosen


def _allocate(total: int, sizes: Mapping[str, int]) -> dict[str, int]:
    """Split ``total`` over strata in proportion to their sizes (largest remainder method)."""
    population = sum(sizes.values())
    if population == 0:
        return dict.fromkeys(sizes, 0)
    exact = {k: total * n / population for k, n in sizes.items()}
    quotas = {k: math.floor(x) for k, x in exact.items()}
    by_remainder = sorted(sizes, key=lambda k: (-(exact[k] - quotas[k]), -sizes[k], k))
    for k in by_remainder[: total - sum(quotas.values())]:
        quotas[k] += 1
    return quotas


def _has_split(lang_dir: Path, split: str) -> bool:
    prefixes = (f"{split}-articles-subtask-", f"{split}-labels-subtask-")
    return any(p.name.startswith(prefixes) for p in lang_dir.iterdir())


def _read_text(path: Path) -> str:
    """File text exactly as stored: UTF-8, no newline translation (offsets count ``\\r``)."""
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataError(
            f"{path} is not UTF-8 ({error.reason} at byte {error.start}); the SemEval files "
            "are UTF-8, so this copy is damaged: restore it from the bundle"
        ) from error


def _lines(path: Path) -> Iterator[tuple[str, str]]:
    """(``path:line`` for messages, line) for each non-blank line, trailing whitespace removed.

    Stripping trailing tabs follows the official scorers, which read ``id<TAB>`` and ``id`` alike.
    """
    for number, line in enumerate(_read_text(path).split("\n"), 1):
        line = line.rstrip()
        if line:
            yield f"{path}:{number}", line


def _rows(path: Path, min_cols: int, max_cols: int, shape: str) -> Iterator[tuple[str, list[str]]]:
    for where, line in _lines(path):
        cols = line.split("\t")
        if not min_cols <= len(cols) <= max_cols:
            raise DataError(f"{where}: expected {shape}, found {len(cols)} tab-separated columns")
        yield where, cols


def _int(value: str, where: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise DataError(f"{where}: expected a whole number, found {value!r}") from None


def _label_set(field_text: str) -> set[str]:
    return {label.strip() for label in field_text.split(",") if label.strip()}


def _read_label_list(path: Path) -> tuple[str, ...]:
    if not path.is_file():
        return ()
    return tuple(line for _, line in _lines(path))


def _read_articles(lang_dir: Path, split: str) -> dict[str, str]:
    texts: dict[str, str] = {}
    for subtask in (3, 2, 1):  # the first text found for an id wins: subtask 3's if any
        folder = lang_dir / f"{split}-articles-subtask-{subtask}"
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            match = _ARTICLE_FILE.fullmatch(path.name)
            if match and match[1] not in texts:
                texts[match[1]] = _read_text(path)
    return texts


def _read_genre(path: Path) -> dict[str, str]:
    return {cols[0]: cols[1] for _, cols in _rows(path, 2, 2, "id<TAB>genre")}


def _read_frames(path: Path) -> dict[str, set[str]]:
    rows = _rows(path, 1, 2, "id<TAB>frame,frame,...")
    return {cols[0]: _label_set(cols[1]) if len(cols) > 1 else set() for _, cols in rows}


def _read_paragraph_labels(path: Path) -> dict[ParagraphKey, set[str]]:
    labels: dict[ParagraphKey, set[str]] = {}
    for where, cols in _rows(path, 2, 3, "id<TAB>paragraph<TAB>technique,..."):
        labels[(cols[0], _int(cols[1], where))] = _label_set(cols[2]) if len(cols) > 2 else set()
    return labels


def _read_template_keys(path: Path, known_ids: set[str]) -> set[ParagraphKey]:
    """(id, paragraph) of every template row, including rows glued to the previous line.

    A glued row shows up as ``...paragraph text<ID><TAB><N><TAB>`` inside a line. Its id is
    the longest run of trailing digits that is a known article id, because the paragraph text
    before it may itself end in digits; unknown ids are left alone rather than guessed.
    """
    keys: set[ParagraphKey] = set()
    for where, line in _lines(path):
        first = _TEMPLATE_ROW_START.match(line)
        if first is None:
            raise DataError(f"{where}: expected id<TAB>paragraph<TAB>text")
        keys.add((first[1], int(first[2])))
        for glued in _GLUED_TEMPLATE_ROW.finditer(line, first.end()):
            digits = glued[1]
            suffixes = (digits[i:] for i in range(len(digits)))
            article_id = next((s for s in suffixes if s in known_ids), None)
            if article_id is not None:
                keys.add((article_id, int(glued[2])))
    return keys


def _read_spans(folder: Path) -> dict[str, list[SpanTuple]]:
    spans: dict[str, list[SpanTuple]] = {}
    for path in sorted(folder.iterdir()):
        match = _SPAN_FILE.fullmatch(path.name)
        if match is None:
            continue
        article_spans = spans.setdefault(match[1], [])
        for where, cols in _rows(path, 4, 4, "id<TAB>technique<TAB>start<TAB>end"):
            if cols[0] != match[1]:
                raise DataError(f"{where}: article id {cols[0]} in the file of article {match[1]}")
            article_spans.append((cols[1], _int(cols[2], where), _int(cols[3], where)))
    return spans
