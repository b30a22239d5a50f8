"""Views of the JSON analysis (docs/schema.md): a terminal report and a standalone HTML file.

>>> from presslens.report import render_html, terminal_text
>>> open("report.html", "w", encoding="utf-8").write(render_html([result]))
>>> print(terminal_text(result, width=100))
"""

from __future__ import annotations

from presslens.report.html import render_article_html, render_html
from presslens.report.terminal import render_terminal, terminal_text

__all__ = ["render_article_html", "render_html", "render_terminal", "terminal_text"]
