"""Component `counts`: killed, injured, civilians, children, survivors, missing, strikes.

Per frame, from its clause (counts.py reads the numbers: "at least 12", "dozens", "3 to
5"); a gapped part ("… and two in Jabalia") is read with the verb it shares. Counts that
add to a figure told before ("two more died") are marked in `frame.more`.
"""

from __future__ import annotations

from strikewatch.extract.context import Doc
from strikewatch.extract.counts import read_counts
from strikewatch.extract.pipeline import component


@component("counts", requires=("doc.frames",),
           assigns=("frame.counts", "frame.approx", "frame.more"))
def read_frame_counts(doc: Doc) -> None:
    """Every count of every frame, each with its span."""
    for f in doc.frames:
        clause = doc.text[f.start:f.end]
        if f.gap_verb:
            # "two in Jabalia": read as "killed two in Jabalia", offsets kept
            lead = f.gap_verb + " "
            counts, approx, cspans = read_counts(lead + clause, f.start - len(lead), f.more)
            cspans = {k: (max(f.start, x), y) for k, (x, y) in cspans.items()}
        else:
            counts, approx, cspans = read_counts(clause, f.start, f.more)
        f.counts = counts
        f.approx = approx
        for k, (a, b) in cspans.items():
            f.cite(k, a, b)
