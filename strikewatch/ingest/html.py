"""Main text and metadata of an HTML page, by trafilatura (boilerplate removed)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura

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
    return PageText(text=text, title=title or None, published=published or None,
                    publisher=publisher or None, language=language or None)
