"""Web pages → Article: main text only, metadata from the page, malformed HTML survives."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.errors import InputError
from presslens.read import article_from_html
from presslens.segment import split_paragraphs

PARAGRAPHS = [
    "Heavy rain flooded three villages in the northern valley on Monday, the regional council "
    "said in a statement.",
    "About two hundred residents spent the night in a school gym, and the only road into the "
    "valley remains closed.",
    "Residents said they had warned the council about a blocked drainage channel months ago, "
    "but nothing was done.",
]
BOILERPLATE = [
    "Subscribe now and save 50%",
    "Politics",
    "Celebrity chef opens new bistro",
    "All rights reserved",
    "Cookie settings",
    "var tracker",
]

PAGE = (
    """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Floods cut off three valley villages | The Northern Courier</title>
<meta property="og:title" content="Floods cut off three valley villages">
<meta property="og:site_name" content="The Northern Courier">
<meta property="og:url" content="https://courier.example/news/valley-floods">
<meta property="article:published_time" content="2025-07-14T07:45:00+02:00">
<script>var tracker = {id: 1};</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<aside class="advert"><p>Subscribe now and save 50% on your first year!</p></aside>
<main><article><h1>Floods cut off three valley villages</h1>
<p>{0}</p>
<p>{1}</p>
<p>{2}</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Celebrity chef opens new bistro</a></li>
<li><a href="/b">Ten tips for a greener garden</a></li></ul></aside>
<footer><p>© 2025 The Northern Courier. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> · <a href="/cookies">Cookie settings</a></p></footer>
</body></html>
""".replace("{0}", PARAGRAPHS[0])
    .replace("{1}", PARAGRAPHS[1])
    .replace("{2}", PARAGRAPHS[2])
)


def test_main_text_is_kept_and_boilerplate_dropped() -> None:
    article = article_from_html(PAGE, source="page.html")
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for junk in BOILERPLATE:
        assert junk not in article.text


def test_paragraphs_become_lines_that_offsets_index() -> None:
    article = article_from_html(PAGE)
    body = [article.slice(p.span) for p in split_paragraphs(article) if not p.is_title]
    assert body == PARAGRAPHS


def test_title_date_url_and_site_come_from_the_page() -> None:
    article = article_from_html(PAGE.encode("utf-8"), source="page.html")
    assert article.title == "Floods cut off three valley villages"
    assert article.published == dt.date(2025, 7, 14)
    assert article.url == "https://courier.example/news/valley-floods"
    assert article.outlet == "The Northern Courier"
    assert article.source == "page.html"
    if article.title_span is not None:
        assert article.slice(article.title_span) == article.title


def test_arguments_win_over_page_metadata() -> None:
    article = article_from_html(PAGE, url="https://mirror.example/a", published="2025-07-20")
    assert article.url == "https://mirror.example/a"
    assert article.published == dt.date(2025, 7, 20)


def test_malformed_html_still_yields_its_text() -> None:
    broken = (
        "<html><head><title>Broken page</title><body><div class='story'"
        f"><p>{PARAGRAPHS[0]}<p>{PARAGRAPHS[1]}<b>unclosed bold <i>and italic"
        f"</div></span></p><p>{PARAGRAPHS[2]} <a href='x"
    )
    article = article_from_html(broken)
    assert PARAGRAPHS[0] in article.text
    assert PARAGRAPHS[1] in article.text


def test_html_fragment_without_body_is_read() -> None:
    article = article_from_html(f"<p>{PARAGRAPHS[0]}</p>")
    assert article.text == PARAGRAPHS[0]


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><script>document.write('hi')</script></head><body></body></html>",
        "<html><body><!-- nothing here yet --></body></html>",
        "<html><body><img src='flood.jpg'></body></html>",
    ],
)
def test_page_without_article_text_is_an_input_error(html: str) -> None:
    with pytest.raises(InputError, match=r"no article text in empty\.html"):
        article_from_html(html, source="empty.html")


def test_empty_page_is_an_input_error() -> None:
    with pytest.raises(InputError, match="is empty"):
        article_from_html(b"  \n ", source="blank.html")


RU_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Пожар на складе</title></head><body><article>
<p>Вечером во вторник на окраине Твери загорелся склад строительных материалов.</p>
<p>Пожарные боролись с огнём почти шесть часов, пострадавших нет.</p>
</article></body></html>"""


def test_declared_charset_is_used_without_a_warning() -> None:
    article = article_from_html(RU_PAGE.encode("windows-1251"))
    assert "загорелся склад" in article.text
    assert article.warnings == []


def test_undeclared_legacy_charset_is_detected_and_reported() -> None:
    page = RU_PAGE.replace("; charset=windows-1251", "")
    article = article_from_html(page.encode("koi8-r"))
    assert "Пожарные боролись с огнём" in article.text
    assert article.warnings == ["decoded as koi8-r"]


@pytest.mark.parametrize("label", ["ISO-8859-1", "us-ascii"])
def test_latin_1_and_ascii_labels_are_read_as_windows_1252(label: str) -> None:
    page = f"<html><head><meta charset='{label}'></head><body><p>“Grève” à Marseille.</p>"
    article = article_from_html(page.encode("windows-1252"))
    assert article.text == "“Grève” à Marseille."
