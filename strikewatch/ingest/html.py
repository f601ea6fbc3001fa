"""Main text and metadata of an HTML page, by trafilatura (boilerplate removed)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

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
    if not text:
        text = (trafilatura.html2txt(html) or "").strip()
    if not text:
        text = _deep_text(html)
    return PageText(text=text, title=title or None, published=published or None,
                    publisher=publisher or None, language=language or None)


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
    etree.strip_elements(root, "script", "style", "noscript", with_tail=False)
    return " ".join(" ".join(root.itertext()).split())
