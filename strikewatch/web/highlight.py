"""Mark the exact sentences behind a record inside an article's text, safely escaped.

Why by hand: the spans are character offsets that may overlap (the killed count and the
date can come from one sentence), so the text is cut at every span boundary and each piece
is escaped on its own; nothing from the article ever reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    label: str  # what the span supports, e.g. "killed" or "mention 3"
    anchor: str = ""  # id for the first piece, so other parts of the page can link here
    css: str = "ev"


def highlight(text: str, marks: list[Highlight]) -> Markup:
    """The text escaped, with each span wrapped in <mark> (labels in title/data-labels)."""
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    out: list[str] = []
    anchored: set[str] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        active = [m for m in valid if m.start <= a and b <= m.end]
        if not active:
            out.append(str(piece))
            continue
        labels = ", ".join(dict.fromkeys(m.label for m in active))
        classes = " ".join(sorted({m.css for m in active}))
        id_attr = ""
        for m in active:
            if m.anchor and m.anchor not in anchored:
                anchored.add(m.anchor)
                id_attr = f' id="{escape(m.anchor)}"'
                break
        out.append(
            f'<mark class="{escape(classes)}"{id_attr} title="{escape(labels)}" '
            f'data-labels="{escape(labels)}">{piece}</mark>'
        )
    return Markup("".join(out))
