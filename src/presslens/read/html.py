"""A saved web page → :class:`Article`, keeping only the article's own text.

trafilatura drops menus, ads, footers and comment threads, and reads the title, date, canonical
URL and site name from the page's metadata. Its import takes about a second, so it is imported
here, when the first page is read, not when presslens starts.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from typing import TYPE_CHECKING

from presslens.document import Article
from presslens.errors import InputError
from presslens.read.decode import SNIFF_BYTES, Decoded, check_binary, decode_bytes
from presslens.read.text import article_from_text

if TYPE_CHECKING:
    from trafilatura.settings import Document

#: ``<meta charset="...">`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``.
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.-]+)", re.IGNORECASE)
#: Codecs whose labels browsers read as windows-1252, since pages mislabel it so.
_WINDOWS_1252_ALIASES = frozenset({"iso8859-1", "ascii"})
_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)


def article_from_html(
    html: str | bytes,
    *,
    source: str | None = None,
    url: str | None = None,
    language: str | None = None,
    id: str | None = None,
    published: dt.date | str | None = None,
) -> Article:
    """The main text of a web page as an article, with the page's title, date, URL and site.

    Bytes are decoded by the charset the page declares, else detected. Arguments given here
    win over the page's metadata. Paragraphs become lines. Raises :class:`InputError` when the
    page has no article text (a list page, a page built by scripts).
    """
    name = source or "the page"
    warnings: list[str] = []
    if isinstance(html, bytes):
        decoded = decode_html(html, name=name)
        html = decoded.text
        warnings += [decoded.warning] if decoded.warning else []
    if not html.strip():
        raise InputError(f"{name} is empty; there is nothing to analyse")
    document = _extract(html, url)
    if document is None and _BODY.search(html) is None:
        # A fragment (pasted or cut from a page): trafilatura wants a body to look in.
        document = _extract(f"<html><body>{html}</body></html>", url)
    text = document.text if document is not None else None
    if document is None or text is None or not text.strip():
        raise InputError(
            f"found no article text in {name}: the page may be a list of links, need "
            "JavaScript to show its text, or hold no article; save the article page itself"
        )
    article = article_from_text(
        text,
        title=document.title,
        published=published or document.date,  # htmldate gives YYYY-MM-DD
        language=language,
        source=source,
        id=id,
        url=url or document.url,
        outlet=document.sitename,
    )
    article.warnings += warnings
    return article


def decode_html(data: bytes, *, name: str) -> Decoded:
    """Decode a page by the charset it declares; detect it when none is declared or it lies."""
    check_binary(data[:SNIFF_BYTES], name=name)
    declared = _declared_charset(data[:SNIFF_BYTES])
    if declared is not None and not data.startswith((codecs.BOM_UTF8, b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode(declared), declared, declared=True)
        except UnicodeDecodeError:
            pass
    return decode_bytes(data, name=name)


def _declared_charset(head: bytes) -> str | None:
    """The Python codec for the page's declared charset, or None if absent or unknown.

    As in browsers (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252, and a
    UTF-16 label means UTF-8, since a tag we could read as ASCII is not UTF-16.
    """
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    if name in _WINDOWS_1252_ALIASES:
        return "windows-1252"
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _extract(html: str, url: str | None) -> Document | None:
    """trafilatura's main-text extraction: text without comments, metadata from the page.

    Only dates the page states are wanted, so htmldate's guessing from the text is off.
    """
    from trafilatura import bare_extraction

    document = bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    return None if isinstance(document, dict) else document
