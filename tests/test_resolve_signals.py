"""Undated pages' reports linked to their dated siblings by bounded blocking on rare signals
(strikewatch.resolve.attaching `_by_signals`): a report no date places is compared with the
few dated incidents that share a town (geonameid or the name's transliteration skeleton), a
named target, or a toll at sea with its vessel count, and joins the one the linking model
links it to. A town struck on two days, a page telling several strikes, and a name the
whole ledger shares stay apart. Reports built by hand (tests.test_resolve.Desk)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyarrow as pa
import pytest

from strikewatch import pipeline
from strikewatch.records import Actor, Incident, Mention, Place, Source
from strikewatch.resolve import attaching, counted
from strikewatch.resolve.attaching import attachments, profiles, signal_keys
from strikewatch.resolve.features import features, name_skeleton
from strikewatch.resolve.linking import _SCHEMA, pair_probabilities, predict_duckdb
from strikewatch.store import IncidentQuery, open_store
from strikewatch.store.sql import SqlStore
from tests.test_pipeline_incremental import ledger
from tests.test_resolve import Desk, holding

# the port as two gazetteers spell it: one with its geonameid, one a mirror's own spelling
PORT = Place(name="Al Ḩudaydah", country="YE", geo_precision=1, latitude=14.80,
             longitude=42.95, geonameid=79415)
PORT_MIRROR = Place(name="Hodeidah", country="YE", geo_precision=1, latitude=14.79,
                    longitude=42.96)
# a made-up market town, and the same town in the mirror's transliteration
TOWN = Place(name="Suq al-Qarnayn", country="YE", geo_precision=1, latitude=15.40,
             longitude=44.10)
TOWN_MIRROR = Place(name="Souq Qarnain", country="YE", geo_precision=1, latitude=15.41,
                    longitude=44.11)
CARIBBEAN = Place(name="Caribbean Sea", kind="sea", geo_precision=6, latitude=15.0,
                  longitude=-75.0)
FORCES = Actor(name="US forces", country="US")
LAND = dict(domain="land", target_kind="building", actor1=FORCES,
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")


def _wire(d: Desk, text: str, day: str, killed: int, place: Place = PORT) -> Mention:
    """A dated wire story's report of a strike on land."""
    return d.report(text, "2025-05-02", date=day, place=place, killed_low=killed,
                    killed_high=killed, **LAND)


def _mirror(d: Desk, text: str, killed: int | None, place: Place = PORT_MIRROR) -> Mention:
    """A report on a page with no publication date (a mirror, an agency rewrite)."""
    toll = {"killed_low": killed, "killed_high": killed} if killed is not None else {}
    return d.report(text, None, place=place, **{**LAND, **toll})  # type: ignore[arg-type]


@pytest.mark.parametrize(("spelt", "same"), [
    (("Sana'a", "Sanaa", "Ṣan‘ā’"), True),
    (("Hodeidah", "Al Ḩudaydah", "al-Hudaydah"), True),
    (("Kismaayo", "Kismayo"), True),
    (("al-Shabaab", "Al Shabab"), True),
    (("Gaza", "Giza"), False),
])
def test_transliterations_of_one_name_share_a_skeleton(spelt: tuple[str, ...],
                                                       same: bool) -> None:
    assert (len({name_skeleton(s) for s in spelt}) == 1) is same


@pytest.mark.parametrize(("wire", "mirror", "town", "town_mirror"), [
    ("A US air strike on a warehouse at the port on Wednesday killed three, officials said.",
     "Three people died when American jets bombed a depot in the harbour city.",
     PORT, PORT_MIRROR),
    ("Three workers were killed on Wednesday as U.S. warplanes hit a fuel store, per the wire.",
     "US bombing of a fuel facility left 3 dead, the local health office reported (mirror).",
     PORT, PORT_MIRROR),
    ("Three men were killed when US aircraft struck a building in the market town on Wednesday.",
     "Residents said an American raid flattened a house and killed three of its occupants.",
     TOWN, TOWN_MIRROR),
])
def test_an_undated_mirror_joins_the_dated_wire_of_its_town(
        wire: str, mirror: str, town: Place, town_mirror: Place,
        monkeypatch: pytest.MonkeyPatch) -> None:
    d = Desk()
    dated = _wire(d, wire, "2025-04-30", 3, town)
    elsewhere = _wire(d, "Three were killed by a US strike on a house in the eastern port on "
                         "Wednesday.", "2025-04-30", 3,
                      Place(name="Mukalla", country="YE", geo_precision=1, latitude=14.54,
                            longitude=49.12))
    loose = _mirror(d, mirror, 3, town_mirror)
    joined = holding(d.resolve(), loose)
    assert dated.id in joined.mention_ids and counted(joined)
    assert joined.date_low == "2025-04-30" and elsewhere.id not in joined.mention_ids
    monkeypatch.setattr(attaching, "SIGNAL_CAP", -1)  # nothing blocks: nothing else joins
    assert holding(d.resolve(), loose).mention_ids == [loose.id]


def test_a_town_struck_on_two_days_leaves_an_undated_page_apart() -> None:
    d = Desk()
    first = _wire(d, "US jets struck a fuel depot at the port on Tuesday, killing three.",
                  "2025-04-08", 3)
    second = _wire(d, "A second US raid on the port on Sunday killed three dock workers.",
                   "2025-04-20", 3)
    loose = _mirror(d, "Three were killed when American aircraft bombed the harbour.", 3)
    incs = d.resolve()
    assert holding(incs, loose).mention_ids == [loose.id]
    assert holding(incs, first) is not holding(incs, second)


def test_a_page_telling_two_strikes_does_not_fold_both_into_one() -> None:
    d = Desk()
    dated = _wire(d, "US aircraft hit a depot at the port on Wednesday; three were killed.",
                  "2025-04-30", 3)
    text = ("Three people died in a US strike on the port. Days later three more were "
            "killed when American jets hit the port's grain silo.")
    first = d.report(text, None, place=PORT_MIRROR, killed_low=3, killed_high=3, **LAND)
    second = d.add(first.article_id, "Days later three more were killed when American jets "
                   "hit the port's grain silo.", place=PORT_MIRROR, killed_low=3,
                   killed_high=3, **LAND)
    incs = d.resolve()
    assert holding(incs, first) is not holding(incs, second)
    assert holding(incs, dated).mention_ids == [dated.id]


@pytest.mark.parametrize("text", [
    "US forces destroyed a suspected drug boat in the Caribbean, the command said.",
    "A vessel was struck in Caribbean waters by the American military.",
    "The strike in the Caribbean Sea was the latest of the campaign.",
])
def test_a_common_name_like_a_sea_blocks_nothing(text: str) -> None:
    d = Desk()
    dated = d.report("A US strike on a boat in the Caribbean on Monday, officials said.",
                     "2025-11-11", date="2025-11-10")
    loose = d.report(text, None, place=CARIBBEAN)
    incs = d.resolve()
    assert holding(incs, loose).mention_ids == [loose.id]
    assert holding(incs, dated).mention_ids == [dated.id]


def _inc(iid: str, day: str | None, place: Place | None = PORT, **fields: object
         ) -> Incident:
    return Incident(id=iid, date_low=day, date_high=day, time_precision=1 if day else None,
                    place=place, domain="land", actor1=FORCES,
                    sources=[Source(article_id="a-" + iid)], mention_ids=["m-" + iid],
                    **fields)  # type: ignore[arg-type]


def _links_all(asks: object) -> list[bool]:
    return [True] * len(asks)  # type: ignore[arg-type]


def test_a_town_the_whole_ledger_shares_blocks_nothing() -> None:
    loose = _inc("L", None)
    dated = _inc("D", "2025-04-30")
    assert attachments(profiles([loose, dated]), model=_links_all) == {"L": "D"}
    # other strikes of the port, months apart and undated alike: the port is a campaign's
    others = [_inc(f"O{n}", None) for n in range(attaching.SIGNAL_CAP)]
    assert attachments(profiles([loose, dated, *others]), model=_links_all) == {}


def test_a_day_the_page_names_must_be_the_candidate_s() -> None:
    dated = _inc("D", "2025-04-30")  # a Wednesday
    cued = dataclasses.replace(profiles([_inc("L", None)])[0], cues=frozenset({("md", 3, 18)}))
    assert attachments([cued, *profiles([dated])], model=_links_all) == {}
    wednesday = dataclasses.replace(cued, cues=frozenset({("wd", 2, 0)}))
    assert attachments([wednesday, *profiles([dated])], model=_links_all) == {"L": "D"}


def test_signal_keys_name_places_targets_and_tolls_at_sea_only() -> None:
    keys = signal_keys(_inc("a", None), PORT)
    assert keys == {"gid:79415", "place:hdh"}
    assert signal_keys(_inc("b", None, place=Place(name="Yemen", country="YE",
                                                   geo_precision=5)), None) == set()
    group = Actor(name="al-Shabaab", type="non_state", country="SO")
    assert signal_keys(_inc("c", None, None, actor2=group), None) == {"hit:shb"}
    for hit in (Actor(name="militants", type="non_state"), Actor(name="Islamic State",
                                                                 type="non_state"),
                Actor(name="Yemen", type="state", country="YE")):
        assert signal_keys(_inc("d", None, None, actor2=hit), None) == set()
    boat = _inc("e", None, CARIBBEAN, killed_low=3, killed_high=3, strikes_low=1,
                strikes_high=1).model_copy(update={"domain": "sea"})
    assert signal_keys(boat, CARIBBEAN) == {"sea:caribbean|3-3|1"}
    no_count = boat.model_copy(update={"strikes_low": None, "strikes_high": None})
    assert signal_keys(no_count, CARIBBEAN) == set()  # a toll and a sea: a campaign's


def test_pair_probabilities_are_the_model_s() -> None:
    d = Desk()
    ms = [_wire(d, "US jets struck a fuel depot at the port on Tuesday, killing three.",
                "2025-04-08", 3),
          _wire(d, "Three killed at the port on Tuesday in a US raid.", "2025-04-08", 3),
          _wire(d, "A US strike on the port killed five on Wednesday.", "2025-04-09", 5,
                PORT_MIRROR),
          _mirror(d, "Three were killed when American aircraft bombed the harbour.", 3)]
    feats = [dataclasses.replace(features(m, d.articles[m.article_id]), block_keys=["k"])
             for m in ms]
    got = predict_duckdb(pa.Table.from_pylist([f.row() for f in feats], schema=_SCHEMA))
    by_id = {f.unique_id: f for f in feats}
    assert got
    mine = pair_probabilities([(by_id[a], by_id[b]) for a, b, _ in got])
    assert mine == pytest.approx([p for _, _, p in got], abs=1e-9)


def test_the_streamed_resolver_links_by_signals_as_the_in_memory_one(db_url: str,
                                                                     tmp_path: Path) -> None:
    d = Desk()
    dated = _wire(d, "US aircraft hit a depot at the port on Wednesday; three were killed.",
                  "2025-04-30", 3)
    loose = _mirror(d, "Three people died when American jets bombed a depot in the harbour.", 3)
    first = _wire(d, "US jets struck a market in the town on Tuesday, killing two.",
                  "2025-04-08", 2, TOWN)
    second = _wire(d, "A US raid on the town on Sunday killed two men.", "2025-04-20", 2, TOWN)
    apart = _mirror(d, "Two were killed when American aircraft bombed the town.", 2,
                    TOWN_MIRROR)
    store = open_store(db_url)
    assert isinstance(store, SqlStore)
    try:
        for art in d.articles.values():
            store.add_article(art)
            store.replace_mentions(art.id, [m for m in d.mentions if m.article_id == art.id])
        pipeline.update_ledger(store, from_scratch=True)
        expected = ledger(store)
        incs = store.incidents(IncidentQuery(limit=0))
        assert sorted(holding(incs, loose).mention_ids) == sorted([dated.id, loose.id])
        assert holding(incs, apart).mention_ids == [apart.id]
        assert holding(incs, first) is not holding(incs, second)
        pipeline.resolve_archive(store, workdir=tmp_path)
        assert ledger(store) == expected
    finally:
        store.close()
