"""The rules extractor's components, each on its own (the pipeline run up to it), and the
seams between them: a component replaced by name, an order that leaves a slot unfilled."""

from __future__ import annotations

import pytest

from strikewatch.extract import extract
from strikewatch.extract.context import Doc
from strikewatch.extract.pipeline import (
    DEFAULT_NAMES,
    Pipeline,
    component,
    components,
    get_component,
)
from strikewatch.records import Article

PUB = "2025-10-08"  # a Wednesday


def upto(name: str, text: str, published: str | None = PUB) -> Doc:
    """The Doc after the default pipeline ran up to and including component `name`."""
    steps = DEFAULT_NAMES[: DEFAULT_NAMES.index(name) + 1]
    return Pipeline(steps).read(Article(text=text, published=published))


def test_every_default_component_is_registered_with_its_slots() -> None:
    for name in DEFAULT_NAMES:
        info = get_component(name)
        assert info.name == name and info.assigns, name
    assert Pipeline().names == list(DEFAULT_NAMES)


def test_sentences_and_triggers() -> None:
    doc = upto("triggers", "The weather was mild. U.S. forces struck a boat on Monday.")
    assert [s.text for s in doc.sentences][1].startswith("U.S. forces")
    assert list(doc.triggers) == [1] and doc.triggers[1][0].text == "struck"


def test_clauses_split_two_events_and_a_toll_clause() -> None:
    doc = upto("clauses", "Israeli strikes killed four in Gaza City, while a drone strike in "
                          "Lebanon killed one. A strike hit a market, bringing the toll to 65.")
    kinds = [(doc.text[f.start:f.end][:12], f.kind) for f in doc.frames]
    assert len(doc.frames) == 4, kinds
    assert doc.frames[-1].kind == "tally" and "bringing" in doc.text[doc.frames[-1].start:]


def test_status_planned_denied_and_dropped() -> None:
    doc = upto("status", "The Pentagon plans to strike cartel camps. Venezuela denied that "
                         "its navy attacked the ship. No strike has been reported since.")
    assert [f.status for f in doc.frames][:2] == ["planned", "denied"]
    assert doc.frames[-1].drop and not doc.frames[0].drop


def test_counts_read_ranges() -> None:
    doc = upto("counts", "The strike killed at least 12 people. A raid wounded 3 to 5 "
                         "villagers.")
    assert doc.frames[0].counts["killed"] == (12, None)
    assert doc.frames[1].counts["injured"] == (3, 5)


def test_dates_relative_to_publication_not_when_said() -> None:
    doc = upto("dates", "Officials said on Tuesday that a strike on Monday killed three.")
    f = doc.frames[0]
    assert (f.date_low, f.time_precision) == ("2025-10-06", 1)
    assert doc.text[slice(*f.prov["date"][0])] == "on Monday"


def test_kind_tally_with_its_period() -> None:
    doc = upto("kind", "Between September 1 and October 5, strikes killed 61 people in all.")
    f = doc.frames[0]
    assert f.kind == "tally" and (f.period_low, f.period_high) == ("2025-09-01", "2025-10-05")
    one = upto("kind", "A strike on Monday killed three people.").frames[0]
    assert one.kind == "event" and one.period_low is None


def test_targets_kind_and_domain() -> None:
    f = upto("targets", "U.S. forces struck a boat on Monday, killing three.").frames[0]
    assert (f.target_kind, f.domain) == ("vessel", "sea")
    g = upto("targets", "A missile hit a hospital in the city.").frames[0]
    assert (g.target_kind, g.domain) == ("building", "land")


def test_countries_and_places() -> None:
    doc = upto("places", "A strike in Yemen killed four, Venezuelan officials said.")
    assert doc.countries[:1] == ("YE",) and "VE" in doc.countries
    assert doc.frames[0].place is not None and doc.frames[0].place.country == "YE"


def test_actors_by_word_order() -> None:
    f = upto("actors", "U.S. forces struck a boat carrying smugglers.").frames[0]
    assert f.actor1 is not None and f.actor1.country == "US"


def test_sources_attribution_and_quotes() -> None:
    f = upto("sources", "Two officials told Reuters that the strike killed three. "
                        "\u201cIt was a success,\u201d a spokesman said.").frames[0]
    assert any(a.kind == "official" and a.count == 2 for a in f.attribution)


def test_coreference_one_event_told_three_times() -> None:
    doc = upto("coreference", "U.S. forces struck a boat in the Caribbean on Monday, killing "
                              "three. The strike was the fifth. Officials defended the operation.")
    assert len(doc.groups) == 1 and len(doc.groups[0].frames) >= 2


def test_geoplace_and_regions() -> None:
    doc = upto("geoplace", "U.S. forces struck a boat in the Caribbean on Monday, killing three.")
    place = doc.groups[0].head.place
    assert place is not None and place.kind == "sea" and "Caribbean" in (place.name or "")
    doc = upto("regions", "So far, U.S. forces have carried out 14 strikes on boats in the "
                          "Caribbean and the eastern Pacific, killing 61 people.")
    tally = next(g for g in doc.groups if g.head.kind == "tally")
    assert len(tally.regions) == 2
    assert [doc.text[a:b] for a, b in tally.head.prov["regions"]][0] == "Caribbean"


def test_trailing_quotes_and_mentions() -> None:
    text = ("An airstrike hit a school in Gaza on Monday, killing nine. \u201cThey were "
            "children,\u201d a doctor said.")
    doc = upto("trailing_quotes", text)
    assert doc.groups[0].quotes and doc.groups[0].quotes[0].text == "They were children,"
    ms = Pipeline().read(Article(text=text, published=PUB)).mentions
    assert ms and ms[0].quotes[0].text.startswith("They were")


def test_to_mention_gives_two_events_of_one_sentence_two_ids() -> None:
    ms = extract(Article(text="Israeli strikes killed four in Gaza City on Monday, while a "
                              "drone strike in Lebanon killed one.", published=PUB))
    assert len(ms) == 2 and ms[0].id != ms[1].id


# --- swapping -----------------------------------------------------------------------


@component("test_no_dates", requires=("doc.frames", "frame.status"),
           assigns=("frame.date_low", "frame.date_high", "frame.time_precision",
                    "frame.period_read", "frame.since_read"))
def no_dates(doc: Doc) -> None:
    """A dates component that finds none (a stand-in for another date reader)."""


def test_one_component_is_replaced_by_name_and_the_rest_run_as_before() -> None:
    art = Article(text="U.S. forces struck a boat on Monday, killing three people.",
                  published=PUB)
    before = Pipeline()(art)
    swapped = Pipeline().replace("dates", "test_no_dates")
    assert swapped.names[swapped.names.index("test_no_dates") - 1] == "counts"
    after = swapped(art)
    assert before[0].date_low == "2025-10-06" and after[0].date_low is None
    assert (after[0].killed_low, after[0].target_kind) == (3, "vessel")  # the rest as before
    assert "test_no_dates" in components.get_all()


def test_an_order_that_leaves_a_slot_unfilled_fails_when_built() -> None:
    def counts_nothing(doc: Doc) -> None:  # declares nothing
        pass

    # (`dates` is the first component after `counts` that reads them: a run of strikes
    # counted from the day it "began on" is dated by that count)
    with pytest.raises(ValueError, match=r"'dates' requires frame.counts"):
        Pipeline().replace("counts", counts_nothing)
    with pytest.raises(KeyError, match="no extraction component named 'nope'"):
        Pipeline().replace("dates", "nope")
    with pytest.raises(KeyError, match="no component 'nope' in this pipeline"):
        Pipeline().replace("nope", "dates")


def test_the_geoparser_is_swapped_by_name() -> None:
    """Extraction reaches places only through the registered geoparser."""
    from strikewatch import geo
    from strikewatch.geo.protocol import DEFAULT_GEOPARSER, geoparsers, use_geoparser
    from strikewatch.records import Place

    asked: list[str] = []

    class Atlantis:
        name, version = "test-atlantis", "1"

        def locate(self, text: str, start: int, end: int, **kw: object) -> geo.PlaceMatch:
            asked.append(text[start:end])
            return geo.PlaceMatch(Place(name="Atlantis", kind="sea", geo_precision=6), start,
                                  start + 1)

        def places_in(self, text: str, start: int = 0, end: int | None = None,
                      **kw: object) -> list[geo.PlaceMatch]:
            return []

        def country_for_name(self, name: str) -> str | None:
            return None

    geoparsers.register("test-atlantis", func=Atlantis)
    art = Article(text="U.S. forces struck a boat in the Caribbean on Monday, killing three.",
                  published=PUB)
    use_geoparser("test-atlantis")
    try:
        swapped = extract(art)
    finally:
        use_geoparser(DEFAULT_GEOPARSER)
    assert asked and swapped[0].place is not None and swapped[0].place.name == "Atlantis"
    assert extract(art)[0].place.name != "Atlantis"  # type: ignore[union-attr]
    with pytest.raises(KeyError, match="no geoparser named 'nope'"):
        use_geoparser("nope")


def test_actors_the_state_owning_the_event_word_acted_not_the_announcer() -> None:
    # own sentences: an announcer and a name after the event word must not become actor1
    for text in ("Syria's interior ministry said a Turkish drone strike killed two men "
                 "near Qamishli on Monday.",
                 "Iraq's defence ministry says a Turkish airstrike killed three people in Sinjar."):
        doc = upto("actors", text)
        f = next(x for x in doc.frames if "strike" in x.trigger.text)
        assert f.actor1 is not None and f.actor1.country == "TR", text


def test_places_a_border_names_the_neighbour_not_the_place() -> None:
    from strikewatch.extract.places import country_place, is_border_name, mask_borders
    text = ("The drone hit a truck about 20 km from the Chadian border and near the "
            "border with Niger, officials said.")
    for name in ("Chadian", "Niger"):
        i = text.index(name)
        assert is_border_name(text, i, i + len(name))
    assert "Niger" not in mask_borders(text, 0, len(text))
    assert len(mask_borders(text, 0, len(text))) == len(text)
    place, _ = country_place(text, 0, len(text), (4, 9))
    assert place is None
    ok = "The drone hit a truck in Niger, officials said."
    place, _ = country_place(ok, 0, len(ok), (4, 9))
    assert place is not None and place.country == "NE"


def test_dates_a_year_word_after_a_day_qualifies_it() -> None:
    for text, want in (("Late on January 16 this year, jets fired missiles at two bases.",
                        "2024-01-16"),
                       ("On March 3 last year, jets bombed a depot.", "2023-03-03")):
        doc = upto("dates", text, "2024-02-24")
        f = doc.frames[0]
        assert (f.date_low, f.date_high, f.time_precision) == (want, want, 1), text


def test_clauses_an_act_of_violence_outranks_a_development_word_beside_it() -> None:
    doc = upto("clauses", "One farmer was killed on Friday by a Turkish drone strike near "
                          "Qamishli, officials said, despite the truce agreed last month.")
    assert len(doc.frames) == 1
    assert doc.frames[0].trigger.text == "drone strike"
    assert doc.frames[0].event_type == "Explosions/Remote violence"


def test_coreference_a_generic_attack_on_a_vessel_is_a_remote_strike() -> None:
    doc = upto("coreference", "Officials said a US attack on a fishing boat off the coast "
                              "left two men dead on Friday.")
    assert doc.groups and doc.groups[0].head.event_type == "Explosions/Remote violence"


def test_clauses_a_weapon_word_before_a_generic_event_word_types_it() -> None:
    doc = upto("clauses", "Rebels said their artillery assault on the barracks killed five.")
    f = doc.frames[0]
    assert (f.event_type, f.sub_event_type) == ("Explosions/Remote violence",
                                                "Shelling/artillery/missile attack")


def test_places_the_striking_state_named_as_a_party_is_not_the_place() -> None:
    from strikewatch.extract.places import country_place
    for text in ("Twelve fighters died in the Norway airstrike, a spokesman said.",
                 "Twelve fighters died, the rebels said, blaming the raid on Norway.",
                 "The raids target the heroin smuggled into Norway; twelve fighters died.",
                 "Twelve fighters died on the first day of Norway's strikes."):
        i = text.index("died")
        place, _ = country_place(text, 0, len(text), (i, i + 4))
        assert place is None, text
    ok = "Twelve fighters died in Norway, a spokesman said."
    place, _ = country_place(ok, 0, len(ok), (16, 20))
    assert place is not None and place.country == "NO"


def test_places_the_acting_states_strikes_are_not_where_it_struck() -> None:
    from strikewatch.extract import extract
    from strikewatch.records import Article
    text = ("Norway's military carried out strikes on rebel camps overnight. The health "
            "office said the first night of Norway strikes killed 40 people.")
    ms = [m for m in extract(Article(text=text, published="2024-06-10"))
          if m.kind == "event" and m.killed_low == 40]
    assert ms and all(m.place is None or m.place.country != "NO" for m in ms)


def test_dates_one_strike_of_a_days_several_takes_that_day() -> None:
    text = ("Navy jets bombed five smuggling skiffs on Saturday, killing nine, the command said. "
            "In the second strike, four crew members were killed. "
            "The third raid killed two more.")
    doc = upto("dates", text, "2024-06-10")
    parts = [f for f in doc.frames if "second" in doc.text[f.start:f.end]
             or "third" in doc.text[f.start:f.end]]
    assert parts and all(f.date_low == "2024-06-08" == f.date_high for f in parts)


def test_dates_an_ordinal_of_the_campaign_is_no_part_of_the_day() -> None:
    # "the first strike since ...", "the second strike of the year": a place in a series
    # of days, not one of this day's strikes
    text = ("Jets hit a depot on Saturday. Separately, the first strike since the truce "
            "killed four people near the border.")
    doc = upto("dates", text, "2024-06-10")
    later = [f for f in doc.frames if "truce" in doc.text[f.start:f.end]]
    assert later and later[0].date_low is None


def test_places_a_window_never_ends_inside_a_word() -> None:
    from strikewatch.extract.places import window_end
    text = "Drones struck the market in Khan Younis, medics said."
    cut = text.index("Younis") + 2
    assert text[:window_end(text, cut, len(text))].endswith("Khan Younis")
    assert window_end(text, cut, cut + 1) == cut + 1  # never past the clause's end
    assert window_end(text, text.index(","), len(text)) == text.index(",")


def test_dates_the_speakers_now_is_the_day_it_was_told() -> None:
    told = upto("dates", "The navy sank a smuggling boat overnight, killing six, the "
                "minister said early Friday.", "2025-10-25")
    # the night before Friday, told on Friday: Thursday to Friday (tests/gold/README.md)
    assert [(f.date_low, f.date_high) for f in told.frames] == [("2025-10-23", "2025-10-24")]
    bare = upto("dates", "The navy sank a smuggling boat overnight, killing six.",
                "2025-10-25")
    assert [(f.date_low, f.date_high) for f in bare.frames] == [("2025-10-24", "2025-10-25")]
