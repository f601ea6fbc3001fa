"""extract: Article -> list[Mention].

A pipeline of small components (sentences, triggers, dates, places, numbers, actors,
attribution, status), each testable alone and replaceable behind one interface.
"""

from __future__ import annotations

from strikewatch.records import Article, Mention


def extract(article: Article) -> list[Mention]:
    """Every event and tally the article reports, each field with its source spans.

    Deterministic: the same article always gives the same mentions (and mention ids).
    """
    return []
