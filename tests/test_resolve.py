"""Resolution rules on mentions built by hand (varied wording, not the resolution set's)."""

from __future__ import annotations

from itertools import count
from typing import Any

from strikewatch.records import (
    Actor,
    Article,
    Attribution,
    Incident,
    Mention,
    Place,
    Review,
    Span,
)
from strikewatch.resolve import counted, resolve

CARIB = Place(name="Caribbean Sea", kind="sea", geo_precision=6, latitude=15.0, longitude=-73.0)
PACIFIC = Place(name="Eastern Pacific Ocean", kind="sea", geo_precision=6, latitude=10.0,
                longitude=-95.0)
US = Actor(name="US forces", country="US")
_n = count()


class Desk:
    """A tiny newsroom: articles with text, and the mentions an extractor would give."""

    def __init__(self) -> None:
        self.articles: dict[str, Article] = {}
        self.mentions: list[Mention] = []

    def report(self, text: str, published: str, origin: str | None = None,
               **fields: Any) -> Mention:
        aid = f"art{next(_n):03d}"
        art = Article(id=aid, text=text, published=published, origin_id=origin or "",
                      publisher=f"Outlet {aid}")
        self.articles[aid] = art
        return self.add(aid, text, **fields)

    def add(self, aid: str, sentence: str, **fields: Any) -> Mention:
        text = self.articles[aid].text
        start = text.find(sentence)
        assert start >= 0
        base: dict[str, Any] = dict(
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            target_kind="vessel", domain="sea", place=CARIB, actor1=US,
        )
        base.update(fields)
        if "date" in base:
            d = base.pop("date")
            base.update(date_low=d, date_high=d, time_precision=1)
        m = Mention(article_id=aid, spans=[Span(article_id=aid, start=start,
                                                end=start + len(sentence), text=sentence)],
                    **base)
        self.mentions.append(m)
        return m

    def resolve(self, reviews: list[Review] | None = None) -> list[Incident]:
        return resolve(self.mentions, self.articles, reviews or [])[0]


def holding(incidents: list[Incident], m: Mention) -> Incident:
    return next(i for i in incidents if m.id in i.mention_ids)


def test_same_day_strikes_in_different_seas_stay_apart() -> None:
    d = Desk()
    a = d.report("American aircraft sank a go-fast boat in the Caribbean on Tuesday, killing four.",
                 "2026-05-06", date="2026-05-05", killed_low=4, killed_high=4)
    b = d.report("A US strike on Tuesday hit a vessel in the eastern Pacific; four people died.",
                 "2026-05-06", date="2026-05-05", place=PACIFIC, killed_low=4, killed_high=4)
    c = d.report("Four were killed when the US military attacked a boat in the Caribbean Sea "
                 "on Tuesday.", "2026-05-07", date="2026-05-05", killed_low=4, killed_high=4)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, c).id
    assert holding(incs, a).id != holding(incs, b).id
    assert len(incs) == 2


def test_wire_copies_are_one_source_and_independent_reports_make_it_fair() -> None:
    d = Desk()
    text = "Three people died on Friday when US forces struck a speedboat in the Caribbean."
    a = d.report(text, "2026-05-09", origin="wire-1", date="2026-05-08", killed_low=3,
                 killed_high=3)
    d.report("NEW YORK - " + text, "2026-05-09", origin="wire-1", date="2026-05-08",
             killed_low=3, killed_high=3)
    incs = d.resolve()
    assert len(incs) == 1
    assert incs[0].grade == "weak" and "copies of one story" in incs[0].grade_reason
    assert {s.origin_id for s in incs[0].sources} == {"wire-1"}
    d.report("A speedboat was destroyed by an American strike in the Caribbean on Friday, "
             "and all three aboard were killed, coast guard sources said.", "2026-05-10",
             date="2026-05-08", killed_low=3, killed_high=3,
             attribution=[Attribution(kind="military", name="coast guard sources")])
    inc = holding(d.resolve(), a)
    assert inc.grade == "fair" and len(inc.sources) == 3


def test_a_credible_report_beside_hedged_ones_is_not_called_a_single_source() -> None:
    d = Desk()
    a = d.report("Three people died on Friday when US forces struck a speedboat in the "
                 "Caribbean.", "2026-05-09", origin="wire-2", date="2026-05-08", killed_low=3,
                 killed_high=3)
    d.report("A speedboat was reportedly destroyed in the Caribbean on Friday, and three "
             "aboard were said to have died.", "2026-05-10", origin="blog-2", date="2026-05-08",
             killed_low=3, killed_high=3, hedges=["reportedly"])
    inc = holding(d.resolve(), a)
    assert len({s.origin_id for s in inc.sources}) == 2
    assert inc.grade == "weak"
    assert "2 independent sources, but only one credible" in inc.grade_reason


def test_conflicting_tolls_give_a_range_and_a_flag() -> None:
    d = Desk()
    a = d.report("A US strike on a boat in the Caribbean killed 3 on Sunday.", "2026-06-01",
                 date="2026-05-31", killed_low=3, killed_high=3)
    d.report("Local officials said six fishermen died in Sunday's American attack on their boat "
             "in the Caribbean.", "2026-06-01", date="2026-05-31", killed_low=6, killed_high=6)
    d.report("At least four were killed in the Caribbean strike on Sunday.", "2026-06-02",
             date="2026-05-31", killed_low=4, killed_high=None)
    inc = holding(d.resolve(), a)
    assert (inc.killed_low, inc.killed_high) == (3, 6)
    assert any(f.startswith("killed: reports differ") for f in inc.flags)


def test_a_denial_makes_it_contested_but_does_not_erase_it() -> None:
    d = Desk()
    a = d.report("Witnesses said a drone fired on a fishing skiff in the Caribbean on Monday, "
                 "killing two.", "2026-06-09", date="2026-06-08", killed_low=2, killed_high=2)
    d.report("The US Navy denied on Tuesday that it attacked a skiff in the Caribbean on Monday.",
             "2026-06-10", date="2026-06-08", status="denied",
             attribution=[Attribution(kind="military", name="US Navy")])
    inc = holding(d.resolve(), a)
    assert inc.status == "occurred" and inc.grade == "contested" and "denied" in inc.flags
    assert counted(inc) and (inc.killed_low, inc.killed_high) == (2, 2)


def test_only_denials_from_two_origins_discount_it_one_denial_contests_it() -> None:
    d = Desk()
    a = d.report("The coast guard said claims of a strike near Curaçao on Monday were false.",
                 "2026-07-01", date="2026-06-29", status="denied",
                 place=Place(name="Curaçao", country="CW", latitude=12.17, longitude=-68.98,
                             geo_precision=2))
    inc = holding(d.resolve(), a)
    assert inc.status == "denied" and inc.grade == "contested" and not counted(inc)
    d.report("Military officials denied that any vessel was hit off Curaçao on Monday.",
             "2026-07-01", date="2026-06-29", status="denied",
             place=Place(name="Curaçao", country="CW", latitude=12.2, longitude=-69.0,
                         geo_precision=2))
    inc = holding(d.resolve(), a)
    assert inc.grade == "discounted" and len(inc.sources) == 2


def test_plans_never_merge_with_strikes_and_never_count() -> None:
    d = Desk()
    p = d.report("Officials are weighing drone strikes on boats in the Caribbean, two people said.",
                 "2026-05-05", status="planned")
    s = d.report("US drones struck a boat in the Caribbean on Monday, killing two.", "2026-05-05",
                 date="2026-05-04", killed_low=2, killed_high=2)
    incs = d.resolve()
    assert holding(incs, p).id != holding(incs, s).id
    assert holding(incs, p).status == "planned" and not counted(holding(incs, p))
    assert counted(holding(incs, s))


def test_places_tens_of_km_apart_link_hundreds_do_not() -> None:
    d = Desk()
    town = Place(name="Marib", country="YE", latitude=15.46, longitude=45.33, geo_precision=1)
    near = Place(name="Sirwah", country="YE", latitude=15.45, longitude=45.02, geo_precision=2)
    far = Place(name="Saada", country="YE", latitude=16.94, longitude=43.76, geo_precision=1)
    kw: dict[str, Any] = dict(target_kind="building", domain="land", actor1=None,
                              date="2026-04-24")
    a = d.report("An air raid flattened a house in Marib on Friday, killing 4.", "2026-04-24",
                 place=town, killed_low=4, killed_high=4, **kw)
    b = d.report("Warplanes hit a home in Sirwah district on Friday; four dead.", "2026-04-25",
                 place=near, killed_low=4, killed_high=4, **kw)
    c = d.report("A house near Saada was bombed on Friday, killing four people.", "2026-04-25",
                 place=far, killed_low=4, killed_high=4, **kw)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id != holding(incs, c).id
    assert holding(incs, a).place is not None and holding(incs, a).place.name == "Marib"


def test_an_undated_report_links_to_one_strike_only() -> None:
    d = Desk()
    mon = d.report("US forces destroyed a boat in the Caribbean on Monday, killing five.",
                   "2026-08-04", date="2026-08-03", killed_low=5, killed_high=5)
    thu = d.report("Two were killed in a US strike on a Caribbean vessel on Thursday.",
                   "2026-08-07", date="2026-08-06", killed_low=2, killed_high=2)
    vague = d.report("The recent US strike on a boat in the Caribbean that killed five people "
                     "angered the region.", "2026-08-08", killed_low=5, killed_high=5)
    incs = d.resolve()
    assert holding(incs, vague).id == holding(incs, mon).id != holding(incs, thu).id
    assert holding(incs, mon).date_low == "2026-08-03"  # the precise date wins


def test_acknowledgement_by_the_acting_party_confirms() -> None:
    d = Desk()
    a = d.report("The Pentagon said US forces struck a narcotics boat in the Pacific on Friday.",
                 "2026-05-16", date="2026-05-15", place=PACIFIC,
                 attribution=[Attribution(kind="military", name="Pentagon",
                                          affiliation="United States")])
    inc = holding(d.resolve(), a)
    assert inc.grade == "confirmed" and "acting party" in inc.grade_reason


def test_incident_id_survives_a_later_article_joining() -> None:
    d = Desk()
    a = d.report("US strike kills two on a boat in the Caribbean on Monday.", "2026-09-01",
                 date="2026-08-31", killed_low=2, killed_high=2)
    first = holding(d.resolve(), a).id
    d.report("Two killed in Monday's US attack on a boat in the Caribbean, officials confirm.",
             "2026-09-03", date="2026-08-31", killed_low=2, killed_high=2)
    inc = holding(d.resolve(), a)
    assert inc.id == first and len(inc.mention_ids) == 2
    assert holding(d.resolve(), a).id == first  # re-running gives the same id


def _review(action: str, incident: Incident, at: str, **payload: Any) -> Review:
    return Review(action=action, incident_id=incident.id, user="editor", at=at, payload=payload,
                  before={"mention_ids": incident.mention_ids})


def test_reviews_merge_split_edit_reject_and_survive_reruns() -> None:
    d = Desk()
    a = d.report("A drone hit a boat in the Caribbean on Monday, killing one.", "2026-10-06",
                 date="2026-10-05", killed_low=1, killed_high=1)
    b = d.report("US forces attacked a vessel in the eastern Pacific on Monday; three died.",
                 "2026-10-06", date="2026-10-05", place=PACIFIC, killed_low=3, killed_high=3)
    c = d.report("A US strike in the Caribbean on Monday killed one person aboard a boat.",
                 "2026-10-07", date="2026-10-05", killed_low=1, killed_high=1)
    incs = d.resolve()
    ia, ib = holding(incs, a), holding(incs, b)
    assert ia.id == holding(incs, c).id
    # a reviewer merges the Pacific report in (machine said two incidents)
    merge = [_review("merge", ia, "2026-10-08T10:00:00Z", incident_ids=[ib.id]),
             _review("merge", ib, "2026-10-08T10:00:00Z", into=ia.id)]  # as the web records it
    merged = d.resolve(merge)
    assert len(merged) == 1 and merged[0].id == ia.id and merged[0].reviewed
    only_into = d.resolve(merge[1:])  # the "into" side alone merges too
    assert [i.id for i in only_into] == [ia.id]
    assert (merged[0].killed_low, merged[0].killed_high) == (1, 3)
    # a split moves a mention out; an edit and a reject apply after the structure
    reviews = [
        _review("split", ia, "2026-10-08T11:00:00Z", mention_ids=[c.id]),
        _review("edit", ia, "2026-10-08T12:00:00Z", killed_high=2, grade="fair"),
        _review("reject", ib, "2026-10-08T13:00:00Z"),
    ]
    incs = d.resolve(reviews)
    ia2, ib2, ic2 = holding(incs, a), holding(incs, b), holding(incs, c)
    assert ia2.id == ia.id and ic2.id != ia.id and len(incs) == 3
    assert ia2.killed_high == 2 and ia2.grade == "fair" and "reviewer" in ia2.grade_reason
    assert ib2.grade == "discounted" and not counted(ib2)
    # a new article joins: the machine output changes, the reviews still hold
    d.report("Officials confirmed one death in Monday's Caribbean boat strike.", "2026-10-09",
             date="2026-10-05", killed_low=1, killed_high=1)
    again = holding(d.resolve(reviews), a)
    assert again.id == ia.id and again.killed_high == 2 and again.grade == "fair"


def test_a_review_follows_its_incident_when_the_id_moves() -> None:
    d = Desk()
    later = d.report("US strike sinks boat in the Caribbean on Monday, four dead.", "2026-11-03",
                     date="2026-11-02", killed_low=4, killed_high=4)
    inc = holding(d.resolve(), later)
    review = _review("edit", inc, "2026-11-04T09:00:00Z", fields={"killed_low": 3})
    # an older article is backfilled: the anchor (earliest mention) and so the id change
    d.report("Four killed as US forces hit a Caribbean boat on Monday.", "2026-11-02",
             date="2026-11-02", killed_low=4, killed_high=4)
    now = holding(d.resolve([review]), later)
    assert now.id != inc.id and now.killed_low == 3 and now.reviewed


def test_bad_input_does_not_stop_the_batch() -> None:
    d = Desk()
    a = d.report("A US strike hit a boat in the Caribbean on Saturday.", "2026-12-06",
                 date="2026-12-05")
    orphan = Mention(article_id="not-ingested", event_type="Battles", date_low="2026-12-05",
                     date_high="2026-12-05", spans=[Span(article_id="not-ingested", start=0,
                                                         end=4, text="Clash")])
    bad_date = Mention(article_id=a.article_id, date_low="5 Dec", kind="event",
                       spans=[Span(article_id=a.article_id, start=2, end=5, text="US ")])
    bogus = Review(action="merge", incident_id="no-such-incident", user="x",
                   at="2026-12-07T00:00:00Z", payload={"incident_ids": ["also-missing"]})
    incs, tallies = resolve([*d.mentions, orphan, bad_date], d.articles, [bogus])
    assert {m for i in incs for m in i.mention_ids} == {a.id, orphan.id, bad_date.id}
    assert tallies == []


def test_a_next_day_date_links_only_on_strong_shared_detail() -> None:
    d = Desk()
    a = d.report("US aircraft sank the Marisol, a Guajira-registered speedboat, killing three, "
                 "on Monday.", "2026-02-03", date="2026-02-02", killed_low=3, killed_high=3)
    # another outlet, a day later, dates it to Tuesday (local time) with the same details
    b = d.report("The Marisol, a speedboat registered in Guajira, was sunk by US aircraft on "
                 "Tuesday; three died.", "2026-02-04", date="2026-02-03", killed_low=3,
                 killed_high=3)
    # a different, generic report two days later stays apart
    c = d.report("A US strike on a boat in the Caribbean killed three on Wednesday.",
                 "2026-02-05", date="2026-02-04", killed_low=3, killed_high=3)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id != holding(incs, c).id
    assert any(f.startswith("date: reports differ") for f in holding(incs, a).flags)
    assert holding(incs, a).date_low == "2026-02-02"  # the earliest precise date


def test_history_recalled_as_background_is_searchable_but_not_counted() -> None:
    d = Desk()
    old = d.report("In 1989, US forces bombed a compound in Panama City, killing 20.",
                   "2026-02-10", date="1989-12-20", background=True, target_kind="building",
                   domain="land", place=Place(name="Panama City", country="PA",
                                              latitude=8.98, longitude=-79.52, geo_precision=1),
                   killed_low=20, killed_high=20)
    inc = holding(d.resolve(), old)
    assert inc.background and not counted(inc) and inc.killed_low == 20


def test_water_off_a_coast_is_in_its_sea() -> None:
    from strikewatch.resolve.features import sea_key

    off = Place(name="Caribbean Sea off Venezuela", kind="sea", geo_precision=6,
                latitude=11.3, longitude=-66.5, near_country="VE")
    assert sea_key(off) == sea_key(CARIB) == "caribbean"
    assert sea_key(PACIFIC) == sea_key(Place(name="Pacific Ocean", kind="sea")) == "pacific"
    d = Desk()
    a = d.report("Two died as US forces hit a skiff off the coast of Venezuela on Monday.",
                 "2026-01-13", date="2026-01-12", place=off, killed_low=2, killed_high=2)
    b = d.report("A US strike killed two aboard a skiff in the Caribbean on Monday.",
                 "2026-01-13", date="2026-01-12", killed_low=2, killed_high=2)
    c = d.report("A US strike killed two aboard a skiff in the eastern Pacific on Monday.",
                 "2026-01-13", date="2026-01-12", place=PACIFIC, killed_low=2, killed_high=2)
    incs = d.resolve()
    assert holding(incs, a).id == holding(incs, b).id != holding(incs, c).id


def test_an_unnamed_official_does_not_confirm() -> None:
    d = Desk()
    a = d.report("A US official said American forces hit a boat in the Pacific on Friday.",
                 "2026-05-23", date="2026-05-22", place=PACIFIC,
                 attribution=[Attribution(kind="official", name="a US official",
                                          affiliation="US")])
    inc = holding(d.resolve(), a)
    assert inc.grade == "weak"
    d.report("US Southern Command said its forces struck a boat in the Pacific on Friday.",
             "2026-05-23", date="2026-05-22", place=PACIFIC,
             attribution=[Attribution(kind="military", name="US Southern Command")])
    assert holding(d.resolve(), a).grade == "confirmed"
