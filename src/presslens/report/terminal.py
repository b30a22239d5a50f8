"""The analysis as a readable terminal report (``presslens analyze``'s default output).

Reads the JSON analysis dict (docs/schema.md). Evidence words are coloured by technique group;
when the output has no styling at all (piped to a file or another program) they are wrapped in
``[brackets]`` instead, and every finding also quotes its words, so nothing depends on colour.
Long paragraphs are cut to the parts around their evidence.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from presslens.report.common import (
    ELLIPSIS,
    EVENT_COLUMNS,
    Mark,
    display_name,
    event_cells,
    excerpt_windows,
    group_of,
    segments,
    shorten,
    technique_marks,
)

#: Rich style of each technique group (colours that read on dark and light backgrounds).
GROUP_STYLES: Mapping[str, str] = {
    "Attack on Reputation": "bold red",
    "Justification": "bold blue",
    "Distraction": "bold magenta",
    "Simplification": "bold cyan",
    "Call": "bold green",
    "Manipulative Wording": "bold yellow",
}
_UNKNOWN_STYLE = "bold"
_BAR_WIDTH = 10
#: Characters between two table columns (padding and rule).
_COLUMN_GAP = 3


def render_terminal(
    result: Mapping[str, Any], console: Console, *, max_paragraph_chars: int = 500
) -> None:
    """Print one article's analysis to ``console``.

    Paragraphs longer than ``max_paragraph_chars`` are shown as excerpts around their evidence.
    """
    for part in _parts(result, console, max_paragraph_chars):
        console.print(part)


def terminal_text(
    result: Mapping[str, Any],
    *,
    width: int = 100,
    color: bool = False,
    max_paragraph_chars: int = 500,
) -> str:
    """The report as a string: plain text (``color=False``) or with ANSI styles."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="truecolor" if color else None,
        force_terminal=color,
        highlight=False,
        emoji=False,
    )
    render_terminal(result, console, max_paragraph_chars=max_paragraph_chars)
    return buffer.getvalue()


def _parts(
    result: Mapping[str, Any], console: Console, max_paragraph_chars: int
) -> list[RenderableType]:
    plain = console.color_system is None
    parts: list[RenderableType] = [_header(result)]
    parts += _scores_section(result)
    parts += _techniques_section(result, plain, max_paragraph_chars)
    parts += _events_section(result, console.width)
    return parts


def _header(result: Mapping[str, Any]) -> Text:
    text = Text()
    text.append(result.get("title") or "(untitled)", style="bold")
    meta = [result.get(k) for k in ("source", "outlet", "published", "url")]
    meta_line = " · ".join(str(m) for m in meta if m)
    if meta_line:
        text.append(f"\n{meta_line}", style="dim")
    language = result.get("language") or "unknown"
    text.append(f"\nlanguage: {language} ({float(result.get('language_score') or 0):.2f})")
    if result.get("best_effort"):
        text.append(
            "\n! best effort: the models were not trained on this language; "
            "treat the findings as rough",
            style="yellow",
        )
    for warning in result.get("warnings") or []:
        text.append(f"\n! {warning}", style="yellow")
    return text


def _bar(score: float) -> str:
    filled = round(max(0.0, min(1.0, score)) * _BAR_WIDTH)
    return "█" * filled + "░" * (_BAR_WIDTH - filled)


def _score_table(rows: Sequence[tuple[str, float, bool]]) -> Table:
    """Label, score and bar per row; chosen labels in bold."""
    table = Table.grid(padding=(0, 2))
    table.add_column(overflow="fold")
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    for label, score, chosen in rows:
        style = "bold" if chosen else "dim"
        table.add_row(Text(label, style=style), f"{score:.2f}", _bar(score))
    return table


def _heading(title: str) -> Text:
    return Text(f"\n{title}", style="bold underline")


def _scores_section(result: Mapping[str, Any]) -> list[RenderableType]:
    parts: list[RenderableType] = []
    genre = result.get("genre")
    if genre:
        scores = genre.get("scores") or {genre.get("label"): 1.0}
        ranked = sorted(scores.items(), key=lambda kv: -float(kv[1]))
        rows = [(str(k), float(v), k == genre.get("label")) for k, v in ranked]
        parts += [_heading("Genre"), _score_table(rows)]
    frames = result.get("frames") or []
    parts.append(_heading("Frames"))
    if frames:
        rows = [(display_name(str(f["label"])), float(f["score"]), True) for f in frames]
        parts.append(_score_table(rows))
    else:
        parts.append(Text("no frame scored above its threshold", style="dim"))
    return parts


def _techniques_section(
    result: Mapping[str, Any], plain: bool, max_chars: int
) -> list[RenderableType]:
    text = result.get("text") or ""
    paragraphs = [p for p in result.get("paragraphs") or [] if p.get("techniques")]
    total = len(result.get("paragraphs") or [])
    parts: list[RenderableType] = [_heading("Techniques")]
    if not paragraphs:
        parts.append(Text("no persuasion technique found", style="dim"))
        return parts
    count = sum(len(p["techniques"]) for p in paragraphs)
    parts.append(
        Text(f"{count} finding(s) in {len(paragraphs)} of {total} paragraph(s)", style="dim")
    )
    marks = technique_marks(result)
    for paragraph in paragraphs:
        label = "title" if paragraph.get("is_title") else f"¶ {paragraph.get('index')}"
        parts.append(Text(f"\n{label}", style="bold"))
        body = _paragraph_text(text, paragraph, marks, plain, max_chars)
        parts.append(Padding(body, (0, 0, 0, 2), expand=False))
        parts.append(Padding(_finding_lines(text, paragraph), (0, 0, 0, 2), expand=False))
    return parts


def _paragraph_text(
    text: str, paragraph: Mapping[str, Any], marks: Sequence[Mark], plain: bool, max_chars: int
) -> Text:
    """The paragraph (or excerpts of it) with evidence styled, or bracketed when ``plain``."""
    start, end = int(paragraph.get("start") or 0), int(paragraph.get("end") or 0)
    mine = [m for m in marks if m.paragraph == paragraph.get("index")]
    spans = [(m.start - start, m.end - start) for m in mine]
    windows = excerpt_windows(text[start:end], spans, max_chars)
    out = Text()
    for lo, hi in windows:
        if lo > 0:
            out.append(f"{ELLIPSIS} " if not out else f" {ELLIPSIS} ")
        covered = False
        for seg in segments(start + lo, start + hi, mine):
            if plain and bool(seg.marks) != covered:
                covered = bool(seg.marks)
                out.append("[" if covered else "]")
            out.append(text[seg.start : seg.end], style=_segment_style(seg.marks, plain))
        if covered:
            out.append("]")
    if windows[-1][1] < end - start:
        out.append(f" {ELLIPSIS}")
    return out


def _segment_style(marks: Sequence[Mark], plain: bool) -> str:
    if plain or not marks:
        return ""
    # The innermost (shortest) mark wins, so a short span nested in a long one stays visible.
    innermost = min(marks, key=lambda m: (m.end - m.start, -m.score))
    return f"{GROUP_STYLES.get(group_of(innermost.label) or '', _UNKNOWN_STYLE)} underline"


def _finding_lines(text: str, paragraph: Mapping[str, Any]) -> Text:
    """One line per technique: name, group, score and the quoted evidence words."""
    out = Text()
    for i, technique in enumerate(paragraph.get("techniques") or []):
        label = str(technique.get("label"))
        group = group_of(label)
        if i:
            out.append("\n")
        out.append("● ", style=GROUP_STYLES.get(group or "", _UNKNOWN_STYLE))
        out.append(display_name(label), style="bold")
        out.append(f" ({group or label}) {float(technique.get('score') or 0):.2f}")
        quotes = [
            f"“{shorten(text[e['start'] : e['end']], 60)}”"
            for e in technique.get("evidence") or []
            if isinstance(e.get("start"), int) and isinstance(e.get("end"), int)
        ]
        if quotes:
            out.append("  " + ", ".join(quotes), style="italic")
    return out


def _events_section(result: Mapping[str, Any], width: int) -> list[RenderableType]:
    """A table when every column fits its shortest useful width, else one block per event."""
    events = result.get("events") or []
    if not events:
        return []
    cells = [event_cells(e) for e in events]
    columns = {c: _min_width(c, cells) for c in EVENT_COLUMNS if any(row[c] for row in cells)}
    needed = len(str(len(cells))) + sum(w + _COLUMN_GAP for w in columns.values())
    body = _events_table(cells, columns) if needed <= width else _events_blocks(cells)
    return [_heading("Events"), body]


def _min_width(column: str, cells: Sequence[Mapping[str, str]]) -> int:
    """Wide enough for the header and for short values such as "arrest_detention" unbroken."""
    widest = max(len(column), *(len(row[column]) for row in cells))
    return min(widest, max(len(column), 16))


def _events_table(cells: Sequence[Mapping[str, str]], columns: Mapping[str, int]) -> Table:
    """One row per event; ``columns`` maps each shown column to its minimum width."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    for column, min_width in columns.items():
        table.add_column(column, overflow="fold", min_width=min_width)
    for i, row in enumerate(cells, 1):
        table.add_row(str(i), *(row[c] for c in columns))
    return table


def _events_blocks(cells: Sequence[Mapping[str, str]]) -> Text:
    """Narrow terminals: one short block per event, empty fields left out."""
    out = Text()
    for i, row in enumerate(cells, 1):
        out.append(f"{i}. {row['type']}\n", style="bold")
        for column in EVENT_COLUMNS[1:]:
            if row[column]:
                out.append(f"   {column}: ", style="dim")
                out.append(f"{row[column]}\n")
    out.rstrip()
    return out
