"""The standalone HTML report: escaped, self-contained, every piece of evidence highlighted."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from presslens import taxonomy
from presslens.report.html import render_html
from test_report_common import FINDINGS, PARAGRAPHS, build_result

#: Elements the report adds around the article's words (numbers, chips, tags).
ADDED = {"pl-pnum", "pl-ptech", "pl-tag"}
VOID = {"meta", "input", "br", "img", "link"}


class ReportParser(HTMLParser):
    """Collects each paragraph's words and each highlighted segment with its labels."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str], dict[str, str]]] = []
        self.paragraphs: dict[str, str] = {}
        self.segments: list[tuple[str, list[str]]] = []
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.append(values["id"])
        if tag == "a":
            self.links.append(values.get("href", ""))
        if tag not in VOID:
            self.stack.append((tag, set(values.get("class", "").split()), values))
        if tag == "p" and "pl-par" in self.stack[-1][1]:
            self.paragraphs[values["id"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(classes & ADDED for _, classes, _ in self.stack):
            return
        par = next((a["id"] for t, c, a in self.stack if t == "p" and "pl-par" in c), None)
        if par is None:
            return
        self.paragraphs[par] += data
        mark = next((a for t, _, a in self.stack if t == "mark"), None)
        labels = [entry[0] for entry in json.loads(mark["data-t"])] if mark else []
        self.segments.append((data, labels))


def parse(page: str) -> ReportParser:
    parser = ReportParser()
    parser.feed(page)
    return parser


def test_paragraph_words_are_kept_exactly_and_in_order() -> None:
    parser = parse(render_html([build_result()]))
    assert list(parser.paragraphs) == [f"a0-p{i}" for i in range(len(PARAGRAPHS))]
    assert list(parser.paragraphs.values()) == list(PARAGRAPHS)


def test_every_evidence_is_highlighted_with_its_label() -> None:
    parser = parse(render_html([build_result()]))
    for _, label, _, phrases in FINDINGS:
        highlighted = "".join(words for words, labels in parser.segments if label in labels)
        for phrase in phrases:
            assert phrase in highlighted


def test_overlapping_evidence_is_split_and_each_piece_lists_all_labels() -> None:
    parser = parse(render_html([build_result()]))
    pieces = [(w, sorted(labels)) for w, labels in parser.segments if labels]
    assert ("Either we stop ", ["False_Dilemma-No_Choice"]) in pieces
    assert ("this madness", ["False_Dilemma-No_Choice", "Loaded_Language"]) in pieces
    assert (" now or our town", ["False_Dilemma-No_Choice"]) in pieces


HOSTILE = '<script>alert(1)</script> and <a href="javascript:alert(2)">click</a>'


def test_hostile_text_title_and_url_are_escaped() -> None:
    paragraphs = (HOSTILE, f"Body says {HOSTILE} twice.")
    findings = [(1, "Loaded_Language", 0.9, ("<script>alert(1)</script>",))]
    result = build_result(paragraphs, findings, title=HOSTILE, with_events=False)
    result["url"] = "javascript:alert(3)"
    result["outlet"] = "<img src=x onerror=alert(4)>"
    page = render_html([result])
    assert "<script>alert" not in page
    assert page.count("<script") == 2  # the report's own data and code, nothing from the input
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page.lower()
    assert "<img" not in page
    assert "&lt;a href=&quot;javascript:alert(2)&quot;&gt;" in page
    parser = parse(page)
    assert list(parser.paragraphs.values()) == list(paragraphs)


def test_hostile_labels_cannot_break_out_of_attributes_or_scripts() -> None:
    findings = [(1, '"><script>alert(5)</script>', 0.9, ("so-called reformers",))]
    page = render_html([build_result(findings=findings)])
    assert "<script>alert" not in page
    assert page.count("<script") == 2


def test_page_is_self_contained() -> None:
    result = build_result()
    result["url"] = None
    page = render_html([result])
    assert not re.search(r"https?://", page)
    assert "<link" not in page and "@import" not in page and "@font-face" not in page
    assert not re.search(r"\bsrc=", page)


def test_only_the_reports_own_script_may_run() -> None:
    page = render_html([build_result()])
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page
    assert "default-src 'none'" in page


def test_popup_definitions_come_from_the_taxonomy() -> None:
    page = render_html([build_result()])
    data = re.search(r'<script type="application/json" id="pl-taxonomy">(.*?)</script>', page)
    assert data is not None
    definitions = json.loads(data.group(1))
    for entry in taxonomy.TECHNIQUES:
        assert definitions[entry.label]["definition"] == entry.definition


def test_genre_and_frames_are_shown_with_scores() -> None:
    page = render_html([build_result()])
    for text in ("Opinion", "0.82", "Political", "0.71", "Economic", "0.52", "All frame scores"):
        assert text in page


def test_event_rows_link_to_an_anchor_before_their_evidence() -> None:
    result = build_result()
    page = render_html([result])
    parser = parse(page)
    assert "#a0-e0" in parser.links and "a0-e0" in parser.ids
    after_anchor = page.split('id="a0-e0"></span>', 1)[1]
    evidence = result["events"][0]["evidence"][0]
    first_words = result["text"][evidence["start"] : evidence["end"]].split()[0]
    assert re.match(rf'<span class="pl-evt" data-e="0">{first_words}', after_anchor)
    assert 'data-event="0" data-anchor="a0-e0"' in page
    for cell in ("officers", "14 protesters", "detained 14, injured 2+", "source: Police"):
        assert f"<td>{cell}</td>" in page


def test_no_events_no_table() -> None:
    assert "<table" not in render_html([build_result(with_events=False)])


def test_several_articles_get_their_own_ids_and_a_contents_list() -> None:
    second = build_result(title="Second article")
    parser = parse(render_html([build_result(), second]))
    assert len(parser.ids) == len(set(parser.ids))
    assert "#a0" in parser.links and "#a1" in parser.links
    assert "a1-p3" in parser.paragraphs


def test_analysis_without_text_or_paragraphs_still_renders() -> None:
    no_text = build_result()
    del no_text["text"]
    no_paragraphs = build_result(with_events=False)
    no_paragraphs["paragraphs"] = []
    page = render_html([no_text, no_paragraphs])
    assert "saved without its text" in page
    assert parse(page).paragraphs["a1-p0"] == no_paragraphs["text"]


@pytest.mark.browser
def test_script_runs_under_the_pages_security_policy(tmp_path: Path) -> None:
    """The report's script strips native tooltips once it runs: proof the CSP hash is right."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium not installed")
    page = tmp_path / "report.html"
    page.write_text(render_html([build_result()]), encoding="utf-8")
    dom = _dump_dom(chromium, page)
    assert "<mark" in dom
    assert not re.search(r"<mark[^>]*title=", dom)


def _dump_dom(chromium: str, page: Path) -> Any:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout
