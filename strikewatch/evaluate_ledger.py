"""Score the *ledger* built from many articles, as /work/ledger-gold-format.md describes.

`strikewatch eval` scores each article on its own; what a reader of the ledger sees is the
incidents after resolution across articles: one per real strike, with its date and toll,
the reports of one strike merged, no false strikes. Unlike `strikewatch eval`, one
article's result here rightly depends on the others ingested with it (resolution merges
across articles; an undated copy takes its origin's date); the scoring itself depends only
on the ledger built, not on the order of its incidents or the run. A ledger gold file names the
per-article gold files to ingest together and lists the real strikes they report, each
with the expect entries (`<gold file>#<key>`) that report it.

The articles go into a fresh SQLite store through `pipeline.run` (what `strikewatch
ingest` runs), each with its gold's `published`, `url` and `publisher`. An incident
reports a strike when one of its provenance spans in an article overlaps the evidence of
an expect entry the strike names (evaluate.aligned_entries, the per-article scorer's
alignment; a span overlapping several entries goes to those whose fields the incident has
most right). The measures are issue 14's table:

- strikes found: a violent occurred incident reports it, dated within a day of it, with a
  toll and a sea/country that do not contradict it (the *best* incident: found first, then
  the one that carries most of its reports);
- precision: violent occurred incidents that are some strike's best incident, over all
  violent occurred incidents (the rest are duplicates of a strike or false);
- date exact (over the strikes whose day the gold knows) / toll exact on the best
  incident, over all strikes;
- merged: strikes with two or more reports in the ledger (reports that gave a violent
  occurred incident; the others are extraction misses, counted under found) whose
  reports all landed in one incident; and, finer, the pairs of such reports that share an
  incident;
- duplicates: for each strike, the violent occurred incidents reporting it beyond one;
- from no-strike articles: false incidents that articles reporting no strike (plans,
  threats, opinion) gave;
- crashed: articles whose extraction failed or that ingest skipped.

Strikes the gold tells with the very same evidence (a day's strikes told in one sentence,
"three strikes on four boats", coded one entry per strike) cannot be told apart by
alignment: an incident made from that sentence reports all of them. Such *tied* strikes
(reports in one article whose evidence spans are the same, linked into classes across
articles) share their incidents one to one instead: a maximum bipartite matching between
the class's strikes and the incidents its tied reports reach, preferring for each pair the
incident that the strike's other, untied reports also reach, then one found, date exact and
toll exact for the strike; ties go by id order, so the same ledger scores the same. An
incident the matching leaves over goes to the strike it fits best, as a duplicate of it.
So k distinct incidents for k tied strikes are k strikes found, not k over-merges, and one
incident for three tied strikes is one strike's (the other two are missed from that
sentence). An incident that also holds an untied report of another strike still counts as
over-merged.

`-v` (the score's `details`) names each strike split over incidents (SPLIT), missed
(MISSED: no incident, or the best one not found), each over-merged and false incident, and
for a found strike whose best incident has the day or the toll off, DATE / TOLL lines: the
field errors behind the date-exact and toll-exact measures.

"Violent occurred": status occurred, not background, and an event type that is not a
strategic development, protest or riot (a strike with no type still counts).

`other_events` (optional in a ledger gold): violent events the articles tell that are not
strikes of the ledger (the bombing a strike page says the strike came after, told with its
own day), each `{"id", "reports"}` naming expect or optional entries. An incident that
reports one of them and no strike is neither required nor false: it is left out of the
violent occurred incidents (precision's denominator) and named in `-v` as OTHER.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scipy.optimize import linear_sum_assignment

from strikewatch.evaluate import (
    GoldError,
    aligned_entries,
    evidence_spans,
    load_gold,
    record_spans,
    resolve_article_file,
)
from strikewatch.records import NOT_VIOLENT_TYPES, Article, Incident, Place
from strikewatch.resolve.features import day_number, sea_key

if TYPE_CHECKING:
    from strikewatch.store import Store


@dataclass
class Strike:
    """One real strike of a ledger gold file."""

    id: str
    date_low: str | None
    date_high: str | None
    killed_low: int | None
    killed_high: int | None
    place_country: str | None
    sea: str | None
    reports: list[str]


@dataclass
class LedgerGold:
    path: Path
    about: str
    golds: list[Path]
    strikes: list[Strike]
    #: violent events that are no strike of the ledger: id -> reports (module doc)
    other_events: dict[str, list[str]] = field(default_factory=dict)


def load_ledger_gold(path: Path) -> LedgerGold:
    """Read and check a ledger gold file: every report names a listed gold file and one of
    its expect keys, and no report belongs to two strikes."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldError(f"{path}: cannot read ledger gold JSON: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("gold"), list) \
            or not isinstance(data.get("strikes"), list):
        raise GoldError(f"{path}: a ledger gold needs a 'gold' list and a 'strikes' list")
    golds = [(path.parent / str(g)).resolve() for g in data["gold"]]
    keys: dict[str, set[str]] = {}
    optional_keys: dict[str, set[str]] = {}
    for g in golds:
        try:
            gold = json.loads(g.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise GoldError(f"{path}: listed gold {g.name}: {e}") from e
        keys[g.name] = {str(e.get("key")) for e in gold.get("expect") or []}
        optional_keys[g.name] = {str(e.get("key")) for e in gold.get("optional") or []}
    strikes: list[Strike] = []
    owner: dict[str, str] = {}
    for s in data["strikes"]:
        try:
            strike = Strike(id=str(s["id"]), date_low=s.get("date_low"),
                            date_high=s.get("date_high"), killed_low=s.get("killed_low"),
                            killed_high=s.get("killed_high"),
                            place_country=s.get("place_country"), sea=s.get("sea"),
                            reports=[str(r) for r in s["reports"]])
        except (KeyError, TypeError) as e:
            raise GoldError(f"{path}: strike {s!r:.80}: missing or bad field {e}") from e
        for r in strike.reports:
            name, _, key = r.partition("#")
            if name not in keys:
                raise GoldError(f"{path}: strike {strike.id}: report {r!r} names a gold file "
                                "not in the 'gold' list")
            if key not in keys[name]:
                raise GoldError(f"{path}: strike {strike.id}: report {r!r}: no expect entry "
                                f"with key {key!r} in {name}")
            if r in owner:
                raise GoldError(f"{path}: report {r!r} is listed under two strikes "
                                f"({owner[r]}, {strike.id})")
            owner[r] = strike.id
        strikes.append(strike)
    others = _load_other_events(path, data.get("other_events") or [], keys, optional_keys,
                                owner)
    return LedgerGold(path, str(data.get("about") or ""), golds, strikes, others)


def _load_other_events(path: Path, raw: Any, keys: Mapping[str, set[str]],
                       optional_keys: Mapping[str, set[str]],
                       owner: Mapping[str, str]) -> dict[str, list[str]]:
    """Check a ledger gold's `other_events`: each report names a listed gold file and one of
    its expect or optional keys (a recalled bombing is often coded optional per article),
    and none is also a strike's report."""
    if not isinstance(raw, list):
        raise GoldError(f"{path}: 'other_events' must be a list")
    out: dict[str, list[str]] = {}
    for ev in raw:
        try:
            eid, reports = str(ev["id"]), [str(r) for r in ev["reports"]]
        except (KeyError, TypeError) as e:
            raise GoldError(f"{path}: other event {ev!r:.80}: missing or bad field {e}") from e
        for r in reports:
            name, _, key = r.partition("#")
            if key not in keys.get(name, set()) | optional_keys.get(name, set()):
                raise GoldError(f"{path}: other event {eid}: report {r!r}: no expect or "
                                "optional entry with that key in a listed gold file")
            if r in owner:
                raise GoldError(f"{path}: report {r!r} is both strike {owner[r]}'s and "
                                f"other event {eid}'s")
        out[eid] = reports
    return out


# --- building the ledger ------------------------------------------------------------------

def article_input(gold_path: Path) -> dict[str, Any]:
    """The article-input object (spec/records.md) a user would hand `ingest` for this gold:
    the article file's own content (text, or html from a .json) with the gold's metadata."""
    gold, _ = load_gold(gold_path)  # checks the gold and its article file
    meta = gold["article"]
    file = resolve_article_file(gold_path, meta["file"])
    if file.suffix.lower() == ".json":
        item = dict(json.loads(file.read_text(encoding="utf-8")))
    else:
        item = {"text": file.read_text(encoding="utf-8")}
    for key in ("published", "url", "publisher", "language", "title"):
        if key in meta:
            item[key] = meta[key]
    return item


@dataclass
class BuiltLedger:
    """What ingesting a ledger gold's articles gave: incidents, and each gold's article."""

    incidents: list[Incident]
    articles: dict[str, Article | None]  # gold file name -> its stored article
    crashed: list[tuple[str, str]]  # (gold file name or input, why)


def build_ledger(golds: Sequence[Path], workdir: Path) -> BuiltLedger:
    """Ingest the golds' articles together into a fresh store under `workdir` (pipeline.run,
    as `strikewatch ingest` does) and read back the ledger."""
    from strikewatch import pipeline
    from strikewatch.store import IncidentQuery, open_store

    folder = workdir / "articles"
    folder.mkdir(parents=True)
    items: dict[str, dict[str, Any]] = {}
    for g in golds:
        items[g.name] = article_input(g)
        (folder / f"{g.stem}.json").write_text(json.dumps(items[g.name]), encoding="utf-8")
    store = open_store(str(workdir / "ledger.db"))
    try:
        report = pipeline.run([str(folder)], store)
        by_id = {aid: why for aid, why in report.extract_failures}
        articles: dict[str, Article | None] = {}
        crashed = [(Path(name).name, why) for name, why in report.ingest.skipped]
        for name, item in items.items():
            found = _stored_article(store, item)
            articles[name] = found
            if found is not None and found.id in by_id:
                crashed.append((name, by_id[found.id]))
        return BuiltLedger(store.incidents(IncidentQuery(limit=0)), articles, crashed)
    finally:
        store.close()


def _stored_article(store: Store, item: Mapping[str, Any]) -> Article | None:
    """The stored article an input became: the one with its text, else (an html input, or
    text ingest rewrote) the one at its URL. Asked one way at a time: asked both at once the
    store may answer with another article of the batch that shares the URL, whichever row
    comes first, and the score would depend on the article's companions."""
    text = item.get("text")
    if isinstance(text, str) and text.strip():
        found = store.find_article(text=text.strip())
        if found is not None:
            return found
    url = item.get("url")
    return store.find_article(url=url) if isinstance(url, str) else None


# --- scoring ------------------------------------------------------------------------------

def is_violent_occurred(inc: Incident) -> bool:
    return inc.status == "occurred" and not inc.background and \
        inc.event_type not in NOT_VIOLENT_TYPES


def report_incidents(lg: LedgerGold, built: BuiltLedger,
                     sections: tuple[str, ...] = ("expect",)) -> dict[str, set[str]]:
    """For each report (`file#key`) of any entry of `sections` (expect), the incidents whose
    spans in that article overlap its evidence (where a span overlaps several entries, the
    entries whose fields the incident has most right)."""
    out: dict[str, set[str]] = {}
    dumped = [(inc.id, inc.model_dump(mode="json")) for inc in built.incidents]
    for g in lg.golds:
        art = built.articles.get(g.name)
        if art is None:
            continue
        gold, _ = load_gold(g)
        entries = [e for sec in sections for e in gold.get(sec) or []]
        spans = [evidence_spans(art.text, e.get("evidence") or [], f"{g.name} {e.get('key')}")
                 for e in entries]
        for inc_id, rec in dumped:
            own = {"provenance": {k: [s for s in v if s["article_id"] == art.id]
                                  for k, v in (rec.get("provenance") or {}).items()}}
            found = aligned_entries(rec, record_spans(own), entries, spans)
            if not found:
                continue
            top = max(w for w, _ in found)
            for w, j in found:
                if w == top:
                    out.setdefault(f"{g.name}#{entries[j].get('key')}", set()).add(inc_id)
    return out


def report_spans(lg: LedgerGold, built: BuiltLedger) -> dict[str, frozenset[tuple[int, int]]]:
    """For each report (`file#key`) whose article is in the ledger, its evidence spans in the
    article text: two reports with the same spans in one article cannot be told apart."""
    out: dict[str, frozenset[tuple[int, int]]] = {}
    for g in lg.golds:
        art = built.articles.get(g.name)
        if art is None:
            continue
        gold, _ = load_gold(g)
        for e in gold.get("expect") or []:
            where = f"{g.name} {e.get('key')}"
            spans = evidence_spans(art.text, e.get("evidence") or [], where)
            out[f"{g.name}#{e.get('key')}"] = frozenset(spans)
    return out


def tied_reports(lg: LedgerGold, spans: Mapping[str, frozenset[tuple[int, int]]]
                 ) -> dict[str, str]:
    """Report -> the id of its class of tied strikes, for the reports some other strike's
    report in the same article shares evidence spans with; a class is named by its first
    strike id and links every strike tied to another of it (in any article)."""
    owner = {r: s.id for s in lg.strikes for r in s.reports}
    by_key: dict[tuple[str, frozenset[tuple[int, int]]], list[str]] = {}
    for r, sp in spans.items():
        if r in owner and sp:
            by_key.setdefault((r.partition("#")[0], sp), []).append(r)
    parent = {s.id: s.id for s in lg.strikes}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    tied: list[str] = []
    for group in by_key.values():
        ids = sorted({owner[r] for r in group})
        if len(ids) < 2:
            continue
        tied += group
        for other in ids[1:]:
            a, b = sorted((root(ids[0]), root(other)))
            parent[b] = a
    return {r: root(owner[r]) for r in tied}


def share_tied_incidents(lg: LedgerGold, held: dict[str, dict[str, set[str]]],
                         tied: Mapping[str, str], incidents: Mapping[str, Incident]) -> None:
    """Give each incident that tied reports reach to one strike of their class (module doc):
    `held` (strike id -> report -> incident ids) keeps, for a tied report, only the incidents
    its strike was given."""
    by_id = {s.id: s for s in lg.strikes}
    classes: dict[str, list[str]] = {}
    for s in lg.strikes:
        if any(r in tied for r in s.reports):
            classes.setdefault(tied[next(r for r in s.reports if r in tied)], []).append(s.id)
    for members in classes.values():
        sids = sorted(members)
        reach = {sid: set().union(*(ids for r, ids in held[sid].items() if r in tied))
                 for sid in sids}
        cands = sorted(set().union(*reach.values()))
        if not cands:
            continue

        def fit(sid: str, c: str) -> int:
            s, inc = by_id[sid], incidents[c]
            untied = sum(c in ids for r, ids in held[sid].items() if r not in tied)
            return untied * 8 + found_ok(inc, s) * 4 + date_exact(inc, s) * 2 + \
                toll_exact(inc, s)

        size = max(len(sids), len(cands)) + 1
        edge = 8 * (max(len(by_id[sid].reports) for sid in sids) + 1) * size
        weight = [[(edge + fit(sid, c) * size + size - 1 - abs(i - j)) if c in reach[sid]
                   else 0 for j, c in enumerate(cands)] for i, sid in enumerate(sids)]
        given: dict[str, set[str]] = {sid: set() for sid in sids}
        rows, cols = linear_sum_assignment(weight, maximize=True)
        for i, j in zip(rows, cols, strict=True):
            if weight[i][j]:
                given[sids[i]].add(cands[j])
        matched = set().union(*given.values())
        for c in cands:
            if c not in matched:  # left over: a duplicate of the strike it fits best
                # max keeps the first of equals: the smallest strike id
                sid = max((sid for sid in sids if c in reach[sid]), key=lambda sid: fit(sid, c))
                given[sid].add(c)
        for sid in sids:
            for r in held[sid]:
                if r in tied:
                    held[sid][r] &= given[sid]


def _contradicts_toll(inc: Incident, s: Strike) -> bool:
    lo = max(x for x in (inc.killed_low, s.killed_low, 0) if x is not None)
    highs = [x for x in (inc.killed_high, s.killed_high) if x is not None]
    return bool(highs) and lo > min(highs)


def _contradicts_place(inc: Incident, s: Strike) -> bool:
    place = inc.place
    if place is None:
        return False
    if s.place_country and place.country and place.country != s.place_country:
        return True
    if s.sea and not s.place_country:
        if place.country:  # a strike at sea placed on land
            return True
        want, got = sea_key(Place(name=s.sea, kind="sea")), sea_key(place)
        if want and got and not (set(want.split()) & set(got.split())):
            return True
    return False


def date_near(inc: Incident, s: Strike, days: int = 1) -> bool:
    """Within `days` of the strike's day; a strike whose day the gold does not know (date
    null) is near any date."""
    lo, hi = day_number(inc.date_low), day_number(inc.date_high)
    g_lo, g_hi = day_number(s.date_low), day_number(s.date_high)
    if g_lo is None or g_hi is None:
        return True
    if lo is None or hi is None:
        return False
    return g_lo - days <= lo and hi <= g_hi + days


def found_ok(inc: Incident, s: Strike) -> bool:
    return date_near(inc, s) and not _contradicts_toll(inc, s) and \
        not _contradicts_place(inc, s)


def date_exact(inc: Incident, s: Strike) -> bool:
    return (inc.date_low, inc.date_high) == (s.date_low, s.date_high)


def toll_exact(inc: Incident, s: Strike) -> bool:
    return (inc.killed_low, inc.killed_high) == (s.killed_low, s.killed_high)


@dataclass
class LedgerScore:
    strikes: int = 0
    found: int = 0
    incidents: int = 0  # violent occurred incidents
    real: int = 0  # of those, some strike's best incident
    duplicate_incidents: int = 0  # sum over strikes of its reporting incidents beyond one
    false_incidents: int = 0  # report no strike at all
    dated: int = 0  # strikes whose day the gold knows: what date exact is counted over
    date_exact: int = 0
    toll_exact: int = 0
    multi_report: int = 0  # strikes with two or more reports that reached the ledger
    merged: int = 0  # of those, all such reports in one incident
    pairs: int = 0  # pairs of such reports of one strike
    pairs_together: int = 0  # of those, in one incident
    over_merged: int = 0  # incidents carrying reports of two or more strikes
    from_no_strike: int = 0  # false incidents from articles that report no strike
    crashed: int = 0
    details: list[str] = field(default_factory=list)  # the -v lines
    # each violent occurred incident as scored: "best" (some strike's best incident),
    # "duplicate" (reports a strike, not its best) or "false" (reports none); what the
    # incident confidence model learns from (learn/train_incident_filter.py)
    labels: dict[str, str] = field(default_factory=dict)

    def add(self, o: LedgerScore) -> None:
        for f in fields(self):
            if f.type == "int":
                k = f.name
                setattr(self, k, getattr(self, k) + getattr(o, k))
        self.details += o.details
        self.labels.update(o.labels)

    def lines(self) -> list[str]:
        def ratio(a: int, b: int) -> str:
            return f"{a}/{b} {a / b if b else 1.0:.2f}"

        return [
            f"strikes found (date ±1 day, toll and sea not contradicted): "
            f"{ratio(self.found, self.strikes)}",
            f"violent occurred incidents that are real strikes (precision): "
            f"{ratio(self.real, self.incidents)} "
            f"({self.duplicate_incidents} duplicate, {self.false_incidents} false)",
            f"date exact on the best incident: {ratio(self.date_exact, self.dated)} "
            f"(strikes of a known day)",
            f"death toll exact on the best incident: {ratio(self.toll_exact, self.strikes)}",
            f"reports of one strike merged into one incident: "
            f"{ratio(self.merged, self.multi_report)} (pairs of reports together: "
            f"{ratio(self.pairs_together, self.pairs)})",
            f"duplicate incidents for one strike: {self.duplicate_incidents}",
            f"incidents merging several strikes: {self.over_merged}",
            f"occurred strikes made from plan / threat / op-ed articles: "
            f"{self.from_no_strike}",
            f"articles whose extraction crashed: {self.crashed}",
        ]


def score_ledger(lg: LedgerGold, built: BuiltLedger) -> LedgerScore:
    """Score a built ledger against its ledger gold (the measures in the module doc)."""
    sc = LedgerScore(strikes=len(lg.strikes), crashed=len(built.crashed))
    sc.details += [f"CRASHED {name}: {why}" for name, why in built.crashed]
    by_report = report_incidents(lg, built)
    incidents = {inc.id: inc for inc in built.incidents if is_violent_occurred(inc)}
    sc.incidents = len(incidents)
    names = _article_names(built.articles)
    strikes_of: dict[str, set[str]] = {}  # incident id -> strikes it reports
    best_ids: set[str] = set()
    held_by = {s.id: {r: by_report.get(r, set()) & incidents.keys() for r in s.reports}
               for s in lg.strikes}
    share_tied_incidents(lg, held_by, tied_reports(lg, report_spans(lg, built)), incidents)
    for s in lg.strikes:
        sc.dated += s.date_low is not None
        held = held_by[s.id]
        cands = sorted(set().union(*held.values()))
        for c in cands:
            strikes_of.setdefault(c, set()).add(s.id)
        sc.duplicate_incidents += max(0, len(cands) - 1)
        reached = [ids for ids in held.values() if ids]
        if len(reached) > 1:
            sc.multi_report += 1
            sc.pairs += len(reached) * (len(reached) - 1) // 2
            sc.pairs_together += sum(bool(a & b) for i, a in enumerate(reached)
                                     for b in reached[i + 1:])
            if any(all(c in ids for ids in reached) for c in cands):
                sc.merged += 1
            else:
                where = "; ".join(f"{r} -> {', '.join(sorted(ids)) or 'none'}"
                                  for r, ids in held.items())
                sc.details.append(f"SPLIT {s.id}: {where}")
        if not cands:
            sc.details.append(f"MISSED {s.id}: no violent occurred incident from "
                              f"{', '.join(s.reports)}")
            continue
        # the best incident: found, then most reports, date exact, toll exact; last the
        # incident id (a hash of its earliest mention, so the same for the same articles)
        best = max((incidents[c] for c in cands), key=lambda inc: (
            found_ok(inc, s), sum(inc.id in ids for ids in held.values()),
            date_exact(inc, s), toll_exact(inc, s), inc.id))
        best_ids.add(best.id)
        sc.found += found_ok(best, s)
        sc.date_exact += s.date_low is not None and date_exact(best, s)
        sc.toll_exact += toll_exact(best, s)
        if found_ok(best, s) and not (s.date_low is None or date_exact(best, s)):
            sc.details.append(f"DATE {s.id}: best incident {best.id} has {best.date_low}.."
                              f"{best.date_high} (want {s.date_low}..{s.date_high})")
        if found_ok(best, s) and not toll_exact(best, s):
            sc.details.append(f"TOLL {s.id}: best incident {best.id} has killed "
                              f"{best.killed_low}..{best.killed_high} (want "
                              f"{s.killed_low}..{s.killed_high})")
        if not found_ok(best, s):
            sc.details.append(
                f"MISSED {s.id}: best incident {best.id} has date {best.date_low}.."
                f"{best.date_high}, killed {best.killed_low}..{best.killed_high}, place "
                f"{_place_text(best)} (want {s.date_low}..{s.date_high}, killed "
                f"{s.killed_low}..{s.killed_high}, {s.place_country or s.sea})")
    unstruck = incidents.keys() - strikes_of.keys()
    for inc_id in sorted(_other_event_incidents(lg, built, unstruck)):
        del incidents[inc_id]
        sc.details.append(f"OTHER {inc_id}: a violent event the ledger lists as no strike")
    sc.incidents = len(incidents)
    sc.real = len(best_ids)
    sc.labels = {i: "best" if i in best_ids else "duplicate" if i in strikes_of else "false"
                 for i in sorted(incidents)}
    reporting = {r.partition("#")[0] for s in lg.strikes for r in s.reports}
    for inc_id, inc in sorted(incidents.items()):
        arts = sorted({names.get(src.article_id, src.article_id) for src in inc.sources})
        if len(strikes_of.get(inc_id, ())) > 1:
            sc.over_merged += 1
            sc.details.append(f"OVER-MERGED {inc_id}: strikes "
                              f"{', '.join(sorted(strikes_of[inc_id]))}")
        if inc_id in strikes_of:
            continue
        sc.false_incidents += 1
        no_strike = [a for a in arts if a in names.values() and a not in reporting]
        if no_strike:
            sc.from_no_strike += 1
        sc.details.append(
            f"FALSE {inc_id} ({inc.date_low}, killed {inc.killed_low}..{inc.killed_high}, "
            f"{_place_text(inc)}){' [no-strike article]' if no_strike else ''}: "
            f"{', '.join(arts)}")
    return sc


def _other_event_incidents(lg: LedgerGold, built: BuiltLedger,
                           candidates: set[str]) -> set[str]:
    """The incidents among `candidates` (reporting no strike) that report an other event
    of the ledger gold: neither required nor false (module doc)."""
    if not lg.other_events or not candidates:
        return set()
    wanted = {r for reports in lg.other_events.values() for r in reports}
    by_report = report_incidents(lg, built, ("expect", "optional"))
    return candidates & set().union(*(by_report.get(r, set()) for r in wanted))


def _article_names(articles: Mapping[str, Article | None]) -> dict[str, str]:
    return {a.id: name for name, a in articles.items() if a is not None}


def _place_text(inc: Incident) -> str:
    p = inc.place
    return "no place" if p is None else f"{p.name} ({p.country or 'sea'})"


def evaluate_ledger(path: Path, workdir: Path | None = None) -> LedgerScore:
    """Ingest a ledger gold's articles into a fresh store and score its ledger."""
    lg = load_ledger_gold(path)
    with tempfile.TemporaryDirectory(prefix="ledger-eval-", dir=workdir) as tmp:
        built = build_ledger(lg.golds, Path(tmp))
    return score_ledger(lg, built)
