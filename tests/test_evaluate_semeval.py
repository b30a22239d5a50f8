"""SemEval-2023 Task 3 reader, validation carve-out and prediction writers, on made-up files."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslens.errors import DataError, InputError
from presslens.evaluate.formats import write_frames, write_genre, write_techniques
from presslens.evaluate.labels import FRAMES, TECHNIQUES
from presslens.evaluate.semeval import (
    SemevalSplit,
    carve_validation,
    is_ptc_article,
    label_inventory,
    languages,
    load_split,
    load_splits,
    paragraph_offsets,
    semeval_dir,
)

# Two invented articles. 501 uses Windows line ends, as most non-English files do; its last
# paragraph ends in digits, which matters when a template row is glued to it.
HARBOUR = (
    "Harbour plan splits the town\r\n"
    "\r\n"
    "The council says the new harbour will bring jobs.\r\n"
    "\r\n"
    "Critics call it a reckless gamble that will sink us by 2024\r\n"
)
BAKERY = "Bakery wins prize\n\nThe bakery on Elm Street won a regional prize.\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _labelled_layout(root: Path, split: str = "train", lang: str = "xx") -> Path:
    """A complete labelled split with a glued template, as in the real fr/ge/it/po/ru train."""
    base = root / lang
    _write(base / f"{split}-articles-subtask-1" / "article501.txt", HARBOUR.replace("\r\n", "\n"))
    _write(base / f"{split}-articles-subtask-2" / "article502.txt", BAKERY)
    for article_id, text in (("501", HARBOUR), ("502", BAKERY)):
        _write(base / f"{split}-articles-subtask-3" / f"article{article_id}.txt", text)
    _write(base / f"{split}-labels-subtask-1.txt", "501\topinion\n")
    _write(base / f"{split}-labels-subtask-2.txt", "501\tEconomic,Political\n502\t\n")
    _write(
        base / f"{split}-labels-subtask-3.txt",
        "501\t1\t\n501\t3\tAppeal_to_Authority\n501\t5\tLoaded_Language,Appeal_to_Fear-Prejudice\n"
        "502\t1\t\n502\t3\t\n",
    )
    _write(
        base / f"{split}-labels-subtask-3.template",
        "501\t1\tHarbour plan splits the town\n"
        "501\t3\tThe council says the new harbour will bring jobs.\n"
        "501\t5\tCritics call it a reckless gamble that will sink us by 2024"
        "502\t1\tBakery wins prize\n"
        "502\t3\tThe bakery on Elm Street won a regional prize.",
    )
    start, end = _span(HARBOUR, "reckless gamble")
    _write(
        base / f"{split}-labels-subtask-3-spans" / "article501-labels-subtask-3.txt",
        f"501\tLoaded_Language\t{start}\t{end}\n",
    )
    _write(base / f"{split}-labels-subtask-3-spans" / "article502-labels-subtask-3.txt", "")
    return root


def test_semeval_reads_every_part_of_a_labelled_split(tmp_path: Path) -> None:
    split = load_split(_labelled_layout(tmp_path), "xx", "train")

    assert split.labelled == {"genre", "frames", "techniques", "spans"}
    assert split.genre == {"501": "opinion"}
    assert split.frames == {"501": {"Economic", "Political"}, "502": set()}
    assert split.paragraphs[("501", 5)] == {"Loaded_Language", "Appeal_to_Fear-Prejudice"}
    assert split.paragraphs[("502", 3)] == set()
    assert len(split.paragraphs) == 5
    assert split.article_ids() == {"501", "502"}


def test_semeval_span_offsets_count_carriage_returns(tmp_path: Path) -> None:
    split = load_split(_labelled_layout(tmp_path), "xx", "train")

    technique, start, end = split.spans["501"][0]
    assert technique == "Loaded_Language"
    assert split.articles["501"][start:end] == "reckless gamble"
    assert split.spans["502"] == []
    # The subtask-3 text wins over the subtask-1 copy without "\r".
    assert "\r\n" in split.articles["501"]


def test_semeval_paragraph_numbers_are_line_numbers(tmp_path: Path) -> None:
    split = load_split(_labelled_layout(tmp_path), "xx", "train")
    text = split.articles["501"]

    offsets = paragraph_offsets(text)

    assert set(offsets) == {1, 3, 5}
    start, end = offsets[5]
    assert text[start:end] == "Critics call it a reckless gamble that will sink us by 2024"
    assert {k for k in split.paragraphs if k[0] == "501"} == {("501", n) for n in offsets}


def test_semeval_recovers_glued_template_rows_without_labels(tmp_path: Path) -> None:
    root = _labelled_layout(tmp_path, split="test")
    for name in ("1.txt", "2.txt", "3.txt"):
        (root / "xx" / f"test-labels-subtask-{name}").unlink()

    split = load_split(root, "xx", "test")

    # Row "502 1" sits after "...by 2024" on the same line; the id is the known suffix "502".
    assert set(split.paragraphs) == {("501", 1), ("501", 3), ("501", 5), ("502", 1), ("502", 3)}
    assert all(labels == set() for labels in split.paragraphs.values())
    assert split.labelled == {"spans"}


def test_semeval_loads_only_the_parts_present(tmp_path: Path) -> None:
    _write(tmp_path / "yy" / "dev-articles-subtask-1" / "article7.txt", BAKERY)
    _write(tmp_path / "yy" / "dev-labels-subtask-1.txt", "7\treporting\n")

    split = load_split(tmp_path, "yy", "dev")

    assert split.labelled == {"genre"}
    assert split.genre == {"7": "reporting"}
    assert split.paragraphs == {} and split.spans == {} and split.frames == {}


def test_semeval_lists_languages_that_have_the_split(tmp_path: Path) -> None:
    _labelled_layout(tmp_path, lang="aa")
    _labelled_layout(tmp_path, lang="bb", split="test")
    (tmp_path / "cc").mkdir()

    assert languages(tmp_path, "train") == ["aa"]
    assert languages(tmp_path, "test") == ["bb"]
    assert set(load_splits(tmp_path, "train")) == {"aa"}


def test_semeval_finds_the_layout_inside_the_shared_data_folder(tmp_path: Path) -> None:
    layout = tmp_path / "semeval2023-task3" / "data"
    _labelled_layout(layout)

    assert semeval_dir(tmp_path) == layout
    assert load_split(tmp_path, "xx", "train").genre == {"501": "opinion"}


def test_semeval_missing_split_or_folder_is_a_data_error(tmp_path: Path) -> None:
    _labelled_layout(tmp_path)
    _labelled_layout(tmp_path, split="dev", lang="zz")

    with pytest.raises(DataError, match="languages with that split: zz"):
        load_split(tmp_path, "xx", "dev")
    with pytest.raises(DataError, match="not found"):
        languages(tmp_path / "absent", "train")


def test_semeval_malformed_rows_name_file_and_line(tmp_path: Path) -> None:
    _labelled_layout(tmp_path)
    _write(tmp_path / "xx" / "train-labels-subtask-3.txt", "501\t1\t\n501\tthree\tDoubt\n")

    with pytest.raises(DataError, match=r"train-labels-subtask-3\.txt:2: expected a whole number"):
        load_split(tmp_path, "xx", "train")


def test_semeval_non_utf8_article_is_a_data_error(tmp_path: Path) -> None:
    _labelled_layout(tmp_path)
    (tmp_path / "xx" / "train-articles-subtask-3" / "article502.txt").write_bytes(b"caf\xe9\n")

    with pytest.raises(DataError, match="not UTF-8"):
        load_split(tmp_path, "xx", "train")


def test_semeval_label_inventory_prefers_the_bundle_lists(tmp_path: Path) -> None:
    layout = tmp_path / "bundle" / "data"
    _labelled_layout(layout)
    assert label_inventory(layout).techniques == TECHNIQUES

    _write(tmp_path / "bundle" / "scorers" / "techniques_subtask3.txt", "Doubt\nSlogans\n")

    inventory = label_inventory(layout)
    assert inventory.techniques == ("Doubt", "Slogans")
    assert inventory.frames == FRAMES


def test_semeval_subset_and_partition_split_by_article(tmp_path: Path) -> None:
    split = load_split(_labelled_layout(tmp_path), "xx", "train")

    rest, chosen = split.partition({"502"})

    assert chosen.article_ids() == {"502"}
    assert rest.article_ids() == {"501"}
    assert set(chosen.paragraphs) == {("502", 1), ("502", 3)}
    assert chosen.labelled == split.labelled
    chosen.frames["502"].add("Economic")
    assert split.frames["502"] == set()


def test_semeval_ptc_rule_covers_only_english_ptc_ids() -> None:
    assert is_ptc_article("en", "111111115")
    assert is_ptc_article("en", "694512345")
    assert is_ptc_article("en", "799999999")
    assert not is_ptc_article("en", "833042063")
    assert not is_ptc_article("en", "999001234")
    assert not is_ptc_article("it", "711111111")


def _synthetic(lang: str, ids: list[str], genres: list[str]) -> SemevalSplit:
    genre = dict(zip(ids, genres, strict=False))
    return SemevalSplit(lang=lang, genre=genre, frames={i: set() for i in ids})


def test_semeval_carve_is_deterministic_stratified_and_sized() -> None:
    ids = [str(1000 + i) for i in range(100)]
    split = _synthetic("xx", ids, ["opinion"] * 60 + ["reporting"] * 30 + ["satire"] * 10)

    first = carve_validation({"xx": split}, fraction=0.2, seed=5)["xx"]
    again = carve_validation({"xx": split.subset(reversed(ids))}, fraction=0.2, seed=5)["xx"]
    other_seed = carve_validation({"xx": split}, fraction=0.2, seed=6)["xx"]

    assert first == again
    assert first != other_seed
    assert len(first) == 20
    counts = {
        g: sum(split.genre[i] == g for i in first) for g in ("opinion", "reporting", "satire")
    }
    assert counts == {"opinion": 12, "reporting": 6, "satire": 2}


def test_semeval_carve_stratifies_english_by_origin() -> None:
    ptc = [f"7{i:08d}" for i in range(60)]
    fresh = [f"99{i:07d}" for i in range(20)]
    split = _synthetic("en", ptc + fresh, ["opinion"] * 80)

    chosen = carve_validation({"en": split}, fraction=0.15)["en"]

    assert len(chosen) == 12  # 15% of all 80 articles
    assert len(chosen & set(fresh)) == 3  # the 2022 articles keep their share


def test_semeval_carve_of_one_language_ignores_the_others() -> None:
    a = _synthetic("aa", [str(i) for i in range(40)], ["opinion"] * 40)
    b = _synthetic("bb", [str(i) for i in range(30)], ["satire"] * 30)

    together = carve_validation({"aa": a, "bb": b})
    alone = carve_validation({"bb": b})

    assert together["bb"] == alone["bb"]
    with pytest.raises(InputError, match="between 0 and 1"):
        carve_validation({"aa": a}, fraction=1.5)


def test_semeval_prediction_files_read_back_as_gold(tmp_path: Path) -> None:
    base = tmp_path / "xx"
    base.mkdir()
    write_genre(base / "pred-labels-subtask-1.txt", {"12": "satire", "3": "opinion"})
    write_frames(base / "pred-labels-subtask-2.txt", {"3": {"Political", "Economic"}, "12": []})
    paragraphs = {("3", 1): set(), ("3", 3): {"Doubt", "Slogans"}, ("12", 1): {"Doubt"}}
    write_techniques(base / "pred-labels-subtask-3.txt", paragraphs)

    split = load_split(tmp_path, "xx", "pred")

    assert split.genre == {"12": "satire", "3": "opinion"}
    assert split.frames == {"3": {"Political", "Economic"}, "12": set()}
    assert split.paragraphs == paragraphs
    frames_text = (base / "pred-labels-subtask-2.txt").read_text(encoding="utf-8")
    assert frames_text == "3\tEconomic,Political\n12\t\n"
    techniques_text = (base / "pred-labels-subtask-3.txt").read_text(encoding="utf-8")
    assert techniques_text.splitlines()[:2] == ["3\t1\t", "3\t3\tSlogans,Doubt"]


def test_semeval_writers_refuse_unknown_labels(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="outside the official list"):
        write_genre(tmp_path / "g.txt", {"1": "editorial"})
    with pytest.raises(InputError, match="outside the official list"):
        write_techniques(tmp_path / "t.txt", {("1", 1): {"Sarcasm"}})
