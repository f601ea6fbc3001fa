"""A party described by what it does or did: no event of the page.

Real copy introduces a party by its record: "the rebels, who had earlier attacked US
warships without success", "Jama'a Islamiya, a Lebanese group that launched rockets at
Israel in the Gaza war", "armed gangs known for kidnapping people", "las milicias que atacan
suelo paquistaní", "una banda conocida por secuestrar viajeros". The event word there says
who the party is, not what happened: it has no day, no toll and no place of the news, and
read as an occurred act it becomes a false incident (or joins the page's strike and lends
it the wrong place). Shared by the English status component and Spanish `es_status`.

Kept: a relative clause that gives the act a day or a toll of its own ("the militants, who
attacked a base on Monday, killing four"), and an act told of an instrument ("the drone
that struck the car"), which is the event itself.
"""

from __future__ import annotations

import re

# an armed party named by a common noun (not a state's forces, not a weapon or a vehicle)
_PARTY_EN = (r"(?:groups?|rebels?|militias?|militiamen|militants?|gangs?|factions?|movements?|"
             r"organi[sz]ations?|insurgents?|guerrillas?|jihadists?|extremists?|cartels?|"
             r"networks?|outfits?|bandits?|separatists?)")
# the party, then its relative clause up to the event word, with no clause break between
# ("the rebels, who had earlier gone after merchant ships and attacked ..."); a name
# described by a perfect ("Hezbollah, which has fired rockets at ..."); or "known for"
_DESCRIBED_EN = re.compile(
    r"\b" + _PARTY_EN + r"\s*,?\s+(?:who|which|that)\s+[^,;:.()\"“”]{0,90}$|"
    r"\b(?-i:[A-Z])[\w'’-]+,\s+(?:who|which)\s+(?:has|have|had)\s+[^,;:.()\"“”]{0,60}$|"
    r"\b(?:known|notorious|infamous|feared)\s+for\s+(?:[\w'’-]+\s+){0,2}$|"
    # an apposition naming it by its acts: "the TTP militants, perpetrators of many deadly
    # attacks", "the cells, responsible for scores of bombings"
    r"\b" + _PARTY_EN + r"(?:\s+[\w'’-]+){0,4}\s*,\s+(?:the\s+)?(?:perpetrators|authors|"
    r"responsible)\s+(?:of|for)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
_PARTY_ES = (r"(?:grupos?|rebeldes|milicias?|milicianos|insurgentes|guerrillas?|guerrilleros|"
             r"bandas?|facci(?:ón|on|ones)|organizaci(?:ón|on|ones)|movimientos?|yihadistas|"
             r"extremistas|c[aá]rteles|c[aá]rtel|terroristas|separatistas)")
_DESCRIBED_ES = re.compile(
    r"\b" + _PARTY_ES + r"(?:\s+[\w-]+)?\s*,?\s+(?:que|quienes|los\s+que|las\s+que|el\s+que|"
    r"la\s+que)\s+[^,;:.()\"“”«»]{0,90}$|"
    r"\b(?-i:[A-ZÁÉÍÓÚ])[\w'’-]+,\s+(?:que|quien(?:es)?|el\s+cual|la\s+cual)\s+(?:ha|han|había|habían)\s+"
    r"[^,;:.()\"“”«»]{0,60}$|"
    r"\b(?:conocid[oa]s?|famos[oa]s?|temid[oa]s?)\s+por\s+(?:[\w'’-]+\s+){0,2}$|"
    # "los milicianos del TTP, autores de numerosos atentados", "responsables de"
    r"\b" + _PARTY_ES + r"(?:\s+[\w'’-]+){0,4}\s*,\s+(?:los\s+|las\s+)?(?:autor(?:es|as?)?|"
    r"responsables?)\s+de\s+(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE)
# a day or a toll told in the rest of the sentence: the act is news, not a description
_FACT_EN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tonight|overnight|last\s+night|january|february|march|april|june|july|august|"
    r"september|october|november|december|jan|feb|aug|sept?|oct|nov|dec|"
    r"kill\w*|dead|died|deaths?|wound\w*|injur\w*)\b", re.IGNORECASE)
_FACT_ES = re.compile(
    r"\b(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|ayer|hoy|anoche|madrugada|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    r"noviembre|diciembre|mat\w*|muert\w*|murieron|muri[oó]|fallec\w*|herid\w*)\b",
    re.IGNORECASE)
#: how far before the event word the party and its relative pronoun may stand
_REACH = 130
# the event word named by a noun phrase ("the boat attacks", "sus ataques") ...
# (not the relative pronoun itself: "a group that launched", "los que atacan")
_NAMED_ACT = re.compile(r"\b(?:the|a|an|its|their|his|her|these|those|this|such|el|la|"
                        r"los|las|un|una|unos|unas|sus?)\s+(?!que\b|cual\b)"
                        r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
# ... is the party's own act only where a verb of doing governs it ("who have carried out
# deadly attacks", "que ha perpetrado los atentados"), not one of talk ("has defended")
_DOING = re.compile(r"\b(?:carr(?:y|ies|ied|ying)\s+out|conduct\w*|launch\w*|mount\w*|"
                    r"stag(?:e|es|ed|ing)|wag(?:e|es|ed|ing)|commit\w*|perpetrat\w*|"
                    r"realiz\w*|lanz\w*|cometi\w*|comet\w*|llev\w*\s+a\s+cabo)\s+"
                    r"(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def describes_party(sentence: str, trig_start: int, trig_end: int, language: str = "en"
                    ) -> bool:
    """Whether the event word at `trig_start:trig_end` of `sentence` tells what a party does
    or did, in a clause that describes it, with no day or toll in the rest of the sentence
    (module doc)."""
    pattern, facts = (_DESCRIBED_ES, _FACT_ES) if language == "es" else (_DESCRIBED_EN, _FACT_EN)
    m = pattern.search(sentence, max(0, trig_start - _REACH), trig_start)
    if m is None:
        return False
    if _NAMED_ACT.search(sentence, m.start(), trig_start) and \
            not _DOING.search(sentence, m.start(), trig_start):
        return False  # "Trump, who has defended the boat attacks": an act talked about
    return facts.search(sentence, m.start(), len(sentence)) is None


# an act told as going on or as traded between two sides, right before its event word:
# "keep striking across the south", "have continued to strike targets", "carried on
# shelling", "as the two states traded strikes", "exchanged fire" (Spanish "siguen atacando"
# is background already: es_status)
_GOING_ON_EN = re.compile(
    r"\b(?:(?:keeps?|kept|keeping)|(?:continu(?:e|es|ed|ing)|went\s+on|go(?:es)?\s+on|"
    r"carr(?:y|ies|ied)\s+on)(?:\s+to)?|trad(?:e|ed|ing)|exchang(?:e|ed|ing)|swapp(?:ed|ing))"
    r"\s+(?:(?:[\w-]+\s+){0,1}?)$", re.IGNORECASE)


def told_as_going_on(sentence: str, trig_start: int) -> bool:
    """Whether the event word at `trig_start` of `sentence` is told as going on or as traded
    between two sides ("keep striking across southern Lebanon", "as the two states traded
    strikes"), with no day or toll in the rest of the sentence: a state of things, no act of
    its own. ("Israeli jets kept pounding the south on Monday, killing four" is news.)"""
    m = _GOING_ON_EN.search(sentence, max(0, trig_start - 40), trig_start)
    return m is not None and _FACT_EN.search(sentence, m.start(), len(sentence)) is None



# a perfect of doing right before a bare plural act noun: "have carried out drone strikes",
# "has staged bombings"; Spanish "ha provocado … atentados contra", "han cometido ataques"
# (the act noun may be a later object of the same verb there)
_RECORD_EN = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|repeatedly|often|long|previously|since)\s+)?"
    r"(?:carried\s+out|conducted|launched|mounted|staged|committed|perpetrated|caused)\s+"
    r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_RECORD_ES = re.compile(
    r"\b(?:ha|han)\s+(?:(?:también|reiteradamente)\s+)?(?:provocado|causado|cometido|"
    r"perpetrado|realizado|ejecutado|llevado\s+a\s+cabo|lanzado)\b[^.;:()]{0,90}$",
    re.IGNORECASE)
# a determiner or a count right before the event word: one act or a counted set, news
_ONE_OR_COUNTED = re.compile(
    r"\b(?:a|an|the|this|that|its|their|his|her|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozens|several|un|una|el|la|los|las|este|esta|esos|esas|sus?|dos|tres|cuatro|"
    r"cinco|seis|siete|ocho|nueve|diez|varios|varias|\d[\d,.]*)\s+(?:[\w'’-]+\s+)?[«\"“]?$",
    re.IGNORECASE)
# whose record it is: an armed party named by a common noun before the verb (a state's
# "has launched air strikes on militants" is the hot-news perfect of a lede), or acts the
# page calls accusations ("forces have carried out drone strikes ... the accusations")
_RECORD_PARTY_EN = re.compile(r"\b" + _PARTY_EN + r"\b[^.;:]{0,60}$", re.IGNORECASE)
_RECORD_PARTY_ES = re.compile(r"\b(?:" + _PARTY_ES[3:-1] + r"|estructuras?|frentes?|"
                              r"células?|clanes?)\b[^.;:]{0,80}$", re.IGNORECASE)
_ACCUSED_EN = re.compile(r"\b(?:accus\w+|alleg\w+)\b", re.IGNORECASE)
_ACCUSED_ES = re.compile(r"\b(?:acus\w+|presunt\w+)\b", re.IGNORECASE)


def told_as_record(sentence: str, trig_start: int, trig_end: int, language: str = "en",
                   after: str = "") -> bool:
    """Whether the plural event word at `trig_start:trig_end` is the bare object of a perfect
    of doing whose subject is an armed party ("the militia has carried out attacks on
    pipelines", "la estructura ha provocado atentados contra torres") or which the sentence
    or the text `after` it calls accusations, with no day or toll from that verb to the
    sentence's end: a party's record of acts, no act of the page ("have carried out two
    strikes on Monday" and "has launched a raid" are news)."""
    words = sentence[trig_start:trig_end].split()
    if not words or not words[-1].lower().endswith("s"):
        return False
    es = language == "es"
    pattern, facts = (_RECORD_ES, _FACT_ES) if es else (_RECORD_EN, _FACT_EN)
    m = pattern.search(sentence, max(0, trig_start - 110), trig_start)
    if m is None or _ONE_OR_COUNTED.search(sentence, max(m.start(), trig_start - 30),
                                           trig_start):
        return False
    if facts.search(sentence, m.start(), len(sentence)):
        return False
    party = _RECORD_PARTY_ES if es else _RECORD_PARTY_EN
    accused = _ACCUSED_ES if es else _ACCUSED_EN
    return bool(party.search(sentence, max(0, m.start() - 90), m.start()) or
                accused.search(sentence) or accused.search(after))


# people who fled acts, named right before them: "families fleeing the clashes in the
# district", "personas que habían escapado de los enfrentamientos en Dubeiker"
_FLED_EN = re.compile(r"\b(?:fled|flee(?:s|ing)?|escaped|escaping|displaced\s+by|driven\s+out\s+"
                      r"by)\s+(?:from\s+)?(?:the\s+)?(?:[\w'’-]+\s+)?$", re.IGNORECASE)
_FLED_ES = re.compile(r"\b(?:hu(?:ir|yeron|yó|yen|yendo|ían|ido)|escap(?:ar|aron|ó|an|ando|aban|"
                      r"ado)|desplazad[oa]s\s+por)\s+(?:de\s+|por\s+)?(?:los|las|el|la|del)?\s*"
                      r"$", re.IGNORECASE)


def fled_from(sentence: str, trig_start: int, trig_end: int, language: str = "en") -> bool:
    """Whether the plural event word at `trig_start:trig_end` names acts that people fled,
    with no day or toll in the rest of the sentence: where the displaced came from, no act
    of the page ("a drone hit a bus carrying families fleeing the clashes" tells the drone's,
    "fled the shelling on Monday that killed four" tells one)."""
    words = sentence[trig_start:trig_end].split()
    if not words or not words[-1].lower().endswith("s"):
        return False
    pattern, facts = (_FLED_ES, _FACT_ES) if language == "es" else (_FLED_EN, _FACT_EN)
    m = pattern.search(sentence, max(0, trig_start - 40), trig_start)
    return m is not None and facts.search(sentence, trig_end, len(sentence)) is None
