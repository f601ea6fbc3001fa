"""Attach an undated (or loosely dated) incident to the one dated incident it can be.

Clustering keeps apart reports it cannot place in time: an undated report of an undated
page has no blocking day, and linking undated reports to each other on toll, sea and
wording merges different strikes (a campaign repeats its tolls and seas). This step runs
after clustering, on whole machine incidents, and joins a *loose* incident (no date, or
known only to a span of days, or dated but naming no place and no party) to a *dated* one
(a known day, and a place or a party) only when exactly one dated incident of the whole
ledger agrees with it:

- its day lies in the loose incident's window: its date span, else the week before its
  first report's publication (what "on Friday" in an undated sentence can mean); a loose
  incident with neither must name a toll and a sea, and the dated one must be the only
  one in the ledger that agrees;
- nothing contradicts: seas and places compatible (features.places_compatible), tolls
  that meet (one inside the other, an open toll's floor in the other's range, or a later
  page's revision of one town's count: `tolls_meet`), the same acting country (names
  compared only where neither has a country: "Joint Task Force Southern Spear", which the
  geo step could not place, is no other party than "U.S. forces"; a report naming one
  country as actor and hit has no trusted actor and need only involve it, `_involves`),
  the same domain and target kind (at sea a craft whatever a report calls it; on land one
  kind may be a finer grain of the other, NESTED_TARGETS; other kinds where both tell the
  very same closed toll of 5+ dead, 10+ if neither is dated), strike counts inside each
  other, no shared article (an article's extractor already merged its own sentences);
- something agrees: the tolls, or the places (for a report with neither, the specific
  words it shares with this candidate and no other, `_told_with_its_words`; for a report
  naming no place, the same acting country and domain, `parties_agree`, since it is the
  one candidate its window or its day leaves).

A loose incident with neither date nor publication date may still say which day: its
sentences name a weekday ("on Tuesday") or a day of the year without the year ("Feb. 9",
"September 2") that the extractor could not place without a publication date. Those
*calendar cues* pick its candidates among the dated incidents that share a zone with it
(its sea, country or acting country) with the very same toll, on a weekday or a day of
the year it names; a day of the year, one day of the calendar rather than one of every
seven, also takes a candidate where either report gives no toll if their places agree
positively (`_cue_fits`). A candidate on a day the sentences do not
name is not considered, and the one left must still be the only plausible one and agree.

Two or more candidates: the loose incident's closed toll may tell them apart when every
candidate states a toll (`by_toll`: the one whose toll holds it, else the one with the very
same toll); otherwise left apart (one strike's tolls often conflict, so a candidate with no
toll, or with a toll that only overlaps, still counts).

Where day, toll and sea leave several candidates, or an undated page's report has neither
a toll and a sea nor a calendar cue to go on, the details its sentences share with one
strike's reports may still single it out (`by_words`): the specific words (rarer than one
per million in general English) that its reports share with exactly one dated incident of
its window or zone, and with no other — "semisubmersible", "Quito", "Ecuadorian", not
"Hegseth" or "Southcom", which every strike of the campaign is told with. It must still
agree (nothing contradicting, the toll or the place agreeing). Candidates without a
window come from the dated incidents of its zones (sea, country, acting country), a zone
with more than MAX_CUE_CANDIDATES left out: never a scan of a large ledger. Two cued loose
incidents (`_paired` below) that share such words, and no other of their cue group does,
may join as places that agree would let them (two rewrites of one wire story).

Two cued loose incidents that no dated one takes may join each other (`_paired`): each the
other's only match on a calendar cue and a zone they share, agreeing, with a day of the year
or places that positively agree ("on Tuesday" in the Caribbean, in two undated reports and
no third). A join is
made only where every review naming either incident (by id or mention) saw both together
(its `before.mention_ids` holds them all): otherwise a person's decision on one (a
rejection, an edit) would land on the other, found through its mentions
(ledger.reviews._locate). Reviewed incidents still count as
candidates, so a review never changes what happens to the others.

Loose incidents placed in one town (`features.same_locality`) that nothing else took join
as a group of which every two match and none matches outside it (`_one_town_pairs`): a
town is no campaign's sea, so overlapping windows, or a day both name, or tolls one inside
the other tie them; on a cue's day, one town also lets a toll inside the candidate's stand for the
very same toll (`_cue_fits`).

An article's other reports help place an open one: a page with no publication date that
dates one strike gives its open reports the weeks around that day as their window
(`with_page_windows`); a dated incident that took one report of an article is no candidate
for another of its reports (`fits`, in `ATTACH_PASSES` passes); and undated reports told
with the same rare names that only agreeing reports hold join as one (`_named_alike`).

Last, an undated page's report that nothing joined is compared with the few dated
incidents sharing a rare signal with it (`signal_keys`: a town, a named target, a toll at
sea with its strike count; a key many incidents hold blocks nothing, `SIGNAL_CAP`), and
joins the one the linking model itself links it to, where exactly one is (`_by_signals`).

A pure function of the machine incidents (and the reviews), so the in-memory and the
streamed resolver (which both call `attachments`) give one ledger, and the saved clusters
(resolver state) stay the machine's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from strikewatch.ledger.reviews import review_scope
from strikewatch.records import Article, Incident, Mention, Place, Review
from strikewatch.resolve.cues import Cue, calendar_cues, day_cues
from strikewatch.resolve.features import (
    UNDATED_LOOKBACK_DAYS,
    Features,
    area_keys,
    day_number,
    features,
    hard_conflict,
    linking_place,
    name_skeleton,
    operation_conflict,
    operation_fields,
    page_window_bounds,
    place_features,
    places_compatible,
    rare_words,
    same_locality,
    sea_key,
    tokens,
)
from strikewatch.resolve.linking import LINK_THRESHOLD, pair_probabilities
from strikewatch.resolve.merging import NARROWED_SPAN_DAYS, build_incident

#: A dated incident is known to this many days at most (one day, or a night across two).
DATED_SPAN_DAYS = 1
#: A loose incident whose span is wider than this is not placed (it could be anything).
MAX_WINDOW_DAYS = 35


#: Candidates sharing a calendar cue and a zone beyond this many: too common to tell apart.
MAX_CUE_CANDIDATES = 50

def zone_keys(p: Profile) -> list[str]:
    """The coarse areas a profile is in: where calendar-cue candidates are looked up, so
    that a cue never scans the whole ledger."""
    return area_keys(p.place.sea, p.place.country, p.actor_country)


@dataclass(frozen=True)
class Profile:
    """What attaching compares of one counted incident."""

    id: str
    articles: frozenset[str]
    place: Features  # only its place fields are filled
    killed: tuple[int, int | None] | None
    actor_country: str | None
    actor_name: str | None
    target_kind: str | None
    domain: str | None
    strikes: tuple[int, int | None] | None
    window: tuple[int, int] | None  # days the event may be on; dated: its day(s)
    dated: bool
    mentions: frozenset[str]
    # weekdays and days of the year its sentences name; only for an incident with neither
    # a date nor a publication date (window None), else empty
    cues: frozenset[Cue] = frozenset()
    # the hit party's country; and the country a report names as both acting and hit ("US
    # forces" and "American troops", "Iran" and "Iran"): its roles are not to be trusted, so
    # its actor_country is None and the strike only has to involve that country
    target_country: str | None = None
    roles_country: str | None = None
    # the sentences its reports rest on (hashed), read where the cues are: an undated
    # page's reports that share one told one operation of one day (`_operation_apart`)
    sentences: frozenset[int] = frozenset()
    # rare, specific things its reports name that another report of the strike may share
    # (`signal_keys`): a town, a named target, a toll at sea with its vessel count
    signals: frozenset[str] = frozenset()
    # its window is only its pages' (`page_window`): no date, no publication date
    page_windowed: bool = False
    # the first and last publication days of its pages (None: no page gives one), which
    # tell a first count from its revision (`tolls_meet`)
    published: tuple[int, int] | None = None


def _range(lo: int | None, hi: int | None) -> tuple[int, int | None] | None:
    if lo is None and hi is None:
        return None
    return (lo if lo is not None else 0, hi)


#: The sentences of an incident's reports (for calendar cues), or None where not at hand.
Texts = Callable[[Incident], Iterable[str]]


def profile(inc: Incident, texts: Texts | None = None) -> Profile | None:
    """The incident's profile, None for one that does not take part (not an occurred,
    non-background event). `texts` gives its reports' sentences, read for calendar cues
    only when the incident has neither a date nor a publication date."""
    if inc.status != "occurred" or inc.background or inc.grade == "discounted":
        return None
    d_lo, d_hi = day_number(inc.date_low), day_number(inc.date_high)
    if d_lo is not None and d_hi is None:
        d_hi = d_lo if inc.time_precision in (None, 1) else None
    published = [p for p in (day_number(s.published) for s in inc.sources) if p is not None]
    window: tuple[int, int] | None = None
    dated = False
    if d_lo is not None and d_hi is not None:
        dated = d_hi - d_lo <= DATED_SPAN_DAYS
        window = (d_lo, d_hi) if d_hi - d_lo <= MAX_WINDOW_DAYS else None
    elif d_lo is None and d_hi is None and published:
        window = (min(published) - UNDATED_LOOKBACK_DAYS, min(published))
    # read only for an incident with neither a date nor a publication date
    told = list(texts(inc)) if window is None and texts is not None else []
    page_windowed = False
    if window is None and d_lo is None and d_hi is None:
        window = page_window(inc)
        page_windowed = window is not None
    if published and window is not None and min(published) >= window[0]:
        # never after its first report; a day after it (a strike dated in its own time
        # zone, the page stamped the evening before in UTC) keeps its day: clamped, the
        # window ended before it began and no loose report could ever find it
        window = (window[0], min(window[1], min(published)))
    place = linking_place(inc)
    a1, a2 = inc.actor1, inc.actor2
    roles_country = a1.country if a1 and a2 and a1.country and a1.country == a2.country \
        else None
    if place is None and a1 is None:
        # a report that names neither where nor who ("nine were killed when a boat was
        # destroyed on Tuesday") is no anchor for others: it is placed like a loose one
        dated = False
    return Profile(
        id=inc.id,
        articles=frozenset(s.article_id for s in inc.sources),
        place=Features(unique_id=inc.id, article_id="", origin_id="", published=None,
                       d_lo=None, d_hi=None,
                       **place_features(place, sea_key(place, at_sea=inc.domain == "sea"))),
        killed=_range(inc.killed_low, inc.killed_high),
        actor_country=None if roles_country else a1.country if a1 else None,
        actor_name=(a1.name or "").lower() or None if a1 else None,
        target_country=a2.country if a2 else None,
        roles_country=roles_country,
        target_kind=inc.target_kind if inc.target_kind != "unknown" else None,
        domain=inc.domain,
        strikes=_range(inc.strikes_low, inc.strikes_high),
        window=window,
        dated=dated,
        mentions=frozenset(inc.mention_ids),
        cues=calendar_cues(told),
        sentences=frozenset(hash(t) for t in told),
        signals=signal_keys(inc, place),
        page_windowed=page_windowed,
        published=(min(published), max(published)) if published else None,
    )


def page_window(inc: Incident) -> tuple[int, int] | None:
    """An undated incident's window from the day its pages tell their news on (no
    publication date: `Source.page_after`, a "news", post or dateline day): the days its
    linking blocks on (`features.page_window_days`). None where no page gives one."""
    known = [b for s in inc.sources if s.published is None
             for b in [page_window_bounds(s.page_after, s.page_after_source)] if b]
    if not known:
        return None
    return (min(b[0] for b in known), max(b[1] for b in known))


#: Kinds of party hit whose name is no group or person of its own ("Yemen", "the Pentagon",
#: "soldiers", "villagers"): a state, its government, its forces, or civilians.
_STATE_PARTIES = frozenset({"state", "government", "military", "civilians"})


def _proper_name(name: str) -> bool:
    """A name with a rare word that is capitalised, a group's or a person's ("al-Shabaab",
    "Abu Yusuf"), not a label a campaign gives its targets ("narco-terrorists")."""
    rare = set(rare_words(tokens(name)))
    return any(w.lower() in rare and w[:1].isupper() for w in re.findall(r"[^\W\d_]+", name))


def signal_keys(inc: Incident, place: Place | None) -> frozenset[str]:
    """The specific things an incident names that another report of its strike may name
    too, as keys that spellings and transliterations share (`features.name_skeleton`):

    - its place below a country (a town, a district, a province): the gazetteer's
      geonameid, and the name's skeleton ("Sana'a", "Sanaa"; "Hodeidah", "Al Hudaydah");
    - the group or person hit, where its name holds a rare word ("al-Shabaab", a
      commander's name; not "militants", "Islamic State", a state or its forces);
    - at sea, a closed toll in a named sea with the number of strikes or vessels told.

    A sea or a country names no strike and gives no key; a key many dated incidents hold
    blocks nothing (`SIGNAL_CAP`)."""
    keys: set[str] = set()
    if place is not None and place.kind != "sea" and place.geo_precision is not None and \
            1 <= place.geo_precision <= 4:
        if place.geonameid is not None:
            keys.add(f"gid:{place.geonameid}")
        skeleton = name_skeleton(place.name)
        if skeleton:
            keys.add(f"place:{skeleton}")
    hit = inc.actor2
    if hit is not None and hit.type not in _STATE_PARTIES and _proper_name(hit.name):
        skeleton = name_skeleton(hit.name)
        if skeleton:
            keys.add(f"hit:{skeleton}")
    sea = sea_key(place, at_sea=inc.domain == "sea")
    if sea and inc.killed_low is not None and inc.killed_high is not None and \
            inc.strikes_low is not None and inc.strikes_low == inc.strikes_high:
        keys.add(f"sea:{sea}|{inc.killed_low}-{inc.killed_high}|{inc.strikes_low}")
    return frozenset(keys)


#: Target kinds one strike's reports may each give, one more specific than the other: a
#: person killed is a member of the group hit, or was in the building or compound struck
#: ("a commander killed" and "a house struck"); a compound is a building. A vehicle is told
#: apart from all of them: drone strikes on cars in one province are many strikes.
NESTED_TARGETS = frozenset(frozenset(pair) for pair in (
    ("person", "group"), ("person", "building"), ("person", "facility"),
    ("building", "facility"),
))


def _inside(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    """One range inside the other (an open high end: at least the low)."""
    def within(x: tuple[int, int | None], y: tuple[int, int | None]) -> bool:
        return y[0] <= x[0] and (y[1] is None or (x[1] is not None and x[1] <= y[1]))
    return within(a, b) or within(b, a)


def targets_compatible(a: Profile, b: Profile) -> bool:
    """Whether what two reports say was hit can be one strike's target: the same kind, or
    either unknown, or both strikes at sea, where what was hit is a craft whatever a report
    calls it (a "narco-sub" read as a building, a "semi-submersible" as a facility). On
    land the kinds tell strikes apart (a base, a car, a house)."""
    if not a.target_kind or not b.target_kind or a.target_kind == b.target_kind:
        return True
    return a.domain == b.domain == "sea" or \
        frozenset((a.target_kind, b.target_kind)) in NESTED_TARGETS


def plausible(loose: Profile, dated: Profile) -> bool:
    """Nothing but perhaps the toll says they are different strikes (tolls of one strike
    often conflict, so a candidate with another toll still makes the choice ambiguous)."""
    if loose.articles & dated.articles:
        return False
    if loose.strikes and dated.strikes and not _inside(loose.strikes, dated.strikes):
        return False
    if loose.actor_country and dated.actor_country:
        if loose.actor_country != dated.actor_country:
            return False
    elif not (loose.actor_country or dated.actor_country or loose.roles_country or
              dated.roles_country) and \
            loose.actor_name and dated.actor_name and loose.actor_name != dated.actor_name:
        return False
    if not (_involves(loose, dated) and _involves(dated, loose)):
        return False
    if loose.domain and dated.domain and loose.domain != dated.domain:
        return False
    if not targets_compatible(loose, dated) and not _same_telling_toll(loose, dated):
        return False
    return places_compatible(loose.place, dated.place) is not False


def _same_telling_toll(a: Profile, b: Profile) -> bool:
    """Both tell the very same closed toll of MIN_TELLING_TOLL or more dead (of
    MIN_PAIRED_TOLL where neither is dated: no strike's day vouches for it): what two
    reports say was hit (a truck or the building it stood by, an ambulance or the clinic)
    is read from different sentences, and weighs less than such a count told alike."""
    least = MIN_TELLING_TOLL if a.dated or b.dated else MIN_PAIRED_TOLL
    return a.killed is not None and a.killed == b.killed and a.killed[1] is not None and \
        a.killed[0] >= least


def consistent(loose: Profile, dated: Profile) -> bool:
    """Plausible and the tolls not contradicting (`tolls_meet`): nothing says they are two
    strikes."""
    if not plausible(loose, dated):
        return False
    return not (loose.killed and dated.killed and not tolls_meet(loose, dated))


#: A count and its revision: an updated toll of one strike may reach this many times the
#: first count ("at least 50" the first day, "85 to 120" once the dead were counted).
REVISED_TOLL_RATIO = 2.5


def tolls_meet(a: Profile, b: Profile) -> bool:
    """Whether two incidents' tolls can be one strike's as its reports told it over days:
    one inside the other; an open toll ("at least 43") whose floor the other's figures
    reach ("15 to 76": a first count and the last); or, where both are placed below a
    country and agree there (a town, district or province, never a sea or a country a
    campaign shares), a first count and its revision (18 then 23, 50 then 85 to 120), the
    higher told later (`_revised`). A toll of none against one of some dead is no
    revision."""
    if a.killed is None or b.killed is None:
        return True
    if _inside(a.killed, b.killed) or _open_overlap(a.killed, b.killed):
        return True
    return _one_place_below_country(a, b) and _revised(a, b)


def _open_overlap(a: tuple[int, int | None], b: tuple[int, int | None]) -> bool:
    """One range open above ("at least N") and the two sharing a figure."""
    if a[1] is not None and b[1] is not None:
        return False
    closed = [x for x in (a[1], b[1]) if x is not None]  # the other's top, if it has one
    return not closed or max(a[0], b[0]) <= closed[0]


#: The smallest first count a revision is read from: tolls of one to four dead are what a
#: campaign's strikes repeat, so a differing small toll says another strike as often as an
#: update ("one or two" then "three" in one town stays apart).
MIN_REVISED_TOLL = 5


def _revised(a: Profile, b: Profile) -> bool:
    """The higher toll within REVISED_TOLL_RATIO of a lower one of at least
    MIN_REVISED_TOLL dead, told later: the higher's latest page published after the
    lower's first (a revision comes after the count it revises). A page with no date tells
    no order: "five" and "six" of one town on undated pages may be two strikes as well."""
    assert a.killed is not None and b.killed is not None
    low, high = sorted((a, b), key=lambda p: p.killed[0] if p.killed else 0)
    assert low.killed is not None and high.killed is not None
    if low.killed[0] < MIN_REVISED_TOLL or low.killed[0] == high.killed[0]:
        return False
    if low.published is None or high.published is None or \
            high.published[1] <= low.published[0]:
        return False
    top = high.killed[1] if high.killed[1] is not None else high.killed[0]
    bottom = low.killed[1] if low.killed[1] is not None else low.killed[0]
    return top <= REVISED_TOLL_RATIO * bottom


def _one_place_below_country(a: Profile, b: Profile) -> bool:
    """Both placed on land below a country (geo_precision 1-4) and the places agreeing."""
    return all(p.place.sea is None and p.place.precision is not None and
               1 <= p.place.precision <= 4 for p in (a, b)) and \
        places_compatible(a.place, b.place) is True


def _involves(a: Profile, b: Profile) -> bool:
    """Where `a` reads one country as both the actor and the hit (the announcer or the
    victim taken for the actor), whether `b`'s strike involves that country at all: as its
    actor, the party it hit or where it happened (b naming none of these can be it)."""
    if a.roles_country is None:
        return True
    named = {c for c in (b.actor_country, b.target_country, b.place.country,
                         b.roles_country) if c}
    return not named or a.roles_country in named


def parties_agree(loose: Profile, dated: Profile) -> bool:
    """For a loose report that names no place at all ("U.S. forces struck a vessel
    operated by a designated terrorist organization"), whether the parties stand in for
    the place: nothing contradicts, and both name the same acting country and the same
    domain (at sea, on land). Weak alone (a campaign's strikes share both), so it only
    ever confirms the one candidate its window or the day it names leaves."""
    return consistent(loose, dated) and not (loose.place.sea or loose.place.country) and \
        bool(loose.actor_country) and loose.actor_country == dated.actor_country and \
        bool(loose.domain) and loose.domain == dated.domain


def agree(loose: Profile, dated: Profile) -> bool:
    """Consistent, and the toll or the place agreeing."""
    return consistent(loose, dated) and (
        places_compatible(loose.place, dated.place) is True or
        bool(loose.killed and dated.killed))


#: May these two incidents be joined? (see review_guard)
Guard = Callable[[Profile, Profile], bool]


def review_guard(reviews: Iterable[Review]) -> Guard:
    """A join is allowed unless a review names one of the two and did not see them both."""
    saw: list[frozenset[str]] = []
    by_id: dict[str, list[int]] = defaultdict(list)
    by_mention: dict[str, list[int]] = defaultdict(list)
    for n, r in enumerate(reviews):
        ids, mids = review_scope([r])
        saw.append(frozenset((r.before or {}).get("mention_ids") or []))
        for iid in ids:
            by_id[iid].append(n)
        for mid in mids:
            by_mention[mid].append(n)

    def allow(a: Profile, b: Profile) -> bool:
        both = a.mentions | b.mentions
        named = {n for p in (a, b) for n in by_id.get(p.id, ())}
        named.update(n for mid in both for n in by_mention.get(mid, ()))
        return all(both <= saw[n] for n in named)
    return allow


#: The day's-operation fields of an incident's reports (features.operation_fields).
Operations = Callable[[Profile], Sequence[Features]]


def attachments(profiles: Iterable[Profile], guard: Guard | None = None,
                words: Words | None = None, operations: Operations | None = None,
                model: Model | None = None) -> dict[str, str]:
    """{loose incident id: the dated incident id it joins}, for every loose incident with
    exactly one agreeing dated candidate (module docstring) that `guard` allows; with
    `words`, the specific words of the reports tell several candidates apart, and place an
    undated page's report that nothing else places (`by_words`); with `model`, an undated
    page's report left over joins the one dated incident sharing a rare signal with it
    that the linking model links it to (`_by_signals`)."""
    profiles = list(profiles)
    dated: list[Profile] = []
    loose: list[Profile] = []
    for p in with_page_windows(profiles):
        (dated if p.dated else loose).append(p)
    by_day: dict[int, list[Profile]] = defaultdict(list)
    by_sea: dict[str, list[Profile]] = defaultdict(list)
    by_cue: dict[tuple[Cue, str], list[Profile]] = defaultdict(list)
    cued = any(p.cues for p in loose)
    for d in dated:
        assert d.window is not None
        for day in range(d.window[0], d.window[1] + 1):
            by_day[day].append(d)
            if cued:
                for cue, zone in _cue_index_keys(d, day):
                    by_cue[cue, zone].append(d)
        if d.place.sea:
            by_sea[d.place.sea].append(d)
    by_zone: dict[str, list[Profile]] = defaultdict(list)
    if any(p.window is None for p in loose):
        for d in dated:
            for zone in zone_keys(d):
                by_zone[zone].append(d)
    specific = _cached(words) if words is not None else None
    out: dict[str, str] = {}
    given: dict[str, set[str]] = defaultdict(set)  # dated id -> articles of loose ones given it

    told = _cached(operations) if operations is not None else None

    def fits(p: Profile, d: Profile) -> bool:
        # a dated incident that already took a report of p's article is another strike:
        # an article's extractor keeps its own strikes apart; strikes split from a day's
        # operation join another article's of that rank and size, never its day's total
        return plausible(p, d) and not given[d.id] & p.articles and \
            (told is None or operation_conflict(told(p), told(d)) is None)

    told_with = _told_with(loose)
    pending = loose
    for _ in range(ATTACH_PASSES):
        placed = len(out)
        for p in pending:
            # the days its sentences name pick the candidates; where they pick none that could
            # be it, it is placed as it would be without them, unless it names a day of the
            # year: then the one on that day is not in the ledger, and another is not it
            raw = _cue_candidates(p, by_cue) if p.cues else []
            found = [d for d in raw if fits(p, d)]
            among: Sequence[Profile] = found  # every candidate its words are told apart from
            if not found and not any(cue[0] == "md" for cue in p.cues):
                pool = _pool(p, by_day, by_sea)
                if pool is None:
                    # an undated page's report with no toll and sea to go on: only the dated
                    # incidents of its zones whose toll holds its telling toll, else whose
                    # reports share its specific words
                    pool = _zone_pool(p, by_zone)
                    among = raw = pool
                    found = [d for d in pool if fits(p, d) and _weekday_fits(p, d)
                             and consistent(p, d)]
                    held = _holding_telling_toll(p, found)
                    if len(held) > 1 and specific is not None:
                        held = by_words(p, held, pool, specific)
                    found = held or (by_words(p, found, pool, specific)
                                     if specific is not None and found else [])
                else:
                    # a weekday it names may be another event's, so it never picks a candidate,
                    # but a strike it can be neither the day of nor the announcement of is not it
                    among = raw = pool
                    found = by_toll(p, _on_its_weekdays(p, [d for d in pool if fits(p, d)]))
                    if len(found) > 1 and specific is not None:
                        # words that pick none leave the candidates to `siblings` below
                        found = by_words(p, [d for d in found if consistent(p, d)], pool,
                                         specific) or found
                    if len(found) == 1 and not _weekday_fits(p, found[0]):
                        continue
            else:
                cands = found
                found = by_toll(p, found)
                if len(found) > 1 and specific is not None:
                    found = by_words(p, [d for d in found if consistent(p, d)], cands,
                                     specific) or found
            found = siblings(p, found, given)
            if len(found) == 1 and (agree(p, found[0]) or parties_agree(p, found[0]) or
                                    _told_with_its_words(p, found[0], among, specific)) \
                    and not _operation_apart(p, found[0], told_with, by_day) \
                    and not _own_page_rival(p, found[0], raw, told) \
                    and (guard is None or guard(p, found[0])):
                out[p.id] = found[0].id
                given[found[0].id] |= p.articles
        if len(out) == placed:
            break
        pending = [p for p in pending if p.id not in out]
    out.update(_paired([p for p in loose if p.id not in out and p.window is None and p.cues],
                       guard, specific))
    joined = set(out) | set(out.values())
    out.update(_in_its_span([p for p in loose if p.id not in joined], guard))
    if specific is not None:
        joined = set(out) | set(out.values())
        # a page's window is no date: its reports still pair by names (overlapping windows)
        out.update(_named_alike([p for p in loose if p.id not in joined and
                                 (p.window is None or p.page_windowed)],
                                [*dated, *loose], guard, specific))
    joined = set(out) | set(out.values())
    out.update(_one_town_pairs([p for p in loose if p.id not in joined], guard))
    joined = set(out) | set(out.values())
    out.update(_telling_toll_pairs([p for p in loose if p.id not in joined and
                                    p.window is None], by_zone, guard))
    if model is not None:
        # last, on what nothing else joined: its joins never change the groups above
        joined = set(out) | set(out.values())
        out.update(_by_signals([p for p in loose if p.id not in joined and p.window is None],
                               profiles, fits, model, guard))
    return out


#: Whether the linking model links each (loose, dated) incident pair: some report of one
#: and some of the other at or above the link threshold, and no two breaking a
#: cannot-link rule (`mention_model`).
Model = Callable[[Sequence[tuple[Profile, Profile]]], list[bool]]

#: A signal that more other incidents of the ledger (dated or not) hold than this is a
#: campaign's (a port struck week after week, the group a campaign targets), not one
#: strike's: it blocks nothing. Three leaves room for the strike's own other reports
#: (an undated one beside the dated one) and one other strike of the town, which the model
#: must then tell apart (exactly one linked); the dev ledgers gave the same joins at 2 to
#: 5, and over 5 the candidates are ones the model sees alike. It also bounds the cost: a
#: few incident pairs per undated report, whatever the archive's size.
SIGNAL_CAP = 3


def _by_signals(loose: Sequence[Profile], everyone: Sequence[Profile],
                fits: Callable[[Profile, Profile], bool], model: Model,
                guard: Guard | None) -> dict[str, str]:
    """{undated page's incident id: the dated incident id it joins} by bounded blocking on
    rare signals (`signal_keys`): each loose incident with no window is compared with the
    dated incidents sharing a signal that at most SIGNAL_CAP other incidents of the ledger
    hold, and joins the one the linking model links it to, where exactly one candidate
    that `fits` (and whose days its calendar cues allow, `_cues_fit`) is linked and nothing
    contradicts (`consistent`). Two loose reports of one article that pick the same strike
    are strikes of a page that tells several: neither joins."""
    by_key: dict[str, list[Profile]] = defaultdict(list)
    held: dict[str, int] = defaultdict(int)  # incidents of the ledger holding a key
    wanted = {k for p in loose for k in p.signals}
    for e in everyone:
        for k in e.signals & wanted:
            held[k] += 1
            if e.dated:
                by_key[k].append(e)
    asks: list[tuple[Profile, Profile]] = []
    for p in loose:
        cands = {d.id: d for k in sorted(p.signals) if held[k] - 1 <= SIGNAL_CAP
                 for d in by_key.get(k, ())}
        asks += [(p, d) for _, d in sorted(cands.items()) if fits(p, d) and _cues_fit(p, d)]
    linked: dict[str, list[Profile]] = defaultdict(list)
    for (p, d), ok in zip(asks, model(asks), strict=True):
        if ok:
            linked[p.id].append(d)
    # a linked candidate whose toll differs still makes the choice ambiguous (one strike's
    # tolls often conflict), but is never the one chosen
    by_id = {p.id: p for p in loose}
    picks = {pid: ds[0] for pid, ds in linked.items()
             if len(ds) == 1 and consistent(by_id[pid], ds[0])}
    taken: dict[str, list[Profile]] = defaultdict(list)
    for pid, d in picks.items():
        taken[d.id].append(by_id[pid])
    out: dict[str, str] = {}
    for pid, d in picks.items():
        p = by_id[pid]
        if any(o.id != pid and o.articles & p.articles for o in taken[d.id]):
            continue
        if guard is None or guard(p, d):
            out[pid] = d.id
    return out


def _own_page_rival(p: Profile, d: Profile, raw: Sequence[Profile],
                    told: Operations | None) -> bool:
    """Whether a strike that p's own page reports (a dated incident holding a report of
    its article, so never its candidate) agrees with p as well as `d` does: p may then be
    a fragment of its own page's strike ("Lebanon's government logged thousands of
    violations", beside the page's Zrarieh strike), and the page's strike being left out
    does not make `d` the one left. Where the toll tells them apart (`by_toll`: "three
    killed in the third strike" beside the page's second, told as three to four) it
    still picks `d`."""
    free = replace(p, articles=frozenset())
    rivals = [x for x in raw
              if x.id != d.id and x.articles & p.articles and consistent(free, x) and
              (agree(free, x) or parties_agree(free, x) or not agree(p, d)) and
              (told is None or operation_conflict(told(p), told(x)) is None and
               not _page_told_apart(p, told(x)))]
    # a closed toll that only `d` tells the very same still picks it (`by_toll`)
    return bool(rivals) and by_toll(p, [d, *rivals]) != [d]


def _page_told_apart(p: Profile, reports: Sequence[Features]) -> bool:
    """Whether p's own page, in a report of another incident, told that strike's toll as
    closed and sharing no figure with p's closed toll ("four killed in the second
    strike" beside p's "three in the third"): the page's other strike, not p's."""
    if p.killed is None:
        return False
    lo, hi = p.killed
    if hi is None:
        return False
    return any(f.article_id in p.articles and f.killed_lo is not None and
               f.killed_hi is not None and (f.killed_hi < lo or f.killed_lo > hi)
               for f in reports)


def _told_with(loose: Sequence[Profile]) -> Mapping[str, list[Profile]]:
    """{loose incident id: the other loose incidents of its page told in its sentences}
    ("four aboard the first boat in the Eastern Pacific, four aboard the second, and
    three aboard the third in the Caribbean": three reports of one sentence). Reports
    that only share a sentence, each resting on others too, may be of two days ("the
    strike on Friday came after Thursday's raids"): one's sentences must hold the
    other's."""
    by_sentence: dict[tuple[str, int], list[Profile]] = defaultdict(list)
    for p in loose:
        for a in p.articles:
            for h in p.sentences:
                by_sentence[a, h].append(p)
    out: dict[str, dict[str, Profile]] = defaultdict(dict)
    for group in by_sentence.values():
        for p in group:
            out[p.id].update((q.id, q) for q in group if q.id != p.id and
                             (p.sentences <= q.sentences or q.sentences <= p.sentences))
    return {k: list(v.values()) for k, v in out.items()}


def _operation_apart(p: Profile, d: Profile, told_with: Mapping[str, list[Profile]],
                     by_day: Mapping[int, list[Profile]]) -> bool:
    """Whether the strikes an undated page told in one sentence with `p` say `d` is not
    its strike: one sentence tells one operation, of one day, so each of them must have a
    strike of `d`'s day, other than `d`, that it could be (`consistent`). The Caribbean
    boat of a Monday's three is not a Monday's Caribbean strike on a day the Pacific saw
    none; a fourth Pacific boat of one sentence is no day's only such strike."""
    if d.window is None:
        return False
    for q in told_with.get(p.id, ()):
        day_s = {x.id: x for day in range(d.window[0], d.window[1] + 1)
                 for x in by_day.get(day, ()) if x.id != d.id}
        if not any(consistent(q, x) for x in day_s.values()):
            return True
    return False


#: Passes over the loose incidents: a report placed in one pass takes its strike from the
#: other reports of its article, which may leave one of them a single candidate.
ATTACH_PASSES = 2


#: Days around the latest day an undated page tells of that its other strikes may be on.
PAGE_WINDOW_DAYS = UNDATED_LOOKBACK_DAYS


def with_page_windows(profiles: Sequence[Profile]) -> list[Profile]:
    """The profiles, each loose one with no window given one from its own page.

    A page with no publication date may still date one strike it tells ("On Dec. 15, on
    the orders of ...") while its other reports stay open ("the strike on Tuesday", "the
    vessel was operated by ..."). The page was published on or after the latest day it
    dates, and news tells of the days just before it: its open reports lie within
    PAGE_WINDOW_DAYS of that day, a window like the week before a publication date. Only
    incidents dated to a day count (a month-long span dates nothing); the window is then
    used as a publication date's would be, so a strike of another week is never a
    candidate. A pure function of the profiles, as attaching must be."""
    latest: dict[str, int] = {}
    for p in profiles:
        if p.window is not None and p.window[1] - p.window[0] <= DATED_SPAN_DAYS:
            for a in p.articles:
                latest[a] = max(latest.get(a, p.window[1]), p.window[1])
    out = []
    for p in profiles:
        days = [latest[a] for a in p.articles if a in latest]
        if p.window is None and not p.dated and days:
            day = max(days)
            p = replace(p, window=(day - PAGE_WINDOW_DAYS, day + PAGE_WINDOW_DAYS))
        out.append(p)
    return out


#: The specific words of an incident's reports (`specific_words` of their sentences).
Words = Callable[[Profile], frozenset[str]]

#: A candidate is picked by its words only when its reports share at least this many
#: specific words with the loose one's that no other candidate's reports share. Two is too
#: few: a region's names ("Bari", "Puntland") are shared by every strike told there, and in
#: a small ledger only one of them may be dated (dev ledger: two Puntland strikes merged).
MIN_OWN_WORDS = 3


def specific_words(texts: Iterable[str]) -> frozenset[str]:
    """The words of these sentences rarer than about one per million in general English
    (features.rare_words: place names, "semi-submersible", "Tumaco", a commander's name):
    the details two reports of one strike share and reports of two strikes of one
    campaign mostly do not."""
    return frozenset(rare_words(tokens(" ".join(texts))))


_T = TypeVar("_T")


def _cached(read: Callable[[Profile], _T]) -> Callable[[Profile], _T]:
    """`read` once a profile (by id): the words and operations of one report are compared
    against every other in its block."""
    seen: dict[str, _T] = {}

    def cached(p: Profile) -> _T:
        if p.id not in seen:
            seen[p.id] = read(p)
        return seen[p.id]
    return cached


def by_words(p: Profile, found: Sequence[Profile], among: Sequence[Profile], words: Words
             ) -> list[Profile]:
    """Of the candidates `found` that agree with a loose incident, the one its reports'
    specific words point to: the only one sharing with it at least MIN_OWN_WORDS specific
    words that no other dated incident of `among` (every candidate of its window or zone,
    agreeing or not) holds. Words several of them hold are the campaign's ("Hegseth",
    "narco", "Southcom"), not the strike's. Several or none: an empty list (left apart)."""
    if not found:
        return []
    mine = words(p)
    holders: dict[str, int] = defaultdict(int)
    for d in {d.id: d for d in [*among, *found]}.values():
        for w in mine & words(d):
            holders[w] += 1
    picked = [d for d in found
              if sum(1 for w in mine & words(d) if holders[w] == 1) >= MIN_OWN_WORDS]
    return picked if len(picked) == 1 else []


def _told_with_its_words(p: Profile, d: Profile, among: Sequence[Profile],
                         words: Words | None) -> bool:
    """Whether the one candidate `d` left for a loose incident that gives neither a toll nor
    a place to agree on ("the vessel was operated by a designated terrorist organization")
    is still positively its strike: nothing contradicts, and the specific words of their
    reports point to it and to no other candidate of its window or zone (`by_words`):
    the day, the party and the details a coder would match them by."""
    return words is not None and consistent(p, d) and by_words(p, [d], among, words) == [d]


#: The smallest closed toll that tells one strike of a zone (a country, an acting country,
#: a sea) from the others: tolls of one to four dead are what a campaign's strikes repeat
#: (as for a revision, MIN_REVISED_TOLL).
MIN_TELLING_TOLL = MIN_REVISED_TOLL


def _holding_telling_toll(p: Profile, found: Sequence[Profile]) -> list[Profile]:
    """For a report that nothing dates or places below its zone, the candidates whose toll
    holds its closed toll of MIN_TELLING_TOLL or more ("20 killed" and a dated "18 to
    20"); none for a smaller or an open toll, nor where a candidate holding it has an open
    toll: "at least 13" holds any higher count, another strike's as well, so it tells
    nothing, and it may still be the strike. A hedge of the very figure is that figure
    told: "at least 28" and "28 killed" (either side) are one count, not a floor."""
    if p.killed is None or p.killed[0] < MIN_TELLING_TOLL:
        return []
    if p.killed[1] is None:
        return [d for d in found if _told_figure(d) == p.killed[0]]
    held = [d for d in found if d.killed is not None and _inside(p.killed, d.killed)]
    return held if all(d.killed is not None and
                       (d.killed[1] is not None or d.killed[0] == p.killed[0])
                       for d in held) else []


def _told_figure(p: Profile) -> int | None:
    """The one figure a toll tells: "28 killed" or hedged as "at least 28"; a range
    tells none."""
    if p.killed is None or p.killed[1] not in (None, p.killed[0]):
        return None
    return p.killed[0]


#: Two undated reports have only their toll to tie them (no dated strike vouches for it):
#: a town struck again and again repeats its tolls of five or six, so it takes a larger one.
MIN_PAIRED_TOLL = 10


def _telling_toll_pairs(loose: list[Profile], dated_by_zone: Mapping[str, list[Profile]],
                        guard: Guard | None) -> dict[str, str]:
    """{loose incident id: the loose incident id it joins} for undated pages' reports with
    no window that no dated incident took, sharing a zone, agreeing both ways, one's
    closed toll of MIN_PAIRED_TOLL or more inside the other's ("nineteen killed" and "19
    to 30"; an open toll only with that very floor: "at least 19", never "at least 6"),
    where no dated incident of the zone holds that toll (it could be theirs, or
    another strike's of that toll; a zone over MAX_CUE_CANDIDATES cannot tell) and none of
    them matches a report outside the group (`_whole_groups`)."""
    told = [p for p in loose if p.killed is not None]
    mates = _zone_mates(told, lambda a, b: _telling_toll_match(a, b, dated_by_zone))
    return _whole_groups(mates, loose, guard)


def _telling_toll_match(a: Profile, b: Profile,
                        dated_by_zone: Mapping[str, list[Profile]]) -> bool:
    """Two undated reports one of whose closed toll (MIN_PAIRED_TOLL or more) the other's
    holds, agreeing both ways, and no dated incident of their zones holding it."""
    assert a.killed is not None and b.killed is not None
    told = [p.killed for p in (a, b) if p.killed is not None and p.killed[1] is not None
            and p.killed[0] >= MIN_PAIRED_TOLL]
    if not told or not _inside(a.killed, b.killed) or not (agree(a, b) and agree(b, a)):
        return False
    if any(p.killed is not None and p.killed[1] is None and p.killed[0] < k[0]
           for p in (a, b) for k in told):
        return False  # "at least six" holds any higher count, another strike's as well
    dated = [dated_by_zone.get(zone, []) for zone in set(zone_keys(a)) | set(zone_keys(b))]
    if any(len(group) > MAX_CUE_CANDIDATES for group in dated):
        return False  # a zone too common to vouch that no dated strike holds the toll
    return not any(d.killed is not None and _inside(k, d.killed)
                   for group in dated for d in group for k in told)


def _zone_pool(p: Profile, by_zone: Mapping[str, list[Profile]]) -> list[Profile]:
    """The dated incidents sharing a zone (sea, country, acting country) with a loose one,
    skipping a zone with more than MAX_CUE_CANDIDATES (too common to tell apart, and
    never a scan of a large ledger)."""
    seen: dict[str, Profile] = {}
    for zone in zone_keys(p):
        group = by_zone.get(zone, [])
        if len(group) <= MAX_CUE_CANDIDATES:
            seen.update((d.id, d) for d in group)
    return list(seen.values())


#: Days an announcement may come after the strike it tells of ("said on Saturday" of a
#: Thursday's strike).
ANNOUNCE_LAG_DAYS = 2


def _weekday_fits(p: Profile, d: Profile) -> bool:
    """The weekdays a loose incident names could be the dated one's day or the day of its
    announcement (up to ANNOUNCE_LAG_DAYS later). No weekday named: anything fits."""
    named = {cue[1] for cue in p.cues if cue[0] == "wd"}
    if not named or d.window is None:
        return True
    return any((day + lag + 3) % 7 in named  # 1970-01-01, day 0, was a Thursday (3)
               for day in range(d.window[0], d.window[1] + 1)
               for lag in range(ANNOUNCE_LAG_DAYS + 1))


def _on_its_weekdays(p: Profile, found: list[Profile]) -> list[Profile]:
    """Of a loose incident's candidates in its window, those whose day the weekdays it
    names could be (`_weekday_fits`: the day, or up to ANNOUNCE_LAG_DAYS before), where
    it has a window, names a weekday and some fit; else all of them. A page's window
    spans three weeks, so "on Tuesday" in it is one day of each week: a candidate its
    weekdays rule out could never be placed alone, and is no rival of one they allow."""
    if p.window is None or not any(cue[0] == "wd" for cue in p.cues):
        return found  # over a whole ledger a weekday is no narrowing (the announcement's)
    fitting = [d for d in found if _weekday_fits(p, d)]
    return fitting or found


def _paired(loose: list[Profile], guard: Guard | None, words: Words | None = None
            ) -> dict[str, str]:
    """{loose incident id: the loose incident id it joins}, for the pairs of loose
    incidents that neither a date nor a publication date places, and that are each other's
    only match: they share a calendar cue in a zone ("on Tuesday" in the Caribbean) and
    agree (`agree`: same acting party, target and domain, tolls one inside the other), and
    either the cue is a day of the year ("Sept. 2") or both name places that agree
    positively (the same sea, a town inside the country the other names). A weekday and a
    toll alone are what a campaign repeats, and a third report that could be either leaves
    all of them apart; cue groups larger than MAX_CUE_CANDIDATES are not compared. With
    `words`, MIN_OWN_WORDS specific words the two share and no other of the group holds
    stand in for places that agree (two rewrites of one wire story)."""
    by_cue: dict[tuple[Cue, str], list[Profile]] = defaultdict(list)
    for p in loose:
        for cue in p.cues:
            for zone in zone_keys(p):
                by_cue[cue, zone].append(p)
    mates: dict[str, set[str]] = defaultdict(set)
    for (cue, _zone), group in by_cue.items():
        if len(group) > MAX_CUE_CANDIDATES:
            continue
        for n, first in enumerate(group):
            for second in group[n + 1:]:
                if second.id not in mates[first.id] and \
                        _untimed_match(first, second, cue, group, words):
                    mates[first.id].add(second.id)
                    mates[second.id].add(first.id)
    by_id = {p.id: p for p in loose}
    out: dict[str, str] = {}
    for one, found in mates.items():
        if len(found) != 1:
            continue
        (other,) = found
        if one < other and mates[other] == {one} and \
                (guard is None or guard(by_id[one], by_id[other])):
            out[other] = one
    return out


def _in_its_span(loose: list[Profile], guard: Guard | None) -> dict[str, str]:
    """{undated incident id: the loosely dated incident id it joins}: a report of a page
    with no date that names its day of the year ("a drone attack on November 30 left five
    dead") and a report dated to a span of a few days that holds that day once ("five died
    in a drone strike last week", `NARROWED_SPAN_DAYS`), neither of which a dated incident
    took: the day fits the span as it would a dated strike's day (`_cue_fits`: the very same
    toll, or places that agree positively), and they agree (`agree`). Only where the
    report names one day of the year, the span is the only one it fits, and every report
    the span takes names that same day; merging then dates the strike to that day
    (`merging._named_day`)."""
    spans = [p for p in loose if p.window is not None and not p.page_windowed and
             2 <= p.window[1] - p.window[0] <= NARROWED_SPAN_DAYS]
    if not spans:
        return {}
    by_cue: dict[tuple[Cue, str], list[Profile]] = defaultdict(list)
    for d in spans:
        assert d.window is not None
        for day in range(d.window[0], d.window[1] + 1):
            for cue, zone in _cue_index_keys(d, day):
                if cue[0] == "md":
                    by_cue[cue, zone].append(d)
    by_id = {d.id: d for d in spans}
    takers: dict[str, list[Profile]] = defaultdict(list)
    for p in loose:
        named = frozenset(cue for cue in p.cues if cue[0] == "md")
        if p.window is not None or len(named) != 1:
            continue
        found = [d for d in _cue_candidates(replace(p, cues=named), by_cue) if agree(p, d)]
        if len(found) == 1:
            takers[found[0].id].append(p)
    out: dict[str, str] = {}
    for span_id, found in takers.items():
        days = {cue for p in found for cue in p.cues if cue[0] == "md"}
        if len(days) == 1 and all(guard is None or guard(p, by_id[span_id]) for p in found):
            out.update((p.id, span_id) for p in found)
    return out


def _one_town_pairs(loose: list[Profile], guard: Guard | None) -> dict[str, str]:
    """{loose incident id: the loose incident id it joins} for loosely dated reports that
    no dated incident took ("last week" on a page published weeks after a strike that no
    page of the ledger dates, "el sábado" on an undated one): every two of the group match
    (`_one_town_match`: one town, windows that meet or a day or tolls to tie them, `agree`
    both ways) and none matches a report outside it. A report that could be either of two
    that do not match each other ("five or six dead" beside "five" and "six") leaves all
    apart. Zones of more than MAX_CUE_CANDIDATES are not compared."""
    return _whole_groups(_zone_mates(loose, _one_town_match), loose, guard)


def _zone_mates(loose: Sequence[Profile], match: Guard) -> dict[str, set[str]]:
    """Which loose reports match which, compared within each zone they share (zones of
    more than MAX_CUE_CANDIDATES are not compared: too many strikes to tell apart)."""
    by_zone: dict[str, list[Profile]] = defaultdict(list)
    for p in loose:
        for zone in zone_keys(p):
            by_zone[zone].append(p)
    mates: dict[str, set[str]] = defaultdict(set)
    for group in by_zone.values():
        if len(group) > MAX_CUE_CANDIDATES:
            continue
        for n, a in enumerate(group):
            for b in group[n + 1:]:
                if b.id not in mates[a.id] and match(a, b):
                    mates[a.id].add(b.id)
                    mates[b.id].add(a.id)
    return mates


def _one_town_match(a: Profile, b: Profile) -> bool:
    """Two loosely dated reports can be one strike: both placed in one town
    (`features.same_locality`, never a sea or a country a campaign shares), agreeing both
    ways (`agree`: party, target, domain, tolls one inside the other), and their windows
    overlap; where one has none, both give a toll; where neither has, they name one day
    (a town a campaign strikes again and again repeats its tolls, not the days told)."""
    if a.window is not None and b.window is not None:
        if a.window[0] > b.window[1] or b.window[0] > a.window[1]:
            return False
    elif a.window is None and b.window is None:
        if not a.cues & b.cues:
            return False
    elif not (a.killed and b.killed):
        return False
    return same_locality(a.place, b.place) and agree(a, b) and agree(b, a)


def _whole_groups(mates: Mapping[str, set[str]], loose: list[Profile],
                  guard: Guard | None) -> dict[str, str]:
    """{member id: the group's first id} for every group of loose reports in which each
    matches every other (`mates`) and none matches one outside it, that the guard lets
    join: a report that could be either of two that do not match each other leaves all
    apart."""
    by_id = {p.id: p for p in loose}
    out: dict[str, str] = {}
    for one in sorted(mates):
        members = {one} | mates[one]
        if min(members) != one or any(mates[m] | {m} != members for m in members):
            continue  # not the group's first, or not a group where all match all
        if guard is not None and not all(guard(by_id[one], by_id[m]) for m in members):
            continue
        out.update((m, one) for m in members if m != one)
    return out


#: Two undated reports are one strike by their words when they share at least this many
#: specific words that only reports agreeing with both hold.
MIN_SHARED_NAMES = 2


def _windows_apart(a: Profile, b: Profile) -> bool:
    """Both have windows (a page's) and they do not overlap."""
    return a.window is not None and b.window is not None and \
        (a.window[0] > b.window[1] or b.window[0] > a.window[1])


def _named_alike(loose: list[Profile], everyone: Sequence[Profile], guard: Guard | None,
                 words: Words) -> dict[str, str]:
    """{loose incident id: the loose incident id it joins} for groups of reports that no
    date places (`window` None, or only their pages' window, overlapping) told with the
    same rare names ("Jabouri", "Aydd"; "Sokoto",
    "ISSP"): every two of the group agree both ways (`agree`: party, target, domain, tolls
    one inside the other, and the toll or the place agreeing) and share at least
    MIN_SHARED_NAMES specific words that no report disagreeing with either of them holds
    in their zone (a campaign's words, "Hegseth", "narco", are held by reports of other
    tolls and seas, and tell nothing), and none of the group has such a match outside it.
    Zones with more than MAX_CUE_CANDIDATES reports are not compared."""
    undated = {p.id for p in loose}
    wanted = {zone for p in loose for zone in zone_keys(p)}
    by_zone: dict[str, list[Profile]] = defaultdict(list)
    for p in everyone:
        for zone in zone_keys(p):
            if zone in wanted:
                by_zone[zone].append(p)
    mates: dict[str, set[str]] = defaultdict(set)
    for group in by_zone.values():
        if len(group) > MAX_CUE_CANDIDATES:
            continue
        holders: dict[str, list[Profile]] = defaultdict(list)
        for p in group:
            for w in words(p):
                holders[w].append(p)
        cands = [p for p in group if p.id in undated]
        for n, a in enumerate(cands):
            for b in cands[n + 1:]:
                if b.id in mates[a.id] or not (agree(a, b) and agree(b, a)) or \
                        _windows_apart(a, b):
                    continue
                names = [w for w in words(a) & words(b)
                         if all(h.id in (a.id, b.id) or (agree(a, h) and agree(b, h))
                                for h in holders[w])]
                if len(names) >= MIN_SHARED_NAMES:
                    mates[a.id].add(b.id)
                    mates[b.id].add(a.id)
    return _whole_groups(mates, loose, guard)


def _untimed_match(a: Profile, b: Profile, cue: Cue, group: Sequence[Profile] = (),
                   words: Words | None = None) -> bool:
    """Two loose reports sharing the calendar cue `cue` can be one strike (see _paired)."""
    if not agree(a, b) or not agree(b, a):
        return False
    if cue[0] == "md" or places_compatible(a.place, b.place) is True:
        return True
    others = [g for g in group if g.id != a.id]
    return words is not None and by_words(a, [b], others, words) == [b]


def _told_alike(a: Profile, b: Profile) -> bool:
    """Nothing a report of the strike could match tells these two incidents apart."""
    return (a.killed, a.strikes, a.window, a.actor_country, a.target_kind, a.domain) == \
        (b.killed, b.strikes, b.window, b.actor_country, b.target_kind, b.domain) and \
        (a.place.sea, a.place.country, a.place.lat, a.place.lon) == \
        (b.place.sea, b.place.country, b.place.lat, b.place.lon)


def siblings(p: Profile, found: list[Profile], given: Mapping[str, set[str]]
             ) -> list[Profile]:
    """Among candidates that are strikes one article told alike ("two strikes on Sunday
    against two boats": two incidents that article keeps apart, the same in every field),
    the loose report is one of them and which is immaterial: it takes the first (by id) that
    no other report of its own article has taken, so a second report of the day's strikes
    pairs with the second strike. Candidates that differ in anything (a toll, a sea, the
    vessels) are left for the evidence to tell apart, never chosen between here."""
    if len(found) < 2:
        return found
    shared = frozenset.intersection(*(d.articles for d in found))
    if not shared or not all(_told_alike(found[0], d) for d in found[1:]):
        return found
    free = sorted((d for d in found if not given.get(d.id, set()) & p.articles),
                  key=lambda d: d.id)
    return free[:1]


def by_toll(p: Profile, found: list[Profile]) -> list[Profile]:
    """Several candidates in its window, each with a toll of its own: the one whose toll
    holds the loose report's, if only one does, else the one whose toll is the very same.

    One strike's tolls often conflict, so a candidate with another toll is no proof that the
    one with this toll is it, while a candidate with no toll could be it with any toll:
    the toll tells candidates apart only when every one of them states one and the loose
    report states a closed one ("3 killed", not "at least 3"). Two strikes of one day with
    tolls 3 and 4 are two incidents, and a report of 4 dead is the second's; a report of
    3 or 4 among strikes of 2, 3 and 4 stays apart.
    """
    told = p.killed
    if len(found) < 2 or told is None or told[1] is None or \
            any(d.killed is None for d in found):
        return found
    holding = [d for d in found if d.killed is not None and _inside(told, d.killed)]
    if len(holding) < 2:
        return holding or found
    same = [d for d in holding if d.killed == told]
    return same if len(same) == 1 else holding


def _pool(p: Profile, by_day: Mapping[int, list[Profile]],
          by_sea: Mapping[str, list[Profile]]) -> list[Profile] | None:
    """The dated incidents in a loose one's window (None: it cannot be placed)."""
    if p.window is not None:
        seen = {d.id: d for day in range(p.window[0], p.window[1] + 1)
                for d in by_day.get(day, ())}
        return list(seen.values())
    if p.published is None and p.killed is not None and p.killed[1] is not None and \
            p.place.sea:
        # no date, no publication date: only a toll and a sea to go on, and the one
        # candidate of the whole ledger that agrees on both (a land campaign repeats its
        # tolls in one country too often for a country to stand in for the sea); a span too
        # wide to place ("in 2026") on a page of known day is not this: a strike after the
        # page cannot be its strike
        return [d for d in by_sea.get(p.place.sea, ())
                if d.killed is not None and _inside(p.killed, d.killed)]
    return None


def _cue_candidates(p: Profile, by_cue: Mapping[tuple[Cue, str], list[Profile]]
                    ) -> list[Profile]:
    """The dated incidents on a day a loose one's calendar cues name, with the very same
    toll: a weekday alone leaves a seventh of the ledger, a day of the year may be another
    year's or another event's that the sentence recalls ("the first strike, on Sept. 2"),
    and the weekday a sentence names is often the announcement's ("on Monday HRW said a
    strike last month killed 3 to 17"), so a toll range merely overlapping is no proof."""
    seen: dict[str, Profile] = {}
    for cue in p.cues:
        for zone in _cue_zones(p, cue):
            found = by_cue.get((cue, zone), [])
            if len(found) > MAX_CUE_CANDIDATES:
                continue
            seen.update((d.id, d) for d in found if _cue_fits(p, d, cue))
    return list(seen.values())


#: The zone a day of the year is looked up in whatever the reports' zones: a report of an
#: undated page may name no sea, country or party of its own ("the boat it struck was
#: crewed by ..."), or open water ("international waters") where its sibling names the sea.
ANY_ZONE = "*"


def _cue_index_keys(d: Profile, day: int) -> list[tuple[Cue, str]]:
    """The (cue, zone) keys a dated incident is found by on one of its days: its weekday
    and its day of the year in each of its zones, and its day of the year in ANY_ZONE too.
    A day of the year names one day of the calendar (a few strikes of an archive, each
    year), so it needs no zone to bound the candidates; a weekday (a seventh of the
    archive) does."""
    weekday, of_year = day_cues(day)
    keys = [(cue, zone) for cue in (weekday, of_year) for zone in zone_keys(d)]
    keys.append((of_year, ANY_ZONE))
    return keys


def _cue_zones(p: Profile, cue: Cue) -> list[str]:
    """Where a loose incident's cue looks for candidates: its own zones; for a day of the
    year, any zone (`_cue_index_keys`; `_cue_fits` still asks for the toll or a place)."""
    zones = zone_keys(p)
    return [*zones, ANY_ZONE] if cue[0] == "md" else zones


def _cue_fits(p: Profile, d: Profile, cue: Cue) -> bool:
    """Whether a dated incident on a day the cue names can be the loose one's strike.

    Any cue: the very same toll, or, where both are placed in one town
    (`features.same_locality`), one toll inside the other. A day of the year ("Dec. 15",
    "el 23 de enero") names one day of the calendar, not one of every seven, so where
    either report gives no toll a place that agrees positively (the same sea; a town in
    the country the other names) stands in for it, or, where the loose report names no
    place at all, the same acting country and domain (`parties_agree`: "On Sept. 2 U.S.
    forces struck a boat"). Two tolls that differ still rule it out: a recalled day ("the
    first strike, on Sept. 2") or the same day of another year is another strike.
    """
    if p.killed is not None and d.killed is not None:
        # the very same toll; or, in one town, one toll inside the other (a first count
        # and its revision, "three" and "one to three"): a town struck on the day named is
        # no campaign's repeated sea and weekday; a day of the year with places that agree
        # positively lets one toll hold the other too (`_day_of_year_fits`)
        return d.killed == p.killed or (same_locality(p.place, d.place) and
                                        tolls_meet(p, d)) or \
            _day_of_year_fits(p, d, cue)
    return cue[0] == "md" and (places_compatible(p.place, d.place) is True or
                               parties_agree(p, d))


def _day_of_year_fits(p: Profile, d: Profile, cue: Cue) -> bool:
    """A day of the year ("Dec. 17", "el 23 de enero") and a toll one inside the other
    ("four killed" beside "at least four"), with places that agree positively (the same
    sea, a town in the country the other names): where no toll at all would do with such
    places (`_cue_fits`), a toll that holds the other's is no less. A weekday never does
    (a campaign's sea sees a strike of a like toll every week)."""
    return cue[0] == "md" and p.killed is not None and d.killed is not None and \
        _inside(p.killed, d.killed) and places_compatible(p.place, d.place) is True


def attached_groups(profiles: Iterable[Profile], reviews: Iterable[Review] = (),
                    words: Words | None = None, operations: Operations | None = None,
                    model: Model | None = None) -> dict[str, list[str]]:
    """{dated incident id: the loose incident ids joining it}."""
    groups: dict[str, list[str]] = defaultdict(list)
    for loose_id, dated_id in attachments(profiles, review_guard(reviews), words,
                                          operations, model).items():
        groups[dated_id].append(loose_id)
    return dict(groups)


def profiles(incidents: Iterable[Incident], texts: Texts | None = None) -> list[Profile]:
    """Profiles of the incidents that take part."""
    return [p for p in (profile(i, texts) for i in incidents) if p is not None]


def mention_texts(mentions: Mapping[str, Mention]) -> Texts:
    """`Texts` from mentions at hand: the sentences every report of the incident rests on."""
    def texts(inc: Incident) -> list[str]:
        return [s.text for mid in inc.mention_ids if mid in mentions
                for s in mentions[mid].spans if s.text]
    return texts


def mention_words(mentions: Mapping[str, Mention]) -> Words:
    """`Words` from mentions at hand."""
    def words(p: Profile) -> frozenset[str]:
        return specific_words(s.text for mid in sorted(p.mentions) if mid in mentions
                              for s in mentions[mid].spans if s.text)
    return words


def mention_operations(mentions: Mapping[str, Mention]) -> Operations:
    """`Operations` from mentions at hand."""
    def operations(p: Profile) -> list[Features]:
        return [operation_fields(mentions[mid]) for mid in sorted(p.mentions)
                if mid in mentions]
    return operations


def mention_model(feats: Callable[[str], Features | None]) -> Model:
    """`Model` from the linking features of reports (`feats`: a mention id's, None where
    not at hand): every report pair of the two incidents scored in one batch by the linking
    model (`linking.pair_probabilities`); a pair is linked where one report pair reaches
    LINK_THRESHOLD and none breaks a cannot-link rule (`hard_conflict`)."""
    def model(asks: Sequence[tuple[Profile, Profile]]) -> list[bool]:
        pairs: list[tuple[Features, Features]] = []
        spans: list[tuple[int, int] | None] = []
        for p, d in asks:
            left = [f for f in (feats(m) for m in sorted(p.mentions)) if f is not None]
            right = [f for f in (feats(m) for m in sorted(d.mentions)) if f is not None]
            both = [(a, b) for a in left for b in right]
            if not both or any(hard_conflict(a, b) is not None for a, b in both):
                spans.append(None)
                continue
            spans.append((len(pairs), len(pairs) + len(both)))
            pairs += both
        probs = pair_probabilities(pairs)
        return [span is not None and max(probs[span[0]:span[1]]) >= LINK_THRESHOLD
                for span in spans]
    return model


def _cues_fit(p: Profile, d: Profile) -> bool:
    """Whether the days an undated page's sentences name can be a dated incident's: a day
    of the year it names is that strike's day (another day's strike is not it, as for a
    cue's candidates), a weekday the strike's or its announcement's (`_weekday_fits`);
    either may be a day before the candidate's, which another report dated a day late."""
    if not p.cues or d.window is None:
        return True
    days = range(d.window[0] - 1, d.window[1] + 1)  # a strike a report dates a day late
    named = {cue for cue in p.cues if cue[0] == "md"}
    if named:
        return any(day_cues(day)[1] in named for day in days)
    weekdays = {cue[1] for cue in p.cues}
    return any((day + lag + 3) % 7 in weekdays  # 1970-01-01, day 0, was a Thursday (3)
               for day in days for lag in range(ANNOUNCE_LAG_DAYS + 1))


def attach_incidents(incidents: list[Incident], mentions: Mapping[str, Mention],
                     articles: Mapping[str, Article], reviews: Iterable[Review] = (),
                     known: Iterable[Profile] | None = None,
                     feats: Mapping[str, Features] | None = None) -> list[Incident]:
    """The machine incidents (by id) with each attached group merged into one incident,
    rebuilt from all its mentions as clustering would have built it. `known`: the
    incidents' profiles, where the caller keeps them (the incremental resolver does);
    `feats`: the mentions' linking features, where the caller keeps them."""
    def feature_of(mid: str) -> Features | None:
        if feats is not None:
            return feats[mid] if mid in mentions else None
        m = mentions.get(mid)
        return None if m is None else features(m, articles.get(m.article_id))

    groups = attached_groups(
        profiles(incidents, mention_texts(mentions)) if known is None else known, reviews,
        mention_words(mentions), mention_operations(mentions), mention_model(feature_of))
    if not groups:
        return incidents
    by_id = {i.id: i for i in incidents}
    gone: set[str] = set()
    joined = []
    for dated_id, loose_ids in groups.items():
        ids = [dated_id, *loose_ids]
        gone.update(ids)
        members = sorted(m for iid in ids for m in by_id[iid].mention_ids)
        joined.append(build_incident([mentions[m] for m in members], articles))
    return sorted([i for i in incidents if i.id not in gone] + joined, key=lambda i: i.id)
