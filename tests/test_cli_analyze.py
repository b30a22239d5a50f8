"""`presslens analyze` and `presslens.analyze` with the shipped models, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import presslens
from presslens.cli import main
from presslens.persuasion.model import DEFAULT_PATH

pytestmark = pytest.mark.skipif(not DEFAULT_PATH.is_file(), reason="no shipped model yet")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "raid-column.txt"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_has_the_documented_fields_and_valid_offsets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "analyze", "--format", "json", "--no-events", str(EXAMPLE))
    result = json.loads(out)
    text = EXAMPLE.read_text(encoding="utf-8")

    assert code == 0
    assert result["schema_version"] == "1.0" and result["language"] == "en"
    assert result["title"] == text.splitlines()[0]
    assert set(result["genre"]["scores"]) == {"opinion", "reporting", "satire"}
    assert all(0 <= f["score"] <= 1 for f in result["frames"])
    lines = [line for line in text.splitlines() if line.strip()]
    assert [text[p["start"] : p["end"]] for p in result["paragraphs"]] == lines
    found = [t for p in result["paragraphs"] for t in p["techniques"]]
    assert found, "a column like this persuades somewhere"
    for paragraph in result["paragraphs"]:
        for technique in paragraph["techniques"]:
            assert technique["evidence"]
            for e in technique["evidence"]:
                assert paragraph["start"] <= e["start"] < e["end"] <= paragraph["end"]


def test_analyze_several_inputs_give_json_lines_with_sources_and_report_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        json.dumps({"id": "x1", "text": "Police detained five protesters on Monday."})
        + "\nnot json\n"
        + json.dumps(
            {"id": "x2", "text": "Полиция задержала пятерых протестующих.", "language": "ru"}
        )
        + "\n"
    )
    code, out, err = _run(
        capsys, "analyze", "--format", "json", str(jsonl), str(tmp_path / "missing.txt")
    )
    results = [json.loads(line) for line in out.splitlines()]

    assert code == 1
    assert [r["source"] for r in results] == ["x1", "x2"]
    assert results[1]["language"] == "ru"
    assert "a.jsonl:2: not valid JSON" in err and "no such file" in err
    assert "Traceback" not in err


def test_analyze_api_marks_other_languages_best_effort() -> None:
    result = presslens.analyze(
        "La policía detuvo a cinco manifestantes el lunes en la capital.", language="es"
    )

    assert result["best_effort"] is True and result["warnings"]
    assert result["paragraphs"][0]["start"] == 0


def test_analyze_html_report_escapes_article_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "a.txt"
    page.write_text("Title <script>alert(1)</script>\n\nThey are <b>traitors</b>, all of them!\n")
    code, out, _ = _run(capsys, "analyze", "--format", "html", "--no-events", str(page))

    assert code == 0
    assert "<script>alert(1)</script>" not in out and "&lt;script&gt;" in out
