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

from strikewatch.extract.components.assemble import join_elaborations
from strikewatch.extract.context import Doc
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
