"""The terminal report: readable without colour, on narrow terminals, for any analysis dict."""

from __future__ import annotations

import io
import re

from rich.console import Console

from presslens.report.common import display_name
from presslens.report.terminal import render_terminal, terminal_text
from test_report_common import FINDINGS, PARAGRAPHS, build_result

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_plain_report_has_header_scores_findings_and_events() -> None:
    out = terminal_text(build_result(), width=120)
    assert not ANSI.search(out)
    for expected in (
        PARAGRAPHS[0],
        "examples/council.txt",
        "language: en (0.98)",
        "opinion",
        "0.82",
        "Political",
        "0.71",
        "officers",
        "detained 14, injured 2+",
        "2024-03-03",
        "Riverton",
        "source: Police",
    ):
        assert expected in out
    for _, label, score, _ in FINDINGS:
        assert f"{display_name(label)} (" in out
        assert f"{score:.2f}" in out


def test_plain_report_brackets_evidence_and_merges_overlaps() -> None:
    out = terminal_text(build_result(), width=200)
    assert "The [so-called reformers] on the city council" in out
    # "this madness" lies inside the false dilemma's evidence: one bracket pair, not two.
    assert "[Either we stop this madness now or our town] will never recover." in out
    assert "“this madness”" in out


def test_colour_report_styles_evidence_instead_of_brackets() -> None:
    out = terminal_text(build_result(), width=200, color=True)
    assert ANSI.search(out)
    assert "[so-called reformers]" not in ANSI.sub("", out)


def test_narrow_terminal_wraps_every_line_and_lists_events_as_blocks() -> None:
    out = terminal_text(build_result(), width=40)
    assert max(len(line) for line in out.splitlines()) <= 40
    assert "counts: detained 14, injured 2+" in out
    assert "place: Riverton" in out


def test_long_paragraph_is_cut_around_its_evidence() -> None:
    filler = "Nothing much happened at the meeting that day. " * 40
    long_paragraph = f"{filler}Then the minister called it a shameful betrayal. {filler}"
    findings = [(1, "Loaded_Language", 0.8, ("shameful betrayal",))]
    result = build_result(("Title", long_paragraph), findings, with_events=False)
    out = terminal_text(result, width=100, max_paragraph_chars=300)
    assert "[shameful betrayal]" in out
    assert out.count("…") >= 2
    assert len(out) < len(long_paragraph)


def test_empty_analysis_says_so() -> None:
    result = build_result(findings=(), with_events=False, title=None)
    result["genre"], result["frames"] = None, []
    out = terminal_text(result)
    assert "(untitled)" in out
    assert "no persuasion technique found" in out
    assert "no frame scored above its threshold" in out
    assert "Events" not in out


def test_best_effort_and_warnings_are_shown() -> None:
    result = build_result()
    result["best_effort"] = True
    result["warnings"] = ["language 'sw' is not supported"]
    out = terminal_text(result, width=200)
    assert "best effort" in out
    assert "language 'sw' is not supported" in out


def test_text_that_looks_like_markup_is_printed_as_is() -> None:
    findings = [(1, "Slogans", 0.7, ("[bold]free[/bold]",))]
    paragraphs = ("[red]Title[/red]", "Say [bold]free[/bold] now.")
    result = build_result(paragraphs, findings, title=paragraphs[0], with_events=False)
    out = terminal_text(result, width=100)
    assert "[red]Title[/red]" in out
    assert "[[bold]free[/bold]]" in out


def test_render_terminal_prints_to_the_given_console() -> None:
    buffer = io.StringIO()
    render_terminal(build_result(), Console(file=buffer, width=90, color_system=None))
    assert PARAGRAPHS[0] in buffer.getvalue()
