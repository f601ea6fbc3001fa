"""The language of an article, and whether strikewatch has a reader for it.

Why at ingest: the rules read English; a Spanish report read with English rules yields
wrong mentions or none, silently. So every article gets a language when it is stored, and
only articles whose language has a reader are extracted (`reader_languages`); the others
are stored, listed as unread, and read by a later run once a reader for them exists.

Which language, in this order of trust (`language_source` says which gave it):

1. ``supplied`` — the input's own `language` field ("es", "es-MX", "Spanish"), normalised
   to ISO 639-1 (639-3 where a language has no two-letter code).
2. ``detected`` — lingua-language-detector over the start of the text, offline, restricted
   to `DETECTED` (the languages of the theatres strikewatch follows: fewer candidates is
   both faster and more accurate). It answers only when one language clearly leads
   (`MIN_DISTANCE`); a text of another language is reported as its nearest candidate.
3. ``html-lang`` — the page's `<html lang>` / Content-Language / og:locale. Page templates
   often carry the site's default whatever the article's language, so this only breaks a
   tie the detector could not.

Neither gives a language: `language` stays None and the article is read by the reader of
`DEFAULT_LANGUAGE`, as every article was before languages were detected.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: What an article of unknown language is read as (the rules extractor's language).
DEFAULT_LANGUAGE = "en"
#: Detection reads at most this many characters from the start of the text (title, lede
#: and a paragraph or two): plenty for a clear answer on news prose, and it keeps the cost
#: per article flat. lingua's time grows with the text: 1.9 ms for 1000 characters, 3.6 ms
#: for 2000 on the busy 2-core dev machine (bench/ingest_metadata.py measures ingest).
DETECT_CHARS = 1000
#: lingua answers only when its best language leads the next by this relative distance.
MIN_DISTANCE = 0.1
#: The languages the detector chooses among (lingua's names), ISO 639-1 codes after.
DETECTED = (
    "ENGLISH", "SPANISH", "PORTUGUESE", "FRENCH", "GERMAN", "ITALIAN", "DUTCH", "ARABIC",
    "PERSIAN", "URDU", "HEBREW", "TURKISH", "RUSSIAN", "UKRAINIAN", "SOMALI", "CHINESE",
)
LANGUAGE_SOURCES = ("supplied", "detected", "html-lang")
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


def reader_languages() -> frozenset[str]:
    """The languages an extractor reads: the one question routing asks.

    Today the built-in rules extractor reads English only. When extract/ keeps a registry
    of extractors, each declaring the languages it reads, this function asks that
    registry; nothing else in strikewatch decides which languages are read.
    """
    return frozenset({"en"})


def has_reader(language: str | None) -> bool:
    """Whether an article in this language is read (unknown: the default reader)."""
    return (language or DEFAULT_LANGUAGE) in reader_languages()


def readable_languages() -> set[str | None]:
    """The stored `language` values that are read, None (unknown) included when the
    default language has a reader: what store.unextracted_article_ids filters on."""
    langs: set[str | None] = set(reader_languages())
    if has_reader(None):
        langs.add(None)
    return langs


def normalise_language(value: object) -> str | None:
    """ISO 639-1 (else 639-3) for a language code, tag or English name; None if unknown.

    "es", "ES", "es-MX", "es_MX", "spa", "Spanish" -> "es".
    """
    import pycountry

    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    tag = _TAG.match(text)
    found: Any = None
    if tag:
        code = tag.group(1).lower()
        found = pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    if found is None:
        try:
            found = pycountry.languages.lookup(text)
        except LookupError:
            return None
    return str(getattr(found, "alpha_2", None) or found.alpha_3)


def html_language(tree: HtmlElement | None) -> str | None:
    """The language a page declares for itself (html lang, Content-Language, og:locale)."""
    if tree is None:
        return None
    declared = tree.xpath(
        "string((//html/@lang | //html/@xml:lang"
        " | //meta[translate(@http-equiv,'CONTENTLAGU','contentlagu')='content-language']"
        "/@content | //meta[@property='og:locale']/@content)[1])",
        namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
    return normalise_language(str(declared).split(",")[0])


@cache
def _detector() -> Any:
    """lingua's detector, built once per process; imported here only (the CLI's --help and
    every command that reads no new article never load it)."""
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in DETECTED]
    return (LanguageDetectorBuilder.from_languages(*languages)
            .with_minimum_relative_distance(MIN_DISTANCE).build())


def detect_language(text: str) -> str | None:
    """The language of a text by lingua, or None when no language clearly leads."""
    sample = text[:DETECT_CHARS]
    if not sample.strip():
        return None
    found = _detector().detect_language_of(sample)
    return None if found is None else str(found.iso_code_639_1.name.lower())


def article_language(
    supplied: object, text: str, tree: HtmlElement | None = None
) -> tuple[str | None, str | None]:
    """(language, language_source) of an article, in the module's order of trust."""
    code = normalise_language(supplied)
    if code:
        return code, "supplied"
    code = detect_language(text)
    if code:
        return code, "detected"
    code = html_language(tree)
    if code:
        return code, "html-lang"
    return None, None
