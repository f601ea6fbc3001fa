"""Synthetic news archives for scale tests and benchmarks, after the sample corpus's patterns.

Why synthetic: measuring how cost grows needs archives of 1k..100k articles, and the repo
ships one real article. The generator writes reports the way the sample corpus does —
strikes on boats and land targets, tallies of strikes "in recent weeks", planned operations,
designations, history recalled as background, attributions to outlets citing officials —
with places, dates, counts, actors and wording drawn at random from a seed. Several articles
report the same underlying event (as several outlets would), so resolution has real linking
work to do. Deterministic: the same (n, seed) always gives the same archive, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Theatres: (places with their domain, actors plausibly reported acting there).
THEATRES: list[tuple[list[tuple[str, str]], list[str]]] = [
    ([("the Caribbean Sea", "sea"), ("the eastern Pacific", "sea"),
      ("waters off Venezuela", "sea")], ["US forces", "the US military"]),
    ([("Culiacán", "land"), ("Sinaloa", "land"), ("Tamaulipas", "land")],
     ["Mexican security forces", "the Mexican army", "US forces"]),
    ([("Khan Younis", "land"), ("Gaza City", "land"), ("Rafah", "land")],
     ["Israeli forces", "the Israeli military"]),
    ([("Kharkiv", "land"), ("Odesa", "land"), ("Belgorod", "land")],
     ["Russian forces", "Ukrainian forces"]),
    ([("Sanaa", "land"), ("Hodeidah", "land"), ("the Red Sea", "sea")],
     ["the Saudi-led coalition", "Houthi forces", "US forces"]),
    ([("Mosul", "land"), ("Idlib", "land"), ("Deir ez-Zor", "land")],
     ["Turkish forces", "the Syrian army", "the US-led coalition"]),
    ([("Mogadishu", "land"), ("Kismayo", "land")], ["Somali forces", "US Africa Command"]),
]
PLACES = [place for places, _ in THEATRES for place in places]
ACTORS = sorted({actor for _, actors in THEATRES for actor in actors})
OUTLETS = [
    "Reuters", "the Associated Press", "NBC News", "CBS News", "the BBC", "Al Jazeera",
    "Agence France-Presse", "The Guardian", "CNN", "The New York Times",
]
SOURCES = [
    "officials said", "a military spokesperson said", "local health authorities said",
    "witnesses told reporters", "according to a government statement",
    "a monitoring group reported", "two officials familiar with the matter said",
]
TARGETS_SEA = ["a vessel", "a boat", "a speedboat", "a fishing vessel", "a semi-submersible"]
TARGETS_LAND = [
    "a house", "a vehicle", "a warehouse", "a checkpoint", "a market", "a compound",
    "an apartment building", "a drug lab",
]
WEAPONS = ["drone strike", "air strike", "missile strike", "artillery strike", "strike"]
NUMBER_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
    8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "a dozen",
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
]
GROUPS = [
    "six Mexican cartels", "two armed groups", "a militia", "the network",
    "three trafficking organisations",
]
FILLER = [
    "The incident drew sharp criticism from several governments in the region.",
    "Analysts said the pattern of operations marked a significant escalation.",
    "Human rights organisations called for an independent investigation.",
    "The defence ministry did not respond to a request for comment.",
    "Residents described hearing several loud explosions before dawn.",
    "The United Nations urged all parties to protect civilians.",
    "Lawmakers demanded a briefing on the legal basis for the operations.",
    "Footage shared online could not be independently verified.",
    "Officials declined to say how the targets had been identified.",
    "The government said it would continue the campaign until its goals were met.",
]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plural(actor: str) -> bool:
    return actor.endswith("forces")


def _count_phrase(rng: random.Random, n: int) -> str:
    style = rng.randrange(4)
    if style == 0 and n in NUMBER_WORDS:
        return NUMBER_WORDS[n]
    if style == 1:
        return f"at least {n}"
    if style == 2:
        return f"{n}"
    return f"more than {max(1, n - 1)}" if n > 2 else str(n)


def _event(rng: random.Random, index: int, start: dt.date, span_days: int) -> dict[str, Any]:
    places, actors = rng.choice(THEATRES)
    place, domain = rng.choice(places)
    day = start + dt.timedelta(days=rng.randrange(span_days))
    return {
        "index": index,
        "place": place,
        "target": rng.choice(TARGETS_SEA if domain == "sea" else TARGETS_LAND),
        "actor": rng.choice(actors),
        "weapon": rng.choice(WEAPONS),
        "date": day,
        "killed": rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 11, 12, 14, 17, 23, 40]),
        "injured": rng.choice([None, None, 1, 2, 5, 9, 20]),
    }


def _sentence_strike(rng: random.Random, ev: dict[str, Any], published: dt.date) -> str:
    gap = (published - ev["date"]).days
    when = f"on {WEEKDAYS[ev['date'].weekday()]}" if gap < 7 else (
        f"on {MONTHS[ev['date'].month - 1]} {ev['date'].day}"
    )
    killed = ev["killed"]
    victims = "no one" if killed == 0 else (
        "one person" if killed == 1 else f"{_count_phrase(rng, killed)} people"
    )
    if rng.random() < 0.5:
        s = (f"{_cap(ev['actor'])} carried out a {ev['weapon']} on {ev['target']} in "
             f"{ev['place']} {when}, killing {victims}, {rng.choice(SOURCES)}.")
    else:
        s = (f"A {ev['weapon']} by {ev['actor']} hit {ev['target']} in {ev['place']} {when}, "
             f"and {victims} {'was' if killed == 1 else 'were'} killed, {rng.choice(SOURCES)}.")
    if ev["injured"]:
        hurt = ev["injured"]
        s += (" One other person was wounded." if hurt == 1
              else f" {_cap(_count_phrase(rng, hurt))} others were wounded.")
    return s


def _sentence_tally(rng: random.Random, published: dt.date) -> str:
    strikes = rng.randrange(3, 30)
    killed = strikes * rng.randrange(2, 5)
    actor = rng.choice(ACTORS)
    place = rng.choice(PLACES)[0]
    says = rng.choice(["reports", "officials", "a tally by " + rng.choice(OUTLETS)])
    have = "have" if _plural(actor) else "has"
    return (f"In recent weeks, {actor} {have} conducted over {strikes} strikes in {place}, "
            f"killing at least {killed} people, according to {says}.")


def _sentence_plan(rng: random.Random) -> str:
    places, actors = rng.choice(THEATRES)
    actor, place = rng.choice(actors), rng.choice(places)[0]
    is_, has = ("are", "have") if _plural(actor) else ("is", "has")
    verb = rng.choice([f"{is_} reportedly preparing", f"{is_} planning",
                       f"{has} threatened to launch"])
    return (f"{_cap(actor)} {verb} a new operation in {place}, "
            f"{rng.choice(OUTLETS)} reported, citing {rng.choice(['two', 'three', 'four'])} "
            "officials.")


def _sentence_designation(rng: random.Random, published: dt.date) -> str:
    month = MONTHS[rng.randrange(published.month)]
    return (f"In {month}, the State Department designated {rng.choice(GROUPS)} as foreign "
            "terrorist organizations, broadening the authority to act against them.")


def _sentence_background(rng: random.Random) -> str:
    year = rng.randrange(1916, 2015)
    return (f"The last comparable operation took place in {year}, when troops crossed the "
            "border in pursuit of an armed group.")


def iter_synthetic(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """n article records (spec/records.md input form), streamed, deterministic per seed."""
    rng = random.Random(seed)
    start = dt.date(2025, 1, 1)
    # Events per day stay about constant as the archive grows (a larger archive covers a
    # longer period), as in a real news archive; ~1.3 distinct events a day.
    span_days = max(300, n // 2)
    events: list[dict[str, Any]] = []
    for i in range(n):
        # Each new article reports a fresh event or re-reports a recent one (other outlet).
        if events and rng.random() < 0.35:
            ev = rng.choice(events[-50:])
        else:
            ev = _event(rng, len(events), start, span_days)
            events.append(ev)
            if len(events) > 200:
                events = events[-100:]
        published = ev["date"] + dt.timedelta(days=rng.randrange(0, 10))
        outlet = rng.choice(OUTLETS)
        parts = [_sentence_strike(rng, ev, published)]
        for extra in rng.sample(["tally", "plan", "designation", "background"],
                                rng.randrange(0, 3)):
            if extra == "tally":
                parts.append(_sentence_tally(rng, published))
            elif extra == "plan":
                parts.append(_sentence_plan(rng))
            elif extra == "designation":
                parts.append(_sentence_designation(rng, published))
            else:
                parts.append(_sentence_background(rng))
        parts.extend(rng.sample(FILLER, rng.randrange(3, 7)))
        body = parts[:1] + rng.sample(parts[1:], len(parts) - 1)
        yield {
            "url": f"https://news.example/{outlet.split()[-1].lower()}/{seed}-{i:07d}",
            "title": f"{ev['weapon'].capitalize()} reported in {ev['place']}",
            "publisher": outlet.removeprefix("the ").removeprefix("The "),
            "published": published.isoformat(),
            "language": "en",
            "text": "\n\n".join(body),
        }


def write_archive(
    path: Path, n: int, seed: int = 7, fmt: str = "jsonl", partitions: int = 1
) -> Path:
    """Write n synthetic articles to `path` (a file, or a folder when partitions > 1).

    fmt "jsonl" or "parquet"; partitioned output is Hive-style (`part=K/…`), streamed.
    """
    if partitions <= 1:
        _write_part(path, iter_synthetic(n, seed), fmt)
        return path
    path.mkdir(parents=True, exist_ok=True)
    records = iter_synthetic(n, seed)
    per = -(-n // partitions)
    for k in range(partitions):
        chunk = (rec for _, rec in zip(range(per), records, strict=False))
        _write_part(path / f"part={k}" / f"articles.{fmt}", chunk, fmt)
    return path


def _write_part(path: Path, records: Iterator[dict[str, Any]], fmt: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        return
    if fmt != "parquet":
        raise ValueError(f"unknown format {fmt!r} (jsonl or parquet)")
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer: pq.ParquetWriter | None = None
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer, batch
        if batch:
            table = pa.Table.from_pylist(batch)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table)
            batch = []

    for rec in records:
        batch.append(rec)
        if len(batch) >= 1000:
            flush()
    flush()
    if writer is not None:
        writer.close()
