"""Component `es_assemble`: a Spanish report read as one document, as the English one is.

Real copy announces one strike and keeps talking about it: "la embarcación era operada por
una organización terrorista", "el ataque, realizado en aguas internacionales", "el soldado
que murió fue identificado como …". A group that tells nothing of its own joins the event
it elaborates. The step is the English assembly's own (components/assemble.py,
`join_elaborations`), which compares fields; only the words that give a clause something
of its own — a figure, a day, a month, "otro", "un segundo ataque" — are Spanish (`OWN`).
"""

from __future__ import annotations

import re

from strikewatch.extract.components.assemble import is_furniture, join_elaborations
from strikewatch.extract.context import Doc, Frame
from strikewatch.extract.es.dates import MONTHS, WEEKDAYS
from strikewatch.extract.es.lexicon import NUMBER_WORDS, VAGUE
from strikewatch.extract.es.parties import generic_plural
from strikewatch.extract.pipeline import component

#: number words that are also the indefinite article ("un ataque") tell no figure
_ARTICLES = {"un", "una", "uno"}
#: words in an event's first clause that tell something of its own: a figure, a day or a
#: month, a day told relative to the page, or a word that sets it apart ("otro ataque",
#: "un segundo ataque", "un nuevo bombardeo", "por separado")
OWN = re.compile(
    r"\d|\b(?:" + "|".join(sorted(
        {*WEEKDAYS, *MONTHS, *VAGUE, *(w for w in NUMBER_WORDS if w not in _ARTICLES)},
        key=len, reverse=True)) +
    r"|ayer|anteayer|hoy|anoche|anteanoche|madrugada|otr[oa]s?|nuev[oa]s?|"
    r"segund[oa]s?|tercer[oa]?s?|cuart[oa]s?|quint[oa]s?|sext[oa]s?|"
    r"separad[oa]s?|distint[oa]s?|dec(?:enas|ena)|docenas?)\b",
    re.IGNORECASE)


@component("es_assemble",
           requires=("doc.groups", "frame.kind", "frame.status", "frame.background",
                     "frame.date_low", "frame.place", "frame.counts", "frame.actor1",
                     "frame.actor2", "frame.event_type"),
           assigns=("doc.groups",))
def assemble(doc: Doc) -> None:
    """Elaborations join the strike they elaborate; with none to join, a generic plural
    ("los ataques", es/parties.py) or a party-less event word is dropped."""
    doc.groups = join_elaborations(doc, OWN, generic_plural)


#: a link to another story: "Lea también:", "Le puede interesar:", "VEA TAMBIÉN", "Más
#: información:"
#: (matched at a line's start: `_LINK_LABEL.match(text, line_start)`)
_LINK_LABEL = re.compile(r"\W*(?:(?:lea|lee|vea|ve|mira|leer)\s+(?:también|además|más)|"
                         r"(?:te|le|les)\s+puede(?:n)?\s+interesar|también\s+lee|"
                         r"más\s+información|relacionad[oa]s?|noticias?\s+relacionadas?)\b",
                         re.IGNORECASE)


#: the most words a crosshead line has
CROSSHEAD_WORDS = 6


def _headline(doc: Doc, f: Frame) -> bool:
    """Whether the frame's line is the article's first (its headline)."""
    return not doc.text[:f.trigger.start].strip(" \t") or \
        "\n" not in doc.text[:f.trigger.start].lstrip("\n")


@component("es_furniture", requires=("doc.frames", "frame.drop"), assigns=("frame.drop",))
def drop_furniture(doc: Doc) -> None:
    """Event words on a crosshead ("Ofensiva militar contra el narco": a short line below
    the headline that does not end like a sentence) or on a link to another story ("Le
    puede interesar: …") tell no event of their own. The headline stays: the Spanish reader
    joins it to the lede it restates and reads its figures (the English `furniture` step,
    which drops it too, has article_context to read it back)."""
    last = len(doc.text.rstrip())
    for f in doc.frames:
        if f.drop or _headline(doc, f):
            continue
        a = doc.text.rfind("\n", 0, f.trigger.start) + 1
        b = doc.text.find("\n", f.trigger.end)
        b = len(doc.text) if b < 0 else b
        # a crosshead is a few words; a longer line that does not end like a sentence is a
        # standfirst or a paragraph cut off, which tells the news; so does the page's last line
        crosshead = len(doc.text[a:b].split()) <= CROSSHEAD_WORDS and b < last and \
            is_furniture(doc.text, f.trigger.start, f.trigger.end)
        if crosshead or _LINK_LABEL.match(doc.text, a):
            f.drop = True
