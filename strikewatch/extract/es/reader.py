"""`strikewatch-rules-es`: the rules pipeline with Spanish components where words matter.

Sentence splitting, the seas of a tally (`regions`), the quotes after an event and the
building of Mention records are the English pipeline's language-neutral components, reused
by name; everything that reads words is an `es_*` component (es/clauses.py, fields.py,
parties.py). No trained Spanish spaCy pipeline is used (none compatible with spaCy 3.8 is
installable from PyPI here), so, as the English rules mostly do, the reader works on word
order and lexicons.
"""

from __future__ import annotations

from strikewatch.extract.components import article_frame  # noqa: F401  (shared with English)
from strikewatch.extract.es import (  # noqa: F401  (register es_*)
    assemble,
    clauses,
    day_strikes,
    fields,
    parties,
)
from strikewatch.extract.pipeline import Pipeline
from strikewatch.extract.registry import Extractor, extractors
from strikewatch.records import Article, Mention

SPANISH_NAMES: tuple[str, ...] = (
    "es_sentences", "es_triggers", "es_clauses", "es_status", "es_furniture", "es_counts",
    "es_dates", "es_kind",
    "article_frame", "es_targets", "es_countries", "es_places", "es_actors", "es_sources",
    "es_coreference", "es_assemble", "genre", "recalled", "es_day_strikes", "es_place_context",
    "regions", "to_mention", "mention_filter",
)


class SpanishRulesExtractor:
    """Reads Spanish news reports into the same Mention records as the English rules."""

    name = "strikewatch-rules-es"
    version = "1"
    languages: frozenset[str] = frozenset({"es"})

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self.pipeline = pipeline or Pipeline(SPANISH_NAMES)

    @property
    def builds_valid_mentions(self) -> bool:
        """Its Mentions are valid records as built (registry.builds_valid_mentions)."""
        return self.pipeline.builds_valid_mentions

    def __call__(self, article: Article) -> list[Mention]:
        out = self.pipeline(article)
        for m in out:
            m.extractor = "strikewatch-rules-es-1"
        return out


@extractors.register(SpanishRulesExtractor.name)
def make_reader() -> Extractor:
    return SpanishRulesExtractor()
