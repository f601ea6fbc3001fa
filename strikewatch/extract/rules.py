"""The built-in extractor: English rules over named components (pipeline.py), registered
under "strikewatch-rules" through the public registry, as any other extractor would be."""

from __future__ import annotations

from strikewatch.extract.pipeline import Pipeline
from strikewatch.extract.registry import Extractor, extractors
from strikewatch.records import Article, Mention


class RulesExtractor:
    """Runs a component pipeline; `Pipeline().replace(...)` makes a variant of it."""

    name = "strikewatch-rules"
    version = "1"
    languages: frozenset[str] = frozenset({"en"})

    def __init__(self, pipeline: Pipeline | None = None) -> None:
        self.pipeline = pipeline or Pipeline()

    @property
    def builds_valid_mentions(self) -> bool:
        """Its Mentions are valid records as built (registry.builds_valid_mentions)."""
        return self.pipeline.builds_valid_mentions

    def __call__(self, article: Article) -> list[Mention]:
        return self.pipeline(article)


@extractors.register(RulesExtractor.name)
def make_rules() -> Extractor:
    return RulesExtractor()
