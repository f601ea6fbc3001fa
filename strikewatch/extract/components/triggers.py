"""Component `triggers`: the cheap prefilter. One lexicon alternation per sentence gives the
ACLED type/sub-type, action and strength of every event word (triggers.py); sentences
without one are never read further."""

from __future__ import annotations

from strikewatch.extract.pipeline import component
from strikewatch.extract.triggers import find_all_triggers

component("triggers", requires=("doc.sentences",), assigns=("doc.triggers",))(find_all_triggers)

__all__ = ["find_all_triggers"]
