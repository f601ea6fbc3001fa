"""The Spanish reader on real Spanish copy (issue 14, batches W/X/Y as dev data): a threat told
by the rank of the act announced ("habrá un segundo ataque") or after its condition ("Si no
cumplen, habrá …"), a force said ready for the act, a demonstrative pointing back at the act
announced; a title counted as a tally only by its plural word joins the lede it announces;
"por el ataque" is one act's toll; the military's "enfrentamiento" on a craft is a strike;
"hoy" meaning "nowadays" dates nothing. Every sentence is our own, in several registers (wire,
Latin American broadcaster, Spanish regional paper, blog), never a gold article's; negatives
beside each rule."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract import registry
from strikewatch.extract.es.dates import read_dates
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def read(text: str, published: str | None = PUB) -> list[Mention]:
    art = Article(id="t-es-threats", text=text, published=published, language="es")
    return registry.checked(registry.get_extractor("strikewatch-rules-es"), art)


def statuses(text: str) -> list[str]:
    return [m.status for m in read(text) if m.kind == "event"]


# --- a threat told by the rank of the act announced --------------------------------------

@pytest.mark.parametrize("sentence", [
    "El presidente advirtió que Venezuela sufrirá un segundo ataque si no acata sus exigencias.",
    "Habrá un segundo bombardeo si el régimen no libera a los presos, dijo el mandatario.",
    "El Gobierno estadounidense ha avisado de que vendrá un tercer ataque contra el país.",
    "Según el portavoz, la milicia recibirá un segundo golpe contra sus depósitos.",
])
def test_an_act_announced_by_its_rank_is_threatened(sentence: str) -> None:
    assert statuses(sentence) == ["threatened"]


def test_a_second_strike_told_done_stays_occurred() -> None:
    assert statuses("Estados Unidos lanzó un segundo ataque contra otra lancha el martes.") == \
        ["occurred"]


# --- a condition told first, then the act in the future -----------------------------------

@pytest.mark.parametrize("sentence", [
    '"Si no cumplen, habrá un segundo ataque", dijo el presidente a los periodistas.',
    "Si Caracas no coopera, habrá más bombardeos, advirtió Trump.",
    "Si el Gobierno no entrega a los cabecillas, vendrán nuevos ataques, avisó el ministro.",
])
def test_a_conditioned_act_of_force_is_a_threat(sentence: str) -> None:
    assert statuses(sentence) == ["threatened"]


def test_an_act_inside_the_condition_is_no_threat() -> None:
    # "si atacan" is the condition itself: what the speaker would answer, not what he announces
    assert statuses("Si atacan, vamos a responder con toda la fuerza, dijo Maduro.") == \
        ["hypothetical"]


def test_a_doubted_report_of_a_done_act_stays_occurred() -> None:
    text = ("Si se confirma que la Armada atacó la lancha en el Caribe el martes, habrá "
            "consecuencias.")
    assert statuses(text) == ["occurred"]


# --- a force said ready for the act -----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    '"Estamos listos para un segundo ataque", dijo el jefe del Pentágono.',
    "El ministro aseguró que las fuerzas están preparadas para nuevos bombardeos contra los "
    "campamentos.",
    '"Seguimos listos (para un segundo ataque)", explicó el mandatario en el avión presidencial.',
])
def test_a_force_ready_for_the_act_threatens_it(sentence: str) -> None:
    assert statuses(sentence) == ["threatened"]


def test_ready_told_of_those_who_then_struck_stays_occurred() -> None:
    assert statuses("Los militares, listos desde el amanecer, atacaron la lancha el lunes.") == \
        ["occurred"]


# --- a demonstrative pointing back at the act announced -------------------------------------

def test_that_second_attack_is_the_one_threatened() -> None:
    text = ("El presidente advirtió este domingo que el país sufrirá un segundo ataque si sus "
            "autoridades no cumplen.\n\n"
            '"Seguimos listos para un segundo ataque", explicó a los periodistas.\n\n'
            "Preguntado si ese segundo ataque queda descartado, fue claro: no lo está.")
    ms = [m for m in read(text, "2026-01-05") if m.kind == "event"]
    assert [m.status for m in ms] == ["threatened"]


def test_that_attack_after_a_done_one_stays_occurred() -> None:
    text = ("Estados Unidos atacó el sábado la capital y detuvo al presidente. Preguntado si ese "
            "ataque fue legal, el secretario dijo que sí.")
    assert statuses(text) == ["occurred"]


# --- a title counted as a tally only by its plural word joins its lede ----------------------

@pytest.mark.parametrize("text", [
    "Reportan decenas de muertos tras bombardeos en la frontera\n\n"
    "Al menos 30 personas murieron el sábado en un bombardeo de la aviación paquistaní "
    "contra una aldea de Kunar, según fuentes locales.",
    "Ataques en el norte de Siria dejan 12 muertos\n\n"
    "Doce personas murieron este martes en un bombardeo turco contra una aldea de Hasaka.",
    "Bombardeos de Israel dejan al menos 20 fallecidos en el sur del Líbano\n\n"
    "BEIRUT, 11 nov (EFE).- Al menos 20 personas perdieron la vida este martes en un bombardeo "
    "israelí contra la localidad de Nabatiye, según el Ministerio de Salud.",
])
def test_a_plural_toll_title_is_its_ledes_strike(text: str) -> None:
    ms = read(text)
    assert [m.kind for m in ms] == ["event"]
    assert ms[0].status == "occurred"


def test_a_campaign_title_stays_a_tally() -> None:
    text = ("Ya son 87 los muertos por los ataques de EE.UU. contra lanchas\n\n"
            "Estados Unidos atacó el martes otra lancha en el Caribe y mató a tres personas.")
    assert sorted(m.kind for m in read(text)) == ["event", "tally"]


# --- "por el ataque": one act's toll ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Cabello eleva a cien los muertos por el ataque de EE.UU. en Caracas",
    "El Gobierno eleva a 23 los fallecidos por la ofensiva militar del sábado en la capital.",
])
def test_a_toll_raised_for_the_attack_is_that_acts(sentence: str) -> None:
    assert [m.kind for m in read(sentence)] == ["event"]


def test_a_toll_raised_for_the_attacks_is_a_tally() -> None:
    assert [m.kind for m in read("Suman 87 los muertos por los ataques contra lanchas en el "
                                 "Caribe.")] == ["tally"]


# --- the military's "enfrentamiento" on a craft is a strike ---------------------------------

@pytest.mark.parametrize("sentence", [
    "En el primer enfrentamiento murieron los tres tripulantes de la lancha.",
    "El Comando Sur dijo que los enfrentamientos del martes hundieron las dos embarcaciones.",
    "En el enfrentamiento del lunes en el Pacífico murieron los cuatro ocupantes de la "
    "narcolancha, informó el Comando Sur.",
    "El enfrentamiento contra una narcolancha en aguas del Caribe dejó tres muertos.",
])
def test_an_engagement_of_a_craft_is_a_strike(sentence: str) -> None:
    ms = [m for m in read(sentence) if m.kind == "event"]
    assert ms and all(m.event_type == "Explosions/Remote violence" for m in ms)


@pytest.mark.parametrize("sentence", [
    "Un enfrentamiento entre la Armada y los ocupantes de una lancha dejó dos muertos.",
    "Un enfrentamiento con sicarios que huían en una lancha dejó un muerto el lunes.",
    "El enfrentamiento armado en la sierra dejó cuatro guerrilleros muertos.",
])
def test_a_fight_with_a_second_side_stays_a_clash(sentence: str) -> None:
    ms = [m for m in read(sentence) if m.kind == "event"]
    assert ms and all(m.event_type == "Battles" for m in ms)


# --- "hoy" meaning "nowadays" -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "la vicepresidenta que ocupa hoy el sillón presidencial",
    "la guerrilla que hoy también opera en Caquetá y el Meta",
    "la ofensiva que Washington mantiene hoy en el Caribe",
    "hoy en día los ataques contra lanchas son frecuentes",
])
def test_hoy_as_nowadays_is_no_day(text: str) -> None:
    assert read_dates(text, dt.date(2026, 1, 7)) == []


@pytest.mark.parametrize("text", [
    "el Departamento de Guerra ejecutó hoy un ataque contra una lancha",
    "el ataque que hoy dejó tres muertos",
    "la lancha que hoy fue atacada en el Pacífico",
])
def test_hoy_of_an_act_is_the_page_day(text: str) -> None:
    assert [r.low for r in read_dates(text, dt.date(2026, 1, 7))] == ["2026-01-07"]


# --- "el ataque" pointed back at is the act done, not acts spoken of in general ------------

@pytest.mark.parametrize("text", [
    "Un bombardeo israelí contra un campamento de refugiados dejó este martes 13 muertos. "
    "El Ejército dijo que allí se buscaba preparar atentados contra sus tropas. "
    "Hamás calificó el ataque de brutal asalto contra civiles.",
    "Un dron bombardeó el lunes un vehículo en el sur del país y mató a dos milicianos. "
    "El grupo rechazó que sus miembros prepararan ataques contra Israel. "
    "El ataque se produjo cerca de un hospital.",
])
def test_the_attack_pointed_back_at_is_the_one_done(text: str) -> None:
    ms = read(text)
    done = [m for m in ms if m.kind == "event" and m.status == "occurred"]
    assert len(done) == 1
    # the reference is cited with the strike it names, not with the plural acts in general
    assert any(s.start > text.index(". ", text.index("prepar")) for s in
               done[0].provenance["event_type"])


# --- the act the news came after is background ---------------------------------------------

@pytest.mark.parametrize(("text", "news"), [
    ("Los bombardeos nocturnos del martes en la frontera llegaron un día después de que un "
     "suicida atacara la sede de la policía en la capital provincial.", "bombardeos"),
    ("Un dron israelí bombardeó un vehículo junto a un hospital y mató a una persona. Este "
     "nuevo bombardeo llega después de que Israel atacara varios edificios de cinco aldeas del "
     "sur.", "bombardeó"),
    ("Un ataque de la aviación turca contra una aldea se produjo el domingo horas después de "
     "que milicianos kurdos atacaran un puesto militar en la frontera.", "ataque"),
])
def test_the_act_the_news_came_after_is_background(text: str, news: str | None) -> None:
    fg = [m for m in read(text) if m.kind == "event" and m.status == "occurred" and
          not m.background]
    assert [text[m.provenance["event_type"][0].start:m.provenance["event_type"][0].end]
            for m in fg] == ([news] if news else [])


def test_an_earlier_act_with_its_own_day_stays_a_strike() -> None:
    text = ("Un dron israelí bombardeó un vehículo junto a un hospital y mató a una persona. "
            "Todo esto ocurre después de que el jueves Israel golpeara varios inmuebles de cinco "
            "aldeas del sur.")
    fg = [m for m in read(text) if m.kind == "event" and not m.background]
    assert len(fg) == 2


def test_an_earlier_act_with_its_own_toll_stays_news() -> None:
    text = ("El ataque del lunes llegó dos días después de que un bombardeo dejara cinco "
            "muertos en la misma aldea.")
    fg = [m for m in read(text) if m.kind == "event" and not m.background]
    assert any(m.killed_low == 5 for m in fg)


# --- the day an act was owned up to is a telling's day --------------------------------------

@pytest.mark.parametrize("text", [
    "Los bombardeos lanzados la noche del sábado sobre el este del país mataron a más de 80 "
    "insurgentes, afirmó este lunes el Gobierno.\n\nEl domingo el Gobierno ya había reconocido "
    "los ataques selectivos, sin decir dónde.",
    "El Ejército bombardeó el jueves un campamento en la sierra y mató a siete guerrilleros. "
    "El viernes, el ministro admitió el bombardeo ante el Congreso.",
])
def test_the_day_an_act_was_acknowledged_is_no_second_act(text: str) -> None:
    done = [m for m in read(text, "2026-02-23") if m.kind == "event" and m.status == "occurred"]
    assert len(done) == 1


def test_a_telling_that_came_first_is_no_earlier_act() -> None:
    text = ("La aviación bombardeó el lunes un campamento en la sierra y mató a seis "
            "guerrilleros. El parte llegó después de que el ministro asegurara el martes que "
            "la aviación bombardeó el campamento.")
    fg = [m for m in read(text, None) if m.kind == "event" and not m.background]
    assert len(fg) == 1 and fg[0].killed_low == 6


# --- a toll told with its floor and exactly is one toll --------------------------------------

@pytest.mark.parametrize("text", [
    "Al menos una persona murió este viernes cuando un dron israelí bombardeó un vehículo junto "
    "a un hospital del sur del Líbano.\n\n«Un ataque israelí contra un vehículo ante el "
    "hospital dejó un muerto y tres heridos», comunicó el Ministerio de Salud.",
    "Por lo menos 13 personas perdieron la vida en un bombardeo contra un campamento de "
    "refugiados en Sidón.\n\nUn ataque aéreo contra el campamento causó la muerte de 13 "
    "personas, según la agencia oficial.",
])
def test_at_least_n_and_n_are_one_toll(text: str) -> None:
    done = [m for m in read(text, None) if m.kind == "event" and m.status == "occurred"]
    assert len(done) == 1


def test_at_least_three_and_seven_stay_two_tolls() -> None:
    text = ("Al menos tres personas murieron en un bombardeo contra un mercado de Idlib.\n\n"
            "Un ataque aéreo contra un hospital de Alepo dejó siete muertos, según los "
            "socorristas.")
    done = [m for m in read(text, None) if m.kind == "event" and m.status == "occurred"]
    assert len(done) == 2


# --- a title counting craft is the operation its lede tells on them -------------------------

@pytest.mark.parametrize("text", [
    "EE.UU. ataca a tres embarcaciones en aguas internacionales\n\n"
    "El martes Estados Unidos llevó a cabo una operación militar contra tres embarcaciones que "
    "iban en convoy.",
    "Comando Sur golpea dos narcolanchas en el Pacífico\n\n"
    "WASHINGTON, 30 dic (EFE).- Las fuerzas estadounidenses lanzaron el martes un ataque contra "
    "dos narcolanchas frente a las costas de Ecuador, según el Pentágono.",
])
def test_a_craft_counting_title_joins_the_operation(text: str) -> None:
    ms = read(text, "2025-12-31")
    assert [m.kind for m in ms] == ["event"]
    assert ms[0].strikes_low is None  # the craft are its targets, not its strikes


def test_a_craft_counting_title_over_separate_strikes_stays_apart() -> None:
    text = ("EE.UU. ataca tres lanchas en el Caribe\n\n"
            "El Comando Sur atacó el lunes una lancha en el Caribe. El martes atacó otras dos.")
    assert "tally" in [m.kind for m in read(text, "2025-12-31")]


@pytest.mark.parametrize("text", [
    "Un bombardeo de la aviación mató el martes a diez civiles en una aldea fronteriza. Después "
    "de un choque armado poco habitual en octubre, los dos países pactaron una tregua precaria.",
    "Un dron atacó el lunes un mercado y dejó cuatro muertos. Tras una incursión del ejército en "
    "la frontera, el Gobierno vecino convocó al embajador.",
])
def test_an_act_fronted_as_the_time_of_its_sentence_is_background(text: str) -> None:
    fg = [m for m in read(text, None) if m.kind == "event" and not m.background]
    assert len(fg) == 1 and fg[0].killed_low in (4, 10)


def test_with_no_other_news_the_act_told_after_the_cue_stays() -> None:
    # the only act the page tells with a day: it may be the news itself (an undated page)
    text = "El ataque llega después de que el jueves la aviación bombardeara varias aldeas."
    assert [m for m in read(text, None) if m.kind == "event" and not m.background]


def test_a_fronted_act_with_its_toll_stays_news() -> None:
    text = "Tras un bombardeo el lunes en la provincia, murieron cuatro civiles, según la policía."
    fg = [m for m in read(text) if m.kind == "event" and not m.background]
    assert [m.killed_low for m in fg] == [4]


# --- acts in the plural as the purpose something served are no act ------------------------

@pytest.mark.parametrize("sentence", [
    "El Ejército dijo que el objetivo era un complejo desde el que se buscaba preparar y "
    "ejecutar atentados contra sus tropas.",
    "El grupo rechazó que el centro sirviera para preparar ataques contra Israel.",
    'Según el Ejército, desde allí se buscaba "planear y perpetrar atentados" en el norte.',
    "Los milicianos se entrenaban en el campamento para cometer atentados en la capital.",
])
def test_acts_as_a_purpose_are_no_event(sentence: str) -> None:
    assert [m for m in read(sentence) if m.kind == "event"] == []


@pytest.mark.parametrize(("sentence", "status"), [
    ("Hamás prepara nuevos ataques contra Israel, según la inteligencia militar.", "planned"),
    ("El Ejército lanzó ataques para destruir los depósitos el lunes.", "occurred"),
])
def test_a_plan_told_or_an_act_with_its_own_purpose_stays(sentence: str, status: str) -> None:
    assert statuses(sentence) == [status]
