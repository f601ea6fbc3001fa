"""The shipped gazetteer: loads once, folds names, knows countries, states, seas."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from strikewatch.geo import country_for_name, lookup
from strikewatch.geo.gazetteer import load, load_from, normalise


def test_normalise_folds_accents_case_dots_and_possessives() -> None:
    assert normalise("Culiacán") == normalise("CULIACAN") == "culiacan"
    assert normalise("U.S.") == normalise("US") == "us"
    assert normalise("Venezuela’s") == "venezuela"
    assert normalise("Ciudad  Juárez") == "ciudad juarez"


def test_load_is_cached() -> None:
    assert load() is load()


@pytest.mark.parametrize("name", ["Culiacán", "Culiacan", "CULIACAN"])
def test_accented_and_plain_spellings_find_the_same_city(name: str) -> None:
    best = lookup(name)[0]
    assert best.country == "MX" and best.admin1 == "Sinaloa"
    assert best.geonameid == 4012176
    assert abs(best.latitude - 24.8) < 0.1 and abs(best.longitude + 107.39) < 0.1


def test_admin1_states_are_admin_areas_with_points() -> None:
    sinaloa = lookup("Sinaloa")[0]
    assert sinaloa.kind == "admin area" and sinaloa.country == "MX"
    assert sinaloa.geo_precision == 4
    # the GeoNames short name reaches the ISO long name
    michoacan = lookup("Michoacan")[0]
    assert michoacan.kind == "admin area" and michoacan.name.startswith("Michoacán")


def test_seas_are_places_without_country() -> None:
    for name in ("Caribbean Sea", "Gulf of Mexico", "Gulf of America", "Eastern Pacific"):
        p = lookup(name)[0]
        assert p.kind == "sea" and p.country is None and p.geo_precision == 6
        assert p.latitude is not None


def test_context_changes_the_ranking_of_a_common_name() -> None:
    assert lookup("Valencia", context_countries=("VE",))[0].country == "VE"
    assert lookup("Valencia", context_countries=("ES",))[0].country == "ES"


@pytest.mark.parametrize(("name", "cc"), [
    ("Mexican", "MX"), ("Venezuelan", "VE"), ("U.S.", "US"), ("American", "US"),
    ("Tren de Aragua", "VE"), ("Sinaloa Cartel", "MX"), ("Jalisco New Generation Cartel", "MX"),
    ("Colombia", "CO"), ("Culiacán", "MX"), ("Trinidadian", "TT"),
])
def test_country_for_name(name: str, cc: str) -> None:
    assert country_for_name(name) == cc


def test_country_for_name_is_none_for_seas_and_nonsense() -> None:
    assert country_for_name("Caribbean Sea") is None
    assert country_for_name("Xqzzyville") is None


def test_a_broken_gazetteer_file_is_named_in_the_error(tmp_path: Path) -> None:
    bad = tmp_path / "gaz.tsv.gz"
    bad.write_bytes(gzip.compress(b"# no header counts here\n"))
    with pytest.raises(RuntimeError, match="gaz.tsv.gz"):
        load_from(bad)
    truncated = tmp_path / "short.tsv.gz"
    truncated.write_bytes(gzip.compress(b"# rows=5 block=90 countries=0 keys=2\nx\n"))
    with pytest.raises(RuntimeError, match="truncated"):
        load_from(truncated)
    with pytest.raises(RuntimeError, match="missing.tsv.gz"):
        load_from(tmp_path / "missing.tsv.gz")
