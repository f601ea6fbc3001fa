"""Spanish casualty counts: "tres muertos", "dejó seis fallecidos", "murieron al menos
cuatro", "al menos 64 personas murieron", "una veintena", "dos sobrevivientes".

A number phrase (lexicon.NUMBER) counts as killed only beside a death word, with nothing but
people words between them, so "iban a bordo ocho" (aboard) and "377 paquetes" are no deaths.
Ranges follow spec/records.md: "al menos 4" → 4..null, "más de 30" → 31..null, "casi diez"
→ null..9, "unos 30" → 30..30 with approx.
"""

from __future__ import annotations

import re

from strikewatch.caseless import AnyMatch
from strikewatch.extract.anchored import anchored
from strikewatch.extract.counts import ranks_up_to
from strikewatch.extract.es.lexicon import (
    NUMBER,
    NUMBER_WORDS,
    ORDINALS,
    PEOPLE,
    RECOVERED,
    RECOVERING,
    VAGUE,
    masculine,
)
from strikewatch.extract.lookahead import prefixed

Range = tuple[int | None, int | None]

#: plural nouns that are not people: time, distance, money, craft, weapons, acts, places
#: ("murieron tres días después", "dejó cinco vehículos calcinados", "en 24 horas")
_NOT_PEOPLE = (r"(?:d[ií]as|semanas|meses|años|horas|minutos|segundos|veces|ocasiones|millas|"
               r"kil[oó]metros|metros|kilos|kilogramos|toneladas|dólares|pesos|euros|"
               r"millones|mil|ataques|bombardeos|golpes|operaciones|acciones|lanchas|"
               r"embarcaciones|narcolanchas|botes|barcos|buques|naves|semisumergibles|"
               r"misiles|drones|bombas|proyectiles|disparos|impactos|casas|viviendas|"
               r"vehículos|camiones|carros|autos|paquetes|objetivos|campamentos|países|"
               r"ciudades|municipios|puntos|cuerpos\s+de\s+seguridad|más|menos|muertos|"
               r"fallecidos|heridos|víctimas|sobrevivientes|supervivientes)")
#: who may die, told by any plural noun, not only the `PEOPLE` lexicon: "siete disidentes",
#: "19 integrantes", "tres comuneros", "cuatro reclusos" (a death word after it, or a
#: killing verb before it that only people take, decides; things and units never count)
PERSONS = (r"(?:" + PEOPLE + r"|(?!" + _NOT_PEOPLE + r"\b)[a-záéíóúñü]{3,}s)")



def _death_after(people: str) -> re.Pattern[str]:
    """A death word after a count, with `people` the nouns that may stand between."""
    return re.compile(
    # "dos de sus tripulantes murieron", "tres de los ocupantes": some of those aboard
    r"\s*(?:de\s+(?:(?:los|las|sus|esos|estos|esas|estas)\s+)?)?"
    r"(?:(?:supuest|presunt)[oa]s\s+)?(?:[\"“«]?" + people + r"[\"”»]?\s*"
    # "ocho jugadores afganos de críquet perdieron la vida": an adjective after the noun
    # (not "de" and a place: "tres policías comunitarios de Coahuayana murieron en un hospital"
    # tells some of the dead where they died)
    r"(?:(?!(?:y|o|en|de|del|que)\b)[a-záéíóúñü]{3,}[oa]s\s+(?=(?-i:de\s+[a-záéíóúñü])|murieron|"
    r"fallecieron|perdieron la vida|resultaron muert))?"
    # "diecisiete integrantes del grupo yihadista Al Shabab murieron", "19 guerrilleros de
    # las disidencias de las antiguas FARC han perdido la vida": whose they were
    r"(?:(?:de|del)\s+(?:la\s+|las\s+|los\s+)?(?:[\w-]+\s+){1,6}?(?=murieron|fallecieron|"
    r"perdieron la vida|resultaron muert|(?:han|habían|habrían)\s+(?:muerto|fallecido|"
    r"perdido la vida)))?"
    # "seis personas, al menos tres de ellas policías, murieron": an aside between commas
    r"(?:,\s+[^,.;:]{3,60}?,\s*(?=murieron|fallecieron|perdieron la vida|"
    r"resultaron muert))?)?"
    r"(?:(?:que\s+)?(?:iban|viajaban|estaban)\s+a\s+bordo\s+)?"
    # "subió a 14 el número de disidentes de las Farc que murieron"
    r"(?:(?:el|la|los|las)\s+(?:número|cifra|total|balance|saldo)\s+de\s+(?:[\w-]+\s+){0,6}?|"
    r"(?:los|las)\s+(?:" + PEOPLE + r"\s+)?)?"
    r"(?:,?\s*que\s+)?(?:muert[oa]s?|fallecid[oa]s?|murieron|murió|mueren|falleció|fallecieron|"
    r"(?:han|habían|habrían|hayan)\s+(?:muerto|fallecido|perdido la vida)|"
    r"perdieron la vida|"
    r"resultaron muert[oa]s|víctimas mortales|sin vida|"
    # "fueron abatidos", "han sido neutralizados", "quedaron eliminados": killed, passive
    r"(?:(?:fueron|resultaron|quedaron|(?:han|habían|habrían|habría)\s+sido)\s+)?"
    r"(?:abatid|neutralizad|eliminad|ultimad|asesinad)[oa]s(?!,?\s+(?:[yo]\s+)?(?:capturad|detenid|"
    r"arrestad|herid|desmovilizad|entregad|se\s+(?:han\s+)?(?:desmoviliz|entreg|rind)))|"
    r"dad[oa]s de baja|víctimas(?:\s+fatales)?)\b",
    re.IGNORECASE)


#: the lexicon's people only: after a partitive ("dos de sus compañeros habrían muerto"),
#: or a possessive ("murieron sus dos sucesores"), a noun outside it is someone's kin or
#: friends, a part told about, not the act's dead
_DEATH_AFTER_CLOSED = _death_after(PEOPLE)
_DEATH_AFTER = _death_after(PERSONS)
_PARTITIVE = re.compile(r"\s*de\s+(?:los|las|sus|esos|estos|esas|estas)\s", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\bsus\s+$", re.IGNORECASE)
#: "uno de los dos pescadores que murieron": the one told about, no toll (either figure)
_ONE_OF_BEFORE = re.compile(r"\b(?:un[oa]|algun[oa]|cada\s+un[oa])\s+de\s+(?:los|las|sus|"
                            r"esos|estos|esas|estas)\s+$", re.IGNORECASE)
#: deaths denied to the act after the count: "los tres menores muertos en El Retorno no
#: cayeron en un bombardeo", "no murieron en el ataque sino en combate"
_DENIED_DEATH = re.compile(r"\bno\s+(?:cayeron|murieron|fallecieron|perecieron|"
                           r"perdieron\s+la\s+vida)\s+(?:en|por|durante|a\s+causa)\b",
                           re.IGNORECASE)
#: the dead told together with the taken or hurt ("23 terroristas muertos o detenidos",
#: "diez milicianos abatidos o capturados", "30 entre muertos y heridos"): casualties, no
#: toll (the English "killed or wounded")
_DEAD_OR_TAKEN = re.compile(
    r"\s*(?:[\wáéíóúñ]+\s+){0,3}?(?:(?:muert|fallecid|abatid|neutralizad)[oa]s\s+(?:o|u|y/o)\s+"
    r"(?:herid|detenid|capturad|arrestad|desaparecid|lesionad|aprehendid)|"
    r"entre\s+(?:muertos|fallecidos)\s+y\s+(?:heridos|detenidos|capturados))", re.IGNORECASE)
_DEATH_BEFORE = anchored(re.compile(
    r"(?:murieron|mueren|fallecieron|perdieron la vida|"
    # "fueron abatidos tres presuntos narcotraficantes", "resultaron muertos dos
    # soldados": the passive told before its subject
    r"(?:fueron|resultaron|quedaron|(?:han|habían|habrían)\s+sido)\s+(?:abatid|asesinad|"
    r"ultimad|neutralizad|muert)[oa]s|"
    # "mató la noche del pasado domingo a 85 civiles": a time phrase before the object
    r"mat(?:ó|aron|ando|ar|ado)\s+(?:(?!(?:a|y|e)\s)[\wáéíóú]+\s+){0,5}?a|"
    r"(?:han|ha|habían|habrían|habría) muerto|"
    r"matando\s+a|acab(?:ó|aron) con la vida de|muerte de|la vida de|dejó|dejando|deja|"
    r"con un saldo de|un saldo de|"
    r"(?:ha |han )?costado la vida a|cobrado la vida de|"
    r"asesin(?:ó|aron|ando)\s+a|"
    # "abatió a dos presuntos narcotraficantes", "dieron de baja a tres", "neutralizó a
    # cuatro narcoterroristas", "dio muerte a": a killing verb and its object
    r"(?:abati(?:ó|eron|endo|r)|neutraliz(?:ó|aron|ando|ar)|elimin(?:ó|aron|ando)|"
    r"d(?:io|ieron|ando|ar)\s+(?:de\s+baja|muerte))\s+(?:[\wáéíóú]+\s+){0,2}?a|"
    r"(?:muertos|fallecidos|víctimas)\s+(?:suman|ascienden|llegan|sube|subió|asciende|supera|"
    r"superan)(?:\s+ya)?"
    r"(?:\s+a)?)\s+(?:a\s+)?(?:los\s+|las\s+|sus\s+)?$",
    re.IGNORECASE))
_SURVIVE_AFTER = re.compile(r"\s*(?:" + PEOPLE + r"\s+|persona\s+|hombres?\s+)?(?:,?\s*que\s+)?"
                            r"(?:sobrevivientes?|supervivientes?|sobrevivieron|sobrevivió|"
                            r"(?:consiguió|logró|pudo) sobrevivir|"
                            r"con vida|salieron con vida|quedaron con vida)\b", re.IGNORECASE)
_SURVIVE_BEFORE = prefixed(re.compile(r"(?:salieron con vida|sobrevivieron|quedaron con vida|"
                             r"sobrevivió)\s+(?:los\s+|las\s+)?$", re.IGNORECASE))
_INJURED_AFTER = re.compile(r"\s*(?:(?:los|las)\s+)?(?:" + PEOPLE + r"\s+)?"
                            r"(?:heridos|heridas|(?:resultaron|quedaron) herid[oa]s|"
                            r"lesionad[oa]s)\b",
                            re.IGNORECASE)
# "una explosión hirió además a cuatro militares", "dejó heridos a tres"
_INJURED_BEFORE = prefixed(re.compile(r"(?:hiri(?:ó|eron|endo)|dej(?:ó|aron|ando) heridos)\s+"
                             r"(?:además\s+|también\s+)?a\s+$", re.IGNORECASE))
_ONE_PERSON = re.compile(r"\s*(?:persona|hombre|pescador|tripulante|sobreviviente|"
                         r"superviviente|muerto|fallecido)\b", re.IGNORECASE)
_STRIKES_AFTER = re.compile(r"\s*(?:de\s+(?:(?:esos|estos|los)\s+)?)?(?:ataques|bombardeos|golpes|"
                            r"atentados|(?:operaciones|acciones)(?:\s+[\wáéíóú]+)?\s+contra|"
                            r"embarcaciones (?:atacadas|destruidas|hundidas)|"
                            r"lanchas (?:atacadas|destruidas|hundidas)|los ataques)\b",
                            re.IGNORECASE)
# "ha bombardeado como mínimo otras 22 embarcaciones": boats struck count strikes
_STRUCK_BOATS = re.compile(r"\s*(?:(?:presuntas|supuestas|nuevas|pequeñas)\s+)?['\"“‘]?"
                           r"(?:embarcaciones|lanchas|narcolanchas|narco lanchas|botes|naves|"
                           r"semisumergibles)\b", re.IGNORECASE)
# "tres supuestas narcolanchas fueron blanco de un ataque": boats struck, told passively
_STRUCK_PASSIVE = re.compile(r"[\"”»']?\s+(?:fueron|resultaron)\s+(?:blanco|atacad|bombardead|"
                             r"destruid|hundid)", re.IGNORECASE)
# "atacaron el lunes en tres ocasiones": strikes counted as times (not "en varias ocasiones"
# of someone boasting)
_TIMES = re.compile(r"\s*ocasiones\b", re.IGNORECASE)
_STRIKE_VERB_EN = re.compile(r"(?:bombarde|atac|golpe)\w*\s+(?:[\wáéíóú]+\s+){0,3}?en\s+$",
                             re.IGNORECASE)
_STRIKE_VERB_BEFORE = re.compile(r"(?:bombarde|atac|destru|hund|al fondo)\w*\s+(?:\w+\s+){0,4}$",
                                 re.IGNORECASE)
#: a plural strike noun aimed at the counted craft: "los ataques del Gobierno contra dos
#: lanchas", "bombardeos a tres embarcaciones" (one strike a craft, as "atacó dos lanchas")
_STRIKES_AT = re.compile(r"\b(?:ataques|bombardeos|golpes)\b(?:\s+[\wáéíóú]+){0,5}?\s+"
                         r"(?:contra|a|sobre)\s+(?:l[oa]s\s+)?$", re.IGNORECASE)
_NTH_STRIKE = anchored(re.compile(r"\b(?:ataque|bombardeo|golpe) (?:número|nº|n\.º) (\d+)",
                                  re.IGNORECASE))
#: "es el sexto bombardeo", "se trata del undécimo ataque": the campaign's count so far
#: (ranks 2 to 20; masculine: `RANK_TURN` spells the feminine "[oa]" itself)
CAMPAIGN_RANKS = masculine(ranks_up_to(ORDINALS, 20, least=2))
_NTH_WORD = anchored(re.compile(r"\b(?:es|sería|fue|era|se trata|representa|constituye|marca)\s+"
                       r"(?:de\s+)?(?:el|del)\s+(" +
                       "|".join(CAMPAIGN_RANKS) + r")\s+(?:ataque|bombardeo|golpe)", re.IGNORECASE))
#: the rank told with its noun left out after the act ("el ataque del lunes es el vigésimo
#: desde …", "es, en lo que va de 2025, el séptimo"): a clause of its own (es/clauses.py)
#: (either gender: "la duodécima")
_ORD_EITHER = "|".join(k[:-1] + "[oa]" if k.endswith("o") else k for k in CAMPAIGN_RANKS)
RANK_TURN = re.compile(r"\s+(?:es|era|fue|sería|será)(?:,[^,.;]{1,40},)?\s+(?:ya\s+)?(?:el|la)\s+"
                       r"(" + _ORD_EITHER + r")(?!\s+(?:ataque|bombardeo|golpe|\w+ción|"
                       r"lancha|barco|bote|vez|día|año|mes|país|de la lista)\b)\b", re.IGNORECASE)
_NO_SURVIVORS = anchored(re.compile(r"\b(?:no (?:dejó|dejaron|hubo|hay|quedaron)|sin dejar|sin) "
                           r"(?:ningún |ningunos? )?(?:sobrevivientes|supervivientes)\b|"
                           r"\bningun[oa] (?:de (?:los|las|sus) \w+ )?sobrevivió\b",
                           re.IGNORECASE))


# "y que un tercero consiguió sobrevivir", "otro sobrevivió": one more man, alive
_ONE_SURVIVOR = anchored(re.compile(r"\b(?:un tercero|un cuarto|una tercera|una cuarta|otr[oa]|"
                           r"una persona|un hombre)(?:\s+persona)?\s+(?:"
                           r"(?:consiguió|logró|pudo)\s+sobrevivir|sobrevivió|salió con vida|"
                           r"quedó con vida)\b", re.IGNORECASE))
#: a fact box: "Sobrevivientes: una persona …", "Bajas: dos narcoterroristas", "• Víctimas: tres"
_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:[•·*\-–][ \t]*)?(?P<l>sobrevivientes|supervivientes|heridos|"
                    r"muertos|fallecidos|víctimas|bajas)[ \t]*:[ \t]*$", re.IGNORECASE)
_LABEL_FIELD = {"sobrevivientes": "survivors", "supervivientes": "survivors",
                "heridos": "injured"}


#: one person killed, told by the role: "dicen haber matado a un alto cargo del grupo",
#: "abatió a otro dirigente", "Hamza al-Hosi, dirigente de ISIS, murió en Siria"
_ROLE = (r"(?:alto cargo|alto mando|dirigente|líder|jefe|cabecilla|comandante|miembro|"
         r"integrante|militante)")
_ONE_KILLED = anchored(re.compile(
    r"\b(?:mat(?:ó|aron|ado|ar|a|an)|abati(?:ó|eron|do|r)|dio muerte|dieron muerte|"
    r"acab(?:ó|aron) con la vida de)\s+a\s+(?:un|una|otro|otra)\s+" + _ROLE + r"\b"
    r"|\b" + _ROLE + r"\b[^,.;]{0,50},\s+(?:murió|falleció|fue abatid[oa]|resultó muert[oa])\b",
    re.IGNORECASE))

#: one person dead or hurt, told in the singular: "dejó un soldado muerto y tres heridos",
#: "un policía murió y otro resultó herido" ("un", the article, is no count elsewhere)
_ONE_PERSON_NOUN = (r"(?:soldado|militar|policía|agente|uniformado|civil|niñ[oa]|menor|hombre|"
                    r"mujer|joven|pescador|tripulante|guerrillero|persona|marino|infante)")
#: the singular death verb before its subject: "murió una persona sin identificar",
#: "falleció un menor", "murió su conductor", "perdió la vida uno de los ocupantes"
_ONE_RIDER = r"(?:conductor|chófer|chofer|piloto|ocupante|acompañante|copiloto)"
_ONE_DEAD = anchored(re.compile(r"\b(?:un|una)\s+" + _ONE_PERSON_NOUN + r"\s+(?:muert[oa]|"
                       r"(?:murió|falleció|perdió la vida|resultó muert[oa])\b)|"
                       r"\b(?:murió|falleció|perdió la vida|resultó muert[oa])\s+(?:(?:un|una)\s+" +
                       _ONE_PERSON_NOUN + r"|su\s+" + _ONE_RIDER + r"|uno\s+de\s+(?:los|sus)\s+"
                       r"(?:ocupantes|tripulantes|pasajeros))\b", re.IGNORECASE))
_ONE_HURT = anchored(re.compile(
                       r"\b(?:(?:un|una)\s+" + _ONE_PERSON_NOUN + r"|otr[oa])\s+(?:herid[oa]|"
                       r"(?:resultó|quedó) herid[oa])\b", re.IGNORECASE))


# a toll told as one that will grow: "es muy probable que la cifra de fallecidos crezca",
# "el balance podría aumentar": the figure is a floor (counts.TOLL_MAY_RISE, in Spanish)
TOLL_MAY_RISE = re.compile(
    r"\b(?:cifra|balance|número|saldo|recuento|total)\b[^.;]{0,40}?\b(?:crezca|aumente|suba|"
    r"(?:podría|puede|podrían|pueden|va\s+a|irá\s+a|seguirá|tiende\s+a)\s+"
    r"(?:aumentar|subir|crecer|elevarse|incrementarse))\b", re.IGNORECASE)

# a toll told as the count so far (counts.TOLL_SO_FAR, in Spanish): "hasta el momento",
# "hasta ahora" (not "por ahora", "de momento": "for now", an assessment's hedge)
TOLL_SO_FAR = re.compile(r"\bhasta\s+(?:el\s+momento|ahora)\b", re.IGNORECASE)

# an early count (counts.TOLL_EARLY, in Spanish): "según un primer balance", "cifras
# preliminares", "un recuento provisional", "en un principio se habló de"
TOLL_EARLY = re.compile(
    r"\b(?:(?:primer|primeros|primera|primeras|inicial|iniciales|preliminar|preliminares|"
    r"provisional|provisionales|parcial|parciales)\s+(?:balance|recuento|conteo|cifras?|"
    r"informes?|reportes?|datos|estimaci[oó]n|evaluaci[oó]n)|(?:balance|recuento|conteo|"
    r"cifras?|informes?|reportes?|datos)\s+(?:preliminar(?:es)?|provisional(?:es)?|"
    r"inicial(?:es)?|parcial(?:es)?)|en\s+un\s+(?:principio|primer\s+momento))\b",
    re.IGNORECASE)
# a toll told as raised (counts.TOLL_UPDATED, in Spanish): "el balance de muertos se elevó a
# 46", "la cifra de fallecidos ascendió a 12", "el saldo subió hasta nueve"
TOLL_UPDATED = re.compile(
    r"\b(?:cifra|balance|saldo|recuento|conteo|(?:número|total)\s+de\s+(?:muertos|"
    r"fallecidos|víctimas|víctimas\s+mortales))\b[^.;]{0,60}?\b(?:se\s+)?"
    r"(?:(?:ha|había)\s+)?(?:elevó|eleva|elevado|subió|sube|subido|aumentó|aumenta|aumentado|"
    r"ascendió|asciende|ascendido|creció|crece|crecido|llegó|llega|llegado|alcanzó|alcanza|"
    r"alcanzado)\s+(?:(?:\w+mente|ya|después|luego|hoy|ahora)\s+)?(?:hasta|a)?\b|"
    # the verb first: "el ministerio eleva a 18 el número de muertos"
    r"\b(?:elev|aument)\w*\s+(?:ya\s+)?(?:a|hasta)\s+[^.;]{1,30}?\s(?:el|la)\s+(?:cifra|"
    r"balance|saldo|número|total|recuento|conteo)\s+(?:\w+\s+){0,2}?de\s+(?:personas\s+)?"
    r"(?:muert[oa]s|fallecid[oa]s|víctimas|muertes)\b",
    re.IGNORECASE)

# deaths told with no time or place (counts.UNPLACED_DEATHS, in Spanish): "anunció la muerte
# de siete combatientes sin precisar cuándo ni dónde", "no dijo dónde ni cuándo murieron"
UNPLACED_DEATHS = re.compile(
    r"\b(?:sin|no)\s+(?:\w+\s+)?(?:precisar|precisó|decir|dijo|especificar|especificó|"
    r"indicar|indicó|detallar|detalló|aclarar|aclaró|informar|informó|revelar|reveló)\s+"
    r"(?:\w+\s+){0,2}?(?:cu[aá]ndo\s+(?:ni|o|y)\s+d[oó]nde|d[oó]nde\s+(?:ni|o|y)\s+"
    r"cu[aá]ndo)\b", re.IGNORECASE)


def number_value(word: str) -> int | None:
    """"64" → 64, "seis" → 6, "veintidós" → 22, "treinta y dos" → 32."""
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if w.startswith("veinti"):
        rest = {"uno": 1, "ún": 1, "un": 1, "una": 1, "dós": 2, "dos": 2, "trés": 3, "tres": 3,
                "cuatro": 4, "cinco": 5, "séis": 6, "seis": 6, "siete": 7, "ocho": 8,
                "nueve": 9}.get(w[6:])
        return 20 + rest if rest else None
    if " y " in w:
        tens, _, ones = w.partition(" y ")
        a, b = NUMBER_WORDS.get(tens), NUMBER_WORDS.get(ones)
        return a + b if a and b and a >= 30 and b < 10 else None
    return None


def number_range(m: AnyMatch) -> tuple[Range, bool] | None:
    """The range a number phrase stands for, and whether it is approximate."""
    word = m.group("n").lower()
    q = (m.group("q") or "").lower()
    if word in VAGUE:
        low, high = VAGUE[word]
        approx = high is not None and word not in ("docena",)
        if q == "más de" and low is not None:
            return (low + 1, None), False
        if q == "casi" and low is not None:
            return (None, low - 1), False
        return (low, high), approx
    n = number_value(word)
    if n is None:
        return None
    if q in ("al menos", "por lo menos", "no menos de", "como mínimo", "un mínimo de"):
        return (n, None), False
    if q == "más de":
        return (n + 1, None), False
    if q == "hasta":
        return (None, n), False
    if q == "casi":
        return (None, n - 1), False
    if q in ("cerca de", "unos", "unas", "alrededor de", "aproximadamente"):
        return (n, n), True
    return (n, n), False


def bare_count(text: str, a: int, b: int) -> tuple[Range, int, int] | None:
    """The first number of a list item ("cuatro en la segunda"): the list's death word
    (told before the list) is its verb, so "cuatro a bordo de la segunda" counts too."""
    for m in NUMBER.finditer(text, a, b):
        if m.group("n").lower() in ("un", "una", "uno"):
            continue
        got = number_range(m)
        if got is not None:
            return got[0], m.start("n"), m.end("n")
    return None


# what may follow the number after "murieron", "la muerte de": people ("los dos supuestos
# narcoterroristas"), "de sus habitantes", or the clause's end
_AFTER_DEATH_VERB = re.compile(r"\s*(?:(?:[\wáéíóú]+\s+){0,2}[\"“«]?" + PEOPLE + r"|muert|fallec|"
                               r"de\s+(?:sus|los|las)\s|[.,;]|$|[ey]\s+hiri)", re.IGNORECASE)
#: ... and, after a verb only people take ("murieron", "la muerte de", "mataron a", "abatió
#: a"; not "dejó", which leaves things too), any plural noun: "murieron siete disidentes",
#: "la muerte de 19 comuneros"
_AFTER_DEATH_VERB_OPEN = re.compile(r"\s*(?:(?:supuest|presunt)[oa]s\s+)?[\"“«]?" + PERSONS +
                                    r"\b", re.IGNORECASE)
_LEAVES = re.compile(r"\b(?:dej(?:ó|a|ando|aron|an)|(?:con\s+)?un\s+saldo\s+de)\s+$", re.IGNORECASE)
#: a count whose noun takes a relative clause before the death verb: "Tres hombres que
#: viajaban en una lancha murieron", "dos pescadores que faenaban cerca fallecieron" (not
#: "que sobrevivieron", "que dijeron": the first verb after the clause is the count's)
_DEATH_AFTER_CLAUSE = re.compile(
    r"\s*(?:(?:supuest|presunt)[oa]s\s+)?" + PERSONS + r"\s+que\s+(?!sobreviv|dij|afirm|"
    r"asegur|declar|relat|cont)(?:(?!que\b)[^\s,.;:()]+\s+){1,8}?(?:murieron|fallecieron|"
    r"perdieron\s+la\s+vida|resultaron\s+muert[oa]s|fueron\s+(?:abatid|asesinad)[oa]s)\b",
    re.IGNORECASE)
#: none of a counted crew survived: "ninguno de sus tres ocupantes sobrevivió", "no hubo
#: supervivientes entre los cuatro tripulantes", "sin sobrevivientes entre las seis
#: personas a bordo": the count is the toll, and no one survived
_NONE_OF_N = anchored(re.compile(
    r"\bningun[oa]\s+de\s+(?:los|las|sus|esos|estos)\s+(?P<n1>[\wáéíóú]+)\s+(?:[\wáéíóú]+\s+)"
    r"{0,4}?(?:sobrevivió|salió\s+con\s+vida|quedó\s+con\s+vida|(?:logró|pudo|consiguió)\s+"
    r"sobrevivir)\b|"
    r"\b(?:no\s+hubo|no\s+hay|sin)\s+(?:sobrevivientes|supervivientes)\s+entre\s+(?:los|las|"
    r"sus)\s+(?P<n2>[\wáéíóú]+)\b", re.IGNORECASE))


# "en un primer parte había hablado de cuatro muertos": a figure the report has replaced
# "había calculado al principio nueve muertos", "estimó inicialmente en nueve"
_SUPERSEDED = prefixed(re.compile(
                         r"\b(?:primer|inicial|anterior)\w*\s+(?:parte|comunicado|balance|reporte|"
                         r"informe|recuento)\b[^.;]{0,60}$|\b(?:había|habían)\s+(?:hablado|"
                         r"informado|reportado|dado cuenta)\s+de\s+$|"
                         r"\b(?:(?:había|habían)\s+)?(?:calcul|estim|cifr)\w*\s+"
                         r"(?:(?:al|en un) principio|inicialmente|primero)\s+(?:en\s+)?$",
                         re.IGNORECASE))


#: the figure a toll is told to stand at now, its noun and verb before it, the act named
#: between or not: "la cifra de muertos se elevó después a cinco", "el balance de
#: fallecidos ascendió a 19", "el saldo de víctimas mortales del ataque es de seis", "el
#: número de muertos llegó a siete", "el total de fallecidos quedó en ocho" (the same family
#: `TOLL_UPDATED` cites as raised; whose toll it is, the act's or a campaign's, is es_kind's)
_TOLL_NOW = prefixed(re.compile(
    r"\b(?:cifra|balance|saldo|número|total|recuento|conteo)\s+(?:\w+\s+){0,2}?de\s+"
    r"(?:personas\s+)?(?:muert[oa]s|fallecid[oa]s|víctimas(?:\s+mortales|\s+fatales)?|"
    r"bajas|muertes)\b[^.;:]{0,50}?\s(?:se\s+)?(?:(?:ha|había|habría)\s+)?"
    r"(?:(?:\w+mente|ya|después|luego|finalmente|hoy|ahora)\s+)?"
    r"(?:elev|sub|ascend|asciend|aument|lleg|alcanz|situ|ubic|cre|qued|sum|es\b|fue\b|"
    r"era\b|está\b)\w*\s+(?:(?:\w+mente|ya|después|luego|hoy|ahora)\s+)?"
    r"(?:a\s+|hasta\s+|en\s+|de\s+)?$", re.IGNORECASE))
#: what may follow such a figure: people, a day, a source, the clause's end ("ascendió a 19
#: este miércoles", "es de seis, según", "llegó a 83 desde septiembre"), not a unit
_AFTER_TOLL_NOW = re.compile(r"\s*(?:[.,;:)]|$|(?:este|esta|el|la|en|según|tras|desde|hasta|"
                             r"y|de acuerdo)\b)", re.IGNORECASE)

#: "uno de los muertos", "tres de los fallecidos eran menores": some of the dead, told of
#: after the toll (not "dos de los tripulantes murieron", people then a death word)
_PART_OF_DEAD = re.compile(r"\s+de\s+(?:los|las|sus|esos|estos|esas|estas)\s+(?:\w+\s+)?"
                           r"(?:muert[oa]s|fallecid[oa]s|abatid[oa]s|víctimas)\b", re.IGNORECASE)
#: a clause told of one side's own losses ("Del lado estadounidense, un soldado perdió la
#: vida y otros tres quedaron heridos"): the attacker's dead, beside the act's toll, not it
_OWN_SIDE = re.compile(r"\s*(?:y\s+)?(?:del|por\s+el|en\s+el)\s+lado\s+[\wáéíóúñ]+\s*,[^.;:]*",
                       re.IGNORECASE)


def _own_side(text: str, at: int) -> bool:
    """Whether the clause the figure at `at` stands in opens on one side's own losses (the
    sentence is sought back from the figure: a frame may start after its opening words)."""
    start = max(text.rfind(c, 0, at) for c in ".;:\n") + 1
    return _OWN_SIDE.fullmatch(text, start, at) is not None

#: "mató al menos a 120 personas": the qualifier before the object's "a"
_AT_LEAST_BEFORE = re.compile(r"\b(?:al menos|por lo menos|como mínimo)\s+a\s+$", re.IGNORECASE)


#: a toll raised with its verb first: "eleva a 18 el número de muertos", "elevó hasta 30 la
#: cifra de fallecidos" (the figure between the verb and the toll's noun)
_RAISED_TO = re.compile(r"\b(?:elev|aument)\w*\s+(?:ya\s+)?(?:a|hasta)\s+"
                        r"(?:(?:al\s+menos|más\s+de|unos|unas|cerca\s+de)\s+)?$", re.IGNORECASE)
_TOLL_NOUN_AFTER = re.compile(
    r"\s+(?:el|la)\s+(?:cifra|balance|saldo|número|total|recuento|conteo)\s+(?:\w+\s+){0,2}?"
    r"de\s+(?:personas\s+)?(?:muert[oa]s|fallecid[oa]s|víctimas(?:\s+mortales|\s+fatales)?|"
    r"muertes)\b", re.IGNORECASE)


#: bodies told found: the dead counted ("19 cuerpos fueron recuperados de los escombros",
#: "los rescatistas hallaron otros tres cadáveres")
_BODY_NOUN = re.compile(r"\s+(?:cuerpos|cadáveres)\b", re.IGNORECASE)
_BODIES = re.compile(r"\s+(?:cuerpos|cadáveres)(?:\s+sin\s+vida)?[^.;]{0,40}?\b" + RECOVERED,
                     re.IGNORECASE)
_BODIES_AFTER_VERB = re.compile(r"(?:" + RECOVERING + r")\s+(?:(?:ya|los|las|otros|otras)\s+)?"
                                r"(?:(?:al\s+menos|unos|unas|más\s+de)\s+)?$", re.IGNORECASE)


def _tells_death(text: str, head: str, tail: str, a: int, at: int) -> bool:
    """Whether the count standing between `head` and `tail` is a toll: a death word after
    it (through a people noun, any plural one unless partitive or possessive), a killing
    verb before it, or a toll's noun told to stand at it ("la cifra … ascendió a", "eleva a
    18 el número de muertos")."""
    if _RAISED_TO.search(head) and _TOLL_NOUN_AFTER.match(tail):
        return True
    if _BODIES.match(tail) or (_BODIES_AFTER_VERB.search(head) and _BODY_NOUN.match(tail)):
        return True  # "19 cuerpos fueron recuperados", "hallaron otros tres cadáveres"
    open_ok = not _PARTITIVE.match(tail) and not _POSSESSIVE_BEFORE.search(head)
    if (_DEATH_AFTER if open_ok else _DEATH_AFTER_CLOSED).match(tail) or \
            (open_ok and _DEATH_AFTER_CLAUSE.match(tail)):
        return True
    if _DEATH_BEFORE.search(head) and (
            _AFTER_DEATH_VERB.match(tail) or
            (open_ok and _AFTER_DEATH_VERB_OPEN.match(tail) and not _LEAVES.search(head))):
        return True
    return bool((_AFTER_DEATH_VERB.match(tail) or _AFTER_TOLL_NOW.match(tail)) and
                _TOLL_NOW.search(text[a:at]))


#: two figures told as one toll's range: "entre 150 y 165", "de 12 a 15", "dos o tres"
_RANGE_LINK = re.compile(r"\s+(y|a|o|u)\s+", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(entre|de)\s+$", re.IGNORECASE)
#: a toll of none: "no dejó muertos ni heridos", "no hubo víctimas mortales", "sin causar
#: víctimas", "nadie murió", "ningún fallecido" (not "sin víctimas civiles": civilians only;
#: not "sin muertos ni heridos entre sus tropas", nor "sin bajas": the attacker's own losses)
_ZERO_DEAD = re.compile(
    r"\b(?:no\s+(?:(?:se\s+)?(?:dej|hub|hay|registr|report|caus|provoc|produj|produc)[\wáéíóú]*"
    r"\s+(?:ningún\s+|ninguna\s+)?)|sin\s+(?:dejar\s+|causar\s+|provocar\s+)?)"
    r"(?:muertos|fallecidos|víctimas\s+mortales|víctimas)(?!\s+(?:civiles|entre))"
    r"(?P<hurt>\s+(?:ni|o)\s+(?:heridos|lesionados))?+"
    r"(?!\s+(?:civiles|propi[oa]s|reportad|confirmad|entre|de\s+(?:los|las|sus|nuestr)|en\s+(?:las|sus)\s+filas))|"
    r"\bnadie\s+(?:murió|falleció|perdió\s+la\s+vida|resultó\s+muerto)|"
    r"\bning[uú]n\s+(?:muerto|fallecido)\b", re.IGNORECASE)


def _ranges(text: str, a: int, b: int) -> tuple[dict[int, tuple[Range, int, str]], set[int]]:
    """Counts told as a range of two figures ("mataron a entre 150 y 165 personas", "de 12 a
    15 civiles murieron", "dos o tres personas murieron", "entre 10 y 12 heridos"): {second
    figure's start: (range, first figure's start, the words before the pair)} and the first
    figures' starts, read no more. Read one by one, the first figure missed the noun and the
    verb beyond the pair, and the second missed the verb before it."""
    found: dict[int, tuple[Range, int, str]] = {}
    first: set[int] = set()
    ms = list(NUMBER.finditer(text, a, b))
    for m1, m2 in zip(ms, ms[1:], strict=False):
        link = _RANGE_LINK.fullmatch(text, m1.end(), m2.start())
        if link is None or m1.group("q") or m2.group("q"):
            continue
        head = text[max(a, m1.start() - 60):m1.start()]
        opener = _RANGE_OPEN.search(head)
        if link.group(1).lower() == "y" and (opener is None or
                                             opener.group(1).lower() != "entre"):
            continue  # "dos y tres": two figures, no range
        v1, v2 = number_value(m1.group("n")), number_value(m2.group("n"))
        if v1 is None or v2 is None or not v1 < v2:
            continue
        found[m2.start()] = ((v1, v2), m1.start(), head[:opener.start()] if opener else head)
        first.add(m1.start())
    return found, first


def read_counts(text: str, a: int, b: int) -> list[tuple[str, Range, bool, int, int]]:
    """(field, range, approx, start, end) for every count in text[a:b]."""
    out: list[tuple[str, Range, bool, int, int]] = []
    ranged, first = _ranges(text, a, b)
    none_of = [(n.start(g), n.end(g)) for n in _NONE_OF_N.finditer(text, a, b)
               for g in ("n1", "n2") if n.group(g)]
    for m in NUMBER.finditer(text, a, b):
        if m.start() in first:
            continue
        tail = text[m.end():min(b, m.end() + 100)]
        head = text[max(a, m.start() - 40):m.start()]
        pair = ranged.get(m.start())
        if pair is not None:
            head = pair[2]  # "mataron a entre 150 y 165": the verb before the pair
        if _SUPERSEDED.search(text[max(a, m.start() - 90):m.start()]):
            continue  # an earlier, replaced figure
        if m.group("n").lower() in ("un", "una", "uno") and not m.group("q") and \
                not _ONE_PERSON.match(tail) and \
                not (m.group("n").lower() == "uno" and (_DEATH_AFTER.match(tail) or
                                                        _SURVIVE_AFTER.match(tail))):
            continue  # "un ataque", "una lancha": an article, not a count
        if _PART_OF_DEAD.match(tail):
            continue  # "uno de los muertos sería el cabecilla": one among the dead, no toll
        if _own_side(text, m.start()):
            continue  # "Del lado estadounidense, dos soldados murieron": its own losses
        got = number_range(m)
        if got is None:
            continue
        rng, approx = got
        if pair is not None:
            rng = pair[0]
        label = _LABEL.search(text[max(a, m.start() - 40):m.start()])
        if label is not None:
            name = _LABEL_FIELD.get(label.group("l").lower(), "killed")
            out.append((name, rng, approx, m.start(), m.end()))
        elif any(s <= m.start("n") < e for s, e in none_of):
            out.append(("killed", rng, approx, m.start(), m.end()))
            out.append(("survivors", (0, 0), False, m.start(), m.end()))
        elif _SURVIVE_AFTER.match(tail) or _SURVIVE_BEFORE.search(head):
            out.append(("survivors", rng, approx, m.start(), m.end()))
        elif _INJURED_AFTER.match(tail) or _INJURED_BEFORE.search(head):
            out.append(("injured", rng, approx, m.start(), m.end()))
        elif _STRIKES_AFTER.match(tail) or \
                (_TIMES.match(tail) and _STRIKE_VERB_EN.search(head)) or \
                ((sb := _STRUCK_BOATS.match(tail)) and
                                            (_STRIKE_VERB_BEFORE.search(head) or
                                             _STRIKES_AT.search(
                                                 text, max(a, m.start() - 90), m.start()) or
                                             _STRUCK_PASSIVE.match(tail, sb.end()))):
            out.append(("strikes", rng, approx, m.start(), m.end()))
        elif _ONE_OF_BEFORE.search(head) or _DENIED_DEATH.search(tail) or \
                _DEAD_OR_TAKEN.match(tail):
            continue
        elif _tells_death(text, head, tail, max(a, m.start() - 110), m.start()):
            if _AT_LEAST_BEFORE.search(head) and not m.group("q") and rng[0] is not None:
                rng = (rng[0], None)  # "mató al menos a 120 personas"
            out.append(("killed", rng, approx, m.start(), m.end()))
    for m in _NTH_WORD.finditer(text, a, b):
        n = CAMPAIGN_RANKS[m.group(1).lower()]
        out.append(("strikes", (n, n), False, m.start(1), m.end(1)))
    rank = RANK_TURN.match(text, a, b)
    if rank is not None:  # the rank clause cut off by es/clauses.py, starting at its verb
        word = rank.group(1).lower()
        n = CAMPAIGN_RANKS.get(word) or CAMPAIGN_RANKS[word[:-1] + "o"]
        out.append(("strikes", (n, n), False, rank.start(1), rank.end(1)))
    for m in _NTH_STRIKE.finditer(text, a, b):
        n = int(m.group(1))
        out.append(("strikes", (n, n), False, m.start(1), m.end(1)))
    zero = _ZERO_DEAD.search(text, a, b)
    if zero is not None and not any(o[0] == "killed" for o in out):
        out.append(("killed", (0, 0), False, zero.start(), zero.end()))
        if zero.group("hurt") and not any(o[0] == "injured" for o in out):
            out.append(("injured", (0, 0), False, zero.start(), zero.end()))
    dead = _ONE_KILLED.search(text, a, b) or _ONE_DEAD.search(text, a, b)
    if dead is not None and not any(o[0] == "killed" for o in out) and \
            not _own_side(text, dead.start()):
        out.append(("killed", (1, 1), False, dead.start(), dead.end()))
    hurt = _ONE_HURT.search(text, a, b)
    if hurt is not None and not any(o[0] == "injured" for o in out):
        out.append(("injured", (1, 1), False, hurt.start(), hurt.end()))
    one = _ONE_SURVIVOR.search(text, a, b)
    if one is not None and not any(o[0] == "survivors" for o in out):
        out.append(("survivors", (1, 1), False, one.start(), one.end()))
    if _NO_SURVIVORS.search(text, a, b):
        ns = _NO_SURVIVORS.search(text, a, b)
        assert ns is not None
        out.append(("survivors", (0, 0), False, ns.start(), ns.end()))
    return _kinds_summed(text, a, b, out)


#: one person of a kind ("una mujer", "un niño"): the singular a second kind is told by
_ONE_KIND = (r"(?:mujer|hombre|niñ[oa]|menor|civil|soldado|militar|policía|agente|persona|"
             r"combatiente|miliciano|guerrillero|joven|anciana?|bebé)")
#: a kind of people and whose they are ("combatientes de Al Qaeda": a name's capitals)
_KIND = (r"(?:" + PERSONS + r"|" + _ONE_KIND + r")\b"
         r"(?:\s+(?:de|del)\s+(?:(?:la|las|los|el)\s+)?(?-i:[A-ZÁÉÍÓÚ][\w-]*)"
         r"(?:\s+(?-i:[A-ZÁÉÍÓÚ][\w-]*)){0,2})?")
#: two kinds of people joined into one toll: "41 combatientes y 16 civiles", "una mujer y a
#: nueve menores" (the gap between the two figures; the second's noun follows it)
_KINDS_AND = re.compile(r"\s+" + _KIND + r"\s+(?:y|e)\s+(?:a\s+)?", re.IGNORECASE)
_KIND_AFTER = re.compile(r"\s+" + _KIND, re.IGNORECASE)
#: a figure told as part of a toll just told: "…, ocho de ellos mujeres", "entre ellas 27
#: mujeres y 19 niños", "nueve menores, cinco niños y cuatro niñas"
_PART_BEFORE = re.compile(r"(?:[,(\[]|\b(?:entre|de)\s+(?:ell[oa]s|los\s+cuales|las\s+cuales)|"
                          r"\bincluid[oa]s|\bincluyendo)\s*$", re.IGNORECASE)


def _kinds_summed(text: str, a: int, b: int, out: list[tuple[str, Range, bool, int, int]]
                  ) -> list[tuple[str, Range, bool, int, int]]:
    """Two kinds of people that died together are one toll, their sum ("murieron por lo
    menos 41 combatientes y 16 civiles" → 57..null, "mató a una mujer y a nueve menores" →
    10), as the English reader adds "two soldiers and three civilians"; not a breakdown of a
    toll told before it ("…, ocho de ellos mujeres y otros ocho niños")."""
    ms = list(NUMBER.finditer(text, a, b))
    for m1, m2 in zip(ms, ms[1:], strict=False):
        if not _KINDS_AND.fullmatch(text, m1.end(), m2.start()) or \
                not _KIND_AFTER.match(text, m2.end(), b) or \
                _PART_BEFORE.search(text, max(a, m1.start() - 30), m1.start()):
            continue
        at = {o[3]: o for o in out if o[3] in (m1.start(), m2.start())}
        if any(o[0] != "killed" for o in at.values()):
            continue  # one of them is hurt, saved or a count of strikes
        tail = text[m2.end():min(b, m2.end() + 100)]
        if _INJURED_AFTER.match(tail) or _SURVIVE_AFTER.match(tail):
            continue
        kind = _KIND_AFTER.match(text, m2.end(), b)
        assert kind is not None
        if not at and not (_DEATH_BEFORE.search(text[max(a, m1.start() - 40):m1.start()]) or
                           _DEATH_AFTER.match(text, kind.end(), min(b, kind.end() + 100))):
            continue
        r1, r2 = number_range(m1), number_range(m2)
        if r1 is None or r2 is None:
            continue
        (lo1, hi1), (lo2, hi2) = r1[0], r2[0]
        if lo1 is None or lo2 is None:
            continue  # "hasta 30 …": no floor to add
        high = hi1 + hi2 if hi1 is not None and hi2 is not None else None
        out = [o for o in out if o not in at.values()]
        out.append(("killed", (lo1 + lo2, high), r1[1] or r2[1], m1.start(), m2.end()))
    return out


#: those aboard, counted: "a bordo viajaban cuatro hombres", "iban a bordo tres personas",
#: "tres tripulantes que iban a bordo", "con cuatro personas a bordo"
_ABOARD_BEFORE = re.compile(r"\ba\s+bordo\s+(?:(?:iban|viajaban|había|habían|se\s+encontraban|"
                            r"estaban|navegaban|se\s+hallaban)\s+)?$|"
                            r"\b(?:iban|viajaban|había|habían|se\s+encontraban|estaban|"
                            r"navegaban)\s+a\s+bordo\s+$", re.IGNORECASE)
_ABOARD_AFTER = re.compile(r"\s+(?:" + PEOPLE + r"\s+)?(?:que\s+)?(?:(?:iban|viajaban|estaban|"
                           r"se\s+encontraban|navegaban)\s+)?a\s+bordo\b", re.IGNORECASE)


def aboard_count(text: str, a: int, b: int) -> tuple[Range, int, int] | None:
    """The first count of those aboard in text[a:b] (range, start, end): with no survivor
    told ("no dejó sobrevivientes", "sin sobrevivientes"), it is the toll."""
    for m in NUMBER.finditer(text, a, b):
        if m.group("n").lower() in ("un", "una"):
            continue
        if _ABOARD_BEFORE.search(text, max(a, m.start() - 40), m.start()) or \
                _ABOARD_AFTER.match(text, m.end(), b):
            got = number_range(m)
            if got is not None:
                return got[0], m.start("n"), m.end("n")
    return None

