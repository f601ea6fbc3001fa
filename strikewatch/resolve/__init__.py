"""resolve: mentions from many articles -> incidents (linked, merged, graded) and tallies."""

from __future__ import annotations

from collections.abc import Iterable

from strikewatch.records import Article, Incident, Mention, Review, Tally


def resolve(
    mentions: Iterable[Mention],
    articles: dict[str, Article],
    reviews: Iterable[Review] = (),
) -> tuple[list[Incident], list[Tally]]:
    """The ledger for these mentions; reviews are applied last and always win."""
    return [], []
