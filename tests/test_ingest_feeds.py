"""Saved RSS/Atom feeds → articles, read safely (no entities, no network)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from presslens.document import Article
from presslens.errors import InputError
from presslens.ingest.feeds import html_to_text, is_feed, read_feed

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>The Sample Post</title>
  <language>en-gb</language>
  <item>
    <title>Depot fire &amp; smoke</title>
    <link>https://example.org/depot</link>
    <guid>post-17</guid>
    <pubDate>Tue, 04 Mar 2025 06:30:00 +0000</pubDate>
    <description>Short summary.</description>
    <content:encoded><![CDATA[<p>A fire broke out.</p><script>alert(1)</script>
      <p>Two people were <b>injured</b>.<br/>Police closed the road.</p>]]></content:encoded>
  </item>
  <item>
    <title>Only a summary</title>
    <link>javascript:alert(1)</link>
    <description>&lt;p&gt;Escaped &lt;em&gt;HTML&lt;/em&gt; summary.&lt;/p&gt;</description>
  </item>
  <item><link>https://example.org/empty</link></item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Le Journal</title>
  <entry>
    <title>Grève</title>
    <id>urn:uuid:1</id>
    <link rel="self" href="https://example.fr/self"/>
    <link href="https://example.fr/greve"/>
    <published>2025-02-10T08:00:00Z</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>Les trains</p><p>sont arrêtés.</p></div></content>
  </entry>
</feed>
"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel><title>Old Wire</title></channel>
  <item><title>Wire story</title><link>https://example.net/w</link>
    <description>Text of the wire story.</description><dc:date>2024-12-31</dc:date></item>
</rdf:RDF>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def articles(path: Path) -> list[Article]:
    items = list(read_feed(path))
    return [item for item in items if isinstance(item, Article)]


def test_ingest_feeds_rss_items_become_articles(tmp_path: Path) -> None:
    first, second = articles(write(tmp_path, "post.rss", RSS))
    assert first.title == "Depot fire & smoke"
    assert first.text == (
        "Depot fire & smoke\n\nA fire broke out.\nTwo people were injured.\nPolice closed the road."
    )
    assert first.title_span is not None and first.slice(first.title_span) == first.title
    assert first.url == "https://example.org/depot"
    assert (first.id, first.outlet) == ("post-17", "The Sample Post")
    assert first.published == dt.date(2025, 3, 4)
    assert first.language_hint == "en"
    assert second.text == "Only a summary\n\nEscaped HTML summary."
    assert second.published is None


def test_ingest_feeds_reports_an_empty_item_and_goes_on(tmp_path: Path) -> None:
    items = list(read_feed(write(tmp_path, "post.rss", RSS)))
    errors = [item for item in items if isinstance(item, InputError)]
    assert len(items) == 3 and len(errors) == 1
    assert "item 3" in str(errors[0]) and "neither a title nor any text" in str(errors[0])


def test_ingest_feeds_atom_entries(tmp_path: Path) -> None:
    (entry,) = articles(write(tmp_path, "journal.atom", ATOM))
    assert entry.text == "Grève\n\nLes trains\nsont arrêtés."
    assert entry.url == "https://example.fr/greve"
    assert (entry.outlet, entry.language_hint) == ("Le Journal", "fr")
    assert entry.published == dt.date(2025, 2, 10)


def test_ingest_feeds_rss1_rdf_items(tmp_path: Path) -> None:
    (item,) = articles(write(tmp_path, "wire.xml", RDF))
    assert (item.title, item.outlet) == ("Wire story", "Old Wire")
    assert item.published == dt.date(2024, 12, 31)


def test_ingest_feeds_refuse_entity_declarations(tmp_path: Path) -> None:
    (error,) = read_feed(write(tmp_path, "bomb.rss", BILLION_LAUGHS))
    assert isinstance(error, InputError) and "declares XML entities" in str(error)


@pytest.mark.parametrize(
    ("text", "message"),
    [("<rss><channel>", "not a well-formed feed"), ("<html><body/></html>", "not an RSS")],
)
def test_ingest_feeds_report_what_is_not_a_feed(tmp_path: Path, text: str, message: str) -> None:
    (error,) = read_feed(write(tmp_path, "bad.rss", text))
    assert isinstance(error, InputError) and message in str(error)


def test_ingest_feeds_is_feed_by_extension_or_root(tmp_path: Path) -> None:
    assert is_feed(write(tmp_path, "a.atom", "anything"))
    assert is_feed(write(tmp_path, "wire.xml", RDF))
    assert not is_feed(write(tmp_path, "config.xml", "<config><feed/></config>"))
    assert not is_feed(write(tmp_path, "a.txt", RSS))


def test_ingest_feeds_html_to_text_keeps_blocks_and_drops_scripts() -> None:
    markup = "<h2>Head</h2><p>One <i>two</i></p><style>p{}</style><ul><li>a</li><li>b</li></ul>"
    assert html_to_text(markup) == "Head\nOne two\na\nb"
    assert html_to_text("plain  text\n\n second line ") == "plain text\nsecond line"
