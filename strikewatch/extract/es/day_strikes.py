"""Component `es_day_strikes`: "dos ataques letales contra dos lanchas el domingo" is two
strikes, not one aggregate.

The English component's steps (components/day_strikes.py, `split_strikes`) with Spanish
words: a handful of strikes on craft at sea told together, on a day of their own and not
counted over a campaign ("desde septiembre", "en lo que va", "en total"), becomes one
incident per strike, each with its rank; a toll told per craft ("en cada lancha iban tres",
"cada embarcación transportaba a tres") is each strike's toll, the day's sum is none's; a
sentence telling one strike by its rank ("el segundo ataque alcanzó …") is that one's.
es_kind keeps the day of such a tally for this step, which drops it again from a tally left
whole (a tally tells a period, not a day).
"""

from __future__ import annotations

import re

from strikewatch.extract.components.day_strikes import DayWords, split_strikes
from strikewatch.extract.components.shares import SPANISH_SHARES
from strikewatch.extract.context import Doc
from strikewatch.extract.counts import ranks_up_to
from strikewatch.extract.es.counts import number_value
from strikewatch.extract.es.dates import MONTHS, WEEKDAYS, read_dates
from strikewatch.extract.es.fields import list_item
from strikewatch.extract.es.lexicon import ORDINALS
from strikewatch.extract.pipeline import component
from strikewatch.geo.protocol import geoparser
from strikewatch.geo.reading import is_open_water

_CRAFT_NOUN = (r"(?:narco)?lanchas?|embarcaci(?:ón|on|ones)|botes?|buques?|naves?|barcos?|"
               r"semisumergibles?|narcosubmarinos?|peñeros?|go-?fasts?")
_ONE_CRAFT_NOUN = (r"(?:narco)?lancha|embarcaci(?:ón|on)|bote|buque|nave|barco|"
                   r"semisumergible|narcosubmarino|peñero")
_NUMBER = r"(\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)"

#: a count over time, not one operation: "desde septiembre", "en lo que va del año"
_CAMPAIGN = re.compile(
    r"\b(?:desde|hasta (?:ahora|la fecha|el momento)|en lo que va|campaña|"
    r"este (?:año|mes)|esta semana|en total|en conjunto|acumulad[oa]s?|ya son|eleva|"
    r"balance|recuento|conteo|en (?:las|los) últim[oa]s (?:semanas|meses)|"
    r"tales|este tipo de|estos ataques)\b", re.IGNORECASE)

#: the day of the strikes told in words: "el domingo", "ayer", "anoche", "la madrugada",
#: "el 9 de noviembre"
_DAY = re.compile(
    r"\b(?:" + "|".join(WEEKDAYS) + r"|ayer|anteayer|hoy|anoche|madrugada|"
    r"(?:al|el) día siguiente|\d{1,2}\s+de\s+(?:" + "|".join(MONTHS) + r"))\b",
    re.IGNORECASE)

#: a toll told per craft: "en cada lancha iban tres", "cada embarcación transportaba a tres
#: narcoterroristas", "tres hombres a bordo de cada bote"
_EACH = re.compile(
    rf"\b(?:en|a bordo de)\s+cada\s+(?:{_ONE_CRAFT_NOUN})\s+(?:iban|viajaban|había|"
    rf"se encontraban|navegaban)\s+{_NUMBER}\b|"
    rf"\bcada\s+(?:{_ONE_CRAFT_NOUN})\s+(?:transportaba|llevaba|tenía)\s+(?:a\s+)?{_NUMBER}\b|"
    rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,3}}?(?:en|a bordo de)\s+cada\s+(?:{_ONE_CRAFT_NOUN})\b",
    re.IGNORECASE)

#: a counted few craft: "contra dos lanchas", "tres embarcaciones"
_CRAFT_COUNT = re.compile(rf"\b{_NUMBER}\s+(?:[\w-]+\s+){{0,2}}?(?:{_CRAFT_NOUN})\b",
                          re.IGNORECASE)

#: one craft struck with its own verb: "atacó una lancha", "hundió otra embarcación"
_ONE_CRAFT = re.compile(
    rf"\b(?:atac[óo]|alcanz[óo]|destruy[óo]|hundi[óo]|impact[óo]|golpe[óo]|bombarde[óo])\s+"
    rf"(?:a\s+)?(?:una?|otra)\s+(?:[\w-]+\s+){{0,2}}?(?:{_ONE_CRAFT_NOUN})\b", re.IGNORECASE)

#: the trigger of one act that hit several craft: "tres lanchas fueron blanco de un ataque
#: cinético" (a Spanish trigger may run on: "ataque cinético", "ataques letales")
_ONE_ACT = re.compile(r"^(?:ataque|bombardeo|golpe|operaci[oó]n|operativo|acci[oó]n)\b",
                      re.IGNORECASE)

_RANKS = ranks_up_to(ORDINALS, 6)
#: a strike told by its rank in the day's series: "el primer ataque", "la segunda lancha",
#: "el tercero alcanzó"; not "por primera vez", "desde el primer ataque" (the campaign's),
#: "los dos primeros", "el primero de …"
_RANKED = re.compile(
    r"(?<!desde )(?<!tras )(?<!antes )\b(?:el|la|del|al)\s+(" + "|".join(
        sorted(_RANKS, key=len, reverse=True)) + r")\b"
    r"(?!\s+(?:\d+|dos|tres|cuatro|cinco|seis|vez|veces|día|semana|mes|año|de)\b)"
    rf"(?=\s+(?:[\w-]+\s+){{0,2}}?(?:ataques?|golpes?|bombardeos?|{_CRAFT_NOUN})\b|"
    r"\s+(?:alcanzó|impactó|destruyó|mató|hubo|iban|viajaban|había|llevaba|transportaba)\b|,)",
    re.IGNORECASE)


def _seas(text: str, a: int, b: int) -> frozenset[str]:
    """The named seas text[a:b] holds (open water, "aguas internacionales", is none)."""
    try:
        return frozenset(pm.place.name for pm in geoparser().places_in(text, a, b)
                         if pm.place.name and pm.place.kind == "sea" and
                         not is_open_water(pm.place))
    except Exception:  # noqa: BLE001 - a gazetteer problem must not lose the strikes
        return frozenset()


SPANISH = DayWords(craft=re.compile(rf"\b(?:{_CRAFT_NOUN})\b", re.IGNORECASE),
                   one_act=_ONE_ACT, campaign=_CAMPAIGN, day=_DAY, each=_EACH,
                   craft_count=_CRAFT_COUNT, one_craft=_ONE_CRAFT, ranked=_RANKED,
                   ranks=_RANKS, number=number_value, seas=_seas, list_item=list_item,
                   read_days=read_dates, shares=SPANISH_SHARES,
                   day_joiner=re.compile(r"\s*(?:,\s*)?(?:y|e)?\s*(?:(?:el|del)\s+)?",
                                         re.IGNORECASE),
                   tolls_listed=re.compile(
                       rf"\b(?:mat(?:ó|aron|ando)|dejaron|dej(?:ó|ando))\s+(?:a\s+)?"
                       rf"(?P<figures>{_NUMBER}(?:\s*,\s*{_NUMBER})*\s*,?\s+y\s+{_NUMBER})\b",
                       re.IGNORECASE))


@component("es_day_strikes",
           requires=("doc.groups", "frame.kind", "frame.counts", "frame.status",
                     "frame.background", "frame.period_low", "frame.since_read",
                     "frame.time_precision", "frame.place"),
           assigns=("doc.groups", "frame.kind", "frame.counts", "frame.date_low",
                    "frame.place"))
def split_day_strikes(doc: Doc) -> None:
    """One incident group per strike of an operation told as a handful of strikes; a tally
    left whole keeps no day (es_kind kept it only for the split)."""
    split_strikes(doc, SPANISH)
    for g in doc.groups:
        for f in g.frames:
            if f.kind == "tally" and f.date_low is not None:
                f.date_low = f.date_high = None
                f.time_precision = None
                f.prov.pop("date", None)
