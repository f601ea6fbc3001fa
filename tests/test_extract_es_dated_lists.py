"""Strikes listed by their days after a colon ("… los bombardeos contra el frente: el 3 de
marzo en Caquetá; el 9 de abril en Putumayo; y el 2 de mayo en Cauca") are one event per
item, each with its own day and place; a colon that introduces anything else lists nothing.

Sentences are our own."""

from __future__ import annotations

from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _read(text: str, published: str | None = "2024-06-20") -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return [m for m in get_extractor("strikewatch-rules-es")(art)
            if m.kind == "event" and m.status == "occurred"]


def test_each_dated_item_is_a_strike_of_its_own_day() -> None:
    ev = _read("La Fiscalía revisa los bombardeos de la Fuerza Aérea contra el frente "
               "disidente: el 3 de marzo en Caquetá; el 9 de abril en Putumayo; y el 2 de "
               "mayo en Cauca.")
    assert sorted(m.date_low or "" for m in ev) == ["2024-03-03", "2024-04-09", "2024-05-02"]
    assert all(m.date_low == m.date_high for m in ev)
    assert all(m.place is not None and m.place.country == "CO" for m in ev)


def test_a_colon_before_other_words_lists_no_strikes() -> None:
    ev = _read("El ministro defendió los bombardeos: dijo que se ajustan al derecho "
               "internacional humanitario; añadió que seguirán.")
    assert len(ev) <= 1


def test_one_dated_item_is_no_list() -> None:
    ev = _read("Medicina Legal recibió los cuerpos tras los bombardeos del Ejército: el 3 de "
               "marzo en Caquetá.")
    assert len(ev) <= 1
