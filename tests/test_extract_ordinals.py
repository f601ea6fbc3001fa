"""One ordinal table a language: every reader of a rank reads a bounded view of it.

The tables were copies cut short per reader (first..sixth, primer..quinta, segundo..
vigésimo) that drifted apart; these tests pin each reader's view to the one table, with the
bound each reader chose.
"""

from __future__ import annotations

import importlib

import pytest

from strikewatch.extract import coref
from strikewatch.extract.components import day_strikes
from strikewatch.extract.counts import ORDINAL_VALUES, ranks_up_to
from strikewatch.extract.es import counts as es_counts
from strikewatch.extract.es import day_strikes as es_day_strikes
from strikewatch.extract.es import fields as es_fields
from strikewatch.extract.es.lexicon import ORDINALS, masculine, rank_alternation, rank_stems

#: the module (the package's `features` is the function it exports)
features = importlib.import_module("strikewatch.resolve.features")


def test_bounds_keep_the_tables_order() -> None:
    assert list(ranks_up_to(ORDINAL_VALUES, 3)) == ["first", "second", "third"]
    assert list(ranks_up_to(ORDINALS, 2)) == ["primer", "primero", "primera", "segundo",
                                              "segunda"]
    assert ranks_up_to(ORDINALS, 3, least=3) == {"tercer": 3, "tercero": 3, "tercera": 3}


def test_every_form_of_a_rank_names_one_rank() -> None:
    for table in (ORDINAL_VALUES, ORDINALS):
        assert sorted(set(table.values())) == list(range(1, max(table.values()) + 1))
    assert ORDINALS["vigésima"] == ORDINALS["vigésimo"] == 20
    assert ORDINALS["decimonono"] == ORDINALS["decimonoveno"] == 19


def test_english_readers_read_the_one_table() -> None:
    assert day_strikes._RANKS == {w: n for w, n in ORDINAL_VALUES.items() if n <= 6}
    assert coref._RANK_VALUE == ORDINAL_VALUES


def test_spanish_readers_read_the_one_table() -> None:
    assert es_day_strikes._RANKS == {w: n for w, n in ORDINALS.items() if n <= 6}
    assert all(not w.endswith("a") and 2 <= n <= 20 and ORDINALS[w] == n
               for w, n in es_counts.CAMPAIGN_RANKS.items())
    assert {"segundo", "tercer", "decimotercer", "vigésimo"} <= set(es_counts.CAMPAIGN_RANKS)
    assert es_fields._RANKS == {"primer": 1, "segund": 2, "tercer": 3, "cuart": 4,
                                "quint": 5, "sext": 6}


def test_stems_and_masculine_forms() -> None:
    assert rank_stems({"tercer": 3, "tercero": 3, "tercera": 3, "cuarto": 4,
                       "cuarta": 4}) == {"tercer": 3, "cuart": 4}
    assert masculine({"primer": 1, "primera": 1, "primero": 1}) == {"primer": 1, "primero": 1}


def test_resolve_reads_both_languages_to_the_fifth() -> None:
    assert features._ORDINALS == {**ranks_up_to(ORDINAL_VALUES, 5), **ranks_up_to(ORDINALS, 5)}
    assert features.series_ordinal("The third strike hit a boat.") == 3
    assert features.series_ordinal("El tercer ataque alcanzó una lancha.") == 3
    assert features.series_ordinal("The sixth strike hit a boat.") is None


def test_rank_alternation_spells_each_rank_once() -> None:
    assert rank_alternation(ranks_up_to(ORDINALS, 6)) == \
        "primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]"
    assert rank_alternation(ranks_up_to(ORDINALS, 3, least=2), ending="s?") == \
        "segund[oa]s?|tercer[oa]?s?"
    with pytest.raises(ValueError):
        rank_alternation(ranks_up_to(ORDINALS, 19, least=19))  # "decimonono"
