"""Component `coreference`: the frames that tell one event become one group (one mention).

The rules are in coref.py. What they read of each frame is declared here: every field is
set by a named component before this one (status and its cue, the clause's reference and
violence flags, counts and the counts that add to others, dates, places, actors), so a
replacement for any of them keeps coreference working as long as it assigns the same.
`frame.date_told` (a date that is only when the event was told) is read where a dates
component sets it and is not required: left False, every date is the event's own.
"""

from __future__ import annotations

from strikewatch.extract.context import Doc
from strikewatch.extract.coref import merge_frames
from strikewatch.extract.pipeline import component


@component("coreference",
           requires=("doc.frames", "frame.kind", "frame.status", "frame.status_cued",
                     "frame.background", "frame.drop", "frame.anaphoric",
                     "frame.violent_context", "frame.counts", "frame.more", "frame.date_low",
                     "frame.place", "frame.seas", "frame.actor1", "frame.actor2",
                     "frame.event_type",
                     "frame.target_kind", "frame.antecedent"),
           assigns=("doc.groups",))
def corefer(doc: Doc) -> None:
    """Group the doc's frames into mentions, in article order. Counts, for the benchmark,
    the frames dropped before grouping and those that join no group: all the per-frame
    work that skipping frames which cannot become a mention could save."""
    doc.groups = merge_frames(doc)
    grouped = sum(len(g.frames) for g in doc.groups)
    doc.bump("frames", len(doc.frames))
    doc.bump("dropped_frames", sum(f.drop for f in doc.frames))
    doc.bump("ungrouped_frames", len(doc.frames) - grouped)
