"""Main text and metadata of an HTML page, by trafilatura (boilerplate removed)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

import lxml.html
import trafilatura
from lxml import etree

# trafilatura logs parse trouble at ERROR on every odd page; ingest reports outcomes itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
DOCUMENT = re.compile(r"<\s*(html|body)\b", re.I)


@dataclass
class PageText:
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    language: str | None = None


def html_main_text(html: str, url: str | None = None) -> PageText:
    """The article text of a page; falls back to all visible text for very short pages.

    trafilatura skips pages below its minimum size; a short but real notice should still
    be ingested, while a page with no text at all yields an empty `text`.
    """
    if not DOCUMENT.search(html[:4096]):
        html = f"<html><body>{html}</body></html>"  # a fragment (feed content, JSON 'html')
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_recall=True
    )
    text = ""
    title = published = publisher = language = None
    if doc is not None and not isinstance(doc, dict):
        text = (doc.text or "").strip()
        title, published = doc.title, doc.date
        publisher, language = doc.sitename, doc.language
    page_title = title or _title_tag(html)
    if _only(text, page_title):
        text = _deep_text(html)
    if _only(text, page_title):
        text = (trafilatura.html2txt(html) or "").strip()
    if _only(text, page_title):
        # past every tree parser's depth limit only the <title> survives: read the page
        # as a stream of tags instead (no tree, no depth limit), or give no text at all
        # (a clear "no text" skip) rather than store the title as the article
        text = _stream_text(html)
        if _only(text, page_title):
            text = ""
    return PageText(text=text, title=page_title or None, published=published or None,
                    publisher=publisher or None, language=language or None)


TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.I | re.S)


def _title_tag(html: str) -> str | None:
    m = TITLE.search(html[:65536])
    return " ".join(unescape(m.group(1)).split()) if m else None


def _only(text: str, title: str | None) -> bool:
    """True when `text` is empty or nothing but the page's title."""
    words = " ".join(text.split())
    return not words or (title is not None and words == " ".join(title.split()))


class _TextStream(HTMLParser):
    """Visible text of a page read as a stream of tags: linear time, any nesting depth."""

    HIDDEN = frozenset({"script", "style", "noscript", "head", "title", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _stream_text(html: str) -> str:
    parser = _TextStream()
    parser.feed(html)
    parser.close()
    return " ".join(" ".join(parser.parts).split())


def page_tree(html: str) -> lxml.html.HtmlElement | None:
    """The parsed page, for reading what its markup says of itself (date, language);
    None when it does not parse."""
    try:
        return lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None


def _deep_text(html: str) -> str:
    """All visible text, parsed without libxml2's depth limit of 256 nested elements.

    trafilatura's parser drops everything below that depth, so a page wrapped in hundreds
    of <div>s would read as empty; past the huge-tree limit this still yields "".
    """
    root = page_tree(html)
    if root is None:
        return ""
    etree.strip_elements(root, "script", "style", "noscript", "head", "title",
                         with_tail=False)
    return " ".join(" ".join(root.itertext()).split())
