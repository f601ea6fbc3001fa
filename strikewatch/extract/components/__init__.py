"""The rules extractor's components, one module each; importing them registers them.

| name | module | assigns |
|---|---|---|
| filing_day | filing_day.py | doc.published from a wire dateline with its year, when none came |
| sentences | sentences.py | doc.sentences |
| triggers | triggers.py | doc.triggers (the prefilter) |
| clauses | clauses.py | doc.frames: one per event clause, its type and reference flags |
| status | status.py | status + cue, hedges, background, drop |
| counts | counts.py | killed, injured, …, strikes; approx; "two more" |
| dates | dates.py | date_low/high, time_precision; periods read |
| kind | kind.py | incident or tally, a tally's period; long-ago background |
| article_frame | article_frame.py | status: a plan article's strike named by a noun is the plan's |
| targets | targets.py | target_kind, domain |
| countries | countries.py | doc.countries |
| actors | actors.py | actor1, actor2 |
| places, geoplace | places.py | country per frame; the geoparser's place per mention |
| sources, trailing_quotes | sources.py | attribution, quotes |
| furniture | assemble.py | drop on headline, crosshead and related-link lines |
| coreference | coreference.py | doc.groups: one per mention |
| assemble | assemble.py | doc.groups: elaborations join the event they tell |
| genre | article_frame.py | status, background: a strike only talked about in a no-strike page |
| recalled | recalled.py | background off: a strike recalled with its own day and toll or place |
| day_strikes | day_strikes.py | doc.groups: one incident per strike of a few told together |
| article_context | article_context.py | place and acting party from the rest of the article |
| regions | regions.py | the seas a tally's sentences name |
| to_mention | mentions.py | doc.mentions |
| mention_filter | mention_filter.py | doc.mentions: a trained filter's drops |
"""

from strikewatch.extract.components import (  # noqa: F401  (each registers itself)
    actors,
    article_context,
    article_frame,
    assemble,
    clauses,
    coreference,
    countries,
    counts,
    dates,
    day_strikes,
    filing_day,
    kind,
    mention_filter,
    mentions,
    places,
    recalled,
    regions,
    sentences,
    sources,
    status,
    targets,
    triggers,
)
