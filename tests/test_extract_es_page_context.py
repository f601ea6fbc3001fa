"""What a Spanish report says once and a coder reads for the whole page (issue 14): a
headline's vague "varios heridos" and the lede's figure are one attack's wounded; a town
named with its state and no "en" ("Coahuayana, Michoacán") places the event; a photo
caption that carries the only day gives it to the event it shows; forces named without a
country ("la Guardia Nacional") are the country's the page's places lie in. The texts are
our own."""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.records import Article, Mention

PUB = "2025-11-12"  # a Wednesday


def read(text: str, published: str | None = PUB, lang: str = "es") -> list[Mention]:
    art = Article(id="t-es-page", text=text, published=published, language=lang)
    return registry.checked(registry.for_language(lang), art)  # type: ignore[arg-type]


def strikes(text: str, published: str | None = PUB, lang: str = "es") -> list[Mention]:
    return [m for m in read(text, published, lang)
            if m.kind == "event" and m.status == "occurred"]


def test_a_headlines_vague_wounded_and_the_ledes_figure_are_one_attack() -> None:
    text = ("Explota un coche bomba en Zamora y deja tres muertos y varios heridos\n\n"
            "Un coche bomba explotó el martes frente a la comandancia de policía de Zamora, "
            "en el estado de Michoacán, y dejó tres muertos y al menos nueve heridos.\n\n"
            "El alcalde dijo que la explosión \"dejó tres fallecidos y 9 lesionados\".")
    got = strikes(text)
    assert len(got) == 1
    assert got[0].killed_low == 3 and got[0].injured_low == 9  # the figure, not "varios" (3)


def test_dozens_of_wounded_and_seven_are_two_attacks() -> None:
    # a vague word agrees only with what its range holds: "decenas" (24 or more) is not 7
    text = ("Un coche bomba explotó el martes frente a la comandancia de Zamora y dejó "
            "decenas de heridos.\n\n"
            "Otro coche bomba explotó el lunes en Uruapan y dejó siete heridos.")
    assert len(strikes(text)) == 2


def test_several_wounded_in_an_english_headline_and_the_ledes_figure_are_one() -> None:
    text = ("Car bomb kills two, wounds several in Kabul\n\n"
            "A car bomb exploded outside a police station in Kabul on Tuesday, killing two "
            "people and wounding at least seven, officials said.")
    got = strikes(text, lang="en")
    assert len(got) == 1
    assert got[0].killed_low == 2 and got[0].injured_low == 7

