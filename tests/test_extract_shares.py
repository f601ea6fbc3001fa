"""A day's operation told with each strike's share ("four aboard each of the first two boats,
both in the Eastern Pacific, and three aboard the third, in the Caribbean"; components
shares.py and day_strikes.split_shared_strikes) is one ranked incident per strike with its
own toll and sea; the shares must cover the strikes the article counts and add up to its
told toll. Several wordings per phenomenon, English and Spanish."""

from __future__ import annotations

import pytest

from strikewatch.extract.components.shares import ENGLISH_SHARES, SPANISH_SHARES, read_shares
from strikewatch.extract.registry import checked, reader_for
from strikewatch.records import Article, Mention


def _events(text: str, published: str | None = "2026-03-04",
            language: str = "en") -> list[Mention]:
    art = Article(text=text, published=published, language=language)
    return [m for m in checked(reader_for(language), art)
            if m.kind == "event" and m.status == "occurred"]


def _strikes(ms: list[Mention]) -> list[tuple[int | None, str | None]]:
    ranked = sorted((m for m in ms if m.series_rank is not None),
                    key=lambda m: m.series_rank or 0)
    return [(m.killed_low, m.place.name if m.place else None) for m in ranked]


EP, CS = "eastern Pacific", "Caribbean Sea"


@pytest.mark.parametrize("text", [
    "U.S. forces struck three boats in the eastern Pacific and the Caribbean on Monday, "
    "killing 11 people. Four men died aboard each of the first two boats, both in the "
    "eastern Pacific, and three aboard the third boat, in the Caribbean, officials said.",
    "Eleven people were killed on Monday when the military hit three vessels in the Eastern "
    "Pacific and the Caribbean. The command said four died on each of two boats in the "
    "eastern Pacific and three more on a third boat in the Caribbean.",
    "The Pentagon said it destroyed three drug boats late Monday in the Caribbean and the "
    "eastern Pacific. Eleven men died: 4 on the first boat in the Eastern Pacific, 4 on the "
    "second in the Eastern Pacific and 3 on the third, in the Caribbean.",
])
def test_per_boat_tolls_over_two_seas_are_one_incident_per_boat(text: str) -> None:
    assert _strikes(_events(text)) == [(4, EP), (4, EP), (3, CS)]


@pytest.mark.parametrize("text", [
    "Once personas murieron el lunes en tres ataques contra lanchas en el Pacífico y el "
    "Caribe. Murieron cuatro a bordo de la primera lancha y cuatro a bordo de la segunda, "
    "ambas en el Pacífico oriental, más tres a bordo de la última, la del Caribe.",
    "El Comando Sur atacó el lunes tres embarcaciones en el Pacífico oriental y el Caribe y "
    "murieron 11 personas. En cada una de las dos primeras lanchas murieron cuatro hombres, "
    "y en la tercera, que navegaba por el Caribe, tres.",
])
def test_spanish_per_boat_tolls_are_one_incident_per_boat(text: str) -> None:
    got = _strikes(_events(text, language="es"))
    assert [k for k, _ in got] == [4, 4, 3]
    assert got[-1][1] == CS or got[0][1] == EP


def test_a_figure_over_two_boats_gives_neither_boat_a_toll_of_its_own() -> None:
    got = _strikes(_events(
        "Three boats were blown up on Monday in the Eastern Pacific and the Caribbean, "
        "killing 11 men. Eight of the 11 dead were aboard the two boats in the Pacific and "
        "three were in the Caribbean, the military said."))
    assert [k for k, _ in got] == [None, None, 3]


def test_the_day_sum_is_no_strike_s_toll() -> None:
    ev = _events("American forces hit three boats in the eastern Pacific and the Caribbean "
                 "on Monday and killed 11 people. Four died on each of the first two boats "
                 "and three on the third.")
    assert all(m.killed_low != 11 for m in ev)


@pytest.mark.parametrize("sentence,want", [
    ("The strikes killed four each on the first two boats and three on the third.",
     [(4, 2), (3, 1)]),
    ("Three were killed on the first boat and two on the second.", [(3, 1), (2, 1)]),
    ("Five died aboard the first craft, while two perished on the other.",
     [(5, 1), (2, 1)]),
])
def test_english_shares_read(sentence: str, want: list[tuple[int, int]]) -> None:
    shares, _ = read_shares(sentence, 0, len(sentence), lambda a, b: [], ENGLISH_SHARES)
    assert [(s.toll, s.strikes) for s in shares] == want


@pytest.mark.parametrize("sentence,want", [
    ("En cada uno de los dos primeros golpes perdieron la vida cuatro hombres, y en el "
     "último, tres.", [(4, 2), (3, 1)]),
    ("Murieron cuatro en cada una de las dos primeras lanchas y tres en la tercera.",
     [(4, 2), (3, 1)]),
    ("Hubo cuatro muertos en la lancha atacada primero y dos en la segunda.",
     [(4, 1), (2, 1)]),
])
def test_spanish_shares_read(sentence: str, want: list[tuple[int, int]]) -> None:
    shares, _ = read_shares(sentence, 0, len(sentence), lambda a, b: [], SPANISH_SHARES)
    assert [(s.toll, s.strikes) for s in shares] == want


@pytest.mark.parametrize("sentence", [
    "The strikes killed four people and wounded three others.",
    "He said 30 were killed in Gaza and 12 in Rafah.",
    "Los ataques mataron a cuatro personas y dejaron tres heridos.",
])
def test_no_shares_where_the_figures_are_not_per_strike(sentence: str) -> None:
    words = SPANISH_SHARES if "ataques" in sentence else ENGLISH_SHARES
    assert read_shares(sentence, 0, len(sentence), lambda a, b: [], words)[0] == []


def test_shares_that_do_not_add_up_to_the_told_toll_split_nothing() -> None:
    ev = _events("U.S. forces hit three boats in the Caribbean on Monday, killing 20 people. "
                 "Four died on each of the first two boats and three on the third.")
    assert all(m.killed_low != 4 or m.series_rank is None for m in ev)


def test_shares_over_fewer_strikes_than_counted_split_nothing() -> None:
    ev = _events("U.S. forces hit four boats in the Caribbean on Monday, killing 11 people. "
                 "Four died on each of the first two boats and three on the third.")
    assert not any(m.series_rank is not None and m.killed_low == 3 and
                   m.series_size == 3 for m in ev)


@pytest.mark.parametrize("text,language", [
    ("The U.S. military struck three boats on Monday, killing nine people, officials said. "
     "Two of the strikes were in the Caribbean and one in the eastern Pacific.", "en"),
    ("Estados Unidos atacó el lunes tres lanchas y murieron nueve personas. Dos de los "
     "ataques fueron en el Caribe y uno en el Pacífico oriental.", "es"),
])
def test_strikes_counted_per_sea_are_one_incident_each_with_its_sea(
        text: str, language: str) -> None:
    got = _strikes(_events(text, language=language))
    assert got == [(None, CS), (None, CS), (None, EP)]


def test_tolls_per_town_on_land_are_no_shares() -> None:
    ev = _events("Israeli airstrikes on Monday killed 12 people in Gaza. Eight died in Khan "
                 "Younis and four in Rafah, medics said.")
    assert all(m.series_rank is None for m in ev)


@pytest.mark.parametrize("text", [
    "The military hit a three-boat convoy in the eastern Pacific on Feb. 27, killing four. "
    "The command later said the Feb. 27 strikes left no survivors. Another round of strikes "
    "on Feb. 28 destroyed two more boats, it said. Five people died: three aboard the "
    "first boat and two aboard the second.",
    "Forces struck two boats on Feb. 27. A day after the Feb. 27 attack, on Feb. 28, a "
    "second round hit two other vessels, the command said. Five men were killed in all, "
    "three on the first vessel and two on the second.",
])
def test_shares_take_the_day_told_nearest_before_them_not_an_earlier_operation_s(
        text: str) -> None:
    ranked = sorted((m for m in _events(text) if m.series_rank is not None),
                    key=lambda m: m.series_rank or 0)
    assert [(m.killed_low, m.date_low) for m in ranked] == [
        (3, "2026-02-28"), (2, "2026-02-28")]
