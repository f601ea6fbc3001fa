"""A report placed in a country and a strike in a named sea are one event's only where the
country borders that sea (strikewatch.resolve.features.country_seas, from the geo step's
coasts table); two different named seas never are. Reports built by hand."""

from __future__ import annotations

import pytest

from strikewatch.records import Mention, Place
from strikewatch.resolve.features import country_seas, place_features, places_compatible
from tests.test_resolve import CARIB, PACIFIC, Desk, holding

#: a named sea without a point (the geo step lends none, or the incident kept none)
PACIFIC_NO_POINT = Place(name="Pacific Ocean", kind="sea", geo_precision=6)


def _country(name: str, cc: str, lat: float | None = None, lon: float | None = None) -> Place:
    return Place(name=name, kind="country", geo_precision=5, country=cc, latitude=lat,
                 longitude=lon)


SOMALIA = _country("Somalia", "SO")
SOMALIA_CENTROID = _country("Somalia", "SO", 6.0, 48.0)
VENEZUELA = _country("Venezuela", "VE", 8.0, -66.0)
COLOMBIA = _country("Colombia", "CO", 4.0, -72.0)
AFGHANISTAN = _country("Afghanistan", "AF")


def _compatible(a: Place, b: Place) -> bool | None:
    fa = place_features(a, "pacific" if a in (PACIFIC, PACIFIC_NO_POINT) else
                        "caribbean" if a == CARIB else None)
    fb = place_features(b, "pacific" if b in (PACIFIC, PACIFIC_NO_POINT) else
                        "caribbean" if b == CARIB else None)
    return places_compatible(_Place(**fa), _Place(**fb))


class _Place:
    def __init__(self, **fields: object) -> None:
        self.__dict__.update(fields)


def test_the_coasts_table_names_the_seas_a_country_borders() -> None:
    assert country_seas("CO") is not None and {"caribbean", "pacific"} <= country_seas("CO")
    assert country_seas("VE") is not None and "caribbean" in country_seas("VE")
    assert country_seas("VE") is not None and "pacific" not in country_seas("VE")
    assert country_seas("SO") is not None and "pacific" not in country_seas("SO")
    assert country_seas("AF") is None  # landlocked: not in the table, nothing to tell


def test_the_coasts_table_holds_each_countrys_second_sea() -> None:
    """A country missing one of its seas would keep apart reports of one strike."""
    assert "arabian" in (country_seas("YE") or set())  # Mahra's coast
    assert "red" in (country_seas("IL") or set()) and "red" in (country_seas("JO") or set())
    assert "caribbean" in (country_seas("US") or set())  # Puerto Rico, the Virgin Islands


@pytest.mark.parametrize("somalia", [SOMALIA, SOMALIA_CENTROID])
@pytest.mark.parametrize("sea", [PACIFIC, PACIFIC_NO_POINT, CARIB])
def test_a_country_and_a_sea_it_does_not_border_are_apart(somalia: Place, sea: Place) -> None:
    assert _compatible(somalia, sea) is False
    assert _compatible(sea, somalia) is False


def test_a_country_and_a_sea_it_borders_may_be_one_event() -> None:
    assert _compatible(VENEZUELA, CARIB) is not False
    assert _compatible(VENEZUELA, PACIFIC) is False
    for sea in (CARIB, PACIFIC, PACIFIC_NO_POINT):
        # Colombia's middle is 9,000 km from the Pacific Ocean's point: it still borders it
        assert _compatible(COLOMBIA, sea) is not False
        assert _compatible(sea, COLOMBIA) is not False


def test_a_country_the_table_lacks_and_two_named_seas() -> None:
    assert _compatible(AFGHANISTAN, PACIFIC_NO_POINT) is None
    assert _compatible(CARIB, PACIFIC) is False
    assert _compatible(CARIB, PACIFIC_NO_POINT) is False


def _pacific_strike(d: Desk, killed: int, place: Place = PACIFIC_NO_POINT) -> Mention:
    return d.report(f"US forces struck a target on Nov. 10, killing {killed}, the command "
                    "said.", "2022-11-11", date="2022-11-10", killed_low=killed,
                    killed_high=killed, place=place, domain=None, target_kind="unknown")


def _country_report(d: Desk, killed: int, place: Place) -> Mention:
    # an undated report of a page published days later: attaching places it in the week
    return d.report(f"A US strike killed {killed}, officials said.", "2022-11-14",
                    killed_low=killed, killed_high=killed, place=place, domain=None,
                    target_kind="unknown")


@pytest.mark.parametrize("somalia", [SOMALIA, SOMALIA_CENTROID])
def test_a_somalia_report_does_not_join_a_pacific_incident(somalia: Place) -> None:
    d = Desk()
    pacific = _pacific_strike(d, 17)
    loose = _country_report(d, 17, somalia)
    incs = d.resolve()
    assert holding(incs, loose).mention_ids == [loose.id]
    assert holding(incs, pacific).mention_ids == [pacific.id]


def test_a_venezuela_report_joins_a_caribbean_incident() -> None:
    d = Desk()
    carib = _pacific_strike(d, 3, place=CARIB)
    loose = _country_report(d, 3, VENEZUELA)
    assert set(holding(d.resolve(), loose).mention_ids) == {carib.id, loose.id}


@pytest.mark.parametrize("sea", [CARIB, PACIFIC, PACIFIC_NO_POINT])
def test_a_colombia_report_joins_a_caribbean_or_a_pacific_incident(sea: Place) -> None:
    d = Desk()
    strike = _pacific_strike(d, 4, place=sea)
    loose = _country_report(d, 4, COLOMBIA)
    assert set(holding(d.resolve(), loose).mention_ids) == {strike.id, loose.id}


def _waters(cc: str, name: str) -> _Place:
    return _Place(**{**place_features(Place(name=name, kind="sea", geo_precision=6,
                                            country=cc, latitude=11.4, longitude=-75.0),
                                      name.split()[-1].lower()), "country": cc})


def test_a_countrys_waters_meet_the_seas_it_borders_only() -> None:
    colombia, venezuela = _waters("CO", "waters of Colombia"), _waters("VE", "waters of Venezuela")
    pacific = _Place(**place_features(PACIFIC, "pacific"))
    carib = _Place(**place_features(CARIB, "caribbean"))
    assert places_compatible(colombia, pacific) is None
    assert places_compatible(carib, colombia) is None
    assert places_compatible(venezuela, carib) is None
    assert places_compatible(pacific, venezuela) is False
    assert places_compatible(colombia, venezuela) is None  # neighbours on the Caribbean
