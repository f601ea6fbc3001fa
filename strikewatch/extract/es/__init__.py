"""The Spanish reader: `strikewatch-rules-es`, languages {"es"}.

Registered in the extractor registry exactly as a third-party reader would be (reader.py,
and the `strikewatch_extractors` entry point in pyproject.toml), so ingest routes Spanish
articles to it (`registry.for_language("es")`).
"""
