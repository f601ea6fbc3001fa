"""Benchmark: resolution time for 10k and 100k synthetic mentions, and the growth ratio.

The synthetic archive keeps the density of reporting constant (about 140 event mentions a
day over 5 seas and 45 land areas, 1-5 reports per event, wire copies, conflicting tolls, a few
undated or imprecisely placed reports): a ten times larger archive covers ten times as many
days. That is how a ledger grows, and it is what blocking is for: the pairs compared grow with
the reports per day and area, not with the square of the archive. Near-linear growth means a
10x ratio of time for 10x the mentions (a quadratic method would show ~100x).

Also printed: the candidate links, pairwise precision/recall of the linking against the
generator's truth, and the time to add three more mentions incrementally to the resolved
archive (resolve_incremental re-scores only their neighbourhood, but re-applies reviews and
re-reconciles tallies over the whole ledger).
Run: PYTHONPATH=. python bench/resolve.py [--sizes 10000 100000] [--undated-pages 0.5]
(`--undated-pages`: that share of pages carry no publication date, as about half do in
real copy; their reports reach attaching's signal blocking, `attaching._by_signals`)
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta
from itertools import combinations

from strikewatch.records import Actor, Article, Mention, Place, Span
from strikewatch.resolve import resolve_incremental, resolve_state

ZONES: list[tuple[str, dict[str, object]]] = [
    ("Caribbean Sea", {"kind": "sea", "geo_precision": 6, "latitude": 15.0, "longitude": -73.0}),
    ("Eastern Pacific", {"kind": "sea", "geo_precision": 6, "latitude": 10.0, "longitude": -95.0}),
    ("Gulf of Aden", {"kind": "sea", "geo_precision": 6, "latitude": 12.5, "longitude": 48.0}),
    ("Red Sea", {"kind": "sea", "geo_precision": 6, "latitude": 20.0, "longitude": 38.5}),
    ("Mediterranean Sea", {"kind": "sea", "geo_precision": 6, "latitude": 35.0,
                           "longitude": 18.0}),
    ("Marib", {"country": "YE", "geo_precision": 1, "latitude": 15.46, "longitude": 45.33}),
    ("Jilib", {"country": "SO", "geo_precision": 1, "latitude": 0.49, "longitude": 42.77}),
    ("Al-Qaim", {"country": "IQ", "geo_precision": 1, "latitude": 34.37, "longitude": 41.1}),
    ("Idlib", {"country": "SY", "geo_precision": 1, "latitude": 35.93, "longitude": 36.63}),
    ("Mir Ali", {"country": "PK", "geo_precision": 1, "latitude": 32.99, "longitude": 70.27}),
    ("Kandahar", {"country": "AF", "geo_precision": 1, "latitude": 31.61, "longitude": 65.71}),
    ("Gao", {"country": "ML", "geo_precision": 1, "latitude": 16.27, "longitude": -0.04}),
    ("Maiduguri", {"country": "NG", "geo_precision": 1, "latitude": 11.85, "longitude": 13.16}),
    ("Kharkiv", {"country": "UA", "geo_precision": 1, "latitude": 49.99, "longitude": 36.23}),
    ("El Fasher", {"country": "SD", "geo_precision": 1, "latitude": 13.63, "longitude": 25.35}),
]
# 35 more land areas spread over a belt of conflict-affected countries (synthetic centres)
_R = random.Random(5)
ZONES += [
    (f"Province {i}", {"country": cc, "geo_precision": 1, "latitude": _R.uniform(-10, 45),
                       "longitude": _R.uniform(-15, 75)})
    for i, cc in enumerate(("AF DZ AO BF BI CD CF CM ET ER IR IQ LB LY ML MZ NE NG PK PS "
                            "SD SS SO SY TD UA YE KE UG EG TN MA LR SL GN").split())
]
ACTORS = [("US forces", "US"), ("Saudi-led coalition", "SA"), ("Russian forces", "RU"),
          ("Turkish forces", "TR"), ("Rapid Support Forces", None), ("Houthis", None),
          ("Pakistani military", "PK"), ("Israeli forces", "IL")]
TARGETS = ["vessel", "vehicle", "building", "group", "facility"]
VERBS = ["struck", "hit", "bombed", "attacked", "targeted", "destroyed"]
NOUNS = {"vessel": ["boat", "speedboat", "vessel", "skiff"], "vehicle": ["car", "truck", "convoy"],
         "building": ["house", "market", "school"], "group": ["fighters", "camp", "meeting"],
         "facility": ["depot", "lab", "warehouse"]}
FILLER = ("officials residents witnesses medics said reported confirmed according local "
          "regional sources early morning night aircraft drone missile strike raid attack "
          "people dead killed wounded civilians crew aboard near outskirts village coast").split()
PER_DAY = 140
START = date(2020, 1, 1)


def synth(
    n: int, seed: int = 1, days: int | None = None, undated_pages: float = 0.0
) -> tuple[list[Mention], dict[str, Article], dict[str, int]]:
    """n event mentions of about n/2.7 events; returns mentions, articles, mention -> event.
    `undated_pages`: the share of pages with no publication date (a mirror, a rewrite),
    whose reports are undated too: what attaching's signal blocking compares."""
    rng = random.Random(seed)
    days = days or max(1, n // PER_DAY)
    # event-specific words (names, details): pseudo-words, rare in English like real names
    lexicon = sorted({"".join(rng.choice("bdfgkmnprstvz") + rng.choice("aeiou")
                              for _ in range(3)) for _ in range(6000)})
    mentions: list[Mention] = []
    articles: dict[str, Article] = {}
    truth: dict[str, int] = {}
    ev = 0
    while len(mentions) < n:
        ev += 1
        day = START + timedelta(days=rng.randrange(days))
        zname, zplace = rng.choice(ZONES[:5]) if rng.random() < 0.2 else rng.choice(ZONES[5:])
        at_sea = zplace.get("kind") == "sea"
        lat = float(zplace["latitude"]) + rng.uniform(-3, 3)  # type: ignore[arg-type]
        lon = float(zplace["longitude"]) + rng.uniform(-3, 3)  # type: ignore[arg-type]
        actor, acountry = rng.choice(ACTORS)
        target = "vessel" if at_sea else rng.choice(TARGETS[1:])
        killed = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12])
        noun = rng.choice(NOUNS[target])
        specific = rng.sample(lexicon, 4)
        wire_text = ""
        for r in range(rng.choice([1, 2, 2, 3, 3, 4, 5])):
            if len(mentions) >= n:
                break
            published = day + timedelta(days=rng.choice([0, 1, 1, 2]))
            words = [rng.choice(VERBS), noun, *rng.sample(specific, 3), *rng.sample(FILLER, 6),
                     zname, day.strftime("%A")]
            text = " ".join(words)
            origin = ""
            if r == 1 and rng.random() < 0.3:
                text, origin = "WIRE " + wire_text, f"wire-{ev}"
                articles[f"a{ev}-0"] = articles[f"a{ev}-0"].model_copy(
                    update={"origin_id": origin})
            if r == 0:
                wire_text = text
            aid = f"a{ev}-{r}"
            # drawn only when asked, so the default archive is the one measured before
            undated_page = undated_pages > 0 and rng.random() < undated_pages
            articles[aid] = Article(id=aid, text=text, origin_id=origin,
                                    published=None if undated_page else published.isoformat())
            if at_sea and rng.random() < 0.5:
                place = Place(name=zname, **zplace)  # type: ignore[arg-type]
            elif rng.random() < 0.2:  # only the province / sea area given
                place = Place(name=f"{zname} area", country=zplace.get("country"),  # type: ignore[arg-type]
                              kind="admin area", geo_precision=4, latitude=lat + rng.uniform(-1, 1),
                              longitude=lon + rng.uniform(-1, 1))
            else:
                place = Place(name=f"{zname} {specific[0]}", country=zplace.get("country"),  # type: ignore[arg-type]
                              kind="other" if at_sea else "populated place",
                              geo_precision=2 if at_sea else 1,
                              latitude=lat + rng.uniform(-0.1, 0.1),
                              longitude=lon + rng.uniform(-0.1, 0.1))
            k = killed if rng.random() > 0.1 else killed + rng.choice([1, 2, 3])
            dated = rng.random() > 0.05 and not undated_page
            m = Mention(
                article_id=aid, event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike", target_kind=target,  # type: ignore[arg-type]
                domain="sea" if at_sea else "land",
                date_low=day.isoformat() if dated else None,
                date_high=day.isoformat() if dated else None, time_precision=1 if dated else None,
                place=place, actor1=Actor(name=actor, country=acountry) if rng.random() > 0.2
                else None, killed_low=k, killed_high=k,
                spans=[Span(article_id=aid, start=0, end=len(text), text=text)],
            )
            mentions.append(m)
            truth[m.id] = ev
    return mentions, articles, truth


def pairwise(incidents_ids: list[list[str]], truth: dict[str, int]) -> tuple[float, float]:
    pred = {p for ids in incidents_ids for p in combinations(sorted(ids), 2)}
    by: dict[int, list[str]] = {}
    for mid, ev in truth.items():
        by.setdefault(ev, []).append(mid)
    true = {p for ids in by.values() for p in combinations(sorted(ids), 2)}
    hit = len(pred & true)
    return (hit / len(pred) if pred else 1.0, hit / len(true) if true else 1.0)


def main() -> None:
    ap = argparse.ArgumentParser(description="resolution time vs number of mentions")
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--undated-pages", type=float, default=0.0,
                    help="share of pages with no publication date (default 0)")
    args = ap.parse_args()
    warm, warm_articles, _ = synth(300, seed=99)
    resolve_state(warm, warm_articles)  # imports, DuckDB start-up: not part of the timing
    times: list[float] = []
    for n in args.sizes:
        mentions, articles, truth = synth(n, undated_pages=args.undated_pages)
        t0 = time.perf_counter()
        state = resolve_state(mentions, articles)
        dt = time.perf_counter() - t0
        times.append(dt)
        p, r = pairwise([i.mention_ids for i in state.incidents], truth)
        print(f"{n:>7} mentions: {dt:7.2f} s  ({dt / n * 1e6:6.1f} us/mention)  "
              f"candidate links {len(state.edges()):>7}  incidents {len(state.incidents):>6}  "
              f"pairwise precision {p:.3f} recall {r:.3f}")
        # one more article's worth of reports, added incrementally
        extra, extra_articles, _ = synth(n + 3, seed=1, days=max(1, n // PER_DAY),
                                         undated_pages=args.undated_pages)
        new = extra[n:]
        t0 = time.perf_counter()
        resolve_incremental(state, new, {m.article_id: extra_articles[m.article_id]
                                         for m in new})
        print(f"{'':>7}   + {len(new)} new mentions incrementally: "
              f"{time.perf_counter() - t0:6.2f} s")
    if len(times) >= 2:
        growth = times[-1] / times[0]
        size = args.sizes[-1] / args.sizes[0]
        print(f"growth: {growth:.2f}x time for {size:.0f}x mentions "
              f"(linear = {size:.0f}x, quadratic = {size * size:.0f}x)")


if __name__ == "__main__":
    main()
