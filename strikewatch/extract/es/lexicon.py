"""The Spanish reader's words: event words, status cues, numbers, actors, seas.

One home for every Spanish word list, so a coder can read what the reader knows top to
bottom. Each table maps Spanish wording to the records' vocabulary (spec/records.md):
ACLED event types, statuses, count ranges, ISO country codes.
"""

from __future__ import annotations

import os
import re

from strikewatch.caseless import caseless
from strikewatch.extract.anchored import Anchored, anchored, anchored_or_gated, gated

A = r"[\wáéíóúüñÁÉÍÓÚÜÑ]"  # a Spanish word character (re's \w already has them; kept explicit)

# --- event words -------------------------------------------------------------------------
#: Strong event words: a strike on a boat, a bombing, an attack. Verbs in the preterite,
#: the present (headlines), the participle and the infinitive (for plans and threats).
#: Tried only where one of the words it starts with occurs (`anchored`).
STRIKE_WORDS = anchored(re.compile(
    r"\b(?:ataques?(?:\s+(?:cinéticos?|letales?|militares?|aéreos?))*(?:\s+(?:letal|cinético))?|"
    r"bombardeos?|bombarde(?:ó|aron|a|an|ar|ado|ada|ando|aría|arán|ara|aran)|"
    r"atac(?:ó|aron|a|an|ar|ado|ada|ando|aría|arán|ara|aran)|"
    r"golpe(?:ó|aron|ar|ara|aran)|(?:segundo|nuevo|primer|último|aquel|ese|este) golpe|"
    # a strike announced: "Israel golpeará objetivos de Hezbolá" (not "la crisis golpeará
    # la economía": a military target follows)
    r"golpe(?:ará|arán|aría|arían)(?=[^.;]{0,60}?\b(?:objetivos|posiciones|bases|blancos|"
    r"instalaciones|campamentos)\b)|"
    r"golpes? contra|"
    r"destru(?:yó|yeron|ir|ida|ido)\s+(?:[\wáéíóú]+\s+){0,3}?"
    r"(?:una?\s+|otra\s+|la\s+|el\s+|dos\s+|tres\s+|cuatro\s+)?"
    r"(?:(?:nueva|presunta|supuesta)\s+)?(?:lanchas?|embarcaci(?:ón|ones)|narcolanchas?|"
    r"botes?|semisumergibles?|naves?|buques?)|"
    r"(?<!\bse )hundi(?:ó|eron|r|da|do)\s+(?:[\wáéíóú]+\s+){0,3}?(?:una?\s+|otra\s+|la\s+|el\s+)?"
    r"(?:lanchas?|embarcaci(?:ón|ones)|"
    r"narcolanchas?|botes?|semisumergibles?|naves?|buques?)|"
    r"vol(?:ó|aron)\s+(?:una?\s+|la\s+|el\s+)?(?:lancha|embarcación|narcolancha|bote)|"
    # the target told first: "la lancha que los militares destruyeron a mediados de
    # septiembre", "el campamento que bombardearon", "la embarcación fue hundida por un
    # misil", "los laboratorios habrían sido destruidos" (not "la lancha se hundió")
    r"(?:lanchas?|embarcaci(?:ón|ones)|narcolanchas?|botes?|semisumergibles?|buques?|"
    r"campamentos?|laboratorios?|bases?|instalaciones|depósitos?|edificios?)\s+"
    r"(?:que\s+(?:[\wáéíóúñ.]+\s+){0,6}?(?:destru(?:yó|yeron)|hundi(?:ó|eron))|"
    r"(?:(?:en|de|del|cerca\s+de)\s+(?:[\wáéíóúñ]+\s+){1,3}){0,2}"
    r"(?:fue|fueron|ha\s+sido|han\s+sido|había\s+sido|habían\s+sido|habría\s+sido|"
    r"habrían\s+sido)\s+(?:[\wáéíóú]+mente\s+)?(?:destruid|hundid)[oa]s?"
    r"(?![^.;]{0,40}?\b(?:incendio|fuego|llamas|terremoto|sismo|huracán|tormenta|"
    r"inundaci|temporal|derrumbe)))|"
    # a launch at a target: "dispararon un misil contra Tel Aviv", "lanzaron cohetes hacia
    # el norte de Israel" (not "lanzó un misil de prueba": no target)
    r"(?:dispar|lanz)(?:ó|aron)\s+(?:[\wáéíóú-]+\s+){0,3}?(?:misil(?:es)?|cohetes?|"
    r"proyectil(?:es)?|dron(?:es)?|obuses|morteros?)(?=[^.;]{0,60}?\b(?:contra|hacia|sobre)\b)|"
    # the weapon as the subject of its fall on what it hit: "un misil cayó sobre un
    # mercado", "dos cohetes impactaron en una escuela", "un dron israelí se estrelló
    # contra un edificio" (not "el dron cayó en el mar": no built target after "en el mar")
    r"(?:misil(?:es)?|cohetes?|proyectil(?:es)?|dron(?:es)?|bombas?|obús|obuses|morteros?)"
    r"\s+(?:[\wáéíóúñ-]+\s+){0,3}?(?:cay(?:ó|eron)|impact(?:ó|aron)|"
    r"se\s+estrell(?:ó|aron))\s+(?:sobre|en|contra)\b"
    r"(?!\s+(?:el\s+)?(?:mar|agua|aguas|océano|campo\s+abierto|zonas?\s+despoblad))|"
    r"alcanzada por un proyectil|ofensiva(?: militar| terrestre| (?:en|a|por) tierra)|"
    r"misi(?:ón|ones)\s+(?:[\wáéíóú]+,?\s+){0,2}?militar(?:es)?|"
    r"destru(?:yó|yeron|ir|ida|ido)\s+(?:[\wáéíóú]+\s+){0,2}?(?:laboratorios|campamentos)|"
    r"intervenci(?:ón|ones) militar(?:es)?|pegarles|operaciones militares|atentados?|"
    # "una operación militar en el Caribe en la que murieron", "otra acción en aguas del
    # Pacífico" (not "una acción de tutela", a legal action)
    r"(?:acci|operaci)ón militar|(?:(?<=\buna )|(?<=\botra )|(?<=\bnueva ))(?:acción|operación)\b"
    r"(?! (?:de|legal|judicial|diplomática|política|antinarcóticos|antidrogas|policial)\b)|"
    # "una operación de gran envergadura contra las disidencias": an operation against an
    # armed group is an act of force whatever the words between (not "contra el narcotráfico")
    r"(?:(?<=\buna )|(?<=\botra )|(?<=\bnueva ))operación(?=\s+(?:[\wáéíóú]+\s+){0,4}?contra\s+"
    r"(?:(?:las|los|la|el|un|una)\s+)?(?:disidencias|guerrill|insurgent|milicia|yihadist|"
    r"rebeldes|terroristas|narcoterroristas|ELN|FARC|Clan del Golfo|Al Shabab|Hizbulá|Hamás|"
    r"Estado Islámico|grupos? armados?))|"
    # "ejecutó un nuevo operativo en el océano Pacífico" (not "un operativo policial", nor a
    # deployment told by its purpose: "un operativo para preservar el orden")
    r"(?:(?<=\bun )|(?<=\botro )|(?<=\bnuevo ))operativo\b"
    r"(?! (?:de|policial|antidrogas|antinarcóticos|de seguridad|de búsqueda|de rescate|"
    r"para)\b)|"
    # "más de 35 operaciones parecidas contra embarcaciones", "más de 15 acciones contra
    # embarcaciones acusadas de narcotráfico"
    r"(?:operaci|acci)(?:ón|ones)\s+(?:[\wáéíóú]+\s+){0,2}?contra\s+(?:presuntas\s+|supuestas\s+)?"
    r"(?:embarcaciones|lanchas|narcolanchas|botes|buques|naves)|"
    r"incursi(?:ón|ones)|(?-i:operaci)(?:ón|ones)\s+(?:antiterroristas?|especial(?:es)?|conjuntas?|"
    r"con helicópteros?)|"
    r"abri(?:ó|eron) fuego|dispar(?:ó|aron) contra|pulveriz(?:ó|aron)|acribill(?:ó|aron)|"
    r"tirote(?:ó|aron|ara|aran)|misi(?:ón|ones) (?:\w+ )?contra|mand(?:ó|ado|aron) al fondo|"
    # "La operación se realizó el 2 de septiembre": the operation just told, and its day
    r"(?:(?<=\bla )|(?<=\besa )|(?<=\baquella )|(?<=\bdicha ))(?:operación|acción)"
    r"(?=\s+(?:se\s+)?(?:realizó|produjo|ocurrió|tuvo lugar|llevó a cabo|efectuó|ejecutó)\b)|"
    r"(?:(?<=\bel )|(?<=\bese )|(?<=\baquel )|(?<=\bdicho ))operativo"
    r"(?=\s+(?:se\s+)?(?:realizó|produjo|ocurrió|tuvo lugar|llevó a cabo|efectuó|ejecutó)\b))\b",
    re.IGNORECASE))
#: Armed clashes between forces and an armed group (ACLED "Battles"): "murieron en un
#: enfrentamiento con militares", "el choque armado", "un choque entre militares y
#: sicarios", "un tiroteo", "la balacera", "se
#: enfrentaron", "el intercambio de disparos".
CLASH_WORDS = caseless(re.compile(
    r"\b(?:enfrentamientos?(?:\s+armados?)?|se\s+enfrent(?:ó|aron)|"
    # (not "el choque entre Washington y Caracas", a quarrel)
    r"choques?\s+(?:armados?|entre\s+(?:(?:presuntos|supuestos)\s+)?(?:militares|soldados|"
    r"tropas|fuerzas|efectivos|uniformados|policías|agentes|sicarios|guerrilleros|"
    r"delincuentes|integrantes|miembros|grupos\s+armados))|tiroteos?|balaceras?|"
    r"intercambios?\s+de\s+(?:fuego|disparos)|refriegas?)\b", re.IGNORECASE))
#: Bombs set off on the ground (ACLED "Remote explosive/landmine/IED"): a vehicle bomb
#: ("un coche bomba", "el carro bomba", "una camioneta cargada de explosivos"), or an
#: explosion word in a sentence that names the bomb ("estalló un artefacto explosivo").
#: An explosion alone ("una explosión envolvió la lancha") is no event word: in a strike's
#: report it is the strike seen from the outside.
VEHICLE_BOMB = caseless(re.compile(
    r"\b(?:coches?|carros?|autos?|camionetas?|camiones?|vehículos?)[\s-]+bombas?\b|"
    r"\b(?:coche|carro|auto|camioneta|camión|vehículo)\s+(?:cargad[oa]|llen[oa])\s+"
    r"(?:de|con)\s+explosivos\b", re.IGNORECASE))
EXPLOSION_WORDS = caseless(re.compile(
    r"\b(?:explosi(?:ón|ones)|estallidos?|detonaci(?:ón|ones)|"
    r"(?:explot|estall|deton)(?:ó|aron|ara|aran|ar))\b", re.IGNORECASE))
BOMB_WORD = caseless(re.compile(r"\b(?:bombas?|explosivos?|artefactos?\s+explosivos?)\b",
                                re.IGNORECASE))
#: Other incidents at sea, coded as strategic developments: a boarding, an assault on a
#: fishing boat, a seizure ("cayó en manos de la Armada").
SEA_INCIDENT_WORDS = caseless(re.compile(
    r"\b(?:abord(?:ó|aron|ado|aje)\b(?=[^.]{0,60}\b(?:pesquero|buque|barco|lancha|"
    r"embarcación|atunero|bote))|asalt(?:ó|aron) a un (?:pesquero|buque|barco|atunero|bote)|"
    r"cayó en manos de|rob(?:ó|aron) a los ocupantes|intercept(?:ó|aron|ada|ado)\b"
    r"(?=[^.]{0,40}\b(?:en el mar|frente a|millas)))", re.IGNORECASE))
#: bodies told found, after them ("fueron recuperados") or before ("rescataron")
RECOVERED = r"(?:recuperad|hallad|encontrad|rescatad|extraíd|localizad)[oa]s\b"
RECOVERING = (r"\b(?:recuper|hall|encontr|rescat|localiz)(?:ó|aron|an|ado)|"
               r"\bextra(?:jo|jeron|en|ído)")
#: Weak event words: casualty words that only join an event ("murieron cuatro").
CASUALTY_WORDS = gated(re.compile(
    # "una estrategia que ya suma cerca de 133 víctimas": a running toll in victims
    r"\b(?:(?<=suma )(?:\w+ ){0,3}?víctimas|(?<=eleva a )(?:\w+ ){0,3}?víctimas|"
    r"(?<=asciende a )(?:\w+ ){0,3}?víctimas|(?<=acumula )(?:\w+ ){0,3}?víctimas|"
    r"muert[oa]s|fallecid[oa]s|murieron|mueren|fallecieron|perdieron la vida|murió|falleció|"
    r"mat(?:ó|aron|ando|ar|ado)|abatid[oa]s|abati(?:ó|eron)|"
    # bodies recovered are the dead counted: "19 cuerpos fueron recuperados", "los
    # rescatistas hallaron otros tres cadáveres" (es/counts `_BODIES` reads the figure)
    r"(?:cuerpos|cadáveres)(?=(?:\s+sin\s+vida)?[^.;]{0,40}?\b" + RECOVERED + r")|"
    r"(?:" + RECOVERING + r")\s+(?:(?:ya|los|las)\s+)?(?:[\wáéíóúñ]+\s+){0,2}?"
    r"(?:cuerpos|cadáveres)|"
    # "se informa de la muerte de aproximadamente 20 integrantes": deaths counted by the noun
    r"(?<=\bla )muerte(?= de (?:(?:al menos|por lo menos|unos|unas|aproximadamente|"
    r"cerca de|más de) )?(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|"
    r"trece|catorce|quince|veinte|treinta|cuarenta|cincuenta|cien)\b)|"
    # "No hubo sobrevivientes entre los tres tripulantes", "sin supervivientes": a crew
    # that all died (es/counts `_NONE_OF_N` reads the toll)
    r"(?:(?<=\bsin )|(?<=\bno hubo )|(?<=\bno hay )|(?<=\bno dejó )|(?<=\bningún ))"
    r"(?:sobre|super)vivientes)\b", re.IGNORECASE))
#: A boat that is the event's target ("narcolancha", "semisumergible").
VESSEL = caseless(re.compile(r"\b(?:lanchas?|narcolanchas?|embarcaci(?:ón|ones)|semisumergibles?|"
                    r"submarinos?|botes?|peñeros?|naves?|buques?|barcos?|go-fast|"
                    r"navíos?|pesqueros?)\b", re.IGNORECASE))
#: An act told as repeated, next to its verb (coref's "struck again"): "volvieron a atacar",
#: "atacaron de nuevo", "nuevamente bombardeó", "otra vez".
AGAIN = r"de\s+nuevo|nuevamente|otra\s+vez|volvi(?:ó|eron|eran|era)\s+a"
#: More acts counted (coref's "two more boats"): "dos lanchas más", "otros tres ataques".
MORE_ACTS = (r"\b(?:ataques?|bombardeos?|operativos?|lanchas?|narcolanchas?|embarcaci(?:ón|ones)|"
             r"buques?|barcos?|botes?|objetivos?)\s+más\b|"
             r"\botr[oa]s\s+(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\s+"
             r"(?:[\wáéíóúñ]+\s+)?(?:ataques|bombardeos|operativos|lanchas|narcolanchas|"
             r"embarcaciones|buques|barcos|botes|objetivos)\b")
#: a land region named after a sea ("Córdoba, departamento del Caribe", "la región Pacífico":
#: Colombia's coastal regions) is no place at sea: blanked before the sea words are read
LAND_REGION = re.compile(r"\b(?:departamentos?|regi(?:ón|ones)|subregi(?:ón|ones)|municipios?)"
                         r"\s+(?:del\s+)?(?:Caribe|Pacífico)\b", re.IGNORECASE)


def blank_land_regions(text: str) -> str:
    """`text` with every LAND_REGION blanked, offsets kept."""
    return LAND_REGION.sub(lambda m: " " * len(m.group(0)), text)


SEA_WORD = re.compile(r"\b(?:mar|océano|Caribe|Pacífico|aguas|costas?|marítim[oa]s?|"
                      r"golfo)\b", re.IGNORECASE)
LAND_TARGET = gated(re.compile(r"\b(?:en tierra|terrestres?|laboratorios?|campamentos?|pistas?|"
                         r"instalaciones|edificios?|casas?|bases?)\b", re.IGNORECASE))

# --- status ------------------------------------------------------------------------------
#: Cue -> status, read in the words before the event word (and "amenazó con" anywhere before).
STATUS_CUES: tuple[tuple[str, Anchored | re.Pattern[str]], ...] = (
    ("denied", re.compile(r"\b(?:neg(?:ó|aron|ar|aba)\b|nieg(?:a|an|uen)\b|desmint(?:ió|ieron)|"
                          r"rechaz(?:ó|aron) que|"
                          # an accusation called false: "calificó de falsa la acusación de
                          # que bombardeó", "tachó de falsas", "desestimó las denuncias"
                          r"calific(?:ó|aron|a|an) (?:de|como) fals[oa]s?|"
                          r"tach(?:ó|aron|a|an) de fals[oa]s?|"
                          r"desestim(?:ó|aron|a|an)|"
                          # the report itself named false before what it told:
                          # "difundió informaciones falsas de que drones bombardearon",
                          # "el bulo de que", "falsos informes sobre"
                          r"(?:informaci(?:ón|ones)|noticias?|informes?|reportes?|"
                          r"denuncias?|rumores?|versi(?:ón|ones))\s+fals[oa]s?\s+"
                          r"(?:de que|sobre|según)|bulos?\s+(?:de que|sobre|según)|"
                          r"fals[oa]s\s+(?:informaciones|noticias|informes|reportes|denuncias|"
                          r"rumores|versiones)\s+(?:de que|sobre|según)|"
                          r"son falsos|no (?:ha |hubo |existió )?(?:realizado|ningún))\b",
                          re.I)),
    # "amenazó con atacar", "amenazó el martes con bombardear", "amenazó a los cárteles con
    # nuevos ataques"
    ("threatened", re.compile(r"\b(?:amenaz(?:ó|a|aron|an|ando)\s+(?:[\wáéíóúñ.]+\s+){0,4}?con\b|"
                              # what a party names as targets of acts to come: "son ahora
                              # objetivos legítimos de ataque", "blancos legítimos de sus
                              # bombardeos" (not "fue blanco de un ataque": a past act's)
                              r"(?:objetivos?|blancos?)\s+(?:militar(?:es)?\s+)?"
                              r"legítim[oa]s?\s+(?:de|para)\s+(?:[\wáéíóúñ]+\s+){0,2}$|"
                              r"vamos a|van a|va a|"
                              r"pod(?:emos|ríamos)\s*$|"
                              r"lanzará|atacará|se encargará|advirtió (?:que|con)|"
                              r"amenaza(?:s)? de|empezarán|comenzarán|puede(?:n)? ser atacad|"
                              r"será(?:n)? (?:completamente |totalmente )?"
                              r"(?:atacad|aniquilad|destruid|eliminad|borrad|arrasad|"
                              r"bombardead)|(?:puede|pueden|podría|podrían) ser\s*$|"
                              r"(?:está|están) sujet[oa]s? a\s*$|"
                              # "quien lo haga se expone a ser atacado"
                              r"(?:se\s+)?exponen?\s+a\s+(?:ser\s+)?$|"
                              r"(?:empezará|comenzará|volverá)(?:n)? a\s*$|"
                              # a force said ready for the act: "estamos listos para un
                              # segundo ataque", "preparados para atacar", "seguimos listos
                              # (para un segundo ataque)", "dispuestos a nuevos bombardeos"
                              # (right before the event word)
                              r"(?:list|preparad|dispuest)[oa]s?\s+\(?(?:para|a)\s+"
                              r"(?:[\wáéíóúñ]+\s+){0,3}$)", re.I)),
    ("planned", re.compile(r"\b(?:alist(?:a|aba|aban)|evalúa|diseña|sopesa|pensaría|estudia|"
                           r"baraj(?:a|an|aba|aban)|escenarios?|"
                           r"quier(?:e|en)\s*$|"
                           r"lo próximo|la próxima|llevar|plane(?:a|an|aba|aban|ó)|prevé|prevén|"
                           r"prepar(?:a|an|aba|aban|ar|ando)|opciones para\s*$|"
                           r"planific(?:a|ar|ó)|contempl(?:a|ando|aría)|estudia(?:n)? la "
                           r"posibilidad|(?:posibles?|próxim[oa]s?|futur[oa]s?) (?:\w+ )?"
                           r"(?:ataques?|operaci|bombardeos?)|siguiente fase|"
                           r"conversaciones|discusiones|deliberaciones|"
                           r"(?:etapa|fase) (?:inicial|temprana|preliminar)|"
                           r"ordenar(?:ía)?|autoriz(?:ó|ar)|podría(?:n)? (?:atacar|bombardear|"
                           r"lanzar)|tiene previsto|se dispone a|inminente)", re.I)),
    ("hypothetical", re.compile(r"(?:^|[¿,]\s*)(?:si|en caso de que|pongamos que|"
                                r"una posible intervención)\s", re.I)),
)
#: (each tried only where one of its first words occurs)
STATUS_CUES = tuple((status, anchored(rx) if isinstance(rx, re.Pattern) else rx)
                    for status, rx in STATUS_CUES)
#: Cues told after the event word in its clause ("los ataques por tierra van a empezar"):
#: what has not happened yet.
STATUS_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("threatened", re.compile(r"^[^.;]{0,30}?\b((?:va|van) a (?:empezar|comenzar|suceder|pasar|"
                              r"llegar)|(?:empezarán|comenzarán|llegarán)\b)", re.I)),
    # the event noun as the subject of a verb in the future: "los ataques por tierra
    # alcanzarán a todos los países", "los bombardeos se extenderán" (not a relative clause,
    # "el ataque, que dejará ...")
    ("threatened", re.compile(r"^(?:\s+(?:por|en|a|contra|de|sobre)\s+\w+){0,2}\s+(?:se\s+)?"
                              r"(\w{2,}(?:arán|erán|irán))\b", re.I)),
    # the act as a possibility still open or closed, its noun the subject: "un segundo
    # ataque no está descartado" (left open: a threat, as "no descarta ataques"), "ese
    # ataque queda descartado" (ruled out, as "descartó nuevos ataques"), "nuevos
    # bombardeos siguen sobre la mesa" (still weighed: a plan)
    ("threatened", re.compile(r"^[^.;]{0,30}?\b(no\s+(?:se\s+)?(?:(?:est|qued|sig|permanec)\w*\s+"
                              r"(?:[\wáéíóúñ]+\s+)?descartad[oa]s?|descarta(?:n|ba|ban)?)\b)",
                              re.I)),
    ("denied", re.compile(r"^[^.;]{0,30}?\b((?:est|qued|sig|permanec)\w*\s+(?:[\wáéíóúñ]+\s+)?"
                          r"descartad[oa]s?)\b", re.I)),
    ("planned", re.compile(r"^[^.;]{0,30}?\b((?:est|qued|sig|permanec)\w*\s+(?:todavía\s+|aún\s+)?"
                           r"(?:sobre\s+la\s+mesa|en\s+(?:estudio|evaluación|consideración)))",
                           re.I)),
)
#: Hedges: the event is reported, not vouched for ("habría", "presuntamente").
HEDGES = anchored(re.compile(r"\b(?:habría(?:n)?|presunt(?:o|a|os|as|amente)|supuest(?:o|a|os|as|"
                    r"amente)|al parecer|según se informa|aparentemente)\b", re.I))
#: The conditional mood of an event verb ("atacaría") says what would happen: a plan.
CONDITIONAL = re.compile(r"\b\w+(?:aría|ería|iría)(?:n|mos)?\b", re.I)
#: The future of an event verb ("atacarán", "bombardearemos"): what is announced, a threat.
FUTURE_VERB = re.compile(r"\w{3,}(?:ará|arán|aremos|erá|erán|eremos|irá|irán|iremos)", re.I)

# --- the mood of the verb that governs the event word ------------------------------------
#: Words that may stand between a governing verb and its event word: determiners,
#: quantifiers and the adjectives of a new act ("habrá más ataques", "lanzará nuevos
#: bombardeos", "realizaría posibles operaciones").
_FILLER = (r"(?:más|nuev[oa]s?|otr[oa]s?|un|una|unos|unas|los|las|el|la|sus?|posibles?|"
           r"vari[oa]s|algun[oa]s?|algún|\d+|mayores|grandes|duros?|fuertes|contundentes|"
           # an act counted in a run still to come: "habrá un segundo ataque", "lanzará
           # una tercera ronda de bombardeos", "vendrá otra oleada de ataques"
           r"primer[oa]?s?|segund[oa]s?|tercer[oa]?s?|cuart[oa]s?|quint[oa]s?|"
           r"(?:olas?|oleadas?|rondas?|series?|tandas?)\s+de)")
#: A finite verb in the future or conditional right before the event word, with an
#: infinitive between or none ("habrá ataques", "podrían bombardear", "tendrá que lanzar
#: ataques", "vendrán más ataques"): the act is announced or weighed, not done; negated
#: ("no habrá ataques", "no aceptará operaciones") it tells no act. Not a noun in -ría/-rán
#: after its article ("la artillería", "el Corán"), not "Teherán", nor the hearsay
#: conditional ("habría lanzado", "sería el ataque número 16": reported, done).
GOVERNED_BY_MOOD = re.compile(
    r"(?<!\bla )(?<!\bel )(?<!\blos )(?<!\blas )(?<!\bde )(?<!\bdel )(?<!\buna )"
    r"(?P<no>\bno\s+(?:(?:se|l[eoa]s?|nos)\s+)?)?"
    r"\b(?!teherán\b|corán\b|alcorán\b|habría|sería(?:n)?\s+(?:el|la|los|las)\s)"
    r"(?P<v>[a-záéíóúñ]{2,}(?:(?P<fut>rá|rán|remos)|(?P<cond>ría|rían|ríamos)))\s+"
    r"(?:(?:(?:a|que|de)\s+)?[a-záéíóúñ]{2,}(?:ar|er|ir)\s+(?:a\s+cabo\s+)?)?"
    r"(?:" + _FILLER + r"\s+){0,3}$", re.I)
#: Present subjunctive of the event verb ("que Estados Unidos ataque", "cuando Israel
#: ataque"): the act wished, feared or conditioned, not done; its subject is a name or a
#: force right before it (the noun "ataque" follows an article or an adjective instead).
SUBJUNCTIVE_VERB = re.compile(r"ataquen?|bombardeen?|golpeen?|hundan?|destruyan?", re.I)
SUBJUNCTIVE_LEAD = re.compile(
    r"\b(?:que|cuando|si|hasta que|ojalá)\s+(?:[\wáéíóúñ.]+\s+){0,3}?"
    r"(?:(?-i:[A-ZÁÉÍÓÚÑ][\wáéíóúñ.]*)|ejércitos?|fuerzas|gobiernos?|militares|aviación|"
    r"marina|país|países|tropas|aviones|drones|nadie|alguien|no|se|l[eo]s?|la)\s+$", re.I)
#: "no descarta ataques", "no excluye atacar": a possibility left open, a threat; "descarta
#: nuevos ataques": one ruled out, denied (only the event word's own object, not "descartó
#: que hubiera víctimas en el ataque").
LEFT_OPEN = re.compile(r"\bno\s+(?:se\s+)?(?:descart|excl(?:uy|u[ií]))\w*\s+"
                       r"(?:(?:la posibilidad de|la opción de|que|cualquier|futur[oa]s?|"
                       + _FILLER + r")\s+){0,3}$", re.I)
RULED_OUT = re.compile(r"(?<!\bno )(?<!\bse )\b(?:descart|excl(?:uy|u[ií]))\w*\s+"
                       r"(?:(?:la posibilidad de|la opción de|cualquier|futur[oa]s?|"
                       + _FILLER + r")\s+){0,3}$", re.I)
#: Anywhere before the event word, where neither of those reads the words right before
#: it: an act ruled out or talked of as a possibility, not done (hypothetical): "descarta
#: que fuerzas de EE. UU. hayan atacado", "rechazó la posibilidad de que Estados Unidos
#: ataque", "no contempla la opción de que ..." (only before: "el ataque abre la
#: posibilidad de ..." is an act done)
ONLY_POSSIBLE = re.compile(r"\b(?:descart(?:a|an|ó|aron|ar|ando|aba|aban)|"
                           r"(?:la\s+)?(?:posibilidad|opción|hipótesis|eventualidad)\s+de"
                           r"(?:\s+que)?)\s+(?:[\w.]+\s+){0,5}$", re.IGNORECASE)

#: A universal or negative quantifier on the event noun names a kind of act, not an act
#: (the English "every strike"): "rechazó toda intervención militar", "condena cualquier
#: ataque", "no aceptará ninguna incursión", "todo bombardeo sería ilegal". Read on the
#: words right before the event word; plural "todos los ataques" may be acts told, so not.
#: So is a bare noun denied as a means: "la solución está en la cooperación y no en
#: incursiones armadas", "ni con bombardeos".
KIND_OF_ACT = re.compile(r"\b(?:(?:tod[oa]|cualquier|cualquiera\s+de\s+(?:l[oa]s\s+)?|"
                         r"ningun[oa]?|ningún)\s+(?:(?:posible|eventual|nuev[oa]|"
                         r"otr[oa]|tipo\s+de|clase\s+de|forma\s+de)\s+){0,2}|"
                         r"(?:no|ni)\s+(?:en|con|mediante|por\s+medio\s+de)\s+)$",
                         re.IGNORECASE)

# --- numbers -----------------------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13,
    "catorce": 14, "quince": 15, "dieciséis": 16, "diecisiete": 17, "dieciocho": 18,
    "diecinueve": 19, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
}
#: Vague words -> (low, high), as spec/records.md maps the English ones ("una docena" is
#: "a dozen"; "una veintena"/"una treintena" about 20/30 with approx; "decenas" 24..null).
VAGUE: dict[str, tuple[int | None, int | None]] = {
    "docena": (12, 12), "decena": (10, 10), "veintena": (20, 20), "treintena": (30, 30),
    "cuarentena": (40, 40), "decenas": (24, None), "docenas": (24, None),
    "cientos": (200, None), "centenares": (200, None), "varios": (3, None), "varias": (3, None),
}
#: THE Spanish ordinal words -> rank, every form (the short "primer"/"tercer" before a
#: noun, masculine, feminine, the variants "decimotercer"/"decimonono"). Every reader of a
#: rank takes its words from here and bounds them where it reads (counts.py's
#: `ranks_up_to`): a day's series ("el segundo ataque") runs to "sexto", a campaign's
#: count ("es el vigésimo ataque") from "segundo" to "vigésimo", masculine.
ORDINALS: dict[str, int] = {
    "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2, "tercer": 3,
    "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    "sexto": 6, "sexta": 6, "séptimo": 7, "séptima": 7, "octavo": 8, "octava": 8,
    "noveno": 9, "novena": 9, "décimo": 10, "décima": 10, "undécimo": 11, "undécima": 11,
    "duodécimo": 12, "duodécima": 12, "decimotercero": 13, "decimotercer": 13,
    "decimotercera": 13, "decimocuarto": 14, "decimocuarta": 14, "decimoquinto": 15,
    "decimoquinta": 15, "decimosexto": 16, "decimosexta": 16, "decimoséptimo": 17,
    "decimoséptima": 17, "decimoctavo": 18, "decimoctava": 18, "decimonoveno": 19,
    "decimonono": 19, "decimonovena": 19, "vigésimo": 20, "vigésima": 20,
}


def masculine(table: dict[str, int]) -> dict[str, int]:
    """The masculine and short forms of an ordinal table ("tercer", "tercero", not
    "tercera"), for a reader that spells the feminine itself ("[oa]") or reads none."""
    return {w: n for w, n in table.items() if not w.endswith("a")}


def rank_stems(table: dict[str, int]) -> dict[str, int]:
    """One stem a rank, the part all its forms share ("primer" for "primer"/"primero"/
    "primera", "segund", "cuart"), for a reader that matches a stem and any ending
    ("segund\\w*"); in the table's order."""
    forms: dict[int, list[str]] = {}
    for w, n in table.items():
        forms.setdefault(n, []).append(w)
    return {os.path.commonprefix(ws): n for n, ws in forms.items()}


def rank_alternation(table: dict[str, int], ending: str = "") -> str:
    """The forms of an ordinal table as a regex alternation, one a rank: "primer[oa]?|
    segund[oa]|tercer[oa]?" (a stem that is a word itself, "primer", takes its vowel
    optionally); `ending` after each ("s?": "segundos"). Only for ranks whose forms are
    their stem and -o/-a (not 19th: "decimonoveno", "decimonono")."""
    out = []
    for stem, n in rank_stems(table).items():
        forms = {w for w, m in table.items() if m == n}
        if forms - {stem} != {stem + "o", stem + "a"}:
            raise ValueError(f"rank {n} is not a stem with -o/-a: {sorted(forms)}")
        out.append(stem + ("[oa]?" if stem in forms else "[oa]") + ending)
    return "|".join(out)


_NUMWORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
#: A number phrase: an optional qualifier, then digits, a word number or a vague word.
#: (matched on lower-cased text, `caseless`: its matches may start with a space, so it has
#: no anchors)
NUMBER = caseless(re.compile(
    r"(?<!\w)(?P<q>al menos|por lo menos|no menos de|como mínimo|un mínimo de|más de|hasta|casi|"
    r"cerca de|unos|unas|alrededor de|aproximadamente)?\s*(?:una\s+|otr[oa]s\s+)?"
    r"(?<![\w.,])(?P<n>\d{1,4}(?![\d.,]\d)|(?:" + _NUMWORD + r")(?:\s+y\s+(?:" + _NUMWORD + r"))?|"
    r"veinti\w+|(?:" + "|".join(VAGUE) + r"))\b"
    # "decenas de miles", "20 mil", "dos millones": a larger unit after the figure, a war's or
    # a crowd's scale, no strike's toll (the English counts' rule)
    r"(?!(?:\s+y\s+\w+)?\s+(?:de\s+)?(?:mil|miles|millones|millón)\b)", re.IGNORECASE))
#: People words between a number and a casualty word ("seis tripulantes murieron").
PEOPLE = (r"(?:personas?|hombres?|tripulantes?|pescador|ocupantes|narcoterroristas|terroristas|"
          r"pescadores|marineros|civiles|presuntos narcotraficantes|narcotraficantes|"
          r"integrantes|individuos|sospechosos|víctimas|criminales|tripulantes|soldados|militares|"
          r"uniformados|policías|agentes|niños|mujeres|yihadistas|milicianos|miembros|"
          r"combatientes|delincuentes|guerrilleros|insurgentes|extremistas|sicarios|"
          r"agresores|pistoleros|narcos)")

#: an act named as the one before the news: "el bombardeo anterior", "el anterior ataque",
#: "el ataque previo" (not the act just told, which "el ataque" refers to)
_PREVIOUS_AFTER = re.compile(r"\s+(?:anterior|previo|precedente)\b", re.IGNORECASE)
_PREVIOUS_BEFORE = re.compile(r"\b(?:anterior|previo)\s+$", re.IGNORECASE)


def previous_act(text: str, start: int, end: int) -> bool:
    """Whether the event word at text[start:end] is named as the act before the news."""
    return bool(_PREVIOUS_AFTER.match(text, end) or
                _PREVIOUS_BEFORE.search(text[max(0, start - 12):start]))


# --- actors ------------------------------------------------------------------------------
#: Actor phrases -> (name, type, country). Ordered longest first when compiled.
ACTORS: dict[str, tuple[str, str, str | None]] = {
    "Comando Sur": ("Comando Sur", "military", "US"),
    "SOUTHCOM": ("Comando Sur", "military", "US"),
    "Departamento de Guerra": ("Departamento de Guerra", "military", "US"),
    "Departamento de Defensa": ("Departamento de Defensa", "military", "US"),
    "Pentágono": ("Pentágono", "military", "US"),
    "Lanza del Sur": ("Fuerza de Tarea Conjunta Lanza del Sur", "military", "US"),
    "Southern Spear": ("Fuerza de Tarea Conjunta Lanza del Sur", "military", "US"),
    "Hegseth": ("Pete Hegseth", "government", "US"),
    "Trump": ("Donald Trump", "government", "US"),
    "Casa Blanca": ("Casa Blanca", "government", "US"),
    "Estados Unidos": ("Estados Unidos", "state", "US"),
    "EE.UU.": ("Estados Unidos", "state", "US"),
    "EE. UU.": ("Estados Unidos", "state", "US"),
    "EEUU": ("Estados Unidos", "state", "US"),
    "EU": ("Estados Unidos", "state", "US"),
    "Washington": ("Estados Unidos", "state", "US"),
    "fuerzas estadounidenses": ("fuerzas estadounidenses", "military", "US"),
    "militares estadounidenses": ("fuerzas estadounidenses", "military", "US"),
    "Armada de Colombia": ("Armada de Colombia", "military", "CO"),
    "Armada Nacional": ("Armada de Colombia", "military", "CO"),
    "Gobierno de Nicolás Maduro": ("Gobierno de Nicolás Maduro", "government", "VE"),
    "gobierno de Nicolás Maduro": ("Gobierno de Nicolás Maduro", "government", "VE"),
    "Fanb": ("Fuerza Armada Nacional Bolivariana", "military", "VE"),
    "FANB": ("Fuerza Armada Nacional Bolivariana", "military", "VE"),
    "Guardia Costera trinitense": ("Guardia Costera de Trinidad y Tobago", "military", "TT"),
    "SEMAR": ("Secretaría de Marina", "military", "MX"),
    "Semar": ("Secretaría de Marina", "military", "MX"),
    "Secretaría de Marina": ("Secretaría de Marina", "military", "MX"),
    "Ejército de Nicaragua": ("Ejército de Nicaragua", "military", "NI"),
    "Sedena": ("Secretaría de la Defensa Nacional", "military", "MX"),
    "SEDENA": ("Secretaría de la Defensa Nacional", "military", "MX"),
    "Secretaría de la Defensa Nacional": ("Secretaría de la Defensa Nacional", "military", "MX"),
    "Ejército Mexicano": ("Ejército Mexicano", "military", "MX"),
    "Ejército mexicano": ("Ejército Mexicano", "military", "MX"),
    "Ejército de México": ("Ejército Mexicano", "military", "MX"),
    "militares mexicanos": ("Ejército Mexicano", "military", "MX"),
    "Militares mexicanos": ("Ejército Mexicano", "military", "MX"),
    "Militares de México": ("Ejército Mexicano", "military", "MX"),
    "militares de México": ("Ejército Mexicano", "military", "MX"),
    "soldados mexicanos": ("Ejército Mexicano", "military", "MX"),
    "Soldados mexicanos": ("Ejército Mexicano", "military", "MX"),
    # armed groups a Colombian report names as the attacker ("un ataque con drones del ELN")
    "ELN": ("Ejército de Liberación Nacional", "non_state", "CO"),
    "Ejército de Liberación Nacional": ("Ejército de Liberación Nacional", "non_state", "CO"),
    "disidencias de las FARC": ("disidencias de las FARC", "non_state", "CO"),
    "DNCD": ("Dirección Nacional de Control de Drogas", "government", "DO"),
    "Fuerzas Militares de Colombia": ("Fuerzas Militares de Colombia", "military", "CO"),
    "Fuerza Aeroespacial Colombiana": ("Fuerza Aeroespacial Colombiana", "military", "CO"),
    "Fuerza Aérea Colombiana": ("Fuerza Aérea Colombiana", "military", "CO"),
    "Ejército Nacional de Colombia": ("Ejército Nacional de Colombia", "military", "CO"),
    # a country's own forces named without the country ("las Fuerzas Militares", "el
    # Ejército israelí"): the country is read beside them (parties._actor)
    "Fuerzas Militares": ("Fuerzas Militares", "military", None),
    "Fuerzas Armadas": ("Fuerzas Armadas", "military", None),
    "Fuerza Aeroespacial": ("Fuerza Aeroespacial", "military", None),
    "Fuerza Aérea": ("Fuerza Aérea", "military", None),
    "Policía Nacional": ("Policía Nacional", "police", None),
    # Mexico's, Venezuela's (la GNB) and others' forces share the name; the country is read
    # beside it or from the page's places (a bare "Ejército" stays unread: carried to the
    # next sentences' events it would name the army as the attacker of a cartel's bombing)
    "Guardia Nacional": ("Guardia Nacional", "military", None),
}
ACTOR_RE = re.compile(r"(?<![\w.])(?:" + "|".join(
    re.escape(k) for k in sorted(ACTORS, key=len, reverse=True)) + r")(?![\w])")

#: Country names in Spanish -> ISO code (for actors' countries and places on land).
COUNTRIES: dict[str, str] = {
    "Estados Unidos": "US", "EE.UU.": "US", "EEUU": "US", "Venezuela": "VE", "Colombia": "CO",
    "México": "MX", "Mexico": "MX", "Trinidad y Tobago": "TT", "Ecuador": "EC",
    "Nicaragua": "NI", "Panamá": "PA", "República Dominicana": "DO", "Honduras": "HN",
    "Guatemala": "GT", "El Salvador": "SV", "Costa Rica": "CR", "Perú": "PE", "Cuba": "CU",
    "Puerto Rico": "PR", "Granada": "GD", "Jamaica": "JM", "Brasil": "BR", "Chile": "CL",
    "Argentina": "AR", "Bolivia": "BO", "Paraguay": "PY", "Uruguay": "UY", "Guyana": "GY",
    "Haití": "HT", "Siria": "SY", "Somalia": "SO", "Irak": "IQ", "Iraq": "IQ", "Yemen": "YE",
    "Afganistán": "AF", "Pakistán": "PK", "Líbano": "LB", "Irán": "IR", "Israel": "IL",
    "Nigeria": "NG", "Kenia": "KE", "Etiopía": "ET", "Libia": "LY", "Gaza": "PS",
    "Malí": "ML", "Mali": "ML", "Burkina Faso": "BF",
    "Ucrania": "UA", "Rusia": "RU",
    "Sudán": "SD", "Sudán del Sur": "SS", "Myanmar": "MM", "Birmania": "MM",
    "Níger": "NE", "Chad": "TD", "República Democrática del Congo": "CD", "RDC": "CD",
}
#: "en territorio venezolano", "suelo mexicano": a country told by its adjective.
COUNTRY_ADJECTIVES: dict[str, str] = {
    "venezolano": "VE", "mexicano": "MX", "colombiano": "CO", "ecuatoriano": "EC",
    "sirio": "SY", "somalí": "SO", "iraquí": "IQ", "yemení": "YE", "libanés": "LB",
    "iraní": "IR", "nicaragüense": "NI", "panameño": "PA", "hondureño": "HN",
    "israelí": "IL", "estadounidense": "US", "peruano": "PE", "ruso": "RU", "ucraniano": "UA",
    "turco": "TR", "paquistaní": "PK", "pakistaní": "PK", "afgano": "AF", "nigeriano": "NG",
    "maliense": "ML", "sudanés": "SD", "birmano": "MM", "congoleño": "CD",
}

# --- attribution -------------------------------------------------------------------------
_NAME = r"(?:(?:el|la|los|las)\s+)?(?P<name>[A-ZÁÉÍÓÚÑ][\w.áéíóúñ-]*(?:\s+(?:de(?:l)?\s+|la\s+)?" \
        r"[A-ZÁÉÍÓÚÑ][\w.áéíóúñ-]*){0,4})"
SAY_VERB = (r"(?:informó|informaron|dijo|dijeron|indicó|indicaron|afirmó|aseguró|anunció|"
            r"anunciaron|escribió|publicó|confirmó|declaró|señaló|reveló|explicó|precisó|"
            r"detalló|sostuvo|agregó|añadió|difundió|dio a conocer)")
ATTRIBUTION: tuple[Anchored | re.Pattern[str], ...] = (
    re.compile(r"\b(?:según|de acuerdo con|de acuerdo a|citado por|reveló)\s+" + _NAME),
    # "el Pentágono informó", "Hegseth, jefe del Pentágono, dijo": the name, or the name
    # and an apposition between commas, right before the verb
    re.compile(_NAME + r"(?:,\s+(?:el|la|jefe|jefa|secretari[oa]|ministr[oa]|portavoz|"
               r"presidente|presidenta|director[a]?)\b[^.,;]{0,50},)?\s+" + SAY_VERB + r"\b"),
    re.compile(r"\b" + SAY_VERB + r"\s+(?:este\s+\w+\s+|hoy\s+|ayer\s+)?" + _NAME),
)
#: (each tried only at its first words, or in a clause holding a say verb)
ATTRIBUTION = tuple(anchored_or_gated(rx) if isinstance(rx, re.Pattern) else rx
                    for rx in ATTRIBUTION)
ANONYMOUS = anchored(re.compile(r"\bfuentes (?:anónimas|oficiales|militares|cercanas)|"
                       r"(?:dos|tres|cuatro|varias) personas con conocimiento", re.I))
_STOP_NAMES = {"El", "La", "Los", "Las", "En", "Un", "Una", "Este", "Esta", "Según", "Ayer"}


def clean_name(name: str) -> str | None:
    """A speaker's name without a leading article word; None when nothing is left."""
    words = [w for w in name.split() if w not in _STOP_NAMES]
    return " ".join(words).rstrip(".,") or None
