"""The incident's place chosen from its reports' places (resolve/merging.py `_place`): the
most precise, except that a named sea beats a bare country (mentions written for these
tests)."""

from __future__ import annotations

from strikewatch.records import Mention, Place
from strikewatch.resolve.merging import build_incident

CARIB = Place(name="Caribbean Sea", kind="sea", geo_precision=6, latitude=15.0, longitude=-73.0)
VENEZUELA = Place(name="Venezuela", country="VE", kind="country", geo_precision=5,
                  latitude=8.0, longitude=-66.0)
COLOMBIA = Place(name="Colombia", country="CO", kind="country", geo_precision=5,
                 latitude=4.0, longitude=-72.0)
SUCRE = Place(name="Güiria", country="VE", geo_precision=1, latitude=10.57, longitude=-62.3)


def _m(article: str, place: Place | None) -> Mention:
    return Mention(id=f"m-{article}", article_id=article, event_type="Explosions/Remote violence",
                   date_low="2025-10-03", date_high="2025-10-03", time_precision=1, place=place)


def _place(*places: Place | None) -> str | None:
    inc = build_incident([_m(str(i), p) for i, p in enumerate(places)], {})
    return inc.place.name if inc.place else None


def test_a_named_sea_beats_a_bare_country() -> None:
    # "a boat that left Venezuela" in one report, "in the Caribbean" in another
    assert _place(VENEZUELA, CARIB) == "Caribbean Sea"
    assert _place(VENEZUELA, VENEZUELA, CARIB) == "Caribbean Sea"
    assert _place(COLOMBIA, VENEZUELA, CARIB) == "Caribbean Sea"


def test_a_town_still_beats_a_sea_and_countries_alone_stay() -> None:
    # a town is where it happened (a strike on the coast); with no sea the country stays
    assert _place(SUCRE, CARIB, VENEZUELA) == "Güiria"
    assert _place(VENEZUELA, None) == "Venezuela"
    assert _place(CARIB, None) == "Caribbean Sea"
