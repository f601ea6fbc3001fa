"""extract: Article -> list[Mention].

Two seams (README.md in this folder):

- **Extractors** (registry.py): anything with a name, a version, the languages it reads
  and `__call__(article) -> list[Mention]`, registered by name. `checked(extractor,
  article)` is the boundary every caller that stores or scores uses: it validates the
  output, so an invalid mention is an error on that article, never a stored record.
- **Components** (pipeline.py, components/): the built-in rules extractor is a pipeline of
  named components — sentences, triggers (the cheap prefilter), clauses, status, counts,
  dates, kind, targets, countries, places, actors (spaCy parse only where word order is
  ambiguous), sources, coreference, geoplace, regions, trailing_quotes, to_mention — each
  declaring the Doc slots it requires and assigns, each replaceable by name.
"""

from __future__ import annotations

from strikewatch.extract.pipeline import DEFAULT_NAMES, Pipeline, component
from strikewatch.records import Article, Mention

_default: list[Pipeline] = []


def extract(article: Article) -> list[Mention]:
    """Every event and tally the article reports, each field with its source spans, read by
    the rules pipeline (unvalidated: callers that store go through registry.checked).

    Deterministic: the same article always gives the same mentions (and mention ids).
    """
    if not _default:
        _default.append(Pipeline())
    return _default[0](article)


__all__ = ["DEFAULT_NAMES", "Pipeline", "component", "extract"]
