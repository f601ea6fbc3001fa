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


def test_small_tier_is_read_only_when_a_name_needs_it() -> None:
    from strikewatch.geo import locate
    from strikewatch.geo.gazetteer import _data_path

    g = load_from(_data_path("gazetteer.tsv.gz"), _data_path("gazetteer-small.tsv.gz"))
    assert g._small is None
    assert [h.entry.name for h in g.lookup("Culiacán")] == ["Culiacán"]
    assert g._small is None  # a large place: the main tier knows it
    hits = g.lookup("Badiraguato")  # about 3,700 people: the small tier
    assert g._small is not None and hits[0].entry.country == "MX"
    # through locate (the shipped, cached gazetteer): small towns by cue and namesakes
    text = "Troops were ambushed in Badiraguato on Monday."
    i = text.index("ambushed")
    m = locate(text, 0, len(text), trigger=(i, i + 8))
    assert m is not None and m.place.name == "Badiraguato"


def test_a_small_namesake_wins_when_the_text_ties_it_to_its_country() -> None:
    from strikewatch.geo import locate

    text = "Fighters killed two soldiers in Cáceres, Antioquia."
    i = text.index("killed")
    m = locate(text, 0, len(text), trigger=(i, i + 6))
    assert m is not None and m.place.country == "CO"
    text = "Soldiers killed five in Sinaloa de Leyva municipality."
    m = locate(text, 0, len(text), trigger=(text.index("killed"), text.index("killed") + 6))
    assert m is not None and m.place.name == "Sinaloa de Leyva" and m.place.geo_precision == 3


def test_curated_data_is_consistent() -> None:
    g = load()
    for name, sea in g.seas.items():
        assert sea.lat is not None and -90 <= sea.lat <= 90, name
        assert sea.lon is not None and -180 <= sea.lon <= 180, name
    for cc, points in g.coasts.items():
        assert cc in g.countries, f"coasts.json: unknown country {cc}"
        for c in points:
            assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180
            # the named sea is one of the curated seas, so hints can match it
            assert any(normalise(c.sea) == normalise(s) for s in g.seas), c.sea
    for org in g.organisations.values():
        assert org.country is None or org.country in g.countries, org.name
    for cc in g.demonyms.values():
        assert cc in g.countries


def test_a_spanish_compass_word_after_a_region_is_the_english_one_before_it() -> None:
    from strikewatch.geo import gazetteer
    g = gazetteer.load()

    def names(n: str) -> set[tuple[str, str | None]]:
        return {(h.entry.name, h.entry.country) for h in g.lookup(n)}

    assert ("South Kordofan", "SD") in names("Kordofán del Sur")
    assert ("West Darfur", "SD") in names("Darfur Occidental")
    assert ("North Carolina", "US") in names("Carolina del Norte")
    assert ("South Sudan", "SS") in names("Sudán del Sur")
    assert names("Zzyzx del Norte") == set()  # no region of that name: nothing
