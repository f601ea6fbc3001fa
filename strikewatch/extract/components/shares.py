"""A day's operation told with each strike's share: "four died aboard each of the first two
boats, both in the Eastern Pacific, and three aboard the third, in the Caribbean", "cuatro
en cada uno de los dos primeros golpes y en el último, tres", "Eight of the 11 dead were
aboard the two boats in the Pacific and three were in the Caribbean", "two in the Caribbean
and one in the Pacific".

Such a sentence is read clause by clause (its coordination: commas, "and", "y", "más"):
each clause with one figure is a share of the operation, covering as many strikes as it
counts ("each of the first two boats", "los dos primeros", "the two boats": two; a rank or
nothing: one), with that toll per strike where it is distributive ("each", "cada") or
single, and none where a figure covers several ("eight on the two boats": which boat held
how many is not told). A clause with no figure but a sea ("both in the Eastern Pacific",
"ambas en aguas del Pacífico", "la del Caribe") places the shares just told. A figure that
is the sum of the shares after it ("Eleven died in these actions: 4 on the first ...") is
the day's total. With no death word, figures beside seas count strikes ("two in the
Caribbean and one in the Pacific").

`day_strikes` accepts the shares only where they agree with the rest of the article: as
many strikes as the operation counts (craft or strikes), and a toll that adds up to the
day's told toll. Agreement, not wording, is what tells a share apart from any two figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from strikewatch.geo import PlaceMatch

#: the most strikes one share may cover
MOST_SHARED = 6


@dataclass(frozen=True)
class ShareWords:
    """The words a share is read by, one value per language."""

    #: what joins two clauses of one sentence: commas, "and", "y", "más", semicolons, ":"
    joiner: re.Pattern[str]
    #: a figure, digits or a number word; group 1
    figure: re.Pattern[str]
    value: Callable[[str], int | None]
    #: a count of craft or strikes, not of people ("each of the first two boats", "the two
    #: boats", "los dos primeros golpes", "cada una de las dos"); its one group that matched
    multiple: re.Pattern[str]
    #: a distributive word: the figure is each craft's ("each", "cada", "apiece")
    each: re.Pattern[str]
    #: two craft just told, named again to place them ("both", "ambas", "las dos")
    both: re.Pattern[str]
    #: a strike or craft told by its rank ("the third boat", "la última", "la siguiente")
    rank: re.Pattern[str]
    #: a death word: the figures are tolls
    death: re.Pattern[str]
    #: a count that is no toll in the clause: wounded, survivors, missing
    other: re.Pattern[str]
    #: a figure that is no count of people or strikes ("16 Feb", "39 seconds")
    not_count: re.Pattern[str]
    #: what ends right before a total the share is part of ("eight of the 11")
    part_of: re.Pattern[str]
    #: a word some sea's name holds: a sentence with none is not geoparsed for seas
    sea_hint: re.Pattern[str] = re.compile(
        r"\b(?:seas?|ocean|gulf|bay|strait|channel|pacific|caribbean|atlantic|"
        r"mediterranean|adriatic|baltic|aegean|arabian|mar|océano|golfo|bahía|estrecho|"
        r"canal|pac[íi]fico|caribe|atl[áa]ntico|mediterr[áa]neo)\b", re.IGNORECASE)


@dataclass
class Share:
    """One clause's share of an operation: its toll per strike (None where untold or told
    for several together), how many strikes it covers, its sea and the words behind them."""

    toll: int | None
    strikes: int
    sea: PlaceMatch | None
    span: tuple[int, int]
    figure: tuple[int, int] | None
    ranked: bool = False
    joint: int | None = None  # a figure told over several strikes together


def _clauses(text: str, a: int, b: int, w: ShareWords) -> list[tuple[int, int]]:
    out, last = [], a
    for m in w.joiner.finditer(text, a, b):
        if m.start() > last:
            out.append((last, m.start()))
        last = m.end()
    if last < b:
        out.append((last, b))
    return out


def _masked(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(x < b and a < y for x, y in spans)


def _figures(text: str, a: int, b: int, masked: list[tuple[int, int]],
             w: ShareWords) -> list[tuple[int, tuple[int, int]]]:
    out = []
    for m in w.figure.finditer(text, a, b):
        if _masked(masked, m.start(), m.end()) or w.not_count.match(text, m.start()) or \
                w.part_of.search(text[max(a, m.start() - 12):m.start()]):
            continue
        v = w.value(m.group(1))
        if v is not None and 0 < v < 1000:
            out.append((v, m.span()))
    return out


def read_shares(text: str, a: int, b: int, seas: Callable[[int, int], list[PlaceMatch]],
                w: ShareWords) -> tuple[list[Share], int | None]:
    """The shares text[a:b] tells an operation's strikes by, and the total told before
    them (or None); no shares where the sentence is no such list."""
    shares: list[Share] = []
    # a clause telling only a rank or a multiple, and the sea a clause after it names
    pending: tuple[int, bool, PlaceMatch | None] | None = None
    clauses = _clauses(text, a, b, w)
    if sum(1 for x, y in clauses if w.figure.search(text, x, y)) < 2:
        return [], None  # two shares need two clauses with a figure (before any geoparse)
    has_death = bool(w.death.search(text, a, b))
    for x, y in clauses:
        masked: list[tuple[int, int]] = []
        mult = None
        for m in w.multiple.finditer(text, x, y):
            n = w.value(next(g for g in m.groups() if g))
            if n is not None and 2 <= n <= MOST_SHARED:
                mult = n
                masked.append(m.span())
        both = w.both.search(text, x, y)
        if both is not None:
            masked.append(both.span())
        figures = _figures(text, x, y, masked, w)
        found = [pm for pm in seas(x, y)]
        sea = found[0] if len(found) == 1 else None
        ranked = bool(w.rank.search(text, x, y))
        if len(figures) > 1 or (figures and w.other.search(text, x, y)):
            return [], None
        if not figures:
            if both is None and sea is None and (ranked or (
                    mult is not None and w.each.search(text, x, y))):
                pending = (mult or 1, ranked, None)
                continue
            if sea is not None and pending is not None and both is None:
                pending = (pending[0], pending[1], sea)  # "en la tercera, que iba por el Caribe"
                continue
            if sea is not None and shares:
                _place_last(shares, sea, 2 if both is not None else 1)
            continue
        v, span = figures[0]
        if pending is not None:
            mult = mult or (pending[0] if pending[0] > 1 else None)
            ranked = ranked or pending[1]
            sea = sea or pending[2]
            pending = None
        each = bool(w.each.search(text, x, y))
        k = mult or 1
        share = Share(toll=v if (k == 1 or each) else None, strikes=k, sea=sea,
                      span=(x, y), figure=span, ranked=ranked,
                      joint=v if k > 1 and not each else None)
        shares.append(share)
    if not has_death:
        # figures beside seas with no toll told: strikes per sea
        if not shares or any(s.sea is None or s.strikes != 1 or s.toll is None
                             for s in shares):
            return [], None
        shares = [Share(toll=None, strikes=s.toll or 1, sea=s.sea, span=s.span, figure=None)
                  for s in shares]
        return (shares, None) if len(shares) >= 2 else ([], None)
    total = None
    if len(shares) >= 3 and shares[0].strikes == 1 and not shares[0].ranked and \
            shares[0].sea is None and shares[0].toll == _sum(shares[1:]):
        total = shares[0].toll
        shares = shares[1:]
    if len(shares) < 2 or not all(s.ranked or s.sea is not None or s.strikes > 1
                                  for s in shares):
        return [], None
    return shares, total


def _place_last(shares: list[Share], sea: PlaceMatch, covering: int) -> None:
    """Place the last shares told, up to `covering` strikes, that no sea places yet."""
    n = 0
    for s in reversed(shares):
        if n >= covering or s.sea is not None:
            break
        s.sea = sea
        n += s.strikes


def _sum(shares: list[Share]) -> int | None:
    """The toll the shares add up to, where every one is told."""
    total = 0
    for s in shares:
        if s.joint is not None:
            total += s.joint
        elif s.toll is not None:
            total += s.toll * s.strikes
        else:
            return None
    return total


def shares_total(shares: list[Share]) -> int | None:
    """The operation's toll the shares tell, where each share's is told."""
    return _sum(shares)


_NUM_EN = (r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
           r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty")
_CRAFT_EN = r"(?:boats?|vessels?|craft|strikes?|attacks?|skiffs?|speedboats?|ships?|" \
            r"semi-submersibles?|narco-?subs?|engagements?)"
_MONTHS = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|enero|febrero|marzo|abril|"
           r"mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre")

ENGLISH_SHARES = ShareWords(
    joiner=re.compile(r"\s*[,;:]\s*(?:and\s+|plus\s+|while\s+)?|\s+(?:and|plus|while|whereas)\s+",
                      re.IGNORECASE),
    figure=re.compile(rf"(?<![\w.,-])({_NUM_EN})(?![\w-])", re.IGNORECASE),
    value=lambda s: _parse_en(s),
    multiple=re.compile(
        rf"\b(?:each\s+of\s+)?(?:the\s+|those\s+|these\s+)?(?:first\s+|last\s+|other\s+)?"
        rf"(?P<n>{_NUM_EN})\s+(?:(?!of\b)[\w-]+\s+){{0,2}}?{_CRAFT_EN}\b|"
        rf"\beach\s+of\s+(?:the\s+)?(?:first\s+|last\s+|other\s+)?(?P<m>{_NUM_EN})\b|"
        rf"\bthe\s+(?:first|last|other)\s+(?P<o>{_NUM_EN})\b", re.IGNORECASE),
    each=re.compile(r"\beach\b|\bapiece\b", re.IGNORECASE),
    both=re.compile(r"\bboth\b|\b(?:all\s+)?(?:the\s+)?two\s+of\s+them\b", re.IGNORECASE),
    rank=re.compile(r"\b(?:first|second|third|fourth|fifth|sixth|last|final|other|"
                    r"another|remaining)\b", re.IGNORECASE),
    death=re.compile(r"\b(?:died|dead|killed|killing|kills|deaths?|lives|perished|"
                     r"bodies|aboard|on\s+board)\b", re.IGNORECASE),
    other=re.compile(r"\b(?:wounded|injured|hurt|surviv\w*|missing|rescued|detained)\b",
                     re.IGNORECASE),
    not_count=re.compile(rf"\S+\s*(?:-|\s)(?:seconds?|minutes?|hours?|days?|miles?|km|"
                         rf"kilomet\w+|percent|%|pm|am|gmt)\b|\S+\s+(?:{_MONTHS})\b",
                         re.IGNORECASE),
    part_of=re.compile(r"\bof\s+(?:the\s+|those\s+)?$", re.IGNORECASE),
)


def _parse_en(s: str) -> int | None:
    from strikewatch.extract.counts import parse_number
    return parse_number(s)


_NUM_ES = (r"\d+|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|"
           r"catorce|quince")
_CRAFT_ES = (r"(?:(?:narco)?lanchas?|embarcaci(?:ón|on|ones)|botes?|buques?|naves?|barcos?|"
             r"semisumergibles?|narcosubmarinos?|ataques?|golpes?|bombardeos?)")

SPANISH_SHARES = ShareWords(
    joiner=re.compile(r"\s*[,;:]\s*(?:y\s+|e\s+|más\s+)?|\s+(?:y|e|más|mientras)\s+",
                      re.IGNORECASE),
    figure=re.compile(rf"(?<![\w.,-])({_NUM_ES})(?![\w-])", re.IGNORECASE),
    value=lambda s: _parse_es(s),
    multiple=re.compile(
        rf"\b(?:cada\s+un[oa]\s+de\s+)?l[oa]s\s+(?P<n>{_NUM_ES})\s+(?:(?:primer|últim)[oa]s\b"
        rf"(?:\s+{_CRAFT_ES})?|(?:[\w-]+\s+)?{_CRAFT_ES}\b)|"
        rf"\bcada\s+un[oa]\s+de\s+l[oa]s\s+(?P<m>{_NUM_ES})\b|"
        rf"\b(?P<o>{_NUM_ES})\s+(?:(?!de\b)[\w-]+\s+){{0,2}}?{_CRAFT_ES}\b", re.IGNORECASE),
    each=re.compile(r"\bcada\b", re.IGNORECASE),
    both=re.compile(r"\b(?:amb[oa]s|l[oa]s\s+dos)\b(?!\s+(?:primer|últim|" + _CRAFT_ES + r"))",
                    re.IGNORECASE),
    rank=re.compile(r"\b(?:primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|"
                    r"últim[oa]|inicial|siguiente|otr[oa])\b", re.IGNORECASE),
    death=re.compile(r"\b(?:muri\w+|muert[oa]s?|fallec\w+|mat\w+|perdi\w+\s+la\s+vida|"
                     r"a\s+bordo|viajaban|iban)\b", re.IGNORECASE),
    other=re.compile(r"\b(?:herid\w+|sobreviv\w+|superviv\w+|desaparecid\w+|rescatad\w+|"
                     r"detenid\w+)\b", re.IGNORECASE),
    not_count=re.compile(rf"\S+\s*(?:-|\s)(?:segundos?|minutos?|horas?|días?|millas?|km|"
                         rf"kilómet\w+|por\s+ciento|%)\b|\S+\s+de\s+(?:{_MONTHS})\b",
                         re.IGNORECASE),
    part_of=re.compile(r"\b(?:de|entre)\s+(?:l[oa]s\s+)?$", re.IGNORECASE),
)


def _parse_es(s: str) -> int | None:
    from strikewatch.extract.es.counts import number_value
    v = number_value(s)
    if v is None and s.lower() in ("un", "uno", "una"):
        return 1
    return v
