"""Components `sentences` and `triggers`: the sentences, and the event words in them.

`triggers` is the cheap prefilter: one lexicon alternation per sentence gives the ACLED
type/sub-type, action and strength of every event word; sentences without one are never
read further.
"""

from __future__ import annotations

from strikewatch.extract.pipeline import component
from strikewatch.extract.sentences import split_sentences
from strikewatch.extract.triggers import find_all_triggers

component("sentences", assigns=("doc.sentences",))(split_sentences)
component("triggers", requires=("doc.sentences",), assigns=("doc.triggers",))(find_all_triggers)

__all__ = ["split_sentences", "find_all_triggers"]
