"""RSS 2.0, RSS 1.0 (RDF) and Atom feed files saved to disk → articles.

Feeds are XML from strangers, so they are parsed the way defusedxml does it: a feed that
declares entities (the "billion laughs" and external-entity attacks) is refused outright, no DTD
is loaded and nothing is fetched from the network. An item's body is ``content:encoded`` (or
Atom ``content``) when present, else its description/summary; HTML in it becomes plain text,
one paragraph per block element, with scripts and styles dropped.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree, html

from presslens.document import Article, Span
from presslens.errors import InputError

#: Extensions that are always read as feeds; ``.xml`` files are read as feeds when they look
#: like one (see :func:`is_feed`).
FEED_SUFFIXES = (".rss", ".atom")
#: Feeds bigger than this are refused: no saved feed is this large, an attack might be.
MAX_FEED_BYTES = 50 * 1024 * 1024
_SNIFF_BYTES = 4096
_XML = "http://www.w3.org/XML/1998/namespace"
_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
}
_BLOCKS = frozenset(
    {
        *("p", "div", "br", "li", "blockquote", "tr", "pre", "figcaption"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer"),
    }
)
_DROPPED = ("script", "style", "noscript", "iframe", "object", "embed", "template", "svg")


def is_feed(path: Path) -> bool:
    """Whether a file is a feed: by extension, or an ``.xml`` file whose root is a feed's."""
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix != ".xml":
        return False
    with path.open("rb") as handle:
        return bool(_ROOT.search(handle.read(_SNIFF_BYTES)))


def read_feed(path: Path, *, language: str | None = None) -> Iterator[Article | InputError]:
    """The items of one feed file as articles; a bad item is an InputError, not the end.

    ``language`` is a hint for every item; without one, the channel's ``<language>`` is used
    when it is a valid code.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"{path}: cannot read the feed ({exc.strerror})")
        return
    try:
        root = parse_feed(data, name=str(path))
    except InputError as exc:
        yield exc
        return
    outlet = _feed_title(root)
    hint = language or _feed_language(root)
    for index, item in enumerate(_items(root)):
        try:
            yield _article(item, source=f"{path}#{index + 1}", outlet=outlet, language=hint)
        except InputError as exc:
            yield InputError(f"{path}, item {index + 1}: {exc}")


def parse_feed(data: bytes, *, name: str) -> etree._Element:
    """Parse feed bytes safely; refuse entity declarations, oversize files and non-feeds."""
    if len(data) > MAX_FEED_BYTES:
        raise InputError(f"{name}: the feed is over {MAX_FEED_BYTES // 2**20} MB; split it")
    if b"<!ENTITY" in data:
        raise InputError(
            f"{name}: the feed declares XML entities, which presslens refuses for safety "
            "(they can expand to gigabytes or read local files); remove the DOCTYPE"
        )
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name}: not a well-formed feed ({exc})") from None
    if etree.QName(root).localname not in ("rss", "feed", "RDF"):
        raise InputError(f"{name}: not an RSS or Atom feed (root element <{root.tag}>)")
    return root


def _items(root: etree._Element) -> list[etree._Element]:
    return list(root.xpath("channel/item | rss1:item | atom:entry", namespaces=_NS))


def _feed_title(root: etree._Element) -> str | None:
    titles = root.xpath("channel/title | rss1:channel/rss1:title | atom:title", namespaces=_NS)
    return _clean_line(_inner_text(titles[0])) if titles else None


def _feed_language(root: etree._Element) -> str | None:
    """The channel's declared language, if it is a code presslens accepts."""
    from presslens.read import parse_language

    value = root.findtext("channel/language") or root.get(f"{{{_XML}}}lang")
    try:
        return parse_language(value.strip()) if value else None
    except InputError:
        return None


def _article(
    item: etree._Element, *, source: str, outlet: str | None, language: str | None
) -> Article:
    title = _clean_line(_inner_text(_first(item, "title", "rss1:title", "atom:title")))
    body = html_to_text(
        _inner_text(
            _first(
                item,
                "content:encoded",
                "atom:content",
                "description",
                "rss1:description",
                "atom:summary",
            )
        )
    )
    if not body and not title:
        raise InputError("the item has neither a title nor any text")
    text = f"{title}\n\n{body}" if title and body else title or body
    return Article(
        text=text,
        title=title or None,
        title_span=Span(0, len(title)) if title else None,
        source=source,
        id=_clean_line(_inner_text(_first(item, "guid", "atom:id"))) or None,
        url=_link(item),
        outlet=outlet,
        language_hint=language,
        published=_date(
            _inner_text(_first(item, "pubDate", "dc:date", "atom:published", "atom:updated"))
        ),
    )


def _first(item: etree._Element, *paths: str) -> etree._Element | None:
    for path in paths:
        found = item.find(path, _NS)
        if found is not None:
            return found
    return None


def _inner_text(element: etree._Element | None) -> str:
    """An element's content: its text, or for inline XHTML (Atom), its serialised children."""
    if element is None:
        return ""
    if len(element):
        return (element.text or "") + "".join(
            etree.tostring(child, encoding="unicode") for child in element
        )
    return element.text or ""


def _link(item: etree._Element) -> str | None:
    link = item.find("link")
    if link is None:
        link = item.find("rss1:link", _NS)
    if link is not None and link.text:
        return link.text.strip()
    for atom_link in item.findall("atom:link", _NS):
        if atom_link.get("rel", "alternate") == "alternate" and atom_link.get("href"):
            return str(atom_link.get("href")).strip()
    return None


def _date(value: str) -> dt.date | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, Dublin Core) → date; unreadable → None."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return None


def html_to_text(markup: str) -> str:
    """HTML (or plain text) → text with one line per block element, scripts dropped."""
    if "<" not in markup:
        return "\n".join(_clean_line(line) for line in markup.splitlines() if line.strip())
    fragment = html.fragment_fromstring(markup, create_parent="div")
    etree.strip_elements(fragment, *_DROPPED, with_tail=False)
    for element in fragment.iter():
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            if element.tag.lower() == "br":
                continue
            element.text = "\n" + (element.text or "")
    lines = (_clean_line(line) for line in fragment.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _clean_line(value: str) -> str:
    return " ".join(value.split())
